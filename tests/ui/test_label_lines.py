"""A name too long for its label column takes two lines before it is shortened with "…"
(German, Largest text, a 1440×900 window: 18 plantar names were cut, every one that had a
space in it now whole on two lines); the layout gives two-line labels their room, so no two
labels overlap and the key stands under the longest column."""

from __future__ import annotations

from reflexmap.layout.labels import column_places, spread
from reflexmap.render.chart_text import text_width

from .test_label_legibility import label_problems


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
    for (_view, zone_id), text in cut.items():
        # only a single word wider than the column (in bold, as when selected) is still cut
        # (the card, the zone list and the hover tip show it whole)
        whole = chart.atlas.zone(zone_id).name
        assert " " not in whole and text_width(whole, chart.label_mm, True) > chart.column_mm, (zone_id, text)
    # (11 in DejaVu Sans, the app's typeface: the spines' compounds, 'Nasennebenhöhlen',
    # 'Bauchspeicheldrüse', 'Ileozäkalklappe'; 8 in Noto Sans, narrower)
    assert len(cut) <= 11, cut
    for (_view, zone_id), text in wrapped.items():
        assert text.replace("\n", " ") == chart.atlas.zone(zone_id).name or "…" in text
        for line in text.split("\n"):
            assert text_width(line, chart.label_mm, True) <= chart.column_mm + 1e-6
    assert label_problems(chart) == []
    # the key stands under every label
    assert chart.key is not None
    key_top = min(item.sceneBoundingRect().top() for item in chart.key.swatches + chart.key.caveat)
    lowest = max(label.text.sceneBoundingRect().bottom() for label in chart.labels.values())
    assert key_top > lowest
