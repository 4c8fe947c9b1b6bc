"""Compare's table on a view that only one chart draws a shared zone on (Western vs the
Chinese/Japanese chart, medial view: hip and pelvis, rectum, sciatic nerve): no overlap
figure ("0.00 — different place" read as two shapes side by side), but "–" and which chart
draws it here and on which view the other draws it, as for the zones only one chart has."""

from __future__ import annotations

import pytest

from .test_compare_choices import opened


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (
            "en",
            "only one chart draws it here: Chinese and Japanese placements (Rwo-Shur lineage); "
            "the other on the plantar view",
        ),
        (
            "de",
            "nur eine Karte zeichnet sie hier: Chinesische und japanische Verortungen "
            "(Rwo-Shur-Linie); die andere in der Ansicht: Fußsohle",
        ),
    ],
)
def test_a_zone_drawn_here_by_one_chart_has_no_overlap_figure(qtbot, make_window, code, said):
    window = make_window()
    if code != "en":
        window = window.set_language(code)
        qtbot.addWidget(window)  # (closed after the test: left open, it stood in the next one's way)
    shown = opened(qtbot, window)
    shown.aspect.setCurrentIndex(shown.aspect.findData("medial"))
    rows = {(r[0], r[1]): r for r in shown.rows()}
    names = {
        "en": ("Sciatic nerve", "left foot, medial view"),
        "de": ("Ischiasnerv", "linker Fuß, Innenseite"),
    }
    row = rows[names[code]]
    assert row[2] == "–" and row[3].replace("\u2068", "").replace("\u2069", "") == said, row
    for row in shown.rows():  # no shared zone drawn on the view by one chart reads as "0.00"
        assert not (row[2] in ("0.00", "0,00") and "here" in row[3]), row
    shown.close()
