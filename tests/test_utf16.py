"""Qt's offsets into a text count UTF-16 units, Python's indexes code points: an emoji is two
of Qt's. Used as Python indexes, Qt's offsets cut a problem's message on the map inside its
words once a zone's name held an emoji (tryout: "the po / lygon", "at the ed / ge")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflexmap.utf16 import utf16_len, utf16_slice


def test_an_emoji_is_two_units():
    assert utf16_len("a🚽b") == 4 and utf16_len("äb") == 2
    assert utf16_slice("a🚽b💧c", 3) == "b💧c" and utf16_slice("a🚽b💧c", 0, 3) == "a🚽"


@given(st.text(max_size=30), st.data())
def test_slices_at_whole_characters_put_the_text_back_together(text, data):
    places = [0]
    for char in text:
        places.append(places[-1] + (2 if ord(char) > 0xFFFF else 1))
    assert places[-1] == utf16_len(text)
    cut = data.draw(st.sampled_from(places))
    assert utf16_slice(text, 0, cut) + utf16_slice(text, cut) == text


def test_a_problem_message_with_an_emoji_breaks_between_words(qapp):
    from PySide6.QtGui import QFont

    from reflexmap.i18n import bidi_isolate
    from reflexmap.ui.editor.overlay import wrapped

    font = QFont()
    font.setPointSizeF(9)
    for name in ("Bladder", "Bladder 🚽💧", "🚽" * 6):
        text = (
            f"zone '{bidi_isolate(name)}', right foot, medial view: the polygon crosses itself near "
            "(85.7, 28.1) mm, at the edge from point 5 to point 1"
        )
        for width in (200, 260, 320):
            lines = wrapped(text, font, width, 5)
            assert " ".join(lines).split() == text.split(), (name, width, lines)


def test_a_handout_text_with_emoji_that_fits_is_not_cut(qapp):
    """The handout's text blocks asked whether Qt laid out the whole text by comparing Qt's
    offset with Python's length: each emoji made a text that fits look cut ("…" added)."""
    from PySide6.QtGui import QImage

    from reflexmap.render import handout

    device = QImage(2000, 400, QImage.Format.Format_ARGB32)
    for text in ("Blase 🚽💧", "🚽" * 12 + " Blase", "Bladder and urethra"):
        block = handout._block(device, text, 1800.0, 9.0, 3)
        assert not block.cut, text
        shown = " ".join(block.layout.text().split())
        assert shown == text and "…" not in shown, (text, shown)


def test_a_handout_text_with_emoji_that_does_not_fit_is_cut(qapp):
    """… and one that does not fit looked whole: Qt's offset past half the text, in units,
    was past its end in characters, so its last line was drawn without "…"."""
    from PySide6.QtGui import QFontMetricsF, QImage

    from reflexmap.render import handout

    device = QImage(2000, 400, QImage.Format.Format_ARGB32)
    text = "🚽" * 30 + " Blase"
    block = handout._block(device, text, 260.0, 9.0, 1)  # (about 20 of the 30 fit)
    assert block.cut
    assert block.layout.text().endswith("…"), block.layout.text()
    assert QFontMetricsF(block.layout.font(), device).horizontalAdvance("🚽") * 30 > 260  # (it cannot fit)
