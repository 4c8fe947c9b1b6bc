"""File → New chart… titled like a chart one studies, and File → Save chart as… of the built-in
chart, give the new file an id no known chart has (progress, statistics and Anki note GUIDs are
kept by chart id: before, both got `ingham-western` and mixed with the built-in chart's), and
the status bar says so."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reflexmap.atlas import load_atlas


def test_a_new_chart_titled_like_the_built_in_one_gets_its_own_id(qtbot, make_window, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    window = make_window()  # the built-in Western chart, id ingham-western
    assert window.state.atlas.id == "ingham-western"
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.setText("Ingham Western")
    dialog.with_zones.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "Test")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.state.atlas.title == "Ingham Western", timeout=5000)
    assert window.state.atlas.id == "ingham-western-2"
    said = window.statusBar().currentMessage()
    assert "ingham-western-2" in said and "ingham-western is the id of another chart" in said, said
    target = tmp_path / "ingham-clone.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    window.editor.saving.discard()


def test_save_as_of_the_built_in_chart_gives_the_copy_its_own_id(qtbot, make_window, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    window = make_window()
    window.edit_action.trigger()
    target = tmp_path / "mychart.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    said = window.statusBar().currentMessage()
    assert said.startswith("Saved ") and "as the chart ingham-western-2" in said, said
    assert "ingham-western is the id of another chart" in said, said
    assert not window.editor.session.modified  # the new id is in the file
    # saved again to the copy's own file: it keeps its id, said nothing of it
    window.save_as_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    assert "another chart" not in window.statusBar().currentMessage()
    window.editor.saving.discard()


def test_a_save_as_copy_of_the_built_in_chart_no_longer_calls_itself_the_built_in_chart(
    qtbot, make_window, monkeypatch, tmp_path
):
    """Its leading comments say what it is, and its `$schema` comment names the schema from
    its own folder (tryout S17-9: "ReflexMap built-in chart: …" and a `../reflexmap/atlas/…`
    path that points nowhere from there)."""
    from reflexmap.atlas.copy_header import SCHEMA_PATH
    from reflexmap.ui import dialogs

    window = make_window()
    window.edit_action.trigger()
    target = tmp_path / "mine" / "mychart.yaml"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    text = target.read_text(encoding="utf-8")
    head = text[: text.index("atlas_format:")].splitlines()
    prefix = "# yaml-language-server: $schema="
    assert head[0].startswith(prefix)
    assert (target.parent / head[0].removeprefix(prefix)).resolve() == SCHEMA_PATH
    assert head[1:] == [
        "# Western foot chart (Ingham tradition): a copy of the ReflexMap built-in chart "
        "ingham-western.yaml, saved with ReflexMap."
    ]
    assert load_atlas(target).id == "ingham-western-2"
    assert not window.editor.session.modified  # the file holds the chart as shown
    undo = window.editor.session.stack
    assert undo.text(undo.count() - 1) == "Give the chart an id of its own"
    window.editor.saving.discard()
