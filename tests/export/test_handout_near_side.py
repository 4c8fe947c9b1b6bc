"""Handouts: on the side views' pages each zone's number stands at its zone's end of the foot
(issue 16; tryout S13-9: German, Largest text, all views, A4, the lateral page numbered 5 and
7 by the heel at the toes' margin, leaders across the whole foot and zones 1-4; the medial
page 9 likewise)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.render.handout import plan_handout

LONGEST_LEADER_SHARE = 0.75  # of the foot's length, along the foot


@pytest.mark.parametrize("chart", [p.stem for p in builtin_charts()])
def test_side_view_numbers_stand_by_their_zone(qapp, tmp_path: Path, chart):
    atlas = load_atlas(next(p for p in builtin_charts() if p.stem == chart))
    device = QPdfWriter(str(tmp_path / "handout.pdf"))
    sheets = plan_handout(device, atlas, kind="chart", text_scale=1.5, paper="a4")
    checked = 0
    for sheet in sheets:
        scene = sheet.scene
        if scene is None or sheet.page.aspect not in ("lateral", "medial"):
            continue
        for (view, zone), label in scene.labels.items():
            frame = next(f for f in scene.frames if f.view.id == view)
            path = label.leader.path()
            xs = [min(max(path.elementAt(i).x, frame.left), frame.right) for i in range(path.elementCount())]
            run = max(xs) - min(xs)
            assert run <= LONGEST_LEADER_SHARE * (frame.right - frame.left), (
                sheet.page.aspect,
                view,
                zone,
                run,
            )
            checked += 1
    assert checked or not {"lateral", "medial"} & set(atlas.aspects())
