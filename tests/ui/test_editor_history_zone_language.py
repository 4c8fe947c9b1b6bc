# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""After Settings → Language, Edit → History words each step in the new language and names
the zone in it too (issue 16: "Eckpunkt verschieben: Heel" on a chart that calls the heel
"Ferse" in German; the zone's name stayed in the language the change was made in)."""

from __future__ import annotations

import shutil

import pytest

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA, drag
from .test_editor_history_language import history_rows


@pytest.fixture
def translated_chart(tmp_path):
    """small.yaml whose heel is "Ferse" in German."""
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    text = path.read_text(encoding="utf-8")
    heel = '    name: "Heel"\n'
    assert text.count(heel) == 1
    path.write_text(
        text.replace(heel, heel + '    translations:\n      de: {name: "Ferse"}\n'), encoding="utf-8"
    )
    return path


def _switched(qtbot, window, language: str):
    window.language_actions[language].trigger()
    after = window.successor
    qtbot.addWidget(after)
    qtbot.waitExposed(after)
    after.activateWindow()  # (offscreen: the old window's closing leaves none active)
    qtbot.waitUntil(after.isActiveWindow, timeout=2000)
    return after


def test_history_names_the_zone_in_the_language_switched_to(qtbot, make_window, translated_chart):
    window = make_window(load_atlas(translated_chart))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    window.history_action.trigger()
    drag(qtbot, window, "plantar-left", (18, 30), (15, 36))  # a corner of the heel
    assert history_rows(window)[1:] == ["Move vertex: Heel"]
    german = _switched(qtbot, window, "de")
    german.history_action.trigger()
    assert history_rows(german)[1:] == ["Eckpunkt verschieben: Ferse"]
    assert german.undo_action.text().endswith(": Ferse")  # Edit → Undo says it too
    english = _switched(qtbot, german, "en")
    english.history_action.trigger()
    assert history_rows(english)[1:] == ["Move vertex: Heel"]
    english.editor.saving.discard()
