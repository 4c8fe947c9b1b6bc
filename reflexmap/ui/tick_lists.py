"""Lists of rows one ticks (the quiz's custom set, a zone's sources in the editor)."""

from __future__ import annotations

from PySide6.QtWidgets import QListView


def ticks_apart(view: QListView) -> None:
    """Room around each row, growing with the text size: the tick boxes of two rows never
    touch and the first column's box keeps clear of the list's frame (S19-12: at German
    Largest the custom set's boxes stood on each other and their left border was cut)."""
    view.setSpacing(max(2, view.fontMetrics().lineSpacing() // 8))
