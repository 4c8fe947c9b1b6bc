"""The editor's problem messages name the zone by its name as shown, in the interface's
language, not by its id in the file (S17-2: "zone 'sciatic-nerve', left foot, …" where the
map and the list say "Sciatic nerve"); a right-to-left name stands between isolates."""

from __future__ import annotations

import shutil
from pathlib import Path

from shapely.geometry import Polygon

from reflexmap.atlas import load_atlas
from reflexmap.atlas.builder import shape_problems, view_in_words
from reflexmap.atlas.draft import in_words

from .conftest import click_zone
from .test_editor import drag
from .test_map_messages import settle

CHART = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"


def test_a_dragged_corner_names_the_zone_in_german(qtbot, make_window, tmp_path):
    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    window = make_window(load_atlas(path))
    window.language_actions["de"].trigger()
    window = window.successor
    qtbot.addWidget(window)
    window.resize(1440, 900)  # (the successor is fitted to the 800x800 offscreen screen)
    window.edit_action.trigger()
    settle(qtbot, window)
    name = window.state.atlas.zone("sciatic-nerve").name
    assert name != "Sciatic nerve"  # (the chart's German name)
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")
    drag(qtbot, window, "plantar-left", (-30.7, 46.8), (-40.0, 52.0))
    settle(qtbot, window)
    said = [m for *_place, m in window.editor.tool.problem_marks()]
    shown = " ".join(window.editor.tool.overlay.messages)
    assert said and all(f"'{name}'" in m for m in said), said
    assert "sciatic-nerve" not in shown and f"'{name}'" in shown, shown
    window.editor.saving.discard()


def test_a_right_to_left_name_is_isolated_in_the_message():
    from reflexmap.i18n import bidi_isolate

    name = bidi_isolate("עקב")
    assert name != "עקב"  # (between isolates)
    ring = ((0.0, 0.0), (30.0, 0.0), (30.0, 10.0), (0.0, 10.0))
    outline = Polygon([(0, 0), (20, 0), (20, 20), (0, 20)])
    found = shape_problems("heel", "plantar-left", (ring,), outline, "left foot, plantar view", name)
    assert found and found[0][2].startswith(f"zone '{name}', left foot, plantar view: "), found


def test_a_checked_problem_names_the_zone_by_the_name_given():
    atlas = load_atlas(CHART)
    view = atlas.view("plantar-left")
    message = (
        f"zone 'heel', {view_in_words(view, 'plantar-left')}: the zone crosses itself"  # as check says it
    )
    said = in_words(message, [view], {"heel": "Heel"})
    assert said == "zone 'Heel', left foot, plantar view: the zone crosses itself", said
    assert in_words("duplicate zone id 'heel'", atlas.views, {"heel": "Heel"}) == "duplicate zone id 'heel'"


def test_a_problem_on_the_mirrored_foot_reads_its_place_as_the_status_bar_does(qtbot, make_window, tmp_path):
    """A corner dragged across the sciatic nerve's zone: the right foot (the left's mirror)
    said "near (-85.7, 28.1) mm" where the left said "(85.7, 28.1)" and the status bar reads
    both feet alike (tryout). Both feet now give the same place."""
    import re

    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    window = make_window(load_atlas(path))
    window.resize(1440, 900)
    window.edit_action.trigger()
    settle(qtbot, window)
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")
    drag(qtbot, window, "plantar-left", (-30.7, 46.8), (10.0, 15.0))  # across its bottom edge
    settle(qtbot, window)
    said = [m for *_place, m in window.editor.tool.problem_marks()]
    places = {}
    for message in said:
        foot = "left" if "left foot" in message else "right" if "right foot" in message else None
        found = re.search(r"near \((-?[0-9.]+), (-?[0-9.]+)\) mm", message)
        if foot and found:
            places[foot] = found.groups()
    assert set(places) == {"left", "right"}, said
    assert places["left"] == places["right"], places
    window.editor.saving.discard()
