"""Escaping text for Qt's rich-text widgets (the stdlib `html` module costs start-up time)."""

from __future__ import annotations

from ..i18n import _

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """The same result as html.escape(text, quote=True)."""
    return text.translate(_ESCAPES)


def charts_place(claim: str, *, sentence: bool = True) -> str:
    """The app's one way of stating a zone's claim: "Charts place the sacrum here."

    What a zone corresponds to is always stated as the charts' claim, never as an effect."""
    text = _("Charts place {claim} here.") if sentence else _("charts place {claim} here")
    return text.format(claim=claim)


def isolate(text: str) -> str:
    """Chart text set inside one of the app's sentences, between Unicode isolates (FSI … PDI),
    so that its own direction (or a stray right-to-left override) cannot reorder our words."""
    return f"\u2068{text}\u2069"


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt guesses whether a tooltip is rich text, so the
    text is escaped inside a paragraph rather than left to the guess."""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"
