"""File → Open of a large chart (ui/chart_opening.py): the file is read and checked in a
worker thread behind a window-modal "Opening the chart…" box with Cancel, the window
answering meanwhile; Cancel stops the reading inside its check and keeps the chart shown,
and another chart can be opened at once. Before, File → Open read every chart on the
window's own thread (a 10,000-zone chart: some 2.5 s of CPU with the window frozen)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from reflexmap.atlas import load_atlas, schema
from reflexmap.ui import chart_opening, dialogs

from .test_editor import DATA
from .test_editor_opening import the_box
from .test_editor_opening_cancel import large_chart


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "reflexmap-open"]


def test_file_open_reads_a_large_chart_in_the_background_the_window_answering(
    qtbot, make_window, tmp_path, monkeypatch
):
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)
    real_read = chart_opening.read_atlas

    def slow_read(*args):  # (a slower disk: the reading outlasts a few of the window's ticks
        time.sleep(0.3)  # however busy the machine; 4 ticks of 10 ms were counted under load)
        return real_read(*args)

    monkeypatch.setattr(chart_opening, "read_atlas", slow_read)
    large = large_chart(tmp_path)
    window = make_window()
    before = window.state.atlas.title
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(large))
    ticks = []
    clock = QTimer(window)
    clock.timeout.connect(lambda: ticks.append(bool(readers())))
    clock.start(10)
    window.actions_by_name["open"].trigger()  # File → Open chart…
    box = the_box(window)
    assert box is not None and box.labelText() == "Opening the chart…"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert window.state.atlas.title == before  # not yet
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == large, timeout=60000)
    clock.stop()
    assert ticks.count(True) >= 5  # the window's events went on while the worker read
    assert the_box(window) is None
    assert len(window.state.atlas.zones) == 2000


def test_cancel_in_the_check_stops_the_reading_and_another_chart_opens_at_once(
    qtbot, make_window, tmp_path, monkeypatch
):
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)
    large = large_chart(tmp_path)
    with large.open("a", encoding="utf-8") as chart:
        chart.write(f"# {tmp_path}\n")  # bytes of its own: never found checked in the chart cache
    small = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", small)
    window = make_window()
    before = window.state.atlas.path
    checking, pressed, checked = threading.Event(), threading.Event(), []
    check = schema.check_structure

    first: list[threading.Thread] = []  # the large chart's reader (the small one reads in a worker too)

    def watched(*args, **kwargs):
        me = threading.current_thread()
        if me.name != "reflexmap-open" or (first and first[0] is not me):
            return check(*args, **kwargs)
        first.append(me)
        checking.set()
        pressed.wait(30)  # the check runs once Cancel is clicked, however loaded the machine
        result = check(*args, **kwargs)
        checked.append(True)
        return result

    monkeypatch.setattr(schema, "check_structure", watched)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(large))
    window.actions_by_name["open"].trigger()
    [reader] = readers()
    qtbot.waitUntil(checking.is_set, timeout=60000)
    qtbot.mouseClick(the_box(window).findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    pressed.set()
    assert the_box(window) is None
    assert window.state.atlas.path == before  # the chart shown stays
    assert "cancelled" in window.statusBar().currentMessage()
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 10**9)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    window.actions_by_name["open"].trigger()  # at once, the first reading abandoned
    assert Path(window.state.atlas.path) == small
    qtbot.waitUntil(lambda: not reader.is_alive(), timeout=30000)
    assert checked == []  # stopped inside the check
    qtbot.wait(100)
    assert Path(window.state.atlas.path) == small
    assert [z.id for z in window.state.atlas.zones] == [z.id for z in load_atlas(small).zones]
