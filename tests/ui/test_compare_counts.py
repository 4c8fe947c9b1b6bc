"""Every count sentence of the comparison window reads right for none, one and many, in
English and German (two charts with no zone id in common were said to have "0 of 0 shared
zones placed differently"; "1 zones only in …")."""

from __future__ import annotations

import re

import pytest

from benchmarks.synthetic import write_synthetic_chart
from reflexmap import i18n
from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas.compare import Comparison, ZoneAgreement
from reflexmap.ui.compare_summary import summary


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("\u2068", "").replace("\u2069", "")


def comparison(shared: int, differ: int, only_a: int, only_b: int) -> Comparison:
    both = tuple(
        ZoneAgreement(f"z{n}", f"Zone {n}", {"plantar-left": 0.5 if n < differ else 1.0})
        for n in range(shared)
    )
    return Comparison(both, tuple(f"a{n}" for n in range(only_a)), tuple(f"b{n}" for n in range(only_b)))


@pytest.fixture
def language():
    def use(code: str) -> None:
        i18n.set_language(code)

    yield use
    i18n.set_language("en")


ENGLISH = [
    ((0, 0, 3, 1), "No zone is in both charts (they share no zone id). 3 zones are only in A. 1 zone is only in B."),  # noqa: E501
    ((1, 0, 1, 0), "1 zone is in both charts, in the same place in every view. 1 zone is only in A. No zone is only in B."),  # noqa: E501
    ((1, 1, 0, 0), "1 zone is in both charts, placed differently somewhere. Neither chart has a zone the other lacks."),  # noqa: E501
    ((5, 0, 0, 2), "5 zones are in both charts, all in the same place in every view. No zone is only in A. 2 zones are only in B."),  # noqa: E501
    ((5, 1, 0, 0), "5 zones are in both charts; 1 of them is placed differently somewhere."),
    ((5, 2, 0, 0), "5 zones are in both charts; 2 of them are placed differently somewhere."),
    ((2, 2, 0, 0), "2 zones are in both charts, all placed differently somewhere."),
    ((1500, 0, 0, 1500), "1,500 zones are in both charts, all in the same place in every view. No zone is only in A. 1,500 zones are only in B."),  # noqa: E501
]  # fmt: skip

GERMAN = [
    ((0, 0, 3, 1), "Keine Zone ist in beiden Karten (sie haben keine Zonen-ID gemeinsam). 3 Zonen gibt es nur in A. 1 Zone gibt es nur in B."),  # noqa: E501
    ((1, 0, 1, 0), "1 Zone ist in beiden Karten, in jeder Ansicht an derselben Stelle. 1 Zone gibt es nur in A. Keine Zone gibt es nur in B."),  # noqa: E501
    ((1, 1, 0, 0), "1 Zone ist in beiden Karten, irgendwo anders verortet. Keine der Karten hat eine Zone, die der anderen fehlt."),  # noqa: E501
    ((5, 0, 0, 2), "5 Zonen sind in beiden Karten, alle in jeder Ansicht an derselben Stelle."),
    ((5, 1, 0, 0), "5 Zonen sind in beiden Karten; 1 davon ist irgendwo anders verortet."),
    ((5, 2, 0, 0), "5 Zonen sind in beiden Karten; 2 davon sind irgendwo anders verortet."),
    ((2, 2, 0, 0), "2 Zonen sind in beiden Karten, alle irgendwo anders verortet."),
    ((1500, 0, 0, 1500), "1.500 Zonen gibt es nur in B."),
]  # fmt: skip


@pytest.mark.parametrize(("counts", "said"), ENGLISH)
def test_english_count_sentences(language, counts, said):
    language("en")
    text = plain(summary(comparison(*counts), "A", "B"))
    assert said in text and text.endswith("1 = drawn identically, 0 = no overlap.")
    assert not re.search(r"\b1 zones\b|\b0 of 0\b|\b1 of 1\b", text)


@pytest.mark.parametrize(("counts", "said"), GERMAN)
def test_german_count_sentences(language, counts, said):
    language("de")
    text = plain(summary(comparison(*counts), "A", "B"))
    assert said in text and text.endswith("1 = gleich gezeichnet, 0 = keine Überlappung.")
    assert not re.search(r"\b1 Zonen\b|\b0 von 0\b", text)


def test_the_window_comparing_charts_with_no_zone_id_in_common_says_so(qtbot, tmp_path):
    from reflexmap.ui.compare_window import CompareWindow

    built_in = read_atlas(builtin_chart_path()).atlas
    synthetic = read_atlas(write_synthetic_chart(40, tmp_path)).atlas
    window = CompareWindow(built_in, synthetic, "plantar")
    qtbot.addWidget(window)
    text = plain(window.summary.text())
    assert "No zone is in both charts (they share no zone id)." in text, text
    assert f"{len(built_in.zones)} zones are only in " in text and "40 zones are only in " in text
    assert "0 of 0" not in text
