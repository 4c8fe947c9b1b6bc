"""What the modules of `ChartScene` (render/chart_scene*.py) share: the chart's distances and
sizes in millimetres, a drawn label, and small helpers on zones, guides and paths."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas, View
from ..layout.text_sizes import GUIDE_SHARE, LABEL_MM
from ..vocab import REGION_COLOURS

# A zone's name beside the foot: longer names end in "…" (the card shows all). The bound grows
# with the type (presenter mode's larger labels must not cut "Inner ear and equilibrium").
MAX_LABEL_MM = 70.0
GUIDE_CLEARANCE_MM = 0.4  # a guide line's name keeps this far from leaders, labels and lines
GUIDE_NAMES_APART_MM = 1.6  # and this far (beside) from another guide's name …
GUIDE_NAMES_APART_LINES = 0.6  # … or this many of its lines (above or below it)
# A guide's name where the foot is crowded: at its size, else down to 85 % and 70 % of it
GUIDE_SIZES = (1.0, 0.85, 0.7, 0.6)
COMMON_GUIDE_STEP = 1  # a view's names are set at one size down to GUIDE_SIZES[this] (see _guide_name_places)
MAX_LABEL_EMS = 16.0  # in label heights: about 30 characters at any size
GUIDE_LABEL_MM = GUIDE_SHARE * LABEL_MM  # a guide line's name at the usual text size
PRESENTER_DIMMED = 0.18  # opacity of the zones a presenter's spotlight leaves out
OUTER_LEAD_MM = 17.0  # between a foot's outer edge and its label column: guide names sit here
INNER_LEAD_MM = 9.0  # between the two feet's inner edges and their label columns
COLUMN_SEP_MM = 12.0
SOLE_BAND_MM = 24.0  # on side views, zones this close to the sole are labelled below it
BELOW_ROW_MM = 14.0


LEADER_GAP_MM = 1.2  # between a column's label and the start of its leader
LEADER_STUB_MM = 6.0  # the leader's level start, from the label's end to its bend


class ZoneLabel(NamedTuple):  # (a dataclass took 1 M instructions of every start to make)
    text: QGraphicsSimpleTextItem
    leader: QGraphicsPathItem
    dot: QGraphicsEllipseItem
    side: str = ""  # "left" or "right": the column it stands in ("": a row under the sole)
    points: tuple[QPointF, ...] = ()  # its leader's bends, as drawn for the regular weight
    home: QPointF | None = None  # where its text stands in the regular weight


def _key_regions(atlas: Atlas, views: list[View]) -> list[str]:
    """The regions the key lists: those of the zones drawn in `views`, in the palette's order."""
    regions = []
    for view in views:
        for zone in atlas.zones_in(view.id):
            if zone.region not in regions:
                regions.append(zone.region)
    return sorted(regions, key=list(REGION_COLOURS).index)


def _drawn(atlas: Atlas, view_id: str) -> list:
    """The zones of a view in the order they are drawn: larger first, smaller on top."""
    return sorted(atlas.zones_in(view_id), key=lambda z: -atlas.index.area(view_id, z.id))


def _short(guide) -> str:
    """A guide line's name as drawn on the map ("Diaphragm line (approximate)": "Diaphragm")."""
    return guide.name.split(" (")[0].replace(" line", "")


def _has_view(atlas: Atlas, view_id: str) -> bool:
    return any(v.id == view_id for v in atlas.views)


OUTLINE_ROLE = 0  # item data key: True on a foot's outline item


def _path_lines(item: QGraphicsPathItem) -> list[list[tuple[float, float]]]:
    """A path item's polylines in scene coordinates (a leader's bends)."""
    found = []
    for polygon in item.path().toSubpathPolygons():
        points = [item.mapToScene(p) for p in polygon]
        found.append([(p.x(), p.y()) for p in points])
    return found


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _line(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.lineTo(b)
    return path
