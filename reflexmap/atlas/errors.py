"""Errors a person can make in a zone file, as values with a location.

Loading never raises for a user's mistake: it collects `AtlasError` values so that
`reflexmap check` and the app can show all of them at once, each pointing at a line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class AtlasError:
    """One problem in one file; `line` and `column` count from 1 (0 when unknown)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class AtlasLoadError(Exception):
    """Raised by the public `load_atlas()` when a file has errors; carries all of them."""

    def __init__(self, errors: list[AtlasError] | tuple[AtlasError, ...]):
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
