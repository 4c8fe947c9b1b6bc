"""Exports never lie: a full disk, a failing writer or a device as the target is an error that
names the user's file, and the file that was there is left as it was."""

from __future__ import annotations

import builtins
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflexmap.atlas import load_atlas


@pytest.fixture
def atlas(qapp):
    from reflexmap.ui.app import application

    application()
    return load_atlas()


def _export(atlas, out: Path):
    if out.name.startswith("handout"):
        from reflexmap.render.handout import export_handout

        return export_handout(atlas, out, kind="worksheet", aspects=["plantar"])
    from reflexmap.render.export import export_chart

    return export_chart(atlas, out, aspect="plantar", width_px=400)


NAMES = ["chart.png", "chart.svg", "chart.pdf", "handout.pdf"]


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_is_an_error_naming_the_file_and_nothing_is_lost(atlas, tmp_path, monkeypatch, name):
    out = tmp_path / name
    _export(atlas, out)
    before = out.read_bytes()
    real_open = builtins.open

    class FullDisk:
        """A file on a disk that takes 4 KiB and then is full."""

        def __init__(self, handle):
            self.handle, self.left = handle, 4096

        def write(self, data):
            if self.left <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            n = min(len(data), self.left)
            self.left -= n
            return self.handle.write(bytes(data[:n]))

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def full_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return FullDisk(handle) if "w" in mode and Path(file).parent == tmp_path else handle

    monkeypatch.setattr(builtins, "open", full_open)
    with pytest.raises(OSError) as caught:
        _export(atlas, out)
    monkeypatch.undo()
    message = str(caught.value)
    assert str(out) in message and "No space left on device" in message
    assert f".{out.name}." not in message  # never the hidden temporary file
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [out.name, out.name + ".bak"][: 1 + (out.name + ".bak" in os.listdir(tmp_path))]
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_target_that_is_not_a_regular_file_is_refused(atlas, tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)  # a device node behaves the same; a pipe needs no root
    with pytest.raises(OSError, match="is not a regular file"):
        _export(atlas, fifo)
    assert not fifo.is_file() and fifo.exists()


@pytest.mark.parametrize("width", ["0", "-5", "100000", "1e3"])
def test_the_command_line_refuses_a_width_out_of_range(tmp_path: Path, width: str):
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "export", "-o", str(tmp_path / "x.png"), f"--width={width}"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "the width must be a whole number of pixels from 16 to 20,000" in result.stderr
    assert not (tmp_path / "x.png").exists()


def _chart_of(points: int):
    from benchmarks.hostile_forms import polygon
    from reflexmap.atlas.loader import parse_atlas

    result = parse_atlas(polygon(points), "round.yaml")
    assert result.ok, result.errors[:1]
    return result.atlas


def test_a_zone_of_many_points_is_written_as_a_stroked_path_not_as_its_stroke_s_shape(atlas, tmp_path):
    """Issue 14: the outline of a zone of 99,999 points was written out as the shape of its
    stroke (round joins and all: 13 MB of the SVG's 14.8 MB, 6.5 MB of PDF); an SVG or PDF says
    "stroke this path" as Qt writes it, and holds each point about once."""
    from reflexmap.render.export import export_chart

    small, large = _chart_of(3), _chart_of(20_000)
    sizes = {}
    for suffix in (".svg", ".pdf"):
        for name, chart in (("small", small), ("large", large)):
            out = tmp_path / f"{name}{suffix}"
            export_chart(chart, out)
            sizes[name, suffix] = out.stat().st_size
    svg = (tmp_path / "large.svg").read_text(encoding="utf-8")
    assert svg.count(" L") < 25_000  # the fill and its outline: one path of 20,000 points
    assert 'stroke-linejoin="round"' in svg
    assert sizes["large", ".pdf"] - sizes["small", ".pdf"] < 20 * 20_000  # (it was 65 bytes a point)
