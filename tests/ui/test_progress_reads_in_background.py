"""The window never waits for a learner's progress to be read (issues 14/19): File → Profile…
(another learner chosen, with the heat map on or Statistics open), Quiz → Import saved
answers… and Settings → Language read the review log in the window's background work
(ui/background.py), as the quiz's opening does. Each test holds the reading in its thread
until it lets it go, and checks that the window's own timer ticks meanwhile, that the status
bar says it, that what is asked meanwhile is done once after, and that closing meanwhile
loses nothing. (Before, each of them read on the window's thread: a 200,000-answer log held
the window 0.2–0.4 s; here the held reading would have held it for the whole wait.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from reflexmap.quiz.reviewlog import ReviewLog
from reflexmap.ui.modes import quiz as quiz_mode

from .test_quiz_student import visible_dialog

READING = "Reading your quiz progress…"
HOLD_MS = 600  # a reading held this long; the window's longest gap meanwhile stays under GAP_S
GAP_S = 0.4  # (a loaded machine's hiccups included; waiting for the reading would be 0.6 s)


class Held:
    """Every reading of progress (quiz/_read) held until `go` is set; the threads they ran on."""

    def __init__(self, monkeypatch):
        self.go, self.threads = threading.Event(), []
        real = quiz_mode._read

        def held(path, old, spares, *language):
            self.threads.append(threading.current_thread().name)
            self.go.wait(10)
            return real(path, old, spares, *language)

        monkeypatch.setattr(quiz_mode, "_read", held)
        monkeypatch.setattr(quiz_mode, "QUICK_BYTES", 0)  # every log "large": read in the background


class Ticks:
    """A 10 ms timer of the window's thread, as benchmarks/quiz_opening.py measures the window."""

    def __init__(self, window):
        self.times: list[float] = []
        self.timer = QTimer(window)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()

    def longest_gap(self) -> float:
        return max(b - a for a, b in zip(self.times, self.times[1:], strict=False))


def practised(path: Path, zones: list[str]) -> None:
    """A review log at `path` in which `zones` were answered right (their mastery is known)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    log = ReviewLog(path)
    try:
        for n, zone in enumerate(zones):
            log.record(
                f"ingham-western:{zone}:find",
                lambda state: _seen(state),
                now=time.time() - 60 + n,
                rating=3,
                correct=True,
            )
    finally:
        log.close()


def _seen(state):
    from reflexmap.quiz.scheduler import Scheduler

    return Scheduler({}).advance(state, 3, time.time(), True)


def choose_profile(qtbot, window, name: str) -> None:
    """File → Profile…, the learner `name` chosen, Use this profile clicked."""
    window.profile_action.trigger()
    dialog = visible_dialog(window, "profiles")
    names = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(names.index(name))
    qtbot.mouseClick(dialog.findChild(type(dialog.create_button), "use-profile"), Qt.MouseButton.LeftButton)


def status(window) -> str:
    return window.statusBar().currentMessage()


@pytest.fixture
def heat_map_window(qtbot, make_window, tmp_path: Path, monkeypatch):
    """A window showing the heat map of the first learner; a second learner, Ann, has
    practised three zones; every reading from now on is held (`window.held`)."""
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:3]]
    window.quiz.profiles.create("Ann")
    practised(window.quiz.profiles.database("Ann"), zones)
    window.mastery_action.trigger()
    qtbot.waitUntil(lambda: window.state.mastery is not None, timeout=5000)
    assert all(window.state.mastery[z] is None for z in zones)
    window.held = Held(monkeypatch)
    window.ann_zones = zones
    return window


def test_another_learner_is_read_while_the_window_answers(qtbot, heat_map_window):
    window = heat_map_window
    held = window.held
    asked = time.perf_counter()
    choose_profile(qtbot, window, "Ann")
    assert time.perf_counter() - asked < 2  # (before: the window read Ann's log, here held)
    assert window.quiz.profile == "Ann"
    assert status(window) == READING
    ticks = Ticks(window)
    window.new_quiz_action.trigger()  # asked meanwhile, twice: one dialog, once it is read
    window.new_quiz_action.trigger()
    qtbot.wait(HOLD_MS)
    assert visible_dialog(window, "quiz-setup") is None
    assert ticks.longest_gap() < GAP_S  # the window's timer went on ticking
    held.go.set()
    qtbot.waitUntil(lambda: visible_dialog(window, "quiz-setup") is not None, timeout=10_000)
    qtbot.waitUntil(lambda: all(window.state.mastery[z] is not None for z in window.ann_zones), timeout=5000)
    assert held.threads == ["quiz-opening"]  # never the window's thread
    assert status(window) == "Profile: Ann"
    assert window.mastery_action.isChecked()
    visible_dialog(window, "quiz-setup").reject()


def test_the_old_learner_is_backed_up_off_the_window_thread(qtbot, heat_map_window, monkeypatch):
    window = heat_map_window
    window.held.go.set()
    backups = []
    real = ReviewLog.backup

    def backup(self, *, force=False):
        backups.append((self.path.name, threading.current_thread().name))
        return real(self, force=force)

    monkeypatch.setattr(ReviewLog, "backup", backup)
    first = window.quiz.database_path
    choose_profile(qtbot, window, "Ann")
    qtbot.waitUntil(lambda: (first.name, "progress-closing") in backups, timeout=5000)
    assert all(thread != "MainThread" for _name, thread in backups)
    qtbot.waitUntil(lambda: all(window.state.mastery[z] is not None for z in window.ann_zones), timeout=5000)


def test_closing_while_another_learner_is_read_loses_nothing(qtbot, heat_map_window):
    window = heat_map_window
    choose_profile(qtbot, window, "Ann")
    assert status(window) == READING
    threading.Timer(0.3, window.held.go.set).start()
    window.close()  # waits for the reading, then closes the log
    assert window.held.threads == ["quiz-opening"]
    log = ReviewLog(window.quiz.profiles.database("Ann"))
    try:
        states = log.states()
    finally:
        log.close()
    assert {f"ingham-western:{z}:find" for z in window.ann_zones} <= set(states)


def test_statistics_open_follows_another_learner_once_read(qtbot, make_window, monkeypatch):
    window = make_window()
    window.quiz.profiles.create("Ann")
    practised(window.quiz.profiles.database("Ann"), [window.state.atlas.zones[0].id])
    window.statistics_action.trigger()
    qtbot.waitUntil(lambda: visible_dialog(window, "statistics") is not None, timeout=5000)
    built = window.quizzing.statistics_built
    held = Held(monkeypatch)
    choose_profile(qtbot, window, "Ann")
    assert status(window) == READING
    ticks = Ticks(window)
    qtbot.wait(HOLD_MS)
    assert window.quizzing.statistics_built == built and ticks.longest_gap() < GAP_S
    held.go.set()
    qtbot.waitUntil(lambda: window.quizzing.statistics_built == built + 1, timeout=5000)
    assert "Ann" in visible_dialog(window, "statistics").windowTitle()
    assert held.threads == ["quiz-opening"]
    qtbot.wait(100)
    assert window.quizzing.statistics_built == built + 1  # once
    visible_dialog(window, "statistics").close()


def switch_to_german(qtbot, window):
    window.settings_menu.language_actions["de"].trigger()
    successor = window.successor
    assert successor is not None
    qtbot.addWidget(successor)
    return successor


def test_a_language_switch_reads_nothing_again_and_keeps_the_heat_map(qtbot, heat_map_window, monkeypatch):
    """The new window takes the progress read: before, it read it again (on the window's
    thread, when answers waited or the heat map was asked again) and the old window backed it
    up and closed it there as it closed; and the heat map was gone."""
    window = heat_map_window
    held = window.held  # (the old window's attributes go with it)
    held.go.set()
    shown = dict(window.state.mastery)
    backups = []
    real = ReviewLog.backup
    monkeypatch.setattr(
        ReviewLog, "backup", lambda self, *, force=False: backups.append(force) or real(self, force=force)
    )
    log = window.quiz.log
    successor = switch_to_german(qtbot, window)
    qtbot.wait(200)
    assert successor.state.mastery == shown and successor.mastery_action.isChecked()
    assert held.threads == [] and backups == []  # nothing read again, nor backed up
    assert successor.quiz.log is log  # the same open log goes on
    successor.new_quiz_action.trigger()
    assert visible_dialog(successor, "quiz-setup") is not None  # at once: it is read
    visible_dialog(successor, "quiz-setup").reject()
    successor.close()
    assert backups == [True]  # backed up once, as the last window closes


def test_a_language_switch_while_the_progress_is_read_goes_on_in_the_new_window(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:2]]
    practised(window.quiz.database_path, zones)
    held = Held(monkeypatch)
    window.mastery_action.trigger()  # asked: read in the background, held
    assert window.state.mastery is None and status(window) == READING
    successor = switch_to_german(qtbot, window)
    ticks = Ticks(successor)
    qtbot.wait(HOLD_MS)
    assert ticks.longest_gap() < GAP_S
    successor.new_quiz_action.trigger()  # asked in the new window meanwhile: done once after
    successor.new_quiz_action.trigger()
    held.go.set()
    qtbot.waitUntil(lambda: visible_dialog(successor, "quiz-setup") is not None, timeout=10_000)
    qtbot.waitUntil(lambda: successor.state.mastery is not None, timeout=5000)
    assert all(successor.state.mastery[z] is not None for z in zones)
    assert held.threads == ["quiz-opening"]  # read once, never on the window's thread
    visible_dialog(successor, "quiz-setup").reject()


def test_closing_the_new_window_while_the_progress_is_read_loses_nothing(qtbot, make_window, monkeypatch):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:2]]
    database = window.quiz.database_path
    practised(database, zones)
    held = Held(monkeypatch)
    window.mastery_action.trigger()
    successor = switch_to_german(qtbot, window)
    threading.Timer(0.3, held.go.set).start()
    successor.close()  # waits for the reading, then closes the log
    assert held.threads == ["quiz-opening"]
    assert successor.quiz._log is None and successor.quiz._reading is None
    log = ReviewLog(database)
    try:
        assert {f"ingham-western:{z}:find" for z in zones} <= set(log.states())
    finally:
        log.close()


def saved_answers(window, tmp_path: Path, zones: list[str]) -> Path:
    """A file of answers the student saved (as when no folder could take them), for this
    window's learner, `zones` answered right."""
    from reflexmap.quiz import pending

    given = [
        pending.PendingAnswer(f"ingham-western:{z}:find", time.time() - 30 + n, 3, True)
        for n, z in enumerate(zones)
    ]
    return pending.write_file(tmp_path / "usb-answers.json", window.quiz.database_path, given)


def hold_the_file(monkeypatch) -> tuple[threading.Event, list[str]]:
    from reflexmap.quiz import pending

    go, threads = threading.Event(), []
    real = pending.read

    def held(path):
        threads.append(threading.current_thread().name)
        go.wait(10)
        return real(path)

    monkeypatch.setattr(pending, "read", held)
    return go, threads


def test_saved_answers_are_imported_while_the_window_answers(qtbot, make_window, tmp_path: Path, monkeypatch):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:2]]
    practised(window.quiz.database_path, [window.state.atlas.zones[5].id])
    chosen = saved_answers(window, tmp_path, zones)
    monkeypatch.setattr("reflexmap.ui.dialogs.open_file", lambda *args: str(chosen))
    file_go, file_threads = hold_the_file(monkeypatch)
    held = Held(monkeypatch)
    asked = time.perf_counter()
    window.import_answers_action.trigger()
    assert time.perf_counter() - asked < 2  # (before: the file and the log read here)
    assert status(window) == READING
    ticks = Ticks(window)
    window.new_quiz_action.trigger()  # asked meanwhile, twice: one dialog once it is read
    window.new_quiz_action.trigger()
    qtbot.wait(HOLD_MS // 2)
    file_go.set()  # the file read: now the progress (large here), held too
    qtbot.wait(HOLD_MS // 2)
    assert status(window) == READING and ticks.longest_gap() < GAP_S
    assert visible_dialog(window, "quiz-setup") is None
    held.go.set()
    qtbot.waitUntil(lambda: "2 answers imported" in status(window), timeout=10_000)
    qtbot.waitUntil(lambda: visible_dialog(window, "quiz-setup") is not None, timeout=5000)
    assert file_threads == ["answers-import"] and held.threads == ["quiz-opening"]
    assert all(window.quiz.scheduler.states[f"ingham-western:{z}:find"].seen == 1 for z in zones)
    visible_dialog(window, "quiz-setup").reject()
    assert chosen.is_file()  # the student's own file stays


def test_closing_while_saved_answers_are_read_loses_nothing(qtbot, make_window, tmp_path: Path, monkeypatch):
    window = make_window()
    zones = [z.id for z in window.state.atlas.zones[:2]]
    chosen = saved_answers(window, tmp_path, zones)
    before = chosen.read_bytes()
    monkeypatch.setattr("reflexmap.ui.dialogs.open_file", lambda *args: str(chosen))
    file_go, file_threads = hold_the_file(monkeypatch)
    window.import_answers_action.trigger()
    threading.Timer(0.3, file_go.set).start()
    window.close()
    qtbot.wait(500)  # (the reading ends by itself; nothing is handed to the closed window)
    assert file_threads == ["answers-import"]
    assert chosen.read_bytes() == before  # the file stays, to be imported at the next start


def test_answers_read_for_one_learner_wait_for_them_when_another_is_chosen(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    """Ann chosen while the first learner's progress is read for an import: the answers
    are checked again against Ann's progress, and refused there (they are not hers)."""
    window = make_window()
    window.quiz.profiles.create("Ann")
    practised(window.quiz.profiles.database("Ann"), [window.state.atlas.zones[5].id])
    practised(window.quiz.database_path, [window.state.atlas.zones[5].id])
    chosen = saved_answers(window, tmp_path, [window.state.atlas.zones[0].id])
    monkeypatch.setattr("reflexmap.ui.dialogs.open_file", lambda *args: str(chosen))
    held = Held(monkeypatch)
    window.import_answers_action.trigger()
    qtbot.waitUntil(lambda: held.threads == ["quiz-opening"], timeout=5000)
    choose_profile(qtbot, window, "Ann")
    held.go.set()
    qtbot.waitUntil(lambda: visible_dialog(window, "import-warning") is not None, timeout=10_000)
    log = ReviewLog(window.quiz.profiles.database("Ann"))
    try:
        assert f"ingham-western:{window.state.atlas.zones[0].id}:find" not in log.states()
    finally:
        log.close()


def test_closing_while_the_last_learner_is_backed_up_waits_for_the_backup(
    qtbot, heat_map_window, monkeypatch
):
    window = heat_map_window
    window.held.go.set()
    go, done = threading.Event(), []
    real = ReviewLog.backup

    def slow_backup(self, *, force=False):
        if threading.current_thread().name == "progress-closing":
            go.wait(10)
        made = real(self, force=force)
        done.append(threading.current_thread().name)
        return made

    monkeypatch.setattr(ReviewLog, "backup", slow_backup)
    choose_profile(qtbot, window, "Ann")
    threading.Timer(0.3, go.set).start()
    window.close()  # the first learner's backup, under way in the background, is finished
    assert "progress-closing" in done
