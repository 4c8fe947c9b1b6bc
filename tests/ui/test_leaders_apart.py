"""Leaders never share a line and never pass through another zone's dot (S15-4): with three
small squares side by side at one height on the medial view, the farther square's leader ran
along the nearer one's, straight through its anchor dot, on the map and on the handout, and a
reader could not tell which label was which. Checked by the geometry of the drawn leaders on
every view of the built-in charts and of that chart, in English and German, at Normal and
Largest text, on the map and on a handout's numbered page."""

from __future__ import annotations

import math

import pytest
import yaml

from reflexmap import i18n, read_atlas
from reflexmap.atlas import builtin_charts
from reflexmap.render.chart_scene import ChartScene
from reflexmap.render.chart_scene_parts import LABEL_MM

DOT_CLEARANCE_MM = 0.9 + 0.5  # from another anchor: its dot (0.9 mm round) and half a millimetre clear


def _segments(points) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    pts = [(p.x(), p.y()) for p in points]
    return [(a, b) for a, b in zip(pts, pts[1:], strict=False) if math.dist(a, b) > 1e-6]


def _distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def _shared(s, t, tolerance: float = 0.05) -> float:
    """How long (mm) segments `s` and `t` run along one line over each other (0: they don't)."""
    (a, b), (c, d) = s, t
    if _distance(c, a, b) > tolerance and _distance(d, a, b) > tolerance:
        return 0.0
    length = math.dist(a, b)
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    # both ends of t on s's line (collinear), then the overlap of their projections
    if abs((c[0] - a[0]) * uy - (c[1] - a[1]) * ux) > tolerance:
        return 0.0
    if abs((d[0] - a[0]) * uy - (d[1] - a[1]) * ux) > tolerance:
        return 0.0
    lo, hi = sorted(((c[0] - a[0]) * ux + (c[1] - a[1]) * uy, (d[0] - a[0]) * ux + (d[1] - a[1]) * uy))
    return max(0.0, min(hi, length) - max(lo, 0.0))


def leader_problems(scene) -> list[tuple]:
    """Leaders sharing a stretch of line with another, and leaders passing another zone's
    anchor dot closer than DOT_CLEARANCE_MM."""
    problems = []
    labels = sorted(scene.labels.items())
    dots = {key: (label.points[-1].x(), label.points[-1].y()) for key, label in labels}
    segments = {key: _segments(label.points) for key, label in labels}
    for i, (key, _label) in enumerate(labels):
        for other, dot in dots.items():
            if other[0] == key[0] and other != key and math.dist(dot, dots[key]) > 1e-6:
                near = min((_distance(dot, a, b) for a, b in segments[key]), default=math.inf)
                if near < DOT_CLEARANCE_MM:
                    problems.append(("leader through a dot", key[1], other[1], round(near, 2)))
        for other, _ in labels[i + 1 :]:
            shared = max((_shared(s, t) for s in segments[key] for t in segments[other]), default=0.0)
            if shared > 0.05:
                problems.append(("leaders on one line", key[1], other[1], round(shared, 2)))
    return problems


def three_squares(tmp_path):
    """The built-in alternative chart with three 8 mm squares side by side at one height on
    the medial view (the tester's h1-markup.yaml, with plain names)."""
    path = next(p for p in builtin_charts() if "alternative" in p.stem)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    template = next(z for z in data["zones"] if "medial-left" in z["shapes"])
    for k, x in enumerate((120, 140, 160)):
        zone = {key: value for key, value in template.items() if key not in ("shapes", "id", "name")}
        zone["id"], zone["name"] = f"square-{k}", f"Square number {k}"
        zone["shapes"] = {
            "medial-left": [[x, 20], [x + 8, 20], [x + 8, 28], [x, 28]],
            "medial-right": "mirror",
        }
        data["zones"].append(zone)
    out = tmp_path / "three-squares.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("language", ["en", "de"])
def test_leaders_never_share_a_line_or_pass_another_zones_dot(qapp, tmp_path, language):
    charts = [*sorted(builtin_charts()), three_squares(tmp_path)]
    found = {}
    checked = 0
    try:
        for path in charts:
            atlas = read_atlas(path).atlas
            assert atlas is not None
            atlas = atlas.localized(i18n.set_language(language))
            for scale in (1.0, 1.5):  # Normal, Largest
                for aspect in atlas.aspects():
                    for numbers in (None, {z.id: k + 1 for k, z in enumerate(atlas.zones)}):  # map, handout
                        scene = ChartScene()
                        scene.show_chart(
                            atlas, aspect, label_mm=LABEL_MM * scale, text_scale=scale, numbers=numbers
                        )
                        assert scene.labels, (path.name, aspect)
                        problems = leader_problems(scene)
                        if problems:
                            found[(path.stem, scale, aspect, numbers is not None)] = problems
                        checked += 1
    finally:
        i18n.set_language("en")
    assert checked >= 16
    assert found == {}, "\n".join(f"{key}: {p}" for key, p in found.items())


def test_the_check_finds_a_leader_through_a_dot_and_leaders_on_one_line(qapp, tmp_path):
    """The check can fail: a leader drawn on top of another and through its dot is reported."""
    atlas = read_atlas(three_squares(tmp_path)).atlas
    scene = ChartScene()
    scene.show_chart(atlas, "medial")
    assert leader_problems(scene) == []
    # on the left foot the first two squares are labelled on the left, the first one nearer
    near, far = scene.labels[("medial-left", "square-0")], scene.labels[("medial-left", "square-1")]
    assert near.side == far.side == "left"
    # the far square's leader level from the near one's entry on to its dot, as drawn before
    scene.labels[("medial-left", "square-1")] = far._replace(points=(near.points[-2], far.points[-1]))
    kinds = {p[0] for p in leader_problems(scene)}
    assert kinds == {"leader through a dot", "leaders on one line"}
