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
