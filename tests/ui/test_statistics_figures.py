"""The figures on the columns of a day chart (Statistics window): flat over their column where
they stand clear of their neighbours, upright only where they would run into one. Before: a
lone "0%" among thirty narrow days stood upright on the axis (read as part of it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from reflexmap.ui.bar_chart import BAR, BarChart

DAYS = [f"Nov {d}" for d in range(1, 31)]


def _ink_boxes(qtbot, values: list[float | None], reach: int = 25) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) of the dark pixels above each column's top, `reach` pixels
    either side of its centre, per column drawn."""
    chart = BarChart("Retention", DAYS, values, percent=True, every=5, from_end=True)
    qtbot.addWidget(chart)
    chart.resize(480, 320)
    chart.show()
    qtbot.waitExposed(chart)
    image: QImage = chart.grab().toImage()
    blue = {
        (x, y) for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y) == BAR
    }
    boxes = []
    for column in _runs(sorted({x for x, _y in blue})):
        left, right = column
        top = min(y for x, y in blue if left <= x <= right)
        centre = (left + right) // 2
        dark = [
            (x, y)
            for x in range(max(0, centre - reach), min(image.width(), centre + reach + 1))
            for y in range(0, top)
            if _dark(image.pixelColor(x, y)) and y > 40  # under the title
        ]
        xs, ys = [x for x, _y in dark], [y for _x, y in dark]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _dark(colour: QColor) -> bool:
    return colour.red() < 90 and colour.green() < 90 and colour.blue() < 90


def _runs(xs: list[int]) -> list[tuple[int, int]]:
    runs = [[xs[0], xs[0]]]
    for x in xs[1:]:
        if x == runs[-1][1] + 1:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return [tuple(r) for r in runs]


def test_a_lone_figure_lies_flat_over_its_narrow_column(qtbot):
    (box,) = _ink_boxes(qtbot, [None] * 29 + [0.0])  # one day of reviews, none right
    left, top, right, bottom = box
    assert right - left > bottom - top  # "0%" read across, not upright along the axis


def test_crowded_figures_stand_upright(qtbot):
    boxes = _ink_boxes(qtbot, [0.5] * 30, reach=3)  # a column's middle: its own figure only
    assert len(boxes) == 30
    assert all(bottom - top > 2 * (right - left) for left, top, right, bottom in boxes)


def test_a_grid_line_does_not_run_through_a_figure(qtbot):
    """A figure standing past a grid line is drawn on the paper (tryout: "11" upright under
    the top line, 12, which ran through it); the columns beside it keep their colour."""
    counts = [11, 3, None, None, None, None, None, 2] + [None] * 23
    chart = BarChart("Cards due today and in the next 30 days", [str(d) for d in range(31)], counts, every=5)
    qtbot.addWidget(chart)
    chart.resize(330, 260)
    chart.show()
    qtbot.waitExposed(chart)
    image: QImage = chart.grab().toImage()
    blue = sorted(
        {x for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y) == BAR}
    )
    first = _runs(blue)[0]
    centre = (first[0] + first[1]) // 2
    right = image.width() * 2 // 3  # between columns, where only the grid lines are drawn
    paper = image.pixelColor(right, 30)
    lines = [y for y in range(40, image.height()) if image.pixelColor(right, y) != paper]
    top_line = lines[0]
    grey = image.pixelColor(right, top_line)
    crossed = [x for x in range(centre - 5, centre + 6) if image.pixelColor(x, top_line) == grey]
    assert len(crossed) <= 2, (top_line, crossed)
    # the 11's column is whole under the figure of 3 beside it
    second = _runs(blue)[1]
    assert first[1] + 1 < second[0]
    column = [y for y in range(image.height()) if image.pixelColor(centre, y) == BAR]
    assert column == list(range(column[0], column[-1] + 1))
