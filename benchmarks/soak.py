"""A whole day in one process: the same things done many times, as a person does them.

Everything goes through what a person uses (menu actions, keys, clicks on the map, the dialogs'
own buttons) and the event loop turns between times. Reported: memory (RSS), live widgets and
QObjects at the start and the end, the live widgets after each kind against where they were
before it, and click-to-answer at the start and the end.
"""

from __future__ import annotations

import gc
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reflexmap.atlas import builtin_chart_path, builtin_charts
from reflexmap.settings import Settings
from reflexmap.ui.app import application, create_window

from .measure import Figure

# (kind, times in a day): the day the issue describes
DAY = [
    ("view switches", 2000),
    ("quiz rounds of 10 answers", 200),
    ("presenter sessions", 100),
    ("language switches", 50),
    ("comparison windows", 100),
    ("chart reloads", 100),
    ("handout dialogs", 50),
    ("charts opened from files", 20),
]
TARGET_GROWTH_MIB = 30.0
TARGET_WIDGETS = 10
TARGET_CLICK_RATIO = 1.2
CLICKS = 60


def rss_mib() -> float:
    """Resident memory of this process now (Linux: /proc; elsewhere the peak, from resource)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settle() -> None:
    """The event loop turns, as between a person's actions; deferred deletes run."""
    app = QApplication.instance()
    for _ in range(2):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_widgets() -> int:
    return len(QApplication.allWidgets())


def live_qobjects() -> int:
    """QObjects reachable from the application and its top-level widgets."""
    app = QApplication.instance()
    count = 1 + len(app.findChildren(QObject))
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None:
            count += 1 + len(widget.findChildren(QObject))
    return count


def object_classes():
    from collections import Counter

    app = QApplication.instance()
    found = Counter(type(o).__name__ for o in app.findChildren(QObject))
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None:
            found[type(widget).__name__] += 1
            found.update(type(o).__name__ for o in widget.findChildren(QObject))
    return found


def visible_top(name: str):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    if len(found) != 1:
        raise RuntimeError(f"{name}: {len(found)} open, expected 1")
    return found[0]


class Day:
    def __init__(self, folder: Path):
        self.folder = folder
        self.settings = Settings(folder / "settings.json")
        self.settings.setValue("notes/first-run-seen", True)
        self.chart = builtin_chart_path()
        self.window = create_window(
            None, self.settings, restore=False, progress_path=folder / "progress.json"
        )
        self.window.resize(1440, 900)
        self.window.show()
        settle()
        self.rng = random.Random(7)
        self.turn = 0
        self.answers = 0
        self.copies = []
        for i, path in enumerate(builtin_charts()):
            copy = folder / f"chart-{i}{path.suffix}"
            shutil.copy(path, copy)
            self.copies.append(str(copy))

    # --- click to answer ----------------------------------------------------------------
    def click_times(self, clicks: int) -> list[float]:
        from .interactive import _targets

        window = self.window
        atlas = window.state.atlas
        targets = _targets(window, atlas, clicks, random.Random(7))
        samples = []
        for i in range(clicks):
            view_id, zone_id, x, y = targets[i % len(targets)]
            if window.state.zone_id == zone_id:
                window.state.select("")
                settle()
            pos = window.map.scene_point_to_viewport(view_id, x, y)
            started = time.perf_counter()
            QTest.mouseClick(
                window.map.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
            )
            samples.append((time.perf_counter() - started) * 1000)
            if window.state.zone_id != zone_id:
                raise RuntimeError(f"a click on {zone_id} did not select it")
            settle()
        window.state.select("")
        return samples

    # --- the kinds ------------------------------------------------------------------------
    def view_switch(self) -> None:
        aspects = [a for a, action in self.window.aspect_actions.items() if action.isEnabled()]
        self.window.aspect_actions[aspects[self.turn % len(aspects)]].trigger()

    def quiz_round(self) -> None:
        window = self.window
        window.quiz.advance_after_right_ms = 60_000  # the round moves on by Enter, not by time
        window.new_quiz_action.trigger()
        setup = visible_top("quiz-setup")
        for kind, box in setup.kinds.items():
            box.setChecked(kind == "find")
        for aspect, box in setup.aspects.items():  # the sole has zones enough for 10 questions
            box.setChecked(aspect == "plantar")
        for box in setup.feet.values():
            box.setChecked(True)
        setup.length.setValue(10)
        QTest.mouseClick(setup.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        settle()
        by_keyboard = self.turn % 2 == 1
        answered = 0
        for _ in range(100):
            session = window.quiz.session
            if session is None or session.current is None:
                break
            if session.feedback is not None:  # judged: Enter in the quiz panel goes on
                QTest.keyClick(window.quiz_panel, Qt.Key.Key_Return)
                settle()
                continue
            question = session.current
            window.map.setFocus()
            if question.choices:  # a zone too small to find is asked by name: pick a choice
                QTest.mouseClick(window.quiz_panel.buttons[0], Qt.MouseButton.LeftButton)
            elif by_keyboard:  # the first zone on the asked foot, by Home and Enter
                QTest.keyClick(window.map, Qt.Key.Key_Home)
                QTest.keyClick(window.map, Qt.Key.Key_Return)
            else:
                x, y = window.map.chart.anchors[(question.view_id, question.zone_id)]
                pos = window.map.scene_point_to_viewport(question.view_id, x, y)
                QTest.mouseClick(
                    window.map.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
                )
            if session.feedback is None:
                raise RuntimeError("an answer was not taken")
            answered += 1
            settle()
        if answered < 10:  # ten questions; a missed one is asked again at the end of the round
            raise RuntimeError(f"a round of {answered} answers")
        self.answers += answered
        summary = visible_top("quiz-summary")
        QTest.mouseClick(
            summary.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close),
            Qt.MouseButton.LeftButton,
        )

    def presenter_session(self) -> None:
        window = self.window
        window.present_action.trigger()
        settle()
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_N, Qt.Key.Key_Right, Qt.Key.Key_N):
            QTest.keyClick(window.map, key)
            settle()
        QTest.keyClick(window.map, Qt.Key.Key_Escape)

    def language_switch(self) -> None:
        window = self.window
        language = "en" if window.language_actions["de"].isChecked() else "de"
        window.language_actions[language].trigger()
        self.window = window.successor or window

    def comparison_window(self) -> None:
        self.window.compare_action.trigger()
        settle()
        visible_top("compare-charts").close()

    def chart_reload(self) -> None:
        self.window.reload_action.trigger()

    def handout_dialog(self) -> None:
        self.window.handout_action.trigger()
        settle()
        dialog = visible_top("handouts")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    def chart_from_file(self) -> None:
        from reflexmap.ui import dialogs

        chosen = self.copies[self.turn % len(self.copies)]
        answer = dialogs.open_file
        dialogs.open_file = lambda *_args: chosen  # what the file dialog answers
        try:
            self.window.open_action.trigger()
        finally:
            dialogs.open_file = answer

    def kinds(self) -> dict[str, Callable[[], None]]:
        return {
            "view switches": self.view_switch,
            "quiz rounds of 10 answers": self.quiz_round,
            "presenter sessions": self.presenter_session,
            "language switches": self.language_switch,
            "comparison windows": self.comparison_window,
            "chart reloads": self.chart_reload,
            "handout dialogs": self.handout_dialog,
            "charts opened from files": self.chart_from_file,
        }

    def back_to_the_chart(self) -> None:
        """The day ends on the chart it began with, in English, for the last clicks."""
        if self.window.language_actions["de"].isChecked():
            self.language_switch()
        self.window.open_chart(self.chart)
        settle()


def run(scale: float = 1.0, clicks: int = CLICKS) -> tuple[list[Figure], list[dict]]:
    app = application()
    with tempfile.TemporaryDirectory(prefix="reflexmap-soak-") as name:
        day = Day(Path(name))
        start_clicks = day.click_times(clicks)
        gc.collect()
        settle()
        start = {"rss": rss_mib(), "widgets": live_widgets(), "qobjects": live_qobjects()}
        classes = object_classes()
        kinds = []
        for kind, times in DAY:
            times = max(2, round(times * scale))
            once = day.kinds()[kind]
            once()  # the first time builds what is built on first use (quiz, presenter…)
            settle()
            gc.collect()
            before, rss_before = live_widgets(), rss_mib()
            started = time.perf_counter()
            for day.turn in range(times):
                once()
                settle()
            seconds = time.perf_counter() - started
            gc.collect()
            settle()
            after, rss_after = live_widgets(), rss_mib()
            kinds.append(
                {
                    "kind": kind,
                    "times": times,
                    "before": before,
                    "after": after,
                    "rss_before": rss_before,
                    "rss_after": rss_after,
                    "seconds": seconds,
                }
            )
            print(
                f"… {kind} ×{times}: widgets {before} → {after}, "
                f"RSS {rss_before:.1f} → {rss_after:.1f} MiB, {seconds:.1f} s",
                file=sys.stderr,
            )
        day.back_to_the_chart()
        gc.collect()
        settle()
        end = {"rss": rss_mib(), "widgets": live_widgets(), "qobjects": live_qobjects()}
        end_clicks = day.click_times(clicks)
        grown = object_classes()
        grown.subtract(classes)
        print("QObjects more at the end:", {k: v for k, v in grown.items() if v}, file=sys.stderr)
        day.window.close()
        day.window.deleteLater()
        settle()
    del app
    growth = end["rss"] - start["rss"]
    worst = max(kinds, key=lambda k: k["after"] - k["before"])
    flat = all(k["after"] - k["before"] <= TARGET_WIDGETS for k in kinds)
    ratio = statistics.median(end_clicks) / statistics.median(start_clicks)
    day_name = "a day" if scale == 1.0 else f"a day × {scale:g}"
    figures = [
        Figure(
            "Soak: memory (RSS) growth over the day",
            day_name,
            "MiB",
            [growth],
            target=f"< {TARGET_GROWTH_MIB:.0f} MiB",
            baseline=f"{start['rss']:.0f} → {end['rss']:.0f} MiB",
            met=growth < TARGET_GROWTH_MIB,
        ),
        Figure(
            "Soak: live widgets, most left by one kind",
            day_name,
            "widgets",
            [worst["after"] - worst["before"]],
            target=f"≤ {TARGET_WIDGETS} per kind",
            baseline=f"{start['widgets']:,} → {end['widgets']:,} over the day ({worst['kind']})",
            met=flat,
        ),
        Figure(
            "Soak: live QObjects, end − start",
            day_name,
            "objects",
            [end["qobjects"] - start["qobjects"]],
            baseline=f"{start['qobjects']:,} → {end['qobjects']:,}",
        ),
        Figure(
            "Soak: click to answer at the end of the day",
            day_name,
            "ms",
            end_clicks,
            target=f"≤ {TARGET_CLICK_RATIO:.1f}× start",
            baseline=f"start {statistics.median(start_clicks):.2f} ms ({ratio:.2f}×)",
            met=ratio <= TARGET_CLICK_RATIO,
        ),
    ]
    return figures, kinds


def kinds_table(kinds: list[dict]) -> str:
    rows = [("Kind", "Times", "Widgets before", "Widgets after", "Left behind", "RSS (MiB)", "Seconds")]
    for k in kinds:
        rows.append(
            (
                k["kind"],
                f"{k['times']:,}",
                f"{k['before']:,}",
                f"{k['after']:,}",
                f"{k['after'] - k['before']:+d}",
                f"{k['rss_before']:.0f} → {k['rss_after']:.0f}",
                f"{k['seconds']:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
