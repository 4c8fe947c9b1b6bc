"""The main window's actions come from one table (reflexmap/ui/actions.py): every menu and
toolbar item is a row of it (the editor's too), no two rows share a key, and enabled-when follows the mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reflexmap.ui import actions

from .actions_walk import actions_of


def test_every_menu_and_toolbar_item_is_a_row_of_the_table(window):
    table = set(map(id, window.actions_by_name.values()))
    made_elsewhere = ("Chart >", "Settings >")  # charts known, and the appearance choices
    strays = [name for name, action in actions_of(window) if id(action) not in table]
    assert [n for n in strays if not n.replace("&", "").startswith(made_elsewhere)] == []
    assert window.present_action is window.actions_by_name["present"]
    # nor is any key of the window an action of its own (the editor's once were)
    assert [a.text() for a in window.actions() if not a.shortcut().isEmpty() and id(a) not in table] == []
    assert window.actions_by_name["save_as"].menu() is None and window.edit_action.isCheckable()


def test_no_two_actions_share_a_key(window):
    keys = [a.shortcut().toString() for a in window.actions_by_name.values() if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))
    assert len(actions.table()) == len(window.actions_by_name)


def test_ending_a_quiz_and_presenting_follow_the_mode(qtbot, window):
    assert not window.end_quiz_action.isEnabled() and window.present_action.isEnabled()
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.quiz.active
    assert window.end_quiz_action.isEnabled() and not window.present_action.isEnabled()
    qtbot.keyClick(window.map, Qt.Key.Key_F5)  # the key does nothing while the round runs
    assert not window.presenter.active and window.quiz.active
    window.quiz.stop()
    QApplication.activeModalWidget().reject()  # the results
    assert not window.end_quiz_action.isEnabled() and window.present_action.isEnabled()


def test_view_checks_follow_the_state_whoever_changed_it(qtbot, window):
    window.state.set_aspect("medial")
    assert window.aspect_actions["medial"].isChecked()
    window.state.set_labels_visible(False)
    assert not window.labels_action.isChecked()
    qtbot.keyClick(window.map, Qt.Key.Key_L)
    assert window.state.labels_visible and window.labels_action.isChecked()
