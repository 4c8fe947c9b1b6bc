"""Large progress is read off the window's thread: Quiz → New quiz…, the heat map and
Statistics… asked while an old progress file is imported (20,000 cards froze the window for
4 s) or a large review log is checked whole (0.4 s) come once it is read; the window answers
meanwhile, and nothing is lost when it closes before the reading is done."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reflexmap.quiz import progress
from reflexmap.quiz.reviewlog import ReviewLog
from reflexmap.ui.modes import quiz as quiz_mode

from .test_quiz_student import visible_dialog


def _old_progress(path: Path, zones: list[str]) -> None:
    """A format-1 progress file larger than what is read on the window's thread at once: the
    chart's zones practised, and many cards of a chart not on this machine."""
    cards = {  # fmt: skip
        f"ingham-western:{zone}:find": {
            "box": 3,
            "due": time.time() + 86_400,
            "seen": 4,
            "right": 4,
            "wrong": 0,
        }
        for zone in zones
    }
    other = {"box": 2, "due": 1.8e9, "seen": 2, "right": 1, "wrong": 1}
    for n in range(quiz_mode.QUICK_BYTES // len(json.dumps(other)) + 1):
        cards[f"another-chart:zone-{n}:find"] = other
    text = json.dumps({"format": progress.FORMAT, "version": 1, "cards": cards})
    assert len(text) > quiz_mode.QUICK_BYTES
    path.write_text(text)


def _held(monkeypatch) -> tuple[threading.Event, list[str]]:
    """The import held until the test lets it go; the threads it runs on."""
    go, threads = threading.Event(), []
    real = ReviewLog.import_progress_json

    def held(self, path, load=None):
        threads.append(threading.current_thread().name)
        go.wait(5)
        return real(self, path, load)

    monkeypatch.setattr(ReviewLog, "import_progress_json", held)
    return go, threads


def test_new_quiz_heat_map_and_statistics_come_once_the_old_progress_is_imported(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:3]]
    _old_progress(tmp_path / "progress.json", zones)
    go, threads = _held(monkeypatch)
    asked = time.perf_counter()
    window.new_quiz_action.trigger()
    window.mastery_action.trigger()
    window.statistics_action.trigger()
    assert time.perf_counter() - asked < 2  # (before: the window waited for the import)
    assert visible_dialog(window, "quiz-setup") is None and window.state.mastery is None
    view = window.state.aspect
    window.new_quiz_action.trigger()  # asked again: still one dialog to come
    qtbot.wait(200)
    assert visible_dialog(window, "quiz-setup") is None
    go.set()
    qtbot.waitUntil(lambda: visible_dialog(window, "quiz-setup") is not None, timeout=20_000)
    assert threads == ["quiz-opening"]
    qtbot.waitUntil(lambda: window.state.mastery is not None, timeout=5_000)
    assert all(window.state.mastery[zone] is not None for zone in zones)
    assert window.mastery_action.isChecked()
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "quiz-setup" and w.isVisible()]
    assert len(shown) == 1
    assert window.state.aspect == view
    qtbot.waitUntil(lambda: visible_dialog(window, "statistics") is not None, timeout=5_000)
    assert list(tmp_path.glob("progress.json.imported-*"))
    shown[0].accept()
    assert window.quiz.active  # the round runs on the progress read


def test_closing_while_the_old_progress_is_imported_loses_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:3]]
    _old_progress(tmp_path / "progress.json", zones)
    before = json.loads((tmp_path / "progress.json").read_text())["cards"]
    go, threads = _held(monkeypatch)
    window.new_quiz_action.trigger()
    assert visible_dialog(window, "quiz-setup") is None
    threading.Timer(0.3, go.set).start()
    window.close()  # waits for the reading, then closes the log
    assert threads == ["quiz-opening"]
    (kept,) = tmp_path.glob("progress.json.imported-*")  # the old file kept, whole
    assert json.loads(kept.read_text())["cards"] == before
    log = ReviewLog(window.quiz.database_path)
    try:
        states = log.states()
    finally:
        log.close()
    assert {f"ingham-western:{zone}:find" for zone in zones} <= set(states)
    assert len(states) == len(before)
