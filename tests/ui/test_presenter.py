"""Presenter mode driven by the keyboard, as a trainer in front of a class would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def visible_labels(window) -> set[str]:
    return {zone for (_, zone), label in window.map.chart.labels.items() if label.text.isVisible()}


def press(qtbot, window, *keys) -> None:
    for key in keys:
        qtbot.keyClick(window.map, key)


def test_presenter_mode_reveals_zones_one_at_a_time(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenter
    assert presenter.active and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.info_dock.isVisible()
    assert window.map.chart.label_mm > 6  # large type
    assert visible_labels(window) == set()  # hidden until revealed
    caption = window.findChild(QWidget, "presenter-caption")  # ... which the class is told
    assert caption.isVisible() and "A shows all" in caption.text(), caption.text()
    order = presenter.order
    left_sole = {z.id for z in window.state.atlas.zones_in("plantar-left")}
    left_order = [zone_id for zone_id in order if zone_id in left_sole]
    assert order[0] == "head-brain" and "coccyx" in left_order[-3:]  # toes to heel

    press(qtbot, window, Qt.Key.Key_Right)
    assert visible_labels(window) == {order[0]}
    caption = window.findChild(QWidget, "presenter-caption")
    assert (
        caption.isVisible()
        and "Head and brain" in caption.text()
        and "charts place the head and brain" in caption.text()
    )
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert visible_labels(window) == set(order[:3])
    assert window.map.chart.zone_items[("plantar-left", order[2])].selected
    press(qtbot, window, Qt.Key.Key_Left)
    assert visible_labels(window) == set(order[:2])

    press(qtbot, window, Qt.Key.Key_A)
    assert visible_labels(window) == set(order)
    press(qtbot, window, Qt.Key.Key_A)
    assert visible_labels(window) == set(order[:2])


def test_spotlight_blank_and_notes(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_S)
    current = window.presenter.current
    for (_, zone_id), item in window.map.chart.zone_items.items():
        assert (item.opacity() == 1.0) == (zone_id == current)
    press(qtbot, window, Qt.Key.Key_S, Qt.Key.Key_B)
    assert visible_labels(window) == set()
    assert all(item.brush().style() == Qt.BrushStyle.NoBrush for item in window.map.chart.zone_items.values())
    assert "Where is" in window.findChild(QWidget, "presenter-caption").text()
    press(qtbot, window, Qt.Key.Key_B, Qt.Key.Key_N)
    notes = window.presenter.notes
    assert notes is not None and notes.isVisible()
    text = notes.text.toPlainText()
    assert window.state.atlas.zone(current).technique[:30] in text and "Next:" in text
    press(qtbot, window, Qt.Key.Key_N)
    assert window.presenter.notes is None


def test_escape_puts_the_window_back(qtbot, window):
    labels_before = window.state.labels_visible
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_N)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.presenter.active and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.info_dock.isVisible() and window.statusBar().isVisible()
    assert window.state.labels_visible == labels_before
    assert window.map.chart.label_mm < 6
    assert visible_labels(window) == {zone for _, zone in window.map.chart.labels}
    assert window.presenter.notes is None


def test_switching_view_while_presenting(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.state.set_aspect("medial")
    assert window.presenter.order[0] == "nose"  # toes first on the side view too (the big toe)
    press(qtbot, window, Qt.Key.Key_End)
    assert window.presenter.current == window.presenter.order[-1]


def test_blank_chart_gives_nothing_away(qtbot, window):
    """B: grey outlines, no colour key, no guide names; the caption asks only the question.
    What the trainer needs to go on is in the notes, not on the projected chart."""
    from reflexmap.render import palette

    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_B)
    chart = window.map.chart
    colours = {item.pen().color().name() for item in chart.zone_items.values()}
    assert colours == {palette.GUIDE.name()}  # one neutral grey: no region tells the answer
    assert all(item.brush().style() == Qt.BrushStyle.NoBrush for item in chart.zone_items.values())
    assert not any(item.isVisible() for item in chart.key.swatches)
    assert chart.guide_names and not any(item.isVisible() for item in chart.guide_names)
    assert all(item.isVisible() for item in chart.key.caveat)  # the caveat reveals nothing
    caption = window.findChild(QWidget, "presenter-caption")
    assert caption.isVisible() and "Where is" in caption.text()
    assert "B " not in caption.text() and "zones again" not in caption.text()
    press(qtbot, window, Qt.Key.Key_N)
    notes = window.presenter.notes.text.toPlainText()
    current = window.state.atlas.zone(window.presenter.order[1]).name
    # "where is the zone …": one question whatever the name's number (Adrenal glands, Kidneys)
    assert "B shows the zones again" in notes and f"where is the zone \u2068{current}\u2069?" in notes
    press(qtbot, window, Qt.Key.Key_B)  # back: colours, key and guide names again
    assert len({item.pen().color().name() for item in chart.zone_items.values()}) > 2
    assert all(item.isVisible() for item in chart.key.swatches)
    assert all(item.isVisible() for item in chart.guide_names)


def test_notes_on_one_screen_sit_beside_the_chart_and_show_where_the_lesson_is(qtbot, window):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication

    assert len(QGuiApplication.screens()) == 1
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_N)
    presenter, view = window.presenter, window.map
    notes = presenter.notes
    assert notes.isVisible() and notes.window() is window  # not a window over the chart
    total = len(presenter.order)
    assert f"Zone 3 / {total}" in notes.text.toPlainText()
    viewport = QRect(view.viewport().mapToGlobal(view.viewport().rect().topLeft()), view.viewport().size())
    panel = QRect(notes.mapToGlobal(notes.rect().topLeft()), notes.size())
    caption = window.findChild(QWidget, "presenter-caption")
    below = QRect(caption.mapToGlobal(caption.rect().topLeft()), caption.size())
    assert not viewport.intersects(panel) and not below.intersects(panel)
    assert caption.height() >= caption.heightForWidth(caption.width())  # every line of it shows
    # beside the chart, the window's height; or under a wide chart, the window's width
    assert (panel.width() >= 200 and panel.height() >= window.height() * 0.8) or (
        panel.height() >= 120 and panel.width() >= view.width() * 0.95
    )
    chart = view.mapFromScene(view.chart.chart_rect).boundingRect()
    assert view.viewport().rect().adjusted(-1, -1, 1, 1).contains(chart)  # refitted into the room left
    press(qtbot, window, Qt.Key.Key_Right)
    assert f"Zone 4 / {total}" in notes.text.toPlainText()
    press(qtbot, window, Qt.Key.Key_N)
    assert presenter.notes is None and view.viewportMargins().right() == 0
    assert view.viewportMargins().bottom() == caption.height()  # the notes' room given back


def test_presenter_labels_keep_whole_names(qtbot, window):
    window.present_action.trigger()
    window.state.set_aspect("dorsal")
    texts = [
        item.text() for item in window.map.chart.items() if hasattr(item, "text") and callable(item.text)
    ]
    names = {z.name for z in window.state.atlas.zones if any(v.startswith("dorsal") for v in z.shapes)}
    assert not any(
        t.endswith("…") for t in texts if t.rstrip("…") and any(n.startswith(t[:-1]) for n in names)
    )
    window.presenter.leave()


def test_notes_join_sources_that_end_in_a_full_stop_without_a_stray_semicolon(qtbot, window):
    """Source titles are whole citations ("… ISBN 978-….") and a zone may name two: the notes'
    sources line must not read ".;" where they meet."""
    atlas = window.state.atlas
    qtbot.keyClick(window, Qt.Key.Key_F5)
    for _ in window.presenter.order:
        press(qtbot, window, Qt.Key.Key_Right)
        zone = atlas.zone(window.presenter.current)
        if sum(s in atlas.sources for s in zone.sources) > 1:
            break
    else:
        raise AssertionError("no zone of the built-in chart names two sources")
    press(qtbot, window, Qt.Key.Key_N)
    notes = window.presenter.notes.text.toPlainText()
    titles = [atlas.sources[s].title for s in zone.sources if s in atlas.sources]
    assert all(title in notes for title in titles), notes
    assert ".;" not in notes.replace("\u2069", "") and " · " in notes
