"""A handout of a chart with too many zones to label beside the feet (S8-5: 1,000 zones gave 13
pages of numbered legend and not one number on the feet): each zone's number is drawn inside it
where it fits legibly; the zones too small for one are said, on the page and by the command,
and listed without a number (left out of a worksheet). Through the real command line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from benchmarks.synthetic import write_synthetic_chart
from reflexmap.cli import main


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")


@pytest.mark.parametrize("kind", ["chart", "worksheet"])
def test_a_crowded_chart_numbers_its_zones_on_the_feet_and_says_what_it_cannot(
    qapp, tmp_path: Path, capsys, kind: str
):
    chart = write_synthetic_chart(1000, tmp_path)
    out = tmp_path / "big.pdf"
    arguments = ["export", "--chart", str(chart), "--handout", kind, "--view", "plantar", "-o", str(out)]
    assert main(arguments) == 0
    err = capsys.readouterr().err
    said = re.search(r"(\d+) zones are too small to number on the chart at this size", err)
    unplaced = int(said.group(1)) if said else 0
    assert unplaced < 200, err  # most of the 1,000 zones hold their number at this size
    pages = _pages(out)
    numbered = 1000 - unplaced
    first = pages[0]
    on_first = {int(word) for word in re.findall(r"(?<![\d.])\d+(?![\d.])", first)}
    # the numbers on the feet: (nearly) every one of 1..numbered is on the chart's page, where
    # the legend there holds a few entries only
    assert len(on_first & set(range(1, numbered + 1))) >= 0.98 * numbered
    everything = "\n".join(pages)
    assert not re.search(rf"(?<![\d.]){numbered + 1}(?![\d.])", everything)  # numbers 1..numbered, no more
    if unplaced:
        words = re.sub(r"\s+", " ", first)
        assert f"{unplaced} zones too small to number on the chart at this size" in words
        listed = len(re.findall(r"–\s+Zone", everything))
        if kind == "chart":
            assert listed >= unplaced  # listed without a place, marked –
        else:
            assert listed == 0 and "left out" in words


def test_the_built_in_chart_is_labelled_as_before_and_says_nothing(qapp, tmp_path: Path, capsys):
    out = tmp_path / "b.pdf"
    assert main(["export", "--handout", "chart", "--view", "plantar", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "too small" not in "\n".join(_pages(out))
