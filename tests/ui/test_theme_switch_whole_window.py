"""Settings → Theme → High contrast chosen from the light theme recolours the whole window
at once (tryout S13-5: the map turned black, but the panels stayed white, and the zone card
drew its headings white on white and the evidence and sciatica links cyan on white; Dark →
High contrast was right)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from reflexmap.render import palette


def _light_share(widget) -> float:
    """The share of the widget's pixels that are near white, as drawn now."""
    image = widget.grab().toImage()
    step = 4
    seen = light = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen += 1
            light += QColor(image.pixel(x, y)).lightness() > 200
    return light / max(seen, 1)


@pytest.mark.parametrize("before", ["light", "system", "dark"])
def test_high_contrast_from_any_theme_darkens_the_panels_and_the_card(qtbot, window, before):
    themes = window.settings_menu.theme_actions
    themes[before].trigger()
    window.state.select("kidneys")
    qtbot.wait(50)
    themes["high-contrast"].trigger()
    qtbot.wait(50)
    assert palette.current is palette.HIGH_CONTRAST
    for widget in (window.info, window.zones.list, window.zones.search):
        assert widget.palette().base().color().name() == "#000000", widget
        assert _light_share(widget) < 0.5, widget  # drawn dark (white borders and text only)
    assert "What the evidence says" in window.info.toPlainText()
