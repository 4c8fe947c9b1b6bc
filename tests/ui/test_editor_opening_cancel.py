"""Cancel while a large chart is read for editing (ui/editor/opening.py): the window is free
at once and the reading abandoned; the worker stops itself at its next stage, never inside
the core. It was stopped by an exception sent into its thread, raised wherever it was: in
the middle of the parser or the check (or, inside a call in C, only when that returned)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from reflexmap.atlas import document as atlas_document
from reflexmap.atlas import load_atlas
from reflexmap.ui import dialogs
from reflexmap.ui.editor import opening

from .test_editor import DATA
from .test_editor_opening import held, the_box  # noqa: F401 (held: a fixture)


def workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "reflexmap-edit-open"]


def large_chart(folder: Path, zones: int = 2000) -> Path:
    from benchmarks.synthetic import synthetic_chart

    path = folder / "large.yaml"
    path.write_text(
        yaml.safe_dump(synthetic_chart(zones), sort_keys=False, default_flow_style=None, width=200)
    )
    return path


def test_escape_frees_the_window_at_once_and_the_reading_stops_between_stages(
    qtbot, make_window, tmp_path, monkeypatch
):
    """Escape while the reading's first stage runs: the window is free at once; the reading
    stops at the core's next look at the stop (inside the reading now: stopping.py), the
    check after it never starts; nothing read reaches the window."""
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    inside, let_go, parsed, checked = threading.Event(), threading.Event(), [], []
    read, draft = atlas_document.read_document, atlas_document.ChartDocument.draft

    def parsing(path):
        inside.set()
        end = time.monotonic() + 20
        while not let_go.is_set() and time.monotonic() < end:  # the core's own steps of Python
            sum(range(100))
        document = read(path)
        parsed.append(document)
        return document

    def checking(document, *args, **kwargs):
        if threading.current_thread().name == "reflexmap-edit-open":
            checked.append(document)
        return draft(document, *args, **kwargs)

    monkeypatch.setattr(opening, "IN_BACKGROUND", 0)
    monkeypatch.setattr(atlas_document, "read_document", parsing)
    monkeypatch.setattr(atlas_document.ChartDocument, "draft", checking)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    assert inside.wait(10)
    [worker] = workers()
    qtbot.keyClick(the_box(window), Qt.Key.Key_Escape)
    assert the_box(window) is None  # at once, the worker still reading
    assert worker.is_alive()
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.editor.active and not window.edit_action.isChecked()
    let_go.set()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10000)
    assert parsed == []  # stopped inside the reading (at its first look after Escape)
    assert checked == []  # the check after it never began
    qtbot.wait(100)  # (the window's timer would have taken a result by now)
    assert window.editor.session.document is None and not window.editor.active


def test_another_chart_opened_after_cancel_is_edited_as_itself(
    qtbot,
    make_window,
    tmp_path,
    monkeypatch,
    held,  # noqa: F811 (the fixture imported above)
):
    """A chart of 2,000 zones read for editing, Escape, then File → Open another chart and Edit
    zones on it while the first reading still ends in the background: the second chart is
    shown and edited, never the first one's document. The reading waits for Escape (`held`):
    on a quick machine it could end before the key, the box was gone, and the key sent to no
    widget aborted the test run (QTEST_ASSERT in CI)."""
    large = large_chart(tmp_path)
    small = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", small)
    window = make_window(load_atlas(large))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    qtbot.waitUntil(lambda: bool(workers()))
    [abandoned] = workers()
    qtbot.wait(30)
    qtbot.keyClick(the_box(window), Qt.Key.Key_Escape)
    assert the_box(window) is None
    held.set()  # the abandoned reading goes on in the background from here
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(small))
    window.actions_by_name["open"].trigger()  # File → Open chart…
    assert Path(window.state.atlas.path) == small
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: window.editor.active, timeout=30000)
    small_ids = [zone.id for zone in load_atlas(small).zones]
    assert [zone.id for zone in window.editor.session.draft.atlas.zones] == small_ids
    qtbot.waitUntil(lambda: not abandoned.is_alive(), timeout=60000)  # it ends by itself
    qtbot.wait(100)
    assert window.editor.active and Path(window.state.atlas.path) == small
    assert [zone.id for zone in window.editor.session.draft.atlas.zones] == small_ids
    assert [zone.id for zone in window.state.atlas.zones] == small_ids
    window.editor.saving.discard()


def test_cancel_in_the_check_stops_the_worker_inside_it(qtbot, make_window, tmp_path, monkeypatch):
    """Cancel clicked while the large chart is checked (its draft: 2.2 s of CPU on 10,000
    zones): the worker stops inside the check, which never runs to its end; it ran on to
    its end in the background before."""
    monkeypatch.setattr(opening, "IN_BACKGROUND", 0)
    path = large_chart(tmp_path)
    checking, pressed, checked = threading.Event(), threading.Event(), []
    draft = atlas_document.ChartDocument.draft

    def watched(document, *args, **kwargs):
        if threading.current_thread().name != "reflexmap-edit-open":
            return draft(document, *args, **kwargs)
        checking.set()
        pressed.wait(30)  # the check runs once Cancel is clicked, however loaded the machine
        result = draft(document, *args, **kwargs)
        checked.append(document)
        return result

    monkeypatch.setattr(atlas_document.ChartDocument, "draft", watched)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    [worker] = workers()
    qtbot.waitUntil(checking.is_set, timeout=60000)
    cancel = the_box(window).findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    pressed.set()
    assert the_box(window) is None and not window.editor.active
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=30000)
    assert checked == []  # stopped inside the check
