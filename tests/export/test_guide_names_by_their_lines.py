"""Handouts: an upright guide line's name stands by its own line, nearer it than any other
(tryout S14-4: the German answer key at text size 1.5, lateral view: "Becken- / Fersenlinie"
stood between the waistline and its own line, directly under "Taillenlinie", reading as a
second name of the waistline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.i18n import set_language
from reflexmap.render.handout import plan_handout


def _upright(rect) -> bool:
    return rect.width() < 0.3 * rect.height()


def _apart(name, line) -> float:
    """How far (mm) the name's box stands from the line's, across the foot."""
    return max(line.left() - name.right(), name.left() - line.right(), 0.0)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", ["answer-key", "chart"])
def test_upright_guide_names_nearest_their_own_line(qapp, tmp_path: Path, language, kind):
    set_language(language)
    try:
        checked = 0
        for path in builtin_charts():
            device = QPdfWriter(str(tmp_path / "handout.pdf"))
            for sheet in plan_handout(device, load_atlas(path), kind=kind, text_scale=1.5, paper="a4"):
                scene = sheet.scene
                if scene is None:
                    continue
                triples = [scene.guide_items[i : i + 3] for i in range(0, len(scene.guide_items), 3)]
                lines = [t[0].sceneBoundingRect() for t in triples]
                for (_line, _veil, name), own in zip(triples, lines, strict=True):
                    if not _upright(own):
                        continue
                    box = name.sceneBoundingRect()
                    size = name.font().pixelSize() * name.scale()
                    for other in lines:
                        if other is own or not _upright(other):
                            continue
                        if other.top() > box.bottom() or other.bottom() < box.top():
                            continue  # not level with the name
                        assert _apart(box, other) > _apart(box, own) + size / 2, (
                            sheet.page.aspect,
                            name.text(),
                        )
                    checked += 1
        assert checked
    finally:
        set_language("en")
