"""The web page's quiz, in Chromium: hidden labels keep no room (the feet were drawn as small
as beside their label columns, which stood empty), the Labels box says what is shown, and
the question is worded as the app's quiz and the Anki deck word it, with the zone's claim
("Where do charts place the neck?", "Wo verorten Karten den Hals (Nacken)?")."""

from __future__ import annotations

import pytest

from reflexmap import load_atlas
from reflexmap.content.markup import where_question
from reflexmap.export.html import export_page
from reflexmap.i18n import set_language

from .browser import browser

# a small desktop, zoomed in once: the labels stand beside the feet, and the drawing is as wide
# as the zoom makes it (fitted to the screen, their names would be listed instead)
NARROW = (1280, 720)


@pytest.fixture(scope="module")
def desktop():
    driver = browser(NARROW)
    yield driver
    driver.quit()


def _feet_width(driver) -> float:
    """The feet's outlines on screen, side by side, in pixels."""
    return driver.execute_script(
        "return [...document.querySelectorAll('figure:not([hidden]) g.view')]"
        ".reduce((w, g) => w + g.getBoundingClientRect().width, 0);"
    )


def _page(tmp_path, language: str):
    set_language(language)
    try:
        atlas = load_atlas().localized(language) if language != "en" else load_atlas()
        return atlas, export_page(atlas, tmp_path / f"chart-{language}.html")
    finally:
        set_language("en")


def test_quiz_gives_the_feet_the_label_columns_room(desktop, tmp_path):
    _atlas, page = _page(tmp_path, "en")
    desktop.get(page.as_uri())
    desktop.find_element("id", "zoom-in").click()
    box = desktop.find_element("id", "labels")
    assert desktop.execute_script("return document.querySelector('text.lab').getClientRects().length > 0")
    labelled = _feet_width(desktop)
    desktop.find_element("id", "quiz-start").click()
    quizzing = _feet_width(desktop)
    assert quizzing >= labelled * 1.25, (labelled, quizzing)
    assert not box.is_selected() and not box.is_enabled()  # labels are hidden: the box says so
    desktop.find_element("id", "quiz-stop").click()
    assert box.is_selected() and box.is_enabled()
    assert _feet_width(desktop) == pytest.approx(labelled, rel=0.01)
    box.click()  # labels cleared by hand while browsing: the feet take the room too
    assert _feet_width(desktop) == pytest.approx(quizzing, rel=0.01)
    box.click()
    assert _feet_width(desktop) == pytest.approx(labelled, rel=0.01)


@pytest.mark.parametrize(
    ("language", "tap"), [("en", "Tap it on the feet."), ("de", "Tippen Sie auf die Stelle am Fuß.")]
)
def test_the_question_is_worded_as_in_the_app_and_the_deck(desktop, tmp_path, language, tap):
    """One wording of the find-it question (content.markup.where_question) with the zone's
    claim, which carries its article: "Wo verorten Karten das Steißbein?" (before, the bare
    name: "Wo verorten Karten Steißbein?", "… Karten Dünndarm?", not German)."""
    atlas, page = _page(tmp_path, language)
    desktop.get(page.as_uri())
    desktop.find_element("id", "quiz-start").click()
    set_language(language)
    try:
        questions = {f"{where_question(z.claim)} {tap}": z for z in atlas.zones}
    finally:
        set_language("en")
    for _question in range(6):
        prompt = desktop.find_element("id", "quiz-prompt").text
        assert prompt in questions, prompt
        zone = questions[prompt]
        words = prompt.replace("\u2068", "").replace("\u2069", "").split()
        article = words[4] if language == "en" else words[3]  # "Where do charts place the …"
        assert article in ({"the"} if language == "en" else {"der", "die", "das", "den"}), prompt
        assert zone.claim in prompt
        desktop.execute_script("document.querySelector('#quiz-next').click()")
