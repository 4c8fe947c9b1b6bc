"""In the German interface a drawn zone's first texts are English base texts (the form
says "Base texts, in English") with the German beside them as the German translation, on
one's own chart as on a chart written in English (S22-19: before, one's own chart got
"Neue Zone 1" in its English base texts); File → Save suggests the file name its id has
("Annas Fußkarte": annas-fusskarte.yaml, before annas-fußkarte.yaml beside the id
annas-fusskarte)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reflexmap.atlas import builtin_chart_path, load_atlas

from .conftest import click_mm
from .test_editor import DATA


def _german(qtbot, window):
    window.language_actions["de"].trigger()  # Einstellungen → Sprache → Deutsch
    german = window.successor
    qtbot.addWidget(german)
    # a laptop's window, as make_window's: the successor restores the 1440×900 window into the
    # 800×800 offscreen screen (cut to 90 % of it), where the zone's corners fall off the map
    german.resize(1440, 900)
    qtbot.wait(50)
    return german


def _draw(qtbot, window, points) -> str:
    window.draw_action.trigger()
    for point in points:
        click_mm(qtbot, window, "plantar-left", *point)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    return window.state.zone_id


def test_a_zone_drawn_in_german_on_ones_own_chart_gets_english_base_and_german_beside(
    qtbot, make_window, tmp_path, request
):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    window = _german(qtbot, make_window(load_atlas(path)))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    zone_id = _draw(qtbot, window, ((-15, 55), (5, 55), (5, 70), (-15, 70)))
    zone = window.editor.session.draft.atlas.zone(zone_id)
    # S22-19: the base texts are English, as the form says; German goes in the German fields
    # (before: "Neue Zone 1" in the base texts and no German translation)
    assert (zone.name, zone.claim, zone.technique) == (
        "New zone 1",
        "an area not described yet",
        "Not described yet.",
    )
    assert zone.translations == {
        "de": {
            "name": "Neue Zone 1",
            "claim": "einen noch nicht beschriebenen Bereich",  # (Karten verorten hier …)
            "technique": "Noch nicht beschrieben.",
        }
    }
    shown = window.editor.session.draft.atlas.localized("de").zone(zone_id)
    assert shown.name == "Neue Zone 1"  # the German app shows the German beside them


def test_a_zone_drawn_in_german_on_an_english_chart_gets_its_german_beside(
    qtbot, make_window, tmp_path, request
):
    path = tmp_path / "western.yaml"
    shutil.copy(builtin_chart_path(), path)
    window = _german(qtbot, make_window(load_atlas(path)))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    zone_id = _draw(qtbot, window, ((-30, 120), (-20, 120), (-20, 130), (-30, 130)))
    zone = window.editor.session.draft.atlas.zone(zone_id)
    assert zone.name.startswith("New zone") and zone.translations["de"]["name"].startswith("Neue Zone")
    assert zone.translations["de"]["technique"] == "Noch nicht beschrieben."
    text = window.editor.session.document.text
    block = text[text.index(f"- id: {zone_id}") :]
    assert block.index("translations:") < block.index("sources:") < block.index("shapes:")


def test_save_suggests_the_file_name_of_the_new_charts_id(qtbot, make_window, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    window = make_window(load_atlas(DATA / "small.yaml"))
    window.settings.setValue("chart/dir", str(tmp_path))
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.setText("Annas Fußkarte")
    qtbot.keyClicks(dialog.tradition, "Meine Praxis")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: window.state.atlas.title == "Annas Fußkarte", timeout=5000)
    suggested = []
    monkeypatch.setattr(dialogs, "save_file", lambda *args: suggested.append(args[2]))  # Cancel
    combo = QKeySequence(QKeySequence.StandardKey.Save)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())
    assert suggested == [str(tmp_path / "annas-fusskarte.yaml")]
    assert window.editor.session.draft.atlas.id == "annas-fusskarte"
    window.editor.saving.discard()


def test_the_first_zone_of_a_new_chart_made_in_german_has_its_german_beside(qtbot, make_window, request):
    """The new chart's guide names come with German beside English, and so do its drawn
    zones' first texts (S22-19: before, German in the base texts, which are English)."""
    from PySide6.QtWidgets import QDialog

    window = _german(qtbot, make_window(load_atlas(DATA / "small.yaml")))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    window.editor.session.stack.setClean()
    window.new_chart_action.trigger()
    shown = QApplication.topLevelWidgets()
    dialog = next(w for w in shown if w.objectName() == "new-chart" and w.isVisible())
    dialog.title.setText("Annas Fußkarte")
    qtbot.keyClicks(dialog.tradition, "Meine Praxis")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.state.atlas.title == "Annas Fußkarte", timeout=5000)
    _draw(qtbot, window, ((-15, 60), (5, 60), (5, 72), (-15, 72)))
    properties = next(d for d in window.findChildren(QDialog, "chart-properties") if d.isVisible())
    qtbot.keyClicks(properties.sources.fields[("title", None)], "Kursunterlagen 2025")
    properties.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    zone = window.editor.session.draft.atlas.zone("new-zone-1")
    # S22-19: English base texts (as the form says), the German in the German fields
    assert (zone.name, zone.technique) == ("New zone 1", "Not described yet.")
    assert zone.translations["de"]["name"] == "Neue Zone 1"
    assert zone.translations["de"]["technique"] == "Noch nicht beschrieben."
    assert window.state.atlas.zone("new-zone-1").name == "Neue Zone 1"  # the German app's map
