"""The service catalog of office 0101 as data: every service the seed names, its documents, fees and workflow.

Sources: the seed (the services of each unit) and FIELD-NOTES (documents asked for at case formation in Tehran).
Fixed fee amounts are defaults shipped with the program (the office's own service charge); the administration unit's
tariff table overrides them. Levies that depend on the property (area, use, zone) are ``computed``.
"""

from __future__ import annotations

from app.domain.catalog_model import DocumentType, FeeItem, Service

DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    # property and persons (FIELD-NOTES: documents asked for at case formation)
    DocumentType("title_deed", "سند مالکیت", "Title deed"),
    DocumentType("old_deed", "بنچاق (سند قبلی)", "Old (previous) deed"),
    DocumentType("renovation_levy_slip", "فیش عوارض نوسازی سال جاری", "This year's renovation-levy slip"),
    DocumentType("id_documents", "کارت ملی و شناسنامه مالکین", "ID documents of the owners"),
    DocumentType("power_of_attorney", "وکالت‌نامه", "Power of attorney"),
    DocumentType("inheritance_certificate", "گواهی انحصار وراثت", "Inheritance certificate"),
    DocumentType("subdivision_minutes", "صورتمجلس تفکیکی", "Subdivision minutes"),
    DocumentType("previous_permit", "آخرین پروانه یا گواهی صادر شده", "Previous permit or certificate"),
    DocumentType("utility_bill", "قبض آب، برق یا گاز", "Utility bill"),
    DocumentType(
        "detailed_plan_map", "نقشه ۱:۲۰۰۰ طرح تفصیلی با موقعیت ملک", "1:2000 detailed-plan map, property marked"
    ),
    DocumentType("request_letter", "درخواست کتبی متقاضی", "Written request of the applicant"),
    # engineers and plans
    DocumentType("supervisor_report", "گزارش مهندس ناظر", "Supervising engineer's report"),
    DocumentType("supervisor_contract", "قرارداد نظارت", "Supervision contract"),
    DocumentType("engineer_licence", "پروانه اشتغال مهندس", "Engineer's practising licence"),
    DocumentType("company_registration", "آگهی تاسیس و آخرین تغییرات شرکت", "Company registration and last changes"),
    DocumentType("plan_order", "دستور نقشه", "Map order (design brief)"),
    DocumentType("architectural_plans", "نقشه‌های معماری", "Architectural plans"),
    DocumentType("structural_calculations", "نقشه‌ها و محاسبات سازه", "Structural plans and calculations"),
    DocumentType("electrical_mechanical_plans", "نقشه‌های تاسیسات برقی و مکانیکی", "Electrical and mechanical plans"),
    DocumentType("commitments", "تعهدات و چک‌لیست", "Commitments and checklist"),
    DocumentType("notarized_undertaking", "تعهد محضری", "Notarised undertaking"),
    DocumentType("facade_undertaking", "تعهد نما", "Façade undertaking"),
    DocumentType("insurance_policy", "بیمه‌نامه", "Insurance policy"),
    DocumentType("completion_certificate", "گواهی پایان کار", "Completion certificate"),
    # violations and objections
    DocumentType("registry_letter", "نامه اداره ثبت", "Letter of the land registry"),
    DocumentType("engineering_plans", "نقشه‌های نظام مهندسی", "Engineering-organisation plans"),
    DocumentType("commission_ruling", "رای کمیسیون ماده صد", "Article 100 commission ruling"),
    DocumentType("objection_letter", "لایحه اعتراض یا دفاعیه", "Objection or defence statement"),
    DocumentType("presale_contract", "قرارداد پیش‌فروش", "Pre-sale contract"),
    DocumentType("fire_safety_licence", "مجوز فعالیت شرکت ایمنی و آتش‌نشانی", "Fire-safety company licence"),
    # renovation, waste, digging
    DocumentType("excavation_plan", "نقشه گودبرداری و حجم خاکبرداری", "Excavation plan and earth volume"),
    DocumentType("haulage_contract", "قرارداد حمل پسماند", "Waste-haulage contract"),
    DocumentType("digging_route_map", "نقشه مسیر حفاری", "Street-digging route map"),
    DocumentType("agency_request", "نامه درخواست دستگاه اجرایی", "Request letter of the utility agency"),
    # vehicles
    DocumentType("vehicle_card", "کارت خودرو", "Vehicle registration card"),
    DocumentType("vehicle_deed", "سند یا قرارداد خرید خودرو", "Vehicle ownership document"),
    DocumentType("previous_sticker", "آرم قبلی طرح ترافیک", "Previous traffic-zone sticker"),
    DocumentType("payment_receipt", "رسید پرداخت", "Payment receipt"),
    DocumentType("bank_account_certificate", "گواهی شماره شبا", "Bank account (IBAN) certificate"),
    DocumentType("fine_notice", "برگ اخطار جریمه", "Fine notice"),
    # letters and complaints
    DocumentType("circular", "متن مصوبه یا بخشنامه", "Resolution or circular"),
    DocumentType("agency_letter", "نامه اداره یا سازمان", "Letter of another agency"),
    DocumentType("complaint_letter", "شکایت‌نامه", "Complaint"),
    # made by the office itself during inspection
    DocumentType("site_photo", "عکس بازدید محل", "Site photo"),
    DocumentType("aerial_extract", "برش نقشه هوایی ۱:۲۰۰۰", "1:2000 aerial extract"),
)

# Persons: the owners are present with their ID documents, or an attorney brings a power of attorney; heirs bring the
# inheritance certificate. These ride along with most property services.
_PERSONS_IF = ("power_of_attorney", "inheritance_certificate")


def _office_fee(amount: int) -> FeeItem:
    return FeeItem("office_fee", "کارمزد دفتر خدمات", "Office service charge", amount)


_INSPECTION_FEE = FeeItem("inspection_fee", "هزینه بازدید", "Inspection visit charge", 1_500_000)


def _computed(code: str, title_fa: str, title_en: str) -> FeeItem:
    return FeeItem(code, title_fa, title_en, None)


SERVICES: tuple[Service, ...] = (
    # 1. Formation: opening a case file and the unit's other nine services
    Service(
        "F01_OPEN_CASE", "تشکیل پرونده (درخواست پروانه یا گواهی)", "Opening a case file (permit or certificate request)",
        "formation", "building_case", 10, True,
        required_documents=("title_deed", "renovation_levy_slip", "id_documents", "utility_bill", "detailed_plan_map"),
        conditional_documents=("old_deed", *_PERSONS_IF, "subdivision_minutes", "previous_permit"),
        fees=(_office_fee(1_200_000), _INSPECTION_FEE), sort_order=101,
    ),
    Service(
        "F02_SUPERVISOR_REPORT", "ثبت گزارش ناظر", "Recording a supervising engineer's report",
        "formation", "simple_request.formation", 3, False,
        required_documents=("supervisor_report", "supervisor_contract"), conditional_documents=("previous_permit",),
        fees=(_office_fee(500_000),), sort_order=102,
    ),
    Service(
        "F03_DETAILED_PLAN_INQUIRY", "استعلام طرح تفصیلی", "Detailed-plan inquiry",
        "formation", "simple_request.formation", 5, False,
        required_documents=("title_deed", "id_documents", "detailed_plan_map"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(600_000),), sort_order=103,
    ),
    Service(
        "F04_SEND_DEFENCE", "ارسال دفاعیه", "Sending a defence or appeal",
        "formation", "simple_request.formation", 3, False,
        required_documents=("objection_letter", "id_documents"),
        conditional_documents=("commission_ruling", "power_of_attorney"),
        fees=(_office_fee(500_000),), sort_order=104,
    ),
    Service(
        "F05_CANCEL_PRESALE", "ابطال پیش‌فروش", "Cancelling a pre-sale",
        "formation", "simple_request.formation", 5, False,
        required_documents=("presale_contract", "title_deed", "id_documents"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(600_000),), sort_order=105,
    ),
    Service(
        "F06_NON_ELIGIBILITY", "عدم قابلیت", "Non-eligibility",
        "formation", "simple_request.formation", 5, False,
        required_documents=("title_deed", "id_documents", "detailed_plan_map"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(600_000),), sort_order=106,
    ),
    Service(
        "F07_APPOINT_SUPERVISOR", "تشکیل ناظر حقوقی و حقیقی", "Appointing a supervisor (legal or natural person)",
        "formation", "simple_request.formation", 3, False,
        required_documents=("supervisor_contract", "engineer_licence", "id_documents"),
        conditional_documents=("company_registration", "previous_permit"),
        fees=(_office_fee(500_000),), sort_order=107,
    ),
    Service(
        "F08_CORRECT_PERSON", "اصلاح اطلاعات حقیقی", "Correcting a natural person's data",
        "formation", "simple_request.formation", 2, False,
        required_documents=("id_documents", "request_letter"), conditional_documents=("power_of_attorney",),
        fees=(_office_fee(300_000),), sort_order=108,
    ),
    Service(
        "F09_WATER_SEWAGE", "درخواست انشعابات آب و فاضلاب", "Requesting water and sewage connections",
        "formation", "simple_request.formation", 5, False,
        required_documents=("title_deed", "id_documents", "previous_permit"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(500_000),), sort_order=109,
    ),
    Service(
        "F10_FINANCE_LETTER", "ارسال نامه‌های اتوماسیون واحد مالی", "Sending automation letters for the finance unit",
        "formation", "simple_request.formation", 2, False,
        required_documents=("request_letter",), fees=(_office_fee(300_000),), sort_order=110,
    ),
    # 2. Inspection
    Service(
        "I01_SITE_INSPECTION", "بازدید ملک و رسم کروکی", "Site inspection and sketch",
        "inspection", "building_case", 7, True,
        required_documents=("title_deed", "id_documents", "renovation_levy_slip"),
        conditional_documents=(*_PERSONS_IF, "previous_permit"),
        fees=(_office_fee(500_000), _INSPECTION_FEE), sort_order=201,
    ),
    # 3. Violation review and its four services
    Service(
        "V01_INSPECTION_VIOLATIONS", "بررسی تخلفات بر اساس گزارش بازدید", "Reviewing violations from an inspection report",
        "violation", "violation_review", 10, False,
        required_documents=("title_deed", "id_documents"), conditional_documents=("previous_permit", *_PERSONS_IF),
        fees=(_office_fee(600_000),), sort_order=301,
    ),
    Service(
        "V02_REGISTRY_LETTER", "بررسی نامه ثبت (مغایرت پایان کار با نقشه‌های نظام مهندسی)",
        "Registry letter: completion certificate does not match the engineering plans",
        "violation", "violation_review", 10, True,
        required_documents=("registry_letter", "completion_certificate", "engineering_plans"),
        fees=(_office_fee(600_000),), sort_order=302,
    ),
    Service(
        "V03_ARTICLE100_OBJECTION", "ثبت اعتراض به آرای ماده صد", "Objection to an Article 100 commission ruling",
        "violation", "violation_review", 3, False,
        required_documents=("commission_ruling", "objection_letter", "id_documents"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(600_000),), sort_order=303,
    ),
    Service(
        "V04_FIRE_COMPANY", "ثبت شرکت آتش‌نشانی", "Registering the fire-safety company",
        "violation", "simple_request.violation", 5, False,
        required_documents=("company_registration", "fire_safety_licence", "previous_permit"),
        fees=(_office_fee(500_000),), sort_order=304,
    ),
    # 4. Architectural plan approval
    Service(
        "P01_PLAN_APPROVAL", "تایید نقشه معماری", "Architectural plan approval",
        "plan_approval", "plan_approval", 15, False,
        required_documents=("plan_order", "architectural_plans"), conditional_documents=("supervisor_contract",),
        fees=(_office_fee(800_000), _computed("plan_review_fee", "هزینه کنترل نقشه", "Plan review charge")),
        sort_order=401,
    ),
    # 5. Certificates
    Service(
        "C01_NO_VIOLATION", "گواهی عدم خلاف", "Certificate of no violation",
        "certificates", "certificate.no_violation", 10, True,
        required_documents=("title_deed", "id_documents", "renovation_levy_slip", "previous_permit"),
        conditional_documents=(*_PERSONS_IF, "subdivision_minutes"),
        fees=(_office_fee(800_000), _computed("certificate_levy", "عوارض صدور گواهی", "Certificate levy")),
        sort_order=501,
    ),
    Service(
        "C02_COMPLETION", "گواهی پایان کار", "Completion certificate",
        "certificates", "certificate.completion", 15, True,
        required_documents=(
            "title_deed", "id_documents", "renovation_levy_slip", "previous_permit", "supervisor_report",
        ),
        conditional_documents=(*_PERSONS_IF, "subdivision_minutes"),
        fees=(_office_fee(1_000_000), _computed("certificate_levy", "عوارض صدور گواهی", "Certificate levy")),
        sort_order=502,
    ),
    Service(
        "C03_NO_OBJECTION", "گواهی بلامانع", "No-objection certificate",
        "certificates", "certificate.no_objection", 7, False,
        required_documents=("title_deed", "id_documents", "request_letter"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(600_000),), sort_order=503,
    ),
    # 6. Permit drafts
    Service(
        "PD01_PERMIT_DRAFT", "پیش‌نویس پروانه ساختمانی", "Building-permit draft",
        "permits", "permit_draft", 15, False,
        required_documents=(
            "architectural_plans", "structural_calculations", "electrical_mechanical_plans", "commitments",
            "notarized_undertaking", "facade_undertaking", "insurance_policy", "supervisor_contract",
        ),
        fees=(
            _office_fee(1_500_000),
            _computed("permit_levy", "عوارض صدور پروانه", "Building-permit levy"),
            _computed("engineering_fee", "تعرفه نظام مهندسی", "Engineering-organisation fee"),
        ),
        sort_order=601,
    ),
    # 7. Renovation-tax clearance and waste
    Service(
        "R01_RENOVATION_CLEARANCE", "مفاصا حساب نوسازی", "Renovation-tax clearance",
        "renovation", "renovation_clearance", 3, False,
        required_documents=("title_deed", "id_documents"), conditional_documents=_PERSONS_IF,
        fees=(_office_fee(400_000), _computed("renovation_levy", "عوارض نوسازی", "Renovation levy")),
        sort_order=701,
    ),
    Service(
        "R02_WASTE_SLIP", "صدور فیش پسماند و نوسازی", "Waste and renovation payment slip",
        "renovation", "renovation_clearance", 2, False,
        required_documents=("title_deed", "id_documents"),
        fees=(_office_fee(300_000), _computed("waste_charge", "بهای خدمات پسماند", "Waste-management charge")),
        sort_order=702,
    ),
    Service(
        "R03_EXCAVATION_ROUTE", "تعیین مسیر و پسماند گودبرداری", "Excavation waste and haulage route",
        "renovation", "renovation_clearance", 5, True,
        required_documents=("previous_permit", "excavation_plan", "haulage_contract"),
        fees=(
            _office_fee(600_000),
            _computed("excavation_waste_charge", "بهای خدمات پسماند گودبرداری", "Excavation waste charge"),
        ),
        sort_order=703,
    ),
    Service(
        "R04_DIGGING_PERMIT", "مجوز حفاری", "Street-digging permit",
        "renovation", "renovation_clearance", 5, True,
        required_documents=("agency_request", "digging_route_map"),
        fees=(
            _office_fee(600_000),
            _computed("digging_restoration_fee", "هزینه ترمیم حفاری", "Street-restoration charge"),
        ),
        sort_order=704,
    ),
    # 8. Supervision and follow-up
    Service(
        "FU01_FOLLOWUP_REQUEST", "پیگیری پرونده", "Case follow-up request",
        "followup", "simple_request.followup", 3, False,
        required_documents=("id_documents",), sort_order=801,
    ),
    # 9. Municipality liaisons
    Service(
        "L01_DISTRICT_FOLLOWUP", "پیگیری پرونده در شهرداری منطقه", "Following a case up at the district",
        "liaison", "simple_request.liaison", 5, False, sort_order=901,
    ),
    Service(
        "L02_GREEN_SPACE_FOLLOWUP", "پیگیری فضای سبز ناحیه", "Following up green space in the zone",
        "liaison", "simple_request.liaison", 5, False, sort_order=902,
    ),
    # 10. Consultation
    Service(
        "CS01_CONSULTATION", "مشاوره طرح تفصیلی و قوانین شهرداری", "Consultation on the detailed plan and municipal law",
        "consultation", "simple_request.consultation", 2, False,
        conditional_documents=("title_deed", "detailed_plan_map"), fees=(_office_fee(400_000),), sort_order=1001,
    ),
    # 11. Vehicle charges
    Service(
        "VH01_TRAFFIC_STICKER", "صدور آرم طرح ترافیک سالیانه", "Annual traffic-zone sticker",
        "vehicle", "vehicle.sticker", 3, False,
        required_documents=("vehicle_card", "id_documents"), conditional_documents=("vehicle_deed",),
        fees=(_office_fee(300_000), _computed("sticker_charge", "بهای آرم طرح ترافیک", "Traffic-zone sticker charge")),
        sort_order=1101,
    ),
    Service(
        "VH02_STICKER_REPLACEMENT", "تعویض آرم طرح ترافیک", "Replacing the traffic-zone sticker",
        "vehicle", "vehicle.replacement", 3, False,
        required_documents=("vehicle_card", "id_documents", "previous_sticker"), conditional_documents=("vehicle_deed",),
        fees=(_office_fee(300_000), FeeItem("replacement_charge", "هزینه تعویض آرم", "Replacement charge", 1_000_000)),
        sort_order=1102,
    ),
    Service(
        "VH03_TRAFFIC_REFUND", "درخواست عودت هزینه طرح ترافیک", "Refund of the traffic-zone charge",
        "vehicle", "vehicle.refund", 10, False,
        required_documents=("vehicle_card", "id_documents", "payment_receipt", "bank_account_certificate"),
        fees=(_office_fee(300_000),), sort_order=1103,
    ),
    Service(
        "VH04_CAMERA_FINE_OBJECTION", "اعتراض به جرایم رانندگی دوربین‌ها", "Objection to a camera traffic fine",
        "vehicle", "vehicle.objection", 5, False,
        required_documents=("fine_notice", "vehicle_card", "objection_letter", "id_documents"),
        fees=(_office_fee(300_000),), sort_order=1104,
    ),
    # 12. Technical manager
    Service(
        "T01_CIRCULAR", "دریافت و بررسی مصوبات و بخشنامه‌ها", "Receiving and reviewing resolutions and circulars",
        "technical", "simple_request.technical", 5, False, required_documents=("circular",), sort_order=1201,
    ),
    Service(
        "T02_CORRESPONDENCE", "مکاتبه با ادارات (فن‌آوران، آتش‌نشانی، نظام مهندسی، کمیسیون باغات)",
        "Correspondence with other agencies",
        "technical", "simple_request.technical", 7, False, conditional_documents=("agency_letter",), sort_order=1202,
    ),
    # 13. Inspection and supervision (audit)
    Service(
        "A01_COMPLAINT", "رسیدگی به شکایت از عملکرد کارشناسان", "Complaint about staff conduct",
        "audit", "simple_request.audit", 5, False, required_documents=("complaint_letter",), sort_order=1301,
    ),
    Service(
        "A02_DISPUTE", "رفع اختلاف ارباب رجوع و کارشناس", "Dispute between a client and an expert",
        "audit", "simple_request.audit", 5, False, conditional_documents=("complaint_letter",), sort_order=1302,
    ),
)  # fmt: skip
