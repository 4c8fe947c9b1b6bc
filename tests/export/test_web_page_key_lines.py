"""The web page's key breaks its guide lines' names between names or words, never so that a
line starts with a slash (finding S19-14: "Becken- / Fersenlinie" wrapped before its "/" at
1,280 × 720). Looked at in Chromium: where each line of the key starts."""

from __future__ import annotations

import pytest

from .browser import browser, have_browser

LINE_STARTS = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const span = fig && fig.querySelector('.key li.guides span');
if (!span) return [];
const starts = [];
let top = null;
const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  for (let i = 0; i < node.data.length; i++) {
    if (/[\\s\\u2066-\\u2069]/.test(node.data[i])) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    if (top === null || rect.top > top + 2) starts.push(node.data.slice(i, i + 12));
    top = rect.top;
  }
}
return starts;
"""


@pytest.mark.skipif(not have_browser(), reason="needs chromium and chromium-driver")
@pytest.mark.parametrize(
    "size, mobile",
    [((390, 844), True), ((844, 390), True), ((1280, 720), False), ((1024, 768), False)],
    ids=["upright", "sideways", "small-desktop", "1024"],
)
def test_no_line_of_the_key_starts_with_a_slash(page, size, mobile):
    driver = browser(size, mobile=mobile, viewport=not mobile)
    try:
        driver.get(page.as_uri())
        tabs = driver.find_elements("css selector", ".tab")
        seen = 0
        for tab in tabs:
            driver.execute_script("arguments[0].click()", tab)
            starts = driver.execute_script(LINE_STARTS)
            seen += len(starts)
            assert not [s for s in starts if s[0] in "/,;:)"], starts
        assert seen  # the key's guide lines were looked at
    finally:
        driver.quit()


DASH_AND_FIRST_LINE = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const li = fig && fig.querySelector('.key li.guides');
if (!li) return null;
const dash = li.querySelector('.dash').getBoundingClientRect();
const span = li.querySelector('span');
const range = document.createRange();
range.setStart(span.firstChild.firstChild || span.firstChild, 0);
range.setEnd(span.firstChild.firstChild || span.firstChild, 1);
const first = range.getClientRects()[0];
return [dash.top + dash.height / 2, first.top, first.bottom, span.getBoundingClientRect().height];
"""


@pytest.mark.skipif(not have_browser(), reason="needs chromium and chromium-driver")
@pytest.mark.parametrize(
    "size, mobile",
    [((390, 844), True), ((844, 390), True), ((1280, 720), False)],
    ids=["upright", "sideways", "small-desktop"],
)
def test_the_dashed_swatch_stands_level_with_the_first_line_of_its_names(page, size, mobile):
    """Centred on the names wrapped in two or three lines, the key's dash stood between them,
    at the start of the last line alone (German, a phone on its side): it now stands level
    with the words 'guide lines (approximate)' it goes with."""
    driver = browser(size, mobile=mobile, viewport=not mobile)
    try:
        driver.get(page.as_uri())
        seen = 0
        for tab in driver.find_elements("css selector", ".tab"):
            driver.execute_script("arguments[0].click()", tab)
            found = driver.execute_script(DASH_AND_FIRST_LINE)
            if not found:
                continue
            middle, top, bottom, _height = found
            assert top <= middle <= bottom, found
            seen += 1
        assert seen
    finally:
        driver.quit()
