"""Escaping text for Qt's rich-text widgets (the stdlib `html` module costs start-up time)."""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """The same result as html.escape(text, quote=True)."""
    return text.translate(_ESCAPES)
