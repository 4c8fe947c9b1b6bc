"""The web page with its names list cleared (the Labels / Name list box unticked): the list
keeps no room, so the feet take the pane, upright, sideways, on a small desktop and after
turning the phone back and forth. Before, sideways (844×390) the feet stood at the left and the
right half of the screen was white (the grid's column for the list stayed, empty); on a
1280×720 window they kept 3/5 of the pane the same way."""

from __future__ import annotations

import pytest

from .browser import browser

UPRIGHT, SIDEWAYS = (390, 844), (844, 390)

FEET = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const feet = [...fig.querySelectorAll('g.view')].map((g) => g.getBoundingClientRect());
const pane = document.getElementById('chart').getBoundingClientRect();
const style = getComputedStyle(document.getElementById('chart'));
const bar = ['sticky', 'fixed'].includes(getComputedStyle(document.querySelector('header')).position)
  ? document.querySelector('header').getBoundingClientRect().bottom : 0;
return {left: Math.min(...feet.map((r) => r.left)), right: Math.max(...feet.map((r) => r.right)),
  top: Math.min(...feet.map((r) => r.top)), bottom: Math.max(...feet.map((r) => r.bottom)),
  pane: [pane.left + parseFloat(style.paddingLeft), pane.right - parseFloat(style.paddingRight)],
  bar: bar, inner: [innerWidth, innerHeight], names: fig.querySelector('.names').getClientRects().length};
"""


def _turn(driver, size):
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": size[0], "height": size[1], "deviceScaleFactor": 2, "mobile": True},
    )
    driver.execute_script("return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")


def _assert_feet_take_the_pane(got, size):
    left, right = got["pane"]
    assert got["names"] == 0, got  # the list is gone
    width = right - left
    if size == SIDEWAYS:  # whole in the screen's height under the bar, centred in the width
        assert got["bar"] <= got["top"] and got["bottom"] <= size[1], got
        assert got["bottom"] - got["top"] >= 0.7 * size[1], got
        middle = (got["left"] + got["right"]) / 2
        assert abs(middle - (left + right) / 2) <= 0.03 * width, got  # was at the left: 140 of 422
    else:  # as wide as the pane lets them be
        assert got["right"] - got["left"] >= 0.85 * width, got
        assert left - 1 <= got["left"] and got["right"] <= right + 1, got


@pytest.mark.parametrize("tab", [0, 2])  # the soles side by side; the lateral views one above the other
def test_the_feet_take_the_room_the_cleared_list_left_when_turned_back_and_forth(page, tab):
    driver = browser(SIDEWAYS, mobile=True)
    try:
        driver.get(page.as_uri())
        driver.find_elements("css selector", ".tab")[tab].click()
        driver.find_element("id", "tools-open").click()
        driver.find_element("id", "labels").click()
        driver.find_element("id", "tools-open").click()
        for size in (SIDEWAYS, UPRIGHT, SIDEWAYS, UPRIGHT, SIDEWAYS):
            _turn(driver, size)
            driver.execute_script("window.scrollTo(0, 0)")
            _assert_feet_take_the_pane(driver.execute_script(FEET), size)
        driver.find_element("id", "tools-open").click()
        driver.find_element("id", "labels").click()  # ticked again: the list beside the feet
        got = driver.execute_script(FEET)
        assert got["names"] > 0 and got["left"] < got["pane"][0] + 0.1 * (got["pane"][1] - got["pane"][0])
    finally:
        driver.quit()


def test_on_a_small_desktop_the_feet_take_the_column_the_list_left(page):
    driver = browser((1280, 720), viewport=True)
    try:
        driver.get(page.as_uri())
        listed = driver.execute_script(FEET)
        driver.find_element("id", "labels").click()
        got = driver.execute_script(FEET)
        assert got["names"] == 0
        middle = (got["left"] + got["right"]) / 2
        left, right = got["pane"]
        assert abs(middle - (left + right) / 2) <= 0.03 * (right - left), (listed, got)
        assert got["bottom"] - got["top"] >= listed["bottom"] - listed["top"] - 1, (listed, got)
    finally:
        driver.quit()
