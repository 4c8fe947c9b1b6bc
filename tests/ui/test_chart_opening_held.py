"""Opening a chart, past the reading (ui/chart_opening.py, ui/editor/opening.py): what a
person gives while the window draws the chart read is not replayed on it; a reading that
raises is said as a chart error at its place, the chart shown staying; a small chart whose
reading is slow (a slow disk, a hostile file) goes behind the box with Cancel, the window
answering; and what an abandoned reading read is freed in its worker, not the window."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from reflexmap.atlas import read_atlas
from reflexmap.ui import chart_opening, dialogs

from .conftest import click_zone, inside_point, viewport_pos
from .test_editor import DATA
from .test_editor_opening import the_box

LEFT = Qt.MouseButton.LeftButton


def copied(tmp_path: Path, name: str = "small.yaml") -> Path:
    path = tmp_path / name
    shutil.copy(DATA / "small.yaml", path)
    return path


def slow_readings(monkeypatch, module) -> threading.Event:
    """`module`'s readings wait for the gate returned (a slow disk) and the app's short wait
    for a quick reading is used (the tests' own is longer: conftest)."""
    gate = threading.Event()

    def slow(path, cache=None):
        assert gate.wait(20)
        return read_atlas(path, cache)

    monkeypatch.setattr(module, "read_atlas", slow)
    monkeypatch.setattr(chart_opening, "QUICK_S", 0.2)
    return gate


def first_zone(window) -> tuple[str, str]:
    atlas = window.state.atlas
    view = atlas.views_of(window.state.aspect)[0].id
    return view, atlas.zones_in(view)[0].id


def test_a_click_given_while_the_chart_read_is_drawn_does_not_act_on_it(
    qtbot, make_window, tmp_path, monkeypatch
):
    """The batch tryout's Cancel click given while a 10,000-zone chart was drawn (3–4.5 s)
    landed on the new chart when the window was free again. Here the click is given on a
    zone of the new chart while it is drawn (the window held): it is dropped. The box says
    the chart is being drawn meanwhile, its Cancel off (it can no longer keep the old chart)."""
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)  # behind the box
    small = copied(tmp_path)
    window = make_window()
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    seen = []

    def while_drawn() -> None:  # after the map and the list drew the chart, the window still held
        box = the_box(window)
        seen.append((box.labelText(), box.findChild(QPushButton).isEnabled()) if box else None)
        view, zone = first_zone(window)
        viewport = window.map.viewport()
        pos = QPointF(viewport_pos(window, view, *inside_point(window.state.atlas, view, zone)))
        where = QPointF(viewport.mapToGlobal(pos))
        press = QMouseEvent(
            QMouseEvent.Type.MouseButtonPress, pos, where, LEFT, LEFT, Qt.KeyboardModifier.NoModifier
        )
        release = QMouseEvent(
            QMouseEvent.Type.MouseButtonRelease,
            pos,
            where,
            LEFT,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.postEvent(viewport, press)  # queued, as input given while the window is held
        QApplication.postEvent(viewport, release)

    window.state.atlas_changed.connect(while_drawn)
    window.actions_by_name["open"].trigger()  # File → Open chart…
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == small, timeout=30000)
    window.state.atlas_changed.disconnect(while_drawn)
    qtbot.wait(100)
    assert seen == [("Drawing the chart…", False)]
    assert the_box(window) is None
    assert window.state.zone_id == ""  # the click given while it was drawn did nothing
    view, zone = first_zone(window)
    click_zone(qtbot, window, view, zone)  # the same click, given on the chart shown
    assert window.state.zone_id == zone


def marked() -> Exception:  # an exception that knows its place, as a parser's (0-based marks)
    return yaml.scanner.ScannerError(
        problem="found character '\\t' that cannot start any token",
        problem_mark=yaml.Mark("small.yaml", 0, 2, 4, None, None),
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (marked, ":3:5: the chart could not be read: found character '\\t' that cannot start any token"),
        (
            lambda: PermissionError(13, "Permission denied"),
            ": permission denied: ReflexMap may not read this file",
        ),
        (
            lambda: RecursionError("maximum recursion depth exceeded"),
            ": the chart is nested too deeply to read",
        ),
    ],
)
@pytest.mark.parametrize("behind_the_box", [True, False])
def test_a_reading_that_raises_is_said_plainly_and_the_chart_shown_stays(
    qtbot, make_window, tmp_path, monkeypatch, error, said, behind_the_box
):
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0 if behind_the_box else 10**9)
    small = copied(tmp_path)
    window = make_window()
    before = window.state.atlas

    def raising(path, cache=None):
        raise error()

    monkeypatch.setattr(chart_opening, "read_atlas", raising)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None, timeout=30000)
    box = window.findChild(QMessageBox, "chart-errors")
    assert box.text() == f"{small.name} has 1 error; the chart shown is unchanged."
    whole = box.text() + box.informativeText() + (box.detailedText() or "")
    assert f"{small}{said}" in whole
    assert "Traceback" not in whole and "Error(" not in whole
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert f"{small}{said}" in window.statusBar().currentMessage()
    assert window.state.atlas is before  # the chart shown stays
    assert the_box(window) is None
    box.close()
    monkeypatch.setattr(chart_opening, "read_atlas", read_atlas)
    window.actions_by_name["open"].trigger()  # the next opening works
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == small, timeout=30000)


def test_a_small_chart_slow_to_read_goes_behind_the_box_and_cancel_keeps_the_chart(
    qtbot, make_window, tmp_path, monkeypatch
):
    """A small file on a slow disk (or one slow to read): the window is not held while it
    reads; after a moment the box comes, and Cancel keeps the chart shown."""
    small = copied(tmp_path)
    window = make_window()
    before = window.state.atlas
    gate = slow_readings(monkeypatch, chart_opening)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    began = time.monotonic()
    window.actions_by_name["open"].trigger()
    held = time.monotonic() - began
    box = the_box(window)
    assert box is not None and box.labelText() == "Opening the chart…"
    assert held < chart_opening.QUICK_S + 2.0  # (a loaded machine) the window was given back
    assert window.state.atlas is before
    qtbot.mouseClick(box.findChild(QPushButton), LEFT)  # Cancel
    assert the_box(window) is None
    assert "cancelled" in window.statusBar().currentMessage()
    gate.set()
    qtbot.wait(200)
    assert window.state.atlas is before
    monkeypatch.setattr(chart_opening, "read_atlas", read_atlas)
    window.actions_by_name["open"].trigger()  # a quick reading: shown at once, as before
    assert Path(window.state.atlas.path) == small
    assert the_box(window) is None


def test_a_chart_read_then_abandoned_is_freed_in_the_worker_not_the_window(
    qtbot, make_window, tmp_path, monkeypatch
):
    """Cancel given when the worker has read the chart, before the window took it: what it
    read (a 10,000-zone chart: 0.2–0.4 s to free) is freed in the worker's thread."""
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)
    small = copied(tmp_path)
    window = make_window()
    before = window.state.atlas
    freed, returned = [], threading.Event()

    class Read:
        def __del__(self):
            freed.append(threading.current_thread().name)

    def reading(path, cache=None):
        returned.set()
        return Read()

    monkeypatch.setattr(chart_opening, "read_atlas", reading)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    window.actions_by_name["open"].trigger()
    box = the_box(window)
    assert returned.wait(20)
    time.sleep(0.2)  # (the window's loop not run: it has not looked for the result yet)
    qtbot.mouseClick(box.findChild(QPushButton), LEFT)  # Cancel
    qtbot.waitUntil(lambda: freed != [], timeout=10000)
    qtbot.wait(100)
    assert freed == ["reflexmap-open"]
    assert window.state.atlas is before


def test_the_chart_menu_does_not_read_again_the_chart_just_opened(qtbot, make_window, tmp_path, monkeypatch):
    """The Chart menu names every known chart by its title, read when the menu opens: the
    chart just opened (a 10,000-zone one read in the worker) was read again then, on the
    window's thread. Its reading is kept for the menu now."""
    from reflexmap.ui import charts_menu

    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)
    small = copied(tmp_path, "mine.yaml")
    window = make_window()
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == small, timeout=30000)
    read_again = []

    def counted(path, cache=None):
        if Path(path).resolve() == small.resolve():
            read_again.append(path)
        return read_atlas(path, cache)

    monkeypatch.setattr(charts_menu, "read_atlas", counted)
    window.charts_menu.popup(window.mapToGlobal(window.rect().center()))  # the Chart menu opens
    qtbot.waitUntil(window.charts_menu.isVisible)
    titles = [action.text() for action in window.charts_menu.chart_actions()]
    assert any(window.state.atlas.title in title for title in titles)
    assert read_again == []
    window.charts_menu.close()
