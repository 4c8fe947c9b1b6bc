"""Drafts zone shapes and guide lines for a chart and PRINTS them as YAML to paste.

The zone files in zones/ are the source of the built-in charts and are edited by hand;
this helper never writes them. It draws shapes as Shapely operations on the reference foot
outlines (tools/foot_shapes.py) and the transverse guide lines (fractions of foot length,
FACTS.md §1), which keeps a drafted zone inside its outline and consistent with the guide
lines. Paste what it prints into the zone file, then adjust by hand if you like.

    python tools/draft_shapes.py western ZONE_ID...     # `shapes:` blocks of Western zones
    python tools/draft_shapes.py variants ZONE_ID...    # the same for the alternative chart
    python tools/draft_shapes.py guides                  # the views' guide lines
    python tools/draft_shapes.py outline ASPECT          # plantar, medial, lateral or dorsal
    python tools/draft_shapes.py western --list          # the zone ids it can draft

Frames (see foot_shapes.py): plantar and dorsal views are drawn for the left foot, the
medial view for the left foot and the lateral view for the right foot; the other foot of
each is declared a mirror. A zone on one foot only, or different per foot, gets its own
polygon in the other view instead of `mirror`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box

sys.path.insert(0, str(Path(__file__).resolve().parent))
import foot_shapes as fs  # noqa: E402
from foot_shapes import LENGTH, at, clean  # noqa: E402

SPINE_WIDTH = 11.0
INSET = 1.2

# (view, drawn as, mirrored by)
VIEWS = [
    ("plantar-left", "left", "plantar", None),
    ("plantar-right", "right", "plantar", "plantar-left"),
    ("medial-left", "left", "medial", None),
    ("medial-right", "right", "medial", "medial-left"),
    ("lateral-left", "left", "lateral", "lateral-right"),
    ("lateral-right", "right", "lateral", None),
    ("dorsal-left", "left", "dorsal", None),
    ("dorsal-right", "right", "dorsal", "dorsal-left"),
]
TRANSVERSE = [  # (id, name, fraction of length from the heel): FACTS.md §1, middle of each range
    ("shoulder-line", "Shoulder line", 0.825),
    ("diaphragm-line", "Diaphragm line", 0.70),
    ("waistline", "Waistline", 0.475),
    ("heel-line", "Pelvic / heel line", 0.275),
    ("sciatic-line", "Sciatic line", 0.14),
]


# --- building blocks ---------------------------------------------------------------
def rows(shape: Polygon, y0: float, y1: float, step: float = 2.0):
    """(y, left x, right x) of horizontal slices through `shape`."""
    for y in np.arange(y0, y1 + 0.01, step):
        row = shape.intersection(LineString([(-300, y), (300, y)]))
        if not row.is_empty:
            yield y, row.bounds[0], row.bounds[2]


def columns(shape: Polygon, x0: float, x1: float, step: float = 2.0):
    """(x, bottom y, top y) of vertical slices through `shape`."""
    for x in np.arange(x0, x1 + 0.01, step):
        column = shape.intersection(LineString([(x, -300), (x, 300)]))
        if not column.is_empty:
            yield x, column.bounds[1], column.bounds[3]


def medial_band(foot: Polygon, y0: float, y1: float, width: float = SPINE_WIDTH) -> Polygon:
    """On a sole: the strip within `width` mm of the inner (+x) edge, between y0 and y1."""
    inner = foot.buffer(-INSET)
    edge = [(right, y) for y, _, right in rows(inner, y0, y1)]
    strip = Polygon(edge + [(x - width, y) for x, y in reversed(edge)]).buffer(0)
    return strip.intersection(inner).intersection(box(-300, y0, 300, y1))


def sole_band(side: Polygon, x0: float, x1: float, low: float, high: float) -> Polygon:
    """On a side view: the strip from `low` to `high` mm above the sole, between x0 and x1."""
    inner = side.buffer(-INSET)
    bottom = [(x, y + low) for x, y, _ in columns(inner, x0, x1)]
    top = [(x, y + high) for x, y, _ in columns(inner, x0, x1)]
    return (
        Polygon(bottom + list(reversed(top)))
        .buffer(0)
        .intersection(inner)
        .intersection(box(x0, -300, x1, 300))
    )


def behind_ankle(side: Polygon, y0: float, y1: float, near: float, far: float) -> Polygon:
    """On a side view: a strip following the back edge (heel, Achilles) from y0 to y1."""
    inner = side.buffer(-INSET)
    edge = [(left, y) for y, left, _ in rows(inner, y0, y1)]
    strip = Polygon([(x + near, y) for x, y in edge] + [(x + far, y) for x, y in reversed(edge)]).buffer(0)
    return strip.intersection(inner)


def across(shape: Polygon, y0: float, y1: float, inset: float = INSET) -> Polygon:
    return shape.buffer(-inset).intersection(box(-300, y0, 300, y1))


def crescent(shape: Polygon, centre, inner: float, outer: float, below: float) -> Polygon:
    ring = shapely.Point(centre).buffer(outer).difference(shapely.Point(centre).buffer(inner))
    return ring.intersection(box(-300, -300, 300, centre[1] + below)).intersection(shape.buffer(-INSET))


# --- the charts ----------------------------------------------------------------------
def western_shapes() -> dict[str, dict[str, object]]:
    """zone id -> view id -> Polygon, MultiPolygon, or "mirror"."""
    sole, toes = fs.plantar()
    medial, lateral, top = fs.medial(), fs.lateral(), fs.dorsal()
    spine = medial_band(sole, 0, LENGTH)
    spine_wide = medial_band(sole, 0, LENGTH, SPINE_WIDTH + 1.5)
    big_toe = toes["toe1"].buffer(-INSET)
    edge_x = {round(y): right for y, _, right in rows(sole.buffer(-INSET), 0, LENGTH, 1.0)}

    def sinus(toe: Polygon) -> Polygon:
        _, low, _, high = toe.bounds
        return toe.buffer(-INSET).intersection(box(-300, (low + high) / 2 + 2, 300, 300))

    # the outer ball at the little toe's joint, which sits lower than the big toe's
    shoulder = across(sole, at(0.64), at(0.69)).intersection(box(-300, 0, -26, 300))
    # the ball ends where the toes begin, lower on the outer side
    below_toes = Polygon([(-60, 150), (60, 150), (60, 203), (0, 198.5), (-20, 193), (-34, 186.5), (-60, 184)])
    stomach_left = box(-2, at(0.56), 28, at(0.665)).intersection(sole.buffer(-INSET)).difference(spine_wide)
    stomach_right = box(10, at(0.58), 28, at(0.655)).intersection(sole.buffer(-INSET)).difference(spine_wide)
    y_bladder = at(0.305)
    bladder = fs.ellipse(edge_x[round(y_bladder)] - SPINE_WIDTH - 7.5, y_bladder, 6.5, 9.0)
    plantar = {
        "head-brain": big_toe.intersection(box(-300, at(0.885), 300, 400)).difference(spine),
        "sinuses": MultiPolygon([sinus(toes[f"toe{k}"]) for k in (2, 3, 4, 5)]),
        "neck": big_toe.intersection(box(-300, at(0.79), 300, at(0.865))).difference(spine),
        "shoulder": shoulder,
        "chest-lungs": across(sole, at(0.70), at(0.78)).intersection(below_toes).difference(spine_wide),
        "heart": box(4, at(0.71), 27, at(0.765)).intersection(sole.buffer(-INSET)).difference(spine_wide),
        "diaphragm": across(sole, at(0.668), at(0.695)).difference(spine_wide).difference(shoulder.buffer(1)),
        "stomach": stomach_left,
        "liver": box(-38, at(0.52), 8, at(0.62))
        .intersection(sole.buffer(-INSET))
        .difference(stomach_right.buffer(1)),
        "spleen": box(-38, at(0.54), -10, at(0.62)).intersection(sole.buffer(-INSET)),
        "intestines": across(sole, at(0.31), at(0.46)).difference(spine_wide).difference(bladder.buffer(1.5)),
        "bladder": bladder,
        "cervical-spine": medial_band(sole, at(0.78), at(0.95)),
        "thoracic-spine": medial_band(sole, at(0.40), at(0.75)),
        "lumbar-spine": medial_band(sole, at(0.25), at(0.40)),
        "sacrum": medial_band(sole, at(0.12), at(0.25)),
        "coccyx": medial_band(sole, 0, at(0.12)),
        "sciatic-nerve": across(sole, at(0.10), at(0.18)),
        "pelvis": across(sole, 0, at(0.275), inset=2.5),
    }
    on_one_foot = {"heart": "left", "spleen": "left", "liver": "right"}
    per_foot = {"stomach": stomach_right}

    inner_sciatic = behind_ankle(medial, 16, fs.INNER_ANKLE[1], 1.0, 8.5)
    outer_sciatic = behind_ankle(lateral, 14, fs.OUTER_ANKLE[1], 1.0, 8.5)
    side = {
        "medial": {
            "cervical-spine": sole_band(medial, at(0.78), at(0.95), 1.5, 12),
            "thoracic-spine": sole_band(medial, at(0.40), at(0.75), 1.5, 12),
            "lumbar-spine": sole_band(medial, at(0.25), at(0.40), 1.5, 12),
            "sacrum": sole_band(medial, at(0.12), at(0.25), 1.5, 12).difference(inner_sciatic.buffer(0.8)),
            "coccyx": sole_band(medial, 0, at(0.12), 1.5, 12).difference(inner_sciatic.buffer(0.8)),
            "sciatic-nerve": inner_sciatic,
            "hip-pelvis": crescent(medial, fs.INNER_ANKLE, 12.5, 20, 2).difference(inner_sciatic.buffer(1)),
        },
        "lateral": {
            "hip-pelvis": crescent(lateral, fs.OUTER_ANKLE, 12.5, 21, 4).difference(outer_sciatic.buffer(1)),
            "knee-leg": Polygon([(78, 2), (110, 2), (99, 25), (87, 25)]).intersection(lateral.buffer(-INSET)),
            "sciatic-nerve": outer_sciatic,
            "shoulder": sole_band(lateral, 160, 188, 1.5, 17),
        },
        "dorsal": {
            "lower-back": top.buffer(-INSET).intersection(fs.ellipse(1.0, 96.0, 22.0, 24.0)),
            "upper-back": across(top, at(0.66), at(0.75)),
        },
    }
    shapes: dict[str, dict[str, object]] = {}
    for zone_id, shape in plantar.items():
        foot = on_one_foot.get(zone_id)
        views = shapes.setdefault(zone_id, {})
        if foot in (None, "left"):
            views["plantar-left"] = shape
        if foot == "right":
            views["plantar-right"] = mirror_geometry(shape)
        elif foot is None:
            views["plantar-right"] = mirror_geometry(per_foot[zone_id]) if zone_id in per_foot else "mirror"
    frames = {"medial": ("medial-left", "medial-right"), "lateral": ("lateral-right", "lateral-left"),
              "dorsal": ("dorsal-left", "dorsal-right")}  # fmt: skip
    for aspect, zones in side.items():
        drawn, mirrored = frames[aspect]
        for zone_id, shape in zones.items():
            shapes.setdefault(zone_id, {})[drawn] = shape
            shapes[zone_id][mirrored] = "mirror"
    return shapes


def variant_shapes() -> dict[str, dict[str, object]]:
    sole, _ = fs.plantar()
    medial, lateral = fs.medial(), fs.lateral()
    ankle_x, ankle_y = fs.INNER_ANKLE
    under_ankle_y = ankle_y - fs.ANKLE_RADIUS - 4
    # the shin's front edge, for a strip along the inside of the tibia
    front = [(right, y) for y, _, right in rows(medial.buffer(-INSET), 104, 136)]
    shin = Polygon([(x - 2, y) for x, y in front] + [(x - 11, y) for x, y in reversed(front)]).buffer(0)

    def inside(shape):
        return shape.intersection(medial.buffer(-INSET))

    return {
        "sciatic-nerve": {
            "plantar-left": across(sole, at(0.10), at(0.18)),
            "plantar-right": "mirror",
            "medial-left": behind_ankle(medial, ankle_y - 4, 134, 1.0, 9.5),
            "medial-right": "mirror",
        },
        "sciatic-shin": {"medial-left": shin.intersection(medial.buffer(-INSET)), "medial-right": "mirror"},
        "lumbar-spine": {
            "medial-left": inside(box(ankle_x - 4, under_ankle_y - 10, ankle_x + 34, under_ankle_y)),
            "medial-right": "mirror",
        },
        "sacrum": {
            "medial-left": inside(box(16, under_ankle_y - 12, ankle_x - 5, under_ankle_y - 2)),
            "medial-right": "mirror",
        },
        "coccyx": {
            "lateral-right": behind_ankle(lateral, 6, 34, 1.0, 9.0).union(sole_band(lateral, 0, 26, 1.5, 9)),
            "lateral-left": "mirror",
        },
    }  # fmt: skip


def mirror_geometry(shape):
    return shapely.affinity.scale(shape, -1, 1, origin=(0, 0))


# --- guides -----------------------------------------------------------------------------
def transverse_guides(
    shape: Polygon, fractions=TRANSVERSE, vertical: bool = False
) -> list[tuple[str, str, list]]:
    guides = []
    for gid, name, fraction in fractions:
        position = at(fraction)
        if vertical:
            cut = shape.intersection(LineString([(position, -300), (position, 300)]))
            low = cut.bounds[1]
            top = min(cut.bounds[3], 70.0)  # stop at the top of the foot, not up the leg
            guides.append((gid, name, [(position, round(low, 1)), (position, round(top, 1))]))
        else:
            cut = shape.intersection(LineString([(-300, position), (300, position)]))
            guides.append(
                (gid, name, [(round(cut.bounds[0], 1), position), (round(cut.bounds[2], 1), position)])
            )
    return guides


def view_guides() -> dict[str, list]:
    sole, _ = fs.plantar()
    tendon = ("tendon-line", "Tendon line", [(24.0, at(0.70)), (17.0, at(0.50)), (12.0, at(0.275))])
    side_lines = [t for t in TRANSVERSE if t[0] != "sciatic-line"]

    def ring(centre):
        return [(round(x, 1), round(y, 1)) for x, y in list(fs.ankle_bone(centre).exterior.coords)[::4]]

    return {
        "plantar-left": transverse_guides(sole) + [tendon],
        "dorsal-left": transverse_guides(fs.dorsal(), [t for t in TRANSVERSE if t[2] > 0.3]),
        "medial-left": transverse_guides(fs.medial(), side_lines, vertical=True)
        + [("inner-ankle-bone", "Inner ankle bone", ring(fs.INNER_ANKLE))],
        "lateral-right": transverse_guides(fs.lateral(), side_lines, vertical=True)
        + [("outer-ankle-bone", "Outer ankle bone", ring(fs.OUTER_ANKLE))],
    }


# --- printing ------------------------------------------------------------------------------
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


def fmt_shape(shape, indent: str) -> str:
    if shape == "mirror":
        return "mirror"
    pieces = [g for g in getattr(shape, "geoms", [shape]) if isinstance(g, Polygon)]
    largest = max(g.area for g in pieces)
    parts = [clean(g) for g in pieces if g.area >= max(4.0, 0.05 * largest)]  # drop slivers of cuts
    assert parts, f"nothing left of a zone shape: {shape}"
    if len(parts) == 1:
        return fmt_ring(parts[0], indent)
    return "\n" + "\n".join(f"{indent}  - " + fmt_ring(p, indent + "    ") for p in parts)


def shapes_yaml(views: dict[str, object], indent: str = "    ") -> str:
    lines = [f"{indent}shapes:"]
    for view_id, shape in views.items():
        lines.append(f"{indent}  {view_id}: " + fmt_shape(shape, indent + "  "))
    return "\n".join(lines)


def guides_yaml() -> str:
    out = []
    for view_id, guides in view_guides().items():
        out.append(f"# {view_id}\nguides:")
        for gid, name, points in guides:
            pts = ", ".join(f"[{x}, {y}]" for x, y in points)
            out.append(f'  - id: {gid}\n    name: "{name}"\n    points: [{pts}]')
    return "\n".join(out)


def outline_of(aspect: str) -> Polygon:
    return {
        "plantar": lambda: fs.plantar()[0],
        "medial": fs.medial,
        "lateral": fs.lateral,
        "dorsal": fs.dorsal,
    }[aspect]()


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    what, rest = argv[0], argv[1:]
    if what == "guides":
        print(guides_yaml())
        return 0
    if what == "outline":
        print("outline: " + fmt_ring(outline_of(rest[0]), ""))
        return 0
    drafts = {"western": western_shapes, "variants": variant_shapes}[what]()
    if rest == ["--list"]:
        print("\n".join(drafts))
        return 0
    for zone_id in rest or list(drafts):
        if zone_id not in drafts:
            print(f"no draft for {zone_id!r}; try --list", file=sys.stderr)
            return 1
        print(f"  # {zone_id}\n" + shapes_yaml(drafts[zone_id]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
