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
def diaphragm_y(x: float) -> float:
    """The diaphragm line on a sole (left-foot frame): at the base of the metatarsal heads,
    so lower towards the outer edge, where the 5th metatarsal head sits further back."""
    return 171.7 + 0.21 * x  # 182 (0.70 of the length) at the inner edge, as on the medial view


def shoulder_y(x: float) -> float:
    """The shoulder line on a sole: under the necks of the toes, lower towards the little toe."""
    return 199.2 + 0.314 * x  # 214.5 (0.825) at the inner edge, as on the medial view


def toe_base_y(x: float) -> float:
    """Where the toes leave the ball on a sole (left-foot frame), from the big toe outwards."""
    return float(np.interp(x, [-45, -35, -22, -7, 11, 19, 60], [179, 183, 191, 198, 204, 205, 205]))


def between(lower, upper, x0: float = -60, x1: float = 60, step: float = 2.0) -> Polygon:
    """The strip between two curves y = lower(x) and y = upper(x)."""
    xs = np.arange(x0, x1 + 0.01, step)
    return Polygon([(x, lower(x)) for x in xs] + [(x, upper(x)) for x in reversed(xs)]).buffer(0)


def western_shapes() -> dict[str, dict[str, object]]:
    """zone id -> view id -> Polygon, MultiPolygon, or "mirror"."""
    sole, toes = fs.plantar()
    medial, lateral, top = fs.medial(), fs.lateral(), fs.dorsal()
    inner = sole.buffer(-INSET)
    spine_wide = medial_band(sole, 0, LENGTH, SPINE_WIDTH + 1.5)
    spine = medial_band(sole, 0, LENGTH)
    big_toe = toes["toe1"].buffer(-INSET)
    ellipse = fs.ellipse

    def toe_part(k: int, y0: float, y1: float) -> Polygon:
        return toes[f"toe{k}"].buffer(-INSET).intersection(box(-300, y0, 300, y1))

    def sinus(toe: Polygon) -> Polygon:
        _, low, _, high = toe.bounds
        return toe.buffer(-INSET).intersection(box(-300, (low + high) / 2 + 2, 300, 300))

    def under_diaphragm(gap: float) -> Polygon:
        return between(lambda x: -10.0, lambda x: diaphragm_y(x) - gap)

    spans = {  # the spine, heel to toe: FACTS.md §2 and §8 (thoracic ends at the waistline)
        "coccyx": (0.0, 0.12),
        "sacrum": (0.12, 0.275),
        "lumbar-spine": (0.275, 0.475),
        "thoracic-spine": (0.475, 0.75),
        "cervical-spine": (0.78, 0.95),
    }
    # --- toes and ball
    pituitary = ellipse(30.5, 225.5, 4.5, 3.8)
    pineal = ellipse(30.5, 235.0, 4.2, 3.3)
    cerebellum = big_toe.intersection(box(-300, 212, 25.0, 232))
    trapezius = between(lambda x: toe_base_y(x) - 7.5, lambda x: toe_base_y(x) - 0.8, -29.5, 17)
    heart = box(4, 0, 17, 300).intersection(
        between(lambda x: diaphragm_y(x) + 3, lambda x: diaphragm_y(x) + 15)
    )
    lungs = (
        between(lambda x: diaphragm_y(x) + 0.6, lambda x: toe_base_y(x) - 8.3, -29.5, 19)
        .intersection(inner)
        .difference(spine_wide)
    )
    shoulder = between(lambda x: diaphragm_y(x) + 0.6, lambda x: toe_base_y(x) - 0.8, -46, -30.3)
    thyroid = box(19.8, 0, 60, 204).intersection(between(lambda x: diaphragm_y(x) + 0.6, lambda x: 300))
    diaphragm = between(lambda x: diaphragm_y(x) - 4, lambda x: diaphragm_y(x) - 0.5).difference(spine_wide)
    solar_plexus = ellipse(1.0, diaphragm_y(1.0) - 9.5, 6.0, 4.5)
    # --- upper arch: left foot (spleen, larger stomach), right foot (liver, gallbladder)
    upper = under_diaphragm(5).intersection(inner).difference(spine_wide)
    stomach_left = upper.intersection(box(-12, 149, 60, 300)).difference(solar_plexus.buffer(1))
    stomach_right = upper.intersection(box(8, 149, 60, 300))
    spleen = upper.intersection(box(-60, 138, -14, 300))
    gallbladder = ellipse(-19.0, 134.0, 4.5, 4.5)
    liver = (
        upper.intersection(box(-60, 131, 3, 300))
        .difference(solar_plexus.buffer(1))
        .difference(gallbladder.buffer(0.8))
    )
    pancreas_left = box(-12, 140.5, 60, 147.5).intersection(inner).difference(spine_wide)
    pancreas_right = box(5, 140.5, 60, 147.5).intersection(inner).difference(spine_wide)
    # --- the urinary system: kidney (the right one lower), adrenal on top, ureter to the bladder
    bladder = ellipse(9.5, 83.5, 5.5, 6.5)
    kidney = {"left": ellipse(4.0, 123.5, 6.5, 10.0), "right": ellipse(4.0, 120.0, 6.5, 10.0)}
    adrenal = {"left": ellipse(8.0, 134.5, 3.5, 3.0), "right": ellipse(8.0, 131.0, 3.5, 3.0)}
    ureter = {
        side: LineString([(6.5, k.bounds[1] + 1.5), (8.5, 100.0), (9.5, 89.0)])
        .buffer(1.8)
        .difference(k.buffer(0.6))
        .difference(bladder.buffer(0.6))
        for side, k in kidney.items()
    }
    # --- the colon, around the arch: right foot up the outer edge, both feet across the
    # waistline, left foot down the outer edge and back along the heel line
    outer_x = -28.5
    flexure = box(-60, 107, -24.5, 122.5).difference(box(outer_x, 100, -24, 113.5)).intersection(inner)
    transverse = box(-23.7, 114, 60, 122.5).intersection(inner).difference(spine_wide)
    ascending = box(-60, 85, outer_x, 106.2).intersection(inner)
    ileocaecal = ellipse(-33.0, 79.5, 5.5, 4.8).intersection(inner)
    descending = box(-60, 81.5, outer_x, 106.2).intersection(inner)
    rectum = ellipse(9.5, 71.5, 5.0, 4.5)
    sigmoid = box(-60, 73, 4.2, 80.7).intersection(inner).difference(rectum.buffer(0.6))

    def small_intestine(side: str) -> Polygon:
        return (
            box(-27.7, 82, 60, 113.2)
            .intersection(inner)
            .difference(spine_wide)
            .difference(kidney[side].buffer(1))
            .difference(ureter[side].buffer(0.8))
            .difference(bladder.buffer(1))
        )

    plantar = {
        "head-brain": big_toe.intersection(box(-300, 241, 300, 400)).difference(spine),
        "pineal-hypothalamus": pineal,
        "pituitary": pituitary,
        "cerebellum-brainstem": cerebellum,
        "sinuses": MultiPolygon([sinus(toes[f"toe{k}"]) for k in (2, 3, 4, 5)]),
        "eyes": MultiPolygon([toe_part(2, 205, 219), toe_part(3, 199, 211)]),
        "ears": MultiPolygon([toe_part(4, 192.5, 202), toe_part(5, 184, 191.5)]),
        "neck": big_toe.intersection(box(-300, 205, 300, 211.2)).difference(spine),
        "throat-thyroid": thyroid.intersection(inner).difference(spine_wide),
        "trapezius": trapezius.intersection(inner),
        "shoulder": shoulder.intersection(inner),
        "chest-lungs": lungs,
        "heart": heart.intersection(inner),
        "diaphragm": diaphragm.intersection(inner),
        "solar-plexus": solar_plexus,
        "stomach": stomach_left,
        "spleen": spleen,
        "liver": liver,
        "gallbladder": gallbladder,
        "pancreas": pancreas_left,
        "adrenal-glands": adrenal["left"],
        "kidneys": kidney["left"],
        "ureters": ureter["left"],
        "bladder": bladder,
        "small-intestine": small_intestine("left"),
        "ileocaecal-valve": ileocaecal,
        "ascending-colon": ascending,
        "hepatic-flexure": flexure,
        "transverse-colon": transverse,
        "splenic-flexure": flexure,
        "descending-colon": descending,
        "sigmoid-colon": sigmoid,
        "rectum": rectum,
        **{zone: medial_band(sole, at(a), at(b)) for zone, (a, b) in spans.items()},
        "sciatic-nerve": across(sole, at(0.10), at(0.18)),
        "pelvis": across(sole, 0, 66, inset=2.5),
    }
    on_one_foot = {
        "heart": "left", "spleen": "left", "splenic-flexure": "left", "descending-colon": "left",
        "sigmoid-colon": "left", "rectum": "left",
        "liver": "right", "gallbladder": "right", "ileocaecal-valve": "right",
        "ascending-colon": "right", "hepatic-flexure": "right",
    }  # fmt: skip
    per_foot = {  # the right foot's shape where it differs from the left
        "stomach": stomach_right,
        "pancreas": pancreas_right,
        "adrenal-glands": adrenal["right"],
        "kidneys": kidney["right"],
        "ureters": ureter["right"],
        "small-intestine": small_intestine("right"),
        "chest-lungs": lungs,
    }
    plantar["chest-lungs"] = lungs.difference(heart.buffer(0.8))  # the left foot gives room to the heart

    inner_sciatic = behind_ankle(medial, 16, fs.INNER_ANKLE[1], 1.0, 8.5)
    outer_sciatic = behind_ankle(lateral, 14, fs.OUTER_ANKLE[1], 1.0, 8.5)
    medial_spine = {zone: sole_band(medial, at(a), at(b), 1.5, 12) for zone, (a, b) in spans.items()}
    for zone in ("sacrum", "coccyx"):
        medial_spine[zone] = medial_spine[zone].difference(inner_sciatic.buffer(0.8))
    m_in, l_in = medial.buffer(-INSET), lateral.buffer(-INSET)
    dorsal_in = top.buffer(-INSET)

    def teeth() -> MultiPolygon:
        parts = []
        for k in range(1, 6):
            _, low, _, high = toes[f"toe{k}"].bounds
            tip = box(-300, high - 0.3 * (high - low), 300, 400)
            parts.append(toes[f"toe{k}"].buffer(-INSET).intersection(tip))
        return MultiPolygon(parts)

    webs = [(19.0, 222.0), (1.8, 204.5), (-14.5, 206.0)]
    side = {
        "medial": {
            **medial_spine,
            "sciatic-nerve": inner_sciatic,
            "nose": sole_band(medial, 248.5, 259.5, 1.5, 30),
            "bladder": sole_band(medial, 76, 92, 13, 23),
            "uterus-prostate": ellipse(27.0, 42.0, 7.0, 7.0).intersection(m_in),
        },
        "lateral": {
            "hip-pelvis": crescent(lateral, fs.OUTER_ANKLE, 12.5, 21, 4).difference(outer_sciatic.buffer(1)),
            "ovary-testis": ellipse(24.0, 36.0, 7.0, 7.0)
            .intersection(l_in)
            .difference(outer_sciatic.buffer(1)),
            "knee-leg": Polygon([(78, 2), (110, 2), (99, 25), (87, 25)]).intersection(l_in),
            "sciatic-nerve": outer_sciatic,
            "elbow": sole_band(lateral, 115, 131, 1.5, 13),
            "arm": sole_band(lateral, 132, 165, 1.5, 11),
            "shoulder": sole_band(lateral, 166.5, 186, 1.5, 15),
        },
        "dorsal": {
            "teeth-jaws": teeth(),
            "upper-lymph": MultiPolygon([ellipse(x, y, 2.6, 2.6) for x, y in webs]),
            "inner-ear": ellipse(-29.5, 193.5, 2.6, 2.6),
            "upper-back": between(lambda x: diaphragm_y(x) + 1, lambda x: toe_base_y(x) - 3)
            .intersection(dorsal_in),
            "breast-chest": between(lambda x: diaphragm_y(x) - 38, lambda x: diaphragm_y(x) - 1.5)
            .intersection(dorsal_in),
            "lower-back": dorsal_in.intersection(ellipse(1.0, 96.0, 22.0, 24.0)),
            "fallopian-groin": dorsal_in.intersection(box(-34, 31, 34, 41)),
        },
    }  # fmt: skip
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
SLOPED = {"shoulder-line": shoulder_y, "diaphragm-line": diaphragm_y}


def transverse_guides(
    shape: Polygon, fractions=TRANSVERSE, vertical: bool = False, edge_x: float | None = None
) -> list[tuple[str, str, list]]:
    """Guide lines across a sole or top (sloped where the chart slopes them), or up a side view
    at the position the sloped line has at that edge (`edge_x`, in the sole's frame)."""
    guides = []
    for gid, name, fraction in fractions:
        if vertical:
            position = round(SLOPED[gid](edge_x), 1) if gid in SLOPED and edge_x is not None else at(fraction)
            cut = shape.intersection(LineString([(position, -300), (position, 300)]))
            low = cut.bounds[1]
            top = min(cut.bounds[3], 70.0)  # stop at the top of the foot, not up the leg
            guides.append((gid, name, [(position, round(low, 1)), (position, round(top, 1))]))
        elif gid in SLOPED:
            line = LineString([(x, SLOPED[gid](x)) for x in (-60, 60)])
            ends = list(shape.intersection(line).boundary.geoms)
            low, high = min(p.x for p in ends), max(p.x for p in ends)
            points = [(round(x, 1), round(SLOPED[gid](x), 1)) for x in (low, high)]
            guides.append((gid, name, points))
        else:
            position = at(fraction)
            cut = shape.intersection(LineString([(-300, position), (300, position)]))
            guides.append(
                (gid, name, [(round(cut.bounds[0], 1), position), (round(cut.bounds[2], 1), position)])
            )
    return guides


def view_guides() -> dict[str, list]:
    sole, _ = fs.plantar()
    start = (24.0, round(diaphragm_y(24.0), 1))
    tendon = ("tendon-line", "Tendon line", [start, (17.0, at(0.50)), (12.0, at(0.275))])
    side_lines = [t for t in TRANSVERSE if t[0] != "sciatic-line"]

    def ring(centre):
        return [(round(x, 1), round(y, 1)) for x, y in list(fs.ankle_bone(centre).exterior.coords)[::4]]

    return {
        "plantar-left": transverse_guides(sole) + [tendon],
        "dorsal-left": transverse_guides(fs.dorsal(), [t for t in TRANSVERSE if t[2] > 0.3]),
        # side views: the lines where they meet the sole's edge; the alternative chart shares
        # these guides, so the lateral view keeps the inner-edge positions for now
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
