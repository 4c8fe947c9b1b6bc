"""Fine points kept (S15-7): a chart whose coordinates are finer than the editor's grid (a
thousandth of a millimetre, as tools and other editors write them) keeps them where the
author did not move them. Saved unchanged it keeps every byte; a vertex dragged is written
where it was dropped, and its neighbours in the same list as the file had them (they were
rounded: [2.0456, 30.0004] written [2.046, 30] by a drag of another corner)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA, drag

FINE = "plantar-left: [[-18.1234, 2.0456], [18.00004, 2.001], [18, 30], [-17.98765, 30.0004]]"


def fine_chart(tmp_path: Path) -> tuple[Path, str]:
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace("plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]", FINE)
    assert FINE in text
    path = tmp_path / "fine.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path, text


def heel_line(path: Path) -> str:
    return next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "[[-1" in line)


def test_fine_points_are_kept_where_the_author_did_not_move_them(qtbot, make_window, tmp_path):
    path, text = fine_chart(tmp_path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    window.save_action.trigger()  # nothing changed: every byte kept
    assert path.read_bytes() == text.encode("utf-8")
    drag(qtbot, window, "plantar-left", (18, 30), (14, 34))  # the third corner
    qtbot.keyClick(window.map, Qt.Key.Key_Left)  # and nudged
    window.editor.tool.commit_nudge()
    window.save_action.trigger()
    line = heel_line(path)
    assert line.startswith("plantar-left: [[-18.1234, 2.0456], [18.00004, 2.001], [1"), line
    assert line.endswith("], [-17.98765, 30.0004]]"), line
    moved = load_atlas(path).zone("heel").shapes["plantar-left"][0][2]
    assert abs(moved[0] - 13.5) < 0.6 and abs(moved[1] - 34) < 0.6
    assert moved[0] == round(moved[0], 3)  # where it was dropped, on the grid
