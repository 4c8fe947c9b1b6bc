from hypothesis import given
from hypothesis import strategies as st

from reflexmap.layout.labels import spread


def test_labels_that_fit_stay_at_their_anchors():
    assert spread([10, 50, 30], gap=5, low=0, high=100) == [10, 50, 30]


def test_crowded_labels_are_pushed_apart_in_order():
    placed = spread([10, 11, 12], gap=5, low=0, high=100)
    assert placed == [10, 15, 20]


def test_labels_at_the_bottom_are_pulled_back_inside():
    placed = spread([98, 99, 100], gap=5, low=0, high=100)
    assert placed == [90, 95, 100]


@given(st.lists(st.floats(-50, 150), max_size=30), st.floats(1, 10))
def test_spread_never_overlaps_and_keeps_order(anchors, gap):
    placed = spread(anchors, gap=gap, low=0, high=100)
    assert len(placed) == len(anchors)
    pairs = sorted(zip(anchors, placed, strict=False))
    ordered = [p for _, p in pairs]
    assert all(b - a >= gap - 1e-6 for a, b in zip(ordered, ordered[1:], strict=False))
    assert all(p >= -1e-6 for p in placed)


def test_a_label_goes_to_the_side_whose_leader_crosses_no_other_zone():
    from reflexmap.layout.labels import better_side, inside_spans, ray_cost

    square = [(10.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 10.0)]
    assert inside_spans([square], 5.0) == [(10.0, 20.0)]
    assert ray_cost(30.0, 5.0, 0.0, [[square]]) == 10.0 and ray_cost(30.0, 5.0, 40.0, [[square]]) == 0.0
    # the anchor is nearer the left column, but a zone lies that way: the right column it is
    assert better_side(25.0, 5.0, 0.0, 60.0, [[square]]) == "right"
    assert better_side(25.0, 15.0, 0.0, 60.0, [[square]]) == "left"  # nothing in the way: nearer
    # a short crossing by the heel does not send a label the whole length of a long foot
    foot = [(0.0, 0.0), (400.0, 0.0), (400.0, 20.0), (0.0, 20.0)]
    strip = [(12.0, 0.0), (18.0, 0.0), (18.0, 20.0), (12.0, 20.0)]
    assert better_side(25.0, 5.0, 0.0, 401.0, [[strip]], foot) == "left"
    # ... but on a narrow sole a clear path a little further wins over the crossing
    sole = [(0.0, 0.0), (90.0, 0.0), (90.0, 20.0), (0.0, 20.0)]
    assert better_side(35.0, 5.0, 0.0, 91.0, [[strip]], sole) == "right"
    # and the near side loses where its leader would cross far more than the far one saves
    wide = [(12.0, 0.0), (22.0, 0.0), (22.0, 20.0), (12.0, 20.0)]
    assert better_side(30.0, 5.0, 0.0, 401.0, [[wide]] * 5, foot) == "right"


def test_a_guide_name_moves_inwards_off_a_narrowing_outline_and_off_zone_edges():
    from reflexmap.layout.labels import guide_name_spot, ring_segments

    # a foot (scene mm, y down) narrowing towards the top left; a crosswise guide at y = 50
    outline = [(10, 30), (100, 20), (100, 100), (0, 100), (0, 60)]
    line = [(2, 50), (98, 50)]
    zone = [(12, 40), (22, 40), (22, 48), (12, 48)]  # a small zone just above the line's outer end
    x, y = guide_name_spot(line, outline, ring_segments([zone]), 15, 4, from_left=True, gap=0.5)
    assert y + 4 <= 50 - 0.5 + 1e-9  # above the line
    assert x >= 22 or y + 4 <= 40  # clear of the zone's box
    assert x < 50  # on the outer half of the line
    # nothing fits: no spot (the caller keeps its own)
    assert guide_name_spot(line, outline, [], 150, 4, from_left=True, gap=0.5) is None


def test_crosswise_guide_names_sit_clear_of_the_outline_and_zone_edges(qapp):
    """On the soles and the tops of the feet, a crosswise guide's name (with its veil) stays
    inside the foot, at least half a millimetre from the outline, and covers at most a few
    millimetres of zone edges: "Shoulder" by the little toe once sat on the toe's zones
    (8.7 mm of edges) and "Diaphragm" 1.5 mm from the outline across 29 mm of edges."""
    from shapely.geometry import MultiLineString, Polygon, box

    from reflexmap import read_atlas
    from reflexmap.atlas.loader import builtin_chart_path
    from reflexmap.render.chart_scene import ChartScene

    checked = 0
    for path in sorted(builtin_chart_path().parent.glob("*.yaml")):
        atlas = read_atlas(path).atlas
        for aspect in ("plantar", "dorsal"):
            if aspect not in atlas.aspects():
                continue
            scene = ChartScene()
            scene.show_chart(atlas, aspect)
            for veil, name in zip(scene.guide_names[0::2], scene.guide_names[1::2], strict=True):
                rect = veil.sceneBoundingRect()
                view = next(v for v in atlas.views if v.id == scene.locate(rect.center())[0])
                guide = next(
                    g for g in view.guides if g.name.split(" (")[0].replace(" line", "") in name.text()
                )
                xs, ys = [x for x, _y in guide.points], [y for _x, y in guide.points]
                closed = len(guide.points) > 3 and guide.points[0] == guide.points[-1]
                if closed or max(xs) - min(xs) < 0.3 * (max(ys) - min(ys)):
                    continue  # ankle bones and upright lines: named above their tops

                def scene_ring(ring, view=view, scene=scene):
                    return [scene.to_scene(view.id, x, y).toTuple() for x, y in ring]

                foot = Polygon(scene_ring(view.outline))
                spot = box(rect.left(), rect.top(), rect.right(), rect.bottom())
                rings = [scene_ring(r) for z in atlas.zones_in(view.id) for r in z.shapes[view.id]]
                edges = MultiLineString([[*r, r[0]] for r in rings])
                where = (path.name, view.id, name.text())
                assert foot.buffer(-0.5).contains(spot), where
                assert edges.intersection(spot).length <= 4.0, where
                checked += 1
    assert checked >= 8


def test_names_of_guide_lines_too_close_for_a_clear_place_keep_off_leaders_labels_and_each_other(
    qapp, tmp_path
):
    """Eight more guide lines 1.2 mm apart under the diaphragm line of the Western sole: no
    name finds a place clear of every line, in any size or in two lines, on many of them
    (the case of `_guide_name_place` with no free place near its line). Each name is still
    drawn, whole, in its view; it may cross the guide lines, but not a leader, a label or
    another name (it was put where it covered the fewest zone edges, across leaders and
    touching other names)."""
    import yaml

    from reflexmap import read_atlas
    from reflexmap.atlas.loader import builtin_chart_path
    from reflexmap.render.chart_scene import ChartScene

    from .test_label_legibility import guide_name_problems, label_problems

    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    view = next(v for v in data["views"] if v["id"] == "plantar-left")
    (x0, y0), (x1, y1) = next(g for g in view["guides"] if g["id"] == "diaphragm-line")["points"]
    view["guides"] += [
        {"id": f"crowd-{k}", "name": f"Crowded line {k}", "points": [[x0, y0 + k * 1.2], [x1, y1 + k * 1.2]]}
        for k in range(1, 9)
    ]
    path = tmp_path / "crowded.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    atlas = read_atlas(path).atlas
    assert atlas is not None
    scene = ChartScene()
    scene.show_chart(atlas, "plantar")
    names = sorted(" ".join(name.text().split()) for name in scene.guide_names[1::2])
    expected = [
        " ".join(g.name.replace(" line", "").split()) for v in atlas.views_of("plantar") for g in v.guides
    ]
    assert len(names) == len(expected)
    assert [n for n in names if n.startswith("Crowded")] == sorted(
        n for n in expected if n.startswith("Crowded")
    )
    problems = guide_name_problems(scene, fills=False)
    crossing = [p for p in problems if p[0] == "guide name on a guide line"]
    assert crossing  # no clear place was there: the names cross the lines
    assert [p for p in problems if p[0] != "guide name on a guide line"] == []
    assert label_problems(scene) == []
