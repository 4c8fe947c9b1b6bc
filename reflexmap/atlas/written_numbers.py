"""The one way a number is written in a zone file: in decimal.

    [sign] digits [. digits] [e|E [sign] digits]      10  -2.5  +3  0.25  1.5e3  2E-4

The digits before the point have no leading zero (`0` and `0.5` do; `010` and `00.5` do
not). A number without a point or exponent is a whole number (int), any other a float.

YAML 1.1 (PyYAML) reads many more forms as numbers, silently: `010` is 8 (octal), `0b11` 3,
`0x10` 16, `1_0` 10, `1:20` 80 (base 60), `.inf` and `.nan`; and `yes`, `off`, `~` as true,
false and null. A chart author who wrote `010` meant 10 or made a typo, and one who wrote
`region: off` or `name: no` meant the word. So the reader (`yaml_source`, and the quick
reader of point lists, `point_lists`) takes a plain value as a number only when it is written
as above, and every other plain value as the text written: a zone file holds text and
decimal numbers only (it has no true/false or null fields). Where a number is wanted, text
that looks like a number written another way is refused with `not_decimal` (`schema`).
"""

from __future__ import annotations

import re

from ..i18n import _

SIGN = r"[-+]?"
DIGITS = r"(?:0|[1-9][0-9]*)"  # no leading zero: 010 is refused, not read as 8 or as 10
FRACTION = r"(?:\.[0-9]+)"
EXPONENT = r"(?:[eE][-+]?[0-9]+)"

DECIMAL = re.compile(rf"{SIGN}{DIGITS}{FRACTION}?{EXPONENT}?")
_WHOLE = re.compile(rf"{SIGN}{DIGITS}")

# Text that a reader would take for a number written another way: a sign, a digit or a point
# first (010, 0x1F, 1_000, 1:20, .5, 5., +.inf, .NaN, 10mm), or a YAML word for infinity or
# not-a-number.
_NUMBER_LIKE = re.compile(r"[-+]?(?:[0-9.][0-9A-Za-z_:.+-]*|\.?(?:inf|Inf|INF|nan|NaN|NAN))")


def read(written: str) -> int | float | None:
    """The number `written` stands for, or None when it is not written in decimal. The caller
    bounds its length first (`limits.MAX_NUMBER_CHARS`): int() of 100 digits is cheap."""
    if _WHOLE.fullmatch(written):
        return int(written)
    if DECIMAL.fullmatch(written):
        return float(written)
    return None


def convert(token: str) -> int | float:
    """A token already known to be written in decimal, as `read` gives it."""
    return float(token) if "." in token or "e" in token or "E" in token else int(token)


def looks_like_number(text: str) -> bool:
    """Whether `text` (not in decimal) reads as a number written another way."""
    return bool(_NUMBER_LIKE.fullmatch(text)) and any(c.isdigit() for c in text) or _is_word_number(text)


def _is_word_number(text: str) -> bool:
    return text.lstrip("+-").lstrip(".").lower() in ("inf", "nan") and text.lstrip("+-").startswith(".")


def not_decimal(written: str) -> str:
    """The message for a number written otherwise than in decimal, quoting what was written."""
    shown = written if len(written) <= 40 else written[:37] + "..."
    return _("write numbers in decimal, such as 10, -2.5 or 1.5e3: {written}").format(written=repr(shown))
