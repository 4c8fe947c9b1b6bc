# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The Zone texts form in German: its first text fields hold the file's English base texts,
and a line above them says so (a German author typed German into "Name:", taking it for the
German name, which sits far below under "Übersetzung: Deutsch"). In English, no such line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import chart  # noqa: F401 (fixture)


def form_of(qtbot, window):
    window.edit_action.trigger()
    assert window.editor.active
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel
    assert window.state.zone_id == "heel"
    return window.editor.form


def test_german_form_says_the_first_fields_are_the_english_base_texts(qtbot, make_window, chart):
    window = make_window(load_atlas(chart)).set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    form = form_of(qtbot, window)
    note = form.findChild(QLabel, "base-texts-note")
    assert note is not None and note.isVisible()
    assert note.text() == "Grundtexte, auf Englisch (die Übersetzungen folgen weiter unten):"
    name = form.fields[("name", None)]
    german = form.fields[("name", "de")]
    top = note.mapTo(form.widget(), note.rect().topLeft()).y()
    assert (
        top
        < name.mapTo(form.widget(), name.rect().topLeft()).y()
        < german.mapTo(form.widget(), german.rect().topLeft()).y()
    )
    assert name.text() == window.editor.session.draft.atlas.zone("heel").name  # the base text


def test_english_form_has_no_such_line(qtbot, make_window, chart):
    form = form_of(qtbot, make_window(load_atlas(chart)))
    assert form.findChild(QLabel, "base-texts-note") is None
