"""The web page's quiz on a phone, by touch (Chromium's mobile emulation, touches sent through
DevTools as a finger gives them): one finger on the feet scrolls the page, as everywhere else
on it, and is no answer; a tap still answers, two fingers still zoom the drawing
(test_web_page_quiz_zoom). Before, the feet took every touch in a quiz (touch-action: none):
a student whose finger landed on them could not scroll to the question's sheet or the page
under it. And the ✔ and ✖ drawn on the feet are sized to the verdict's words beside them, at
any text size the reader chose (they were 20 CSS px always: smaller than 24 px words)."""

from __future__ import annotations

import pytest

from .browser import browser
from .test_web_page_quiz_zoom import _touch, answered

# a point on the feet (any zone) in sight above the question's sheet, near the sheet's top
ON_FEET = """
const sheet = document.getElementById('panel').getBoundingClientRect();
for (let y = Math.floor(sheet.top) - 30; y > 40; y -= 6) for (let x = 30; x < innerWidth - 30; x += 6) {
  const e = document.elementFromPoint(x, y);
  if (e && e.matches('path.z')) return [x, y];
}
return null;
"""


def _wait(driver, ms=150):
    driver.execute_script("return new Promise((done) => setTimeout(done, arguments[0]))", ms)


def _settled(driver, script: str, since, seconds: float = 5.0):
    """What `script` returns once it has changed from `since` and then given the same value
    twice, 150 ms apart (at most `seconds` in all): a scroll begun and its momentum ended."""
    import time

    end = time.monotonic() + seconds
    last = driver.execute_script(script)
    while time.monotonic() < end:
        _wait(driver)
        now = driver.execute_script(script)
        if now == last and now != since:
            return now
        last = now
    return last


@pytest.mark.parametrize("size", [(390, 844), (844, 390)])
def test_one_finger_on_the_feet_scrolls_the_page_in_a_quiz(page, size):
    driver = browser(size, mobile=True)
    try:
        driver.get(page.as_uri())
        driver.execute_script("document.getElementById('quiz-start').click()")
        _wait(driver)
        if size[0] < size[1]:
            point = driver.execute_script(ON_FEET)
        else:  # sideways the sheet stands at the right: a zone at the left, mid-height
            point = driver.execute_script(
                "for (let x = 40; x < 300; x += 6) for (let y = 120; y < innerHeight - 40; y += 6) {"
                " const e = document.elementFromPoint(x, y); if (e && e.matches('path.z')) return [x, y]; }"
                "return null;"
            )
        assert point, "no zone in sight"
        x, y = point
        room = driver.execute_script("return document.scrollingElement.scrollHeight - innerHeight - scrollY")
        assert room > 60, room  # the page can be scrolled on
        before = driver.execute_script("return scrollY")
        _touch(driver, "touchStart", [(x, y)])
        for step in range(1, 13):
            _touch(driver, "touchMove", [(x, y - 12 * step)])
            _wait(driver, 16)
        _touch(driver, "touchEnd", [])
        # (the page scrolls as the browser gets to it: later on a loaded machine)
        after = _settled(driver, "return scrollY", before)
        assert after - before > 40, (before, after)  # the finger moved 144 px up: the page followed
        assert driver.find_element("id", "quiz-mark").text == ""  # a scroll is no answer
        assert driver.execute_script("return visualViewport.scale") == 1
        # a tap on the feet still answers
        point = driver.execute_script(
            "for (let y = 60; y < innerHeight - 40; y += 6) for (let x = 30; x < innerWidth / 2; x += 6) {"
            " const e = document.elementFromPoint(x, y); if (e && e.matches('path.z')) return [x, y]; }"
            "return null;"
        )
        _touch(driver, "touchStart", [point])
        _touch(driver, "touchEnd", [])
        mark = answered(driver)
        assert mark and mark[:1] in "✔≈✖", mark
    finally:
        driver.quit()


MARKS = """
const words = parseFloat(getComputedStyle(document.getElementById('quiz-mark')).fontSize);
return [words, [...document.querySelectorAll('text.qmark')].map((t) =>
  parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getScreenCTM().a)];
"""


@pytest.mark.parametrize(
    ("size", "mobile", "text_px"),
    [((390, 844), True, 0), ((1024, 768), False, 0), ((1024, 768), False, 24), ((1920, 1080), False, 20)],
)
def test_the_marks_on_the_feet_are_sized_to_the_verdicts_words(page, size, mobile, text_px):
    driver = browser(size, mobile=mobile, viewport=not mobile, text_px=text_px)
    try:
        driver.get(page.as_uri())
        driver.execute_script("document.getElementById('quiz-start').click()")
        # a miss by the keyboard: Enter on a zone that is not the one asked
        asked = driver.execute_script(
            "const p = document.getElementById('quiz-prompt').textContent;"
            "return [...document.querySelectorAll('article.card')].find((c) => p.startsWith(c.dataset.ask)"
            " || p.startsWith(c.dataset.ask.replace(/[\\u2068\\u2069]/g, ''))).dataset.zone"
        )
        key = driver.execute_script(
            "return [...document.querySelectorAll('figure:not([hidden]) path.k')]"
            ".find((k) => k.dataset.zone !== arguments[0] &&"
            " document.getElementById('card-' + k.dataset.zone).dataset.ask !=="
            " document.getElementById('card-' + arguments[0]).dataset.ask)",
            asked,
        )
        driver.execute_script("arguments[0].focus({preventScroll: true})", key)
        from selenium.webdriver.common.keys import Keys

        key.send_keys(Keys.ENTER)
        words, marks = driver.execute_script(MARKS)
        assert words >= (text_px or 16) * 0.95, words
        # ✔ at the asked zone, ✖ at the zone chosen by Enter (its anchor, as the app's Enter)
        assert "✔" in driver.find_element("id", "quiz-mark").text and len(marks) >= 2, marks
        for mark in marks:  # a symbol on colours a little larger than the words, never smaller
            assert 1.1 * words <= mark <= 1.4 * words, (words, marks)
    finally:
        driver.quit()
