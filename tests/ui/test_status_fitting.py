"""A status message that quotes chart text longer than the bar has room for: the chart text
is elided with "…" and the app's own words around it stay whole (QStatusBar alone cut the
message off at the edge, with no sign that anything was left out)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtGui import QFontMetrics

from reflexmap.atlas import builtin_chart_path, read_atlas

from .conftest import click_zone, inside_point, viewport_pos

LONG = "Lumbar " + "and sacral " * 360 + "spine"  # a 3,999-character name, as tried


@pytest.fixture
def long_named(tmp_path: Path):
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    data["title"] = "A chart whose title goes on " + "and on " * 300
    for zone in data["zones"]:
        if zone["id"] == "lumbar-spine":
            zone["name"] = LONG
            zone["claim"] = "the lower back " + "and the lower back " * 200
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = read_atlas(path)
    assert result.ok, result.errors
    return result.atlas


def _fits(window) -> None:
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert QFontMetrics(bar.font()).horizontalAdvance(shown) <= bar.width(), len(shown)
    return shown


def test_a_long_zone_name_is_elided_in_the_status_bar(qtbot, make_window, long_named):
    window = make_window(long_named)
    window.resize(1100, 700)
    view = next(v.id for v in long_named.views if v.aspect == "plantar")
    click_zone(qtbot, window, view, "lumbar-spine")
    assert window.state.zone_id == "lumbar-spine"
    shown = _fits(window)
    assert shown.startswith("Lumbar and sacral") and "…" in shown, shown
    assert "charts place" in shown and shown.rstrip().endswith("here"), shown  # the app's words whole

    window.resize(700, 700)  # narrower: fitted again
    qtbot.wait(20)
    narrower = _fits(window)
    assert len(narrower) < len(shown) and "…" in narrower and "charts place" in narrower


def test_every_status_message_is_fitted(qtbot, make_window, long_named):
    """Messages from anywhere (the chart's title when it is shown, other parts of the app)."""
    window = make_window(long_named)
    window.resize(900, 700)
    window.status.chart_shown()
    shown = _fits(window)
    assert shown.startswith("A chart whose title goes on") and "…" in shown and "zones" in shown, shown
    window.statusBar().showMessage("Exported " + "/very/long/folder" * 80 + "/chart.png", 5000)
    shown = _fits(window)
    assert shown.startswith("Exported /very/long") and shown.endswith("…"), shown


def test_a_menu_items_status_tip_is_fitted(qtbot, make_window, long_named, tmp_path):
    """Pointing at a recent chart in the Chart menu shows its tradition and file in the status
    bar (QAction.setStatusTip): Qt put that in the bar whole, past its edge, cut mid-letter."""
    data = yaml.safe_load(Path(long_named.path).read_text(encoding="utf-8"))
    data["tradition"] = "A tradition that goes on " + "and on " * 300
    path = tmp_path / "long-tradition.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    window = make_window()
    window.resize(900, 700)
    assert window.open_chart(path)
    menu = window.charts_menu
    bar = window.menuBar()
    bar.setActiveAction(menu.menuAction())  # the Chart menu opened from the menu bar
    qtbot.waitExposed(menu)
    (action,) = [a for a in menu.actions() if a.data() == str(path)]
    menu.setActiveAction(action)  # pointed at (offscreen, a mouse move does not hover a menu item)
    qtbot.waitUntil(lambda: "A tradition that goes on" in window.statusBar().currentMessage(), timeout=3000)
    shown = _fits(window)
    assert shown.startswith("Tradition: ") and "…" in shown, shown
    assert "File: " in shown and "long-tradition.yaml" in shown, shown  # the app's words and the file kept
    menu.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_on_a_small_screen_the_claim_is_cut_between_words_and_the_name_kept(
    qtbot, make_window, tmp_path, language
):
    """Tryout S17-6: at 1024x768 in the editor (F2), the pointer's place and "✔ The chart
    passes the check" beside it, a zone's summary was cut in both its parts and mid-word:
    "Pelvis and lo…: charts place the pelvis an… here". The name stays whole, the claim (said
    after it, the less needed) is cut after a whole word, the app's words stay, and the bar's
    tooltip holds the whole sentence."""
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    name = "Heart and the great vessels"
    claim = "the heart, the pericardium, the aorta and the great vessels of the chest and the lungs"
    for zone in data["zones"]:
        if zone["id"] == "heart":
            zone.update(name=name, claim=claim)
            zone.pop("translations", None)
    path = tmp_path / "heart.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = read_atlas(path)
    assert result.ok, result.errors
    window = make_window(result.atlas)
    if language == "de":
        window.language_actions["de"].trigger()  # Settings -> Language -> Deutsch
        window = window.successor
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(1024, 768)
    window.edit_action.trigger()  # F2
    qtbot.wait(20)
    view = next(v for v in result.atlas.zone("heart").shapes if "plantar" in v)
    point = viewport_pos(window, view, *inside_point(result.atlas, view, "heart"))
    qtbot.mouseMove(window.map.viewport(), point)  # the pointer on the foot: its place shown
    click_zone(qtbot, window, view, "heart")
    assert window.status.coordinates.text() and window.state.zone_id == "heart"
    whole = window.statusBar().toolTip()
    shown = _fits(window).replace("\u2068", "").replace("\u2069", "")
    assert shown.startswith(f"{name}: "), shown  # the name whole
    assert "…" in shown and claim in whole, (shown, whole)
    said = shown.split(": ", 1)[1]
    fragment = said[said.index(claim[:3]) : said.index("…")]
    assert claim.startswith(fragment) and claim[len(fragment)] in " ,", fragment  # after a whole word
