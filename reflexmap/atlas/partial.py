"""Partial charts: charts that add a few placements to a main chart rather than stand alone.

A school's chart of "where we draw it differently" has a handful of zones on some views; shown
alone it looks like a broken chart. Detected, it is drawn over the main chart's outlines with
the main chart's zones in grey, and the app says what it adds. Detection is by content, never
by file name: a chart is partial to a main chart when every one of its views is one of the
main chart's views (same ids) drawn as the same feet (outlines of the same extent: a chart that
reuses the ids for feet of its own is a chart of its own, else the main chart's grey feet would
be laid out at its feet's size and overlap), and it draws fewer aspects, or at most half as
many zones, some of which the main chart has too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Atlas, Ring


def is_partial(chart: Atlas, main: Atlas) -> bool:
    if chart.id == main.id or not chart.views:
        return False
    if not {v.id for v in chart.views} <= {v.id for v in main.views}:
        return False
    mains = {v.id: v for v in main.views}
    if not all(_same_extent(v.outline, mains[v.id].outline) for v in chart.views):
        return False
    if set(chart.aspects()) < set(main.aspects()):
        return True
    # Every view, few zones: partial only when some of them are the main chart's zones drawn
    # its own way. A chart of one's own begun from the main chart's outlines (File → New
    # chart, outlines only) has no zones yet, or zones of its own: the main chart's zones in
    # grey under it, vanishing once it had half as many, would be another chart shown as its base.
    return 2 * len(chart.zones) <= len(main.zones) and any(main.has_zone(z.id) for z in chart.zones)


def _same_extent(outline: Ring, other: Ring) -> bool:
    """Whether two outlines span the same box, within 2 % of its size (at least 2 mm)."""
    if not outline or not other:
        return False
    boxes = [
        (min(x for x, _ in ring), min(y for _, y in ring), max(x for x, _ in ring), max(y for _, y in ring))
        for ring in (outline, other)
    ]
    size = max(boxes[1][2] - boxes[1][0], boxes[1][3] - boxes[1][1])
    tolerance = max(2.0, 0.02 * size)
    return all(abs(a - b) <= tolerance for a, b in zip(*boxes, strict=True))


@dataclass(frozen=True, slots=True)
class Additions:
    """What a partial chart adds to the main one, by zone id."""

    different: tuple[str, ...]  # zones the main chart has too, placed by this chart its own way
    new: tuple[str, ...]  # zones the main chart does not have
    aspects: tuple[str, ...]  # the views (aspects) the partial chart draws


def additions(chart: Atlas, main: Atlas) -> Additions:
    different = tuple(z.id for z in chart.zones if main.has_zone(z.id))
    new = tuple(z.id for z in chart.zones if not main.has_zone(z.id))
    return Additions(different, new, chart.aspects())
