"""The built-in charts hold to their rules: complete, inside the feet, mirrored where they
say so, the spine in order along the inner edge, sourced, and never promising a cure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely
import yaml
from shapely.geometry import LineString, Point, Polygon

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.atlas.geometry import mirror, to_shapely
from reflexmap.atlas.wording import EFFECT_WORDS_DE, EFFECT_WORDS_EN

ROOT = Path(__file__).resolve().parents[2]
SPINE = ["coccyx", "sacrum", "lumbar-spine", "thoracic-spine", "cervical-spine"]
CHARTS = {path.name: path for path in builtin_charts()}


@pytest.fixture(scope="module", params=sorted(CHARTS))
def chart(request):
    path = CHARTS[request.param]
    return load_atlas(path), yaml.safe_load(path.read_text(encoding="utf-8"))


def test_two_traditions_are_shipped():
    atlases = [load_atlas(p) for p in CHARTS.values()]
    assert len({a.tradition for a in atlases}) >= 2
    western = load_atlas(CHARTS["ingham-western.yaml"])
    variants = load_atlas(CHARTS["alternative-placements.yaml"])
    # the contested zones exist in both, under the same ids, so the charts can be compared
    for zone_id in ("sciatic-nerve", "hip-pelvis", "coccyx"):
        assert western.has_zone(zone_id) and variants.has_zone(zone_id)


def test_main_chart_has_every_view_and_the_zones_the_issue_lists():
    atlas = load_atlas(CHARTS["ingham-western.yaml"])
    for aspect in ("plantar", "medial", "lateral", "dorsal"):
        assert [v.foot for v in atlas.views_of(aspect)] == ["left", "right"], aspect
    assert len(atlas.zones) >= 50  # a complete chart of the tradition shows 50-60 (FACTS.md §7)
    sciatic_views = {v.split("-")[0] for v in atlas.zone("sciatic-nerve").shapes}
    # FACTS.md §2: Western charts draw the sciatic nerve as a band across the plantar heel; the
    # strip up the inner Achilles is the Rwo-Shur lineage's, the shin strips Chinese/Japanese
    assert sciatic_views == {"plantar"}
    for zone_id in SPINE:
        assert {"medial-left", "medial-right"} <= set(atlas.zone(zone_id).shapes), zone_id


# FACTS.md §7 (and the zones the first chart already had): zone id -> (feet, views it is on).
BOTH, LEFT, RIGHT = ("left", "right"), ("left",), ("right",)
SECTION_7 = {
    "pituitary": (BOTH, {"plantar"}),
    "pineal-hypothalamus": (BOTH, {"plantar"}),
    "cerebellum-brainstem": (BOTH, {"plantar"}),
    "eyes": (BOTH, {"plantar"}),
    "ears": (BOTH, {"plantar"}),
    "inner-ear": (BOTH, {"dorsal"}),
    "nose": (BOTH, {"medial"}),
    "teeth-jaws": (BOTH, {"dorsal"}),
    "throat-thyroid": (BOTH, {"plantar"}),
    "trapezius": (BOTH, {"plantar"}),
    "upper-lymph": (BOTH, {"dorsal"}),
    "breast-chest": (BOTH, {"dorsal"}),
    "arm": (BOTH, {"lateral"}),
    "elbow": (BOTH, {"lateral"}),
    "solar-plexus": (BOTH, {"plantar"}),
    "adrenal-glands": (BOTH, {"plantar"}),
    "kidneys": (BOTH, {"plantar"}),
    "ureters": (BOTH, {"plantar"}),
    "gallbladder": (RIGHT, {"plantar"}),
    "pancreas": (BOTH, {"plantar"}),
    "small-intestine": (BOTH, {"plantar"}),
    "ileocaecal-valve": (RIGHT, {"plantar"}),
    "ascending-colon": (RIGHT, {"plantar"}),
    "hepatic-flexure": (RIGHT, {"plantar"}),
    "transverse-colon": (BOTH, {"plantar"}),
    "descending-colon": (LEFT, {"plantar"}),
    "splenic-flexure": (LEFT, {"plantar"}),
    "sigmoid-colon": (LEFT, {"plantar"}),
    "rectum": (LEFT, {"plantar"}),
    "uterus-prostate": (BOTH, {"medial"}),
    "ovary-testis": (BOTH, {"lateral"}),
    "fallopian-groin": (BOTH, {"dorsal"}),
    # the first chart's zones, kept and corrected (FACTS.md §8)
    "head-brain": (BOTH, {"plantar"}),
    "sinuses": (BOTH, {"plantar"}),
    "neck": (BOTH, {"plantar"}),
    "shoulder": (BOTH, {"plantar", "lateral"}),
    "chest-lungs": (BOTH, {"plantar"}),
    "heart": (LEFT, {"plantar"}),
    "diaphragm": (BOTH, {"plantar"}),
    "stomach": (BOTH, {"plantar"}),
    "liver": (RIGHT, {"plantar"}),
    "spleen": (LEFT, {"plantar"}),
    "bladder": (BOTH, {"plantar", "medial"}),
    **{zone_id: (BOTH, {"plantar", "medial"}) for zone_id in SPINE},
    "sciatic-nerve": (BOTH, {"plantar"}),
    "pelvis": (BOTH, {"plantar"}),
    "hip-pelvis": (BOTH, {"lateral"}),
    "knee-leg": (BOTH, {"lateral"}),
    "lower-back": (BOTH, {"dorsal"}),
    "upper-back": (BOTH, {"dorsal"}),
}


@pytest.fixture(scope="module")
def western():
    return load_atlas(CHARTS["ingham-western.yaml"])


@pytest.mark.parametrize("zone_id", sorted(SECTION_7))
def test_every_section_7_zone_is_on_exactly_its_feet_and_views(western, zone_id):
    feet, aspects = SECTION_7[zone_id]
    expected = {f"{aspect}-{foot}" for aspect in aspects for foot in feet}
    assert set(western.zone(zone_id).shapes) == expected


def test_no_zone_is_left_out_of_the_table(western):
    """A new zone gets a row above, so its feet and views are checked too."""
    assert {z.id for z in western.zones} == set(SECTION_7)


def _shape(atlas, zone_id, view_id):
    return to_shapely(atlas.zone(zone_id).shapes[view_id])


def _guide(atlas, view_id, guide_id):
    for guide in atlas.view(view_id).guides:
        if guide.id == guide_id:
            return LineString(guide.points)
    raise KeyError(guide_id)


def test_the_colon_follows_itself_around_the_arch(western):
    """Right foot: up the outer edge from the ileocaecal valve, turning inwards along the
    waistline; left foot: outwards along the waistline, down the outer edge and back along the
    heel line to the rectum. Each part touches the next and lies where the path has reached."""
    right = ["ileocaecal-valve", "ascending-colon", "hepatic-flexure", "transverse-colon"]
    left = ["transverse-colon", "splenic-flexure", "descending-colon", "sigmoid-colon", "rectum"]
    for view_id, path in (("plantar-right", right), ("plantar-left", left)):
        outline = Polygon(western.view(view_id).outline)
        inner_side = 1 if view_id == "plantar-left" else -1  # the big toe's side of each sole
        parts = [_shape(western, zone_id, view_id) for zone_id in path]
        for a, b, names in zip(parts, parts[1:], zip(path, path[1:], strict=False), strict=False):
            assert a.distance(b) < 1.5, names
        waist = _guide(western, view_id, "waistline").coords[0][1]
        heel = _guide(western, view_id, "heel-line").coords[0][1]
        outer_edge = outline.bounds[0] if inner_side == 1 else outline.bounds[2]
        for zone_id, part in zip(path, parts, strict=True):
            c = part.centroid
            if zone_id.endswith(("ascending-colon", "descending-colon")) or "flexure" in zone_id:
                assert abs(c.x - outer_edge) < 14, zone_id  # along the outer edge
                assert heel - 2 < c.y < waist + 2, zone_id
            if zone_id == "transverse-colon":
                assert abs(c.y - waist) < 6  # along the waistline
            if zone_id in ("sigmoid-colon", "ileocaecal-valve"):
                assert abs(c.y - heel) < 12, zone_id  # just above the heel line
        ys = [p.centroid.y for p in parts]
        if view_id == "plantar-right":
            assert ys[:3] == sorted(ys[:3])  # up the outer edge
        else:
            assert ys[1:4] == sorted(ys[1:4], reverse=True)  # down the outer edge
            xs = [inner_side * p.centroid.x for p in parts[2:]]
            assert xs == sorted(xs)  # back along the heel line towards the inner edge


def test_paired_organs_read_as_one_system(western):
    for view_id in ("plantar-left", "plantar-right"):
        kidney, adrenal, ureter, bladder = (
            _shape(western, z, view_id) for z in ("kidneys", "adrenal-glands", "ureters", "bladder")
        )
        assert adrenal.distance(kidney) < 1.0 and adrenal.centroid.y > kidney.centroid.y  # on top
        assert ureter.distance(kidney) < 1.5 and ureter.distance(bladder) < 1.5
        assert bladder.centroid.y < kidney.centroid.y
        waist = _guide(western, view_id, "waistline").coords[0][1]
        assert kidney.bounds[1] < waist < kidney.bounds[3]  # across the waistline
    left = _shape(western, "kidneys", "plantar-left").centroid.y
    right = _shape(western, "kidneys", "plantar-right").centroid.y
    assert right < left  # the right kidney a little lower


def test_corrections_of_the_first_chart(western):
    """FACTS.md §8, one by one."""
    # the hip arc on the inner ankle bone is not Western
    assert not any(v.startswith("medial") for v in western.zone("hip-pelvis").shapes)
    for view_id in ("plantar-left", "plantar-right"):
        sole = Polygon(western.view(view_id).outline)
        inner = 1 if view_id == "plantar-left" else -1
        diaphragm = _guide(western, view_id, "diaphragm-line")
        (x0, y0), (x1, y1) = diaphragm.coords[0], diaphragm.coords[-1]
        inner_y, outer_y = (y1, y0) if inner * x1 > inner * x0 else (y0, y1)
        assert inner_y - outer_y > 10  # slopes with the metatarsal heads, lower on the outside
        # the shoulder sits above the line, under the little toe
        shoulder = _shape(western, "shoulder", view_id)
        line_at = shapely.shortest_line(shoulder.centroid, diaphragm).coords[-1][1]
        assert shoulder.centroid.y > line_at
        assert abs(shoulder.centroid.x - (sole.bounds[0] if inner == 1 else sole.bounds[2])) < 12
        # spleen and liver start just under the diaphragm line
        organ = "spleen" if view_id == "plantar-left" else "liver"
        assert 0 < diaphragm.distance(Point(_top_point(_shape(western, organ, view_id)))) < 6, organ
        # thoracic and lumbar spine meet at the waistline
        waist = _guide(western, view_id, "waistline").coords[0][1]
        thoracic = _shape(western, "thoracic-spine", view_id)
        lumbar = _shape(western, "lumbar-spine", view_id)
        assert abs(thoracic.bounds[1] - waist) < 3 and abs(lumbar.bounds[3] - waist) < 3
    assert "medial-left" in western.zone("bladder").shapes  # also on the inner edge
    # disagreements said in the notes
    assert "disagree" in western.zone("heart").note and "zones" in western.zone("heart").note
    for zone_id in ("upper-back", "breast-chest"):
        note = western.zone(zone_id).note.lower()
        assert "chest" in note and "upper back" in note, zone_id


def _top_point(shape):
    return max(shapely.get_coordinates(shape).tolist(), key=lambda p: p[1])


# The sources of both charts are checked in test_sources.py.


def test_every_zone_is_translated_into_german(western):
    raw = yaml.safe_load(CHARTS["ingham-western.yaml"].read_text(encoding="utf-8"))
    for zone in raw["zones"]:
        german = zone.get("translations", {}).get("de", {})
        for key in ("name", "claim", "technique", "note"):
            if zone.get(key):
                assert german.get(key), (zone["id"], key)
                assert key == "name" or german[key] != zone[key], (zone["id"], key)


def test_every_zone_lies_inside_its_outline(chart):
    atlas, _ = chart
    for zone in atlas.zones:
        for view_id, parts in zone.shapes.items():
            outline = Polygon(atlas.view(view_id).outline).buffer(0.5)
            assert outline.contains(to_shapely(parts)), (zone.id, view_id)


def test_mirrored_views_and_zones_are_true_mirrors(chart):
    atlas, raw = chart
    for view in raw["views"]:
        if "mirror_of" in view:
            source = atlas.view(view["mirror_of"])
            assert atlas.view(view["id"]).outline == mirror(source.outline)
            assert source.foot != view["foot"] and source.aspect == view["aspect"]
    mirrored_views = {v["id"]: v["mirror_of"] for v in raw["views"] if "mirror_of" in v}
    for zone in raw["zones"]:
        for view_id, shape in zone["shapes"].items():
            if shape == "mirror":
                loaded = atlas.zone(zone["id"]).shapes
                original = loaded[mirrored_views[view_id]]
                assert loaded[view_id] == tuple(mirror(ring) for ring in original)


def test_right_and_left_views_are_declared_mirrors():
    raw = yaml.safe_load(CHARTS["ingham-western.yaml"].read_text(encoding="utf-8"))
    mirrors = {v["id"] for v in raw["views"] if "mirror_of" in v}
    assert mirrors == {"plantar-right", "medial-right", "dorsal-right", "lateral-left"}


def test_spine_runs_heel_to_toe_along_the_inner_edge_of_the_medial_view():
    atlas = load_atlas(CHARTS["ingham-western.yaml"])
    for view_id, direction in (("medial-left", 1), ("medial-right", -1)):
        outline = Polygon(atlas.view(view_id).outline)
        xs = []
        for zone_id in SPINE:
            segment = to_shapely(atlas.zone(zone_id).shapes[view_id])
            xs.append(direction * segment.centroid.x)
            # along the sole edge: the segment's lowest point is within 4 mm of the outline's
            below = outline.intersection(segment.envelope.buffer(0.1)).bounds[1]
            assert segment.bounds[1] - below < 4, (view_id, zone_id)
        assert xs == sorted(xs), view_id  # heel to toe, each segment after the last


def test_every_zone_names_existing_sources_and_a_confidence(chart):
    atlas, _ = chart
    for zone in atlas.zones:
        assert zone.sources
        for source_id in zone.sources:
            assert source_id in atlas.sources
        assert zone.confidence in ("sourced", "estimate")
        assert zone.technique and zone.claim


def test_every_source_listed_is_used(chart):
    atlas, _ = chart
    used = {s for z in atlas.zones for s in z.sources}
    assert set(atlas.sources) == used


# The words that would claim an effect (English, German): one list, the app's (atlas/wording).
CLAIM_WORDS, CLAIM_WORDS_DE = EFFECT_WORDS_EN, EFFECT_WORDS_DE


def _texts():
    for path in CHARTS.values():
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield path.name, raw.get("description", "")
        for zone in raw["zones"]:
            for key in ("name", "claim", "technique", "note"):
                if zone.get(key):
                    yield f"{path.name}:{zone['id']}.{key}", zone[key]
    for path in (ROOT / "reflexmap" / "content").glob("*.html"):
        yield path.name, path.read_text(encoding="utf-8")
    for path in (ROOT / "reflexmap").rglob("*.py"):
        if path.name == "wording.py":  # the word lists themselves
            continue
        for literal in re.findall(r'"([^"\n]{12,})"', path.read_text(encoding="utf-8")):
            yield f"{path.relative_to(ROOT)}", literal


def test_no_text_claims_that_a_zone_cures_anything():
    offenders = [(where, m.group(0)) for where, text in _texts() for m in CLAIM_WORDS.finditer(text)]
    assert offenders == []


def _german_texts():
    for path in CHARTS.values():
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for owner in [raw, *raw["zones"], *raw["sources"]]:
            for key, text in owner.get("translations", {}).get("de", {}).items():
                yield f"{path.name}:{owner.get('id', '')}.{key}", text
    for path in (ROOT / "reflexmap" / "content").glob("*.de.html"):
        yield path.name, path.read_text(encoding="utf-8")
    po = ROOT / "reflexmap" / "locale" / "de" / "LC_MESSAGES" / "reflexmap.po"
    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr") or line.startswith('"'):
            yield po.name, line


def test_no_german_text_claims_that_a_zone_cures_anything():
    texts = list(_german_texts())
    assert len(texts) > 200
    offenders = [(where, m.group(0)) for where, text in texts for m in CLAIM_WORDS_DE.finditer(text)]
    assert offenders == []


def test_the_german_word_list_catches_claims():
    for claim in (
        "Diese Zone heilt Ischias",
        "lindert Schmerzen",
        "behandelt den Rücken",
        "entgiftet",
        "löst Blockaden",
    ):
        assert CLAIM_WORDS_DE.search(claim), claim


def test_the_word_list_catches_claims():
    for claim in ("This zone cures sciatica", "heals the back", "treats pain", "brings relief", "detoxifies"):
        assert CLAIM_WORDS.search(claim), claim
    assert not CLAIM_WORDS.search("needs treatment within hours")


def test_claims_read_after_charts_place():
    for path in CHARTS.values():
        for zone in load_atlas(path).zones:
            assert zone.claim[0].islower() and not zone.claim.endswith("."), zone.id


def test_the_western_chart_is_its_own_source():
    """The YAML is edited by hand: it says so, and no tool in tools/ writes a zone file."""
    text = CHARTS["ingham-western.yaml"].read_text(encoding="utf-8")
    assert "generated" not in text.lower().split("zones:")[0]
    assert "edit it by hand" in text
    for tool in (ROOT / "tools").glob("*.py"):
        source = tool.read_text(encoding="utf-8")
        writes = "write_text(" in source or "open(" in source
        assert not (writes and re.search(r"\bzones\b", source.split('"""')[-1])), tool.name


def test_side_view_guides_meet_the_soles_sloped_lines_at_the_outer_edge(builtin_atlas):
    """FACTS.md §8: the diaphragm and shoulder lines slope; on the outer side they sit where the
    sole's lines reach the outer edge, and the shoulder zone lies between them."""

    def guide(view_id: str, guide_id: str):
        return next(g for g in builtin_atlas.view(view_id).guides if g.id == guide_id).points

    for guide_id in ("shoulder-line", "diaphragm-line"):
        outer_edge_y = guide("plantar-right", guide_id)[0][1]  # the right sole's outer end
        (x0, _), (x1, _) = guide("lateral-right", guide_id)
        assert x0 == x1 and abs(x0 - outer_edge_y) < 3.5, guide_id
    diaphragm = guide("lateral-right", "diaphragm-line")[0][0]
    shoulder = guide("lateral-right", "shoulder-line")[0][0]
    xs = [x for ring in builtin_atlas.zone("shoulder").shapes["lateral-right"] for x, _y in ring]
    assert diaphragm - 1 <= min(xs) and max(xs) <= shoulder + 1
