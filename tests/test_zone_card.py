"""The one builder of a zone's text (reflexmap.content.zone_card): chart text is escaped,
isolated inside sentences, never a link unless it is a web address; the panel, the web page
and the presenter all read it."""

from __future__ import annotations

from dataclasses import replace

import reflexmap
from reflexmap.content import zone_card

HOSTILE = "<img src=x onerror=alert(1)>\u202eevil"


def _hostile_atlas():
    atlas = reflexmap.load_atlas()
    zone = atlas.zone("sacrum")
    bad = replace(zone, name=HOSTILE, claim=HOSTILE, technique=HOSTILE, note=HOSTILE, tradition=HOSTILE)
    zones = tuple(bad if z.id == "sacrum" else z for z in atlas.zones)
    return replace(atlas, zones=zones), bad


def test_chart_text_is_escaped_and_isolated_in_every_form():
    atlas, zone = _hostile_atlas()
    for where in (zone_card.PANEL, zone_card.PAGE):
        html = zone_card.heading_html(atlas, zone, where) + zone_card.details_html(atlas, zone, where)
        assert "<img" not in html and "&lt;img" in html
        assert "&lt;img src=x onerror=alert(1)&gt;\\u202eevil" in html and "\u202e" not in html
    for html in (zone_card.caption_html(zone), zone_card.compact_html(atlas, zone)):
        assert "<img" not in html and "&lt;img" in html and "\u202e" not in html
    text = zone_card.summary_text(zone)
    assert text.startswith(HOSTILE.replace("\u202e", "\\u202e") + ": ")  # its override shown


def test_the_claim_is_the_charts_claim():
    atlas = reflexmap.load_atlas()
    zone = atlas.zone("sacrum")
    assert "Charts place <b>the sacrum</b> here." in zone_card.heading_html(atlas, zone)
    assert zone_card.claim_text(zone) == "Charts place the sacrum here."


def test_only_web_addresses_become_links():
    atlas = reflexmap.load_atlas()
    zone = next(z for z in atlas.zones if any(atlas.sources[s].url for s in z.sources))
    page = zone_card.sources_html(atlas, zone, zone_card.PAGE)
    panel = zone_card.sources_html(atlas, zone, zone_card.PANEL)
    assert 'rel="noopener noreferrer"' in page and "target" not in panel
    assert "href='http" in panel
    bad = replace(atlas.sources[zone.sources[0]], url="javascript:alert(1)")
    hostile = replace(atlas, sources={**atlas.sources, zone.sources[0]: bad})
    assert "javascript" not in zone_card.sources_html(hostile, zone)
