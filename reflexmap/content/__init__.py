"""Fixed texts the app shows: the evidence note and the sciatica red flags (HTML)."""

from importlib import resources

NOTES = {"evidence": "What the evidence says", "red-flags": "Sciatica: when to see a doctor"}


def note_html(name: str) -> str:
    """The HTML of one note; `name` is a key of NOTES."""
    if name not in NOTES:
        raise KeyError(name)
    return resources.files(__package__).joinpath(name.replace("-", "_") + ".html").read_text(encoding="utf-8")
