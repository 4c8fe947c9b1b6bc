"""Fuzzing the readers of outside data: the zone-file loader, the progress reader, the settings
file and the chart cache's entries.

CI runs a fixed budget of examples per test; a longer run is one command away:

    REFLEXMAP_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz -q

Each test passes when the reader returns a value or its own clean error for every input:
any other exception, a crash or a hang is a failure.
"""

from __future__ import annotations

import base64
import copy
import json
import os
import struct
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import AtlasError, builtin_chart_path, parse_atlas
from reflexmap.atlas import cache as cache_module
from reflexmap.atlas.cache import AtlasCache, _version, atlas_to_plain, entry_bytes
from reflexmap.quiz.progress import ProgressError, ProgressStore, card_problem
from reflexmap.quiz.progress import parse as parse_progress
from reflexmap.setting_rules import RULES, check
from reflexmap.settings import Settings

EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
CHART = builtin_chart_path().read_bytes()[:6000]  # the header, sources, views and first zones


def _clean(result) -> None:
    assert (result.atlas is None) == bool(result.errors)
    for error in result.errors:
        assert isinstance(error, AtlasError) and error.message


@FUZZ
@given(st.data())
def test_fuzz_loader_with_byte_mutations(data):
    raw = bytearray(CHART)
    for _ in range(data.draw(st.integers(1, 12))):
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "splice"]))
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 40))]
        else:
            j = data.draw(st.integers(0, len(raw) - 1))
            raw[i:i] = raw[j : j + data.draw(st.integers(1, 200))]
        if not raw:
            raw = bytearray(b"x")
    _clean(parse_atlas(bytes(raw), "fuzz.yaml"))


yaml_token = st.sampled_from(
    ["{", "}", "[", "]", ",", ":", "- ", "\n", "  ", "&a ", "*a", "!!str ", "!!python/object ", "'", '"', "#",
     "---", "...", "? ", "|", ">", "1", "-1.5", ".nan", ".inf", "~", "null", "yes", "id", "zones", "shapes",
     "views", "atlas_format", "plantar-left", "mirror", "<<", "%YAML 1.1\n", "\t", "\x00", "é",
     "\r", "\r\n", "\ufeff", "1e5", "0o17", "0b101", "1_000", "1:30.5", "-.inf", "&b ", "*b", "<<: *a\n",
     "k" * 1100 + ": ", "[[0, 0], [10, 0], [10, 10]]", "- - 0\n  - 0\n", "010", "0x1F", "+.inf", "1.5e3",
     "+3", "off", "no", "2024-01-01", "00.5", "5.", "!!int 010", "!!float .nan", "region: off\n",
     "!!bool ", "!!null ", "!!timestamp ", "maybe", "!<tag:yaml.org,2002:bool> "]
)  # fmt: skip


@FUZZ
@given(st.lists(yaml_token, max_size=120).map("".join))
def test_fuzz_loader_with_yaml_shaped_text(text):
    _clean(parse_atlas(text, "fuzz.yaml"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)
card = st.fixed_dictionaries(
    {},
    optional={
        k: json_values | st.integers(-5, 10)
        for k in ("box", "due", "seen", "right", "wrong", "last_seen", "last_right")
    },
)


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "format": st.sampled_from(["reflexmap-progress", "other"]),
            "version": st.integers(-1, 3) | json_values,
        },
        optional={
            "cards": st.dictionaries(st.text(max_size=10), card | json_values, max_size=5) | json_values
        },
    )
)
def test_fuzz_progress_reader_with_structures(data):
    try:
        parse_progress(json.dumps(data).encode("utf-8"))
    except ProgressError:
        pass


@FUZZ
@given(st.binary(max_size=500))
def test_fuzz_progress_reader_with_bytes(raw):
    try:
        parse_progress(raw)
    except ProgressError:
        pass


GOOD_CARD = {"box": 2, "due": 5.0, "seen": 3, "right": 2, "wrong": 1, "last_seen": 4.0, "last_right": True}


@FUZZ
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(GOOD_CARD)), st.sampled_from(["1e999", "1e-400", "NaN", "9" * 5000]))
        | st.tuples(st.sampled_from(sorted(GOOD_CARD)), st.sampled_from(['"x"', "null", "[]", "-1", "2.5"])),
        min_size=1,
        max_size=5,
    ),
    st.integers(1, 4),
)
def test_fuzz_progress_records_are_left_out_alone_each_at_its_place(tmp_path_factory, bad_fields, good):
    """Hostile values in some card records of a progress file (numbers no float holds, numbers
    beyond the bound, wrong types): each such record left out, named at its place, in one
    message; every other record read; no exception."""
    lines = ['{"format": "reflexmap-progress", "version": 1, "cards": {']
    places = {}
    for n, (field, written) in enumerate(bad_fields):
        record = json.dumps(GOOD_CARD).replace(
            f'"{field}": {json.dumps(GOOD_CARD[field])}', f'"{field}": {written}'
        )
        start = f' "bad{n}": '
        places[f"bad{n}"] = (len(lines) + 1, len(start) + record.index(f'"{field}": ') + len(field) + 5)
        lines.append(start + record + ",")
    lines += [f' "good{n}": {json.dumps(GOOD_CARD)},' for n in range(good)]
    lines[-1] = lines[-1].rstrip(",") + "}}"
    path = tmp_path_factory.mktemp("progress") / "progress.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    loaded = ProgressStore(path).load()
    bad = {
        f"bad{n}" for n, (field, written) in enumerate(bad_fields) if card_problem(_read_card(field, written))
    }
    assert set(loaded.states) == {f"good{n}" for n in range(good)} | (
        {f"bad{n}" for n in range(len(bad_fields))} - bad
    )
    if not bad:
        assert loaded.warnings == []
        return
    (message,) = loaded.warnings
    said = message.splitlines()[1:-1]
    assert len(said) == len(bad), message
    for key in bad:
        line, column = places[key]
        assert f"\u2068{path}\u2069:{line}:{column}: card \u2068{key}\u2069: " in message, (key, message)


def _read_card(field: str, written: str) -> dict:
    from reflexmap import bounded_json

    return {**GOOD_CARD, field: bounded_json.loads(written, max_bytes=10_000, nonfinite=True)}


# --- settings files and chart-cache entries: input too --------------------------------------

hostile_numbers = st.sampled_from(
    ["9" * 5000, "1e999", "1e-400", "-2.5e-320", "-0", "1" * 120, "NaN", "Infinity"]
)
setting_values = json_values | st.sampled_from(
    [
        {"$base64": "!!"},
        {"$base64": "AAEC"},
        [1, 2],
        {"a": []},
        "purple",
        "rel/x.yaml",
        -1,
        0,
        10**6,
        2.5,
        [""],
    ]
)  # wrong types, and right types out of range


@FUZZ
@given(
    st.dictionaries(st.sampled_from(sorted(RULES)) | st.text(max_size=8), setting_values, max_size=8),
    st.lists(st.tuples(st.integers(0, 10_000), hostile_numbers), max_size=2),
)
def test_fuzz_settings_files(tmp_path_factory, values, numbers):
    """Any settings file gives settings (every known key of the kind and range its callers
    expect) and messages, never an exception."""
    text = json.dumps({"format": "reflexmap-settings", "version": 1, "values": values})
    for position, number in numbers:  # raw numbers JSON cannot carry through json.dumps
        position = min(position, len(text))
        text = text[:position] + number + text[position:]
    path = tmp_path_factory.mktemp("settings") / "settings.json"
    path.write_text(text, encoding="utf-8")
    settings = Settings(path)
    for key in RULES:
        value = settings.value(key)
        assert value is None or isinstance(value, bytes) or check(key, value).reason is None, (key, value)
    assert all(isinstance(w, str) and w for w in settings.warnings)
    assert settings.value("appearance/theme", "system") is not None
    settings.value("chart/recent", [], type=list)


# Every setting holding a usable value, written one to a line as a person writes the file.
_STATE = {"$base64": base64.b64encode(struct.pack(">i", 0xFF) + bytes(12)).decode("ascii")}
_RECT = struct.pack(">4i", 10, 10, 809, 609)
_GEOMETRY = (
    struct.pack(">IHH", 0x01D9D0CB, 3, 0) + _RECT + _RECT + struct.pack(">iBBi", 0, 0, 0, 1920) + _RECT
)
GOOD_SETTINGS = {
    "appearance/theme": "dark",
    "appearance/text-scale": 1.25,
    "appearance/language": "en",
    "chart/last": "/c/a.yaml",
    "chart/dir": "/c",
    "chart/recent": ["/c/a.yaml", "/c/b.yaml"],
    "chart/titles": {"/c/a.yaml": {"": "A"}},
    "chart/ids": {"/c/a.yaml": "annas-chart"},
    "export/dir": "/e",
    "notes/first-run-seen": True,
    "view/labels": False,
    "view/guides": False,
    "view/aspect": "medial",
    "window/geometry": {"$base64": base64.b64encode(_GEOMETRY).decode("ascii")},
    "window/state": _STATE,
    "quiz/profile": "",
    "quiz/desired-retention": 0.8,
    "quiz/wait-for-enter": True,
    "quiz/backup-failure-said": "2026-11-26",
    "quiz/backup-failures-said": {"/d/backups": "2026-11-26"},
    "quiz/setup/kinds": ["find", "name"],
    "quiz/setup/aspects": ["plantar"],
    "quiz/setup/feet": ["left"],
    "quiz/setup/regions": ["head"],
    "quiz/setup/custom": ["lumbar-spine"],
    "quiz/setup/length": 20,
    "quiz/setup/timed": True,
    "quiz/setup/seconds": 300,
    "quiz/setup/sudden-death": True,
}
# written as they stand in the file: numbers no float holds, numbers beyond any bound, every
# kind of JSON value, nesting as deep as the reader takes (64 levels in all) and deeper (a
# value nested too deep is skipped while reading and falls back alone, at its bracket)
HOSTILE_WRITTEN = (
    st.sampled_from(
        ["1e999", "-1E400", "1e-400", "2.5e-320", "9" * 5000, "-" + "7" * 150, "NaN", "-Infinity", "0.1e400"]
    )
    | st.sampled_from(
        ['"purple"', "true", "null", "[]", "{}", '{"$base64": "!!"}', "[1e999]", '[["x"]]', "-0"]
    )
    | (st.integers(1, 70).map(lambda depth: "[" * depth + "1e999" + "]" * depth))
)
SPOTS = ["chart/recent", "quiz/setup/kinds", "quiz/setup/custom"]  # lists whose one entry is changed


def _settings_text(
    changed: dict[str, str], entries: dict[str, str]
) -> tuple[str, dict[str, tuple[int, int]]]:
    """The settings file with the values in `changed` (key -> as written) and one entry of the
    lists in `entries` replaced, and where (line, column) each written value starts."""
    lines, places = ["{", ' "format": "reflexmap-settings",', ' "version": 1,', ' "values": {'], {}
    for n, (key, value) in enumerate(GOOD_SETTINGS.items()):
        start = f'  "{key}": '
        if key in changed:
            written = changed[key]
            places[key] = (len(lines) + 1, len(start) + 1)
        elif key in entries:
            first = json.dumps(value[0])
            written = "[" + first + ", " + entries[key] + "]"
            places[key] = (len(lines) + 1, len(start) + len(first) + 4)
        else:
            written = json.dumps(value)
        lines.append(start + written + ("," if n < len(GOOD_SETTINGS) - 1 else ""))
    return "\n".join([*lines, " }", "}", ""]), places


@FUZZ
@given(
    st.dictionaries(st.sampled_from(sorted(GOOD_SETTINGS)), HOSTILE_WRITTEN, min_size=1, max_size=6),
    st.dictionaries(st.sampled_from(SPOTS), HOSTILE_WRITTEN, max_size=2),
)
def test_fuzz_settings_values_fall_back_alone_each_at_its_place(tmp_path_factory, changed, entries):
    """Hostile values written into a hand-written settings file (huge and tiny numbers, wrong
    types, deep nesting): one message, each bad value at its line and column, no exception;
    every other setting keeps its value, each bad one its default (a list its usable entries)."""
    entries = {k: v for k, v in entries.items() if k not in changed}
    text, places = _settings_text(changed, entries)
    folder = tmp_path_factory.mktemp("settings")
    path = folder / "settings.json"
    path.write_text(text, encoding="utf-8")
    settings = Settings(path)
    bad = {key for key, written in changed.items() if check(key, _read(written, 2)).reason is not None}
    listed = {key: [GOOD_SETTINGS[key][0], _read(written, 3)] for key, written in entries.items()}
    bad |= {key for key, value in listed.items() if check(key, value).reason is not None}
    for key, value in GOOD_SETTINGS.items():  # the others keep their values
        if key not in bad and key not in entries:
            kept = _read(changed[key], 2) if key in changed else value
            if isinstance(kept, dict) and "$base64" in kept:  # handed out as bytes
                kept = base64.b64decode(kept["$base64"])
            assert settings.value(key) == kept, key
    for key in entries:  # a list keeps its usable entry
        assert settings.value(key) == (listed[key][:1] if key in bad else listed[key]), key
    for key in changed.keys() & bad:
        assert settings.value(key) is None, key  # its default
    if not bad:
        assert settings.warnings == []
        return
    (message,) = settings.warnings
    lines = message.splitlines()
    assert lines[0].startswith("Th") and lines[-1].startswith("The file as it was is kept as")
    said = sorted(tuple(map(int, line.split(": ", 1)[0].rsplit(":", 2)[1:])) for line in lines[1:-1])
    assert all(line.startswith(f"• \u2068{path}\u2069:") for line in lines[1:-1]), message
    # each at its value's line, at the value or at the entry in it the trouble is about
    spans = sorted((places[key], len((changed | entries)[key])) for key in bad)
    assert len(said) == len(spans), (said, spans, message)
    for (line, column), ((at_line, at_column), length) in zip(said, spans, strict=True):
        assert line == at_line and at_column <= column < at_column + length, (said, spans, message)
    assert "Traceback" not in message


def _read(written: str, depth: int = 0):
    """`written` read as the settings' reader reads it `depth` levels down in a file."""
    from reflexmap import bounded_json

    value = bounded_json.loads(
        "[" * depth + written + "]" * depth, max_bytes=100_000, nonfinite=True, skip_deep=True
    )
    for _level in range(depth):
        (value,) = value
    return value


def _cache_entry() -> tuple[bytes, dict]:
    raw = builtin_chart_path().read_bytes()
    result = parse_atlas(raw, "chart.yaml")
    return raw, {"version": _version(), "atlas": atlas_to_plain(result.atlas)}


ENTRY = _cache_entry()


@FUZZ
@given(st.data())
def test_fuzz_chart_cache_entries(tmp_path_factory, data):
    """A cache entry changed anywhere into anything gives a chart or a full check, never an
    exception: the cache folder is the user's and is never trusted."""
    raw, plain = ENTRY
    plain = copy.deepcopy(plain)
    for _ in range(data.draw(st.integers(1, 4))):
        parent, key, node = None, None, plain
        for _depth in range(data.draw(st.integers(1, 6))):
            if isinstance(node, dict) and node:
                step = data.draw(st.sampled_from(sorted(node)))
            elif isinstance(node, list) and node:
                step = data.draw(st.integers(0, len(node) - 1))
            else:
                break
            parent, key, node = node, step, node[step]
        if parent is not None:
            parent[key] = data.draw(json_values)
    cache = AtlasCache(tmp_path_factory.mktemp("cache"))
    cache.folder.mkdir(exist_ok=True)
    (cache.folder / f"{cache.key(raw)}.entry").write_bytes(entry_bytes(plain))
    atlas = cache.get(raw)
    assert atlas is None or atlas.zones


_ENTRY_FILE: list[bytes] = []


def _entry_file() -> bytes:
    """The built-in chart's cache entry as the cache writes it (made once)."""
    if not _ENTRY_FILE:
        import tempfile
        from pathlib import Path

        raw = ENTRY[0]
        cache = AtlasCache(Path(tempfile.mkdtemp()))
        cache.put(raw, parse_atlas(raw, "chart.yaml").atlas)
        _ENTRY_FILE.append(next(cache.folder.glob("*.entry")).read_bytes())
    return _ENTRY_FILE[0]


@FUZZ
@given(st.data())
def test_fuzz_chart_cache_files(tmp_path_factory, data):
    """The entry's file itself cut short, its bytes changed, garbage or huge runs put in: a
    chart equal to the real one, or none (then the file is read and checked again)."""
    raw = ENTRY[0]
    cache = AtlasCache(tmp_path_factory.mktemp("cache"))
    cache.folder.mkdir(exist_ok=True)
    entry = cache.folder / f"{cache.key(raw)}.entry"
    content = bytearray(_entry_file())
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["truncate", "flip", "insert", "delete", "huge", "nest"]))
        i = data.draw(st.integers(0, max(0, len(content) - 1)))
        if op == "truncate":
            del content[i:]
        elif op == "flip" and content:
            content[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            content[i:i] = data.draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del content[i : i + data.draw(st.integers(1, 400))]
        elif op == "huge":
            content[i:i] = data.draw(
                st.sampled_from(
                    [b"9" * 5000, b'"' + b"x" * 100_000 + b'"', b"1e999", b"-1E400", b"1e-400", b"2.5e-320"]
                    + [b"NaN", b"-Infinity", b"true", b"null", b'{"x": []}', b"[" * 60 + b"1e999" + b"]" * 60]
                )
            )
        else:
            content[i:i] = b"[" * data.draw(st.integers(1000, 200_000))
    entry.write_bytes(bytes(content))
    atlas = cache.get(raw)
    expected = [z.id for z in parse_atlas(raw, "chart.yaml").atlas.zones] if atlas is not None else []
    assert atlas is None or [z.id for z in atlas.zones] == expected


@FUZZ
@given(st.data())
def test_fuzz_chart_cache_verdicts_and_keys(tmp_path_factory, data):
    """The check's verdict beside an entry and the cache's key, changed into anything (bytes
    flipped, cut, lengthened, swapped for garbage): the sound entry still gives the chart, and
    the check's rules are skipped only when both are exactly the cache's own."""
    import os

    from reflexmap.atlas.cache import KEY_NAME, verdict_mac

    raw = ENTRY[0]
    folder = tmp_path_factory.mktemp("cache")
    AtlasCache(folder).put(raw, parse_atlas(raw, "chart.yaml").atlas)
    entry = folder / f"{AtlasCache(folder).key(raw)}.entry"
    files = {"verdict": entry.with_suffix(".verdict"), "key": folder / KEY_NAME}
    for _ in range(data.draw(st.integers(1, 4))):
        target = files[data.draw(st.sampled_from(sorted(files)))]
        content = bytearray(target.read_bytes())
        op = data.draw(st.sampled_from(["flip", "truncate", "insert", "replace"]))
        i = data.draw(st.integers(0, max(0, len(content) - 1)))
        if op == "flip" and content:
            content[i] ^= data.draw(st.integers(1, 255))
        elif op == "truncate":
            del content[i:]
        elif op == "insert":
            content[i:i] = data.draw(st.binary(min_size=1, max_size=64))
        else:
            content = bytearray(data.draw(st.binary(max_size=100)))
        target.write_bytes(bytes(content))
        os.chmod(target, 0o600)
    key, verdict = files["key"].read_bytes(), files["verdict"].read_bytes()
    own = len(key) == 32 and verdict == verdict_mac(key, entry.name, entry.read_bytes())
    ran = []
    real = cache_module.check_geometry
    cache_module.check_geometry = lambda *args: ran.append(1) or real(*args)
    try:
        atlas = AtlasCache(folder).get(raw)
    finally:
        cache_module.check_geometry = real
    assert atlas is not None and [z.id for z in atlas.zones] == [z.id for z in ENTRY_ZONES()]
    assert bool(ran) != own


def ENTRY_ZONES():  # noqa: N802 - read once, as ENTRY is
    if not _ZONES:
        _ZONES.extend(parse_atlas(ENTRY[0], "chart.yaml").atlas.zones)
    return _ZONES


_ZONES: list = []


def _double_quoted(text: str, escaped: bool) -> str:
    """`text` in YAML double quotes, every character written as it is or as an escape."""
    if not escaped:
        return json.dumps(text, ensure_ascii=False)
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in text) + '"'


_TEXT_CHARS = "\u200d\u200b\u2060\ufe0f\u00ad\U000e0067\u0301\u0323\u0489\u093e\u0915a Z\u05d0"
_TEXT_CHARS += "\u0f40\u0f90\u0fb1\u0f71\u0f74\u05bc\u05c1\u0591"  # Tibetan stacks, Hebrew points


@FUZZ
@given(st.text(alphabet=st.sampled_from(_TEXT_CHARS), min_size=1, max_size=40), st.booleans())
def test_fuzz_zone_names_of_marks_and_invisible_characters(name, escaped):
    """A name drawn from joiners, format characters, tags, marks and letters, written as it is
    or escaped: the chart loads exactly when the rules one character at a time let the name
    be shown, and a refusal points at the character the rules are about."""
    from tests.atlas.test_invisible_text import _problem_char_by_char

    small = (Path(__file__).parents[1] / "data" / "small.yaml").read_text(encoding="utf-8")
    written = _double_quoted(name, escaped)
    result = parse_atlas(small.replace('name: "Heel"', "name: " + written, 1), "fuzz.yaml")
    expected = _problem_char_by_char("name", name)
    assert result.ok == (expected is None), (result.errors, expected)
    if expected is not None:
        (error,) = result.errors
        line = small.splitlines()[error.line - 1]
        assert line.strip() == 'name: "Heel"', error
        start = line.index('"') + 1 + len(_double_quoted(name[: expected[1]], escaped)) - 2
        assert error.column - 1 == start, (error, expected)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["view/labels", "view/guides", "notes/first-run-seen", "x"]),
            st.booleans() | st.integers(-3, 3) | st.text(max_size=3),
        ),
        max_size=8,
    ),
    st.booleans(),
)
def test_fuzz_settings_keys_written_twice_are_said_and_the_later_value_used(tmp_path_factory, pairs, nested):
    """Settings with keys written again (one to a line, as a person writes them; at the top or
    inside a setting's value): the later value is the one used, as before, and each key written
    again is said at its line and column, with where it was first written."""
    lines = [f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in pairs]
    body = "{\n" + ",\n".join(lines) + "\n }"
    if nested:  # the same pairs as the value of a setting newer versions may know
        text = '{"format": "reflexmap-settings", "version": 1, "values": {"new/x": ' + body + "}}"
    else:
        text = '{"format": "reflexmap-settings", "version": 1, "values": ' + body + "}"
    path = tmp_path_factory.mktemp("settings") / "settings.json"
    path.write_text(text, encoding="utf-8")
    settings = Settings(path)
    said = "\n".join(settings.warnings)
    first_line = text[: text.index("{\n")].count("\n") + 2  # the line of the first pair
    seen: dict[str, int] = {}
    for index, (key, _value) in enumerate(pairs):
        line = first_line + index
        if key in seen:
            place = f"{path}\u2069:{line}:3: the key \u201c\u2068{key}\u2069\u201d"
            assert f"{place} was already written at line {seen[key]}, column 3." in said, said
        else:
            seen[key] = line
    later = dict(pairs)
    if not nested and type(later.get("view/labels")) is bool:
        assert settings.value("view/labels") is later["view/labels"]
    if len(seen) == len(pairs):
        assert "written twice" not in said
