# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Saving edited charts as a person does: Ctrl+S, File → Save chart as…, the question about
unsaved changes on close and on opening another chart, the autosave offered back at the next
start, and File → New chart…"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving

from .conftest import viewport_pos
from .test_editor import DATA, chart, drag, editing, heel  # noqa: F401 (fixtures)


def press(qtbot, window, sequence) -> None:
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())


def box_named(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def answer_later(name: str, button: QMessageBox.StandardButton) -> QTimer:
    """Click `button` of the message box `name` once it is open (modal boxes block)."""
    timer = QTimer()

    def click() -> None:
        box = box_named(name)
        if box is not None:
            timer.stop()
            box.button(button).click()

    timer.timeout.connect(click)
    timer.start(20)
    return timer


def test_ctrl_s_writes_the_change_keeping_comments_and_a_backup(qtbot, editing, chart):
    original = chart.read_bytes()
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    text = chart.read_text()
    assert text.startswith("# A chart with simple shapes")  # the author's comment is kept
    assert chart.with_name("small.yaml.bak").read_bytes() == original
    assert load_atlas(chart).zone("heel").shapes == editing.state.atlas.zone("heel").shapes
    assert load_atlas(chart).zones == editing.editor.session.draft.atlas.zones  # the same chart
    assert not editing.editor.session.modified
    assert "Saved" in editing.statusBar().currentMessage()


def test_saving_an_unchanged_chart_keeps_every_byte(qtbot, editing, chart):
    original = chart.read_bytes()
    editing.save_action.trigger()
    assert chart.read_bytes() == original


def test_save_as_writes_a_new_file_and_saves_go_there_after(qtbot, editing, chart, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    target = tmp_path / "mine"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    editing.save_as_action.trigger()
    written = tmp_path / "mine.yaml"
    assert load_atlas(written).zone("heel").shapes == editing.state.atlas.zone("heel").shapes
    assert editing.state.atlas.path == written
    drag(qtbot, editing, "plantar-left", (0, 30), (0, 35))
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    assert load_atlas(written).zone("heel").shapes == editing.state.atlas.zone("heel").shapes
    assert load_atlas(chart).zone("heel").shapes == load_atlas(DATA / "small.yaml").zone("heel").shapes


def test_saving_a_chart_with_problems_asks_first(qtbot, editing, chart):
    original = chart.read_bytes()
    drag(qtbot, editing, "plantar-left", (18, 30), (35, 30))  # out of the foot
    assert editing.editor.session.draft.problems
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Cancel)
    editing.save_action.trigger()
    timer.stop()
    assert chart.read_bytes() == original
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Save)
    editing.save_action.trigger()
    timer.stop()
    assert chart.read_bytes() != original


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, editing, chart):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    editing.close()
    box = box_named("unsaved-changes")
    assert box is not None and editing.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert editing.isVisible()
    editing.close()
    box_named("unsaved-changes").button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editing.isVisible(), timeout=2000)
    assert load_atlas(chart).zone("heel").shapes == editing.state.atlas.zone("heel").shapes


@pytest.mark.parametrize(
    ("letter", "kept"), [(Qt.Key.Key_D, False), (Qt.Key.Key_S, True), (Qt.Key.Key_C, None)]
)
def test_the_unsaved_changes_question_is_answered_by_alt_letters(qtbot, editing, chart, letter, kept):
    """Alt+S, Alt+D and Alt+C answer "Save the changes?" (tryout S22-12: no Alt-letters)."""
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    moved = editing.state.atlas.zone("heel").shapes
    editing.close()
    box = box_named("unsaved-changes")
    assert all("&" in b.text() for b in box.buttons()), [b.text() for b in box.buttons()]
    box.activateWindow()  # (the question has the keyboard, as on a desktop)
    qtbot.waitUntil(box.isActiveWindow, timeout=2000)
    qtbot.keyClick(box, letter, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    if kept is None:  # Cancel: the window stays, the work too
        assert editing.isVisible() and editing.editor.session.modified
        return
    qtbot.waitUntil(lambda: not editing.isVisible(), timeout=2000)
    assert (load_atlas(chart).zone("heel").shapes == moved) is kept


def test_opening_another_chart_asks_about_unsaved_changes(qtbot, editing, chart):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    timer = answer_later("unsaved-changes", QMessageBox.StandardButton.Cancel)
    assert not editing.open_chart(DATA / "small.yaml")
    timer.stop()
    assert editing.editor.session.modified
    timer = answer_later("unsaved-changes", QMessageBox.StandardButton.Discard)
    assert editing.open_chart(DATA / "small.yaml")
    timer.stop()
    assert not editing.editor.session.modified
    assert editing.editor.active  # still editing: now the chart just opened
    assert editing.editor.session.document.path == DATA / "small.yaml"


def test_autosave_keeps_the_work_and_the_next_start_offers_it_back(qtbot, editing, chart, make_window):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    moved = heel(editing)
    autosave = editing.editor.saving.autosave()
    assert autosave == chart.with_name(".small.yaml.autosave")
    assert chart.read_bytes() == (DATA / "small.yaml").read_bytes()  # the file itself untouched
    # the app "crashes": the window goes without asking, the autosave stays
    editing.editor.session.close()
    editing.close()
    later = make_window(load_atlas(DATA / "small.yaml"))
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    box = box_named("recover-autosave")
    recover = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    recover.click()
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    assert later.editor.session.modified
    assert later.editor.session.saved_path == chart
    assert later.editor.session.written_shape("heel", "plantar-left")[0] == moved
    assert later.state.atlas.path == chart
    later.save_action.trigger()
    assert load_atlas(chart).zone("heel").shapes == later.state.atlas.zone("heel").shapes
    assert not autosave.exists()
    assert autosaving.read_index() == []


def test_autosave_runs_after_many_changes(qtbot, editing, chart, monkeypatch):
    monkeypatch.setattr(autosaving, "AUTOSAVE_EVERY", 2)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    drag(qtbot, editing, "plantar-left", (0, 30), (0, 35))
    autosave = chart.with_name(".small.yaml.autosave")
    assert autosave.exists()
    editing.editor.saving.discard()
    assert not autosave.exists()


@pytest.mark.parametrize("with_zones", [False, True])
def test_new_chart_from_the_built_in_outlines(qtbot, editing, monkeypatch, tmp_path, with_zones):
    from reflexmap.ui import dialogs

    editing.editor.session.stack.setClean()
    editing.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.setText("Annas Fußkarte")
    (dialog.with_zones if with_zones else dialog.empty).setChecked(True)
    qtbot.keyClicks(dialog.tradition, "My practice")  # the author's own: asked, OK waits for it
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editing.state.atlas.title == "Annas Fußkarte", timeout=5000)
    atlas = editing.state.atlas
    assert editing.editor.active and editing.editor.session.modified
    assert (len(atlas.zones) > 40) == with_zones
    assert len(atlas.views) == 8
    target = tmp_path / "practice.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    saved = load_atlas(target)
    assert saved.title == "Annas Fußkarte" and saved.id == "annas-fusskarte"  # (was "annas-fu-karte")
    assert len(saved.zones) == len(atlas.zones)
    # the only comment is the new chart's own: none of the outlines' file (its tools, its sources)
    comments = [
        line for line in target.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")
    ]
    assert comments == [
        "# Annas Fußkarte: a chart made with ReflexMap from the views of ingham-western.yaml."
    ]
    if not with_zones:  # no comment left over from the outlines' first zone ("# Head: the toes…")
        assert target.read_text(encoding="utf-8").endswith("\nzones: []\n")


def test_a_new_chart_asks_for_its_own_tradition_and_is_saved_under_a_name_from_its_title(
    qtbot, editing, monkeypatch, tmp_path
):
    """The outlines' tradition (and its German) does not come along: the dialog asks for the
    author's, and OK waits for it. Save suggests a safe file name made of the title's words,
    free in the folder, and later the chart's own file."""
    from reflexmap.ui import dialogs

    editing.editor.session.stack.setClean()
    editing.settings.setValue("chart/dir", str(tmp_path))
    (tmp_path / "meine-fusskarte-schule-b-test.yaml").write_text("someone else's", encoding="utf-8")
    editing.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.tradition.text() == "" and not ok.isEnabled()
    dialog.title.setText("Meine Fußkarte: Schule/B. \u202eTest")  # (QTest cannot type the RLO mark)
    dialog.with_zones.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "Schule Weber")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editing.state.atlas.title.startswith("Meine"), timeout=5000)
    assert editing.state.atlas.tradition == "Schule Weber"
    suggested = []
    target = tmp_path / "chosen.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: suggested.append(args[2]) or str(target))
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    assert suggested == [str(tmp_path / "meine-fusskarte-schule-b-test-2.yaml")]  # as its id (atlas/ids.py)
    text = target.read_text(encoding="utf-8")
    assert "Ingham" not in text.split("zones:")[0]  # neither "Western (Ingham)" nor "Westlich (Ingham)"
    assert load_atlas(target).tradition == "Schule Weber"
    editing.save_as_action.trigger()
    assert suggested[-1] == str(target)


def test_the_first_zone_of_a_new_chart_asks_for_its_first_source_and_closes(qtbot, editing, monkeypatch):
    """An outlines-only chart has no sources yet and a zone must name one: a double-click
    closes the zone and Chart properties opens at once with a source added, its title empty
    to type (OK refuses it empty); OK draws the zone naming it (before: nothing happened but a status line,
    the user had to find the dialog, add a source and press Enter). Cancel keeps the drawing
    and says how to go on."""
    from PySide6.QtWidgets import QDialog

    from .conftest import click_mm, viewport_pos

    editing.editor.session.stack.setClean()
    editing.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    qtbot.keyClicks(dialog.tradition, "My practice")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editing.state.atlas.title == "My chart", timeout=5000)
    editing.draw_action.trigger()
    corners = ((-15, 60), (5, 60), (5, 72), (-15, 72))
    for point in corners:
        click_mm(qtbot, editing, "plantar-left", *point)
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    properties = editing.findChild(QDialog, "chart-properties")
    assert properties is not None and properties.isVisible()
    assert "OK draws the zone" in editing.statusBar().currentMessage()
    properties.reject()  # Cancel: the drawing stays
    assert editing.state.atlas.zones == () and editing.editor.tool.drawing
    assert "waits for a source" in editing.statusBar().currentMessage()
    last = viewport_pos(editing, "plantar-left", *corners[-1])
    qtbot.mouseDClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=last)  # closes it again
    properties = next(d for d in editing.findChildren(QDialog, "chart-properties") if d.isVisible())
    title = properties.sources.fields[("title", None)]
    assert title.text() == ""  # the author's words, no stand-in that would pass the check
    ok = properties.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # refused: said in the dialog, which stays
    assert properties.isVisible() and "needs a title" in properties.sources.message.text()
    assert editing.state.atlas.zones == ()
    qtbot.keyClicks(title, "My course notes, 2025")
    ok.click()
    assert [s.title for s in editing.state.atlas.sources.values()] == ["My course notes, 2025"]
    assert [z.id for z in editing.state.atlas.zones] == ["new-zone-1"]
    assert editing.state.atlas.zone("new-zone-1").sources == ("source-1",)
    assert editing.state.zone_id == "new-zone-1"
    editing.editor.saving.discard()


def test_save_as_of_a_built_in_chart_suggests_a_name_from_its_title(
    qtbot, make_window, monkeypatch, tmp_path
):
    from reflexmap.ui import dialogs

    window = make_window()  # the built-in Western chart
    window.settings.setValue("chart/dir", str(tmp_path))
    window.edit_action.trigger()
    suggested = []
    monkeypatch.setattr(dialogs, "save_file", lambda *args: suggested.append(args[2]) or "")
    window.save_as_action.trigger()
    assert suggested == [str(tmp_path / "western-foot-chart-ingham-tradition.yaml")]
    window.editor.saving.discard()


def test_undo_and_redo_after_save_as_keep_the_new_file(qtbot, editing, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(tmp_path / "other.yaml"))
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    editing.save_as_action.trigger()
    press(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.path == tmp_path / "other.yaml"
    assert editing.editor.session.modified


def test_the_map_double_click_still_works_after_saving(qtbot, editing):
    editing.save_action.trigger()
    pos = viewport_pos(editing, "plantar-left", 18, 16)
    qtbot.mouseDClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(heel(editing)) == 5


def test_a_language_switch_keeps_the_unsaved_work_in_edit_mode(qtbot, editing, chart):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    moved = heel(editing)
    editing.language_actions["de"].trigger()
    german = editing.successor
    qtbot.addWidget(german)
    assert german.editor.active and german.editor.session.modified
    assert german.editor.session.written_shape("heel", "plantar-left")[0] == moved
    assert german.edit_action.text() == "Zonen &bearbeiten"
    assert not editing.editor.session.modified  # the old window has nothing left to ask
    german.save_action.trigger()
    assert load_atlas(chart).zone("heel").shapes == german.editor.session.draft.atlas.zone("heel").shapes


def test_a_nudge_then_at_once_save_or_close_is_not_lost(qtbot, editing, chart):
    """Arrow keys nudge the zone as one change once the keys rest; Ctrl+S or closing the
    window before then saved nothing and quit without a question (tryout S14-21)."""
    before = heel(editing)
    for _ in range(3):
        qtbot.keyClick(editing.map, Qt.Key.Key_Up)
    press(qtbot, editing, QKeySequence.StandardKey.Save)  # at once, before the keys "rest"
    saved = load_atlas(chart).zone("heel").shapes["plantar-left"][0]
    assert saved[0] != pytest.approx(before[0]) and heel(editing)[0] == pytest.approx(saved[0])
    qtbot.keyClick(editing.map, Qt.Key.Key_Left)
    editing.close()  # at once again: asked, not closed
    box = box_named("unsaved-changes")
    assert box is not None and editing.isVisible()
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editing.isVisible(), timeout=2000)
    assert load_atlas(chart).zone("heel").shapes == editing.state.atlas.zone("heel").shapes


def test_opening_a_chart_that_cannot_be_shown_keeps_the_edits_without_asking(qtbot, editing, chart, tmp_path):
    """Open chart asked Save/Discard before reading: Discard, then a chart with errors (or
    a failed or cancelled reading), lost the edits and their history for nothing. Now it asks
    only once a chart is read to take this one's place."""
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    broken = tmp_path / "broken.yaml"
    broken.write_text("zones: [\n", encoding="utf-8")
    asked = []
    timer = QTimer()
    timer.timeout.connect(
        lambda: asked.append(box_named("unsaved-changes")) if box_named("unsaved-changes") else None
    )
    timer.start(20)
    try:
        assert not editing.open_chart(broken)
        qtbot.wait(50)
    finally:
        timer.stop()
    for widget in QApplication.topLevelWidgets():  # the chart's errors, said
        if widget.isVisible() and widget is not editing and widget.isWindow() and widget.isModal():
            widget.close()
    assert not any(asked), "asked about the edits though no chart was to replace them"
    assert editing.editor.session.modified and editing.editor.session.stack.canUndo()
    assert editing.editor.active


def test_cancelling_save_it_anyway_leaves_the_chart_and_its_history(
    qtbot, editing, chart, monkeypatch, tmp_path
):
    """Save as of a chart with a problem, the copy to get an id of its own: Cancel at "Save it
    anyway?" saves nothing and leaves the chart's id and its history as they were (tryout
    S17-3: History gained "Give the chart an id of its own" and the id was changed)."""
    from reflexmap.ui import dialogs

    drag(qtbot, editing, "plantar-left", (18, 30), (35, 30))  # out of the foot: a problem
    session = editing.editor.session
    assert session.draft.problems
    chart_id, steps, text = editing.state.atlas.id, session.stack.count(), session.document.text
    target = tmp_path / "copy.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Cancel)
    editing.save_as_action.trigger()
    timer.stop()
    assert not target.exists()
    assert session.stack.count() == steps and session.stack.index() == steps
    assert session.document.text == text and editing.state.atlas.id == chart_id
    assert session.saved_path == chart
    timer = answer_later("save-with-problems", QMessageBox.StandardButton.Save)
    editing.save_as_action.trigger()  # saved: the copy's own id is a step of its history
    timer.stop()
    assert f"\nid: {editing.state.atlas.id}\n" in target.read_text(encoding="utf-8")
    assert editing.state.atlas.id != chart_id
    assert session.stack.text(session.stack.count() - 1) == "Give the chart an id of its own"
    assert not session.modified


def test_the_window_title_names_the_file_and_marks_unsaved_changes(
    qtbot, editing, chart, monkeypatch, tmp_path
):
    """Copies of one chart share its title: the window's title names the file too, and Qt's
    unsaved mark follows the edits (tryout S17-9: "Western foot chart … — ReflexMap" alone)."""
    from reflexmap.ui import dialogs

    title = editing.state.atlas.title
    assert editing.windowTitle() == f"{title} — {chart.name}[*] — ReflexMap"
    assert not editing.isWindowModified()
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    assert editing.isWindowModified()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(tmp_path / "mychart.yaml"))
    editing.save_as_action.trigger()
    assert "mychart.yaml[*]" in editing.windowTitle() and not editing.isWindowModified()
