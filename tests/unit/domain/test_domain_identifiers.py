"""Iranian identifiers: the published valid and invalid values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.identifiers import (
    RegistryPlate,
    RenovationCode,
    is_valid_legal_id,
    is_valid_mobile,
    is_valid_national_id,
    is_valid_postal_code,
    is_valid_renovation_code,
    normalize_legal_id,
    normalize_mobile,
    normalize_national_id,
    normalize_postal_code,
    postal_code_warning,
)


def _national_check(nine: str) -> str:
    r = sum(int(nine[i]) * (10 - i) for i in range(9)) % 11
    return nine + str(r if r < 2 else 11 - r)


@pytest.mark.parametrize("value", ["0084575948", "0013542419", "0499370899"])
def test_national_id_published_valid(value: str) -> None:
    assert is_valid_national_id(value)
    assert normalize_national_id(value) == value


@pytest.mark.parametrize("digit", "0123456789")
def test_national_id_all_same_digit_is_invalid(digit: str) -> None:
    # 1111111111 even passes the checksum: the rule is explicit.
    with pytest.raises(ValidationError) as err:
        normalize_national_id(digit * 10)
    assert err.value.code == "national_id.checksum"
    assert err.value.field == "national_id"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("84575948", "0084575948"),  # 8 digits: two leading zeros lost in a spreadsheet
        ("13542419", "0013542419"),
        ("499370899", "0499370899"),  # 9 digits
        ("۰۰۸۴۵۷۵۹۴۸", "0084575948"),  # Persian digits
        ("٠٠١٣٥٤٢٤١٩", "0013542419"),  # Arabic digits
        ("۰۴۹-۹۳۷۰۸۹-۹", "0499370899"),  # with separators
        (" 0084575948 ", "0084575948"),
    ],
)
def test_national_id_accepted_forms(typed: str, stored: str) -> None:
    assert normalize_national_id(typed) == stored


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0084575947", "national_id.checksum"),
        ("0084575949", "national_id.checksum"),
        ("1234567", "national_id.format"),  # too short to pad
        ("00845759481", "national_id.format"),  # 11 digits
        ("00845a5948", "national_id.format"),
        ("008457594²", "national_id.format"),
        ("", "national_id.format"),
        (None, "national_id.format"),
    ],
)
def test_national_id_invalid(value: str | None, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_national_id(value)
    assert err.value.code == code
    assert not is_valid_national_id(value)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_national_id_checksum_and_check_digit_errors(nine: str) -> None:
    valid = _national_check(nine)
    if len(set(valid)) == 1:
        return
    assert is_valid_national_id(valid)
    assert is_valid_national_id(valid.lstrip("0").rjust(8, "0")) == (len(valid.lstrip("0")) <= 10)
    # Exactly one check digit fits. (Not every single-digit error is caught: r = 1 and r = 10 share the digit 1.)
    for d in "0123456789":
        if d != valid[9]:
            assert not is_valid_national_id(valid[:9] + d)


@pytest.mark.parametrize("value", ["10380284790", "14007650912", "۱۰۳۸۰۲۸۴۷۹۰"])
def test_legal_id_published_valid(value: str) -> None:
    assert is_valid_legal_id(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("10380284791", "legal_id.checksum"),
        ("14007650913", "legal_id.checksum"),
        ("10300000090", "legal_id.checksum"),  # digits 4-9 all zero
        ("1038028479", "legal_id.format"),
        ("103802847900", "legal_id.format"),
        ("1038028479x", "legal_id.format"),
    ],
)
def test_legal_id_invalid(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_legal_id(value)
    assert err.value.code == code
    assert not is_valid_legal_id(value)


def test_legal_id_exactly_one_check_digit_fits() -> None:
    for base in ("10380284790", "14007650912"):
        for d in "0123456789":
            assert is_valid_legal_id(base[:10] + d) == (d == base[10])


def test_postal_code() -> None:
    assert is_valid_postal_code("1315678901")
    assert is_valid_postal_code("۱۳۱۵۶-۷۸۹۰۱")
    assert normalize_postal_code("۱۳۱۵۶-۷۸۹۰۱") == "1315678901"
    assert not is_valid_postal_code("131567890")
    assert not is_valid_postal_code("13156789012")
    assert not is_valid_postal_code("13156789a1")
    with pytest.raises(ValidationError) as err:
        normalize_postal_code("123")
    assert err.value.code == "postal_code.format"


@pytest.mark.parametrize(
    ("value", "warning"),
    [
        ("1315678901", None),
        ("1234567890", "postal_code.unusual"),  # 2 is not used in the first four digits
        ("1111678901", "postal_code.unusual"),  # four equal digits at the start
        ("1315278901", "postal_code.unusual"),  # 2 in the fifth digit
        ("1315672901", "postal_code.unusual"),  # 2 in the last five
        ("123", None),  # not a postal code at all: the format check reports that, not the warning
    ],
)
def test_postal_code_warning_pattern(value: str, warning: str | None) -> None:
    assert postal_code_warning(value) == warning
    if warning:
        assert is_valid_postal_code(value)  # a warning never blocks


@pytest.mark.parametrize(
    "typed",
    [
        "09121234567",
        "+989121234567",
        "00989121234567",
        "989121234567",
        "9121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
        "0912-123-4567",
        "(0912) 123 4567",
    ],
)
def test_mobile_forms(typed: str) -> None:
    assert normalize_mobile(typed) == "09121234567"
    assert is_valid_mobile(typed)


def test_mobile_any_operator_prefix() -> None:
    # Numbers port between operators: a prefix we do not know is still a mobile number.
    assert normalize_mobile("09981234567") == "09981234567"
    assert normalize_mobile("9011234567") == "09011234567"


@pytest.mark.parametrize(
    "typed",
    ["", None, "0912123456", "091212345678", "02188776655", "+98 21 8877 6655", "0912abc4567", "+1 912 123 4567",
     "++989121234567", "0912123456²"],
)  # fmt: skip
def test_mobile_invalid_raises_value_error(typed: str | None) -> None:
    with pytest.raises(ValueError, match=r"mobile\.format"):
        normalize_mobile(typed)
    assert not is_valid_mobile(typed)


def test_registry_plate() -> None:
    plate = RegistryPlate.parse("۱۱", "۷۲", "۱۶۱۷")
    assert plate == RegistryPlate(11, 72, 1617)
    assert plate.persian() == "۱۶۱۷ فرعی از ۷۲ اصلی بخش ۱۱"
    assert plate.key() == "11-72-1617"
    main_only = RegistryPlate.parse("11", "72", "")
    assert main_only.sub is None
    assert main_only.persian() == "۷۲ اصلی بخش ۱۱"
    assert main_only.key() == "11-72-0"


@pytest.mark.parametrize(("section", "main", "sub"), [("", "72", "1"), ("11", "", "1"), ("11", "7x", None),
                                                      ("0", "72", None), ("11", "72", "x")])  # fmt: skip
def test_registry_plate_invalid(section: str, main: str, sub: str | None) -> None:
    with pytest.raises(ValidationError) as err:
        RegistryPlate.parse(section, main, sub)
    assert err.value.code == "registry_plate.invalid"


def test_renovation_code() -> None:
    code = RenovationCode.parse("1-4-76-10-1-2-0")
    assert code.parts() == (1, 4, 76, 10, 1, 2, 0)
    assert str(code) == "1-4-76-10-1-2-0"
    assert RenovationCode.parse("۱-۴-۷۶-۱۰") == RenovationCode(1, 4, 76, 10)  # short form, zeros after
    assert RenovationCode.parse(" 1 / 4 / 76 / 10 / 1 / 2 / 0 ") == code
    assert RenovationCode.parse("1\u20134\u201376\u201310\u20131\u20132\u20130") == code  # en dashes from Word
    assert RenovationCode.parse(code.display()) == code  # copied from our own display
    assert code.display() == "\u2068۱-۴-۷۶-۱۰-۱-۲-۰\u2069"


@pytest.mark.parametrize("district", [1, 12, 22])
def test_renovation_code_districts_valid(district: int) -> None:
    assert is_valid_renovation_code(f"{district}-4-76-10")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0-4-76-10", "renovation_code.district"),
        ("23-4-76-10", "renovation_code.district"),
        ("1-4-76", "renovation_code.format"),
        ("1-4-76-10-1-2-0-9", "renovation_code.format"),
        ("1-0-76-10", "renovation_code.format"),
        ("1-4-x-10", "renovation_code.format"),
        ("", "renovation_code.format"),
    ],
)
def test_renovation_code_invalid(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        RenovationCode.parse(text)
    assert err.value.code == code
    assert not is_valid_renovation_code(text)


@given(st.text(max_size=20))
def test_validators_never_crash(text: str) -> None:
    # Any junk a clerk or a barcode reader types ends in a yes/no, never an unexpected exception.
    is_valid_national_id(text)
    is_valid_legal_id(text)
    is_valid_postal_code(text)
    postal_code_warning(text)
    is_valid_mobile(text)
    is_valid_renovation_code(text)
