"""The web page's key, as the app's and the exports' (S14-10): under (or beside) each view's
feet, the colours of the regions drawn there and what the dashed lines are, named and said to
be approximate, readable on a phone held either way and on a desktop. Before, the page had no
key and the guide lines' names were only in SVG <title> tooltips, which a phone never shows."""

from __future__ import annotations

import pytest

from reflexmap import load_atlas
from reflexmap.i18n import _, set_language
from reflexmap.vocab import region_name

from .browser import browser

READ_PX = 12

KEY = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const key = fig.querySelector('.key');
if (!key || !key.getClientRects().length) return null;
const r = key.getBoundingClientRect();
const texts = [...key.querySelectorAll('li')].map((li) => [li.textContent,
  parseFloat(getComputedStyle(li).fontSize), li.getBoundingClientRect().right]);
const svg = fig.querySelector('svg.chart').getBoundingClientRect();
const names = fig.querySelector('.names');
const n = names && names.getClientRects().length ? names.getBoundingClientRect() : null;
const apart = (a, b) => !b || a.right <= b.left + 1 || b.right <= a.left + 1
  || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
return {text: key.textContent, texts: texts, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
  inner: [innerWidth, innerHeight], clear: apart(r, svg) && apart(r, n), dash: !!key.querySelector('.dash'),
  scroll: scrollY};
"""


@pytest.mark.parametrize(
    "size, mobile",
    [((390, 844), True), ((844, 390), True), ((1280, 720), False), ((1920, 1080), False)],
    ids=["upright", "sideways", "small-desktop", "desktop"],
)
def test_each_view_has_a_key_of_its_regions_and_named_guide_lines(page, size, mobile):
    language = "de" if page.name.endswith("-de.html") else "en"
    set_language(language)
    try:
        atlas = load_atlas().localized(language)
        guide_text = _("guide lines (approximate)")
        expected = {}
        for aspect in atlas.aspects():
            views = atlas.views_of(aspect)
            regions = {region_name(z.region) for v in views for z in atlas.zones_in(v.id)}
            guides = {g.name for v in views for g in v.guides}
            expected[aspect] = (regions, guides)
    finally:
        set_language("en")
    assert any(guides for _r, guides in expected.values())  # the chart has guide lines to name
    driver = browser(size, mobile=mobile, viewport=not mobile)
    try:
        driver.get(page.as_uri())
        for index, aspect in enumerate(atlas.aspects()):
            tab = driver.find_elements("css selector", ".tab")[index]
            if not tab.is_displayed():  # sideways the views' row may scroll
                driver.execute_script("arguments[0].scrollIntoView()", tab)
            driver.execute_script("arguments[0].click()", tab)
            got = driver.execute_script(KEY)
            assert got is not None, (aspect, "no key shown")
            regions, guides = expected[aspect]
            for name in regions | guides:
                assert name in got["text"], (aspect, name, got["text"])
            assert (guide_text in got["text"]) == bool(guides) and got["dash"] == bool(guides)
            # readable: 12 px or more, inside the screen's width, clear of the feet and the names
            assert all(px >= READ_PX for _t, px, _r in got["texts"]), got["texts"]
            assert got["left"] >= 0 and got["right"] <= got["inner"][0] + 0.5, got
            assert all(right <= got["inner"][0] + 0.5 for _t, _px, right in got["texts"]), got
            assert got["clear"], got
            if size in ((844, 390), (1920, 1080)) or index == 0:  # seen without scrolling far
                assert got["top"] < got["inner"][1] * 2, got
    finally:
        driver.quit()
