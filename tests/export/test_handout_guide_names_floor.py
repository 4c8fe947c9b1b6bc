"""A handout's guide lines' names print at the 6 pt the README promises for names beside the
feet (finding S19-8: about 5.1 pt, English at the usual size and German at Largest). Measured
on the PDF as a reader's tools see it: pdftotext's word boxes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.cli import main
from reflexmap.i18n import set_language
from reflexmap.render.chart_scene import ChartScene

WESTERN = next(p for p in builtin_charts() if "ingham" in p.name)
# poppler's word box is the font's ascent + descent: 1.164 em for DejaVu Sans, which the
# handouts print with (pdffonts); 6 pt type gives a box 6.98 pt tall
BOX_EMS = 1.164
FLOOR_PT = 6.0


def guide_words(language: str, aspect: str) -> set[str]:
    try:
        scene = ChartScene()
        scene.show_chart(load_atlas(WESTERN).localized(set_language(language)), aspect, key=False)
    finally:
        set_language("en")
    return {
        word
        for item in scene.guide_names
        if isinstance(item, QGraphicsSimpleTextItem)
        for word in item.text().split()
        if len(word) > 2
    }


def word_heights(pdf: Path) -> list[tuple[str, float]]:
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
    return [(m[3], float(m[2]) - float(m[1])) for m in re.finditer(pattern, boxes)]


@pytest.mark.parametrize("aspect", ["plantar", "medial", "lateral", "dorsal"])
@pytest.mark.parametrize(("language", "scale"), [("en", "1.0"), ("de", "1.5")])
def test_guide_names_print_at_six_points_at_least(qapp, tmp_path, aspect, language, scale):
    out = tmp_path / "h.pdf"
    arguments = ["--language", language, "--text-scale", scale]
    assert main([*arguments, "export", "--handout", "chart", "--view", aspect, "-o", str(out)]) == 0
    names = guide_words(language, aspect) - {"Left", "Right", "Linker", "Rechter"}
    printed = [(word, height / BOX_EMS) for word, height in word_heights(out) if word in names]
    assert printed, names  # the guide names are on the page
    word, points = min(printed, key=lambda p: p[1])
    assert points >= FLOOR_PT * 0.99, (word, round(points, 2))


@pytest.mark.parametrize(("language", "scale"), [("en", "1.0"), ("de", "1.5")])
def test_a_chart_its_height_bounds_stands_across_the_middle_of_the_page(qapp, tmp_path, language, scale):
    """The German plantar handout at Largest: the feet stood in the left 55 % of the page."""
    out = tmp_path / "h.pdf"
    arguments = ["--language", language, "--text-scale", scale]
    assert main([*arguments, "export", "--handout", "chart", "--view", "plantar", "-o", str(out)]) == 0
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = float(re.search(r'<page width="([\d.]+)"', boxes)[1])
    feet = [
        (float(m[1]) + float(m[2])) / 2
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes
        )
        if m[3] in {"Left", "Right", "Linker", "Rechter"}
    ]
    assert len(feet) == 2, feet
    assert abs(sum(feet) / 2 - page / 2) < 0.05 * page, (feet, page)
