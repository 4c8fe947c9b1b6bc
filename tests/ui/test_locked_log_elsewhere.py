"""The review log's other readers and writers while another program holds it locked
(`PRAGMA locking_mode=EXCLUSIVE`, or BEGIN EXCLUSIVE): the mastery heat map, the Statistics
window and moving progress when the editor saves renamed zones each wait a moment at most
(they waited SQLite's 15 s busy timeout, the window frozen) and say plainly what happened
instead of showing empty progress."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from reflexmap.atlas import load_atlas

from .test_editor_rename_progress import chart, rename_heel  # noqa: F401 - a fixture
from .test_locked_review_log import EXCLUSIVE_MODE_HOLDER, HOLDER, Holder, Stalls
from .test_statistics_window import answer_round

HOLDERS = pytest.mark.parametrize(
    "script", [EXCLUSIVE_MODE_HOLDER, HOLDER], ids=["exclusive-mode", "begin-exclusive"]
)


def hold(window, script) -> Holder:
    """Another program takes the log. Exclusive locking mode on a WAL database needs every
    other connection gone: the window's is closed first (it opens again on use, as it does
    after a profile switch or at the next start); BEGIN EXCLUSIVE is taken beside it."""
    if script is EXCLUSIVE_MODE_HOLDER:
        window.quiz.shutdown()
    return Holder(window.quiz.database_path, script)


@pytest.fixture
def studied(qtbot, make_window, tmp_path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck", "heart"])
    return window


@HOLDERS
def test_the_heat_map_says_the_progress_is_in_use_without_freezing(qtbot, studied, script):
    window = studied
    holder = hold(window, script)
    try:
        stalls = Stalls()
        window.mastery_action.trigger()
        worst = stalls.stop()
        print(f"\nheat map on a held log: worst stall {worst} ms")
        assert worst < 1000, worst  # was 15 s (the busy timeout)
        message = window.statusBar().currentMessage()
        if script is HOLDER:  # a write lock on a WAL log: reading goes on, the map is shown
            assert window.state.mastery["neck"] is not None, message
            window.mastery_action.trigger()
        else:
            assert "in use by another program" in message, message
            assert window.state.mastery is None and not window.mastery_action.isChecked()
    finally:
        holder.release()
    window.mastery_action.trigger()  # free again: shown
    assert window.state.mastery is not None and window.mastery_action.isChecked()


@HOLDERS
def test_the_statistics_window_says_the_progress_is_in_use(qtbot, studied, script):
    window = studied
    holder = hold(window, script)
    try:
        stalls = Stalls()
        window.statistics_action.trigger()
        worst = stalls.stop()
        print(f"\nstatistics on a held log: worst stall {worst} ms")
        assert worst < 1000, worst
        stats = window.findChild(QDialog, "statistics")
        if script is not HOLDER:  # the lock waited for in the background, the window saying so
            assert stats.findChild(QLabel, "statistics-reading") is not None
            qtbot.waitUntil(lambda: stats.findChild(QLabel, "statistics-in-use") is not None, timeout=10_000)
        said = stats.findChild(QLabel, "statistics-in-use")
        if script is HOLDER:  # a write lock on a WAL log: reading goes on
            assert said is None and stats.stats.total_reviews == 2
        else:
            assert said is not None and "in use by another program; try again later" in said.text()
        stats.close()
    finally:
        holder.release()


def test_statistics_of_a_log_held_before_the_window_read_it(qtbot, make_window, tmp_path):
    from reflexmap.quiz import Card, ReviewLog, Scheduler

    window = make_window(progress_path=tmp_path / "progress.json")
    earlier = ReviewLog(window.quiz.database_path)
    Scheduler(log=earlier).record(Card("ingham-western", "heart", "find"), True, seconds=3.0)
    earlier.close()
    holder = Holder(window.quiz.database_path, EXCLUSIVE_MODE_HOLDER)
    try:
        started = time.monotonic()
        window.statistics_action.trigger()
        assert time.monotonic() - started < 3  # was 15 s
        stats = window.findChild(QDialog, "statistics")
        qtbot.waitUntil(lambda: stats.findChild(QLabel, "statistics-in-use") is not None, timeout=10_000)
        assert stats.findChild(QLabel, "statistics-summary") is None  # not "0 reviews in all"
        stats.close()
    finally:
        holder.release()


@HOLDERS
def test_zones_renamed_while_the_log_is_held_follow_once_it_is_free(
    qtbot,
    make_window,
    chart,  # noqa: F811
    tmp_path,
    script,  # noqa: F811
):
    from .test_editor_rename_progress import cards

    window = make_window(load_atlas(chart), progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["heel", "band"])
    rename_heel(qtbot, window, "calcaneus")
    holder = hold(window, script)
    warned: list[str] = []
    from reflexmap.ui import dialogs

    original = dialogs.warning

    def record(parent, title, text, *args, **kwargs):
        warned.append(text)

    dialogs.warning = record
    try:
        stalls = Stalls()
        window.save_action.trigger()
        worst = stalls.stop()
        print(f"\nsaving renamed zones into a held log: worst stall {worst} ms")
        assert worst < 1000, worst
    finally:
        dialogs.warning = original
        message = window.statusBar().currentMessage()
        holder.release()
    assert "id: calcaneus" in chart.read_text(encoding="utf-8")
    assert warned == []  # not refused any more: the rename waits for the log
    assert "in use by another program" in message and "as soon as it is free" in message, message
    # once the other program lets go, the window's retry does the rename (it was left undone for good)
    qtbot.waitUntil(lambda: cards(window) == {"calcaneus", "band"}, timeout=5000)
    assert not list(window.quiz.database_path.parent.glob("*.renames-*.json"))
    window.editor.saving.discard()
