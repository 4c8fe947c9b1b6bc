"""The guide lines' names on a phone (issue 16, S19-14): at their legible 12.5 CSS px, on
their paper veils, they stood on a fifth of the small soles held upright (a third of them
held sideways) and hid the zones under them. On a small screen, where the names would cover
more than a few hundredths of the feet, they are off the feet and the key under the feet
names the lines; its "Names on the feet" toggle puts them on the feet by their lines, and a
second tap takes them off again. A desktop's large feet keep them, with no toggle."""

from __future__ import annotations

import pytest

from .browser import browser, click_at

FOLD_COVER = 0.08  # page.js: the share of the feet's bounds the names may cover on a small screen

SEEN = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const feet = [...fig.querySelectorAll('g.view path.outline')].map((p) => p.getBoundingClientRect());
const names = [...fig.querySelectorAll('text.gname')].filter((t) => getComputedStyle(t).display !== 'none');
const boxes = names.map((t) => t.getBoundingClientRect());
let area = 0, covered = 0;
for (const f of feet) {
  area += f.width * f.height;
  for (const v of boxes) {
    const w = Math.min(f.right, v.right) - Math.max(f.left, v.left);
    const h = Math.min(f.bottom, v.bottom) - Math.max(f.top, v.top);
    if (w > 0 && h > 0) covered += w * h;
  }
}
const toggle = fig.querySelector('.key .gnames-show');
const r = toggle && toggle.getBoundingClientRect();
return {shown: names.length, all: fig.querySelectorAll('text.gname').length, cover: covered / area,
  key: fig.querySelector('.key .guides').textContent,
  toggle: toggle && !toggle.hidden && r.width > 0 ? [r.left + r.width / 2, r.top + r.height / 2] : null,
  pressed: toggle && toggle.getAttribute('aria-pressed')};
"""


def _plain(text: str) -> str:
    return "".join(text.replace("\u2068", "").replace("\u2069", "").split())


def _tap_toggle(driver) -> None:
    """A real tap on the key's toggle, scrolled into the middle of the screen first."""
    driver.execute_script(
        "document.querySelector('figure.aspect:not([hidden]) .gnames-show').scrollIntoView({block: 'center'})"
    )
    x, y = driver.execute_script(SEEN)["toggle"]
    click_at(driver, x, y)


@pytest.fixture(scope="module", params=["390x844", "844x390"])
def phone(request):
    size = tuple(int(n) for n in request.param.split("x"))
    driver = browser(size, mobile=True)
    driver.size_name = request.param
    yield driver
    driver.quit()


def test_guide_names_leave_a_phones_feet_and_a_toggle_in_the_key_shows_them(phone, page):
    phone.get(page.as_uri())
    tabs = phone.find_elements("css selector", ".tab")
    for tab in tabs:
        phone.execute_script("arguments[0].click()", tab)
        where = f"{phone.size_name}, {page.stem}, {tab.get_attribute('data-aspect')}"
        got = phone.execute_script(SEEN)
        # before: 12 names on the soles over 21 % of them (upright), 35 % sideways
        assert got["cover"] <= FOLD_COVER, (where, got["shown"], round(got["cover"], 3))
        assert got["all"] and got["toggle"], where  # the names are there to be shown, and the way to
        assert got["pressed"] == "false", where
        names = phone.execute_script(
            "return [...document.querySelectorAll('figure.aspect:not([hidden]) text.gname')]"
            ".map((t) => t.dataset.name || t.textContent)"
        )
        assert all(_plain(n) in _plain(got["key"]) for n in names), where  # the key names every line
    # tapped: on the feet, on every view (one choice for the page), where they find a place
    _tap_toggle(phone)
    for tab in tabs:
        phone.execute_script("arguments[0].click()", tab)
        where = f"{phone.size_name}, {page.stem}, {tab.get_attribute('data-aspect')}"
        got = phone.execute_script(SEEN)
        assert got["pressed"] == "true" and got["toggle"], where
        shown = (where, got["shown"], got["all"])
        assert got["shown"] >= got["all"] // 2 and got["cover"] > FOLD_COVER, shown
    # tapped again: off the feet
    _tap_toggle(phone)
    got = phone.execute_script(SEEN)
    assert got["shown"] == 0 and got["pressed"] == "false", phone.size_name


def test_a_desktops_feet_keep_their_guide_names_with_no_toggle(page):
    driver = browser((1920, 1080), viewport=True)
    try:
        driver.get(page.as_uri())
        for tab in driver.find_elements("css selector", ".tab"):
            driver.execute_script("arguments[0].click()", tab)
            got = driver.execute_script(SEEN)
            assert got["shown"] == got["all"] > 0 and got["toggle"] is None, tab.get_attribute("data-aspect")
    finally:
        driver.quit()
