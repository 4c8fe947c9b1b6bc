"""The comparison's table shows its rows at their height from its first paint: they were
drawn about 43 px tall (sized while the table was still narrow, before the window was
shown) and only a moment later shrank to their text's height."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from reflexmap.ui.compare_table import DisagreementTable


class FirstPaints(QObject):
    """The row heights of each comparison table at its viewport's first paint."""

    def __init__(self):
        super().__init__()
        self.heights: dict[int, list[int]] = {}

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            table = watched.parent()
            if isinstance(table, DisagreementTable) and watched is table.viewport():
                if id(table) not in self.heights and table.rowCount():
                    self.heights[id(table)] = [table.rowHeight(r) for r in range(min(20, table.rowCount()))]
        return False


def test_the_table_rows_have_their_height_from_the_first_paint(qtbot, window):
    from .test_compare_choices import opened

    paints = FirstPaints()
    QApplication.instance().installEventFilter(paints)
    try:
        shown = opened(qtbot, window)
        qtbot.waitUntil(lambda: id(shown.table) in paints.heights)
    finally:
        QApplication.instance().removeEventFilter(paints)
    qtbot.wait(300)  # the table's own later fitting, if any, is done
    table = shown.table
    settled = [table.rowHeight(r) for r in range(min(20, table.rowCount()))]
    assert paints.heights[id(table)] == settled
    least = table.verticalHeader().minimumSectionSize()
    assert settled == [max(table.sizeHintForRow(r), least) for r in range(len(settled))]  # their text's
    shown.close()
