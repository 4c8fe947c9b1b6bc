"""The zone list's colour squares are the region's colour on the paper of the theme in use, as
the map and its key show it (tryout: in the dark theme the rows kept the light theme's pale
colours, Cerebellum (122, 196, 238) in the list beside the key's Head (64, 124, 158))."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from reflexmap.render import palette


def _row_colour(window, zone_id: str) -> QColor:
    """The middle pixel of the row's colour square, as the list draws it (not selected)."""
    icon = window.zones.items[zone_id].data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    image = icon.pixmap(16, 16, QIcon.Mode.Normal).toImage()
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


@pytest.mark.parametrize("theme", ["dark", "high-contrast", "light"])
def test_row_swatches_follow_the_theme_chosen_from_the_menu(qtbot, window, theme):
    window.settings_menu.theme_actions[theme].trigger()
    qtbot.wait(50)
    zone = window.state.atlas.zone("cerebellum-brainstem")
    paper = QColor(palette.current.paper)
    fill = palette.fill(zone.region, 200)
    alpha = fill.alphaF()
    shown = _row_colour(window, "cerebellum-brainstem")
    for got, colour, under in (
        (shown.red(), fill.red(), paper.red()),
        (shown.green(), fill.green(), paper.green()),
        (shown.blue(), fill.blue(), paper.blue()),
    ):
        assert abs(got - (alpha * colour + (1 - alpha) * under)) <= 2, (theme, shown.getRgb())
    if palette.current.dark:
        assert shown.lightness() < 140, shown.getRgb()  # not the light theme's pale square


def test_switching_back_to_light_gives_the_light_squares_again(qtbot, window):
    themes = window.settings_menu.theme_actions
    themes["light"].trigger()
    qtbot.wait(50)
    light = _row_colour(window, "bladder").getRgb()
    themes["dark"].trigger()
    qtbot.wait(50)
    assert _row_colour(window, "bladder").getRgb() != light
    themes["light"].trigger()
    qtbot.wait(50)
    assert _row_colour(window, "bladder").getRgb() == light
