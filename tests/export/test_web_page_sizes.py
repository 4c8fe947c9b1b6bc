"""The web page as a person sees it on a phone held upright (390×844) and sideways (844×390),
on a 1280×720 and on a 1920×1080 screen, in English and German, on every view: every text
meant to be read is at least 12 CSS px (the zone labels beside the feet once came out at
5.3 px on 1280×720, the feet's captions at about 10 px on a phone), the welcome does not
cover the feet (on a phone it was a sheet over their lower half), no label or caption is cut
at the drawing's edge, and held sideways the feet take the screen's height (they had 180 px)."""

from __future__ import annotations

import pytest

from reflexmap import load_atlas

from .browser import browser, click_mm

READ_PX = 12
SIZES = {
    "phone": ((390, 844), True),
    "sideways": ((844, 390), True),
    "1280x720": ((1280, 720), False),
    "1920x1080": ((1920, 1080), False),
}


@pytest.fixture(scope="module", params=sorted(SIZES))
def driver(request):
    size, mobile = SIZES[request.param]
    d = browser(size, mobile=mobile)
    d.size_name = request.param
    yield d
    d.quit()


# Every element showing text of its own, with the CSS px its letters are drawn at (SVG text:
# its font size times the drawing's scale) and its box.
TEXTS = """
const out = [];
for (const e of document.querySelectorAll('body *')) {
    if (e.closest('script, style, dialog:not([open]), [hidden]')) continue;
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.getClientRects().length) continue;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let px = parseFloat(style.fontSize);
    // (the scale along the text: a guide line's name slopes with its line)
    if (e instanceof SVGElement) { const m = e.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
    const r = e.getBoundingClientRect();
    out.push({text: e.textContent.trim().slice(0, 40), px: px, svg: e instanceof SVGElement,
              box: [r.left, r.top, r.right, r.bottom]});
}
return out;
"""

SVG_BOX = """
const r = document.querySelector('figure.aspect:not([hidden]) svg.chart').getBoundingClientRect();
return [r.left, r.top, r.right, r.bottom];
"""


def _tabs(driver):
    return driver.find_elements("css selector", ".tab")


def test_every_text_on_every_view_is_at_least_12_px_and_none_is_cut(driver, page):
    driver.get(page.as_uri())
    for tab in _tabs(driver):
        driver.execute_script("arguments[0].click()", tab)
        texts = driver.execute_script(TEXTS)
        small = sorted({(t["text"], round(t["px"], 1)) for t in texts if t["px"] < READ_PX - 0.05})
        assert small == [], f"{driver.size_name}, {tab.text}: text under {READ_PX} px"
        left, top, right, bottom = driver.execute_script(SVG_BOX)
        cut = [
            t["text"]
            for t in texts
            if t["svg"]
            and not (left - 0.5 <= t["box"][0] and t["box"][2] <= right + 0.5)
            or t["svg"]
            and not (top - 0.5 <= t["box"][1] and t["box"][3] <= bottom + 0.5)
        ]
        assert cut == [], f"{driver.size_name}, {tab.text}: cut at the drawing's edge"
        assert driver.execute_script("return document.documentElement.scrollWidth") <= driver.execute_script(
            "return innerWidth"
        )


def test_the_desktop_monitor_keeps_its_labels_beside_the_feet(page):
    """1920×1080: every view's names stand beside the feet (the list is for smaller charts)."""
    driver = browser((1920, 1080))
    try:
        driver.get(page.as_uri())
        for tab in _tabs(driver):
            tab.click()
            assert driver.execute_script(
                "return document.querySelector('figure:not([hidden]) text.lab').getClientRects().length > 0"
            ), tab.text
    finally:
        driver.quit()


def test_nothing_covers_the_feet_when_the_page_opens(driver, page):
    driver.get(page.as_uri())
    feet = driver.execute_script(SVG_BOX)
    for selector in ("#panel", "footer", "header"):
        left, top, right, bottom = driver.execute_script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return [r.left, r.top, r.right, r.bottom];",
            selector,
        )
        overlap_x = min(right, feet[2]) - max(left, feet[0])
        overlap_y = min(bottom, feet[3]) - max(top, feet[1])
        assert overlap_x <= 0 or overlap_y <= 0, (driver.size_name, selector, feet)


def test_a_tapped_zone_stays_in_sight_above_the_card(driver, page):
    """The card opens over the lower part of a phone's screen: the zone tapped (the coccyx, at
    the heel) is scrolled into sight above it; × puts the card back into the page."""
    driver.get(page.as_uri())
    atlas = load_atlas()
    click_mm(driver, "plantar-left", *atlas.anchors("plantar-left")["coccyx"])
    shown = driver.execute_script("return document.querySelector('article.card:not([hidden])').dataset.zone")
    assert shown in {z.id for z in atlas.zones_at("plantar-left", *atlas.anchors("plantar-left")["coccyx"])}
    zone = driver.execute_script(
        "const p = document.querySelector('figure:not([hidden]) path.z.sel').getBoundingClientRect();"
        "const c = document.getElementById('panel').getBoundingClientRect();"
        "const fixed = getComputedStyle(document.getElementById('panel')).position === 'fixed';"
        "const under = fixed && c.left <= 0;"  # a sheet under the feet (upright) or beside (sideways)
        "const bar = document.querySelector('header').getBoundingClientRect().bottom;"
        "return [p.top, p.bottom, under ? c.top : innerHeight, p.left, p.right, under ? innerWidth : c.left,"
        "        getComputedStyle(document.querySelector('header')).position === 'sticky' ? bar : 0];"
    )
    top, bottom, room, left, right, room_x, bar = zone
    assert bar <= top and bottom <= room + 0.5 and right <= room_x + 0.5, (driver.size_name, zone)
    if driver.size_name == "phone":
        driver.find_element("id", "panel-close").click()
        where = driver.execute_script("return getComputedStyle(document.getElementById('panel')).position")
        assert where != "fixed"  # back in the page


def test_held_sideways_the_feet_take_the_screens_height(page):
    size, mobile = SIZES["sideways"]
    driver = browser(size, mobile=mobile)
    try:
        driver.get(page.as_uri())
        height = driver.execute_script("return innerHeight")
        for tab in _tabs(driver):
            tab.click()
            left, top, right, bottom = driver.execute_script(SVG_BOX)
            assert bottom - top >= 0.8 * height, (tab.text, bottom - top, height)
            # scrolled to, the whole drawing is on the screen at once
            driver.execute_script(
                "document.querySelector('figure:not([hidden]) svg.chart').scrollIntoView({block: 'start'})"
            )
            left, top, right, bottom = driver.execute_script(SVG_BOX)
            assert top >= -0.5 and bottom <= height + 0.5, (tab.text, top, bottom, height)
    finally:
        driver.quit()
