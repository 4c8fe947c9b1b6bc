"""Text wrapped under a chart (the caveat, a note, a guide's name) takes as few lines as the
width allows and lines as even as they can be: filled line by line, the quiz's caveat left its
last word alone on a line of its own ("weak." 13 mm under a 361 mm line, English at Normal text
on 1440 × 900; "schwach." in German at Largest). Measured on the map: the caveat's lines as
drawn, in a quiz started through Quiz → New quiz."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGraphicsSimpleTextItem

from reflexmap.render.chart_text import text_width, wrap_words

CAVEAT = (
    "Tradition: Western (Ingham). Zones show where charts of this tradition place their claimed "
    "correspondences. The evidence that working them helps any condition is weak."
)


def _filled(text: str, size: float, width: float) -> list[str]:
    """The lines as filled one by one (what wrap_words did)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, italic=True) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


@pytest.mark.parametrize("width", [60.0, 90.0, 120.0, 150.0, 200.0, 290.0])
def test_wrapped_lines_are_as_few_as_filled_ones_and_even(qapp, width):
    lines = wrap_words(CAVEAT, 3.5, width, italic=True)
    assert " ".join(lines).split() == CAVEAT.split()  # every word, in order
    assert len(lines) == len(_filled(CAVEAT, 3.5, width))  # no more lines
    widths = [text_width(line, 3.5, italic=True) for line in lines]
    assert max(widths) <= width
    if len(lines) > 1:  # none much shorter than the others, the last included
        assert min(widths) >= 0.6 * max(widths), list(zip(lines, widths, strict=True))


def test_a_word_too_long_for_the_width_still_gets_a_line_of_its_own(qapp):
    lines = wrap_words("a " + "x" * 300 + " b c", 3.5, 40.0)
    assert len(lines) == 3 and lines[1].endswith("…") and text_width(lines[1], 3.5) <= 40.0


@pytest.mark.xfail(
    strict=True,
    reason="the caveat is still filled line by line: balanced (msg22, 51675ce), the key's new "
    "lines shrank a guide name of the right sole presenting on a projector in German (9.3 px "
    "against 11.3, test_presenter_projector.py de-1.0)",
)
@pytest.mark.parametrize(
    ("language", "size", "text_scale"),
    [("en", (1440, 900), 1.0), ("de", (1440, 900), 1.5), ("en", (1024, 768), 1.5)],
)
def test_the_quiz_caveat_leaves_no_word_alone_on_a_line(qtbot, window_in, language, size, text_scale):
    window = window_in(language, size=size, text_scale=text_scale)
    window.new_quiz_action.trigger()  # Quiz → New quiz, OK
    dialog = QApplication.activeModalWidget()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.quiz.active)
    qtbot.wait(100)
    chart = window.map.chart
    texts = [i for i in chart.key.caveat if isinstance(i, QGraphicsSimpleTextItem)]
    lines = [i for i in texts if i not in chart.key.note]
    assert len(lines) >= 2
    widths = [i.sceneBoundingRect().width() for i in lines]
    said = [(i.text(), round(w, 1)) for i, w in zip(lines, widths, strict=True)]
    assert min(widths) >= 0.6 * max(widths), said
    assert min(len(i.text().split()) for i in lines) >= 3, said
    shown = window.map.mapToScene(window.map.viewport().rect()).boundingRect()
    for item in lines:  # each line within the chart, as wide as it was allowed
        assert chart.chart_rect.contains(item.sceneBoundingRect()), said
    assert shown.width() > 0
