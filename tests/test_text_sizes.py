"""The one rule for chart text sizes (layout/text_sizes.py): every kind of text is a share of
the label size asked for, never under the drawing's minimum."""

from __future__ import annotations

import pytest

from reflexmap.layout.text_sizes import LABEL_MM, chart_type

KINDS = ("label", "title", "foot", "note", "key", "guide", "caveat")


@pytest.mark.parametrize("grow", [0.9, 1.5, 6.8 / 4.6, 1.25 * 1.5])
def test_every_kind_of_text_grows_with_the_labels(grow):
    usual, larger = chart_type(LABEL_MM), chart_type(LABEL_MM * grow)
    for kind in KINDS:
        assert getattr(larger, kind) == pytest.approx(getattr(usual, kind) * grow), kind


def test_the_usual_sizes():
    usual = chart_type()
    sizes = {kind: round(getattr(usual, kind), 2) for kind in KINDS}
    assert sizes == {
        "label": 4.6,
        "title": 6.0,
        "foot": 5.1,
        "note": 3.72,
        "key": 3.6,
        "guide": 3.2,
        "caveat": 3.0,
    }
    assert usual.minimum_met == pytest.approx(3.2 * 9 / 11)  # guide names, against their floor


def test_no_text_under_the_minimum_and_the_title_stays_larger():
    sizes = chart_type(LABEL_MM, min_mm=5.5)
    assert all(getattr(sizes, kind) >= 5.5 for kind in KINDS)
    assert sizes.title > sizes.foot >= 5.5
    assert chart_type(LABEL_MM, min_mm=5.5, min_guide_mm=4.0).guide == pytest.approx(4.0)


def test_guide_names_keep_a_higher_floor_but_never_outgrow_the_labels():
    """Their floor is 11 px where the labels' is 9 px, but a guide name is never larger than
    a zone's label (tryout S18-3: 11 px names beside 9 px labels covered the zones)."""
    sizes = chart_type(LABEL_MM, min_mm=5.0)
    assert sizes.label == sizes.key == sizes.caveat == 5.0
    assert sizes.guide == pytest.approx(5.0)  # (was 5.0 × 11 / 9, larger than the labels)
    assert sizes.minimum_met == pytest.approx(5.0)
    between = chart_type(LABEL_MM, min_mm=3.5)  # the floor above the usual share, under the labels
    assert between.guide == pytest.approx(3.5 * 11 / 9) and between.guide < between.label
    for label_mm in (LABEL_MM, LABEL_MM * 1.25, LABEL_MM * 1.5, 9.0):
        for min_mm in (0.0, 2.0, 3.0, 4.0, 4.57, 5.0, 6.0, 8.0):
            sizes = chart_type(label_mm, min_mm=min_mm)
            assert sizes.guide <= sizes.label, (label_mm, min_mm)
    larger = chart_type(LABEL_MM * 1.5, min_mm=7.5)  # Largest text: its minimum is 13.5 px already
    assert larger.label == larger.key == larger.guide == larger.caveat == 7.5
