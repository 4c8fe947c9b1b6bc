"""Compare → Overlaid: the key and the caveat under the chart speak of both charts. Before, the
key listed the filled chart's regions alone, and the caveat named its tradition alone, while
the other chart's zones were drawn over it, dashed and hatched (tryout)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem

from .test_compare_choices import opened


def _texts(items) -> list[str]:
    return [item.text() for item in items if hasattr(item, "text")]


def _caveat(view) -> str:
    return " ".join(_texts(view.chart.key.caveat))


def test_overlaid_the_key_shows_the_dashed_chart_and_the_caveat_both_traditions(qtbot, window):
    dialog = opened(qtbot, window)
    assert dialog.mode.currentData() == "side"
    dialog.mode.setFocus()
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)  # Show: Overlaid, chosen from the keyboard
    qtbot.wait(20)
    assert dialog.mode.currentData() == "overlay"
    view, a, b = dialog.left, dialog.a, dialog.b
    said = f"{dialog.name_b} (dashed)"
    assert said in _texts(view.chart.key.swatches), _texts(view.chart.key.swatches)
    caveat = _caveat(view)
    assert f"Traditions: {a.tradition} (filled) and {b.tradition} (dashed)." in caveat, caveat
    assert "The evidence that working them helps any condition is weak." in caveat
    # the sample is drawn as the other chart's zones are: hatched, dashed
    sample = next(
        i
        for i in view.chart.key.swatches
        if isinstance(i, QGraphicsRectItem) and i.brush().style() == Qt.BrushStyle.FDiagPattern
    )
    zone = next(iter(dialog.overlay_items.values()))
    assert sample.brush().color() == zone.brush().color() and sample.pen().style() == zone.pen().style()
    assert sample.pen().style() == Qt.PenStyle.CustomDashLine
    # the key is whole in the chart's drawing
    assert view.chart.itemsBoundingRect().contains(sample.sceneBoundingRect())

    qtbot.keyClick(dialog.mode, Qt.Key.Key_Up)  # back to side by side: each chart its own key
    qtbot.wait(20)
    assert dialog.mode.currentData() == "side"
    for pane, chart in ((dialog.left, a), (dialog.right, b)):
        assert not any(t.endswith("(dashed)") for t in _texts(pane.chart.key.swatches))
        caveat = _caveat(pane)
        assert f"Tradition: {chart.tradition}." in caveat and "Traditions:" not in caveat, caveat
    dialog.close()


def test_the_table_lists_a_zones_left_foot_before_its_right_in_every_view(qtbot, window):
    """Compare, Lateral: "Shoulder — right foot" came before "left foot" for the zones one
    chart alone has (listed in the order the file gives its shapes), the other way round from
    the zones both have (tryout). Each zone's rows now go left foot, then right."""
    dialog = opened(qtbot, window)
    for index in range(dialog.aspect.count()):
        dialog.aspect.setCurrentIndex(index)  # (the View box)
        qtbot.wait(20)
        rows = dialog.rows()
        assert rows
        for zone in {r[0] for r in rows}:
            feet = [r[1].split(",")[0] for r in rows if r[0] == zone]
            assert feet == sorted(feet, key=lambda f: 0 if f == "left foot" else 1), (zone, feet)
    dialog.close()
