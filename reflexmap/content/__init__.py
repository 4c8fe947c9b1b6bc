"""Fixed texts the app shows: the evidence note and the sciatica red flags (HTML)."""

from pathlib import Path

_FOLDER = Path(__file__).parent

NOTES = {
    "evidence": "What the evidence says",
    "red-flags": "Sciatica: when to see a doctor",
    "first-run": "Before you start",
}
# The first-run note is its own introduction followed by the two others, in full.
_PARTS = {"first-run": ("first-run", "evidence", "red-flags")}


def note_html(name: str) -> str:
    """The HTML of one note; `name` is a key of NOTES."""
    if name not in NOTES:
        raise KeyError(name)
    return "\n<hr>\n".join(_read(part) for part in _PARTS.get(name, (name,)))


def _read(name: str) -> str:
    return (_FOLDER / (name.replace("-", "_") + ".html")).read_text(encoding="utf-8")
