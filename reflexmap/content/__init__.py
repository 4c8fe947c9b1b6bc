"""Fixed texts the app shows: the evidence note and the sciatica red flags (HTML).

Each note is `<name>.html` (English) with a translation beside it as `<name>.<lang>.html`."""

from pathlib import Path

from ..i18n import N_, language

_FOLDER = Path(__file__).parent

NOTES = {  # translated where shown: _(NOTES[name])
    "evidence": N_("What the evidence says"),
    "red-flags": N_("Sciatica: when to see a doctor"),
    "first-run": N_("Before you start"),
}
NOTE_MENU_TITLES = {  # the same in the Help menu, each with its Alt-letter
    "evidence": N_("What the &evidence says"),
    "red-flags": N_("&Sciatica: when to see a doctor"),
    "first-run": N_("&Before you start"),
}
# The first-run note is its own introduction followed by the two others, in full.
_PARTS = {"first-run": ("first-run", "evidence", "red-flags")}


def note_html(name: str) -> str:
    """The HTML of one note in the current language; `name` is a key of NOTES."""
    if name not in NOTES:
        raise KeyError(name)
    return "\n<hr>\n".join(_read(part) for part in _PARTS.get(name, (name,)))


def _read(name: str) -> str:
    stem = name.replace("-", "_")
    translated = _FOLDER / f"{stem}.{language()}.html"
    path = translated if translated.is_file() else _FOLDER / f"{stem}.html"
    return path.read_text(encoding="utf-8")
