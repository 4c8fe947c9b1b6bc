"""Chart → Compare with… and the Chart menu when a large chart is among the known ones (the
s11 tryout: a 5,000- and a 2,500-zone chart opened, then the Western chart, then Compare
with… froze the app for minutes, its window never painted). The menu path read every known
chart on the window's thread, and the comparison's table, filled cell by cell while shown
and sized to its contents, took minutes for 5,000 rows. Now nothing is read on the window's
thread: the chart to compare is chosen by what was kept of it when it was opened, and read
in the worker behind the box with Cancel, as File → Open reads. Counted, not timed."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from benchmarks.synthetic import write_synthetic_chart
from reflexmap.atlas import builtin_charts, read_atlas
from reflexmap.ui import chart_opening, charts_menu, compare_controller

from .conftest import comparison_windows
from .test_compare_opening import box_over

WESTERN = next(p for p in builtin_charts() if "ingham" in p.name)
ZONES = 1500


def readings_counted(monkeypatch, *large: Path) -> list[str]:
    """The names of the threads the `large` charts are read on, by any of the app's readers."""
    threads: list[str] = []
    watched = {path.resolve() for path in large}

    def counted(path, cache=None):
        if Path(path).resolve() in watched:
            threads.append(threading.current_thread().name)
        return read_atlas(path, cache)

    for module in (charts_menu, compare_controller, chart_opening):
        monkeypatch.setattr(module, "read_atlas", counted)
    return threads


def large_known_then_western(qtbot, make_window, tmp_path, monkeypatch):
    """A large chart opened (File → Open's path, in the worker), then the Western chart."""
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)  # a large chart's reading: behind the box
    large = write_synthetic_chart(ZONES, tmp_path)
    window = make_window()
    window.open_chart(large)
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == large, timeout=60000)
    window.open_chart(WESTERN)
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == WESTERN, timeout=60000)
    window.state.set_aspect("plantar")  # the view the large chart draws: it is the one chosen
    return window, large


def test_compare_with_reads_the_large_chart_in_the_worker_behind_a_box(
    qtbot, make_window, tmp_path, monkeypatch
):
    window, large = large_known_then_western(qtbot, make_window, tmp_path, monkeypatch)
    threads = readings_counted(monkeypatch, large)
    assert window.compare_action.trigger() is None  # Chart → Compare with…
    main = threading.main_thread().name
    assert main not in threads  # before: read (or its reading looked up) on the window's thread
    box = box_over(window)
    assert box is not None and box.labelText() == "Opening the chart…"
    box.findChild(QPushButton).click()  # Cancel: no comparison, the window free
    assert box_over(window) is None and comparison_windows() == []
    window.compare_action.trigger()  # again, let through this time
    qtbot.waitUntil(lambda: len(comparison_windows()) == 1, timeout=60000)
    (shown,) = comparison_windows()
    assert Path(shown.b.path) == large and main not in threads
    qtbot.waitUntil(lambda: shown._shown_once)
    qtbot.wait(50)
    # every zone of both charts in the table, and the counts written as everywhere
    assert len(shown.rows()) >= ZONES
    assert f"{ZONES:,} zones the other chart lacks" in shown.summary.text()
    assert "Synthetic chart of 1,500 zones" in shown.windowTitle()
    shown.close()


def test_the_chart_menu_reads_no_chart_file_when_it_opens(qtbot, make_window, tmp_path, monkeypatch):
    """Two recent 10,000-zone charts took 3–8 s each time the menu opened: it titled each by
    reading it. Titles are kept when a chart is read: one never read in this session is
    named by its file."""
    window, large = large_known_then_western(qtbot, make_window, tmp_path, monkeypatch)
    (tmp_path / "other").mkdir()
    never_read = write_synthetic_chart(ZONES, tmp_path / "other")
    window.settings.setValue("chart/recent", [str(large), str(never_read)])
    threads = readings_counted(monkeypatch, large, never_read)
    window.charts_menu.aboutToShow.emit()  # the Chart menu opens
    texts = [action.text() for action in window.charts_menu.chart_actions()]
    assert threads == []
    assert any(text.endswith("Synthetic chart of 1,500 zones") for text in texts)  # kept from its opening
    assert any(text.endswith(never_read.name) for text in texts)


def test_a_chart_opened_in_an_earlier_session_is_titled_without_reading_it(
    qtbot, make_window, settings, tmp_path, monkeypatch
):
    """The titles of recent charts are kept with the settings: the next start's menu names
    them as before, reading none."""
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)
    large = write_synthetic_chart(ZONES, tmp_path)
    first = make_window()
    first.open_chart(large)
    qtbot.waitUntil(lambda: Path(first.state.atlas.path or "") == large, timeout=60000)
    first.close()
    threads = readings_counted(monkeypatch, large)
    second = make_window()  # the next start, on the built-in chart
    second.charts_menu.aboutToShow.emit()
    texts = [action.text() for action in second.charts_menu.chart_actions()]
    assert threads == []
    assert any(text.endswith("Synthetic chart of 1,500 zones") for text in texts), texts


def test_the_chart_shown_is_kept_by_its_titles_in_every_language(qtbot, make_window, settings, tmp_path):
    """The chart a German window starts on is kept under its English title too (the window
    shows it in German): an English start names it in English."""
    large = write_synthetic_chart(ZONES, tmp_path)
    german = make_window(read_atlas(large).atlas)
    qtbot.addWidget(german.set_language("de"))  # the new window, closed after the test
    stored = settings.value("chart/titles", {})[str(large.resolve())]
    assert (
        stored["en"] == "Synthetic chart of 1,500 zones"
        and stored["de"] == "Synthetische Karte mit 1.500 Zonen"
    )
