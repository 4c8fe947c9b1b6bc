"""One hostile or broken zone file per kind of trouble, made on the fly (some are huge or are
not files at all, so they cannot live in the repository), with the error each must give."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.hostile_forms import FORMS as _FORMS
from benchmarks.hostile_limits import NEW_FORMS
from benchmarks.hostile_limits import UNUSUAL_FORMS as _UNUSUAL_FORMS

VALID_HEAD = """\
atlas_format: 1
id: t
title: "T"
tradition: "Test"
sources: [{id: s1, title: "S"}]
views:
  - {id: plantar-left, foot: left, aspect: plantar, outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]}
zones:
  - id: z
    name: "Z"
    region: spine
    claim: "x"
    technique: "y"
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-left: POLYGON
"""


OVERLAPPING_PARTS = "[[[0, 10], [10, 10], [10, 20], [0, 20]], [[5, 15], [15, 15], [15, 25], [5, 25]]]"


TWO_FEET = """views:
  - {id: plantar-left, foot: left, aspect: plantar, outline: OUTLINE}
  - {id: plantar-right, foot: right, aspect: plantar, mirror_of: plantar-left}"""
SQUARE_OUTLINE = "[[-20, 0], [20, 0], [20, 100], [-20, 100]]"
BOWTIE = "[[0, 10], [10, 20], [10, 10], [0, 20]]"


def two_feet(polygon: str, outline: str = SQUARE_OUTLINE, second_id: str = "plantar-right") -> str:
    """A chart with a mirrored second view; its zone is drawn on the left and mirrored."""
    views = TWO_FEET.replace("OUTLINE", outline).replace("id: plantar-right", f"id: {second_id}")
    text = chart(polygon + "\n      plantar-right: mirror")
    return text.replace(text[text.index("views:") : text.index("zones:")], views + "\n")


SQUARE = "[[0, 0], [10, 0], [10, 10], [0, 10]]"  # a zone inside the test outline


def chart(polygon: str = SQUARE) -> str:
    return VALID_HEAD.replace("POLYGON", polygon)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # writes the file into a folder, returns its path
    message: str  # a part of the (first) error message
    line: int | None = None  # expected line of the first error, when it has one
    column: int | None = None
    alone: bool = False  # the only error: nothing that follows from it is reported


def _text(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    return _bytes(name, text.encode(encoding))


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _made(name: str, build: Callable[[], str]) -> Callable[[Path], Path]:
    """A file whose text is built only when the case is made (large texts cost no memory
    until then)."""

    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(build().encode("utf-8"))
        return path

    return make


def _sparse(name: str, size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with open(path, "wb") as handle:  # sparse: no disk and no time
            handle.truncate(size)
        return path

    return make


def _ring(points: int, r: float = 5.0) -> str:
    """A round polygon of `points` points inside the test outline."""
    step = 2 * math.pi / points
    return (
        "["
        + ", ".join(
            f"[{r * math.cos(i * step):.4f}, {50 + r * math.sin(i * step):.4f}]" for i in range(points)
        )
        + "]"
    )


def _zones(count: int, polygon: str = SQUARE) -> str:
    """`count` more zones (9 lines each) after the one in `chart()`."""
    return "".join(
        f"  - id: z{k}\n    name: Z\n    region: spine\n    claim: x\n    technique: y\n"
        f"    sources: [s1]\n    confidence: sourced\n    shapes:\n      plantar-left: {polygon}\n"
        for k in range(count)
    )


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)  # reading it would block for ever
    return path


def _folder(folder: Path) -> Path:
    path = folder / "folder.yaml"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "does-not-exist.yaml"


def _broken_link(folder: Path) -> Path:
    path = folder / "link.yaml"
    path.symlink_to(folder / "nowhere.yaml")
    return path


def _json_zones(count: int, indent: int | None = None) -> str:
    """A chart written as JSON (JSON is YAML), with `count` zones."""
    square = json.loads(SQUARE)
    zone = {"id": "z", "name": "Z", "region": "spine", "claim": "x", "technique": "y", "sources": ["s1"],
            "confidence": "sourced", "shapes": {"plantar-left": square}}  # fmt: skip
    chart = {
        "atlas_format": 1, "id": "t", "title": "T", "tradition": "Test",
        "sources": [{"id": "s1", "title": "S"}],
        "views": [{"id": "plantar-left", "foot": "left", "aspect": "plantar",
                   "outline": [[-20, 0], [20, 0], [20, 100], [-20, 100]]}],
        "zones": [dict(zone, id=f"z{k}") for k in range(count)],
    }  # fmt: skip
    return json.dumps(chart, indent=indent) + "\n"


def _block_ring(points: int, compact: bool = False, comments: bool = False) -> str:
    """A polygon of `points` points written one point a line (as yaml.dump writes lists)."""
    pad = " " * 6
    step = 2 * math.pi / points
    lines = []
    for i in range(points):
        x, y = 5 * math.cos(i * step), 50 + 5 * math.sin(i * step)
        note = f"  # point {i}" if comments else ""
        lines.append(
            f"{pad}- - {x:.4f}\n{pad}  - {y:.4f}\n" if compact else f"{pad}- [{x:.4f}, {y:.4f}]{note}\n"
        )
    return chart("POLY").replace("plantar-left: POLY", "plantar-left:\n" + "".join(lines).rstrip("\n"))


def _merged_zones(count: int) -> str:
    """A chart of `count` zones, each merging an anchored mapping (`<<: *common`): 7 lines
    a zone after the anchored mapping's 5 lines (line 18 onwards)."""
    head = chart().replace(
        "zones:\n",
        "common: &common\n  region: spine\n  claim: x\n  technique: y\n  confidence: sourced\nzones:\n",
    )
    return head + "".join(
        f"  - <<: *common\n    id: z{k}\n    name: Z\n    sources: [s1]\n"
        f"    shapes:\n      plantar-left: {SQUARE}\n"
        for k in range(count)
    )


def _aliased_sources(count: int) -> str:
    """`count` more zones whose sources are an alias of the first zone's anchored list."""
    text = chart().replace("    sources: [s1]\n", "    sources: &src [s1]\n", 1)
    return text + _zones(count).replace("sources: [s1]", "sources: *src")


def _aliased_points(points: int, block: bool = False) -> str:
    """A polygon of `points` points whose first point is anchored and every 7th an alias."""
    items = ["&p [0.0, 50.0]"] + [
        "*p" if i % 7 == 0 else f"[{5 * math.cos(i):.4f}, {50 + 5 * math.sin(i):.4f}]"
        for i in range(1, points)
    ]
    if block:
        return chart("POLY").replace(
            "plantar-left: POLY", "plantar-left:\n" + "\n".join(f"      - {i}" for i in items)
        )
    return chart("[" + ", ".join(items) + "]")


def _dumped_with_anchors(count: int) -> str:
    """`count` zones as yaml.dump writes a chart whose zones share objects: each zone's
    translations and sources are the same lists and mappings (written once with an anchor
    '&id001', then as aliases '*id001'), its shape on the lines below its key."""
    import yaml

    sources = ["s1"]
    translations = {"de": {"name": "Zone"}}
    square = json.loads(SQUARE)
    data = yaml.safe_load(chart())
    # as in the benchmark's synthetic chart, the first anchor is in a view, before the zones
    guide = {"id": "g", "name": "G", "points": [[-20, 50], [20, 50]], "translations": translations}
    data["views"][0]["guides"] = [guide]
    data["zones"] = [
        {"id": f"z{k}", "name": "Z", "region": "spine", "claim": "x", "technique": "y", "sources": sources,
         "confidence": "sourced", "translations": translations, "shapes": {"plantar-left": square}}
        for k in range(count)
    ]  # fmt: skip
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, width=200)


def _zones_written(count: int, *changes: tuple[str, str]) -> str:
    """`chart()` and `count` more zones, with each (old, new) replaced everywhere."""
    text = chart() + _zones(count)
    for old, new in changes:
        text = text.replace(old, new)
    return text


def _alternating(text: str, breaks: str | list[str]) -> str:
    """`text` with its line breaks taken in turn from `breaks`."""
    lines = text.split("\n")
    return "".join(line + breaks[k % len(breaks)] for k, line in enumerate(lines[:-1])) + lines[-1]


# The same over-limit files written in every form of YAML the quick walk reads (issue 14):
# each must be refused while reading, by the walk, at the parser's line and column; the
# benchmark (benchmarks/hostile_limits.py) names them, for its rows and the memory test.
UNUSUAL_FORMS = _UNUSUAL_FORMS


def _laughs_block(levels: int) -> str:
    """A "billion laughs" in block style: each level a list of ten aliases of the one before."""
    text = "a: &a\n" + "".join("- lol\n" for _ in range(10))
    for p, c in zip("abcdefghijklmnop"[: levels - 1], "bcdefghijklmnopq", strict=False):
        text += f"{c}: &{c}\n" + "".join(f"- *{p}\n" for _ in range(10))
    return text


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def _marked(text: str, marker: str) -> tuple[str, int, int]:
    """`text` without `marker` (one character, "\x00"), and the line and column it stood at."""
    before = text[: text.index(marker)]
    return text.replace(marker, "", 1), before.count("\n") + 1, len(before) - before.rfind("\n")


_COMPACT_SQUARE = "plantar-left:\n" + "".join(
    f"        - - {x}\n          - {y}\n" for x, y in ((0, 0), (10, 0), (10, 10), (0, 10))
)


def _in_zone_3(count: int, old: str, new: str, compact: bool = False) -> str:
    """`count` zones (their squares written as compact points, `compact`) with `old` in the
    zone 'z3' replaced by `new`, whose "\x00" marks where the parser stops."""
    text = _zones_written(count, *([(f"plantar-left: {SQUARE}\n", _COMPACT_SQUARE)] if compact else []))
    at = text.index(old, text.index("  - id: z3\n"))
    return text[:at] + new + text[at + len(old) :]


def _stopped_in_zone_3(name: str, old: str, new: str, message: str, compact: bool = False) -> Case:
    """50,000 zones, over the limit, with a syntax error in the zone 'z3' that the parser stops
    at first (the quick walk counts the zones ahead: it must leave the file to the parser)."""
    _, line, column = _marked(_in_zone_3(5, old, new, compact), "\x00")
    build = lambda: _marked(_in_zone_3(50_000, old, new, compact), "\x00")[0]  # noqa: E731
    return Case(name, _made(name.replace(" ", "-")[:40] + ".yaml", build), message, line, column)


def _hostile_text(name: str, old: str, new: str, message: str) -> Case:
    """A chart text that cannot be shown (invisible, stacked): `old` of the valid chart
    replaced by `new`, whose character "\x00" marks where the error must point."""
    text, line, column = _marked(chart().replace(old, new, 1), "\x00")
    return Case(name, _text(name.replace(" ", "-")[:40] + ".yaml", text), message, line, column, alone=True)


_GUIDED = "aspect: plantar, guides: [{id: g, name: NAME, points: [[-20, 50], [20, 50]]}], outline:"


# Numbers YAML 1.1 reads silently as other numbers (or as infinity, not-a-number), and a
# number with a unit or a leading point or a trailing one
NOT_DECIMAL = ("010", "0b11", "1_0", "0x10", "0o7", "1:20", "+.inf", ".nan", ".5", "5.", "00.5", "10mm")
# a zone's square with its second point's x written as N (column 23 of line 17 in flow style)
NUMBER_LISTS = {
    "flow": "[[0, 0], [N, 0], [10, 10], [0, 10]]",
    "one a line": "\n      - [0, 0]\n      - [N, 0]\n      - [10, 10]\n      - [0, 10]",
    "compact block": "\n      - - 0\n        - 0\n      - - N\n        - 0\n      - - 10\n        - 10",
    "mixed": "\n      - [0, 0]\n      - - N\n        - 0\n      - [10, 10]",
}


def _place_of_n(text: str) -> tuple[int, int]:
    """Line and column of the N in `text` (where the number is written)."""
    at = text.index("N")
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


_WRONG = "is not a valid {}; expected one of: "
WORDS_IN_FIELDS = [  # (field, word, old text, new text, message, line, column)
    ("region", "off", "region: spine", "region: off", "'off' " + _WRONG.format("region"), 11, 13),
    ("region", "~", "region: spine", "region: ~", "'~' " + _WRONG.format("region"), 11, 13),
    (
        "confidence",
        "yes",
        "confidence: sourced",
        "confidence: yes",
        "'yes' " + _WRONG.format("confidence"),
        15,
        17,
    ),
    (
        "aspect",
        "a date",
        "aspect: plantar",
        "aspect: 2024-01-01",
        "'2024-01-01' " + _WRONG.format("aspect"),
        7,
        44,
    ),
    ("foot", "null", "foot: left", "foot: null", "'null' " + _WRONG.format("foot"), 7, 30),
    ("zone id", "010", "  - id: z\n", "  - id: 010\n", "'010' is not a valid id", 9, 9),
    ("source named", "no", "sources: [s1]", "sources: [no]", "unknown source 'no'", 14, 15),
    ("name", "a number", 'name: "Z"', "name: 1.10", "'name' must be text, not the number 1.10", 10, 11),
]

CASES = [
    Case("empty", _text("empty.yaml", ""), "the file is empty", 1),
    Case("only comments", _text("comments.yaml", "# nothing\n# here\n"), "the file is empty", 1),
    # line 3: a lone carriage return (byte 13) ends a line for YAML, as for the parser's positions
    Case("binary", _bytes("binary.yaml", bytes(range(256)) * 4), "not UTF-8 text (byte 0x80 here)", 3, 115),
    Case(
        "NUL bytes",
        _bytes("nul.yaml", b"atlas_format: 1\nid: \x00\x00\n"),
        "holds a NUL character here",
        2,
        5,
    ),
    Case(
        "latin-1", _text("latin1.yaml", "title: Caf\u00e9\n", "latin-1"), "not UTF-8 text (byte 0xe9 here)", 1
    ),
    Case(
        "UTF-16",
        _text("utf16.yaml", chart(), "utf-16"),
        "the file is UTF-16 text; ReflexMap reads UTF-8",
        1,
        1,
    ),
    Case(
        "list at the top",
        _text("list.yaml", "- a\n- b\n"),
        "must be a mapping (key: value) at the top, not a list",
        1,
    ),
    Case(
        "zones that are not mappings",
        _text("zone-items.yaml", VALID_HEAD[: VALID_HEAD.index("zones:")] + "zones: [a, 1, ~]\n"),
        "item 1 of 'zones' must be a mapping (key: value), not text",
        8,
        9,
    ),
    Case(
        "a source that is a number",
        _text("source-item.yaml", chart().replace('sources: [{id: s1, title: "S"}]', "sources: [7]")),
        "item 1 of 'sources' must be a mapping (key: value), not a number",
        5,
        11,
    ),
    Case(
        "an outline in two parts",
        _text(
            "outline-parts.yaml",
            chart().replace(
                "outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]",
                "outline: [[[-20, 0], [20, 0], [20, 100], [-20, 100]], [[-5, 40], [5, 40], [5, 60]]]",
            ),
        ),
        "'outline' is one polygon (a list of [x, y] points), not a list of polygons",
        7,
        62,
        alone=True,
    ),
    Case(
        "an outline of three parts, one of them a hole (no count to complain of)",
        _text(
            "outline-three.yaml",
            chart().replace(
                "outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]",
                "outline: [[[-20, 0], [20, 0], [20, 100]], [[-5, 40], [5, 40], [5, 60]],"
                " [[0, 1], [1, 1], [1, 2]]]",
            ),
        ),
        "'outline' is one polygon (a list of [x, y] points), not a list of polygons",
        7,
        62,
        alone=True,
    ),
    Case("scalar at the top", _text("scalar.yaml", "just text\n"), "at the top, not text", 1),
    Case(
        "duplicate keys",
        _text("dupkey.yaml", chart().replace('name: "Z"', 'name: "Z"\n    name: "Again"')),
        "duplicate key 'name' (first given on line 10)",
        11,
    ),
    Case(
        "tabs",
        _text("tabs.yaml", "atlas_format: 1\n\tid: t\n"),
        "a tab stands here; YAML indents with spaces",
        2,
        1,
    ),
    Case(
        "several documents",
        _text("docs.yaml", chart() + "---\nmore: 1\n"),
        "a zone file holds a single document",
        18,
    ),
    Case(
        "unknown schema version",
        _text("v9.yaml", chart().replace("atlas_format: 1", "atlas_format: 9")),
        "unsupported atlas_format 9: this ReflexMap reads format 1",
        1,
    ),
    Case(
        "NaN coordinate (YAML 1.1's .nan: no decimal number)",
        _text("nan.yaml", chart("[[0, 0], [.nan, 0], [10, 10]]")),
        "write numbers in decimal, such as 10, -2.5 or 1.5e3: '.nan'",
        17,
    ),
    Case(
        "infinite coordinate (YAML 1.1's -.inf: no decimal number)",
        _text("inf.yaml", chart("[[0, 0], [-.inf, 0], [10, 10]]")),
        "write numbers in decimal, such as 10, -2.5 or 1.5e3: '-.inf'",
        17,
        column=31,
    ),
    Case(
        "huge coordinate",
        _text("big.yaml", chart("[[0, 0], [1.0e+300, 0], [10, 10]]")),
        "outside the allowed range -2000..2000 mm",
        17,
    ),
    Case(
        "deep nesting",
        _text("deep.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "nested deeper than 64 levels",
        1,
    ),
    Case("billion laughs", _text("laughs.yaml", BILLION_LAUGHS), "holds more than 1,000,000 values"),
    Case(
        "python object tag",
        _text(
            "object.yaml",
            chart().replace('name: "Z"', 'name: !!python/object/apply:os.system ["echo owned"]'),
        ),
        "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        10,
    ),
    Case("python name tag", _text("pyname.yaml", "title: !!python/name:os.system\n"), "is not allowed", 1),
    Case("local tag", _text("localtag.yaml", "title: !shout hello\n"), "tag '!shout' is not allowed", 1),
    Case(
        "!!bool on a word that is not true or false",
        _text("bool-maybe.yaml", chart().replace('name: "Z"', "name: !!bool maybe")),
        "cannot read 'maybe' as true or false",
        10,
        11,
    ),
    Case(
        "!!bool on a block text",
        _text("bool-block.yaml", chart().replace('name: "Z"', "name: !!bool |\n      maybe")),
        "cannot read 'maybe\\n' as true or false",
        10,
        11,
    ),
    Case(
        "!!null on text, as a key",
        _text("null-key.yaml", chart().replace("    claim:", "    !!null x: 1\n    claim:")),
        "cannot read 'x' as nothing (null)",
        12,
        5,
    ),
    Case(
        "hundreds of MB",
        _sparse("huge.yaml", 300 * 1024 * 1024),  # 300 MB: no disk and no time to make
        "the file is 314,572,800 bytes; files are limited to 33,554,432 bytes",
    ),
    Case(
        "59 bytes over the size limit",
        _sparse("over.yaml", 33_554_491),
        "the file is 33,554,491 bytes; files are limited to 33,554,432 bytes",
    ),
    # limits on list lengths: refused at the item that goes over, while reading
    Case(
        "polygon just over 100,000 points",
        _text("points.yaml", chart(_ring(100_001))),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17,
    ),
    Case(
        "three over-limit polygons",
        _text("points3.yaml", chart(_ring(100_001)) + _zones(2, _ring(100_001))),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17,
    ),
    Case(
        "outline just over 100,000 points",
        _text(
            "outline.yaml",
            chart().replace(
                "outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]", "outline: " + _ring(100_001, r=19)
            ),
        ),
        "a polygon has more than 100,000 points; the limit is 100,000",
        7,
    ),
    Case(
        "zone in 101 parts",
        _text("parts.yaml", chart("[" + ", ".join(["[[0, 0], [1, 0], [0, 1]]"] * 101) + "]")),
        "a zone has more than 100 parts in one view; the limit is 100",
        17,
    ),
    Case(
        "50,000 zones",
        _text("zones.yaml", chart() + _zones(50_000)),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
    ),
    Case(
        "50,000 zones as one line of JSON",
        _text("zones.json.yaml", _json_zones(50_000)),
        "more than 10,000 zones; the limit is 10,000",
        1,
    ),
    Case(
        "20,000 zones as indented JSON",
        _text("zones-indented.json.yaml", _json_zones(20_000, indent=2)),
        "more than 10,000 zones; the limit is 10,000",
        310_038,  # the 10,001st zone's opening brace
    ),
    Case(
        "polygon of 100,001 points, one a line",
        _text("points-block.yaml", _block_ring(100_001)),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17 + 100_000 + 1,
    ),
    Case(
        "polygon of 100,001 points as yaml.dump writes it",
        _text("points-dump.yaml", _block_ring(100_001, compact=True)),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17 + 2 * 100_000 + 1,
    ),
    Case(
        "polygon of 100,001 points with a comment on each",
        _text("points-comments.yaml", _block_ring(100_001, comments=True)),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17 + 100_000 + 1,
    ),
    Case(
        "a million values without aliases",
        _text("values.yaml", "a:\n" + ("- [" + "1, " * 99_998 + "1]\n") * 11),
        "the document holds more than 1,000,000 values; the limit is 1,000,000",
        11,
    ),
    Case("pipe", _fifo, "not a regular file"),
    Case("folder", _folder, "this is a folder"),
    Case("missing path", _missing, "no such file"),
    Case("broken link", _broken_link, "no such file"),
    Case(
        "a million keys",
        _text("keys.yaml", "".join(f"k{i}: {i}\n" for i in range(2000))),
        "a mapping has more than 1,000 keys",
        1001,
    ),
    Case(
        "very long line",
        _text("longline.yaml", "title: " + "x" * 5_000_000 + "\n"),
        "this value is 5,000,000 characters long; the limit is 4,000",
        1,
    ),
    Case(
        "literal block of 1,500,000 short lines",
        _text("literal-lines.yaml", chart().replace('claim: "x"', "claim: |\n" + "      y\n" * 1_500_000)),
        "this value is 3,000,000 characters long; the limit is 4,000",
        12,
        column=12,
    ),
    # numbers without bounds: refused by length before any conversion (Python refuses
    # 4,300+ digits; base-60 '1:0:0...' costs quadratic time), in every form YAML 1.1 reads
    Case(
        "5,000-digit whole number",
        _text("digits.yaml", chart().replace("atlas_format: 1", "atlas_format: " + "9" * 5000)),
        "a number of 5,000 characters; the limit is 100",
        1,
    ),
    Case(
        "hex number of 5,000 digits",
        _text("hex.yaml", chart("[[0, 0], [0x" + "f" * 5000 + ", 0], [10, 10]]")),
        "a number of 5,002 characters; the limit is 100",
        17,
    ),
    Case(
        "base-60 number in a name",
        _text("base60.yaml", chart().replace('name: "Z"', "name: 1" + ":0" * 1_000_000)),
        "a number of 2,000,001 characters; the limit is 100",
        10,
    ),
    Case(
        "base-60 number of 32 MB",
        _text("base60-32mb.yaml", "title: 1" + ":0" * 16_000_000 + "\n"),
        "a number of 32,000,001 characters; the limit is 100",
        1,
    ),
    Case(
        "long float",
        _text("float.yaml", chart("[[0, 0], [" + "1" * 4400 + ".5, 0], [10, 10]]")),
        "a number of 4,402 characters; the limit is 100",
        17,
    ),
    Case(
        "tagged long number",
        _text("tagged.yaml", chart().replace("atlas_format: 1", 'atlas_format: !!int "' + "1" * 300 + '"')),
        "a number of 300 characters; the limit is 100",
        1,
    ),
    Case(
        "long number as a key",
        _text("numkey.yaml", chart() + "? " + "1" * 5000 + "\n: x\n"),
        "a number of 5,000 characters; the limit is 100",
        18,
    ),
    Case(
        "coordinate 1e999999 (a decimal number, infinite)",
        _text("exponent.yaml", chart("[[0, 0], [1e999999, 0], [10, 10]]")),
        "this number is too large to read: '1e999999'",
        17,
        column=31,
        alone=True,
    ),
    Case(
        "coordinate 1.0e+999999 (infinite)",
        _text("exponent-inf.yaml", chart("[[0, 0], [0, 1.0e+999999], [10, 10]]")),
        "this number is too large to read: '1.0e+999999'",
        17,
        column=34,  # at the number itself, not the point that holds it
        alone=True,
    ),
    Case(
        "infinite coordinate, one a line as yaml.dump writes points",
        _text(
            "inf-dump.yaml",
            chart("POLY").replace(
                "plantar-left: POLY",
                "plantar-left:\n      - - 0\n        - 0\n      - - 10\n        - -1e400\n"
                "      - - 10\n        - 10",
            ),
        ),
        "this number is too far from zero to read: '-1e400'",
        21,
        column=11,
        alone=True,
    ),
    Case(
        "coordinate 1e-400 (read as 0 by a float)",
        _text("exponent-zero.yaml", chart("[[0, 0], [10, 1e-400], [10, 10]]")),
        "this number is too close to zero to read (write 0 for zero): '1e-400'",
        17,
        column=35,
        alone=True,
    ),
    Case(
        "coordinate -2.5e-320 (digits lost by a float)",
        _text("exponent-subnormal.yaml", chart("[[0, 0], [-2.5e-320, 0], [10, 10]]")),
        "this number is too close to zero to read (write 0 for zero): '-2.5e-320'",
        17,
        column=31,
        alone=True,
    ),
    Case(
        "no views",
        _text(
            "noviews.yaml",
            chart().replace(chart()[chart().index("views:") : chart().index("zones:")], "views: []\n"),
        ),
        "'views' needs at least 1 item, it has 0",
        6,
        column=8,
    ),
    Case(
        "merge key",
        _text("merge.yaml", "base: &b {x: 1}\nother:\n  <<: *b\n"),
        "merge keys ('<<') are not supported",
        3,
    ),
    # geometry that drawing, labelling and comparing need: checked by `check`
    Case(
        "zone in two overlapping parts",
        _text("overlap.yaml", chart(OVERLAPPING_PARTS)),
        "zone 'z', left foot, plantar view [plantar-left]: parts 1 and 2 overlap",
        17,
    ),
    Case(
        "zone in two parts sharing an edge",
        _text(
            "edge.yaml",
            chart("[[[0, 10], [10, 10], [10, 20], [0, 20]], [[10, 10], [15, 10], [15, 20], [10, 20]]]"),
        ),
        "zone 'z', left foot, plantar view [plantar-left]: parts 1 and 2 share an edge",
        17,
    ),
    # messages that mislead: the cause once, nothing that follows from it
    Case(
        "self-crossing outline with a mirror",
        _text(
            "crossing.yaml",
            two_feet("[[0, 10], [10, 10], [10, 20], [0, 20]]", "[[-20, 0], [20, 100], [20, 0], [-20, 100]]"),
        ),
        "outline: the polygon crosses itself",
        7,
        alone=True,
    ),
    Case(
        "duplicate view id",
        _text("dupview.yaml", two_feet("[[0, 10], [10, 10], [10, 20], [0, 20]]", second_id="plantar-left")),
        "duplicate view id 'plantar-left' (first used on line 7)",
        8,
        alone=True,
    ),
    Case(
        "bowtie and its mirror",
        _text("bowtie.yaml", two_feet(BOWTIE)),
        "zone 'z', left foot, plantar view [plantar-left]: the polygon crosses itself",
        18,
        alone=True,
    ),
    Case(
        "quoted text never closed",
        _text("unterminated.yaml", "a: 1\n" * 558 + 'b: "unterminated\n' + "c: 2\n" * 5),
        "this quoted text is never closed",
        559,
        column=4,
        alone=True,
    ),
    Case(
        "nesting depth at the bracket",
        _text("deep-column.yaml", "a: " + "[" * 1000 + "]" * 1000 + "\n"),
        "nested deeper than 64 levels",
        1,
        column=67,
        alone=True,
    ),
    Case(
        "nesting depth at the bracket, within PyYAML's limit",
        _text("deep-70.yaml", "a: " + "[" * 70 + "]" * 70 + "\n"),
        "nested deeper than 64 levels",
        1,
        column=67,
        alone=True,
    ),
    Case("alias to nothing", _text("alias.yaml", "a: *nowhere\n"), "unknown alias '*nowhere'", 1),
    # an alias inside the value its anchor names: it said "no '&x' comes before it" (one does)
    Case(
        "alias inside its own anchor, flow",
        _text("self-alias.yaml", "a: &x [1, *x]\n"),
        "the alias '*x' is inside the value '&x' names: a value cannot hold itself",
        1,
        column=11,
        alone=True,
    ),
    Case(
        "alias inside its own anchor, a zone",
        _text("self-zone.yaml", "zones:\n  - &z\n    id: a\n    parts: [*z]\n"),
        "the alias '*z' is inside the value '&z' names",
        4,
        column=13,
        alone=True,
    ),
    # over-limit files written with anchors and aliases: refused while reading, in the walk
    Case(
        "50,000 zones each merging an anchored mapping",
        _text("merged-zones.yaml", _merged_zones(50_000)),
        "more than 10,000 zones; the limit is 10,000",
        23 + 6 * 9_999,
        column=5,
    ),
    Case(
        "50,000 zones with an aliased sources list",
        _text("aliased-sources.yaml", _aliased_sources(50_000)),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
        column=5,
    ),
    Case(
        "polygon of 100,001 points, some of them aliases",
        _text("aliased-points.yaml", _aliased_points(100_001)),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17,
    ),
    Case(
        "polygon of 100,001 points one a line, some of them aliases",
        _text("aliased-points-block.yaml", _aliased_points(100_001, block=True)),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17 + 100_000 + 1,
        column=9,
    ),
    Case(
        "10,001 zones as yaml.dump writes shared objects (anchors)",
        _text("dumped-anchors.yaml", _dumped_with_anchors(10_001)),
        "more than 10,000 zones; the limit is 10,000",
        42 + 10 * 10_000,  # yaml.dump: 10 lines a zone after the first
        column=3,
    ),
    Case(
        "polygon of 100,001 points, old Mac line ends (CR)",
        _text("points-cr.yaml", chart(_ring(100_001)).replace("\n", "\r")),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17,
    ),
    # a key longer than YAML reads (1,024 characters) is said to be that, not a missing ':'
    Case(
        "key of 5,000 characters",
        _text("longkey.yaml", chart().replace("zones:", "k" * 5000 + ": 1\nzones:")),
        "this key is 5,000 characters long; YAML allows at most 1,024 characters for a key",
        8,
        column=1,
        alone=True,
    ),
    Case(
        "indented key of 1,025 characters",
        _text("longkey-nested.yaml", chart().replace("    region: spine", "    " + "r" * 1025 + ": spine")),
        "this key is 1,025 characters long; YAML allows at most 1,024 characters for a key",
        11,
        column=5,
        alone=True,
    ),
    Case(
        "quoted key of 2,000 characters in a flow mapping",
        _text(
            "longkey-flow.yaml",
            chart().replace("sources: [{id: s1,", 'sources: [{id: s1, "' + "t" * 1998 + '": 1,'),
        ),
        "this key is 2,000 characters long; YAML allows at most 1,024 characters for a key",
        5,
        column=20,
        alone=True,
    ),
    Case(
        "billion laughs in block style",
        _text("laughs-block.yaml", _laughs_block(7)),
        "the document holds more than 1,000,000 values; the limit is 1,000,000 (aliases used to inflate it?)",
        64,
        column=3,
        alone=True,
    ),
    # over-limit files in every form of YAML: refused by the quick walk (UNUSUAL_FORMS)
    Case(
        UNUSUAL_FORMS[0],
        _made("points-tabs.yaml", lambda: chart(_ring(100_001).replace(", ", ",\t"))),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17,
    ),
    Case(
        UNUSUAL_FORMS[1],
        _made("zones-nel.yaml", lambda: _zones_written(50_000, ("\n", "\x85"))),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[2],
        _made("zones-ls-ps.yaml", lambda: _alternating(_zones_written(50_000), "\u2028\u2029")),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[3],
        _made(
            "zones-markers.yaml",
            lambda: "\ufeff%YAML 1.1\n---\n" + _alternating(_zones_written(50_000), ["\r\n", "\n"]) + "...\n",
        ),
        "more than 10,000 zones; the limit is 10,000",
        20 + 9 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[4],
        _made("zones-tabs.yaml", lambda: _zones_written(50_000, (": ", ":\t"), ("spine\n", "spine\t# r\n"))),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[5],
        _made(
            "zones-dq-notes.yaml",
            lambda: _zones_written(
                50_000, ("claim: x\n", 'claim: "charts \\"place\\" it \\\n      here,\n      too"\n')
            ),
        ),
        "more than 10,000 zones; the limit is 10,000",
        18 + 11 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[6],
        _made(
            "zones-sq-notes.yaml",
            lambda: _zones_written(
                50_000, ("claim: x\n", "claim: 'charts place\n  - it''s\n\n      here'\n")
            ),
        ),
        "more than 10,000 zones; the limit is 10,000",
        18 + 12 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[7],
        _made(
            "zones-folded.yaml",
            lambda: _zones_written(
                50_000, ("claim: x\n", "claim: >-2\n      charts place\n\n      it here\n")
            ),
        ),
        "more than 10,000 zones; the limit is 10,000",
        18 + 12 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[8],
        _made(
            "zones-dash-comment.yaml", lambda: _zones_written(50_000, ("  - id: z", "  - # zone\n    id: z"))
        ),
        "more than 10,000 zones; the limit is 10,000",
        20 + 10 * 9_999,  # the zone's first key, on the line below its dash
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[9],
        _made(
            "zones-tags.yaml",
            lambda: _zones_written(
                50_000,
                ("sources: [s1]", "sources: !!seq [s1]"),
                ("name: Z", "name: !!str Z"),
                ("shapes:", "shapes: !!map"),
            ),
        ),
        "more than 10,000 zones; the limit is 10,000",
        18 + 9 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[10],
        _made(
            "zones-flow-shapes.yaml",
            lambda: _zones_written(
                50_000,
                (
                    "    shapes:\n      plantar-left: [[0, 0], [10, 0], [10, 10], [0, 10]]\n",
                    "    shapes: {  # drawn\n      plantar-left: [[0, 0], [10, 0],\n"
                    "        [10, 10], [0, 10]]\n    }\n",
                ),
            ),
        ),
        "more than 10,000 zones; the limit is 10,000",
        20 + 11 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[11],
        _made(
            "zones-explicit-keys.yaml",
            lambda: _zones_written(50_000, ("    name: Z\n", "    ? name\n    : Z\n")),
        ),
        "more than 10,000 zones; the limit is 10,000",
        18 + 10 * 9_999,
        column=5,
    ),
    Case(
        UNUSUAL_FORMS[12],
        _made(
            "points-lines-comments.yaml",
            lambda: chart(_ring(100_001).replace("], [", "],  # a corner\n        [")),
        ),
        "a polygon has more than 100,000 points; the limit is 100,000",
        17 + 100_000,
        column=9,
    ),
    Case(
        UNUSUAL_FORMS[13],
        _made(
            "folded.yaml",
            lambda: chart().replace('claim: "x"', "claim: >\n" + ("      " + "word " * 12 + "\n") * 100_000),
        ),
        "this value is 6,100,000 characters long; the limit is 4,000",
        12,
        column=12,
    ),
    Case(
        UNUSUAL_FORMS[14],
        _made(
            "dq-lines.yaml",
            lambda: chart().replace(
                'claim: "x"', 'claim: "' + ('say \\"hi\\" \\\\ ' * 12 + "\\\n      ") * 50_000 + '"'
            ),
        ),
        "this value is 6,600,000 characters long; the limit is 4,000",
        12,
        column=12,
    ),
    Case(
        UNUSUAL_FORMS[15],
        _made(
            "sq-lines.yaml",
            lambda: chart().replace('claim: "x"', "claim: '" + ("it''s " * 12 + "\n      ") * 100_000 + "'"),
        ),
        "this value is 6,000,000 characters long; the limit is 4,000",
        12,
        column=12,
    ),
    # chart texts that draw nothing or stack marks far above their line (text.py's rules)
    _hostile_text(
        "name of 3,000 zero-width joiners",
        'name: "Z"',
        'name: "\x00' + "\u200d" * 3000 + 'Z"',
        "'name' has 3,000 invisible characters in a row",
    ),
    _hostile_text(
        "name with 30 marks on one letter",
        'name: "Z"',
        'name: "Z' + "\u0301" * 4 + "\x00" + "\u0301" * 26 + '"',
        "'name' has 30 combining marks stacked on one character",
    ),
    _hostile_text(
        "claim of escaped zero-width spaces",
        'claim: "x"',
        'claim: "x\x00' + "\\u200b" * 20 + '"',
        "'claim' has 20 invisible characters in a row",
    ),
    _hostile_text(
        "source title of tag characters",
        'title: "S"',
        'title: "S\x00' + "\U000e0041" * 12 + '"',
        "'title' has 12 invisible characters in a row",
    ),
    _hostile_text(
        "zone name of a tower of Tibetan subjoined letters",
        'name: "Z"',
        'name: "\u0f40' + "\u0f90" * 6 + "\x00" + "\u0f90" * 24 + '"',
        "'name' has 30 letters subjoined below one character",
    ),
    _hostile_text(
        "Zalgo on a Tibetan stack",
        'name: "Z"',
        'name: "\u0f40\u0fb5\u0fa8\u0fb1\u0f71\u0f80\u0f7e\u0f82\x00\u0f83\u0f86"',
        "'name' has 6 combining marks stacked",
    ),
    _hostile_text(
        "guide name with stacked marks",
        "aspect: plantar, outline:",
        _GUIDED.replace("NAME", "Waist" + "\u0489" * 4 + "\x00" + "\u0489" * 8),
        "'name' has 12 combining marks stacked",
    ),
    _hostile_text(
        "translated name of invisible separators",
        'claim: "x"\n',
        'claim: "x"\n    translations: {de: {name: "Fu\x00' + "\u2063" * 12 + 'ß"}}\n',
        "'name' has 12 invisible characters in a row",
    ),
    _hostile_text(
        "chart title of variation selectors",
        'title: "T"',
        'title: "T\x00' + "\ufe0f" * 10 + '"',
        "'title' has 10 invisible characters in a row",
    ),
    # generated forms (benchmarks/hostile_forms.py) the walk left to the slow parse before
    *(
        Case(name, _made(f"form-{k}.yaml", {form.name: form for form in _FORMS}[name].build), *told)
        for k, (name, told) in enumerate(
            zip(
                NEW_FORMS,
                [
                    ("more than 10,000 zones; the limit is 10,000", 110_009, 5),
                    ("more than 10,000 zones; the limit is 10,000", 90_009, 5),
                    ("more than 10,000 zones; the limit is 10,000", 90_011, 5),
                    ("a polygon has more than 100,000 points; the limit is 100,000", 17, 2_350_022),
                    ("a polygon has more than 100,000 points; the limit is 100,000", 100_018, 9),
                    ("the document holds more than 1,000,000 values; the limit is 1,000,000", 90_910, 28),
                    ("more than 100,000 items in one list; the limit is 100,000", 100_002, 3),
                    ("this value is 6,400,000 characters long; the limit is 4,000", 12, 12),
                    ("this value is 6,900,000 characters long; the limit is 4,000", 12, 12),
                    ("values are nested deeper than 64 levels", 81_073, 127),
                    *[("more than 10,000 zones; the limit is 10,000", 90_009, 5)] * 4,  # (session 15)
                ],
                strict=True,
            )
        )
    ),
    # YAML 1.1's other number forms: refused where a number is wanted, quoted as written
    # (written_numbers.py), whichever way the list of points is written
    *(
        Case(
            f"coordinate {written} ({how})",
            _text(f"number-{k}-{j}.yaml", chart(form.replace("N", written))),
            f"write numbers in decimal, such as 10, -2.5 or 1.5e3: {written!r}",
            *_place_of_n(chart(form)),
            alone=True,
        )
        for k, written in enumerate(NOT_DECIMAL)
        for j, (how, form) in enumerate(NUMBER_LISTS.items())
    ),
    Case(
        "format version in octal",
        _text("format-octal.yaml", chart().replace("atlas_format: 1", "atlas_format: 01")),
        "write numbers in decimal, such as 10, -2.5 or 1.5e3: '01'",
        1,
        column=15,
        alone=True,
    ),
    # YAML 1.1's true/false, null and dates in text and choice fields: the word written
    *(
        Case(
            f"{field} {word}",
            _text(f"word-{k}.yaml", chart().replace(old, new)),
            message,
            line,
            column=column,
        )
        for k, (field, word, old, new, message, line, column) in enumerate(WORDS_IN_FIELDS)
    ),
    # a syntax error in a zone before the one over the limit, where the walk counting the zones
    # ahead named the limit ("more than 10,000 zones", 170,010:5 and 90,009:5): the parser's
    # error is told (found by a generator of nested items, s15)
    _stopped_in_zone_3(
        "text at a compact point's inner dash",
        "  - id: z4\n",
        "          \x00deeper\n  - id: z4\n",
        "a ':' is missing after this key",
        compact=True,
    ),
    _stopped_in_zone_3(
        "a colon with no key in a flow list",
        "sources: [s1]",
        "sources: [s1, \x00: s2]",
        "a value is missing here",
    ),
]
