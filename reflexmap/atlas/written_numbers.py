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
decimal numbers only (it has no true/false or null fields). A number in decimal that no
float holds as written (`1e999` would be infinity, `1e-400` 0) is kept as the text written
(`unreadable`), marked as a number (`OutOfReach`): where a number is wanted, text that looks
like a number is refused with `wanted` (`schema`), quoting it: "this number is too large to
read: '1e999'", or `not_decimal` for a number written another way; where text is wanted, a
plain value written in decimal is a number whatever its size (`name: 1e3` and `name: 1e999`
alike): "put text in quotes".
"""

from __future__ import annotations

import re

from .. import number_reach
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


class OutOfReach(str):
    """A plain value written in decimal that no float holds as written (1e999, 1e-400): a
    number by the rule above, kept as the text written so that a message can quote it. Not
    text: a key or a text field holding one is refused as one holding 1e3 is."""

    __slots__ = ()


def read(written: str) -> int | float | None:
    """The number `written` stands for, or None when it is not written in decimal. The caller
    bounds its length first (`limits.MAX_NUMBER_CHARS`): int() of 100 digits is cheap."""
    if _WHOLE.fullmatch(written):
        return int(written)
    if DECIMAL.fullmatch(written):
        return float(written)
    return None


# (SMALLEST, LARGEST, unreadable: the rule settings and progress read numbers by too)
SMALLEST, LARGEST, unreadable, _quoted = (
    number_reach.SMALLEST,
    number_reach.LARGEST,
    number_reach.unreadable,
    number_reach.quoted,
)


def convert(token: str) -> int | float:
    """A token already known to be written in decimal, as `read` gives it."""
    return float(token) if "." in token or "e" in token or "E" in token else int(token)


def looks_like_number(text: str) -> bool:
    """Whether `text` (not in decimal) reads as a number written another way."""
    return bool(_NUMBER_LIKE.fullmatch(text)) and any(c.isdigit() for c in text) or _is_word_number(text)


def _is_word_number(text: str) -> bool:
    return text.lstrip("+-").lstrip(".").lower() in ("inf", "nan") and text.lstrip("+-").startswith(".")


def wanted(written: str) -> str:
    """The message for text where a number is wanted that reads as one (`looks_like_number`):
    written in decimal but held by no float (1e999), or written another way (010)."""
    number = read(written)
    return (number is not None and type(number) is float and unreadable(written, number)) or not_decimal(
        written
    )


def in_quotes(written: str) -> str:
    """The message for a number written in quotes where a number is wanted ("23.9"): quotes
    make any value text, so the cause is the quotes, not how the number is written."""
    return _("a number in quotes is text; write it without quotes: {written}").format(
        written=_quoted(written)
    )


def not_decimal(written: str) -> str:
    """The message for a number written otherwise than in decimal, quoting what was written."""
    return _("write numbers in decimal, such as 10, -2.5 or 1.5e3: {written}").format(
        written=_quoted(written)
    )
