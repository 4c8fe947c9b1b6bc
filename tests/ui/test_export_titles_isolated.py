"""The chart's title and tradition in PNG, SVG and PDF exports and in the handout, from a
chart whose every text holds markup, a right-to-left override (U+202E) and other direction
controls: each is drawn as plain text, and inside its isolate, so the app's own words around
it ("Chart: … . Plantar view: the soles", "Tradition: … . Zones show where charts of this
tradition place their claimed correspondences", "Page 1 of 3.") keep their order. The PDFs are
read as a reader sees them (pdftotext gives the order on the page: the chart's overridden text reads backwards
there, the app's words forwards); the SVG by its text runs, where each sits on the line. The PNG
is painted from the same scene by the same code (render/export.py); it has no text to read.
Each test fails when the isolates around the title and tradition are taken out."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from reflexmap.cli import main

from .test_chart_text_is_plain import hostile_atlas  # noqa: F401 - a fixture

FSI, PDI = "\u2068", "\u2069"
CAVEAT_START, CAVEAT_END = "Tradition:", "Zones show where charts of this tradition"


def _export(atlas, folder: Path, name: str, *extra: str) -> Path:
    target = folder / name
    assert main(["export", "--atlas", str(atlas.path), *extra, "-o", str(target)]) == 0
    assert target.is_file()
    return target


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _backwards(words: str) -> str:
    return words[::-1]


def _in_order(text: str, *parts: str) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def _svg_lines(svg: str) -> list[list[tuple[float, str]]]:
    """Each drawn line of text: its runs (x, text), as the SVG places them."""
    lines = []
    for group in re.findall(r"<g [^>]*>(.*?)</g>", svg, re.S):
        runs = re.findall(r'<text[^>]*?\sx="([-\d.e]+)"[^>]*>(.*?)</text>', group, re.S)
        if runs:
            lines.append([(float(x), html.unescape(text)) for x, text in runs])
    return lines


def test_a_chart_pdf_keeps_the_app_words_around_the_tradition_in_order(hostile_atlas, tmp_path):  # noqa: F811
    text = _pdf_text(_export(hostile_atlas, tmp_path, "chart.pdf"))
    flat = text.replace("\n", " ")
    assert _in_order(flat, CAVEAT_START, "Western (Ingham)", CAVEAT_END), flat[:600]
    assert _backwards(CAVEAT_END) not in flat and _backwards(CAVEAT_START) not in flat
    title = text.splitlines()[0]
    assert title.startswith("Western foot chart (Ingham tradition)"), title  # the title first, as written
    assert "\\u202ehere<b>bold<" in flat  # the markup as characters, never bold; its RLO shown, never obeyed


def test_a_chart_svg_draws_the_chart_text_inside_its_isolate(hostile_atlas, tmp_path):  # noqa: F811
    svg = _export(hostile_atlas, tmp_path, "chart.svg").read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt;" in svg and "<b>" not in svg
    lines = _svg_lines(svg)
    title = next(line for line in lines if any("Western foot chart" in text for _x, text in line))
    assert title[0][1] == FSI  # the title opens its isolate before any of its text
    (caveat,) = [line for line in lines if any(CAVEAT_START in text for _x, text in line)]
    start = next(x for x, text in caveat if CAVEAT_START in text)
    end = next(x for x, text in caveat if CAVEAT_END in text)
    chart = [x for x, text in caveat if "here<b>" in text or "Western (Ingham)" in text]
    assert chart and all(start < x < end for x in chart), caveat  # the app's words around it, in order
    opened = [i for i, (_x, text) in enumerate(caveat) if text == FSI]
    closed = [i for i, (_x, text) in enumerate(caveat) if text == PDI]
    words = next(i for i, (_x, text) in enumerate(caveat) if CAVEAT_END in text)
    assert opened and closed and opened[0] < closed[-1] < words, caveat


@pytest.mark.parametrize("kind", ["chart", "worksheet"])
def test_a_handout_keeps_its_heading_and_footer_words_in_order(hostile_atlas, tmp_path, kind):  # noqa: F811
    text = _pdf_text(_export(hostile_atlas, tmp_path, f"{kind}.pdf", "--handout", kind)).replace("\n", " ")
    heading = {"chart": "Chart", "worksheet": "Worksheet"}[kind]
    assert text.startswith(f"{heading}: Western foot chart (Ingham tradition)"), text[:200]
    assert ". Plantar view: the soles" in text, text[:600]
    assert _backwards("Plantar view: the soles") not in text
    pages = int(re.search(r"Page 1 of (\d+)\.", text)[1])
    assert all(f"Page {n} of {pages}." in text for n in range(1, pages + 1)), text[-400:]
    assert "\\u202ehere<b>bold<" in text  # the title's markup as characters, its RLO shown as its escape
