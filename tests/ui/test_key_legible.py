"""The key and the caveat under the feet read as well as the guide names (issue 16, gap 2): in
the usual 1440×900 window at Normal text they were about 9 px tall beside 11 px guide names.
They grow into the paper the chart leaves empty under it, so the feet keep their size: the
chart stays held by the window's width."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem

KEY_PX = 11.0 * 0.98  # the guide names' minimum on screen (layout/text_sizes.py MINOR_FLOOR)


@pytest.mark.parametrize("language", ["en", "de"])
def test_key_and_caveat_as_large_as_guide_names_without_shrinking_the_feet(qtbot, window_in, language):
    window = window_in(language, size=(1440, 900))
    chart = window.map.chart
    scale = window.map.pixels_per_mm()
    key = [i for i in chart.key.swatches + chart.key.caveat if isinstance(i, QGraphicsSimpleTextItem)]
    sizes = {i.text(): i.font().pixelSize() * i.scale() * scale for i in key}
    assert min(sizes.values()) >= KEY_PX, sizes
    names = [i for i in chart.guide_names if isinstance(i, QGraphicsSimpleTextItem)]
    assert min(sizes.values()) >= 0.98 * min(n.font().pixelSize() * n.scale() * scale for n in names)
    # held by its width, as before: the key's rows took only the empty paper under the chart
    port = window.map.viewport()
    assert chart.chart_rect.width() * scale >= port.width() - 6, (
        chart.chart_rect.width() * scale,
        port.width(),
    )
    assert chart.chart_rect.height() * scale <= port.height()
