"""Presenter mode lays the chart out for itself and gives the window back as it was (tryout
S21-3, S21-4, S21-10): at 1024×768 in German at Largest text the window shows part of the
chart with a note; presenting showed that same cut-off zoom, the note in front of the class.
Presenting shows the whole chart fitted, no note over it, and Esc brings back the window's
zoom and the mode it was started from (Edit mode: Esc dropped it). A language switch keeps
View → Fit to window (it went back to the cut-off zoom)."""

from __future__ import annotations

from PySide6.QtCore import Qt

SIZE = (922, 690)  # a 1024×768 screen's window without a window manager


def _whole_chart_shown(window) -> bool:
    view = window.map
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(view.chart.chart_rect.adjusted(1, 1, -1, -1))


def test_presenting_shows_the_whole_chart_without_the_note_and_gives_the_zoom_back(window_in, qtbot):
    window = window_in("de", size=SIZE, text_scale=1.5)
    view = window.map
    assert not _whole_chart_shown(window) and view.partial_hint.isVisible()  # the window's zoom
    scale, centre = view.transform().m11(), view.mapToScene(view.viewport().rect().center())
    view.zoom(1.25)  # and zoomed in a step: the person's zoom, to come back after presenting
    scale, centre = view.transform().m11(), view.mapToScene(view.viewport().rect().center())
    # full screen without a window manager (the tryout's Xvfb): the window keeps its size
    window.showFullScreen = lambda: window.resize(*SIZE)
    window.actions_by_name["present"].trigger()
    qtbot.wait(50)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_N)  # the trainer's notes beside the chart (one screen)
    qtbot.wait(50)
    for size in (SIZE, (800, 600), (700, 690)):  # (whatever the projector's screen)
        window.resize(*size)
        qtbot.wait(50)
        assert _whole_chart_shown(window), size
        assert not view.partial_hint.isVisible(), size
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert not window.presenter.active
    assert abs(view.transform().m11() - scale) < 0.01 * scale
    back = view.mapToScene(view.viewport().rect().center())
    assert abs(back.x() - centre.x()) < 2 and abs(back.y() - centre.y()) < 2


def test_escape_from_presenting_brings_back_edit_mode(qtbot, make_window, tmp_path):
    """F5 while editing, Esc: Edit mode comes back with its panel and its Undo (Esc ended it:
    Edit zones unticked, Undo greyed, the zone card instead of the zone texts)."""
    import shutil

    from reflexmap.atlas import load_atlas

    from .test_editor import DATA

    path = tmp_path / "my.yaml"
    shutil.copy(DATA.parents[1] / "zones" / "ingham-western.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    zone = window.state.atlas.zones[0].id
    window.state.select(zone)
    qtbot.keyClick(window.map, Qt.Key.Key_Up)  # a nudge: something to undo
    window.editor.tool.commit_nudge()
    assert window.editor.can_undo()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presenter.active and window.state.mode.name == "present"
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert not window.presenter.active
    assert window.state.mode.name == "edit" and window.edit_action.isChecked()
    assert window.editor.can_undo() and window.undo_action.isEnabled()
    assert window.editor.form_dock is not None and window.editor.form_dock.isVisible()
    window.edit_action.trigger()  # ending Edit mode itself goes to browsing, as always
    assert window.state.mode.name == "browse" and not window.edit_action.isChecked()
    window.editor.saving.discard()


def test_a_language_switch_keeps_fit_to_window(window_in, qtbot):
    """Ctrl+0 (the whole chart) at Largest text on a small window, then Settings → Language:
    the new window showed the cut-off zoom again (S21-4). Its zoom and pan are kept too."""
    window = window_in("de", size=SIZE, text_scale=1.5)
    assert not _whole_chart_shown(window)
    qtbot.keyClick(window.map, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # View → Fit to window
    qtbot.wait(50)
    assert _whole_chart_shown(window) and not window.map.partial_hint.isVisible()
    window.settings_menu.language_actions["en"].trigger()
    window = window.successor
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert _whole_chart_shown(window) and not window.map.partial_hint.isVisible()
    window.resize(SIZE[0] + 10, SIZE[1])  # and it holds, as Fit to window does
    qtbot.wait(50)
    assert _whole_chart_shown(window)
    window.actions_by_name["zoom_in"].trigger()
    window.actions_by_name["zoom_in"].trigger()
    view = window.map
    scale = view.transform().m11()
    window.settings_menu.language_actions["de"].trigger()
    window = window.successor
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    view = window.map
    assert abs(view.transform().m11() - scale) < 0.01 * scale  # (the labels' columns differ: not the place)
    assert not _whole_chart_shown(window)


def test_presenting_shows_the_chart_as_checked(qtbot, make_window, tmp_path):
    """An unsaved zone drawn outside the foot (the check refuses it) was presented plainly,
    over the chart's title or caption, yet a click on it did nothing (S21-9): the class sees
    the chart as checked, and the keys and clicks go to what it sees. Edit mode, back after
    Esc, shows the zone again to be fixed."""
    import shutil

    from reflexmap.atlas import load_atlas

    from .conftest import viewport_pos
    from .test_editor import DATA
    from .test_editor_feet_stay import draw

    path = tmp_path / "my.yaml"
    shutil.copy(DATA.parents[1] / "zones" / "ingham-western.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    outline = window.state.atlas.view("plantar-left").outline
    left, top = min(x for x, _ in outline), max(y for _, y in outline) + 4  # beyond the toes
    corners = [(left, top), (left + 15, top), (left + 15, top + 10), (left, top + 10)]
    zone = draw(qtbot, window, "plantar-left", corners)
    assert window.state.atlas.has_zone(zone)
    key = ("plantar-left", zone)
    assert window.map.chart.zone_items[key].isVisible()  # drawn while editing, to be fixed
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter, chart = window.presenter, window.map.chart
    assert zone not in presenter.order
    assert not chart.zone_items[key].isVisible()
    qtbot.keyClick(window.map, Qt.Key.Key_A)  # every name shown: not its own
    label = chart.labels.get(key)
    assert label is None or not label.text.isVisible()
    qtbot.keyClick(window.map, Qt.Key.Key_Home)
    for _ in presenter.order:
        assert presenter.current != zone
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
    first = presenter.current
    pos = viewport_pos(window, "plantar-left", left + 7, top + 5)  # a click where it was drawn
    qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert presenter.current == first and window.state.zone_id != zone
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert window.state.mode.name == "edit"
    assert window.map.chart.zone_items[key].isVisible()
    window.editor.saving.discard()
