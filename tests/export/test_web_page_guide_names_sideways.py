"""The guide lines' names on a phone held sideways (S16-7): the feet stand side by side, small,
and each foot's German "Becken- / Fersenlinie" ran across the gap onto the other foot. A
guide-line name now stays on its foot or beside its outer side (never past the middle of
the space between the feet, never over the other foot); where it finds no such place the
key under the feet names it. And a name hidden at one placing measured 0 px wide at the
next (a resize, a turn of the phone), so it was drawn where nothing fitted: placed again,
the names stand where they stood."""

from __future__ import annotations

import pytest

from .browser import browser
from .test_web_page_guide_names import ask_for_guide_names

SIDEWAYS = {"844x390": (844, 390), "640x360": (640, 360)}

NAMES = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const rect = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const feet = Object.fromEntries([...fig.querySelectorAll('g.view')].map((g) =>
  [g.dataset.view, rect(g.querySelector('path.outline'))]));
const names = [...fig.querySelectorAll('g.gnames')].flatMap((g) =>
  [...g.querySelectorAll('text.gname')].map((t) => ({view: g.dataset.view, name: t.dataset.name,
    shown: getComputedStyle(t).display !== 'none', box: rect(t)})));
const key = fig.querySelector('.key .guides');
return {feet: feet, names: names, key: key ? key.textContent : ''};
"""


def _plain(text: str) -> str:
    return "".join(text.replace("\u2068", "").replace("\u2069", "").split())


def _overlap(a, b, slack=0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def _between(own, other):
    """The middle of the space between two feet: ("right", x) when `other` stands to the right
    of `own`, and so on; None when they are not apart."""
    if other[0] >= own[2]:
        return "right", (own[2] + other[0]) / 2
    if other[2] <= own[0]:
        return "left", (own[0] + other[2]) / 2
    if other[1] >= own[3]:
        return "below", (own[3] + other[1]) / 2
    if other[3] <= own[1]:
        return "above", (own[1] + other[3]) / 2
    return None


@pytest.fixture(scope="module", params=sorted(SIDEWAYS))
def phone(request):
    driver = browser(SIDEWAYS[request.param], mobile=True, viewport=True)
    driver.size_name = request.param
    yield driver
    driver.quit()


def test_a_guide_name_stays_on_its_foot_or_the_key_names_it(phone, page):
    phone.get(page.as_uri())
    ask_for_guide_names(phone)  # (off the small feet until asked for: test_web_page_guide_names_phone.py)
    for tab in phone.find_elements("css selector", ".tab"):
        phone.execute_script("arguments[0].click()", tab)
        where = f"{phone.size_name}, {page.stem}, {tab.get_attribute('data-aspect')}"
        got = phone.execute_script(NAMES)
        feet = got["feet"]
        assert len(feet) == 2 and got["names"], where
        for name in got["names"]:
            text = name["name"]
            if not name["shown"]:  # no place by its line on its side: the key names it
                assert _plain(text) in _plain(got["key"]), (where, text, got["key"])
                continue
            box, own = name["box"], feet[name["view"]]
            assert box[2] > box[0], (where, text, box)
            for view, other in feet.items():
                if view == name["view"]:
                    continue
                assert not _overlap(box, other), (where, text, box, view, other)
                side, middle = _between(own, other)
                reach = {"right": box[2] <= middle, "left": box[0] >= middle}.get(side)
                if reach is None:
                    reach = box[3] <= middle if side == "below" else box[1] >= middle
                assert reach, (where, text, box, side, middle)
        # placed again (the page resized): every name where it stood, the hidden ones hidden
        phone.execute_script("window.dispatchEvent(new Event('resize'))")
        again = phone.execute_script(NAMES)
        before = [(n["name"], n["shown"], [round(v) for v in n["box"]]) for n in got["names"]]
        after = [(n["name"], n["shown"], [round(v) for v in n["box"]]) for n in again["names"]]
        assert after == before, where
