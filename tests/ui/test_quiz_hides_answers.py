"""A quiz round hides every panel that shows a zone's texts: the zone card, the zone list and
the editor's zone-texts form and history (the form would show the selected zone's region)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox


def test_the_zone_texts_form_steps_aside_while_a_round_runs_and_comes_back(qtbot, window):
    window.show()
    window.edit_action.trigger()  # edit mode shows the form
    form = window.editor.form_dock
    assert form is not None and form.isVisible()
    window.new_quiz_action.trigger()
    QApplication.activeModalWidget().findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok
    ).click()
    assert window.quiz.active
    assert not form.isVisible() and not window.info_dock.isVisible() and window.quiz_dock.isVisible()
    window.quiz.stop()
    QApplication.activeModalWidget().reject()  # the results
    # Edit mode, in which the round was begun, is back with its form (it was back with Edit
    # zones ticked and its hint said, the form hidden and the card in its place); the card
    # beside it, the quiz panel gone
    assert window.editor.active and window.edit_action.isChecked()
    assert form.isVisible() and window.info_dock.isVisible() and not window.quiz_dock.isVisible()
    window.edit_action.trigger()  # Edit mode ended: the form goes, the card stays
    assert not window.editor.active and not form.isVisible() and window.info_dock.isVisible()
