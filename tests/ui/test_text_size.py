"""Settings → Text size → Largest, as a person with low vision picks it: everything grows,
nothing is cut off."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QStyle


def title_ink_height(dock) -> int:
    """Height in pixels of the dark pixels of a docked panel's title (its close button left out)."""
    image = dock.grab().toImage()
    top = dock.widget().geometry().top()
    rows = [
        y
        for y in range(top)
        if any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(0, image.width() - 40))
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


def indicator(widget) -> int:
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, widget)


def test_largest_text_grows_panel_titles_and_check_boxes_and_clips_nothing(qtbot, window):
    dialog = window.new_quiz_dialog()
    box_before = indicator(dialog.findChild(QCheckBox))
    dialog.reject()
    title_before = title_ink_height(window.zones_dock)
    window.text_size_actions[1.5].trigger()
    qtbot.wait(20)

    assert title_ink_height(window.zones_dock) >= 1.3 * title_before
    assert title_ink_height(window.info_dock) >= 1.3 * title_before
    search = window.zones.search
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) <= search.width() - 30

    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(type(dialog)) if d.isVisible())
    boxes = dialog.findChildren(QCheckBox)
    assert boxes and all(indicator(b) >= 1.4 * box_before for b in boxes)
    assert all(b.width() >= b.sizeHint().width() for b in boxes if b.isVisible())  # none squeezed
    rows = dialog.custom
    assert rows.viewport().height() >= 4 * rows.sizeHintForRow(0)  # several whole rows, not a sliver
    assert rows.sizeHintForRow(0) >= rows.fontMetrics().height()
    dialog.reject()


def test_a_text_size_chosen_after_the_desktops_font_changed_measures_names_in_it(qtbot, window, monkeypatch):
    """The labels' font follows the application's: a text size chosen once the desktop's font
    changed (to a serif here) takes the new font, and the names are measured in it, not
    taken from the measures of the old font (the map's columns were laid out for them)."""
    from PySide6.QtGui import QFont, QFontMetricsF
    from PySide6.QtWidgets import QApplication

    from reflexmap.render.chart_text import FONT_PX, forget_measures, label_font, text_width
    from reflexmap.ui import appearance

    name = next(iter(window.map.chart.labels.values())).text.text().split("\n")[0]
    before = text_width(name, 4.0)  # measured (and kept) in the font of the start
    monkeypatch.setattr(appearance, "_base_font", None)  # a start at the usual size
    usual = QFont(QApplication.font())
    serif = QFont(usual)
    serif.setFamily("DejaVu Serif")
    QApplication.setFont(serif)  # the desktop's font changed
    try:
        window.text_size_actions[1.25].trigger()
        qtbot.wait(20)

        assert label_font().family() == "DejaVu Serif"
        fresh = QFontMetricsF(label_font()).horizontalAdvance(name) * 4.0 / FONT_PX
        assert fresh != before  # (a serif's letters are wider)
        assert text_width(name, 4.0) == fresh
    finally:  # the next tests' font, and measures, as they were
        QApplication.setFont(usual)
        forget_measures()
