"""Where two charts disagree: the same zone id placed differently, or drawn by one only.

Both charts must use the same reference foot for their view ids (the built-in charts do):
the overlap of a zone's shapes is measured as intersection over union (IoU) per view, from
1 (drawn identically) to 0 (no overlap, or drawn in that view by one chart only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import to_shapely
from .model import Atlas


@dataclass(frozen=True, slots=True)
class ZoneAgreement:
    zone_id: str
    name: str
    iou: dict[str, float]  # view id -> intersection over union, in views either chart draws it
    # view id -> which chart alone draws the zone there (0: the first, 1: the second); its iou
    # is 0 without the zone being drawn twice: no overlap figure to show for it
    alone: dict[str, int] = field(default_factory=dict)

    @property
    def worst(self) -> float:
        return min(self.iou.values()) if self.iou else 0.0


@dataclass(frozen=True, slots=True)
class Comparison:
    both: tuple[ZoneAgreement, ...]  # zones in both charts, most disagreement first
    only_a: tuple[str, ...]  # zone ids only the first chart has
    only_b: tuple[str, ...]

    def agreement(self, zone_id: str) -> ZoneAgreement | None:
        return next((z for z in self.both if z.zone_id == zone_id), None)


def iou(a, b) -> float:
    """Intersection over union of two Shapely geometries (0 when either is empty)."""
    import shapely

    try:
        union = a.union(b).area
        return a.intersection(b).area / union if union > 0 else 0.0
    except shapely.errors.GEOSException:  # invalid input (never from a checked chart)
        a, b = shapely.make_valid(a), shapely.make_valid(b)
        union = a.union(b).area
        return a.intersection(b).area / union if union > 0 else 0.0


def compare(a: Atlas, b: Atlas) -> Comparison:
    ids_b = {z.id for z in b.zones}
    ids_a = {z.id for z in a.zones}
    agreements = []
    for zone in a.zones:
        if zone.id not in ids_b:
            continue
        other = b.zone(zone.id)
        scores, alone = {}, {}
        for view_id in sorted(set(zone.shapes) | set(other.shapes)):
            if view_id in zone.shapes and view_id in other.shapes:
                scores[view_id] = iou(to_shapely(zone.shapes[view_id]), to_shapely(other.shapes[view_id]))
            else:
                scores[view_id] = 0.0  # drawn in this view by one chart only
                alone[view_id] = 0 if view_id in zone.shapes else 1
        agreements.append(ZoneAgreement(zone.id, zone.name, scores, alone))
    agreements.sort(key=lambda z: (z.worst, z.zone_id))
    return Comparison(
        both=tuple(agreements),
        only_a=tuple(z.id for z in a.zones if z.id not in ids_b),
        only_b=tuple(z.id for z in b.zones if z.id not in ids_a),
    )
