"""Played in a child process by test_unwritable_folders.py: the app started on the folders
named by XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_CACHE_HOME, as a person uses it: the window
opens, the mastery heat map is switched on (it opens the quiz progress) when CHILD_MASTERY is
set, Quiz → Statistics… is opened when CHILD_STATS is set, a round of one question is answered
by a click on the zone when CHILD_QUIZ is set, the labels are switched off (a setting), the
disk is filled up when CHILD_FILL names a file to fill it with (CHILD_FILL_FIRST: before the
quiz), and the window is closed.

Prints one JSON line: the message boxes shown (title and text), in order ("shown"), the zones
the heat map shows as practised ("mastered"), the reviews the Statistics window counts
("reviews") and the quiz's feedback ("feedback"). Anything else that
goes wrong ends in a traceback on stderr, which the test forbids."""

from __future__ import annotations

import contextlib
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from reflexmap.paths import default_settings_path  # noqa: E402
from reflexmap.settings import Settings  # noqa: E402
from reflexmap.ui.app import application, create_window  # noqa: E402


def main() -> int:
    app = application()
    shown: list[dict[str, str]] = []

    def collect() -> None:
        # (marked on the box itself: a box closed is deleted, and the next one's Python
        # wrapper could get its id(), so that a set of ids took it as seen and never said it)
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and not widget.property("collected"):
                widget.setProperty("collected", True)
                shown.append(
                    {"title": widget.windowTitle(), "text": widget.text(), "name": widget.objectName()}
                )
                widget.close()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            collect()

    closer = QTimer()  # also closes a message shown inside a nested event loop (at closing)
    closer.timeout.connect(collect)
    closer.start(20)
    window = create_window(settings=Settings(default_settings_path()))
    window.show()
    _wait_for_start(app, window)  # as a person looks at the window before touching it
    settle()
    facts: dict = {}
    if os.environ.get("CHILD_MASTERY"):
        window.mastery_action.trigger()
        settle()
        mastery = window.state.mastery or {}
        facts["mastered"] = sorted(zone for zone, level in mastery.items() if level is not None)
    if os.environ.get("CHILD_STATS"):
        window.statistics_action.trigger()  # Quiz → Statistics…, as a person opens it
        settle()
        statistics = next((w for w in app.topLevelWidgets() if w.objectName() == "statistics"), None)
        facts["reviews"] = None if statistics is None else statistics.stats.total_reviews
        if statistics is not None:  # what it says of answers a damaged log lost, if shown
            from PySide6.QtWidgets import QLabel

            lost = statistics.findChild(QLabel, "statistics-lost")
            facts["lost"] = lost.text() if lost is not None and not lost.isHidden() else ""
        if statistics is not None:
            statistics.close()
    if os.environ.get("CHILD_FILL_FIRST"):  # the disk is full before the quiz
        _fill(os.environ["CHILD_FILL_FIRST"])
    if os.environ.get("CHILD_QUIZ"):
        _answer_one(window)
        settle()
        facts["feedback"] = window.quiz_panel.feedback.text()
    window.labels_action.trigger()  # a setting changed
    settle()
    if os.environ.get("CHILD_FILL"):  # the disk fills up while the app runs
        _fill(os.environ["CHILD_FILL"])
    window.close()  # as the app does: the last window closed ends it, with no turn of the loop
    # after (a message posted for later would never be seen); what closing shows, it shows
    # inside, while `closer` watches
    print(json.dumps({"shown": shown, **facts}))
    return 0


def _wait_for_start(app, window) -> None:
    """Until the window has painted and what it does soon after (the start-up checks) is done."""
    from PySide6.QtTest import QTest

    from reflexmap.ui.timers import when_painted

    done: list[bool] = []
    when_painted(window.map.viewport(), lambda: done.append(True))  # runs after the checks queued before
    for _ in range(200):
        if done:
            break
        QTest.qWait(25)
    QTest.qWait(200)  # the checks come a turn or two after the first paint
    # the review log's check (and the repair of a damaged log) runs in the window's background
    # thread (ui/background.py): its message comes once that is over and handed back
    from reflexmap.ui.background import Background

    Background.of(window).wait_idle()
    QTest.qWait(200)


def _fill(path: str) -> None:
    with contextlib.suppress(OSError), open(path, "wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


def _answer_one(window, zone: str = "lumbar-spine") -> None:
    """A round of one "find" question on `zone`, answered right by a click inside the zone."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reflexmap.atlas.geometry import label_anchors
    from reflexmap.quiz import QuizOptions

    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), zone_ids=(zone,), aspects=("plantar",), feet=("left",), seed=7)
    if not window.quiz.start(options):
        return
    question = window.quiz.session.current
    atlas = window.state.atlas
    shapes = {z.id: z.shapes[question.view_id] for z in atlas.zones_in(question.view_id)}
    x, y = label_anchors(shapes)[question.zone_id]
    pos = window.map.scene_point_to_viewport(question.view_id, x, y)
    QTest.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)


if __name__ == "__main__":
    sys.exit(main())
