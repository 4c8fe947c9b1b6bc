"""The one table of export formats, chosen by the output file's ending (Qt-free: the command
line and the exporters both read it), and the one message for a name that has none of them."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _, bidi_isolate, file_isolate

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")  # drawn by render.export (a handout is a .pdf too)
PAGE_SUFFIXES = (".html", ".htm")  # export.html
DECK_SUFFIXES = (".apkg",)  # export.anki
SUFFIXES = IMAGE_SUFFIXES + PAGE_SUFFIXES + DECK_SUFFIXES


def unknown_format(out: str | Path) -> str:
    """Why `out` cannot be exported to, naming the ending given (or that there is none, or that
    it is a folder) and every ending that works."""
    out = Path(out)
    formats = ", ".join(SUFFIXES)
    if out.is_dir():
        return _("{file} is a folder: give a file name ending in one of {formats}").format(
            file=file_isolate(out), formats=formats
        )
    if not out.suffix:
        return _("{file} has no file-name ending: the name must end in one of {formats}").format(
            file=file_isolate(out), formats=formats
        )
    return _("unknown export format '{suffix}': the file name must end in one of {formats}").format(
        suffix=bidi_isolate(out.suffix), formats=formats
    )
