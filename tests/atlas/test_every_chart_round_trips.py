"""Issue 16: "an unchanged chart saved over itself keeps every byte", for every built-in chart
and every chart in tests/data, whether the script saves what `load_atlas` gave it or what
`read_document` gave it. (The editor's Ctrl+S is checked on the built-in charts and the odd
chart by tests/ui/test_editor_undo_bytes.py; escaped-names.yaml was only saved after an edit.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import reflexmap
from reflexmap.atlas import builtin_charts

DATA = Path(__file__).resolve().parents[1] / "data"
CHARTS = [*builtin_charts(), *sorted(DATA.glob("*.yaml"))]


def test_the_charts_are_found():
    names = {path.name for path in CHARTS}
    assert {"ingham-western.yaml", "alternative-placements.yaml", "small.yaml", "escaped-names.yaml"} <= names


@pytest.mark.parametrize("reader", ["load_atlas", "read_document"])
@pytest.mark.parametrize("source", CHARTS, ids=lambda path: path.name)
def test_an_unchanged_chart_saved_over_itself_keeps_every_byte(tmp_path: Path, source: Path, reader: str):
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    original = target.read_bytes()
    reflexmap.save_atlas(getattr(reflexmap, reader)(target), target)
    assert target.read_bytes() == original
    assert (tmp_path / f"{source.name}.bak").read_bytes() == original
