"""What `export` writes to the terminal, for names a person (or a script) gives it: a file name
with an escape sequence or a line break, a --view with an OSC sequence. `check` already wrote
such names escaped; `export` printed the file it wrote, its refusals and "no view '…'" raw,
so the terminal acted on them (recoloured, retitled) and one message became two lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflexmap.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
CONTROLS = "\x1b\x07\r\u2028\u202e"


def _one_clean_line(text: str) -> str:
    assert not any(c in text for c in CONTROLS), repr(text)
    lines = text.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_the_file_written_is_named_on_one_line_with_its_controls_escaped(tmp_path: Path, capsys, suffix):
    out = tmp_path / f"a\x1b[31mred\nline\u202e{suffix}"
    args = ["export", str(DATA / "small.yaml"), "-o", str(out)]
    args += ["--width", "64"] if suffix == ".png" else []
    assert main(args) == 0
    assert out.is_file() and out.stat().st_size > 0  # the name as given: only its display is escaped
    line = _one_clean_line(capsys.readouterr().out)
    assert line == str(tmp_path) + f"/a\\x1b[31mred\\nline\\u202e{suffix}"


def test_a_refused_target_is_named_on_one_line_with_its_controls_escaped(tmp_path: Path, capsys):
    folder = tmp_path / "dir\x1b[31m\nname.png"
    folder.mkdir()
    fifo = tmp_path / "pipe\x07.svg"
    os.mkfifo(fifo)
    for target in (folder, fifo):
        assert main(["export", str(DATA / "small.yaml"), "-o", str(target)]) == 1
        line = _one_clean_line(capsys.readouterr().err)
        assert line.startswith("reflexmap export: ") and "is not a regular file" in line
    assert folder.is_dir() and not any(folder.iterdir())  # nothing written into or over them


def test_an_unknown_view_is_quoted_on_one_line(tmp_path: Path, capsys):
    view = "plantar\x1b]0;pwned\x07\nleft"
    assert main(["export", str(DATA / "small.yaml"), "--view", view, "-o", str(tmp_path / "x.png")]) == 2
    line = _one_clean_line(capsys.readouterr().err)
    assert "no view 'plantar\\x1b]0;pwned\\x07\\nleft'" in line
    assert not (tmp_path / "x.png").exists()
