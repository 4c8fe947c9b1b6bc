# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The questions around unsaved edits, in the order a person meets them: File → New chart…
asks about the unsaved changes only once the new chart is really to be made (Cancel in its
dialog keeps the chart, its changes and their history); a save that fails while the window
closes is said once and offers Save as…, and nothing is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_files import answer_later


def new_chart_dialog():
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()),
        None,
    )


def two_changes(qtbot, window) -> None:
    drag(qtbot, window, "plantar-left", (0, 25), (0, 30))
    drag(qtbot, window, "plantar-left", (0, 30), (0, 33))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 2, timeout=3000)


def test_cancel_in_the_new_chart_dialog_keeps_the_changes_their_history_and_the_editor(qtbot, editing):
    two_changes(qtbot, editing)
    shapes = editing.state.atlas.zone("heel").shapes
    # (the old order asked first: Discard there is what the tester chose)
    asked = answer_later("unsaved-changes", QMessageBox.StandardButton.Discard)
    editing.new_chart_action.trigger()
    qtbot.waitUntil(lambda: new_chart_dialog() is not None, timeout=3000)
    assert asked.isActive()  # nothing asked before the dialog: there is nothing to lose yet
    new_chart_dialog().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    asked.stop()
    session = editing.editor.session
    assert session.modified and session.stack.count() == 2
    assert editing.state.atlas.zone("heel").shapes == shapes
    assert editing.undo_action.isEnabled()
    editing.undo_action.trigger()
    assert editing.state.atlas.zone("heel").shapes != shapes
    editing.redo_action.trigger()
    assert editing.state.atlas.zone("heel").shapes == shapes
    # the editor is whole: the selected zone is edited (Duplicate and Delete zone work)
    assert editing.editor.active and session.document is not None
    assert editing.state.zone_id == "heel"
    assert editing.delete_action.isEnabled()


def test_ok_in_the_new_chart_dialog_asks_then_cancel_keeps_and_discard_makes_the_chart(qtbot, editing):
    two_changes(qtbot, editing)
    shapes = editing.state.atlas.zone("heel").shapes
    for answer in (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard):
        asked = answer_later("unsaved-changes", answer)  # (set before: the old order asked first)
        editing.new_chart_action.trigger()
        qtbot.waitUntil(lambda: new_chart_dialog() is not None, timeout=3000)
        assert asked.isActive()
        dialog = new_chart_dialog()
        dialog.title.setText("Mine")
        qtbot.keyClicks(dialog.tradition, "My practice")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda asked=asked: not asked.isActive(), timeout=3000)  # asked now
        if answer == QMessageBox.StandardButton.Cancel:
            assert editing.editor.session.stack.count() == 2
            assert editing.state.atlas.zone("heel").shapes == shapes
    qtbot.waitUntil(lambda: editing.state.atlas.title == "Mine", timeout=5000)
    assert editing.editor.active and editing.editor.session.saved_path is None
