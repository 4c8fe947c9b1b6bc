"""A name too long for its label column takes two lines before it is shortened with "…"
(German, Largest text, a 1440×900 window: 18 plantar names were cut, every one that had a
space in it now whole on two lines); a single word too long for the column is broken between
syllables with a hyphen, and a name that two lines still cut takes a third; the layout gives
two-line labels their room, so no two labels overlap and the key stands under the longest
column."""

from __future__ import annotations

import pytest

from reflexmap import i18n
from reflexmap.layout.labels import column_places, spread
from reflexmap.render.chart_text import name_lines, text_width

from ..layout.test_hyphens import good_breaks
from .test_label_legibility import label_problems


def readings(text: str) -> set[str]:
    """The name a label's lines may spell: joined by spaces, or where a line ends with a
    hyphen, by the hyphen (the name's own: "Hals-" / "Nasen") or without it (ours)."""
    found = {""}
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k == 0:
            found = {line}
        else:
            ways = {" "}
            if lines[k - 1].endswith("-"):
                ways = {"", "-"}
            found = {f[:-1] + way + line if way != " " else f + " " + line for f in found for way in ways}
    return found


def test_a_two_line_label_takes_a_line_more_between_its_neighbours():
    gap, line = 10.0, 7.0
    places = column_places([50.0, 50.0, 50.0], [1, 2, 1], gap, line, 0.0, 200.0)
    low, middle, high = sorted(places)
    assert middle - low >= gap + line / 2 - 1e-9 and high - middle >= gap + line / 2 - 1e-9
    # one-line labels are kept apart as `spread` keeps them
    anchors = [50.0, 50.0, 195.0, 3.0]
    assert column_places(anchors, [1] * 4, gap, line, 5.0, 190.0) == spread(anchors, gap, 5.0, 190.0)


def test_german_names_at_largest_text_wrap_before_they_are_cut(qtbot, window_in):
    window = window_in("de", (1440, 900), 1.5)  # Settings → Language, Settings → Text size
    window.state.set_aspect("plantar")
    qtbot.wait(50)
    chart = window.map.chart
    names = {key: label.text.text() for key, label in chart.labels.items()}
    cut = {key: text for key, text in names.items() if "…" in text}
    wrapped = {key: text for key, text in names.items() if "\n" in text}
    assert len(wrapped) >= 8, wrapped
    # a single word wider than the column is broken between syllables: none is cut (were 11
    # in DejaVu Sans, the app's typeface: 'Nasennebenhö…', 'Bauchspeicheld…', 'Lendenwirbelsä…')
    assert cut == {}, cut
    for (_view, zone_id), text in wrapped.items():
        assert chart.atlas.zone(zone_id).name in readings(text), (zone_id, text)
        for line in text.split("\n"):
            assert text_width(line, chart.label_mm, True) <= chart.column_mm + 1e-6
    assert label_problems(chart) == []
    # the key stands under every label
    assert chart.key is not None
    key_top = min(item.sceneBoundingRect().top() for item in chart.key.swatches + chart.key.caveat)
    lowest = max(label.text.sceneBoundingRect().bottom() for label in chart.labels.values())
    assert key_top > lowest


def test_a_long_word_breaks_between_syllables_and_a_name_takes_a_third_line(qapp):
    """`name_lines` with the breaks of the language shown (layout/hyphens.py, tested there):
    the longest first part that fits, and a third line only where two lines still cut."""
    i18n.set_language("de")
    try:
        names_broken_in_german()
    finally:
        i18n.set_language("en")


def names_broken_in_german() -> None:
    size = 7.0
    room = text_width("Nasenneben-", size, True) + 0.1
    assert name_lines("Nasennebenhöhlen", size, room, bold=True) == ["Nasenneben-", "höhlen"]
    room = text_width("Nasenne-", size, True) + 0.1  # not "Nasenne-" / "benhöhlen"
    narrow = name_lines("Nasennebenhöhlen", size, room, bold=True, spare=1)
    assert narrow == ["Nasen-", "neben-", "höhlen"], narrow
    room = text_width("und Gleich-", size, True) + 0.1
    assert name_lines("Innenohr und Gleichgewicht", size, room, bold=True)[-1].endswith("…")
    three = name_lines("Innenohr und Gleichgewicht", size, room, bold=True, spare=1)
    assert three == ["Innenohr", "und Gleich-", "gewicht"]
    # two lines that hold it whole take no third, and no hyphen
    assert name_lines("Solar plexus", size, 40.0, bold=True, spare=1) == ["Solar", "plexus"]


def test_german_names_at_largest_text_are_whole_on_every_view(qtbot, largest_text_window):
    window = largest_text_window("de")  # 1440×900, Settings → Language, → Text size Largest
    for aspect in window.state.atlas.aspects():
        window.aspect_actions[aspect].trigger()  # View → Plantar, Medial, …
        qtbot.wait(50)
        chart = window.map.chart
        assert chart.labels
        for (_view, zone_id), label in chart.labels.items():
            text = label.text.text()
            assert "…" not in text and chart.atlas.zone(zone_id).name in readings(text), (aspect, text)
            for line in text.split("\n"):
                assert text_width(line, chart.label_mm, True) <= chart.column_mm + 1e-6
        assert label_problems(chart) == []


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("size, text_scale", [((1024, 768), 1.0), ((1024, 768), 1.5), ((1440, 900), 1.5)])
def test_no_label_line_ends_in_a_bad_split_in_the_window(qtbot, window_in, language, size, text_scale):
    """Every view of the real window, in both languages: a line ended by our hyphen is broken
    at a place tests/layout/test_hyphens.py's GOOD has for the word."""
    window = window_in(language, size, text_scale)
    good = good_breaks(language)
    broken = 0
    for aspect in window.state.atlas.aspects():
        window.aspect_actions[aspect].trigger()  # View → Plantar, Medial, …
        qtbot.wait(50)
        for (_view, zone_id), label in window.map.chart.labels.items():
            lines = label.text.text().split("\n")
            name = window.map.chart.atlas.zone(zone_id).name
            for line, following in zip(lines, lines[1:], strict=False):
                head, tail = line.split(" ")[-1], following.split(" ")[0]
                if not head.endswith("-") or f"{head}{tail}" in name.split():
                    continue  # between words, or at the name's own hyphen
                broken += 1
                word = head[:-1] + tail
                assert len(head) - 1 in good.get(word, set()), (aspect, head, tail)
    if language == "de" and text_scale > 1.0:
        assert broken > 0  # (the test sees broken words: German's long ones at Largest)
