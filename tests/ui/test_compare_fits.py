"""The comparison is usable on the screens people have (1440×900, 1920×1080), at Normal and
Largest text, in English and German: the charts get the room (their labels drawn at least
as large as on a fitted map), and no column of the table runs past its edge or cuts its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from .test_compare_choices import opened


def cut_cells(table) -> list[str]:
    """Cells whose text does not fit: a column past the table's edge, a word wider than its
    column, or wrapped text taller than its row."""
    cut = []
    header = table.horizontalHeader()
    width = table.viewport().width()
    for column in range(table.columnCount()):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if right > width:
            cut.append(f"column {column} ends at {right} px in a table {width} px wide")
    metrics = QFontMetrics(table.font())
    margin = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            room = header.sectionSize(column) - margin
            wrapped = metrics.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
            if wrapped.width() > room or wrapped.height() > table.rowHeight(row):
                cut.append(
                    f"{text!r} in {room} × {table.rowHeight(row)} px "
                    f"needs {wrapped.width()} × {wrapped.height()}"
                )
    return cut


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)])
@pytest.mark.parametrize(("language", "scale"), [("en", 1.0), ("de", 1.0), ("en", 1.5), ("de", 1.5)])
def test_the_comparison_fits_and_draws_its_charts_large(qtbot, window, size, language, scale):
    if scale != 1.0:
        window.text_size_actions[scale].trigger()  # Settings → Text size → Largest
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.state.set_aspect("medial")  # the view the last session saw cut
    shown = opened(qtbot, window)
    shown.resize(*size)
    qtbot.wait(400)
    assert shown.rows()
    assert cut_cells(shown.table) == []
    for pane in (shown.left, shown.right):
        assert pane.width() >= 0.4 * size[0]  # two charts share the width, the table is under them
        # the labels drawn at least 6.5 px high at Normal text, 1.5 times that at Largest (two
        # narrow upright panes beside the table drew them at 5.2 px at 1440 × 900)
        assert pane.chart.label_mm * pane.transform().m11() >= 6.5 * scale
    shown.close()


def test_the_comparison_fits_a_1024_px_screen_in_german_at_largest_text(qtbot, window):
    """Its row of controls, sized to the longest chart title in "Compare with", made the
    window at least 1,312 px wide (German, Largest text): past a 1,024 × 768 screen. The box
    gives way now (the name cut with an ellipsis; its list shows the names whole)."""
    window.text_size_actions[1.5].trigger()
    window = window.set_language("de")
    qtbot.addWidget(window)
    shown = opened(qtbot, window)
    assert shown.minimumSizeHint().width() <= 1024 * 0.96, shown.minimumSizeHint()
    names = [shown.other.itemText(i) for i in range(shown.other.count())]
    longest = max(shown.other.fontMetrics().horizontalAdvance(name) for name in names)
    assert shown.other.view().minimumWidth() >= longest  # the list opened shows them whole
    shown.close()
