"""Demo data of the watching units (issue 8), through their real services with the clock set in the past: citizens'
calls and visits (follow-up), liaison tasks, consultations and the zone reference, circulars with acknowledgements,
correspondence and technical questions, complaints, and a little unusual activity for the audit unit's alerts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select

from app.domain.workflows import Actor
from app.models import Case
from app.services.context import Services

CONTACT_NOTES = (
    "مرحله فعلی پرونده و مهلت آن به متقاضی اعلام شد.",
    "پرونده در انتظار بازدید است؛ تاریخ بازدید اعلام شد.",
    "کسری مدارک به متقاضی گفته شد.",
    "متقاضی برای پیگیری حضوری مراجعه کرد؛ به واحد مربوط ارجاع شد.",
)
CALLERS = ("علی محمدی", "مریم احمدی", "حسین رضایی", "زهرا کریمی", "رضا موسوی")


def _open_cases(services: Services, limit: int) -> list[tuple[str, str]]:
    with services.uow(writer=False) as uow:
        rows = uow.session.execute(
            select(Case.id, Case.unit).where(Case.closed_at.is_(None)).order_by(Case.opened_at.desc()).limit(limit)
        ).all()
    return [(r[0], r[1]) for r in rows]


def create_watch_demo(services: Services, actors: Mapping[str, Actor], seed: int = 1404) -> None:
    rng = random.Random(seed)
    now = services.now()
    cases = _open_cases(services, 40)
    if not cases:
        return
    fu = actors["followup"]
    # Follow-up: a week of calls and visits.
    for i in range(8):
        case_id, _unit = cases[i % len(cases)]
        with services.clock_at(now - dt.timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 5))):
            services.followup.log_contact(
                fu, channel=rng.choice(("call", "visit")), query_kind=rng.choice(("tracking", "national_id", "mobile")),
                case_id=case_id, caller_name=rng.choice(CALLERS), note=rng.choice(CONTACT_NOTES),
            )  # fmt: skip
    # Audit: complaints at each step, a night's work, reprints of one certificate, views outside one's unit.
    auditor = actors["auditor"]
    staff = [actors[name] for name in ("inspector1", "plan", "permits", "violation")]
    descriptions = (
        ("complaint", "متقاضی از تأخیر در بازدید ملک شکایت دارد."),
        ("dispute", "اختلاف متقاضی و کارشناس درباره متراژ زیربنا."),
        ("misconduct", "درخواست وجه خارج از تعرفه از متقاضی."),
        ("complaint", "برخورد نامناسب با ارباب رجوع در پیشخوان."),
    )
    with services.uow(writer=False) as uow:
        trackings = [t for (t,) in uow.session.execute(select(Case.tracking_number).limit(len(descriptions)))]
    for i, (kind, text) in enumerate(descriptions):
        with services.clock_at(now - dt.timedelta(days=10 - i * 2)):
            saved = services.audit_views.register_complaint(
                auditor, kind=kind, description=text, complainant_name=CALLERS[i], tracking=trackings[i],
                staff_user_id=staff[i].user_id,
            )  # fmt: skip
        if i < 3:
            with services.clock_at(now - dt.timedelta(days=8 - i * 2)):
                services.audit_views.investigate(auditor, saved.id, "گزارش کارشناس و متقاضی گرفته شد.")
        if i < 2:
            with services.clock_at(now - dt.timedelta(days=6 - i * 2)):
                services.audit_views.resolve(auditor, saved.id, "موضوع با توضیح به متقاضی و اصلاح پرونده حل شد.")
    night = (now - dt.timedelta(days=3)).replace(hour=18, minute=40)  # 22:10 in Tehran
    with services.clock_at(night):
        for nid in _national_ids(services, 3):
            services.search.search(actors["violation"], nid)
    with services.clock_at(now - dt.timedelta(days=2)), services.uow() as uow:
        for _ in range(3):
            services.audit.record(uow.session, actors["certificates"], "print.reprinted", "case", cases[0][0],
                                  {"document": "certificate", "document_key": "NV-1405-0007", "copy_number": 1})  # fmt: skip
        uow.commit()
    create_liaison_consultation_technical_demo(services, actors, cases, rng)


def _national_ids(services: Services, n: int) -> list[str]:
    from app.models import Person

    with services.uow(writer=False) as uow:
        rows = uow.session.scalars(
            select(Person.national_id).join(Case, Case.applicant_id == Person.id).where(Person.national_id.is_not(None))
            .limit(n)
        ).all()  # fmt: skip
    return [str(r) for r in rows]


# ---------------------------------------------------------------------------------------------------------------------
# Liaisons, consultation and the technical manager (units 9, 10 and 12).

LIAISON_TASKS = (
    ("district_followup", "پیگیری صدور پروانه در شهرداری منطقه", ""),
    ("problem_solving", "رفع مغایرت متراژ با کارشناس منطقه", "مهندس صالحی"),
    ("special_followup", "پیگیری ویژه پرونده جانبازان", ""),
    ("green_space", "پیگیری قطع درختان در پهنه G", ""),
    ("district_followup", "پیگیری پاسخ استعلام اصلاحی", ""),
    ("problem_solving", "حل مشکل ثبت نشدن پرداخت عوارض", "خانم توکلی"),
    ("district_followup", "پیگیری امضای پروانه در منطقه", ""),
    ("green_space", "بازدید فضای سبز ناحیه ۳", ""),
    ("special_followup", "پیگیری ویژه پرونده ماده صد", ""),
)
LIAISON_OUTCOMES = ("پرونده در منطقه امضا و ارسال شد.", "مشکل با کارشناس منطقه برطرف شد.", "پاسخ استعلام دریافت شد.")
CONSULTATIONS = (
    (
        "citizen",
        "detailed_plan",
        "R122",
        "در پهنه R122 ساخت پنج طبقه مجاز است؟",
        "بله؛ حداکثر پنج طبقه با تراکم ۳۰۰ درصد و سطح اشغال ۶۰ درصد.",
    ),
    (
        "citizen",
        "detailed_plan",
        "M111",
        "آیا در پهنه مختلط می‌توان طبقه همکف را تجاری ساخت؟",
        "بله، کاربری تجاری در طبقه همکف پهنه مختلط مجاز است.",
    ),
    (
        "expert",
        "municipal_law",
        "",
        "جریمه کسری پارکینگ بر اساس کدام مصوبه محاسبه می‌شود؟",
        "بر اساس مصوبه شورای اسلامی شهر و تعرفه عوارض سال جاری.",
    ),
    (
        "citizen",
        "case_problem",
        "",
        "چرا پرونده من هنوز در مرحله بازدید مانده است؟",
        "نوبت بازدید به دلیل تعطیلی جابه‌جا شد؛ بازدید هفته آینده انجام می‌شود.",
    ),
    (
        "citizen",
        "detailed_plan",
        "G111",
        "در باغ مشمول ضوابط باغات ساختمان‌سازی ممکن است؟",
        "فقط با رعایت سطح اشغال مجاز و پس از تأیید کمیسیون باغات.",
    ),
    ("expert", "other", "", "برای تمدید پروانه چه مدارکی لازم است؟", ""),
    (
        "citizen",
        "municipal_law",
        "",
        "عوارض نوسازی ملک قدیمی چگونه حساب می‌شود؟",
        "بر اساس ارزش معاملاتی و نرخ سال جاری؛ فیش در واحد نوسازی صادر می‌شود.",
    ),
    ("citizen", "detailed_plan", "", "کاربری ملک من در طرح تفصیلی چیست؟", ""),
)
CIRCULARS = (
    (
        "circular",
        "12/4521",
        "معاونت شهرسازی و معماری",
        "الزام نقشه تفکیکی در تشکیل پرونده پایان‌کار",
        ("formation", "certificates"),
        ("F01_OPEN_CASE", "C02_COMPLETION"),
    ),
    (
        "resolution",
        "1404/38",
        "شورای اسلامی شهر تهران",
        "تعرفه عوارض صدور پروانه ساختمانی سال ۱۴۰۴",
        ("permits", "renovation", "formation"),
        ("PD01_PERMIT_DRAFT", "R01_RENOVATION_CLEARANCE"),
    ),
    (
        "circular",
        "34/870",
        "سازمان فناوری اطلاعات و ارتباطات شهرداری",
        "ثبت مختصات ملک در بازدید میدانی",
        ("inspection", "technical"),
        ("I01_SITE_INSPECTION",),
    ),
    (
        "circular",
        "7/2210",
        "معاونت حمل و نقل و ترافیک",
        "نحوه رسیدگی به اعتراض جرایم دوربین",
        ("vehicle", "technical"),
        ("VH04_CAMERA_FINE_OBJECTION",),
    ),
)
LETTERS = (
    ("fire", "outgoing", "4512/ص", "استعلام ایمنی ساختمان تجاری", None),
    ("fire", "incoming", "889/و", "پاسخ استعلام ایمنی ساختمان تجاری", 0),
    ("engineering", "outgoing", "4530/ص", "معرفی ناظر حقوقی پرونده", None),
    ("gardens", "outgoing", "4544/ص", "استعلام مشمولیت ضوابط باغات", None),
    ("technology", "incoming", "1203/و", "به‌روزرسانی سامانه شهرسازی", None),
    ("gardens", "incoming", "902/و", "پاسخ استعلام باغات", 3),
)
TECH_QUESTIONS = (
    ("intake", "برای پرونده ملک وقفی چه مدرکی اضافه لازم است؟", "اجاره‌نامه اوقاف و موافقت اداره اوقاف."),
    ("inspector1", "در ملک با دو پلاک ثبتی کروکی را چگونه رسم کنیم؟", "هر پلاک جداگانه و تجمیع با خط‌چین."),
    ("plan", "پیش‌آمدگی بالکن در معبر ۸ متری مجاز است؟", ""),
    ("violation", "کسری پارکینگ در ملک قدیمی چگونه محاسبه می‌شود؟", ""),
    ("permits", "تمدید پروانه پس از دو سال نیاز به بازدید دارد؟", "بله، بازدید مجدد لازم است."),
)


def _circular_scan(services: Services, number: str, subject: str, folder: Path) -> Path:
    """A one-page PDF standing for the scanned circular."""
    from app.printing.data import OfficeInfo
    from app.printing.frame import DocumentInfo, build_paged
    from app.printing.layout import TITLE, para

    info = DocumentInfo(OfficeInfo(name="دفتر خدمات الکترونیک شهر", code=services.office_code), subject, services.now())
    data = build_paged([para(f"بخشنامه شماره {number}", TITLE), para(subject)], info, "a4")
    path = folder / f"circular-{number.replace('/', '-')}.pdf"
    path.write_bytes(data)
    return path


def create_liaison_consultation_technical_demo(
    services: Services, actors: Mapping[str, Actor], cases: list[tuple[str, str]], rng: random.Random
) -> None:  # fmt: skip
    from app.models import Circular

    with services.uow(writer=False) as uow:
        if uow.session.scalar(select(Circular.id).limit(1)) is not None:
            return  # a second demo run: the registers (unique numbers, the extra liaisons) are there already
    now = services.now()
    with services.uow(writer=False) as uow:
        trackings = [t for (t,) in uow.session.execute(select(Case.tracking_number).where(
            Case.id.in_([c for c, _ in cases])))]  # fmt: skip
    # -- liaisons: two more liaisons, tasks over the last three weeks, some late ------------------------------------
    head = actors["liaison"]
    from app.services.demo import DEMO_PASSWORD

    for username, name in (("liaison2", "کاوه نادری"), ("liaison3", "نسرین امیری")):
        services.auth.create_user(actors["admin"], username, name, DEMO_PASSWORD, ["liaison.liaison"])
    liaisons = [head, services.auth.actor_by_username("liaison2"), services.auth.actor_by_username("liaison3")]
    for i, (kind, title, expert) in enumerate(LIAISON_TASKS):
        who = liaisons[i % 3]
        start = now - dt.timedelta(days=20 - i * 2)
        with services.clock_at(start):
            saved = services.liaison.assign_task(
                head, kind=kind, liaison_id=who.user_id, district=rng.choice((2, 3, 5, 6, 22)), title=title,
                due_date=services.today() + dt.timedelta(days=rng.choice((3, 5, 7))),
                tracking="" if kind == "green_space" else trackings[i % len(trackings)], municipal_expert=expert,
                notes="ارجاع از سرپرست رابطین",
            )  # fmt: skip
        if i < 5:
            with services.clock_at(start + dt.timedelta(days=(2, 9, 4, 8, 3)[i])):
                services.liaison.complete_task(who, saved.id, LIAISON_OUTCOMES[i % 3])
    # -- consultation: questions and answers, one sub-zone added to the reference ------------------------------------
    consult = actors["consult"]
    for i, (kind, topic, zone, question, answer) in enumerate(CONSULTATIONS):
        with services.clock_at(now - dt.timedelta(days=12 - i, hours=i)):
            services.consultation.log(consult, asker_name=CALLERS[i % len(CALLERS)], asker_kind=kind, topic=topic,
                                      question=question, answer=answer, zone_code=zone,
                                      tracking=trackings[i] if topic == "case_problem" else "")  # fmt: skip
    with services.clock_at(now - dt.timedelta(days=5)):
        services.consultation.save_zone(
            consult, code="R123", title_fa="مسکونی میان‌تراکم ویژه (۲۷۰٪)", title_en="Special medium-density (270%)",
            allowed_uses=["residential", "parking"], max_density_percent=270, max_floors=4, max_coverage_percent=60,
            notes_fa="زیرپهنه افزوده شده توسط واحد مشاوره برای محدوده نمونه.",
        )  # fmt: skip
    # -- technical manager: circulars (one with its scan), acknowledgements, letters and questions -----------------------
    tm = actors["techmanager"]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for i, (kind, number, issuer, subject, units, codes) in enumerate(CIRCULARS):
            with services.clock_at(now - dt.timedelta(days=25 - i * 6)):
                day = services.today()
                scan = _circular_scan(services, number, subject, Path(folder)) if i == 0 else None
                circular = services.technical.register_circular(
                    tm, kind=kind, number=number, issued_on=day - dt.timedelta(days=2), issuer=issuer, subject=subject,
                    effective_on=day + dt.timedelta(days=1), units=units, services=codes, scan_path=scan,
                    body_text=f"{subject}؛ از تاریخ اجرا در همه پرونده‌های مربوط رعایت شود.",
                )  # fmt: skip
            readers = [a for a in actors.values() if a.units & set(units) and a.username not in ("all", "techmanager")]
            unread = i % len(readers) if readers else -1  # someone has not read each one yet
            for j, reader in enumerate(r for k, r in enumerate(readers) if k != unread):
                with services.clock_at(now - dt.timedelta(days=24 - i * 6 - j % 3)):
                    services.technical.acknowledge(reader, circular.id)
    letter_ids: list[str] = []
    for i, (agency, direction, number, subject, reply_to) in enumerate(LETTERS):
        with services.clock_at(now - dt.timedelta(days=18 - i * 3)):
            letter = services.technical.log_letter(
                tm, agency=agency, direction=direction, secretariat_no=number, letter_date=services.today(),
                subject=subject, tracking=trackings[i] if direction == "outgoing" else "",
                in_reply_to_id=letter_ids[reply_to] if reply_to is not None else None,
            )  # fmt: skip
            letter_ids.append(letter.id)
    for i, (username, question, answer) in enumerate(TECH_QUESTIONS):
        with services.clock_at(now - dt.timedelta(days=9 - i * 2)):
            q = services.technical.ask(actors[username], question, tracking=trackings[i] if i % 2 else "")
        if answer:
            with services.clock_at(now - dt.timedelta(days=8 - i * 2)):
                services.technical.answer(tm, q.id, answer)
