"""Whether a float holds a number written in decimal as written: the one rule for zone files
(atlas/written_numbers.py), settings, progress and the chart cache (bounded_json.py).

A float cannot hold 1e999 (read as infinity) nor 1e-400 (read as 0), and holds 2.5e-320
only with digits lost; such a number is refused quoting what was written ("this number is
too large to read: '1e999'", "too far from zero to read: '-1e999'"), never shown as
"Infinity" or taken for 0. Pure Python: no Qt.
"""

from __future__ import annotations

import sys

from .i18n import _

# the floats a number written in decimal is read as exactly enough: zero, or a normal float
SMALLEST = sys.float_info.min
LARGEST = sys.float_info.max


def unreadable(written: str, number: float) -> str | None:
    """The message for `written` (in decimal) when the float it is read as is not the number
    written: too large (infinity) or too close to zero (0, or digits lost); None when it is.
    Quick to ask: the caller asks only when `SMALLEST <= abs(number) <= LARGEST` is false."""
    if number != number or abs(number) > LARGEST:
        return _too_large(written)
    if abs(number) < SMALLEST and written.lower().partition("e")[0].strip("+-0."):  # not 0, 0.0, -0e5
        return _too_small(written)
    return None


class Unheld(float):
    """A number written in decimal that no float holds as written, as a float (inf, 0) that
    knows what was written: read so by the settings' reader (`bounded_json.loads(nonfinite=
    True)`), which refuses it alone quoting it (`reason`), and by the editor's (ruamel.yaml,
    `atlas.read_alike`), which writes it back as written."""

    written: str

    def __new__(cls, written: str, number: float | None = None) -> Unheld:
        made = super().__new__(cls, float(written) if number is None else number)
        made.written = written
        return made

    def reason(self) -> str:
        """ "this number is too large to read: '1e999'", in the interface language of now."""
        return unreadable(self.written, float(self)) or ""


def quoted(written: str) -> str:
    """What was written, quoted in a message (cut at 40 characters)."""
    return repr(written if len(written) <= 40 else written[:37] + "...")


def _too_large(written: str) -> str:
    if written.lstrip().startswith("-"):  # (-1e999 is not large: it is far below zero)
        return _("this number is too far from zero to read: {written}").format(written=quoted(written))
    return _("this number is too large to read: {written}").format(written=quoted(written))


def _too_small(written: str) -> str:
    return _("this number is too close to zero to read (write 0 for zero): {written}").format(
        written=quoted(written)
    )
