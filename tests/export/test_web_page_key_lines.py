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
