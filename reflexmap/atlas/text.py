"""Text helpers shared by the lists and the quiz: ordering names as people read them."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key that puts "Zone 2" before "Zone 10" and ignores case."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _NUMBER.split(text))
