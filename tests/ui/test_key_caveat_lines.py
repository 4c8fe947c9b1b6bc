"""The caveat under the key (and a note said there) is broken into lines of about the same
length: in a quiz at 1440×900 its last word ("weak.") stood on a line of its own. English and
German, at 1440×900 and 1024×768, in a quiz and browsing."""

from __future__ import annotations

import pytest

from reflexmap.render.chart_text import text_width, wrap_words

from .test_quiz import start


def _lines(window) -> list:
    key = window.map.chart.key
    return [item for item in key.caveat if item not in key.note]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
@pytest.mark.parametrize("quiz", [True, False], ids=["quiz", "browsing"])
def test_the_caveats_lines_are_balanced(qtbot, make_window, language, size, quiz):
    window = make_window().set_language(language)
    window.resize(*size)
    qtbot.wait(20)
    if quiz:
        window.quiz.advance_after_right_ms = 60_000
        start(window, ["heart", "liver"])
        qtbot.wait(20)
    items = _lines(window)
    lines = [item.text() for item in items]
    assert lines
    if len(lines) > 1:
        assert all(" " in line for line in lines), lines  # no word alone on a line
        widths = [item.sceneBoundingRect().width() for item in items]  # (mm, as drawn)
        assert min(widths) > 0.6 * max(widths), lines


def test_balanced_lines_are_as_many_as_filled_lines_and_no_wider():
    text = "Tradition: Western (Ingham). Zones show where charts of this tradition place their " + (
        "claimed correspondences. The evidence that working them helps any condition is weak."
    )
    for width in (60.0, 90.0, 140.0, 200.0):
        filled = wrap_words(text, 3.0, width, italic=True)
        even = wrap_words(text, 3.0, width, italic=True, balance=True)
        assert len(even) == len(filled) and " ".join(even) == " ".join(filled)
        assert max(text_width(line, 3.0, italic=True) for line in even) <= width
        if len(even) > 1:
            shortest = min(text_width(line, 3.0, italic=True) for line in even)
            assert shortest > 0.6 * max(text_width(line, 3.0, italic=True) for line in even), even
