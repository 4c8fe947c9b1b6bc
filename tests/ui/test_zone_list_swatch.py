"""S14-14 (a): a zone's colour swatch in the zone list keeps its region's colour on the
selected row. Before, Qt drew the selected row's icon tinted by the selection: the Nerves
orange turned grey-brown, the Spine blue sank into the selection's blue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from reflexmap.ui.zone_list import ZONE_ID_ROLE


def _swatch_pixel(view, index):
    """The colour at the middle of the row's icon, as it is on the screen."""
    rect = view.visualRect(index)
    side = view.iconSize().width() if view.iconSize().isValid() else 16
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x, y = rect.left() + 4 + side // 2, rect.center().y()
    return image.pixelColor(int(x * ratio), int(y * ratio))


@pytest.mark.parametrize("zone", ["sciatic-nerve", "thoracic-spine"])  # Nerves, Spine
def test_a_selected_rows_swatch_keeps_its_region_colour(qtbot, make_window, zone):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    view = window.zones.list
    model = view.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    (index,) = [i for i in rows if i.data(ZONE_ID_ROLE) == zone]
    view.scrollTo(index)
    before = _swatch_pixel(view, index)
    rect = view.visualRect(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y())
    )
    assert view.selectionModel().isSelected(index)
    after = _swatch_pixel(view, index)
    diff = max(
        abs(before.red() - after.red()),
        abs(before.green() - after.green()),
        abs(before.blue() - after.blue()),
    )
    assert diff <= 3, (zone, before.name(), after.name())


def _swatch_row_pixels(view, index):
    """The colours across the row's icon, left to right through its middle."""
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    y = rect.center().y()
    return [image.pixelColor(int(x * ratio), int(y * ratio)) for x in range(rect.left(), rect.left() + 30)]


def test_a_selected_rows_swatch_stands_apart_from_the_selection(qtbot, make_window):
    """Spine's blue on the selection's blue showed only as a dark frame (S14-14, left open):
    on a selected row a white band runs inside the swatch's frame, between the selection and
    the region's colour; an unselected row's swatch has none (the key's look)."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    view = window.zones.list
    model = view.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    (index,) = [i for i in rows if i.data(ZONE_ID_ROLE) == "thoracic-spine"]
    view.scrollTo(index)

    def white(colour):
        return min(colour.red(), colour.green(), colour.blue()) >= 235

    assert not any(white(c) for c in _swatch_row_pixels(view, index)[6:22])  # the swatch, unselected
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selectionModel().isSelected(index)
    across = _swatch_row_pixels(view, index)
    band = [k for k, c in enumerate(across) if white(c)]
    assert band, [c.name() for c in across]
    assert band[0] > 0 and not white(across[0])  # inside the row's selection, not its edge
