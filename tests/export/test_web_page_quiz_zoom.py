"""Zoom and pan of the feet during the web page's quiz on a phone, by touch as a student does it
(Chromium's mobile emulation, touches sent through DevTools): two fingers spread over the asked
zone make it larger where it is, beside the question's sheet, without zooming the page (the
sheet keeps its size); one finger drags the drawing; a tap on the zone at that zoom answers
it. Before, the fingers zoomed the whole page (the sheet with it) and the feet could only be
scrolled under it."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException

from reflexmap import load_atlas

from .browser import browser

PLACE = """
const out = {zone: [...document.querySelectorAll(
  'figure:not([hidden]) path.z[data-zone="' + arguments[0] + '"]')].map((p) => {
  const r = p.getBoundingClientRect();
  return {left: r.left, top: r.top, width: r.width, height: r.height,
    view: p.parentElement.dataset.view}; })};
const s = document.getElementById('panel').getBoundingClientRect();
out.sheet = [s.left, s.top, s.width, s.height];
out.scale = visualViewport.scale;
return out;
"""


def _place(driver, zone, index=None):
    """Where the zone is drawn on the screen: its drawing on one foot (`index`, or the largest
    one in sight), with the sheet's place and the page's own zoom."""
    got = driver.execute_script(PLACE, zone)
    if index is None:
        index = max(
            range(len(got["zone"])), key=lambda i: got["zone"][i]["width"] * (got["zone"][i]["left"] >= 0)
        )
    return {**got["zone"][index], "sheet": got["sheet"], "scale": got["scale"], "index": index}


# a point of the zone a student sees (on the screen, beside the sheet) and can tap
SEEN = """
const sheet = document.getElementById('panel').getBoundingClientRect();
const right = sheet.left > 0 ? sheet.left : innerWidth, bottom = sheet.left > 0 ? innerHeight : sheet.top;
let best = null;
for (let y = 20; y < bottom - 20; y += 4) for (let x = 20; x < right - 20; x += 4) {
  const here = document.elementsFromPoint(x, y);
  if (!here.some((e) => e.matches('path.z') && e.dataset.zone === arguments[0])) continue;
  const d = Math.hypot(x - right / 2, y - bottom / 2);
  if (!best || d < best[2]) best = [x, y, d];
}
return best && best.slice(0, 2);
"""


def _touch(driver, kind, points):
    driver.execute_cdp_cmd(
        "Input.dispatchTouchEvent",
        {"type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]},
    )


def answered(driver, seconds=5.0) -> str:
    """The verdict beside the question once the page has given one (a tap's click arrives
    after the touch itself, later on a loaded machine: 100 ms was not enough on CI), or ""."""
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05).until(
            lambda d: d.find_element("id", "quiz-mark").text
        )
    except TimeoutException:
        return ""


def _target(driver, chart) -> str:
    prompt = driver.find_element("id", "quiz-prompt").text
    for zone in chart.zones:
        ask = driver.execute_script(
            "return document.getElementById('card-' + arguments[0]).dataset.ask", zone.id
        )
        if prompt.startswith(ask.replace("\u2068", "").replace("\u2069", "")):
            return zone.id
    raise AssertionError(prompt)


@pytest.mark.parametrize("size", [(390, 844), (844, 390)])
def test_two_fingers_zoom_the_feet_beside_the_sheet_and_a_tap_still_answers(page, size):
    language = page.stem.rsplit("-", 1)[1]
    chart = load_atlas().localized(language)
    driver = browser(size, mobile=True)
    try:
        driver.get(page.as_uri())
        driver.execute_script("document.getElementById('quiz-start').click()")
        target = _target(driver, chart)
        before = _place(driver, target)
        cx, cy = before["left"] + before["width"] / 2, before["top"] + before["height"] / 2
        _touch(driver, "touchStart", [(cx - 15, cy), (cx + 15, cy)])
        for step in range(1, 9):
            _touch(driver, "touchMove", [(cx - 15 - 4 * step, cy), (cx + 15 + 4 * step, cy)])
        _touch(driver, "touchEnd", [])
        after = _place(driver, target, before["index"])
        assert after["scale"] == 1, after  # the page is not zoomed: the sheet keeps its size
        assert after["sheet"] == pytest.approx(before["sheet"], abs=1), (before, after)
        assert after["width"] >= 2.5 * before["width"], (before, after)  # spread 30 -> 94 px: about 3x
        ax, ay = after["left"] + after["width"] / 2, after["top"] + after["height"] / 2
        sheet = after["sheet"]
        right, bottom = (sheet[0], size[1]) if sheet[0] > 0 else (size[0], sheet[1])
        assert 0 <= ax <= right and 0 <= ay <= bottom, (cx, cy, after)  # it grew in sight, beside the sheet
        # one finger drags the drawing (the zone follows it), and that drag is not an answer;
        # toward the middle of what is in sight, so that the zone stays there to be tapped
        # (the question is drawn at random: a zone near the top left went out of sight, CI)
        sx, sy = (8 if ax < right / 2 else -8), (6 if ay < bottom / 2 else -6)
        _touch(driver, "touchStart", [(cx, cy)])
        for step in range(1, 7):
            _touch(driver, "touchMove", [(cx + sx * step, cy + sy * step)])
        _touch(driver, "touchEnd", [])
        moved = _place(driver, target, before["index"])
        assert (moved["left"] - after["left"]) * sx > 25 * 8, (after, moved)
        assert (moved["top"] - after["top"]) * sy > 18 * 6, (after, moved)
        assert driver.find_element("id", "quiz-mark").text == ""
        # a tap on the zone, as large as it is now, answers it
        x, y = driver.execute_script(SEEN, target)
        # a moment after the drag, as a person's finger comes down again: Chromium takes a tap
        # a few ms after a drag's end for no tap at all, no click (sacrum, en-size1: none even
        # 5 s on; 0.5 s later it answers, as does every tap of a person)
        driver.execute_script("return new Promise((done) => setTimeout(done, 600))")
        _touch(driver, "touchStart", [(x, y)])
        _touch(driver, "touchEnd", [])
        assert answered(driver).startswith("✔"), (target, x, y)
        # the next question shows the whole feet again
        driver.find_element("id", "quiz-next").click()
        again = _place(driver, _target(driver, chart))
        assert again["scale"] == 1
        assert driver.execute_script(
            "const s = document.querySelector('figure:not([hidden]) svg.chart');"
            "return s.getAttribute('viewBox') === s.dataset.fitted"
        )
    finally:
        driver.quit()
