"""The take-away exports chosen by file name: the CLI and File → Export both call `export_file`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..atlas import Atlas
from . import ExportCancelled  # noqa: F401 - raised by the exporters, caught by callers
from .formats import DECK_SUFFIXES, PAGE_SUFFIXES, unknown_format

SUFFIXES = PAGE_SUFFIXES + DECK_SUFFIXES  # the take-away exports written here


def is_take_away(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def export_file(
    atlas: Atlas, out: str | Path, progress=None, said: Callable[[str], None] | None = None
) -> Path:
    """Write the web page (.html) or the Anki deck (.apkg) of `atlas`, in the current language.

    The deck's pictures are drawn by the app's chart scene, so it needs a QApplication (the
    caller's, or one made here); `progress(done, total) -> go on?` follows the drawing and
    may stop it (ExportCancelled, nothing written); `said(message)`: what the user should know
    of a written export (its work files made beside it: the temporary folder refused them)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        from .html import export_page

        return export_page(atlas, out)
    if suffix in DECK_SUFFIXES:
        from .anki import export_deck

        return export_deck(atlas, out, progress, said)
    raise ValueError(unknown_format(out))
