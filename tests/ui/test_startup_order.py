"""What a start does before its first paint: draw the cached chart, and nothing that can wait.

Shapely and NumPy are a third of a start; the chart is drawn without them, and the
hit-testing is made ready right after the first paint, before any click is handled: for
the built-in chart (a few dozen zones a view) without them at all, for a large chart with
Shapely's trees. Each start is a fresh process (this one has imported everything long ago)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.startup import ROOT, _env, run_child
from reflexmap.atlas import builtin_chart_path


def _start(env: dict[str, str], *args: str) -> dict:
    return json.loads(run_child("tests.startup_probe", list(args), env))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A throwaway user who has started ReflexMap once: first-run note seen, chart cached."""
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=ROOT, check=True
    )
    return env


def test_a_cached_chart_is_painted_before_shapely_is_imported(env):
    seen = _start(env)
    assert {
        k: v for k, v in seen.items() if k in ("painted", "warm at paint", "ready", "warm when ready")
    } == {
        "painted": [],
        "warm at paint": False,
        "ready": [],  # a click on the built-in chart needs neither Shapely nor NumPy
        "warm when ready": True,
    }


def test_the_first_paint_builds_no_editor_and_draws_the_chart_once(env):
    """Edit mode, undo and saving are built when first used, not at start. The chart is
    drawn when the window is shown, at its size: measured once with no minimum text size
    (without its guide names), then drawn once with text large enough to read; each view's
    guide names are placed once (they were placed twice: before the window had its size,
    and again at it)."""
    seen = _start(env)
    assert seen["editor at paint"] is False and seen["editor modules at paint"] == []
    assert seen["editor when ready"] is False
    assert seen["drawings at paint"] <= 2
    assert seen["guide names placed at paint"] == ["plantar-left", "plantar-right"]


def test_a_start_on_a_remembered_view_lays_out_only_that_view(env):
    """A window closed on the medial view opens on it: the soles, which are not shown, are
    not laid out before the first paint (they were drawn first, then replaced)."""
    subprocess.run(
        [sys.executable, "-c", REMEMBER_MEDIAL], env=env, cwd=ROOT, check=True, capture_output=True
    )
    seen = _start(env)
    assert seen["aspects drawn at paint"] == ["medial"]
    assert seen["guide names placed at paint"] == ["medial-left", "medial-right"]


def test_the_dialogs_modules_wait_until_a_dialog_is_opened(env):
    """Message boxes, file pickers and the help windows are imported when first used."""
    assert _start(env)["dialog modules at paint"] == []


def test_the_first_paint_makes_no_widget_class_the_window_does_not_show(env):
    """A widget Qt made (a scroll area's viewport), met by Python for the first time, made
    PySide6 build every QWidget subclass it has, to find which one the widget is: wizards,
    calendars, file dialogs… with a Python enum class for each of their enums (54), before
    the first paint. The window's widgets are made from Python, or met after it. The text
    fields whose keys edit mode guards (combo and spin boxes, plain text) are named when
    first asked about, not at import (8 enum classes before the first paint). The quiz's
    warning boxes are looked for when a quiz is set up (QMessageBox's 4 enum classes)."""
    assert _start(env)["unshown widget classes at paint"] == []


def test_the_first_paint_imports_no_secrets(env):
    """The JSON reader's random mark for values nested too deep (`secrets`, which loads
    OpenSSL's hashlib: ~13 M instructions) is imported when a file nests that deep."""
    assert _start(env)["secrets at paint"] == []


def test_the_cards_escape_without_the_html_module_and_links_and_search_wait_for_use(env):
    """The zone card escapes its text with markup.escape (the stdlib `html` module and its
    table of entities are not imported to paint), the zone list's search is imported when
    first typed in, and the zone panel's link type (QUrl, with its 5 enum classes) is made
    when a link is first followed, not at import. Whether a chart is partial is not asked of
    the main chart itself, so the rules for partial charts (and their dataclass) wait too."""
    seen = _start(env)
    assert seen["modules for later at paint"] == []
    assert seen["link classes at paint"] == []


def test_the_chart_texts_are_checked_without_compiling_the_unusual_characters_patterns(env):
    """A cached chart's texts are checked again at start (atlas/cache_rules.py). The patterns
    for marks, invisible characters and controls above Latin-1 took about 60 ms to compile;
    the built-in chart's texts hold none of those characters (an en dash at most), so a
    quick search finds that and the big patterns are compiled only for a text that has one."""
    seen = _start(env)
    big = {"_CONTROLS", "_CONTROLS_BUT_BREAKS", "_ASTRAL_NONCHARACTER", "_UNUSUAL"}
    big |= {"_INVISIBLE_RUN", "_STACKED", "_STACKING", "_SUBJOINED_STACK"}
    assert "_SEEN_VISIBLE" in seen["text patterns compiled at paint"]  # (the probe sees patterns)
    assert not big & set(seen["text patterns compiled at paint"])


def test_the_welcome_card_finds_its_notes_line_without_the_text_format_classes(env):
    """The zone panel finds the notes' paragraph (to tell whether its two links fit on one
    line) by the block's user state, not by asking every fragment's format for its link:
    PySide6 made the text-format classes, with 7 enum classes of 147 values, for that.
    (tests/ui/test_card_links.py shows the links still stacked where they do not fit.)"""
    seen = _start(env)
    assert seen["text format classes at paint"] == []


def test_solid_fills_make_no_gradient_or_image_classes_before_the_first_paint(env):
    """A solid fill is given as its colour (`setBrush(colour)`): `QBrush(colour)` had PySide6
    weigh QBrush's other constructors, making the gradient and image classes with their 7
    enum classes (about 7 M instructions of a start) for a scene background."""
    assert _start(env)["brush pattern classes at paint"] == []


def test_plain_records_of_the_start_are_made_without_dataclasses(env):
    """The action table's rows, the themes, the settings' rules and checked values and the
    map's pointer events are NamedTuples: as frozen dataclasses they took 7 M, 6 M, 6 M and
    5 M instructions of every start to make (callgrind), for plain records."""
    made = _start(env)["dataclasses at paint"]
    assert "Zone" in made  # (the probe sees dataclasses)
    assert not {"ActionSpec", "Theme", "Rule", "Checked", "MapEvent"} & set(made)
    # the state's marks, annotations and presentation, a chart's load result, a drawn label
    assert not {"Mark", "Annotations", "Presentation", "LoadResult", "ZoneLabel"} & set(made)


def test_the_screen_reader_interface_is_installed_after_the_start_is_ready(env):
    """The map's accessible interface (ui/accessibility.py) is given to Qt the turn after the
    start is ready for clicks: importing the name QAccessible made PySide6 build its 8 enum
    classes (190 values, 12 M instructions of a start) before the first paint.
    (tests/ui/test_accessibility.py shows the interface answering once the window is up.)"""
    seen = _start(env)
    assert seen["accessibility classes at paint"] == []
    assert seen["accessibility classes when ready"] == []


def test_tiles_ahead_of_a_pan_are_drawn_after_the_start_is_ready(env):
    """The first paint draws the tiles the viewport shows; those around it, drawn ahead for a
    pan (a band at a time, REFINE_MS a turn), wait for the turn after the start is ready for
    clicks: their first step ran between the first paint and ready (4 ms of a quiet machine's
    start, 13 ms of a busy one's). They are still drawn, and the map is still once they are."""
    seen = _start(env)
    assert seen["tiles drawn ahead when ready"] == 0
    assert seen["tiles ahead waiting when ready"] is True  # (held, not forgotten)
    after = _start({**env, "PROBE_AFTER_READY": "1"})
    assert after["tiles drawn ahead when ready"] == 0
    assert after["tiles drawn ahead after ready"] >= 1
    # the viewport's tiles and rings of tiles around them (1072×828 px of map: 9×7 in view)
    assert after["tiles kept after ready"] > 9 * 7


def test_the_built_in_charts_and_icons_are_found_without_importlib_resources(env):
    """Run from a checkout (an editable install), the built-in charts' and the icon's folders
    are found beside the package, not by importing importlib.resources to ask for them."""
    assert _start(env)["resource modules at paint"] == []


def _kept_sizes(env: dict[str, str]) -> Path:
    return Path(env["XDG_CACHE_HOME"]) / "ReflexMap" / "ReflexMap" / "chart-sizes.json"


def test_a_second_start_draws_the_chart_once_and_the_same(env):
    """The first start measures the chart (drawn with no minimum text size) and draws it;
    the size is kept (ui/kept_sizes.py), and the next start draws the same picture once."""
    first = _start(env)
    assert first["drawings at paint"] == 2
    assert _kept_sizes(env).is_file()
    second = _start(env)
    assert second["drawings at paint"] == 1
    assert second["text at paint"] == first["text at paint"]
    assert second["picture at paint"] == first["picture at paint"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_second_start_at_the_largest_text_draws_the_chart_once_and_the_same(env, language):
    """At the largest text the rounds that fit the text to the window draw the chart four
    times; they place the guide names on the last drawing only (they were placed on each).
    The size they settle on is kept with the measured one: the next start draws the chart
    once, whole, the same picture. German at Largest on this small screen, where the map
    shows part of the chart with every name whole, drew the next start with names cut
    ("Nasennebenhö…"): the drawing at the kept size did not know the map pans."""
    args = ("--text-scale", "1.5", "--language", language)
    first = _start(env, *args)
    assert first["drawings at paint"] >= 2
    # the rounds' drawings leave the guide names out; the one that holds gets them (once)
    assert first["guide names placed at paint"] == ["plantar-left", "plantar-right"]
    second = _start(env, *args)
    assert second["drawings at paint"] == 1
    assert second["guide names placed at paint"] == ["plantar-left", "plantar-right"]
    assert second["text at paint"] == first["text at paint"]
    assert second["picture at paint"] == first["picture at paint"]


def _kept_places(env: dict[str, str], paired: bool = False) -> tuple[dict, list[str]]:
    """The kept file, and the keys of its guide names' places: each view's as found alone, or
    (`paired`) as set after the mirrored feet's names were paired."""
    stored = json.loads(_kept_sizes(env).read_text())
    return stored, [key for key in stored if '"guide names"' in key and ("paired-" in key) == paired]


@pytest.mark.parametrize("args", [(), ("--text-scale", "1.5"), ("--language", "de")])
def test_a_second_start_keeps_the_guide_names_places_and_draws_the_same(env, args):
    """Placing the guide names is the costliest part of a drawing: their places are kept with
    the sizes, and the next start of the same chart, alike, draws them there without a
    search: the same picture. So are the places the mirrored feet's names are paired at (the
    pairing's search for spots clear on both feet was 0.1 s of every start since s19's names
    mirrored on both feet: 2,020 → 2,330 M instructions to ready, back to 2,070 M kept)."""
    first = _start(env, *args)
    assert first["guide names searched at paint"] == 2
    assert first["guide names paired at paint"] == 1
    assert len(_kept_places(env)[1]) == 2
    assert len(_kept_places(env, paired=True)[1]) == 2
    second = _start(env, *args)
    assert second["guide names searched at paint"] == 0
    assert second["guide names paired at paint"] == 0
    assert second["text at paint"] == first["text at paint"]
    assert second["picture at paint"] == first["picture at paint"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda place: [place[0] + "x", *place[1:]],  # a text this guide's name never is
        lambda place: [place[0], place[1] * 1.5, *place[2:]],  # a size it is never drawn at
        lambda place: [*place[:2], place[2] + 1.0, *place[3:]],  # a width it does not measure
        lambda place: [*place[:4], place[4] + 1e4, place[5]],  # far outside its view
        lambda place: [*place[:5], float("nan")],
        lambda place: [place[0]],
        lambda place: "x",
    ],
)
def test_kept_guide_names_places_that_are_not_this_charts_are_searched_again(env, damage):
    """The kept file is input: a place whose text, size or measure is not one this guide's
    name can have, or that lies outside its view, or is not a place at all, is not drawn:
    the names are searched again, as on a first start, the same picture."""
    first = _start(env)
    stored, keys = _kept_places(env)
    for key in keys:
        stored[key] = [damage(place) for place in stored[key]]
    _kept_sizes(env).write_text(json.dumps(stored))
    again = _start(env)
    assert again["guide names searched at paint"] == 2
    assert again["picture at paint"] == first["picture at paint"]
    stored, keys = _kept_places(env, paired=True)  # the pairing's places damaged alone
    for key in keys:
        stored[key] = [damage(place) for place in stored[key]]
    _kept_sizes(env).write_text(json.dumps(stored))
    paired_again = _start(env)
    assert paired_again["guide names searched at paint"] == 0
    assert paired_again["guide names paired at paint"] == 1
    assert paired_again["picture at paint"] == first["picture at paint"]


def _kept_sides(env: dict[str, str]) -> tuple[dict, list[str]]:
    stored = json.loads(_kept_sizes(env).read_text())
    return stored, [key for key in stored if '"label sides"' in key]


@pytest.mark.parametrize("args", [(), ("--text-scale", "1.5"), ("--language", "de"), ("--view", "lateral")])
def test_a_second_start_keeps_the_label_sides_and_draws_the_same(env, args):
    """Choosing each label's side (a search along every leader) is kept with the sizes as
    well: the next start of the same chart, alike, takes the sides from the file after
    checking them, and draws the same picture."""
    first = _start(env, *args)
    assert first["label sides chosen at paint"] >= 2  # (at the largest text, for two sizes)
    assert len(_kept_sides(env)[1]) == first["label sides chosen at paint"]
    second = _start(env, *args)
    assert second["label sides chosen at paint"] == 0
    assert second["text at paint"] == first["text at paint"]
    assert second["picture at paint"] == first["picture at paint"]


def _fuller_first(sides: list, change) -> list:
    """Kept sides with the fuller of the two columns changed by `change`."""
    left, right, below = sides[1:4]
    if len(left) >= len(right):
        return ["sides", change(left), right, below, False]
    return ["sides", left, change(right), below, False]


def _swap_below(sides: list) -> list:
    """A zone of the row under a side view's sole put in a column, or one of a column under it."""
    left, right, below = sides[1:4]
    if below:
        return ["sides", [*left, below[0]], right, below[1:], False]
    return ["sides", left[1:], right, [left[0]], False]


@pytest.mark.parametrize("view", ["plantar", "lateral"])
@pytest.mark.parametrize(
    "damage",
    [
        lambda sides: _fuller_first(sides, lambda ids: ids[1:]),  # a zone left out
        lambda sides: _fuller_first(sides, lambda ids: ids + ids[:1]),  # one twice
        lambda sides: _fuller_first(sides, lambda ids: [*ids[1:], "no-such-zone"]),
        lambda sides: ["sides", [], [], [], True],  # "too full to label"
        lambda sides: ["sides", sides[1], sides[2], sides[3], 0],
        lambda sides: ["sides", [1], sides[2], sides[3], False],
        lambda sides: ["sides", sides[1], sides[2]],
        _swap_below,
        lambda sides: "x",
    ],
)
def test_kept_label_sides_that_are_not_this_views_are_chosen_again(env, damage, view):
    """The kept file is input: sides that leave a zone out, name one twice or one the view
    does not have, put a zone along a side view's sole in a column (or one above it in the
    row under the sole), call a labelled view too full, or are not sides at all, are not
    used: the sides are chosen again, as on a first start, the same picture."""
    first = _start(env, "--view", view)
    stored, keys = _kept_sides(env)
    for key in keys:
        stored[key] = damage(stored[key])
    _kept_sizes(env).write_text(json.dumps(stored))
    again = _start(env, "--view", view)
    assert again["label sides chosen at paint"] == first["label sides chosen at paint"] == 2
    assert again["picture at paint"] == first["picture at paint"]


@pytest.mark.parametrize("factors", [(0.5, 1.0), (1.2, 1.0), (1e5, 1.0), (1.0, 1.001)])
def test_a_kept_text_size_that_does_not_hold_is_settled_again(env, factors: tuple[float, float]):
    """A kept settled text size that is too small for the window, larger than the rounds
    reach or absurd, or whose drawing needs other than was kept (a damaged or edited file),
    is not what is shown: the rounds settle again, on the same picture as a first start."""
    first = _start(env, "--text-scale", "1.5")
    stored = json.loads(_kept_sizes(env).read_text())
    settled = [key for key in stored if '"settled"' in key]
    assert settled
    for key in settled:
        stored[key] = [stored[key][0] * factors[0], stored[key][1] * factors[1]]
    _kept_sizes(env).write_text(json.dumps(stored))
    again = _start(env, "--text-scale", "1.5")
    # (the rounds may take one drawing now: the measured size is kept too)
    assert again["text at paint"] == first["text at paint"]
    assert again["picture at paint"] == first["picture at paint"]


@pytest.mark.parametrize(
    "stored",
    [
        b"\x00\xff not json",
        b"[" * 100_000,
        b'{"a": [1, 2, 3], "b": "x", "c": [NaN, 1.0], "d": [-1.0, 5.0]}',
        b" " * 300_000,
    ],
)
def test_a_damaged_kept_size_file_is_measured_again(env, stored: bytes):
    """Whatever the kept-sizes file holds (binary, nesting, wrong values, too large), the
    chart is measured as on a first start and drawn the same."""
    first = _start(env)
    _kept_sizes(env).write_bytes(stored)
    again = _start(env)
    assert again["drawings at paint"] == 2
    assert again["picture at paint"] == first["picture at paint"]


def test_a_changed_chart_file_is_measured_again(env, tmp_path: Path):
    """The size is kept for the chart file as it was: a changed file is measured again."""
    chart = tmp_path / "mine.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    assert _start(env, "--chart", str(chart))["drawings at paint"] == 2
    assert _start(env, "--chart", str(chart))["drawings at paint"] == 1
    chart.write_bytes(chart.read_bytes() + b"\n# a note\n")
    assert _start(env, "--chart", str(chart))["drawings at paint"] == 2


REMEMBER_MEDIAL = """
from reflexmap.paths import default_settings_path
from reflexmap.settings import Settings
from reflexmap.ui.app import application
application()  # (its name says where the settings are)
settings = Settings(default_settings_path())
settings.setValue("view/aspect", "medial")
settings.sync()
"""


def test_a_chart_not_yet_cached_is_checked_before_it_is_painted(env, tmp_path: Path):
    """The first open of a file validates it, geometry included: Shapely is needed then."""
    chart = tmp_path / "copy.yaml"
    chart.write_bytes((ROOT / "zones" / "alternative-placements.yaml").read_bytes())
    seen = _start(env, "--chart", str(chart))
    assert "shapely" in seen["painted"] and "yaml" in seen["painted"]
    assert seen["warm when ready"] is True


def test_the_quicker_feature_scan_answers_as_pyside6s_own():
    """PySide6 asks of every module imported after it whether it uses PySide6 (its whole
    source read through linecache); reflexmap.ui answers from the file's bytes, and "no" for
    the standard library, without reading it. Same answer for every module loaded here
    (the standard library, the test tools, Shapely, NumPy, PyYAML, PySide6's own)."""
    import inspect

    import reflexmap.ui  # noqa: F401  (puts the quicker answer in place)

    feature = sys.modules["shibokensupport.feature"]
    quicker = feature._mod_uses_pyside
    assert getattr(quicker, "skips_reflexmap", False)

    def pyside6s_own(module) -> bool:  # shibokensupport.feature._mod_uses_pyside
        try:
            return "PySide6" in inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False

    modules = [m for name, m in list(sys.modules.items()) if not name.startswith("reflexmap")]
    assert len(modules) > 300
    differ = [m.__name__ for m in modules if quicker(m) != pyside6s_own(m)]
    assert differ == []


def test_the_kept_file_keeps_the_latest_that_fit_its_limit(tmp_path: Path):
    """Places of many names, kept at many sizes (a window dragged through them), never make
    the file too large to be read: the oldest are left out, the latest kept."""
    from reflexmap.ui.kept_sizes import MAX_BYTES, KeptSizes

    path = tmp_path / "chart-sizes.json"
    kept = KeptSizes(path)
    place = ("Diaphragm line " * 20, 2.0, 30.5, 4.25, 120.125, 88.5)
    for n in range(180):
        kept.put_places(f"key {n}", [place] * 60)
        kept.put(f"size {n}", (300.5, 200.25))
    kept.save()
    assert 0 < path.stat().st_size <= MAX_BYTES
    again = KeptSizes(path)
    assert again.places("key 179") == [place] * 60
    assert again.get("size 179") == (300.5, 200.25)


def test_the_effect_words_patterns_wait_for_a_zone_card(env):
    """The words that claim an effect (atlas/wording.py) are searched for in a zone's card;
    the start shows the welcome card, so their two patterns (6 M instructions to compile)
    are compiled when a card first asks, not at import."""
    assert _start(env)["effect word patterns compiled at paint"] == []


def test_the_start_asks_for_autosaves_without_the_editors_saving_module(env):
    """After the first paint a start looks for work a crash left unsaved (the autosaves'
    index); that question no longer imports the editor's saving module, its message boxes'
    enum classes and hashlib's OpenSSL (about 18 M instructions, before ready for clicks)."""
    assert _start(env)["editor modules when ready"] == ["reflexmap.ui.editor.autosaves"]


def test_a_click_at_the_moment_the_start_is_ready_selects_the_zone_under_it(env):
    """Ready for clicks (what the start-up benchmark times) means it: a real mouse click on
    the map's viewport, given in the very call that reports ready, selects the zone under it."""
    env = {**env, "PROBE_CLICK_AT_READY": "stomach"}
    seen = _start(env)
    assert seen["zone before the click"] == ""  # (none selected)
    assert seen["zone after a click at ready"] == "stomach"
