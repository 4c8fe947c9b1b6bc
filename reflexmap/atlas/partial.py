"""Partial charts: charts that add a few placements to a main chart rather than stand alone.

A school's chart of "where we draw it differently" has a handful of zones on some views; shown
alone it looks like a broken chart. Detected, it is drawn over the main chart's outlines with
the main chart's zones in grey, and the app says what it adds. Detection is by content, never
by file name: a chart is partial to a main chart when every one of its views is one of the
main chart's views (same ids, so both draw the same feet), and it draws fewer aspects, or at
most half as many zones.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Atlas


def is_partial(chart: Atlas, main: Atlas) -> bool:
    if chart.id == main.id or not chart.views:
        return False
    if not {v.id for v in chart.views} <= {v.id for v in main.views}:
        return False
    return set(chart.aspects()) < set(main.aspects()) or 2 * len(chart.zones) <= len(main.zones)


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
