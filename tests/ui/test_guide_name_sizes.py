"""Guide lines' names at one size on every foot of the map, never larger than the zone labels
(tryout S18-3: in German with a side panel open, the left foot's names were 1.18× the right
foot's and 11 px beside 9 px labels, covering zones), through resizes, the language switched
with Settings → Language, a dock opened and presenter mode; and the key legible in a quiz,
its rows using the paper beside the feet (S18-14)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGraphicsSimpleTextItem


def _px(window, item) -> float:
    return item.font().pixelSize() * item.scale() * window.map.pixels_per_mm()


def _guide_sizes(window) -> dict[str, set[float]]:
    """Each foot's guide names' sizes on screen (px)."""
    chart = window.map.chart
    names = {id(i) for i in chart.guide_names if isinstance(i, QGraphicsSimpleTextItem)}
    return {
        view_id: {round(_px(window, i), 2) for i in items if id(i) in names}
        for view_id, items in chart.frame_items.items()
    }


def _assert_one_size_no_larger_than_labels(window, when: str) -> None:
    """The guide names at one size on both feet (only a name with no clear place at it, on a
    crowded foot, smaller: GUIDE_SIZES), none larger than the smallest label."""
    sizes = _guide_sizes(window)
    drawn = set().union(*sizes.values())
    assert len(sizes) >= 2 and all(sizes.values()), (when, sizes)
    # one size on both feet (before: 11.44 px on the left, 9.72 px on the right)
    assert len({max(found) for found in sizes.values()}) == 1, (when, sizes)
    assert min(drawn) >= 0.6 * max(drawn) * 0.999, (when, sizes)
    labels = [label.text for label in window.map.chart.labels.values() if label.text.isVisible()]
    if labels:
        smallest = min(_px(window, label) for label in labels)
        assert max(drawn) <= smallest * 1.001, (when, drawn, smallest)


def test_guide_names_one_size_never_larger_than_labels_through_resizes_language_and_docks(qtbot, window_in):
    window = window_in("en", size=(1440, 900))
    _assert_one_size_no_larger_than_labels(window, "en 1440×900")
    window.language_actions["de"].trigger()  # Settings → Language → Deutsch: a new window
    german = window.successor
    qtbot.addWidget(german)
    german.show()
    qtbot.waitExposed(german)
    german.resize(1440, 900)
    qtbot.wait(50)
    _assert_one_size_no_larger_than_labels(german, "de 1440×900")
    for size in ((1024, 768), (1200, 800), (1440, 900)):
        german.resize(*size)
        qtbot.wait(50)
        _assert_one_size_no_larger_than_labels(german, f"de {size}")
    for dock, action in ((german.zones_dock, "zone_list"), (german.info_dock, "zone_card")):
        dock.close()  # its × …
        qtbot.wait(50)
        _assert_one_size_no_larger_than_labels(german, f"de, {action} closed")
        german.actions_by_name[action].trigger()  # … and View → Zone list / Zone card
        qtbot.wait(50)
        assert dock.isVisible()
        _assert_one_size_no_larger_than_labels(german, f"de, {action} shown again")
    german.present_action.trigger()  # View → Presenter mode
    qtbot.waitUntil(lambda: german.isFullScreen())
    qtbot.keyClick(german.map, Qt.Key.Key_A)  # every name revealed
    qtbot.wait(50)
    _assert_one_size_no_larger_than_labels(german, "de, presenting")


def test_quiz_key_legible_on_one_row_beside_the_feet(qtbot, window_in):
    """Quiz → New quiz, OK: labels hidden, the chart held by its height; the key's names and
    caveat stay at least the guide names' floor (11 px) and "guide lines (approximate)" stays on
    the swatches' row (before: 9 px and wrapped, beside 400 px of empty paper)."""
    window = window_in("en", size=(1440, 900))
    height_before = window.map.chart.frames[0].bottom - window.map.chart.frames[0].top
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.wait(100)
    assert window.quiz.active
    chart = window.map.chart
    key = [i for i in chart.key.swatches if isinstance(i, QGraphicsSimpleTextItem)]
    caveat = [i for i in chart.key.caveat if isinstance(i, QGraphicsSimpleTextItem)]
    sizes = [_px(window, i) for i in key + caveat]
    assert min(sizes) >= 11.0 * 0.98, sizes
    rows = {round(i.sceneBoundingRect().center().y(), 1) for i in key}
    assert len(rows) == 1, sorted((i.text(), round(i.sceneBoundingRect().center().y(), 1)) for i in key)
    scale = window.map.pixels_per_mm()
    assert chart.chart_rect.width() * scale <= window.map.viewport().width() + 1
    assert chart.chart_rect.height() * scale <= window.map.viewport().height() + 1
    assert height_before > 0
