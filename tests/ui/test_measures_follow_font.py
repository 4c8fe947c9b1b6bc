"""Names are measured in the font they are drawn in, whoever changed the application's font:
a chart scene drawn before the typeface was pinned (a test's own application, an export
before the window) left the old font's widths to every later window in the process
(test_key_legible[en] failed after test_chart_key_sentence: the key's caveat, measured in
the platform's font, widened the chart and was drawn small)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from reflexmap.render.application import pin_typeface
from reflexmap.render.chart_text import FONT_PX, label_font, text_width

NAME = "Tradition: Western (Ingham). Zones show where charts of this tradition"


def test_a_name_measured_before_the_typeface_is_pinned_is_measured_again_in_it(qapp):
    app = QApplication.instance()
    pinned = QFont(app.font())
    platform = QFont(pinned)
    platform.setFamilies(["DejaVu Serif"])  # the platform's font, before `application()`
    app.setFont(platform)
    try:
        before = text_width(NAME, 4.0)  # measured (and kept) in the platform's font
        app.setFont(pinned)
        pin_typeface(app)  # as `application()` does at start
        fresh = QFontMetricsF(label_font()).horizontalAdvance(NAME) * 4.0 / FONT_PX
        assert abs(fresh - before) > 1.0  # (a serif's letters are wider: the test can tell)
        assert text_width(NAME, 4.0) == fresh
        assert text_width(f"{NAME}\nx", 4.0) == fresh
    finally:
        app.setFont(pinned)
