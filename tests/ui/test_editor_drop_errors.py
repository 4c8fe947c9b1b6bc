# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A bug in the redraw of a dropped zone is seen, not hidden: the map used to catch every
exception of ChartScene.update_zones and draw the whole chart afresh instead, which hid a
TypeError raised on every drop of the built-in chart for a morning (only the time told)."""

from __future__ import annotations

from unittest import mock

from PySide6.QtCore import Qt

from reflexmap.render.chart_scene import ChartScene

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)


def test_an_error_while_redrawing_a_dropped_zone_surfaces(qtbot, editing):
    window = editing

    def broken(self, *args, **kwargs):
        raise RuntimeError("a bug in the redraw of one view")

    rebuilt = []
    window.map.rebuilt.connect(lambda: rebuilt.append(True))
    with (
        mock.patch.object(ChartScene, "_redraw_frame", broken),
        qtbot.capture_exceptions() as raised,
    ):
        drag(qtbot, window, "plantar-left", (18, 30), (15, 36), modifier=Qt.KeyboardModifier.AltModifier)
    assert [type(e[1]) for e in raised] == [RuntimeError], raised
    assert "a bug in the redraw" in str(raised[0][1])
    assert not rebuilt, "no whole chart drawn instead, as if nothing had happened"
