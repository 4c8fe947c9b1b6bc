"""A therapist's own chart with a very long zone name, exported as a web page and opened in
Chromium: the name must not stretch the drawing (the page fits the whole drawing to its width,
so every label and foot shrank to a few pixels)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .browser import DESKTOP, browser

CHART = """atlas_format: 1
id: long-names
title: "Long names"
tradition: "Test"
sources:
  - {{id: s1, title: "Source one"}}
views:
  - id: plantar-left
    foot: left
    aspect: plantar
    outline: [[-40, 0], [40, 0], [40, 240], [-40, 240]]
zones:
  - id: long
    name: "{long}"
    region: abdomen
    claim: "the long one"
    technique: "Press."
    sources: [s1]
    confidence: estimate
    shapes:
      plantar-left: [[-35, 5], [35, 5], [35, 100], [-35, 100]]
  - id: short
    name: "Heel"
    region: pelvis
    claim: "the heel"
    technique: "Press."
    sources: [s1]
    confidence: estimate
    shapes:
      plantar-left: [[-35, 120], [35, 120], [35, 230], [-35, 230]]
"""


def _export(tmp_path: Path, name: str, long: str) -> Path:
    chart = tmp_path / f"{name}.yaml"
    chart.write_text(CHART.format(long=long), encoding="utf-8")
    out = tmp_path / f"{name}.html"
    subprocess.run(
        [sys.executable, "-m", "reflexmap", "export", "--chart", str(chart), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def desktop():
    driver = browser(DESKTOP)
    yield driver
    driver.quit()


def _label_px(driver, page: Path) -> dict[str, float]:
    driver.get(page.as_uri())
    return driver.execute_script(
        """
        const out = {};
        for (const t of document.querySelectorAll('figure:not([hidden]) text.lab')) {
            out[t.dataset.zone] = t.getBoundingClientRect().height;
        }
        const foot = document.querySelector('figure:not([hidden]) g.view').getBoundingClientRect();
        out.foot = foot.height;
        return out;
        """
    )


def test_a_very_long_zone_name_leaves_the_page_legible(desktop, tmp_path):
    plain = _label_px(desktop, _export(tmp_path, "plain", "Lower belly"))
    long = _label_px(desktop, _export(tmp_path, "long", "Sehr langer Zonenname " * 12))
    assert long["short"] >= 0.8 * plain["short"], (plain, long)
    assert long["foot"] >= 0.8 * plain["foot"], (plain, long)
