"""The shaping/order helper: joined forms, right-to-left order, mirrored brackets, isolates, ZWNJ, wrapping."""

from __future__ import annotations

import unicodedata

import pytest

from app.printing import persian
from app.printing.fonts import REGULAR, register_fonts


@pytest.fixture(autouse=True, scope="module")
def _fonts() -> None:
    register_fonts()


def logical(visual_text: str) -> str:
    """Undo the visual order for a line that is all right-to-left letters and spaces: reverse, then NFKC."""
    return unicodedata.normalize("NFKC", visual_text[::-1])


def test_letters_take_joined_forms() -> None:
    shaped = persian.shape("سلام")
    assert all(0xFB50 <= ord(ch) <= 0xFEFF for ch in shaped)  # presentation forms, nothing left isolated
    assert unicodedata.normalize("NFKC", shaped) == "سلام"


def test_persian_line_is_reversed_for_drawing() -> None:
    assert logical(persian.visual("دفتر خدمات الکترونیک شهر")) == "دفتر خدمات الکترونیک شهر"


def test_digits_and_latin_keep_left_to_right_order_inside_persian() -> None:
    text = persian.visual("مبلغ ۱٬۲۵۰٬۰۰۰ ریال و کد ABC123")
    assert "۱٬۲۵۰٬۰۰۰" in text
    assert "ABC123" in text
    # The Persian words come in right-to-left order around them: «کد» is drawn left of «و».
    assert text.index("ABC123") < text.index(persian.shape("کد")[::-1])


def test_isolated_code_keeps_its_order_and_the_isolate_marks_are_gone() -> None:
    text = persian.visual("کد نوسازی: \u2068۱-۴-۷۶-۱۰-۱-۲-۰\u2069 در منطقه")
    assert "۱-۴-۷۶-۱۰-۱-۲-۰" in text
    assert not any(ch in text for ch in "\u2066\u2067\u2068\u2069\u202a\u202b\u202c")


def test_parentheses_are_mirrored_in_right_to_left_text() -> None:
    text = persian.visual("پلاک ۴ (واحد ۲)")
    # Drawn left to right, the group reads «(۲ دحاو)»: the bracket on the left must open to the right.
    assert text.startswith("(۲ ")
    assert text.index("(") < text.index(")")


def test_parentheses_around_latin_stay_as_typed() -> None:
    text = persian.visual("کاربری (R112)")
    assert "(R112)" in text


def test_zwnj_survives_and_keeps_the_word_parts_unjoined() -> None:
    text = persian.visual("می‌خواهم")
    assert "\u200c" in text
    assert logical(text).replace("\u200c", "") == "میخواهم"
    # «می» ends in a final form (not a medial one) because ZWNJ breaks the joining.
    assert unicodedata.name(persian.shape("می‌خواهم")[1]).endswith("FINAL FORM")


def test_wrapping_keeps_line_order_and_every_word() -> None:
    words = [f"واژه{i}" for i in range(40)]
    text = " ".join(words)
    lines = persian.wrap(text, REGULAR, 10, 120)
    assert len(lines) > 3
    assert " ".join(lines).split() == words  # reading order kept across lines
    assert all(persian.width(line, REGULAR, 10) <= 120 for line in lines)


def test_visual_lines_put_the_first_logical_line_on_top() -> None:
    text = "نخست " * 12 + "پایان"
    lines = persian.visual_lines(text, REGULAR, 10, 100)
    assert logical(lines[0]).split()[0] == "نخست"
    assert logical(lines[-1]).split()[-1] == "پایان"


def test_a_word_wider_than_the_line_is_cut_rather_than_overflowing() -> None:
    lines = persian.wrap("https://ecity.example.ir/" + "x" * 120, REGULAR, 10, 80)
    assert len(lines) > 1
    assert all(persian.width(line, REGULAR, 10) <= 80 for line in lines)
    assert "".join(lines) == "https://ecity.example.ir/" + "x" * 120


def test_newlines_start_new_lines_and_blank_text_gives_none() -> None:
    assert persian.wrap("یک\nدو", REGULAR, 10, 500) == ["یک", "دو"]
    assert persian.wrap("", REGULAR, 10, 500) == []
