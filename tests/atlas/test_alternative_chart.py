"""The second built-in chart: the Chinese and Japanese placements of the contested zones.

Each zone sits on the foot and view its sources describe, near the landmark they name, with
the source's own number in its name; every source is specific, linkable and used; the file
is hand-edited, drawn over the Western chart's outlines, and complete in German."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import yaml
from shapely.geometry import Point, Polygon

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.atlas.geometry import to_shapely

from .test_chart_content import CLAIM_WORDS, CLAIM_WORDS_DE

PATH = next(p for p in builtin_charts() if p.name == "alternative-placements.yaml")
WESTERN = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
MEDIAL = {"medial-left", "medial-right"}
LATERAL = {"lateral-left", "lateral-right"}

# zone id -> (views the sources put it on, the number its name carries)
EXPECTED = {
    "sciatic-nerve": (MEDIAL | LATERAL, "62-A/B"),  # inner shin 62-A, outer fibula 62-B
    "rectum": (MEDIAL, "61"),  # up the inner side of the Achilles tendon
    "lower-abdomen": (LATERAL, "37"),  # its outer counterpart, behind the fibula
    "hip-pelvis": (MEDIAL | LATERAL, "42-A/B"),  # arcs under both ankle bones
    "coccyx": (LATERAL, "47"),  # the outer coccyx band around the back of the heel
    "spinal-cord": (MEDIAL, None),  # one practitioner's path under the inner ankle bone
}
# Sites the project's content review rejected (FACTS.md §9): never a source here.
CONTENT_FARMS = ("netplaces.com", "sportsrec.com", "leaf.tv", "riverviewvc.com")
ISBN = re.compile(r"\bISBN[ :]*([0-9][0-9-]{8,16}[0-9Xx])\b")
DOI = re.compile(r"\b10\.\d{4,9}/\S+")


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(PATH)


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def shape(atlas, zone_id: str, view_id: str):
    return to_shapely(atlas.zone(zone_id).shapes[view_id])


def ankle_bone(atlas, view_id: str) -> Polygon:
    guide = next(g for g in atlas.view(view_id).guides if g.id.endswith("ankle-bone"))
    return Polygon(guide.points)


def test_each_zone_is_on_the_feet_and_views_its_sources_name(atlas):
    assert {z.id for z in atlas.zones} == set(EXPECTED)
    for zone_id, (views, number) in EXPECTED.items():
        zone = atlas.zone(zone_id)
        assert set(zone.shapes) == views, zone_id
        if number:
            assert f"({number})" in zone.name, zone_id


def test_a_partial_chart_over_the_western_outlines(atlas):
    """Only the side views, each identical to the Western chart's, guides included."""
    western = load_atlas(WESTERN)
    assert {v.id for v in atlas.views} == MEDIAL | LATERAL
    for view in atlas.views:
        assert view.outline == western.view(view.id).outline, view.id
        assert [(g.id, g.points) for g in view.guides] == [
            (g.id, g.points) for g in western.view(view.id).guides
        ], view.id


def test_every_zone_lies_inside_the_foot_outline_of_its_view(atlas):
    for zone in atlas.zones:
        for view_id, parts in zone.shapes.items():
            outline = Polygon(atlas.view(view_id).outline)
            assert outline.buffer(0.5).contains(to_shapely(parts)), (zone.id, view_id)
            assert to_shapely(parts).area > 50, (zone.id, view_id)  # drawn, not a sliver


def test_zone_ids_match_the_western_chart_for_the_same_body_part(atlas):
    western = {z.id for z in load_atlas(WESTERN).zones}
    for zone_id in ("sciatic-nerve", "hip-pelvis", "coccyx"):
        assert zone_id in western
    # the ones the Western chart does not draw say whose they are
    for zone_id in set(EXPECTED) - western - {"rectum"}:
        assert atlas.zone(zone_id).tradition, zone_id


@pytest.mark.parametrize("side", ["left", "right"])
def test_hip_arcs_hug_the_lower_rim_of_both_ankle_bones(atlas, side):
    for view_id in (f"medial-{side}", f"lateral-{side}"):
        bone = ankle_bone(atlas, view_id)
        arc = shape(atlas, "hip-pelvis", view_id)
        assert not arc.intersects(bone.buffer(-0.5)), view_id  # around the bone, not on it
        assert arc.distance(bone) < 3, view_id
        assert arc.bounds[3] < bone.centroid.y, view_id  # under it
        assert arc.bounds[0] < bone.bounds[0] and arc.bounds[2] > bone.bounds[2], view_id


@pytest.mark.parametrize("side", ["left", "right"])
def test_leg_strips_rise_from_behind_the_ankle_bones_and_the_sciatic_strip_continues_them(atlas, side):
    for view_id, lower in ((f"medial-{side}", "rectum"), (f"lateral-{side}", "lower-abdomen")):
        heel_first = 1 if Polygon(atlas.view(view_id).outline).centroid.x > 0 else -1  # toes at +x
        bone = ankle_bone(atlas, view_id)
        strip = shape(atlas, lower, view_id)
        sciatic = shape(atlas, "sciatic-nerve", view_id)
        # starts beside the ankle bone, on the heel (Achilles) side, and runs upwards
        assert heel_first * strip.centroid.x < heel_first * bone.centroid.x, view_id
        assert strip.bounds[1] < bone.bounds[3] + 10 and strip.bounds[3] > bone.bounds[3] + 20, view_id
        # the sciatic strip begins where it ends and goes on up the leg
        assert strip.intersection(sciatic).area < 1, view_id
        assert strip.distance(sciatic) < 0.5, view_id
        assert sciatic.bounds[1] >= strip.bounds[3] - 0.5, view_id


@pytest.mark.parametrize("view_id", sorted(LATERAL))
def test_outer_coccyx_is_an_l_around_the_back_and_underside_of_the_heel(atlas, view_id):
    band = shape(atlas, "coccyx", view_id)
    outline = Polygon(atlas.view(view_id).outline)
    back = outline.bounds[0] if view_id == "lateral-right" else outline.bounds[2]
    heel_back = Point(back, 20)
    assert band.distance(heel_back) < 4  # up the back of the heel
    assert band.bounds[1] < 3  # along its underside
    assert band.bounds[3] - band.bounds[1] > 30 and band.bounds[2] - band.bounds[0] > 40  # both arms
    assert band.bounds[3] < ankle_bone(atlas, view_id).bounds[1]  # below the ankle bone


@pytest.mark.parametrize("side", ["left", "right"])
def test_spinal_cord_path_runs_under_the_inner_ankle_bone_to_the_big_toe(atlas, side):
    view_id = f"medial-{side}"
    path = shape(atlas, "spinal-cord", view_id)
    bone = ankle_bone(atlas, view_id)
    toe = 1 if side == "left" else -1
    xs = sorted(toe * x for x in path.exterior.xy[0])
    assert xs[0] < toe * bone.centroid.x  # begins under (behind the middle of) the ankle bone
    assert xs[-1] > 0.9 * 260  # reaches the side of the big toe
    under_bone = path.intersection(Polygon.from_bounds(*bone.bounds).buffer(0))
    assert under_bone.is_empty or under_bone.area < 1
    assert path.bounds[3] < bone.bounds[1]


def test_every_source_is_specific_linkable_and_used(atlas, raw):
    used = {s for z in atlas.zones for s in z.sources}
    assert {s["id"] for s in raw["sources"]} == used
    for source in raw["sources"]:
        url = urlparse(source["url"])
        assert url.scheme in ("http", "https") and url.netloc, source["id"]
        assert url.path not in ("", "/") or url.query, source["id"]  # a page, not a home page
        assert not any(url.netloc.endswith(farm) for farm in CONTENT_FARMS), source["id"]
        words = source["title"] + " " + source.get("note", "")
        # a book names its ISBN, a paper its DOI; a web page is its address, not a home page
        if "book" in source["title"].lower() and "e-book" not in source["title"].lower():
            assert ISBN.search(words), source["id"]
        assert len(source["title"]) > 30, source["id"]  # says what and whose, not just a site


def test_each_zone_names_where_its_numbers_come_from(atlas):
    """Numbering schemes differ between charts: a zone's note says whose number is whose."""
    assert "koukouan.jp" in atlas.zone("hip-pelvis").note
    coccyx = atlas.zone("coccyx").note
    assert "47" in coccyx and "58" in coccyx
    assert "37" in atlas.zone("lower-abdomen").note
    assert "62-A" in atlas.zone("sciatic-nerve").note and "62-B" in atlas.zone("sciatic-nerve").note
    assert "61" in atlas.zone("rectum").name
    # the strip charts disagree on is attributed both ways
    assert "Rwo-Shr" in atlas.zone("sciatic-nerve").note and "rectum" in atlas.zone("sciatic-nerve").note


def test_one_practitioners_view_is_named_as_such(atlas):
    zone = atlas.zone("spinal-cord")
    assert "One practitioner" in zone.tradition
    assert list(zone.sources) == ["bestfeet-spine"]
    assert "spinal cord" in zone.claim and "L1" not in zone.claim


def _strings(node, where=""):
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("url", "id"):
                yield from _strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{where}[{i}]")


def test_no_text_in_the_file_claims_an_effect_in_english_or_german(raw):
    english, german = [], []
    for where, text in _strings(raw):
        (german if ".translations.de." in where else english).append((where, text))
    assert len(english) > 60 and len(german) > 60
    assert [(w, m.group(0)) for w, t in english for m in CLAIM_WORDS.finditer(t)] == []
    assert [(w, m.group(0)) for w, t in german for m in CLAIM_WORDS_DE.finditer(t)] == []


def test_claims_read_after_charts_place_in_both_languages(raw):
    for zone in raw["zones"]:
        for claim in (zone["claim"], zone["translations"]["de"]["claim"]):
            assert claim[0].islower() and not claim.endswith("."), zone["id"]
            assert not re.search(r"\b(treats?|heilt|hilft)\b", claim), zone["id"]


def test_german_is_complete_inside_the_file(raw):
    assert set(raw["translations"]["de"]) == {"title", "tradition", "description"}
    for zone in raw["zones"]:
        keys = {k for k in ("name", "claim", "technique", "note", "tradition") if k in zone}
        assert set(zone["translations"]["de"]) == keys, zone["id"]
    for source in raw["sources"]:
        keys = {k for k in ("title", "note") if k in source}
        assert set(source["translations"]["de"]) == keys, source["id"]
    german = load_atlas(PATH).localized("de")
    assert german.zone("rectum").name == "Mastdarm und After (61)"
    assert german.tradition.startswith("Chinesisch") and german.zone("coccyx").claim.startswith("die ")


def test_the_file_is_its_own_source_and_guides_authors():
    text = PATH.read_text(encoding="utf-8")
    head = text.split("\nzones:")[0]
    assert "generated" not in head.lower() and "build_default_chart" not in text
    assert "edit it by hand" in head
    assert head.count("\n#") > 15  # comments for authors: ids, numbers, coordinates, mirrors
