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
from reflexmap.ui.compare_table import only_in


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
    ((0, 0, 3, 1), "No zone is in both charts (they share no zone id). A has 3 zones the other chart lacks. B has 1 zone the other chart lacks."),  # noqa: E501
    ((1, 0, 1, 0), "1 zone is in both charts, in the same place in every view. A has 1 zone the other chart lacks. B has no zone the other chart lacks."),  # noqa: E501
    ((1, 1, 0, 0), "1 zone is in both charts, placed differently somewhere. Neither chart has a zone the other lacks."),  # noqa: E501
    ((5, 0, 0, 2), "5 zones are in both charts, all in the same place in every view. A has no zone the other chart lacks. B has 2 zones the other chart lacks."),  # noqa: E501
    ((5, 1, 0, 0), "5 zones are in both charts; 1 of them is placed differently somewhere."),
    ((5, 2, 0, 0), "5 zones are in both charts; 2 of them are placed differently somewhere."),
    ((2, 2, 0, 0), "2 zones are in both charts, all placed differently somewhere."),
    ((1500, 0, 0, 1500), "1,500 zones are in both charts, all in the same place in every view. A has no zone the other chart lacks. B has 1,500 zones the other chart lacks."),  # noqa: E501
]  # fmt: skip

GERMAN = [
    ((0, 0, 3, 1), "Keine Zone ist in beiden Karten (sie haben keine Zonen-ID gemeinsam). A hat 3 Zonen, die der anderen Karte fehlen. B hat 1 Zone, die der anderen Karte fehlt."),  # noqa: E501
    ((1, 0, 1, 0), "1 Zone ist in beiden Karten, in jeder Ansicht an derselben Stelle. A hat 1 Zone, die der anderen Karte fehlt. B hat keine Zone, die der anderen Karte fehlt."),  # noqa: E501
    ((1, 1, 0, 0), "1 Zone ist in beiden Karten, irgendwo anders verortet. Keine der Karten hat eine Zone, die der anderen fehlt."),  # noqa: E501
    ((5, 0, 0, 2), "5 Zonen sind in beiden Karten, alle in jeder Ansicht an derselben Stelle."),
    ((5, 1, 0, 0), "5 Zonen sind in beiden Karten; 1 davon ist irgendwo anders verortet."),
    ((5, 2, 0, 0), "5 Zonen sind in beiden Karten; 2 davon sind irgendwo anders verortet."),
    ((2, 2, 0, 0), "2 Zonen sind in beiden Karten, alle irgendwo anders verortet."),
    ((1500, 0, 0, 1500), "B hat 1.500 Zonen, die der anderen Karte fehlen."),
]  # fmt: skip


ENDINGS = {
    "en": "1 = drawn identically, 0 = no overlap.",
    "de": "1 = gleich gezeichnet, 0 = keine Überlappung.",
}
WRONG = {"en": r"\b1 zones\b|\b0 of 0\b|\b1 of 1\b", "de": r"\b1 Zonen\b|\b0 von 0\b"}


@pytest.mark.parametrize(
    ("code", "counts", "said"),
    [("en", *case) for case in ENGLISH] + [("de", *case) for case in GERMAN],
)
def test_count_sentences(language, code, counts, said):
    language(code)
    text = plain(summary(comparison(*counts), "A", "B"))
    assert said in text and text.endswith(ENDINGS[code])
    assert not re.search(WRONG[code], text)


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("en", "Die westliche Fußkarte has 2 zones the other chart lacks."),
        ("de", "Die westliche Fußkarte hat 2 Zonen, die der anderen Karte fehlen."),
    ],
)
def test_a_chart_title_is_said_where_no_language_declines_it(language, code, said):
    """German "nur in Die westliche Fußkarte" left the title undeclined after "in" (it wants
    "in der westlichen Fußkarte"): the title is the sentence's subject, and in the table it
    stands after a colon."""
    language(code)
    assert said in plain(summary(comparison(0, 0, 2, 0), "Die westliche Fußkarte", "B"))
    verdict = {"en": "only in one chart: ", "de": "nur in einer Karte: "}[code]
    assert plain(only_in("Die westliche Fußkarte")) == verdict + "Die westliche Fußkarte"


def test_the_window_comparing_charts_with_no_zone_id_in_common_says_so(qtbot, tmp_path):
    from reflexmap.ui.compare_window import CompareWindow

    built_in = read_atlas(builtin_chart_path()).atlas
    synthetic = read_atlas(write_synthetic_chart(40, tmp_path)).atlas
    window = CompareWindow(built_in, synthetic, "plantar")
    qtbot.addWidget(window)
    text = plain(window.summary.text())
    assert "No zone is in both charts (they share no zone id)." in text, text
    assert f"has {len(built_in.zones)} zones the other chart lacks." in text
    assert "has 40 zones the other chart lacks." in text
    assert "0 of 0" not in text
