"""Draws the built-in chart's geometry and writes zones/ingham-western.yaml.

Run: python tools/build_default_chart.py

Reflexology charts are built from a foot outline, transverse guide lines (fractions of
foot length, FACTS.md §1) and bands along the edges; drawing zones as Shapely operations
on those keeps every zone inside the outline and consistent with the guide lines, which
hand-typed coordinates would not. The YAML it writes is the shipped, validated artefact.

Coordinates: millimetres, left foot seen from the sole, x to the viewer's right (so the
big toe, the medial side, is at +x), y from the heel (0) to the tip of the big toe.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chart_content import CHART_HEADER, GUIDES, SOURCES, ZONES  # noqa: E402

LENGTH = 260.0  # reference foot, heel to big-toe tip (FACTS.md §6: 250–270 mm)


def at(fraction: float) -> float:
    """y of a fraction of foot length from the heel."""
    return round(fraction * LENGTH, 1)


def catmull_rom(points: list[tuple[float, float]], samples: int = 8) -> list[tuple[float, float]]:
    """A closed centripetal Catmull-Rom curve through `points`: smooth, no overshoot."""
    pts = np.array(points, dtype=float)
    n = len(pts)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = pts[(i - 1) % n], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        t0 = 0.0
        t1 = t0 + np.linalg.norm(p1 - p0) ** 0.5
        t2 = t1 + np.linalg.norm(p2 - p1) ** 0.5
        t3 = t2 + np.linalg.norm(p3 - p2) ** 0.5
        for t in np.linspace(t1, t2, samples, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    return out


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    circle = Point(0, 0).buffer(1.0, quad_segs=16)
    return affinity.translate(affinity.rotate(affinity.scale(circle, rx, ry), angle), cx, cy)


def capsule(base: tuple[float, float], tip: tuple[float, float], radius: float) -> Polygon:
    """A toe seen from below: a rounded stadium from its base to its tip."""
    return LineString([base, tip]).buffer(radius, quad_segs=16)


def plantar_outline() -> tuple[Polygon, dict[str, Polygon]]:
    """The sole of a left foot, and each toe's own shape (for toe zones)."""
    # Around the sole, counter-clockwise from the heel: lateral edge (-x) is nearly straight
    # with the bump of the 5th metatarsal base near the waist; the medial edge (+x) dips at
    # the arch and swells at the big-toe joint (0.70-0.79 of length).
    body = Polygon(
        catmull_rom(
            [
                (0, 0),
                (17, 3),
                (27, 13),
                (31, 30),
                (29.5, 55),
                (27.5, 85),
                (30, 112),
                (37, 142),
                (45, 166),
                (48.5, 184),
                (47, 199),
                (33, 204),
                (18, 203),
                (3, 200),
                (-12, 195),
                (-26, 187),
                (-37.5, 177),
                (-42, 163),
                (-41, 145),
                (-38.5, 124),
                (-35.5, 100),
                (-33, 70),
                (-31.5, 42),
                (-28, 16),
                (-17, 3),
            ]
        )
    )
    toes = {
        "toe1": capsule((33.5, 205), (34.5, 243), 14.5),
        "toe2": capsule((10.5, 202), (11.2, 235), 7.2),
        "toe3": capsule((-6.0, 196), (-7.8, 225), 6.7),
        "toe4": capsule((-20.5, 189), (-23.0, 214), 6.2),
        "toe5": capsule((-33.0, 181), (-36.0, 200), 5.6),
    }
    foot = shapely.union_all([body, *toes.values()])
    # Close the webs between toes a little so they read as toes, not loose balloons.
    foot = foot.buffer(1.8, quad_segs=8).buffer(-1.8, quad_segs=8)
    assert isinstance(foot, Polygon), foot.geom_type
    tip = foot.bounds[3]
    foot = affinity.translate(foot, 0, -foot.bounds[1])
    scale = LENGTH / (tip - foot.bounds[1])
    foot = affinity.scale(foot, scale, scale, origin=(0, 0))
    toes = {
        k: affinity.scale(affinity.translate(t, 0, 0), scale, scale, origin=(0, 0)) for k, t in toes.items()
    }
    return clean(foot), {k: t.intersection(foot) for k, t in toes.items()}


def medial_band(foot: Polygon, y0: float, y1: float, width: float, inset: float = 1.2) -> Polygon:
    """The strip of the sole within `width` mm of the medial (+x) edge, between y0 and y1."""
    inner = foot.buffer(-inset)
    edge_points = []
    for y in np.arange(y0, y1 + 0.01, 2.0):
        row = inner.intersection(LineString([(-200, y), (200, y)]))
        if row.is_empty:
            continue
        edge_points.append((row.bounds[2], y))
    strip = Polygon(edge_points + [(x - width, y) for x, y in reversed(edge_points)]).buffer(0)
    return strip.intersection(inner).intersection(box(-200, y0, 200, y1))


def across(foot: Polygon, y0: float, y1: float, inset: float = 1.2) -> Polygon:
    """The full width of the sole between y0 and y1."""
    return foot.buffer(-inset).intersection(box(-200, y0, 200, y1))


def guide_line(foot: Polygon, y: float) -> list[tuple[float, float]]:
    row = foot.intersection(LineString([(-200, y), (200, y)]))
    return [(round(row.bounds[0], 1), y), (round(row.bounds[2], 1), y)]


def zone_shapes(foot: Polygon, toes: dict[str, Polygon]) -> dict[str, Polygon]:
    spine_w = 11.0
    big_toe = toes["toe1"].buffer(-1.2)
    shapes = {
        "head-brain": big_toe.intersection(box(-200, at(0.885), 200, 300)).difference(
            medial_band(foot, 0, LENGTH, spine_w)
        ),
        "neck": big_toe.intersection(box(-200, at(0.79), 200, at(0.865))).difference(
            medial_band(foot, 0, LENGTH, spine_w)
        ),
        "chest-lungs": across(foot, at(0.70), at(0.775)).difference(
            medial_band(foot, 0, LENGTH, spine_w + 1.5)
        ),
        "cervical-spine": medial_band(foot, at(0.78), at(0.95), spine_w),
        "thoracic-spine": medial_band(foot, at(0.40), at(0.75), spine_w),
        "lumbar-spine": medial_band(foot, at(0.25), at(0.40), spine_w),
        "sacrum": medial_band(foot, at(0.12), at(0.25), spine_w),
        "coccyx": medial_band(foot, 0, at(0.12), spine_w),
        "sciatic-nerve": across(foot, at(0.10), at(0.18)),
        "pelvis": across(foot, 0, at(0.275), inset=2.5),
    }
    return {name: clean(shape) for name, shape in shapes.items()}


def clean(shape) -> Polygon:
    """One valid polygon on a 0.1 mm grid: the main piece if an operation left slivers."""
    for step in (shapely.make_valid, lambda g: g.simplify(0.3), lambda g: shapely.set_precision(g, 0.1)):
        shape = step(shape)
        if not isinstance(shape, Polygon):
            shape = max(
                (g for g in getattr(shape, "geoms", []) if isinstance(g, Polygon)), key=lambda g: g.area
            )
    assert shape.is_valid and shape.area > 1, shape
    return shape


def fmt_ring(poly: Polygon, indent: str) -> str:
    coords = list(poly.exterior.coords)[:-1]
    items = [f"[{x:.1f}, {y:.1f}]" for x, y in coords]
    lines, line = [], ""
    for item in items:
        if len(line) + len(item) + 2 > 92:
            lines.append(line)
            line = ""
        line += ("" if not line else ", ") + item
    lines.append(line)
    return "[\n" + indent + "  " + (",\n" + indent + "  ").join(lines) + ",\n" + indent + "]"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    foot, toes = plantar_outline()
    shapes = zone_shapes(foot, toes)
    out = [CHART_HEADER.rstrip(), "", "sources:"]
    for s in SOURCES:
        out.append(f"  - id: {s['id']}")
        out.append(f"    title: {quoted(s['title'])}")
        if s.get("note"):
            out.append(f"    note: {quoted(s['note'])}")
    out += ["", "views:", "  - id: plantar-left", "    foot: left", "    aspect: plantar"]
    out.append("    outline: " + fmt_ring(foot, "    "))
    out.append("    guides:")
    for gid, name, fraction in GUIDES:
        (x0, y0), (x1, y1) = guide_line(foot, at(fraction))
        out.append(f"      - {{id: {gid}, name: {quoted(name)}, points: [[{x0}, {y0}], [{x1}, {y1}]]}}")
    out += ["  - id: plantar-right", "    foot: right", "    aspect: plantar", "    mirror_of: plantar-left"]
    out += ["", "zones:"]
    for zone in ZONES:
        out.append(f"  - id: {zone['id']}")
        for key in ("name", "region", "claim", "technique", "note"):
            if zone.get(key):
                value = zone[key] if key == "region" else quoted(zone[key])
                out.append(f"    {key}: {value}")
        out.append(f"    sources: [{', '.join(zone['sources'])}]")
        out.append(f"    confidence: {zone['confidence']}")
        out.append("    shapes:")
        out.append("      plantar-left: " + fmt_ring(shapes[zone["id"]], "      "))
        out.append("      plantar-right: mirror")
    target = Path(__file__).resolve().parent.parent / "zones" / "ingham-western.yaml"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {target}: outline {len(foot.exterior.coords) - 1} points, "
        f"{foot.bounds[2] - foot.bounds[0]:.1f} mm wide x {foot.bounds[3]:.1f} mm long, "
        f"{len(shapes)} zones"
    )


if __name__ == "__main__":
    main()
