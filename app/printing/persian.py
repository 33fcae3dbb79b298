"""Persian shaping and order for reportlab: the one place where logical text becomes drawable (visual) text.

reportlab draws glyphs left to right exactly as given. Persian needs two things first:
1. shaping: each letter takes its initial/medial/final/isolated form (``arabic-reshaper`` maps letters to the Unicode
   presentation forms, which Vazirmatn carries), and
2. order: the bidirectional algorithm turns the logical order into the visual one (``python-bidi``).

Both run on ONE LINE at a time, after wrapping on the logical text: reordering a whole paragraph and then cutting it
into lines would put the last line first. Shaping never crosses a space, so a word's shaped width is exact and lines
are filled word by word.

python-bidi ships two implementations. The default one (0.6, Rust) knows isolates but does not mirror brackets, so
«(واحد ۲)» would print with its parentheses facing the wrong way. The pure-Python ``bidi.algorithm`` mirrors (rule
L4) but predates isolates, so isolates are mapped to the equivalent embeddings first (LRI/FSI → LRE, RLI → RLE,
PDI → PDF): for the short left-to-right values we isolate (codes, IDs, URLs) the result is the same. The explicit
controls and other invisible characters without a glyph are then removed (ZWNJ is carried through, see below). ZWNJ is kept: Vazirmatn has
a zero-width glyph for it, and it keeps «می‌خواهم» one word in the text layer.
"""

from __future__ import annotations

import re
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth

ZWNJ = "\u200c"
# Controls that steer the bidi algorithm but have no glyph in the font.
_INVISIBLE = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u200b\ufeff"))
# Isolates → embeddings for the pure-Python algorithm (see above). FSI is used only around left-to-right values.
_ISOLATES_AS_EMBEDDINGS = str.maketrans(
    {"\u2066": "\u202a", "\u2068": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}
)
# The pure-Python algorithm drops ZWNJ (bidi class BN) during reordering, which would lose it from the text layer.
# It travels through as U+FDFD, a right-to-left letter (class AL) that never occurs in office text, and comes back
# afterwards: ZWNJ sits between Persian letters, so a right-to-left stand-in keeps its place.
_ZWNJ_STANDIN = "\ufdfd"
_SPACES = re.compile(r"[ \t\u00a0]+")

_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": True, "delete_tatweel": False}
)


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """Letters in their joined forms, still in logical order."""
    return _RESHAPER.reshape(text)


@lru_cache(maxsize=4096)
def visual(line: str, *, base_dir: str = "R") -> str:
    """One logical line → the string to hand to reportlab (shaped, reordered, invisible controls dropped).

    ``base_dir`` "R" is a Persian paragraph; "L" keeps a mostly Latin line (an e-mail, a path) left to right.
    """
    if not line:
        return ""
    shaped = shape(line).translate(_ISOLATES_AS_EMBEDDINGS).replace(ZWNJ, _ZWNJ_STANDIN)
    ordered = get_display(shaped, base_dir=base_dir)
    return ordered.translate(_INVISIBLE).replace(_ZWNJ_STANDIN, ZWNJ)


def width(text: str, font: str, size: float) -> float:
    """Drawn width of a logical run of text (shaped forms are narrower or wider than the bare letters)."""
    return stringWidth(shape(text).translate(_INVISIBLE), font, size)


def _break_long_word(word: str, font: str, size: float, max_width: float) -> list[str]:
    """A word wider than the line (a long Latin ID, a URL) is cut by characters rather than run off the paper."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and width(current + char, font, size) > max_width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Logical lines, in reading order, each fitting ``max_width`` points once shaped.

    Explicit newlines start new lines; runs of spaces collapse. An empty text gives no lines.
    """
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for paragraph in (text or "").split("\n"):
        words = [w for w in _SPACES.split(paragraph.strip()) if w]
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = width(word, font, size)
            if word_width > max_width:
                if current:
                    lines.append(" ".join(current))
                pieces = _break_long_word(word, font, size, max_width)
                lines.extend(pieces[:-1])
                current, current_width = [pieces[-1]], width(pieces[-1], font, size)
                continue
            extra = word_width + (space if current else 0.0)
            if current and current_width + extra > max_width:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width += extra
        if current:
            lines.append(" ".join(current))
    return lines


def visual_lines(text: str, font: str, size: float, max_width: float, *, base_dir: str = "R") -> list[str]:
    """``wrap`` then ``visual`` per line: drawable lines, top line first."""
    return [visual(line, base_dir=base_dir) for line in wrap(text, font, size, max_width)]
