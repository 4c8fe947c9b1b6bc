"""Edit → Chart properties… outside edit mode (S11-13: after Cancel a greyed "Zone texts" panel
stayed in front of the zone card for the rest of the session, Edit zones unticked)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QLineEdit


def _dialog(window) -> QDialog:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def _look(window) -> dict:
    """What a person sees of the window's panels and mode."""
    docks = {d.objectName(): not d.isHidden() for d in window.findChildren(QDockWidget)}
    return {
        "docks": {name: on for name, on in docks.items() if on},
        "in_front": [
            d.objectName()
            for d in [window.info_dock, *window.tabifiedDockWidgets(window.info_dock)]
            if d.isVisible()
        ],
        "editing": window.edit_action.isChecked(),
        "mode": window.state.mode.name,
        "status": window.statusBar().currentMessage(),
        "modified": window.isWindowModified(),
    }


def _cancelled_properties_leave_it_as_it_was(qtbot, window) -> None:
    before = _look(window)
    window.chart_properties_action.trigger()
    _dialog(window).reject()
    qtbot.wait(30)
    assert _look(window) == before


def test_cancel_outside_edit_mode_leaves_the_window_as_it_was(qtbot, window):
    _cancelled_properties_leave_it_as_it_was(qtbot, window)


def test_cancel_outside_edit_mode_with_the_form_left_beside_the_map_keeps_it_so(qtbot, window):
    window.edit_action.trigger()  # edit mode shows the form
    window.edit_action.trigger()  # and leaves it beside the map, behind the card or in front
    window.info_dock.raise_()
    qtbot.wait(10)
    _cancelled_properties_leave_it_as_it_was(qtbot, window)


def test_ok_outside_edit_mode_makes_the_change_in_edit_mode_shown_as_such(qtbot, window):
    window.chart_properties_action.trigger()
    dialog = _dialog(window)
    dialog.findChild(QLineEdit, "chart-title").setText("My chart")
    dialog.accept()
    qtbot.wait(30)
    look = _look(window)
    assert look["mode"] == "edit" and look["editing"] and look["modified"]
    assert window.edit_action.isChecked()
    window.undo_action.trigger()
    assert not window.isWindowModified()
