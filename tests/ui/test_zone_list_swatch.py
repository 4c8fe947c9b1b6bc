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
