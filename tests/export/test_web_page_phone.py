"""The web page on a 390×844 phone (Chromium's mobile emulation): every control inside the screen
and finger-sized, the view tabs wrapping instead of scrolling out of sight, and every zone's
name readable at the first fit (the labels beside the feet came out about 4 px high there: the
page lists the names under the feet instead). The desktop page keeps its labels beside the feet."""

from __future__ import annotations

import pytest

from .browser import DESKTOP, PHONE, browser

TARGET_PX = 44  # the smallest target a finger hits reliably (WCAG 2.5.5, Apple's HIG)
READABLE_PX = 12  # the smallest type a student reads on a phone held in the hand


@pytest.fixture(scope="module")
def phone():
    driver = browser(PHONE, mobile=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def desktop():
    driver = browser(DESKTOP)
    yield driver
    driver.quit()


CONTROLS = """
const out = [];
for (const e of document.querySelectorAll('header button, header input, header label, #panel-close')) {
    if (!e.getClientRects().length) continue;
    const r = e.getBoundingClientRect();
    out.push({name: e.id || e.textContent.trim(), left: r.left, right: r.right, top: r.top,
              width: r.width, height: r.height});
}
return out;
"""

# Each zone named on the shown view, and the largest type (CSS px) it is named in there: its
# label beside the feet (SVG units times the chart's scale) or its button in the names list.
NAMED = """
const out = {};
const fig = document.querySelector('figure.aspect:not([hidden])');
const zones = new Set([...fig.querySelectorAll('text.lab')].map((t) => t.dataset.zone));
for (const z of zones) out[z] = 0;
for (const t of fig.querySelectorAll('text.lab')) {
    if (!t.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    out[t.dataset.zone] = Math.max(out[t.dataset.zone], px);
}
for (const b of fig.querySelectorAll('button[data-zone]')) {
    if (!b.getClientRects().length || !(b.dataset.zone in out)) continue;
    out[b.dataset.zone] = Math.max(out[b.dataset.zone], parseFloat(getComputedStyle(b).fontSize));
}
return out;
"""


def _tabs(driver):
    return driver.find_elements("css selector", ".tab")


def test_every_control_is_on_the_phone_screen_and_finger_sized(phone, page):
    phone.get(page.as_uri())
    width = phone.execute_script("return window.innerWidth")
    assert phone.execute_script("return document.documentElement.scrollWidth") <= width
    assert phone.execute_script(
        "const t = document.querySelector('[role=tablist]'); return t.scrollWidth <= t.clientWidth"
    ), "the view tabs scroll sideways"
    controls = phone.execute_script(CONTROLS)
    names = [c["name"] for c in controls]
    assert {"zoom-in", "zoom-out", "quiz-start", "search"} <= set(names)
    assert all(t.text in names for t in _tabs(phone)) and len(_tabs(phone)) == 4
    for c in controls:
        assert 0 <= c["left"] and c["right"] <= width, c
        if c["name"] != "labels":  # the check box is hit through its label, which is measured
            assert c["height"] >= TARGET_PX and c["width"] >= TARGET_PX, c
    for tab in _tabs(phone):  # every tab is tappable where it stands
        tab.click()
        assert tab.get_attribute("aria-selected") == "true"
    # the zone card's × (shown with a card, which is a sheet over the lower screen)
    phone.execute_script("document.querySelector('figure:not([hidden]) .names button').click()")
    close = [c for c in phone.execute_script(CONTROLS) if c["name"] == "panel-close"]
    assert close and close[0]["height"] >= TARGET_PX and close[0]["width"] >= TARGET_PX, close
    assert 0 <= close[0]["left"] and close[0]["right"] <= width, close


def test_every_zone_is_named_readably_on_each_view_of_the_phone(phone, page):
    phone.get(page.as_uri())
    for tab in _tabs(phone):
        tab.click()
        named = phone.execute_script(NAMED)
        assert len(named) >= 5, tab.text
        small = {zone: round(px, 1) for zone, px in named.items() if px < READABLE_PX}
        assert small == {}, f"{tab.text}: names under {READABLE_PX} CSS px"
        assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]


def test_tapping_a_listed_name_marks_its_zone_on_the_feet_and_opens_its_card(phone, page):
    phone.get(page.as_uri())
    button = phone.find_element("css selector", "figure:not([hidden]) .names button[data-zone=sacrum]")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    assert (
        phone.execute_script("return document.querySelector('article.card:not([hidden])').dataset.zone")
        == "sacrum"
    )
    marked = phone.execute_script(
        "return [...document.querySelectorAll('figure:not([hidden]) path.z.sel')].map((p) => {"
        "  const r = p.getBoundingClientRect(); return [p.dataset.zone, r.top, r.bottom]; })"
    )
    assert marked and {zone for zone, _top, _bottom in marked} == {"sacrum"}
    # the feet are scrolled back into sight above the card, so the marked zone can be seen
    panel_top = phone.execute_script("return document.getElementById('panel').getBoundingClientRect().top")
    assert any(0 <= top and bottom <= panel_top for _zone, top, bottom in marked), (marked, panel_top)


def test_zoomed_in_on_the_phone_the_labels_return_beside_the_feet(phone, page):
    """Zoomed ×3 (the chart three screens wide), the English soles' labels are 12 px: they are
    drawn beside the feet again; the German ones (longer names, a wider drawing) stay listed."""
    phone.get(page.as_uri())
    for _ in range(2):
        phone.find_element("id", "zoom-in").click()
    named = phone.execute_script(NAMED)
    assert min(named.values()) >= READABLE_PX
    beside, listed = phone.execute_script(
        "const f = document.querySelector('figure:not([hidden])');"
        "return [f.querySelector('text.lab').getClientRects().length > 0,"
        "        f.querySelector('.names').getClientRects().length > 0];"
    )
    assert beside != listed
    assert beside == page.name.endswith("-en.html")


def test_the_desktop_monitor_keeps_its_labels_beside_the_feet_and_no_list(desktop, page):
    desktop.get(page.as_uri())
    for tab in _tabs(desktop):
        tab.click()
        assert not desktop.execute_script(
            "const n = document.querySelector('figure:not([hidden]) .names');"
            "return Boolean(n) && n.getClientRects().length > 0"
        ), tab.text
        labels = desktop.execute_script(
            "return [...document.querySelectorAll('figure:not([hidden]) text.lab')].map((t) =>"
            "  t.getClientRects().length ? parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a : 0)"
        )
        assert labels and min(labels) >= READABLE_PX, tab.text  # 12.6 px on the side views (10 before)


def test_the_names_list_gives_nothing_away_during_a_quiz(phone, page):
    phone.get(page.as_uri())
    phone.find_element("id", "quiz-start").click()
    assert not phone.execute_script(
        "return document.querySelector('figure:not([hidden]) .names').getClientRects().length > 0"
    )
    assert not phone.execute_script(
        "return document.querySelector('figure:not([hidden]) text.lab').getClientRects().length > 0"
    )


def test_the_feet_alone_move_together_and_fill_the_phone(phone, page):
    """With the names listed, the soles stand side by side without the label columns' gap
    between them: together 292 px of the 390 (163 px beside the labels, 226 px when the
    feet kept the places they have beside their columns)."""
    phone.get(page.as_uri())
    feet = phone.execute_script(
        "return [...document.querySelectorAll('figure:not([hidden]) g.view')]"
        ".map((g) => { const r = g.getBoundingClientRect(); return [r.left, r.right]; })"
    )
    assert len(feet) == 2
    assert sum(right - left for left, right in feet) >= 0.7 * PHONE[0], feet
    (_l1, r1), (l2, _r2) = sorted(feet)
    assert 0 < l2 - r1 < 0.1 * PHONE[0], feet  # apart, but close


def test_a_phone_held_sideways_keeps_finger_sized_controls_and_draws_the_feet(page):
    """844×390: the desktop layout (panel beside the chart) on a touch screen; the names list
    under the feet must not squeeze the drawing away (it once took the whole pane)."""
    driver = browser(PHONE[::-1], mobile=True)
    try:
        driver.get(page.as_uri())
        for c in driver.execute_script(CONTROLS):
            if c["name"] != "labels":
                assert c["height"] >= TARGET_PX and c["width"] >= TARGET_PX, c
        svg = driver.execute_script(
            "const r = document.querySelector('figure:not([hidden]) svg.chart').getBoundingClientRect();"
            "return [r.width, r.height];"
        )
        assert svg[1] >= 150, svg
        named = driver.execute_script(NAMED)
        assert min(named.values()) >= READABLE_PX
    finally:
        driver.quit()


def test_the_labels_box_says_what_it_shows_and_does_it(phone, desktop, page):
    """On the phone the names are listed under the feet (no labels beside them): the box there
    says "Name list" and hides and shows that list (it said "Labels", ticked, with no label on
    the map). On a desktop monitor it says "Labels" and hides and shows the labels."""
    listed_word = {"en": "Name list", "de": "Namensliste"}[page.stem.rsplit("-", 1)[1]]
    labels_word = {"en": "Labels", "de": "Beschriftungen"}[page.stem.rsplit("-", 1)[1]]
    shown = "return [...document.querySelectorAll(arguments[0])].some((e) => e.getClientRects().length > 0)"
    for driver, word, what in (
        (phone, listed_word, "figure:not([hidden]) .names"),
        (desktop, labels_word, "figure:not([hidden]) text.lab"),
    ):
        driver.get(page.as_uri())
        for tab in _tabs(driver):
            tab.click()
            box = driver.find_element("css selector", "label.check")
            assert box.text == word and driver.find_element("id", "labels").is_selected(), tab.text
            assert driver.execute_script(shown, what), (tab.text, what)
            box.click()
            assert not driver.execute_script(shown, what), (tab.text, what)
            box.click()
            assert driver.execute_script(shown, what), (tab.text, what)
