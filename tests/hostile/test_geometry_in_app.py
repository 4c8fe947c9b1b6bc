"""Geometry that `check` passes, however odd, is drawn, labelled, compared, quizzed and
presented without an exception, and every view exports to every format: zones touching at a
point or sharing an edge with another zone, a zone inside another, two zones drawn the same,
a zone drawn as its view's outline or along its edge, repeated and closing points, guide lines
outside the foot, an outline at the coordinate limits, long guide names, mirrored views."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from reflexmap.atlas import read_atlas
from reflexmap.quiz.cards import QuizOptions, cards_for
from tests.ui.conftest import click_zone, comparison_windows, make_window, settings  # noqa: F401

from .cases import SQUARE_OUTLINE, chart, two_feet

SQUARE = "[[0, 10], [10, 10], [10, 20], [0, 20]]"


def _second_zone(text: str, polygon: str) -> str:
    """`text` with a second zone 'z2' drawn as `polygon` (mirrored as the first zone is)."""
    zone = text[text.index("  - id: z\n") :]
    shape = zone[zone.index("plantar-left: ") + len("plantar-left: ") :].split("\n")[0]
    return text + zone.replace("id: z\n", "id: z2\n").replace('name: "Z"', 'name: "Z2"').replace(
        shape, polygon, 1
    )


GUIDE = "guides: [{id: g, name: NAME, points: POINTS}], "
KINDS = {
    "parts touching at a corner": chart(
        "[[[0, 10], [10, 10], [10, 20], [0, 20]], [[10, 20], [20, 20], [20, 30], [10, 30]]]"
    ),
    "zones sharing an edge": _second_zone(chart(SQUARE), "[[10, 10], [15, 10], [15, 20], [10, 20]]"),
    "a zone inside another": _second_zone(
        chart("[[0, 10], [15, 10], [15, 25], [0, 25]]"), "[[5, 15], [8, 15], [8, 18], [5, 18]]"
    ),
    "two zones drawn the same": _second_zone(chart(SQUARE), SQUARE),
    "a zone drawn as its outline": chart(SQUARE_OUTLINE),
    "a zone along the outline's edge": chart("[[-20, 0], [0, 0], [0, 10], [-20, 10]]"),
    "repeated and closing points": chart(
        "[[0, 10], [0, 10], [10, 10], [10, 10], [10, 20], [0, 20], [0, 10]]"
    ),
    "a closed outline with repeated points": chart().replace(
        SQUARE_OUTLINE, "[[-20, 0], [-20, 0], [20, 0], [20, 100], [20, 100], [-20, 100], [-20, 0]]"
    ),
    "an outline at the coordinate limits": chart().replace(
        SQUARE_OUTLINE, "[[-2000, -2000], [2000, -2000], [2000, 2000], [-2000, 2000]]"
    ),
    "a guide line outside the foot": chart().replace(
        "aspect: plantar, ",
        "aspect: plantar, " + GUIDE.replace("NAME", "G").replace("POINTS", "[[-500, 500], [500, 900]]"),
    ),
    "a guide line with a 3,999-character name": chart().replace(
        "aspect: plantar, ",
        "aspect: plantar, " + GUIDE.replace("NAME", "W" * 3999).replace("POINTS", "[[-20, 50], [20, 50]]"),
    ),
    "mirrored zones sharing an edge": _second_zone(
        two_feet(SQUARE), "[[10, 10], [15, 10], [15, 20], [10, 20]]"
    ),
    "a mirrored zone touching itself at the middle line": two_feet("[[-5, 10], [0, 10], [0, 20], [-5, 20]]"),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_odd_geometry_that_check_passes_works_everywhere(kind: str, qtbot, make_window, tmp_path: Path):  # noqa: F811
    from reflexmap.export.files import export_file
    from reflexmap.render.export import export_chart
    from reflexmap.render.handout import export_handout

    path = tmp_path / "odd.yaml"
    path.write_text(KINDS[kind], encoding="utf-8")
    result = read_atlas(path)
    assert result.ok, result.errors
    atlas = result.atlas
    window = make_window(atlas=atlas)
    window.resize(1200, 800)
    for view in atlas.views:  # every zone clicked on every view it is on
        for zone in atlas.zones_in(view.id):
            click_zone(qtbot, window, view.id, zone.id)
            assert window.state.zone_id  # a zone is selected (the topmost, where zones overlap)
    # a quiz of every kind, answered by clicks and choices
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("name", "technique", "claim", "find"), length=4, seed=1)
    # a chart of one zone too small to find asks nothing (its name would be the only choice):
    # the round does not start and says so ("Nothing to ask")
    askable = bool(cards_for(atlas, options))
    assert window.quiz.start(options) == askable
    for box in window.findChildren(QMessageBox):
        if box.isVisible():
            box.accept()
    for _ in range(4):
        session = window.quiz.session
        if session is None or session.current is None:
            break
        if session.current.choices:
            window.quiz_panel.buttons[0].click()
        else:
            click_zone(qtbot, window, session.current.view_id, session.current.zone_id)
        window.quiz_panel.next_button.click()
        qtbot.wait(5)
    if window.quiz.session is not None:
        window.quiz_panel.stop_button.click()
        box = window.findChild(QMessageBox, "quiz-end-confirm")  # "End this round now?"
        if box is not None and box.isVisible():
            box.findChild(QPushButton, "end-round").click()
    for results in window.findChildren(QDialog, "quiz-summary"):
        results.reject()
    assert not window.quiz.active  # (Compare with… is off during a round)
    # presenter mode, stepping through the zones
    window.present_action.trigger()
    for _ in range(3):
        qtbot.keyClick(window.map.viewport(), Qt.Key.Key_Right)
        qtbot.wait(5)
    qtbot.keyClick(window.map.viewport(), Qt.Key.Key_Escape)
    # comparison with the built-in chart
    window.compare_action.trigger()
    (shown,) = comparison_windows()
    qtbot.waitUntil(lambda: shown._shown_once)
    shown.close()
    # every view and aspect to every picture format, handouts, the web page and the deck
    views = [{"view_id": v.id} for v in atlas.views] + [
        {"aspect": a} for a in sorted({v.aspect for v in atlas.views})
    ]
    for n, which in enumerate(views):
        for suffix in (".png", ".svg", ".pdf"):
            out = export_chart(atlas, tmp_path / f"picture-{n}{suffix}", width_px=600, **which)
            assert Path(out).stat().st_size > 0
    for handout in ("chart", "worksheet", "answer-key"):
        assert export_handout(atlas, tmp_path / f"{handout}.pdf", kind=handout).stat().st_size > 0
    for suffix in (".html", ".apkg"):
        assert Path(export_file(atlas, tmp_path / f"chart{suffix}")).stat().st_size > 0
