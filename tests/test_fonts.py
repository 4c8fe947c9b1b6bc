"""The fonts the README installs draw zone names in other scripts: a chart author's names in
Tibetan, Devanagari, Chinese or emoji showed as boxes with DejaVu alone (tryout S9-11)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

# one character of each script a tryout chart used, and one that DejaVu lacks as well
SAMPLES = {
    "Tibetan": "\u0f40",  # ཀ
    "Devanagari": "\u092a",  # प
    "Chinese": "\u8db3",  # 足 (foot)
    "emoji": "\U0001f9b6",  # 🦶
}


@pytest.fixture(scope="module")
def families(qapp) -> list[str]:
    return QFontDatabase.families()


@pytest.mark.parametrize("script", SAMPLES)
def test_an_installed_font_draws_the_script(families, script):
    code = ord(SAMPLES[script])
    drawing = [f for f in families if QFontMetrics(QFont(f)).inFontUcs4(code)]
    assert drawing, f"no installed font draws {script}: install the README's font packages"


def test_the_app_draws_in_its_own_typeface_whatever_fontconfig_prefers(qapp):
    """fonts-noto-core (README) makes Noto Sans fontconfig's sans-serif; the panels, labels and
    handouts stay in the family they were laid out for, the same on every machine."""
    from PySide6.QtGui import QFontInfo

    from reflexmap.render.application import FAMILIES, application
    from reflexmap.render.chart_text import label_font

    application()
    assert QFontInfo(qapp.font()).family() == FAMILIES[0]
    assert QFontInfo(label_font(bold=True)).family() == FAMILIES[0]  # the map's labels, bold too


@pytest.mark.parametrize("script", SAMPLES)
def test_letters_the_typeface_lacks_are_drawn_by_a_fallback(qapp, script):
    from PySide6.QtGui import QTextLayout

    from reflexmap.render.application import application

    application()
    layout = QTextLayout(SAMPLES[script], QFont())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(0 not in run.glyphIndexes() for run in runs), script  # glyph 0: a box
