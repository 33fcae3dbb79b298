"""Demo data of the violation review and plan approval tabs, made through their real services.

Violation review: a review with open and closed violation records, Article 100 rulings whose objection deadline is
near, on its last day and passed, an objection sent to the appeal commission, registry letters received and reviewed,
a fire-safety company registered. Plan approval: a register of architect firms (one inactive), plans received,
under review with half the checklist ticked, returned to the firm with comments, and referrals half answered (one
of them overdue).

Cases are opened on properties that no other open case uses, so the violations recorded here do not block the
certificate cases of the general demo.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import select

from app.domain.catalog import CATALOG
from app.domain.errors import DomainError
from app.domain.rules.common import RuleError
from app.domain.rules.zones import DEFAULT_ZONES
from app.domain.workflows import Actor
from app.models import Case, Property
from app.services.context import Services
from app.services.dto import OpenCaseInput
from app.services.plans import CHECKLIST

log = logging.getLogger(__name__)

FIRMS = (
    ("مهندسان مشاور نقش جهان پارس", "12-4567", "02188776655"),
    ("شرکت معماری آرمان شهر", "12-8890", "02122334455"),
    ("دفتر طراحی سازه و فضا", "13-1021", "02144556677"),
    ("آتلیه معماری کهن‌دژ", "11-0457", "02166778899"),
)


def _buildable(zone: str) -> bool:
    try:
        return DEFAULT_ZONES.get(zone).max_density_percent > 0
    except RuleError:
        return False


class _Journey:
    def __init__(self, services: Services, actors: Mapping[str, Actor], persons: Sequence[str],
                 properties: Sequence[str]) -> None:  # fmt: skip
        self.s = services
        self.v = actors["violation"]
        self.p = actors["plan"]
        self.persons = list(persons)
        self.free_properties = self._free(properties)
        self.n = 0

    def _free(self, properties: Sequence[str]) -> list[str]:
        with self.s.uow(writer=False) as uow:
            used = set(uow.session.scalars(select(Case.property_id).where(Case.closed_at.is_(None))))
            zones = {pid: zone for pid, zone in uow.session.execute(select(Property.id, Property.zone))}
        free = [p for p in properties if p not in used]
        # Plans need a zone with building rights for their plan order.
        self.zoned = [p for p in free or properties if _buildable(zones.get(p) or "")] or list(properties)
        return free or list(properties)

    def open(self, code: str, actor: Actor, at: dt.datetime) -> str:
        service = CATALOG.get(code)
        self.n += 1
        pool = self.zoned if code.startswith("P") else self.free_properties
        prop = pool[self.n % len(pool)]
        person = self.persons[(self.n * 7) % len(self.persons)]
        with self.s.clock_at(at):
            return self.s.intake.open_case(
                actor, OpenCaseInput(code, person, prop, frozenset(service.required_documents))
            ).case_id

    def act(self, actor: Actor, case_id: str, action: str, at: dt.datetime, note: str | None = None) -> None:
        with self.s.clock_at(at):
            self.s.cases.apply_action(actor, case_id, action, note=note,
                                      expected_version=self.s.cases.get_version(case_id))  # fmt: skip

    # -- violation review ----------------------------------------------------------------------------------------------
    def violations(self, now: dt.datetime) -> None:
        s, v = self.s, self.v
        day = dt.timedelta(days=1)
        review = self.open("V01_INSPECTION_VIOLATIONS", v, now - 3 * day)
        self.act(v, review, "start_review", now - 2 * day)
        with s.clock_at(now - 2 * day):
            s.violations.add_violation(v, review, "extra_floor_area", "42.5", "طبقه چهارم مازاد بر پروانه")
            s.violations.add_violation(v, review, "missing_parking", "2", "")
            settled = s.violations.add_violation(v, review, "street_encroachment", "3.2", "پیش‌آمدگی بالکن در معبر")
            s.violations.close_violation(v, review, settled, "بالکن اصلاح و پیش‌آمدگی برچیده شد")

        # Rulings: the objection deadline near, on its last days, passed; and one objection already sent.
        for served_days_ago, number, with_text in ((2, "1404-3312", True), (9, "1404-3190", False),
                                                   (15, "1404-2987", False), (4, "1404-3275", "sent")):  # fmt: skip
            case_id = self.open("V03_ARTICLE100_OBJECTION", v, now - (served_days_ago + 6) * day)
            self.act(v, case_id, "start_review", now - (served_days_ago + 5) * day)
            with s.clock_at(now - (served_days_ago + 5) * day):
                s.violations.add_violation(v, case_id, "beyond_permit", "65", "احداث طبقه ششم")
            self.act(v, case_id, "refer_to_commission", now - (served_days_ago + 4) * day, "ارجاع به کمیسیون ماده صد")
            served = (now - served_days_ago * day).date()
            with s.clock_at(now - served_days_ago * day):
                s.violations.record_ruling(v, case_id, number, served - 3 * day, served, "fine", 2_350_000_000,
                                           "جریمه معادل دو برابر ارزش معاملاتی")  # fmt: skip
            if with_text:
                with s.clock_at(now - day):
                    s.violations.save_objection(v, case_id, "طبقه ششم با مجوز شورای معماری ساخته شده و جریمه "
                                                "بیش از ارزش روز ملک تعیین شده است؛ تقاضای تجدیدنظر دارم.")  # fmt: skip
                    if with_text == "sent":
                        s.violations.send_objection(v, case_id)

        letters = self.open("V02_REGISTRY_LETTER", v, now - 4 * day)
        self.act(v, letters, "start_review", now - 3 * day)
        with s.clock_at(now - 3 * day):
            first = s.violations.add_registry_letter(v, letters, "ث-۱۴۰۴-۸۸۲۱", (now - 5 * day).date(),
                                                     "مغایرت مساحت پایان کار با نقشه‌های نظام مهندسی")  # fmt: skip
            s.violations.review_registry_letter(v, letters, first, "زیربنای طبقه دوم ۱۲ مترمربع بیش از نقشه است.",
                                                True)  # fmt: skip
            s.violations.add_registry_letter(v, letters, "ث-۱۴۰۴-۸۹۰۴", (now - 3 * day).date(),
                                             "استعلام تطابق تعداد واحدها با پایان کار")  # fmt: skip

        fire = self.open("V04_FIRE_COMPANY", v, now - 2 * day)
        self.act(v, fire, "start_review", now - day)
        with s.clock_at(now - day):
            s.violations.register_fire_company(v, fire, "ایمن‌سازان البرز", "45123", "آ-۹۹۱",
                                               (now + 300 * day).date(), "02133445566")  # fmt: skip

        # The building cases the inspection sent here get records for what the visit found.
        with s.uow(writer=False) as uow:
            open_cases = uow.session.execute(
                select(Case.id, Case.property_id, Case.state).where(Case.closed_at.is_(None), Case.deleted.is_(False))
            ).all()
        per_property: dict[str | None, int] = {}
        for _id, prop, _state in open_cases:
            per_property[prop] = per_property.get(prop, 0) + 1
        held = [cid for cid, prop, state in open_cases if state == "violation_hold" and per_property[prop] == 1]
        for case_id in held[:3]:
            with s.clock_at(now - day):
                s.violations.add_violation(v, case_id, "no_permit", "28", "انباری احداثی در حیاط بدون پروانه")

    # -- plan approval -------------------------------------------------------------------------------------------------
    def plans(self, now: dt.datetime) -> None:
        s, p = self.s, self.p
        day = dt.timedelta(days=1)
        existing = {f.registration_number for f in s.plans.list_firms()}
        for name, number, phone in FIRMS:
            if number not in existing:
                s.plans.register_firm(p, name, number, phone)
        by_number = {f.registration_number: f.id for f in s.plans.list_firms()}
        s.plans.set_firm_active(p, by_number[FIRMS[-1][1]], False)
        firm_ids = [by_number[number] for _name, number, _phone in FIRMS[:-1]]
        codes = [c for c, _t in CHECKLIST]

        def prepared(at: dt.datetime, firm: str, sheets: int) -> str:
            case_id = self.open("P01_PLAN_APPROVAL", p, at)
            with s.clock_at(at):
                order = s.plans.suggested_order(case_id)
                if order is not None:
                    try:
                        s.plans.set_plan_order(
                            p, case_id, zone_code=order.zone_code, uses=order.uses, land_area_m2=order.land_area_m2,
                            max_density_percent=order.max_density_percent, max_floors=order.max_floors,
                            max_coverage_percent=order.max_coverage_percent, parking_per_unit="1",
                        )  # fmt: skip
                    except DomainError as exc:  # a demo property in a zone without building rights
                        log.info("demo plan order skipped: %s", exc)
                s.plans.record_submission(p, case_id, firm, sheets, "ارسال از سامانه شرکت معمار")
            return case_id

        prepared(now - day, firm_ids[0], 12)
        reviewing = prepared(now - 3 * day, firm_ids[1], 16)
        self.act(p, reviewing, "start_review", now - 2 * day)
        with s.clock_at(now - 2 * day):
            s.plans.set_checklist(p, reviewing, codes[:4])
        returned = prepared(now - 6 * day, firm_ids[2], 9)
        self.act(p, returned, "start_review", now - 5 * day)
        with s.clock_at(now - 4 * day):
            s.plans.set_checklist(p, returned, codes[:2])
            s.plans.return_to_firm(p, returned, "عرض راه‌پله کمتر از ۱۲۰ سانتی‌متر و نورگیر شمالی کوچک‌تر از ضابطه است.")
        for sent_days_ago, answered in ((4, True), (16, False)):
            case_id = prepared(now - (sent_days_ago + 3) * day, firm_ids[0], 14)
            self.act(p, case_id, "start_review", now - (sent_days_ago + 2) * day)
            at = now - sent_days_ago * day
            with s.clock_at(at):
                s.plans.set_checklist(p, case_id, codes)
                if s.plans.get_file(p, case_id).plan_order is None:
                    continue
                s.plans.approve_plans(p, case_id)
            if answered:
                with s.clock_at(now - day):
                    s.plans.record_referral_answer(p, case_id, "green_space", "conditional",
                                                   "حفظ دو اصله درخت چنار در حیاط الزامی است.", "3345")  # fmt: skip


def add_journey_demo(
    services: Services, actors: Mapping[str, Actor], persons: Sequence[str], properties: Sequence[str]
) -> None:
    """Fill the violation review and plan approval cartables (called once from ``create_demo``)."""
    if "violation" not in actors or "plan" not in actors or not persons or not properties:
        return
    journey = _Journey(services, actors, persons, properties)
    now = services.now()
    journey.violations(now)
    journey.plans(now)
