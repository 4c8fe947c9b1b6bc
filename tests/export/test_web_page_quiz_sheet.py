"""The web page's quiz on a phone: the question is a sheet over the lower part of the screen
(upright) or beside the feet (sideways). When a question is asked, every zone of the view in
question is in sight, outside the sheet and under the bar, so the zone asked for can be
tapped (before, upright: the sheet covered y 456–844 and the feet's heel, 288–727, lay under
it while the question asked for the coccyx)."""

from __future__ import annotations

import pytest

from .browser import PHONE, browser

SIDEWAYS = (844, 390)

# every zone of the figure shown, and the room the sheet and a sticky bar leave them
ROOM = """
const panel = document.getElementById('panel');
const sheet = panel.getBoundingClientRect();
const fixed = getComputedStyle(panel).position === 'fixed';
const header = document.querySelector('header');
const bar = ['sticky', 'fixed'].includes(getComputedStyle(header).position)
  ? header.getBoundingClientRect().bottom : 0;
const room = {left: 0, top: Math.max(0, bar), right: innerWidth, bottom: innerHeight};
if (fixed && sheet.left <= 0) room.bottom = sheet.top; else if (fixed) room.right = sheet.left;
const fig = document.querySelector('figure.aspect:not([hidden])');
const zones = [...fig.querySelectorAll('path.z')].map((p) => {
  const r = p.getBoundingClientRect();
  return {zone: p.dataset.zone, left: r.left, top: r.top, right: r.right, bottom: r.bottom};
});
return {room, zones, sheet: [sheet.left, sheet.top, sheet.right, sheet.bottom],
  prompt: document.getElementById('quiz-prompt').textContent};
"""


def _hidden_zones(driver) -> tuple[list, dict]:
    got = driver.execute_script(ROOM)
    room = got["room"]
    hidden = [
        z
        for z in got["zones"]
        if z["top"] < room["top"] - 0.5
        or z["bottom"] > room["bottom"] + 0.5
        or z["left"] < room["left"] - 0.5
        or z["right"] > room["right"] + 0.5
    ]
    return hidden, got


@pytest.fixture(scope="module", params=["upright", "sideways"])
def phone(request):
    driver = browser(PHONE if request.param == "upright" else SIDEWAYS, mobile=True)
    yield driver
    driver.quit()


def test_every_zone_is_in_sight_above_the_sheet_at_each_question(phone, page):
    phone.get(page.as_uri())
    tabs = phone.find_elements("css selector", ".tab")
    for index in range(len(tabs)):
        phone.execute_script("window.scrollTo(0, 0)")
        phone.execute_script("document.querySelectorAll('.tab')[arguments[0]].click()", index)
        phone.execute_script("document.getElementById('quiz-start').click()")
        for question in range(4):
            hidden, got = _hidden_zones(phone)
            assert got["zones"], got
            assert not hidden, (index, question, got["prompt"], got["room"], got["sheet"], hidden[:3])
            # an answer (a tap outside every zone), then the next question
            phone.execute_script("document.getElementById('quiz-next').click()")
        phone.execute_script("document.getElementById('quiz-stop').click()")
        phone.execute_script("document.getElementById('quiz-stop').click()")


# The page as a student walks it on a phone: a zone's card
# open, then another view; a quiz started with a card open; a view chosen during the quiz. What
# broke: the card of a zone the new view does not draw stayed a sheet over the new view's feet
# and names (upright: the lateral feet under it; sideways: the names beside them); a view chosen
# during a quiz left its feet as they fell, the heels under the question's sheet; and the card
# read before the quiz stood under the question in the sheet.


def _tab(driver, index):
    driver.execute_script(
        "window.scrollTo(0, 0); document.querySelectorAll('.tab')[arguments[0]].click()", index
    )


def test_another_view_puts_away_the_card_of_a_zone_it_does_not_draw(phone, page):
    phone.get(page.as_uri())
    phone.execute_script(
        "document.querySelector('figure:not([hidden]) .names button[data-zone=adrenal-glands]').click()"
    )
    assert phone.execute_script("return document.body.classList.contains('carded')")
    _tab(phone, 2)  # lateral: no adrenals there
    assert not phone.execute_script("return document.body.classList.contains('carded')")
    assert (
        phone.execute_script("return getComputedStyle(document.getElementById('panel')).position") != "fixed"
    )
    _tab(phone, 0)  # back: the card is in the page, its zone marked
    assert phone.execute_script(
        "return document.querySelectorAll('figure:not([hidden]) path.z.sel[data-zone=adrenal-glands]').length"
    )


def test_a_view_chosen_during_a_quiz_has_its_feet_whole_beside_the_sheet(phone, page):
    phone.get(page.as_uri())
    phone.execute_script(
        "document.querySelector('figure:not([hidden]) .names button[data-zone=stomach]').click()"
    )
    phone.execute_script("document.getElementById('quiz-start').click()")
    shown = phone.execute_script(
        "return [...document.querySelectorAll('article.card')]"
        ".filter((c) => !c.hidden).map((c) => c.dataset.zone)"
    )
    assert shown == [], shown  # the stomach's card no longer stands under the question
    for index in (2, 0, 1, 3, 0):
        _tab(phone, index)
        hidden, got = _hidden_zones(phone)
        assert got["zones"] and not hidden, (index, got["room"], got["sheet"], hidden[:3])
