"""One zone name in a script of a taller fallback font (or control characters that fall back
to one on a real X display) made EVERY row of the Zones list taller (finding S19-9: 26 -> 33
px, 6 rows shown instead of 8): the plain list's rows keep one line of the list's font."""

from __future__ import annotations

import pytest

from reflexmap import load_atlas

ODD_NAMES = [
    "\u0f40\u0f0b\u0f41\u0f0b",  # Tibetan: a fallback font with a line twice as tall
    "A\u202eB\u2066C <b>x</b>",  # an override, an isolate and HTML-like text (the tryout's)
    "\U00012000 cuneiform",
]


def chart_with_name(data_dir, tmp_path, name: str):
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Band"', f'name: "{name}"', 1)
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    return load_atlas(path)


def row_heights(window) -> list[int]:
    view = window.zones.list
    return [view.visualRect(view.model().index(row, 0)).height() for row in range(view.model().rowCount())]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_one_odd_name_leaves_every_row_its_height(qtbot, make_window, data_dir, tmp_path, name):
    plain = make_window(load_atlas(data_dir / "small.yaml"))
    plain.state.set_aspect("plantar")
    qtbot.wait(20)
    usual = row_heights(plain)
    odd = make_window(chart_with_name(data_dir, tmp_path, name))
    odd.state.set_aspect("plantar")
    qtbot.wait(20)
    heights = row_heights(odd)
    assert len(heights) == len(usual) >= 3
    assert set(heights) == set(usual) and len(set(usual)) == 1, (heights, usual)
