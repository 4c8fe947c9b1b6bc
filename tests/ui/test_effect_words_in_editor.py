# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A note typed in the editor that says the zone heals is said under the zone's texts and on
its card (tryout S13-2: "This point cures sciatica and heals the kidneys." was saved and shown
as the chart's word without a sign)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_editor_form import type_lines


def test_a_note_that_claims_healing_is_said_in_the_form_and_on_the_card(qtbot, editing):
    form = editing.editor.form
    said = form.findChild(QLabel, "zone-effect-words")
    assert said.isHidden()
    type_lines(qtbot, form.fields[("note", None)], "This point cures sciatica and heals the kidneys.")
    form.fields[("name", None)].setFocus()  # the field is left: the change is made
    qtbot.waitUntil(lambda: not said.isHidden(), timeout=3000)
    shown = said.text().translate(dict.fromkeys(map(ord, "\u2068\u2069")))
    assert "“cures”, “heals”" in shown and "What the evidence says" in shown
    assert "speaks of an effect" in editing.info.toPlainText()
    editing.undo_action.trigger()
    qtbot.waitUntil(said.isHidden, timeout=3000)
