"""A day without a restart: what a person opens and closes does not outlive its use.

Each kind is done 20 times through what a person touches (menu actions, keys, the dialogs' own
buttons), with the event loop turning between times, and the count of live widgets must come
back to where it was (within 10). Counting objects, not time: deterministic.
"""

from __future__ import annotations

import gc
import shutil
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton

from reflexmap.atlas import builtin_charts

TIMES = 20
SLACK = 10


def settle(qtbot) -> None:
    """Let the event loop turn as it does between a person's actions; deferred deletes run."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(1)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def drawn_ahead(qtbot) -> None:
    """Let every map finish the tiles it draws ahead, a band per turn of the event loop (a
    bounded set around the viewport): those are the map's picture, not something left over."""
    from reflexmap.ui.map_view import MapView

    def done() -> bool:
        return not any(w.drawing_ahead for w in QApplication.allWidgets() if isinstance(w, MapView))

    qtbot.waitUntil(done, timeout=10_000)


def live_widgets() -> int:
    return len(QApplication.allWidgets())


def qt_wrappers() -> Counter:
    """Python objects wrapping Qt ones, by class: a wrapper kept alive keeps what it holds (a
    list row's wrapper kept its texts and tooltips after the row itself was gone)."""
    gc.collect()
    kinds = (type(o) for o in gc.get_objects())
    return Counter(k.__name__ for k in kinds if str(getattr(k, "__module__", "")).startswith("PySide6"))


def top_dialog(name: str) -> QDialog:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert len(found) == 1, f"{name}: {len(found)} open"
    return found[0]


def close_with_its_button(name: str) -> None:
    """The open dialog `name` closed as a person does: its own Close button."""
    top_dialog(name).findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()


def connections() -> int:
    """Signal connections that outlive what made them: to the desktop's colour scheme (each
    main window follows it) and to every live window's application state (panels, modes)."""
    from PySide6.QtCore import SIGNAL, QObject
    from PySide6.QtGui import QGuiApplication

    from reflexmap.ui.main_window import MainWindow

    count = QGuiApplication.styleHints().receivers(SIGNAL("colorSchemeChanged(Qt::ColorScheme)"))
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            meta = window.state.metaObject()
            for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount()):
                method = meta.method(i)
                if method.methodType() == method.MethodType.Signal:
                    count += window.state.receivers(SIGNAL(bytes(method.methodSignature()).decode()))
    return count


def repeat(qtbot, once, times: int = TIMES) -> tuple[int, int]:
    """Do `once` (after a first warm-up time that builds what is built on first use) `times`
    times; the live widget counts before and after. Python wrappers of Qt objects must not pile
    up either (checked here for every kind)."""
    once()
    settle(qtbot)
    drawn_ahead(qtbot)
    before, wrappers, connected = live_widgets(), qt_wrappers(), connections()
    for _ in range(times):
        once()
        settle(qtbot)
    drawn_ahead(qtbot)
    assert connections() == connected, f"{connections() - connected} more signal connections"
    grown = qt_wrappers()
    grown.subtract(wrappers)
    piled = {name: n for name, n in grown.items() if n > SLACK}
    assert not piled, f"Python wrappers of Qt objects left after {TIMES} times: {piled}"
    return before, live_widgets()


def assert_flat(before: int, after: int) -> None:
    assert after - before <= SLACK, f"{after - before} more live widgets after {TIMES} times"


def test_language_switch_leaves_no_window_behind(qtbot, window):
    from PySide6.QtCore import QTranslator

    from reflexmap.ui.main_window import MainWindow

    current = {"window": window}
    translators = len(QApplication.instance().findChildren(QTranslator))
    # Windows of earlier tests may still wait for their deletion: count only this test's.
    earlier = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)} - {id(window)}

    def once():
        w = current["window"]
        language = "de" if w.language_actions["de"].isChecked() is False else "en"
        w.language_actions[language].trigger()
        current["window"] = w.successor or w
        qtbot.addWidget(current["window"])  # closed at the end like any test's window

    before, after = repeat(qtbot, once)
    assert_flat(before, after)
    alive = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and id(w) not in earlier]
    assert len(alive) == 1, f"{len(alive)} main windows alive"
    # Qt's own catalogue: one translator at most, not one more per switch to German
    assert len(QApplication.instance().findChildren(QTranslator)) <= translators + 1


def test_quiz_rounds_leave_nothing_behind(qtbot, window):
    window.quiz.advance_after_right_ms = 60_000

    def once():
        window.new_quiz_action.trigger()
        setup = top_dialog("quiz-setup")
        setup.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.quiz.active
        settle(qtbot)
        # an answer by key, then End quiz and its confirmation, then the summary's Close
        qtbot.keyClick(window.map, Qt.Key.Key_1)
        window.end_quiz_action.trigger()
        settle(qtbot)
        confirm = [w for w in QApplication.topLevelWidgets() if w.objectName() == "quiz-end-confirm"]
        if confirm and confirm[0].isVisible():
            confirm[0].findChild(QPushButton, "end-round").click()
            settle(qtbot)
        close_with_its_button("quiz-summary")

    before, after = repeat(qtbot, once)
    assert_flat(before, after)


def test_setup_dialog_cancelled_leaves_nothing_behind(qtbot, window):
    def once():
        window.new_quiz_action.trigger()
        top_dialog("quiz-setup").buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    assert_flat(*repeat(qtbot, once))


def test_presenter_sessions_leave_nothing_behind(qtbot, window):
    def once():
        window.present_action.trigger()
        settle(qtbot)
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
        qtbot.keyClick(window.map, Qt.Key.Key_N)  # the trainer's notes, then away again
        settle(qtbot)
        qtbot.keyClick(window.map, Qt.Key.Key_N)
        qtbot.keyClick(window.map, Qt.Key.Key_Escape)

    assert_flat(*repeat(qtbot, once))
    assert not window.presenter.active if hasattr(window.presenter, "active") else True


def test_comparison_windows_leave_nothing_behind(qtbot, window):
    def once():
        window.compare_action.trigger()
        compare = top_dialog("compare-charts")
        compare.close()

    assert_flat(*repeat(qtbot, once))


@pytest.mark.parametrize("note", ["evidence", "red-flags"])
def test_notes_leave_nothing_behind(qtbot, window, note):
    from reflexmap.content import NOTE_MENU_TITLES

    if note not in NOTE_MENU_TITLES:
        pytest.skip(f"no note {note}")
    title = NOTE_MENU_TITLES[note]
    from reflexmap.i18n import _

    action = next(a for a in window.actions() if a.text() == _(title))

    def once():
        action.trigger()
        close_with_its_button(f"note-{note}")

    assert_flat(*repeat(qtbot, once))


def test_shortcuts_leave_nothing_behind(qtbot, window):
    action = next(a for a in window.actions() if a.text() == "&Keyboard shortcuts")

    def once():
        action.trigger()
        close_with_its_button("shortcuts")

    assert_flat(*repeat(qtbot, once))


def test_about_and_guide_leave_nothing_behind(qtbot, window):
    def once():
        window.about_action.trigger()
        about = top_dialog("about")
        qtbot.keyClick(about, Qt.Key.Key_Escape)
        window.guide_action.trigger()
        close_with_its_button("user-guide")

    assert_flat(*repeat(qtbot, once))


def test_handout_dialogs_leave_nothing_behind(qtbot, window):
    def once():
        window.handout_action.trigger()
        dialog = top_dialog("handouts")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert_flat(*repeat(qtbot, once))


def test_chart_reloads_and_view_switches_leave_nothing_behind(qtbot, window):
    def once():
        window.reload_action.trigger()
        for aspect in ("medial", "lateral", "dorsal", "plantar"):
            window.aspect_actions[aspect].trigger()

    assert_flat(*repeat(qtbot, once))


def test_charts_opened_from_files_leave_nothing_behind(qtbot, window, tmp_path: Path, monkeypatch):
    from reflexmap.ui import dialogs

    copies = []
    for i, path in enumerate(builtin_charts()):
        copy = tmp_path / f"chart-{i}.yaml"
        shutil.copy(path, copy)
        copies.append(str(copy))
    turn = {"n": 0}

    def chosen(*_args):
        turn["n"] += 1
        return copies[turn["n"] % len(copies)]

    monkeypatch.setattr(dialogs, "open_file", chosen)  # the file dialog's answer

    def once():
        window.open_action.trigger()

    once()  # each chart opened once before counting: the map keeps tiles of the chart shown
    assert_flat(*repeat(qtbot, once))


def test_statistics_windows_leave_nothing_behind(qtbot, window):
    def once():
        window.statistics_action.trigger()
        statistics = top_dialog("statistics")
        qtbot.keyClick(statistics, Qt.Key.Key_Escape)

    assert_flat(*repeat(qtbot, once))


def test_charts_no_longer_listed_are_not_kept(qtbot, window, tmp_path: Path, monkeypatch):
    """Each chart opened from a file joins the Chart menu's recent charts (read when the menu
    opens); one that falls off that list is no longer kept, read, in memory."""
    from PySide6.QtCore import QPoint

    from reflexmap.atlas import Atlas, builtin_chart_path
    from reflexmap.ui import dialogs

    turn = {"n": 0}

    def chosen(*_args):
        turn["n"] += 1
        copy = tmp_path / f"chart-{turn['n']}.yaml"
        shutil.copy(builtin_chart_path(), copy)
        return str(copy)

    monkeypatch.setattr(dialogs, "open_file", chosen)  # the file dialog's answer: a new file each time

    def once():
        window.open_action.trigger()
        window.charts_menu.popup(QPoint(0, 0))  # the menu lists (and reads) every known chart
        settle(qtbot)
        window.charts_menu.hide()

    def atlases() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Atlas))

    for _ in range(10):  # the recent list is full
        once()
    settle(qtbot)
    before = atlases()
    assert_flat(*repeat(qtbot, once))
    assert atlases() - before <= 2, f"{atlases() - before} more charts kept in memory"


def test_view_switches_share_the_zone_lists_colour_swatches(qtbot, window):
    """A row's colour is drawn from one icon per region colour: a new icon at every refill (a
    QColor as decoration makes one at every paint) left a drawing in Qt's pixmap cache each
    time, about 45 KiB a view switch until the cache was full."""
    from PySide6.QtGui import QIcon

    def swatches() -> dict[str, int]:
        model = window.zones.model
        icons = {}
        for row in range(model.rowCount()):
            icon = model.item(row).data(Qt.ItemDataRole.DecorationRole)
            assert isinstance(icon, QIcon) and not icon.isNull()
            icons[model.item(row).text()] = icon.cacheKey()
        return icons

    first = swatches()
    for aspect in ("medial", "lateral", "dorsal", "plantar"):
        window.aspect_actions[aspect].trigger()
        settle(qtbot)
    assert swatches() == first  # the same icons again, not new ones
    assert len(set(first.values())) <= 12  # one per region colour


def test_edit_mode_sessions_leave_nothing_behind(qtbot, window):
    """Edit → Edit zones (F2) on and off, with a zone selected and Edit → History shown: the
    handles, marks and docks of one session do not pile up over the next ones."""
    from .conftest import click_zone

    def once():
        qtbot.keyClick(window.map, Qt.Key.Key_F2)
        assert window.editor.active
        click_zone(qtbot, window, "plantar-left", "stomach")
        window.history_action.trigger()
        qtbot.keyClick(window.map, Qt.Key.Key_F2)
        assert not window.editor.active

    assert_flat(*repeat(qtbot, once))
