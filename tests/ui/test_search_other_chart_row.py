"""A match in another chart, clicked in the zone list's search: that chart opens with the zone
chosen, and the row shown chosen in the list is the zone of the chart now shown (tryout: the
list re-sorted under the pointer, the chosen row stayed at its place, now the first chart's
"Sciatic nerve — in Western foot chart", and a click on it switched back: the two rows sent
the window to and fro)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reflexmap.atlas import builtin_chart_path
from reflexmap.ui.zone_list import CHART_ROLE, ZONE_ID_ROLE


def _rows(window) -> list[tuple[str, str, str]]:
    model = window.zones.proxy
    return [
        (model.index(r, 0).data(), model.index(r, 0).data(ZONE_ID_ROLE), model.index(r, 0).data(CHART_ROLE))
        for r in range(model.rowCount())
    ]


def _chosen(window) -> list[tuple[str, str]]:
    """(zone id, chart) of the rows drawn chosen: the current row and the selected ones."""
    listed = window.zones.list
    indexes = [*listed.selectionModel().selectedIndexes()]
    if listed.currentIndex().isValid():
        indexes.append(listed.currentIndex())
    return sorted({(i.data(ZONE_ID_ROLE), i.data(CHART_ROLE)) for i in indexes})


def test_a_clicked_match_in_another_chart_is_the_row_chosen_once_it_is_open(qtbot, make_window, settings):
    other = builtin_chart_path().parent / "alternative-placements.yaml"
    settings.setValue("chart/recent", [str(other)])
    window = make_window()
    first = window.state.atlas.path
    qtbot.keyClicks(window.zones.search, "sciat")
    qtbot.waitUntil(lambda: any(chart for *_r, chart in _rows(window)), timeout=60000)
    row = next(r for r, (_text, _zone, chart) in enumerate(_rows(window)) if chart)
    index = window.zones.proxy.index(row, 0)
    wanted = index.data(ZONE_ID_ROLE)
    rect = window.zones.list.visualRect(index)
    qtbot.mouseClick(window.zones.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == other, timeout=60000)
    qtbot.wait(100)
    assert window.state.zone_id == wanted
    assert _chosen(window) == [(wanted, "")], (_chosen(window), _rows(window))
    # the row now at the place clicked is not chosen, and the window stays on the chart opened
    qtbot.wait(300)
    assert Path(window.state.atlas.path or "") == other and Path(first or "") != other
    assert window.state.zone_id == wanted


def test_the_arrow_keys_pass_a_match_in_another_chart_and_enter_opens_it(qtbot, make_window, settings):
    """Down arrow through the matches: another chart's row is marked, not opened (each step
    opened that chart, and the list sorted anew under the keys); Enter on it opens it."""
    other = builtin_chart_path().parent / "alternative-placements.yaml"
    settings.setValue("chart/recent", [str(other)])
    window = make_window()
    first = Path(window.state.atlas.path or "")
    qtbot.keyClicks(window.zones.search, "sciat")
    qtbot.waitUntil(lambda: any(chart for *_r, chart in _rows(window)), timeout=60000)
    listed = window.zones.list
    listed.setFocus()
    qtbot.waitUntil(listed.hasFocus)
    row = next(r for r, (_text, _zone, chart) in enumerate(_rows(window)) if chart)
    listed.setCurrentIndex(window.zones.proxy.index(0, 0))
    for _ in range(row):
        qtbot.keyClick(listed, Qt.Key.Key_Down)
    qtbot.wait(100)
    assert listed.currentIndex().row() == row and listed.currentIndex().data(CHART_ROLE)
    assert Path(window.state.atlas.path or "") == first  # only marked
    wanted = listed.currentIndex().data(ZONE_ID_ROLE)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "") == other, timeout=60000)
    assert window.state.zone_id == wanted
    assert _chosen(window) == [(wanted, "")]


def test_matches_in_charts_of_the_same_title_name_their_files(qtbot, make_window, settings, tmp_path):
    """A copy of a chart (saved to edit it) keeps its title: its matches and the original's
    read the same. Where two charts searched share a title, each row names its file too."""
    builtin = builtin_chart_path()
    copy = tmp_path / "my-western-copy.yaml"
    copy.write_bytes(builtin.read_bytes())  # the same title as the chart shown
    other = builtin.parent / "alternative-placements.yaml"
    twin = tmp_path / "placements-twin.yaml"
    twin.write_bytes(other.read_bytes())
    settings.setValue("chart/recent", [str(copy), str(other), str(twin)])
    window = make_window()
    qtbot.keyClicks(window.zones.search, "sciat")

    def listed() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for text, _zone, chart in _rows(window):
            if chart:
                found.setdefault(Path(chart).name, []).append(text)
        return found

    qtbot.waitUntil(lambda: len(listed()) == 3, timeout=60000)
    rows = listed()
    assert all("my-western-copy.yaml" in text for text in rows["my-western-copy.yaml"]), rows
    assert all("placements-twin.yaml" in text for text in rows["placements-twin.yaml"]), rows
    assert all("alternative-placements.yaml" in text for text in rows["alternative-placements.yaml"]), rows
    texts = [text for found in rows.values() for text in found]
    assert len(set(texts)) == len(texts), texts  # no two rows alike


def test_a_chart_of_its_own_title_is_named_by_its_title_alone(qtbot, make_window, settings):
    other = builtin_chart_path().parent / "alternative-placements.yaml"
    settings.setValue("chart/recent", [str(other)])
    window = make_window()
    qtbot.keyClicks(window.zones.search, "sciat")
    qtbot.waitUntil(lambda: any(chart for *_r, chart in _rows(window)), timeout=60000)
    texts = [text for text, _zone, chart in _rows(window) if chart]
    assert texts and not any(".yaml" in text for text in texts), texts
