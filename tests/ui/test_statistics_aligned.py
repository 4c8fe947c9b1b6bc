"""Quiz → Statistics… with a month of answers: the reviews per day and the retention per day
stand one above the other with their plots' edges as one, so a date under the one is the same
date under the other (the retention's axis, "100 %", took more room than the reviews' "4": the
two sets of the same dates stood apart by that, and in two different columns of the window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from .test_statistics_columns import LANGUAGES_AND_SIZES, open_statistics


def _gridlines(chart, dialog) -> tuple[int, int]:
    """Where the chart's horizontal grid lines begin and end, in the window's pixels: the
    long runs of one grey in the painted chart (text and columns make no run that long)."""
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, stride = image.width(), image.bytesPerLine()
    data = bytes(image.constBits())
    ground = data[stride * (image.height() - 1) + 4 : stride * (image.height() - 1) + 8]
    starts, ends = [], []
    for y in range(image.height()):
        row = [data[y * stride + 4 * x : y * stride + 4 * x + 4] for x in range(width)]
        x = 0
        while x < width:
            end = x
            while end + 1 < width and row[end + 1] == row[x]:
                end += 1
            blue, green, red = row[x][:3]
            if red == green == blue and row[x] != ground and end - x >= 60:
                starts.append(x)
                ends.append(end)
            x = end + 1
    assert starts, "no grid line found"
    offset = chart.mapTo(dialog, chart.rect().topLeft()).x()
    return offset + min(starts), offset + max(ends)


@pytest.mark.parametrize(("language", "size"), **LANGUAGES_AND_SIZES)
def test_the_dates_of_reviews_and_retention_stand_one_above_the_other(
    qtbot, make_window, tmp_path: Path, language, size
):
    dialog = open_statistics(qtbot, make_window, tmp_path, language, size)
    reviews, retention = dialog.charts["reviews"], dialog.charts["retention"]
    top = reviews.mapTo(dialog, reviews.rect().topLeft())
    below = retention.mapTo(dialog, retention.rect().topLeft())
    assert top.x() == below.x() and top.y() + reviews.height() <= below.y(), (top, below)
    assert _gridlines(reviews, dialog) == _gridlines(retention, dialog)
    dialog.close()
