"""Building violations and the Article 100 commission (کمیسیون ماده صد).

Kinds of violation with their Persian titles; the fine range the commission may set for extra area (½–3× the
assessed value per m² in residential zones, 2–4× in commercial ones: the multipliers and the assessed values are
tariff data, ``TariffYear.article100_multipliers`` and ``assessed_value_per_m2``); the objection deadline counted
from the day the ruling was served; the outcomes of first and appeal rulings.

Objection deadline: 10 days by default and a setting, because the figure is widely stated but unconfirmed
(FIELD-NOTES). Counted by default in **calendar** days with the Civil Procedure Code's rules (day of service not
counted, a last day on a holiday runs to the next working day): the ruling's notice says "ten days", and a
citizen counting on a calendar must arrive at the same date as the program. ``Counting.WORKING`` is available.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from app.domain.dates import WorkCalendar, format_jalali
from app.domain.identifiers import RenovationCode
from app.domain.rules.common import RuleError, floor_rials, non_negative, positive
from app.domain.rules.tariffs import TariffYear
from app.domain.rules.worktime import Counting, DeadlineStatus, deadline_after, deadline_status

DEFAULT_OBJECTION_DAYS = 10


class ViolationKind(StrEnum):
    NO_PERMIT = "no_permit"
    BEYOND_PERMIT = "beyond_permit"
    EXTRA_FLOOR_AREA = "extra_floor_area"
    CHANGE_OF_USE = "change_of_use"
    STREET_ENCROACHMENT = "street_encroachment"
    MISSING_PARKING = "missing_parking"


@dataclass(frozen=True, slots=True)
class ViolationKindInfo:
    kind: ViolationKind
    title_fa: str
    title_en: str
    measure: str
    """``m2`` (an area) or ``spaces`` (a count of parking spaces)."""
    fine_by_area: bool
    """True when the commission's fine is a multiple of the assessed value per m² of the area."""


VIOLATION_KINDS: Mapping[ViolationKind, ViolationKindInfo] = MappingProxyType(
    {
        info.kind: info
        for info in (
            ViolationKindInfo(ViolationKind.NO_PERMIT, "احداث بنا بدون پروانه", "Building without a permit", "m2",
                              True),
            ViolationKindInfo(ViolationKind.BEYOND_PERMIT, "احداث بنا مازاد بر پروانه", "Building beyond the permit",
                              "m2", True),
            ViolationKindInfo(ViolationKind.EXTRA_FLOOR_AREA, "اضافه بنا (مازاد تراکم)", "Extra floor area", "m2",
                              True),
            ViolationKindInfo(ViolationKind.CHANGE_OF_USE, "تغییر کاربری", "Change of use", "m2", False),
            ViolationKindInfo(ViolationKind.STREET_ENCROACHMENT, "تجاوز به معبر", "Encroachment on the street", "m2",
                              False),
            ViolationKindInfo(ViolationKind.MISSING_PARKING, "کسری پارکینگ", "Missing parking", "spaces", False),
        )
    }
)  # fmt: skip


def violation_info(kind: str | ViolationKind) -> ViolationKindInfo:
    try:
        return VIOLATION_KINDS[ViolationKind(kind)]
    except ValueError:
        raise RuleError("violation.unknown_kind", field="kind", kind=str(kind)) from None


@dataclass(frozen=True, slots=True)
class Violation:
    """One observed violation. ``quantity`` is in m² or parking spaces (see ``ViolationKindInfo.measure``)."""

    kind: ViolationKind
    quantity: Decimal
    note: str = ""

    def __post_init__(self) -> None:
        info = violation_info(self.kind)
        object.__setattr__(self, "kind", info.kind)
        quantity = positive(self.quantity, "quantity")
        if info.measure == "spaces" and quantity != quantity.to_integral_value():
            raise RuleError("violation.whole_spaces", field="quantity", value=str(quantity))
        object.__setattr__(self, "quantity", quantity)

    @property
    def info(self) -> ViolationKindInfo:
        return VIOLATION_KINDS[self.kind]


# ---------------------------------------------------------------------------------------------------------------------
# The commission's fine range


@dataclass(frozen=True, slots=True)
class FineRange:
    """What the commission may fine for one area-based violation, in rials."""

    kind: ViolationKind
    area_m2: Decimal
    assessed_value_per_m2: int
    low_multiplier: Decimal
    high_multiplier: Decimal
    minimum: int
    maximum: int

    def contains(self, fine_rials: int) -> bool:
        return self.minimum <= fine_rials <= self.maximum


def article100_fine_range(
    tariff: TariffYear, violation: Violation, location: str | RenovationCode, zone_use: str = "residential"
) -> FineRange:
    """The fine range for ``violation`` at ``location``: area × assessed value per m² × the use's multipliers.

    ``zone_use`` is ``residential`` or ``commercial`` (the rows of the tariff's multipliers). Violations that are not
    fined by area (change of use, encroachment, parking) raise ``violation.no_area_fine``: the commission decides
    them by demolition, remedy or its own valuation.
    """
    if not violation.info.fine_by_area:
        raise RuleError("violation.no_area_fine", field="kind", kind=violation.kind.value)
    multipliers = tariff.fine_multipliers(zone_use)
    value = tariff.assessed_value_per_m2.price_for(location)
    base = violation.quantity * value
    return FineRange(
        violation.kind,
        violation.quantity,
        value,
        multipliers.low,
        multipliers.high,
        floor_rials(base * multipliers.low),
        floor_rials(base * multipliers.high),
    )


def check_ruling_fine(fine_range: FineRange, fine_rials: int) -> None:
    """Refuse a recorded fine outside the legal range (a typing error in a ruling's amount, most often)."""
    if not fine_range.contains(fine_rials):
        raise RuleError(
            "violation.fine_out_of_range", field="fine", fine=fine_rials, minimum=fine_range.minimum,
            maximum=fine_range.maximum,
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------------
# Rulings and objections


class RulingOutcome(StrEnum):
    """A first-instance (بدوی) ruling of the Article 100 commission."""

    FINE = "fine"
    DEMOLITION = "demolition"
    RESTORE = "restore"
    NO_VIOLATION = "no_violation"


class AppealOutcome(StrEnum):
    """The appeal commission (تجدیدنظر) on an objection."""

    UPHELD = "upheld"
    AMENDED = "amended"
    OVERTURNED = "overturned"
    OBJECTION_LATE = "objection_late"


RULING_TITLES_FA: Mapping[str, str] = MappingProxyType(
    {
        RulingOutcome.FINE: "جریمه",
        RulingOutcome.DEMOLITION: "قلع بنا",
        RulingOutcome.RESTORE: "اعاده به وضع سابق",
        RulingOutcome.NO_VIOLATION: "برائت (عدم تخلف)",
        AppealOutcome.UPHELD: "تایید رای بدوی",
        AppealOutcome.AMENDED: "اصلاح رای بدوی",
        AppealOutcome.OVERTURNED: "نقض رای بدوی",
        AppealOutcome.OBJECTION_LATE: "رد اعتراض به علت خارج از مهلت",
    }
)


def objection_can_be_filed(outcome: RulingOutcome) -> bool:
    """A ruling against the owner can be objected to; an acquittal leaves nothing to object to (for the owner)."""
    return outcome is not RulingOutcome.NO_VIOLATION


@dataclass(frozen=True, slots=True)
class Ruling:
    number: str
    ruled_on: dt.date
    served_on: dt.date
    outcome: RulingOutcome
    fine_rials: int = 0

    def __post_init__(self) -> None:
        if not self.number.strip():
            raise RuleError("violation.ruling_number", field="number")
        if self.served_on < self.ruled_on:
            raise RuleError("violation.served_before_ruling", field="served_on")
        non_negative(self.fine_rials, "fine_rials")
        if (self.outcome is RulingOutcome.FINE) != (self.fine_rials > 0):
            raise RuleError("violation.fine_mismatch", field="fine_rials")


def objection_deadline(
    served_on: dt.date,
    *,
    days: int = DEFAULT_OBJECTION_DAYS,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> dt.date:
    """The last day to file an objection to a ruling served on ``served_on``."""
    return deadline_after(served_on, days, counting=counting, calendar=calendar)


def objection_status(
    served_on: dt.date,
    today: dt.date,
    *,
    days: int = DEFAULT_OBJECTION_DAYS,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> DeadlineStatus:
    """Deadline, days left (for the countdown) and whether it has expired."""
    deadline = objection_deadline(served_on, days=days, counting=counting, calendar=calendar)
    return deadline_status(deadline, today, counting=counting, calendar=calendar)


def require_objection_in_time(
    served_on: dt.date,
    filed_on: dt.date,
    *,
    days: int = DEFAULT_OBJECTION_DAYS,
    counting: Counting = Counting.CALENDAR,
    calendar: WorkCalendar | None = None,
) -> None:
    """Raise ``article100.objection_late`` (with the deadline) when ``filed_on`` is after the last day."""
    if filed_on < served_on:
        raise RuleError("article100.filed_before_service", field="filed_on")
    status = objection_status(served_on, filed_on, days=days, counting=counting, calendar=calendar)
    if status.expired:
        raise RuleError("article100.objection_late", field="filed_on", deadline=format_jalali(status.deadline),
                        days=days)  # fmt: skip
