"""The built-in charts hold to their rules: complete, inside the feet, mirrored where they
say so, the spine in order along the inner edge, sourced, and never promising a cure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from shapely.geometry import Polygon

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.atlas.geometry import mirror, to_shapely

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
    required = SPINE + [
        "sciatic-nerve", "hip-pelvis", "knee-leg", "lower-back", "head-brain", "sinuses", "neck",
        "shoulder", "chest-lungs", "diaphragm", "stomach", "liver", "heart", "spleen", "intestines",
        "bladder",
    ]  # fmt: skip
    assert set(required) <= {z.id for z in atlas.zones}
    assert set(atlas.zone("liver").shapes) == {"plantar-right"}
    assert set(atlas.zone("heart").shapes) == {"plantar-left"}
    assert set(atlas.zone("spleen").shapes) == {"plantar-left"}
    sciatic_views = {v.split("-")[0] for v in atlas.zone("sciatic-nerve").shapes}
    assert sciatic_views == {"plantar", "medial", "lateral"}
    for zone_id in ("hip-pelvis", "knee-leg"):
        assert any(v.startswith("lateral") for v in atlas.zone(zone_id).shapes), zone_id
    assert any(v.startswith("dorsal") for v in atlas.zone("lower-back").shapes)
    for zone_id in SPINE:
        assert {"medial-left", "medial-right"} <= set(atlas.zone(zone_id).shapes), zone_id


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


# Words that would claim an effect. "treatment" is allowed: the red flags say a condition
# needs medical treatment, which is the opposite of a claim for reflexology.
CLAIM_WORDS = re.compile(
    r"\b(cure[sd]?|curing|curative|heal(s|ed|ing|er)?|treat(s|ed|ing)?|remed(y|ies)|reliev\w*|relief|"
    r"detox\w*|boost\w*|unblock\w*|restor(e|es|ing)|balances?\b|therapeutic|stimulates?)\b",
    re.IGNORECASE,
)


# The same for German: "behandelt werden muss" (needs medical care) is not used; the red
# flags say "ärztlich versorgt".
CLAIM_WORDS_DE = re.compile(
    r"\b(heil(t|en|ung|end|sam)\w*|kurier\w*|behandel\w*|lindert?|linderung|entgift\w*|"
    r"therapeutisch\w*|stimulier\w*|aktivier\w*|st[äa]rkt|beseitig\w*|wirkt gegen|hilft gegen|"
    r"blockaden)\b",
    re.IGNORECASE,
)


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
