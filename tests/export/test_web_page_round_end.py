"""The web page's quiz stopped before any answer says that there is no score, in the page's
language, as the window does ("Round over: 0 of 0 right" is not a score); stopped after some
answers it says how the round went; stopped again, the quiz panel closes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import load_atlas
from reflexmap.export.html import export_page
from reflexmap.i18n import set_language

from .browser import DESKTOP, browser, click_mm


@pytest.fixture(scope="module")
def desktop():
    driver = browser(DESKTOP)
    yield driver
    driver.quit()


def page(tmp_path: Path, language: str) -> Path:
    set_language(language)
    try:
        return export_page(load_atlas().localized(language), tmp_path / f"chart-{language}.html")
    finally:
        set_language("en")


def text(driver, element_id: str) -> str:
    return driver.find_element("id", element_id).text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "No question was answered in this round, so there is no score."),
        ("de", "In dieser Runde wurde keine Frage beantwortet, daher gibt es kein Ergebnis."),
    ],
)
def test_a_round_stopped_before_any_answer_says_there_is_no_score(desktop, tmp_path, language, expected):
    desktop.get(page(tmp_path, language).as_uri())
    desktop.find_element("id", "quiz-start").click()
    assert text(desktop, "quiz-prompt")  # a question is asked
    desktop.find_element("id", "quiz-stop").click()
    prompt = text(desktop, "quiz-prompt")
    assert prompt == expected, prompt
    assert "0" not in prompt and not text(desktop, "quiz-score")
    assert desktop.find_element("id", "quiz-next").is_displayed()  # a new round, one click away
    desktop.find_element("id", "quiz-stop").click()  # stopped again: the panel closes
    assert not desktop.find_element("id", "quiz").is_displayed()


def test_a_round_stopped_after_an_answer_says_its_score(desktop, tmp_path):
    atlas = load_atlas()
    desktop.get(page(tmp_path, "en").as_uri())
    desktop.find_element("id", "quiz-start").click()
    view = atlas.views_of("plantar")[0].id
    zone = next(iter(atlas.anchors(view)))
    click_mm(desktop, view, *atlas.anchors(view)[zone])  # an answer, right or wrong
    assert "of 1" in text(desktop, "quiz-score")
    desktop.find_element("id", "quiz-stop").click()
    assert text(desktop, "quiz-prompt") in {"Round over: 0 of 1 right.", "Round over: 1 of 1 right."}
