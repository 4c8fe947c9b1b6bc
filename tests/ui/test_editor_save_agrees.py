# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""What is shown after a save is what the file holds, whatever the history did before it:
Undo of "Give the chart an id of its own" then Save wrote the built-in chart's id and
header back into the copy (issue 16); and Save as remembers a folder only once a chart was
saved there (a save cancelled at "Save it anyway?", or failed, left it remembered)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import load_atlas

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_files import answer_later


def _head(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("atlas_format:")]


def test_undo_of_the_own_id_then_save_keeps_the_copy_its_own_id_and_header(
    qtbot, make_window, monkeypatch, tmp_path
):
    from reflexmap.ui import dialogs

    window = make_window()  # the built-in chart
    window.edit_action.trigger()
    target = tmp_path / "mychart.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    saved_head = _head(target)
    assert load_atlas(target).id == "ingham-western-2" and "a copy of the ReflexMap" in saved_head
    session = window.editor.session
    window.undo_action.trigger()  # "Give the chart an id of its own" undone
    assert window.state.atlas.id == "ingham-western" and session.modified
    window.save_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    assert _head(target) == saved_head  # not "ReflexMap built-in chart: …" with a wrong $schema
    assert window.state.atlas.id == "ingham-western-2"  # shown as written
    assert session.document.text == target.read_text(encoding="utf-8")
    assert not session.modified
    assert "ingham-western is the id of another chart" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    window.redo_action.trigger()  # back to the file as saved: saving again writes the same bytes
    written = target.read_bytes()
    window.save_action.trigger()
    assert target.read_bytes() == written and window.state.atlas.id == "ingham-western-2"
    window.editor.saving.discard()


def test_save_of_ones_own_chart_keeps_its_id_even_when_another_chart_has_it(
    qtbot, editing, chart, monkeypatch, tmp_path
):
    """(A file's own id, as opened, is left alone: only an id changed to a taken one is.)"""
    chart_id = editing.state.atlas.id
    twin = {str(tmp_path / "twin.yaml"): chart_id}  # a copy of the file, among the recent charts
    editing.settings.setValue("chart/ids", twin)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 28))
    editing.save_action.trigger()
    assert load_atlas(chart).id == chart_id


def test_save_as_remembers_the_folder_only_once_saved_there(qtbot, editing, chart, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    editing.settings.setValue("chart/dir", str(chart.parent))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(elsewhere / "copy.yaml"))
    drag(qtbot, editing, "plantar-left", (18, 30), (35, 30))  # out of the foot: a problem
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Cancel)
    editing.save_as_action.trigger()
    timer.stop()
    assert not (elsewhere / "copy.yaml").exists()
    assert editing.settings.value("chart/dir") == str(chart.parent)
    failed = tmp_path / "failed"
    (failed / "copy.yaml").mkdir(parents=True)  # a folder where the file would go: the save fails
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(failed / "copy.yaml"))
    warned = []
    monkeypatch.setattr(dialogs, "warning", lambda *args: warned.append(args))
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Save)
    editing.save_as_action.trigger()
    timer.stop()
    assert warned and editing.settings.value("chart/dir") == str(chart.parent)
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(elsewhere / "copy.yaml"))
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Save)
    editing.save_as_action.trigger()
    timer.stop()
    assert (elsewhere / "copy.yaml").exists()
    assert editing.settings.value("chart/dir") == str(elsewhere)
