"""How often the map lays out its chart: a view shown again, a new theme or a window of the
same size draw the chart once, its guide names placed once per view (the size the chart has
with no minimum text size is kept, so it is not drawn again only to learn it)."""

from __future__ import annotations

import pytest

from reflexmap.render.chart_scene import ChartScene


@pytest.fixture
def drawings(monkeypatch):
    """(aspect, whole drawing?) per chart drawn, and the views whose guide names were placed
    (on a whole drawing, or afterwards on the drawing the rounds end with: see
    MapView._rounds). A view's names placed again at the other foot's smaller size (one size
    on both feet, ChartScene.place_guide_names) are not counted again: that search follows the
    first on the same drawing."""
    seen = {"charts": [], "names": []}
    show_chart, find_guide_places = ChartScene.show_chart, ChartScene._find_guide_places

    def counted(self, atlas, aspect, *args, **kwargs):
        seen["charts"].append((aspect, not getattr(self, "measuring", False)))
        return show_chart(self, atlas, aspect, *args, **kwargs)

    def names_counted(self, frame, start):
        if start == self._guide_step:  # (not placed again at the common size)
            seen["names"].append(frame.view.id)
        return find_guide_places(self, frame, start)

    monkeypatch.setattr(ChartScene, "show_chart", counted)
    monkeypatch.setattr(ChartScene, "_find_guide_places", names_counted)
    return seen


def _clear(seen) -> None:
    seen["charts"].clear()
    seen["names"].clear()


def test_a_view_shown_again_is_drawn_once(qtbot, window, drawings):
    window.aspect_actions["medial"].trigger()
    medial_first = window.map.grab().toImage()
    window.aspect_actions["plantar"].trigger()
    _clear(drawings)
    window.aspect_actions["medial"].trigger()
    assert drawings["charts"] == [("medial", True)]
    assert sorted(drawings["names"]) == ["medial-left", "medial-right"]
    assert window.map.grab().toImage() == medial_first  # the same picture as the first time


def test_a_new_theme_places_the_guide_names_once_and_a_theme_shown_before_draws_once(qtbot, window, drawings):
    _clear(drawings)
    window.theme_actions["dark"].trigger()  # (a theme's lines may be wider: measured again)
    assert sum(whole for _aspect, whole in drawings["charts"]) <= 1
    assert sorted(drawings["names"]) == ["plantar-left", "plantar-right"]
    window.theme_actions["light"].trigger()
    _clear(drawings)
    window.theme_actions["dark"].trigger()
    assert drawings["charts"] == [("plantar", True)]
    assert sorted(drawings["names"]) == ["plantar-left", "plantar-right"]


def test_the_first_visit_of_a_view_places_its_guide_names_once(qtbot, window, drawings):
    """Measured without guide names; the names are placed once, on the drawing shown."""
    _clear(drawings)
    window.aspect_actions["dorsal"].trigger()
    assert drawings["charts"][-1][0] == "dorsal"
    assert sum(whole for _aspect, whole in drawings["charts"]) <= 1
    assert sorted(drawings["names"]) == ["dorsal-left", "dorsal-right"]


def test_resizing_the_window_leaves_nothing_behind_on_the_map(qtbot, window):
    """Each size the window is dragged through draws the chart and keeps its guide names'
    places for the next start (written after the next paint): no watcher of that paint is
    left on the map per size."""
    viewport = window.map.viewport()
    qtbot.wait(50)
    before = len(viewport.children())
    for width in range(1000, 1400, 40):
        window.resize(width, 800)
        qtbot.wait(20)
    qtbot.wait(50)
    assert len(viewport.children()) <= before
