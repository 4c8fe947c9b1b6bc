"""Text helpers shared by the lists and the quiz: ordering names as people read them."""

from __future__ import annotations

import re
import unicodedata

_NUMBER = re.compile(r"(\d+)")


def _letters(text: str) -> str:
    """Case and accents folded, so "Äußeres" sorts with the A's, as a German reader expects."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def natural_key(text: str) -> tuple:
    """Sort key that puts "Zone 2" before "Zone 10", ignoring case and accents."""
    return tuple(int(part) if part.isdigit() else _letters(part) for part in _NUMBER.split(text))
