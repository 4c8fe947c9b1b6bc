# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The questions around unsaved edits, in the order a person meets them: File → New chart…
asks about the unsaved changes only once the new chart is really to be made (Cancel in its
dialog keeps the chart, its changes and their history); a save that fails while the window
closes is said once and offers Save as…, and nothing is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from reflexmap.atlas import load_atlas

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_files import answer_later, box_named


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


@pytest.fixture
def refusing_folder(tmp_path: Path):
    """`refuse(folder)`: the folder takes no new file and no rename, even for root (chattr
    +i, as the tester's); undone after the test. Skipped where chattr is not allowed."""
    made: list[Path] = []

    def refuse(folder: Path) -> None:
        result = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if result.returncode != 0:
            pytest.skip(f"cannot make a folder immutable here: {result.stderr.decode(errors='replace')}")
        made.append(folder)

    yield refuse
    for folder in made:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


def visible_boxes(name: str) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]


def test_quit_save_into_a_refusing_folder_says_it_once_and_offers_save_as(
    qtbot, editing, chart, refusing_folder, monkeypatch, tmp_path
):
    from reflexmap.ui import dialogs

    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    shapes = editing.state.atlas.zone("heel").shapes
    original = chart.read_bytes()
    elsewhere = tmp_path / "elsewhere"  # (made before the chart's folder refuses new files)
    elsewhere.mkdir()
    refusing_folder(chart.parent)
    editing.close()
    box_named("unsaved-changes").button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: box_named("save-failed-closing") is not None, timeout=3000)
    qtbot.wait(100)  # (a second box would be open by now)
    assert len(visible_boxes("save-failed-closing")) == 1
    assert not visible_boxes("save-failed")  # said once: not also the plain "Chart not saved"
    failed = box_named("save-failed-closing")
    assert chart.name in failed.text() and "may not write" in failed.text()
    assert editing.isVisible() and chart.read_bytes() == original
    # Cancel: back to editing, nothing lost
    failed.button(QMessageBox.StandardButton.Cancel).click()
    assert editing.isVisible() and editing.editor.session.modified
    # again, and Save as… to a folder that takes it: saved there, and the window closes
    target = elsewhere / "mine.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    editing.close()
    box_named("unsaved-changes").button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: box_named("save-failed-closing") is not None, timeout=3000)
    failed = box_named("save-failed-closing")
    save_as = next(b for b in failed.buttons() if "Save" in b.text() and "as" in b.text())
    save_as.click()
    qtbot.waitUntil(lambda: not editing.isVisible(), timeout=3000)
    assert load_atlas(target).zone("heel").shapes == shapes
    assert chart.read_bytes() == original


def dense_chart(folder: Path, per_side: int = 500) -> Path:
    """small.yaml with the heel's outline (the same rectangle) written with 4 × `per_side`
    corners (500: 2,000 corners about 0.07 mm apart, at the window's zoom less than a pixel)."""
    from .test_editor import DATA

    corners = [(-18, 2), (18, 2), (18, 30), (-18, 30)]
    ring = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        ring += [(x0 + (x1 - x0) * i / per_side, y0 + (y1 - y0) * i / per_side) for i in range(per_side)]
    written = ", ".join(f"[{x:.4f}, {y:.4f}]" for x, y in ring)
    path = folder / "dense.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    old = "plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]"
    assert old in text
    path.write_text(text.replace(old, f"plantar-left: [{written}]"), encoding="utf-8")
    return path


@pytest.fixture
def dense(tmp_path: Path) -> Path:
    return dense_chart(tmp_path)


def wheel_in(window, view_id: str, x: float, y: float, notches: int) -> None:
    """The mouse wheel turned `notches` towards the person over (x, y) mm in `view_id`."""
    from .conftest import viewport_pos

    viewport = window.map.viewport()
    for _ in range(notches):
        at = QPointF(viewport_pos(window, view_id, x, y))
        wheel = QWheelEvent(
            at,
            viewport.mapToGlobal(at),
            QPoint(),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, wheel)


def handle_places(window) -> list[tuple[int, int]]:
    view = window.map
    return [
        (p.x(), p.y())
        for p in (view.mapFromScene(h.pos()) for h in window.editor.tool.overlay.handles)
        if view.viewport().rect().contains(p)
    ]


def gap(window) -> float:
    """The median distance in the scene between handles next to each other."""
    points = [h.pos() for h in window.editor.tool.overlay.handles]
    gaps = sorted(
        ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5 for a, b in zip(points, points[1:], strict=False)
    )
    return gaps[len(gaps) // 2]


def test_a_zone_of_many_close_corners_shows_handles_a_person_can_tell_apart(qtbot, make_window, dense):
    from reflexmap.ui.editor.handle_room import APART_PX

    from .conftest import click_mm

    window = make_window(load_atlas(dense))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    places = handle_places(window)
    assert 4 <= len(places) < 400  # not 2,000 squares over each other (a thick black ring)
    for (ax, ay), (bx, by) in zip(places, places[1:], strict=False):
        assert (ax - bx) ** 2 + (ay - by) ** 2 >= (APART_PX - 1.5) ** 2
    said = window.statusBar().currentMessage()
    assert "corners have no handle, too close together" in said and "zoom in" in said
    gap_before = gap(window)
    wheel_in(window, "plantar-left", 18.0, 16.0, 8)  # the mouse wheel over the heel's right edge
    qtbot.wait(300)  # (the overlay follows the view after a short pause)
    zoomed = handle_places(window)
    # zoomed in: the corners in view have handles closer together on the zone (a few scene
    # units apart, as many pixels apart on screen as before)
    assert len(zoomed) >= 4 and gap(window) < gap_before / 3
    for (ax, ay), (bx, by) in zip(zoomed, zoomed[1:], strict=False):
        assert (ax - bx) ** 2 + (ay - by) ** 2 >= (APART_PX - 1.5) ** 2


def test_edit_mode_on_a_chart_of_many_points_shows_that_it_is_being_opened(qtbot, make_window, tmp_path):
    """A zone of 30,000 corners in a file well under IN_BACKGROUND (0.6 MB): read behind the
    "Opening the chart for editing…" box (before: the window hung with only a wait cursor)."""
    from PySide6.QtWidgets import QProgressDialog

    from reflexmap.ui.editor import opening

    path = dense_chart(tmp_path, per_side=7_500)
    assert path.stat().st_size < opening.IN_BACKGROUND
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    boxes = [box for box in window.findChildren(QProgressDialog) if box.isVisible()]
    assert [box.labelText() for box in boxes] == ["Opening the chart for editing…"]
    qtbot.waitUntil(lambda: window.editor.active, timeout=60_000)
    assert not [box for box in window.findChildren(QProgressDialog) if box.isVisible()]
    assert window.editor.session.document is not None


def test_open_after_an_untouched_new_chart_asks_in_words_for_a_new_chart(qtbot, editing):
    """The new chart has no changes: Open asks whether to save it, not "Save the changes"
    (tryout S17-11); Cancel keeps it, Discard opens the other chart."""
    from .test_editor import DATA

    editing.editor.session.stack.setClean()
    editing.new_chart_action.trigger()
    qtbot.waitUntil(lambda: new_chart_dialog() is not None, timeout=3000)
    dialog = new_chart_dialog()
    dialog.title.setText("Annas Karte")
    qtbot.keyClicks(dialog.tradition, "My practice")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editing.state.atlas.title == "Annas Karte", timeout=5000)
    seen = []

    def read_then(button):
        def answer() -> None:
            box = box_named("unsaved-changes")
            if box is not None:
                timer.stop()
                seen.append((box.text(), box.informativeText()))
                box.button(button).click()

        timer = answer_later("no-such-box", button)
        timer.timeout.connect(answer)
        return timer

    timer = read_then(QMessageBox.StandardButton.Cancel)
    assert not editing.open_chart(DATA / "small.yaml")
    timer.stop()
    assert seen == [
        ("The new chart “Annas Karte” is not saved yet. Save it?", "If not saved, the new chart is lost.")
    ]
    assert editing.state.atlas.title == "Annas Karte" and editing.editor.session.modified
    timer = read_then(QMessageBox.StandardButton.Discard)
    assert editing.open_chart(DATA / "small.yaml")
    timer.stop()
    assert editing.editor.session.document.path == DATA / "small.yaml"
