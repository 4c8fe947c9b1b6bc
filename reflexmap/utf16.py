"""Places in a text as Qt counts them: in UTF-16 code units, where Python counts code points.
A character past U+FFFF (an emoji, say) is two of Qt's and one of Python's, so a Qt offset used
as a Python index cut the text a character further on for each such character before it
(tryout: with "Bladder 🚽💧" in a problem's message, its lines broke inside words, "po / lygon").
No Qt."""

from __future__ import annotations


def utf16_len(text: str) -> int:
    """The length of `text` as Qt counts it."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def utf16_slice(text: str, start: int, end: int | None = None) -> str:
    """`text` from Qt's offset `start` to `end` (to its end if None)."""
    data = text.encode("utf-16-le", "surrogatepass")
    piece = data[2 * start :] if end is None else data[2 * start : 2 * end]
    return piece.decode("utf-16-le", "surrogatepass")
