"""The zone list's search (Ctrl+F) finds zones in the recent charts not read in this session,
read in a worker (before: it searched only charts read in the session, since reading them all
on the window's thread froze it with large charts); and a recent chart opened before titles
were kept is titled in the Chart menu after the start, its titles stored with the settings
(before: named by its file until opened)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from benchmarks.synthetic import write_synthetic_chart
from reflexmap.atlas import read_atlas
from reflexmap.ui import chart_opening, known_readings
from reflexmap.ui.zone_list import CHART_ROLE, MAX_OTHER_CHART_ROWS

ZONES = 600
TITLE = f"Synthetic chart of {ZONES:,} zones"


def readings(monkeypatch, module, path: Path) -> list[str]:
    """The names of the threads the chart at `path` is read on by `module`'s reader."""
    threads: list[str] = []

    def counted(where, cache=None):
        if Path(where).resolve() == path.resolve():
            threads.append(threading.current_thread().name)
        return read_atlas(where, cache)

    monkeypatch.setattr(module, "read_atlas", counted)
    return threads


def rows(window) -> list[tuple[str, str]]:
    model = window.zones.proxy
    return [(model.index(r, 0).data(), model.index(r, 0).data(CHART_ROLE)) for r in range(model.rowCount())]


def test_search_finds_zones_of_a_recent_chart_never_opened_and_enter_opens_it(
    qtbot, make_window, settings, tmp_path, monkeypatch
):
    recent = write_synthetic_chart(ZONES, tmp_path)
    settings.setValue("chart/recent", [str(recent)])
    threads = readings(monkeypatch, known_readings, recent)
    window = make_window()
    window.zones.focus_search()
    qtbot.keyClicks(window.zones.search, "synthetic")
    # read in the worker, not on the window's thread; meanwhile the list says so
    assert "1 other chart is still being searched…" in window.zones.hint.text()
    qtbot.waitUntil(lambda: any(chart for _text, chart in rows(window)), timeout=60000)
    found = [(text, chart) for text, chart in rows(window) if chart]
    assert len(found) == MAX_OTHER_CHART_ROWS  # bounded: 600 match
    assert all(Path(chart) == recent and f"in {TITLE}" in text for text, chart in found)
    assert threads and threading.main_thread().name not in threads
    qtbot.waitUntil(lambda: "still being searched" not in window.zones.hint.text())
    assert window.zones.hint.isVisible() and "switches the view or chart" in window.zones.hint.text()
    # Enter opens the chart of the first match (the normal chart change) with the zone chosen,
    # once: it was opened twice, the first opening cancelled ("Opening the chart was cancelled")
    openings = readings(monkeypatch, chart_opening, recent)
    monkeypatch.setattr(chart_opening, "IN_BACKGROUND", 0)  # read behind the box, as a large chart is
    qtbot.keyClick(window.zones.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == recent, timeout=60000)
    assert window.state.zone_id and window.state.atlas.has_zone(window.state.zone_id)
    qtbot.wait(100)
    assert len(openings) == 1 and "cancelled" not in window.statusBar().currentMessage()


def test_a_click_on_a_match_in_a_chart_never_opened_opens_it(qtbot, make_window, settings, tmp_path):
    recent = write_synthetic_chart(ZONES, tmp_path)
    settings.setValue("chart/recent", [str(recent)])
    window = make_window()
    qtbot.keyClicks(window.zones.search, "zone 12 of")
    qtbot.waitUntil(lambda: any(chart for _text, chart in rows(window)), timeout=60000)
    row = next(r for r, (_text, chart) in enumerate(rows(window)) if chart)
    index = window.zones.proxy.index(row, 0)
    rect, zone_id = window.zones.list.visualRect(index), index.data(Qt.ItemDataRole.UserRole + 1)
    qtbot.mouseClick(window.zones.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == recent, timeout=60000)
    assert window.state.zone_id == zone_id


def test_a_recent_chart_without_a_kept_title_is_titled_after_the_start_and_stored(
    qtbot, make_window, settings, tmp_path
):
    recent = write_synthetic_chart(ZONES, tmp_path)
    settings.setValue("chart/recent", [str(recent)])  # opened before titles were kept
    window = make_window()

    def named() -> list[str]:
        window.charts_menu.aboutToShow.emit()  # the Chart menu opens
        return [action.text() for action in window.charts_menu.chart_actions()]

    qtbot.waitUntil(lambda: any(text.endswith(TITLE) for text in named()), timeout=60000)
    assert not any(text.endswith(recent.name) for text in named())
    stored = settings.value("chart/titles", {})[str(recent.resolve())]
    assert stored["en"] == TITLE and stored["de"] == f"Synthetische Karte mit {ZONES} Zonen"


def test_a_damaged_cache_entry_is_not_trusted_by_the_search(qtbot, make_window, settings, tmp_path):
    """The worker reads through the chart cache, hostile input like the file: an entry of the
    chart's bytes cut short (or garbage) is not believed; the chart is read from its file, its
    own zones are found, and the entry is written whole again."""
    from reflexmap.paths import chart_cache

    recent = write_synthetic_chart(ZONES, tmp_path)
    store, raw = chart_cache(), recent.read_bytes()
    store.put(raw, read_atlas(recent).atlas)
    entry = store._entry(raw)
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2])  # cut short
    settings.setValue("chart/recent", [str(recent)])
    window = make_window()
    qtbot.keyClicks(window.zones.search, "synthetic")
    qtbot.waitUntil(lambda: any(chart for _text, chart in rows(window)), timeout=60000)
    assert all(f"in {TITLE}" in text for text, chart in rows(window) if chart)
    assert entry.read_bytes() == whole  # the damaged entry replaced by the reading of the file


def test_a_chart_the_worker_could_not_read_is_tried_again_once_its_file_changes(
    qtbot, make_window, settings, tmp_path, monkeypatch
):
    """A reading that failed (here the loader raised what it did not foresee) kept the chart
    out of every search for the rest of the session, even after the file was saved again. Now
    it is not read again while the file is as it was, and is read at the next search once it
    changed."""
    recent = write_synthetic_chart(ZONES, tmp_path)
    settings.setValue("chart/recent", [str(recent)])
    tries: list[str] = []

    def failing(where, cache=None):
        if Path(where).resolve() == recent.resolve():
            tries.append("failed" if not tries else "read")
            if len(tries) == 1:
                raise RuntimeError("a loader bug on the first reading")
        return read_atlas(where, cache)

    monkeypatch.setattr(known_readings, "read_atlas", failing)
    window = make_window()

    def search() -> None:
        window.zones.search.clear()
        qtbot.keyClicks(window.zones.search, "synthetic")
        qtbot.waitUntil(lambda: "still being searched" not in window.zones.hint.text(), timeout=60000)

    search()
    qtbot.waitUntil(lambda: tries == ["failed"], timeout=60000)
    search()  # the file as it was: not read again
    qtbot.wait(200)
    assert tries == ["failed"] and not any(chart for _text, chart in rows(window))
    text = recent.read_text(encoding="utf-8")
    recent.write_text(text + "# saved again\n", encoding="utf-8")  # (its size changes too)
    search()
    qtbot.waitUntil(lambda: any(chart for _text, chart in rows(window)), timeout=60000)
    assert tries == ["failed", "read"]
    assert all(Path(chart) == recent for _text, chart in rows(window) if chart)
