"""Ids made from names (a new chart's id from its title), in the schema's pattern for ids:
lower-case ASCII letters and digits in words joined by single hyphens, starting with a letter.

Letters are spelled in ASCII as a reader would: "ß" → "ss", "ä ö ü" → "ae oe ue", "æ œ" →
"ae oe", "ø ł đ ð þ" → "o l d d th", other accents dropped ("é" → "e"); a name with no Latin
letter or digit (Greek, Cyrillic, CJK …) gets `fallback` and a short stable hash of the name,
so that two such names still give two ids. No Qt here."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection

MAX_ID_CHARS = 60  # of an id made from a name (the schema allows 64)

# letters that no decomposition turns into ASCII, spelled as German and Nordic readers do
_SPELLED = str.maketrans(
    {
        "ß": "ss",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ŋ": "ng",
    }
)
_WORD = re.compile(r"[a-z0-9]+")


def id_from_name(name: str, fallback: str = "chart") -> str:
    """An id for `name` (see the module): "Annas Fußkarte" → "annas-fusskarte", "Café
    Zürich 2" → "cafe-zuerich-2", "2024 chart" → "chart-2024-chart" (an id starts with a
    letter), "Карта" → "chart-" and 8 hex digits. `fallback` is lower-case ASCII letters."""
    text = unicodedata.normalize("NFKC", name).lower().translate(_SPELLED)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _WORD.findall(text)
    if not words:
        digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        return f"{fallback}-{digest}" if name.strip() else fallback
    if not words[0][0].isalpha():
        words.insert(0, fallback)
    slug = "-".join(words)
    if len(slug) > MAX_ID_CHARS:  # cut between words where one ends close enough
        cut = slug[: MAX_ID_CHARS + 1].rfind("-")
        slug = slug[:cut] if cut > MAX_ID_CHARS // 2 else slug[:MAX_ID_CHARS].rstrip("-")
    return slug


def free_id(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or, when a chart in `taken` has it already, `wanted` with "-2", "-3" … (cut
    to stay within MAX_ID_CHARS): a chart's progress, statistics and Anki cards are kept by its
    id, so a chart of one's own never shares the id of a chart one studies."""
    if wanted not in taken:
        return wanted
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = wanted[: MAX_ID_CHARS - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
