"""Switching between the built-in traditions, and the evidence note on first run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QTextBrowser

from reflexmap.settings import Settings

from .conftest import click_zone


def chart_action(window, atlas_id_part: str):
    window.charts_menu.refill()
    for action in window.charts_menu.chart_actions():
        if atlas_id_part in Path(action.data()).name:
            return action
    raise AssertionError(f"no chart action for {atlas_id_part}")


def test_chart_menu_lists_both_built_in_traditions(qtbot, window):
    window.charts_menu.refill()
    titles = [a.text() for a in window.charts_menu.chart_actions()]
    assert any("Ingham" in t for t in titles)
    assert any("Rwo-Shur" in t for t in titles)
    assert [a.isChecked() for a in window.charts_menu.chart_actions()].count(True) == 1


def test_switching_chart_shows_the_other_tradition(qtbot, window):
    window.state.set_aspect("medial")
    chart_action(window, "alternative").trigger()
    atlas = window.state.atlas
    assert atlas.id == "alternative-placements"
    assert window.state.aspect == "medial"  # kept: the other chart draws it too
    click_zone(qtbot, window, "medial-left", "sciatic-nerve")
    text = window.info.toPlainText()
    assert "Sciatic nerve (62-A/B)" in text and "Japanese and Chinese charts (Rwo-Shur lineage)" in text
    click_zone(qtbot, window, "medial-left", "spinal-cord")
    assert "One practitioner's view" in window.info.toPlainText()  # the zone's own tradition
    chart_action(window, "ingham").trigger()
    assert window.state.atlas.id == "ingham-western"


def test_an_opened_chart_joins_the_menu(qtbot, window, data_dir: Path):
    window.open_chart(data_dir / "small.yaml")
    window.charts_menu.refill()
    assert any("Small test chart" in a.text() for a in window.charts_menu.chart_actions())
    chart_action(window, "ingham").trigger()
    window.charts_menu.refill()
    assert any("Small test chart" in a.text() for a in window.charts_menu.chart_actions())


def test_an_opened_chart_is_made_ready_for_clicks_straight_away(qtbot, window, data_dir: Path):
    """Its hit-test trees are built in the next event-loop turn, not on the first click."""
    window.open_chart(data_dir / "small.yaml")
    index = window.state.atlas.index
    assert not index.is_warm()  # the chart is drawn first
    qtbot.waitUntil(index.is_warm)


def test_first_run_shows_evidence_and_red_flags_once(qtbot, make_window, fresh_settings: Settings, tmp_path):
    window = make_window(settings_=fresh_settings)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "note-first-run") is not None)
    dialog = window.findChild(QDialog, "note-first-run")
    assert dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    for expected in ("charts place", "Systematic reviews", "chance", "thrombosis", "both legs"):
        assert expected in text, expected
    dialog.reject()
    assert fresh_settings.value("notes/first-run-seen", type=bool)
    window.close()
    again = make_window(settings_=Settings(fresh_settings.fileName()))
    qtbot.wait(50)
    assert again.findChild(QDialog, "note-first-run") is None


def test_every_view_of_the_main_chart_can_be_shown_and_clicked(qtbot, window):
    for aspect in ("plantar", "medial", "lateral", "dorsal"):
        window.aspect_actions[aspect].trigger()
        assert window.state.aspect == aspect
        views = [f.view.id for f in window.map.chart.frames]
        assert len(views) == 2
        for view_id in views:
            zone_id = window.state.atlas.zones_in(view_id)[0].id
            click_zone(qtbot, window, view_id, zone_id)
            assert (window.state.view_id, window.state.zone_id) == (view_id, zone_id)


def test_a_chart_the_window_started_on_stays_in_the_menu(qtbot, make_window, data_dir: Path, tmp_path):
    """A chart given with --chart (the window made on it) dropped out of the Chart menu once
    another was chosen; it stays, as one opened with File → Open does."""
    from reflexmap.atlas import load_atlas

    mine = tmp_path / "mine.yaml"
    mine.write_bytes((data_dir / "small.yaml").read_bytes())
    window = make_window(load_atlas(mine))
    chart_action(window, "ingham").trigger()
    assert window.state.atlas.id == "ingham-western"
    window.charts_menu.refill()
    assert any(
        a.data() == str(mine) and "Small test chart" in a.text() for a in window.charts_menu.chart_actions()
    )
