"""Chart text inside the app's sentences: isolates that a chart's own direction controls
cannot open, close or escape."""

from __future__ import annotations

from reflexmap.i18n import balanced, balanced_lines, bidi_isolate, isolated

FSI, PDI, LRI, RLO = "\u2068", "\u2069", "\u2066", "\u202e"


def _depths(text: str) -> list[int]:
    depth, seen = 0, []
    for char in text:
        if char in "\u2066\u2067\u2068":
            depth += 1
        elif char == PDI and depth:
            depth -= 1
        seen.append(depth)
    return seen


def test_a_stray_pdi_cannot_close_the_apps_isolate():
    text = isolated(f"name{PDI}{RLO}evil")
    assert text == f"{FSI}name\\u202eevil{PDI}"  # (the override shown as its escape: i18n.shown_text)
    assert all(d >= 1 for d in _depths(text)[:-1])  # the override stays inside


def test_an_isolate_the_chart_opens_is_closed_before_ours():
    text = isolated(f"name {LRI}open")
    assert text == f"{FSI}name {LRI}open{PDI}{PDI}"
    assert _depths(text + " here.")[-1] == 0  # our words after it are outside every isolate


def test_text_without_controls_is_kept_and_only_isolated_when_needed():
    assert balanced("plain words") == "plain words"
    assert bidi_isolate("plain words") == "plain words"
    assert bidi_isolate(f"a{PDI}b") == f"{FSI}ab{PDI}"


def test_lines_broken_inside_an_isolate_close_and_reopen_it():
    lines = balanced_lines([f"Zones of the {FSI}Western", f"{RLO}tradition{PDI} place"])
    assert lines == [f"Zones of the {FSI}Western{PDI}", f"{FSI}{RLO}tradition{PDI} place"]
    for line in lines:
        assert _depths(line)[-1] == 0
