"""Persian text normalisation: one stored form, and a search key.

Stored form: Arabic yeh/kaf folded to Persian, digits ASCII, kashida and diacritics removed, whitespace collapsed,
ZWNJ kept (it is spelling: «می‌خواهم») but never doubled or at a word's edge.
Search key: the stored form with ZWNJ and space made equivalent, and a few letter variants folded further
(hamza-carrying letters, teh marbuta) so a clerk finds «مؤسسه» by typing «موسسه».
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ASCII_DIGITS = "0123456789"

_CHAR_MAP = str.maketrans(
    {
        **{p: a for p, a in zip(_PERSIAN_DIGITS, _ASCII_DIGITS, strict=True)},
        **{p: a for p, a in zip(_ARABIC_DIGITS, _ASCII_DIGITS, strict=True)},
        "ي": "ی",  # ARABIC LETTER YEH
        "ى": "ی",  # ARABIC LETTER ALEF MAKSURA
        "ئ": "ئ",
        "ك": "ک",  # ARABIC LETTER KAF
        "ە": "ه",
        "ۀ": "هٔ",
        "\u0640": None,  # kashida (tatweel)
        "\u200b": None,  # zero width space
        "\ufeff": None,  # BOM
        "\u200e": None,  # LRM
        "\u200f": None,  # RLM
        "\u00a0": " ",
        LRI: None,
        RLI: None,
        FSI: None,
        PDI: None,
    }
)

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef); hamza above (U+0654) is kept in stored
# form because it is spelling («خانهٔ»), and folded away only in the search key.
_DIACRITICS = re.compile("[\u064b-\u0653\u0655-\u065f\u0670]")
# Every Unicode space (\s also covers U+001C..U+001F, U+0085, U+2028/9) becomes one plain space; other control
# characters (pasted from old systems) are dropped. ZWNJ is not whitespace and survives.
_SPACES = re.compile(r"\s+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_ZWNJ_RUN = re.compile(f"{ZWNJ}+")
_ZWNJ_AT_SPACE = re.compile(f" ?{ZWNJ} ?")

_SEARCH_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ة": "ه", "\u0654": None, ZWNJ: " "})


def normalize(text: str | None) -> str:
    """The one form in which Persian text is stored."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = _CONTROLS.sub("", _DIACRITICS.sub("", text))
    text = _SPACES.sub(" ", text)
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    # A ZWNJ beside a space or at the edges is noise from copy-paste.
    text = _ZWNJ_AT_SPACE.sub(lambda m: " " if " " in m.group(0) else ZWNJ, text)
    return text.strip(" " + ZWNJ)


def search_key(text: str | None) -> str:
    """Key for matching: ZWNJ and space are equivalent, letter variants folded, Latin lower-cased."""
    key = normalize(text).translate(_SEARCH_FOLD)
    return _SPACES.sub(" ", key).strip().casefold()


_TO_ASCII_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, _ASCII_DIGITS + _ASCII_DIGITS)
_TO_PERSIAN_DIGITS = str.maketrans(_ASCII_DIGITS, _PERSIAN_DIGITS)


def digits_to_ascii(text: str) -> str:
    return text.translate(_TO_ASCII_DIGITS)


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of 0-9 only. ``str.isdigit`` alone also accepts «²» or «𝟙», which ``int`` refuses."""
    return text.isascii() and text.isdigit()


def to_persian_digits(value: object) -> str:
    return str(value).translate(_TO_PERSIAN_DIGITS)


def only_digits(text: str | None) -> str:
    """ASCII digits of ``text`` with separators (space, dash, slash) dropped; other characters kept to fail checks."""
    if not text:
        return ""
    return re.sub(r"[\s\-_/.]", "", digits_to_ascii(text.strip()))


def ltr_isolate(value: object) -> str:
    """Wrap a left-to-right value (ID, plate, path) so it keeps its order inside a Persian sentence."""
    return f"{FSI}{value}{PDI}"
