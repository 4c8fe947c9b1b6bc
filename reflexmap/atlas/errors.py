"""Errors a person can make in a zone file, as values with a location.

Loading never raises for a user's mistake: it collects `AtlasError` values so that
`reflexmap check` and the app can show all of them at once, each pointing at a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n import _, format_count

MAX_ERRORS = 100  # mistakes listed for one file; the same slip in 10,000 zones listed 10,000


@dataclass(frozen=True, slots=True, order=True)
class AtlasError:
    """One problem in one file; `line` and `column` count from 1. Both are 0 for a problem
    with the file as a whole (missing, unreadable, too large): it has no place in the text,
    and is shown as `file: message`, never with a made-up position."""

    path: str
    line: int
    column: int
    message: str
    # a note about the file, not a mistake in it ("the file is incomplete": what was read is a
    # part of a file still being written): listed with the errors, counted as none of them
    note: bool = field(default=False, compare=False)

    @property
    def placed(self) -> bool:
        """The problem is at a place in the text (not about the whole file)."""
        return self.line > 0

    def where(self) -> str:
        """`file:line:column`, or only the file for a problem with the file as a whole."""
        return f"{self.path}:{self.line}:{self.column}" if self.placed else self.path

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


class EditRefused(ValueError):
    """An edit that cannot be made to this document; the message says why, for a person.
    (Here, below the document and the edits, which both raise it; `edits` names it too.)"""


class AtlasLoadError(Exception):
    """Raised by the public `load_atlas()` when a file has errors; carries all of them."""

    def __init__(self, errors: list[AtlasError] | tuple[AtlasError, ...]):
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break


def position_in(text: str, offset: int) -> tuple[int, int]:
    """Line and column (from 1, in characters) of `offset` in `text`, with the line breaks
    YAML counts (so that they agree with the parser's own positions)."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def too_many_errors() -> str:
    return _(
        "more mistakes follow from here; only the first {limit} are listed: correct them and check again"
    ).format(limit=format_count(MAX_ERRORS))


def first_errors(errors: list, most: int | None) -> list:
    """The first `most` of `errors` (AtlasError, sorted), and in place of the rest one error
    at the first left out, saying that more follow; all of them when `most` is None. A slip
    repeated in every zone of a large chart gave one message a zone (63,000 lines, 15 s and
    400 MiB to word and place them); the reader checks no further than `most` + 1."""
    if most is None or len(errors) <= most:
        return errors
    rest = errors[most]
    return [*errors[:most], type(rest)(rest.path, rest.line, rest.column, too_many_errors())]


def counted(errors: tuple | list) -> tuple[int, bool]:
    """(how many mistakes `errors` lists, whether more follow): a list cut by first_errors
    ends in its "more follow" message, which is no mistake and does not count; nor does a
    note about the file (`note`: the file is incomplete) listed with them."""
    mistakes = [error for error in errors if not error.note]
    if len(mistakes) == MAX_ERRORS + 1 and mistakes[-1].message == too_many_errors():
        return MAX_ERRORS, True
    return len(mistakes), False


def noted(errors: tuple | list) -> bool:
    """Whether `errors` hold a note about the file (it is incomplete), not only mistakes."""
    return any(error.note for error in errors)
