"""Pure parts of the services: what the search box recognises, person validation, outbox JSON, audit hashing."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.errors import ValidationError
from app.services.audit import GENESIS_HASH, canonical_json, entry_hash
from app.services.dto import PersonInput
from app.services.outbox import to_json_value
from app.services.people import clean_person
from app.services.search import classify

TODAY = dt.date(2025, 5, 5)


@pytest.mark.parametrize(
    ("typed", "kinds"),
    [
        ("0101040010000013", ["tracking"]),
        ("۰۱۰۱-۰۴-۰۰۱-۰۰۰۰۰۱-۳", ["tracking"]),
        ("0084575948", ["national_id", "postal_code"]),
        ("84575948", ["national_id"]),  # 8 digits, left-padded
        ("1234567890", ["postal_code"]),
        ("09121234567", ["mobile"]),
        ("+98 912 123 4567", ["mobile"]),
        ("10380284790", ["legal_id"]),
        ("1-4-76-10-1-2-0", ["renovation_code"]),
        ("11-72-1617", ["plate"]),
        ("1617/72", ["plate_pair"]),
        ("۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱", ["plate"]),
        ("علي محمدی", ["name"]),
        ("  ", []),
    ],
)
def test_classify(typed: str, kinds: list[str]) -> None:
    assert [q.kind for q in classify(typed)] == kinds


def test_tracking_number_with_a_typo_is_not_a_tracking_number() -> None:
    assert [q.kind for q in classify("0101040010000014")] == []


def test_clean_person_keys_and_errors() -> None:
    values = clean_person(PersonInput(kind="natural", national_id="84575948", first_name="مهدي",
                                      last_name="حسن\u200cزاده"), TODAY)  # fmt: skip
    assert values["national_id"] == "0084575948"
    assert values["name_key"] == "مهدی حسن زاده" and values["last_name_key"] == "حسن زاده مهدی"
    with pytest.raises(ValidationError) as err:
        clean_person(PersonInput(kind="company"), TODAY)
    assert err.value.params["errors"] == {"kind": "person.kind_invalid"}


def test_outbox_values_are_json() -> None:
    value = {"at": dt.datetime(2025, 5, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30))),
             "day": dt.date(2025, 5, 5), "tags": {"b", "a"}}  # fmt: skip
    assert to_json_value(value) == {"at": "2025-05-05T06:00:00+00:00", "day": "2025-05-05", "tags": ["a", "b"]}


def test_entry_hash_depends_on_every_field_and_the_previous_hash() -> None:
    fields = {"seq": 1, "details": {"ب": 1, "a": [1, 2]}, "action": "x"}
    assert canonical_json(fields) == '{"action":"x","details":{"a":[1,2],"ب":1},"seq":1}'
    base = entry_hash(fields, GENESIS_HASH)
    assert base != entry_hash({**fields, "seq": 2}, GENESIS_HASH)
    assert base != entry_hash(fields, "1" * 64)
    assert len(base) == 64
