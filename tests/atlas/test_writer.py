"""save_atlas: atomic, backed up, never writes a chart that check rejects, and a save killed
at any file operation leaves the old chart whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import reflexmap
from reflexmap.atlas.edits import MoveVertex

from ..dying import ARM, PRELUDE
from ..test_crash_safety import run

DATA = Path(__file__).resolve().parents[1] / "data"


def test_saving_a_loaded_atlas_keeps_the_bytes_and_a_backup(tmp_path: Path):
    target = tmp_path / "chart.yaml"
    shutil.copyfile(DATA / "small.yaml", target)
    atlas = reflexmap.load_atlas(target)
    reflexmap.save_atlas(atlas, target)
    assert target.read_bytes() == (DATA / "small.yaml").read_bytes()
    assert (tmp_path / "chart.yaml.bak").read_bytes() == target.read_bytes()


def test_script_changes_a_chart_without_the_window(tmp_path: Path):
    target = tmp_path / "chart.yaml"
    shutil.copyfile(DATA / "small.yaml", target)
    chart = reflexmap.read_document(target)
    chart = reflexmap.edits.MoveZone("heel", 1.0, 0.5).apply(chart).document
    reflexmap.save_atlas(chart, target)
    heel = reflexmap.load_atlas(target).zone("heel")
    assert heel.shapes["plantar-left"][0][0] == (-17.0, 2.5)
    assert heel.shapes["plantar-right"][0][0] == (17.0, 2.5)  # the mirror followed


def test_a_chart_with_errors_is_not_saved_unless_asked(tmp_path: Path):
    target = tmp_path / "chart.yaml"
    shutil.copyfile(DATA / "small.yaml", target)
    chart = reflexmap.read_document(target)
    broken = MoveVertex("heel", "plantar-left", 0, 0, (-90.0, 2.0)).apply(chart).document
    with pytest.raises(reflexmap.ChartNotSaved) as caught:
        reflexmap.save_atlas(broken, target)
    assert caught.value.problems[0].zone == "heel"
    assert target.read_bytes() == (DATA / "small.yaml").read_bytes()
    reflexmap.save_atlas(broken, target, allow_errors=True)
    assert target.read_text(encoding="utf-8") == broken.text


def test_an_atlas_changed_in_memory_is_refused(tmp_path: Path):
    import dataclasses

    atlas = reflexmap.load_atlas(DATA / "small.yaml")
    with pytest.raises(reflexmap.ChartNotSaved):
        reflexmap.save_atlas(dataclasses.replace(atlas, zones=atlas.zones[:1]), tmp_path / "x.yaml")


SAVE = (
    "import reflexmap\nfrom reflexmap.atlas.edits import MoveZone\n"
    "chart = reflexmap.read_document(os.path.join(os.path.dirname(target), 'source.yaml'))\n"
    "new = MoveZone('heel', 0.5, 0.0).apply(chart).document\n"
)


def test_chart_save_killed_at_every_step_leaves_the_old_file_whole(tmp_path: Path):
    target = tmp_path / "chart.yaml"
    shutil.copyfile(DATA / "small.yaml", target)
    shutil.copyfile(DATA / "small.yaml", tmp_path / "source.yaml")  # each try saves the same change
    old = target.read_bytes()
    stage, completed, seen = 1, False, []
    while not completed:
        result = run(PRELUDE + SAVE + ARM + "reflexmap.save_atlas(new, target)\n", target, stage)
        completed = result.returncode == 0
        if not completed:
            assert result.returncode == 9, result.stderr[-1500:]
            seen.append((stage, target.read_bytes()))
        stage += 1
        assert stage < 20
    new = target.read_bytes()
    assert new != old
    assert reflexmap.load_atlas(target).zone("heel").shapes["plantar-left"][0][0] == (-17.5, 2.0)
    # killed at any operation the chart is the old one, whole; only when killed at the very
    # last (the folder's fsync, after the final rename) is it the whole new one
    for killed_at, content in seen[:-1]:
        assert content == old, f"old chart changed when killed at operation {killed_at}"
    assert seen[-1][1] in (old, new)
    assert (tmp_path / "chart.yaml.bak").read_bytes() in (old, seen[-1][1])
    assert len(seen) > 3  # the fsyncs, the backup copy and the renames were each interrupted
