"""A direction override or embedding in a chart's text (U+202A…U+202E) is shown as its escape,
never obeyed, wherever the text is shown: the window's title, menus, lists, the panel, the
map's labels, dialogs and exports, as a file's name is (i18n.shown_text, as shown_file). A
title "evil" written with U+202E read "live" in the window's title and the Chart menu, and
one left open turned around the words after it where nothing isolated it."""

from __future__ import annotations

import re
from pathlib import Path

from reflexmap.export.html import export_page
from reflexmap.i18n import bidi_isolate, isolated, shown_text
from reflexmap.render.export import export_chart

from .test_chart_text_is_plain import _plain, _shown_texts, hostile_atlas  # noqa: F401 (a fixture)

FORCING = re.compile("[\u202a-\u202e]")


def test_an_override_is_shown_as_its_escape_and_the_rest_as_written():
    assert shown_text("Anna \u202eevil\u202c") == "Anna \\u202eevil\\u202c"
    assert (
        shown_text("Fuß \u05d0\u05d1 \u2067x\u2069") == "Fuß \u05d0\u05d1 \u2067x\u2069"
    )  # letters, isolates
    assert bidi_isolate("here \u202eevil") == "here \\u202eevil"  # nothing left to reorder our words
    assert isolated("\u202bx") == "\u2068\\u202bx\u2069"


def _forcing(texts) -> list[str]:
    return [
        f"{where}: {text[:120]!r}"
        for where, text, rich in texts
        if FORCING.search(_plain(text) if rich else text)
    ]


def test_no_window_text_obeys_a_charts_override(qtbot, make_window, hostile_atlas):  # noqa: F811
    window = make_window(atlas=hostile_atlas)
    window.state.select(hostile_atlas.zones[0].id)  # the zone's card, the list's selection
    window.settings.setValue("chart/recent", [str(hostile_atlas.path)])
    window.charts_menu.aboutToShow.emit()  # the Chart menu, its entry named by the title
    qtbot.wait(20)
    assert "\\u202e" in window.windowTitle()
    found = _forcing(_shown_texts())
    assert not found, "\n".join(found[:20])


def test_no_export_obeys_a_charts_override(qapp, hostile_atlas, tmp_path: Path):  # noqa: F811
    svg = export_chart(hostile_atlas, tmp_path / "chart.svg").read_text(encoding="utf-8")
    page = export_page(hostile_atlas, tmp_path / "chart.html").read_text(encoding="utf-8")
    for name, text in (("SVG", svg), ("web page", page)):
        assert not FORCING.search(text), (name, FORCING.search(text))
        assert "\\u202e" in text, name
