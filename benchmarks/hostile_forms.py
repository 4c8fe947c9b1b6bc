"""Over-limit zone files generated in every form of YAML, and what refusing each costs.

    python -m benchmarks.hostile_forms [--old PATH] [--only WORD]

Each limit a zone file has (points in a polygon, zones, values in the document, the length
of a text, nesting) is written in many forms: flow and block mixed, anchors, aliases and
merge keys, explicit keys over lines, comments everywhere, CRLF, CR and NEL, LS and PS
(U+2028, U+2029) inside values, a byte-order mark, quoted keys, plain values over lines,
block values with indentation indicators and chomping, tags alone on their line, tabs,
several documents. Each file is checked by `reflexmap check` in a child process capped at
1 GiB (benchmarks/hostile_limits.py), and its CPU seconds and peak memory are printed; with
`--old PATH` (a checkout of an older ReflexMap) the same file is checked there too, by
turns, so that old and new are compared in one run.

tests/hostile/test_forms.py asserts, for every form, that the quick walk refuses it with the
parser's message at the parser's line and column (so no form is left to the slow parse).
"""

from __future__ import annotations

import argparse
import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEAD = """\
atlas_format: 1
id: t
title: "T"
tradition: "Test"
sources: [{id: s1, title: "S"}]
views:
  - {id: plantar-left, foot: left, aspect: plantar, outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]}
zones:
"""
ZONE = (
    "  - id: z{k}\n    name: Z\n    region: spine\n    claim: x\n    technique: y\n"
    "    sources: [s1]\n    confidence: sourced\n    shapes:\n"
    "      plantar-left: [[0, 0], [10, 0], [10, 10]]\n"
)
ZONES = "more than 10,000 zones; the limit is 10,000"
POINTS = "a polygon has more than 100,000 points; the limit is 100,000"
VALUES = "the document holds more than 1,000,000 values"
LONG = "characters long; the limit is 4,000"
DEEP = "values are nested deeper than 64 levels"
ITEMS = "more than 100,000 items in one list; the limit is 100,000"


@dataclass(frozen=True)
class Form:
    name: str
    build: Callable[[], str]
    message: str  # a part of the parser's message
    walked: bool = True  # refused by the quick walk (else by the parser, quickly: see the table)


def zones(count: int = 20_000, *changes: tuple[str, str], head: str = HEAD, tail: str = "") -> str:
    """A chart of `count` zones, with each (old, new) replaced in every zone."""
    zone = ZONE
    for old, new in changes:
        assert old in zone, old
        zone = zone.replace(old, new)
    return head + "".join(zone.replace("{k}", str(k)) for k in range(count)) + tail


def _point(i: int, n: int) -> tuple[str, str]:
    step = 2 * math.pi / n
    return f"{5 * math.cos(i * step):.4f}", f"{50 + 5 * math.sin(i * step):.4f}"


def polygon(points: int = 100_001, item: str = "[{x}, {y}]", sep: str = ", ", wrap: str = "[{}]") -> str:
    """A chart whose first zone has a polygon of `points` points, each written as `item`."""
    body = sep.join(
        item.format(x=x, y=y, i=i) for i, (x, y) in ((i, _point(i, points)) for i in range(points))
    )
    return HEAD + ZONE.replace("{k}", "0").replace("[[0, 0], [10, 0], [10, 10]]", wrap.format(body))


def block_polygon(points: int = 100_001, item: str = "- [{x}, {y}]\n", pad: int = 6) -> str:
    lines = "".join(
        " " * pad + item.format(x=x, y=y, i=i)
        for i, (x, y) in ((i, _point(i, points)) for i in range(points))
    )
    zone = ZONE.replace("{k}", "0").replace(" [[0, 0], [10, 0], [10, 10]]\n", "\n" + lines)
    return HEAD + zone


def long_text(value: str, key: str = "claim: x\n") -> str:
    """A chart whose first zone's claim is `value` (written in full, after 'claim:')."""
    return HEAD + ZONE.replace("{k}", "0").replace(key, value)


def breaks(text: str, *ends: str) -> str:
    """`text` with its line ends taken in turn from `ends`."""
    lines = text.split("\n")
    return "".join(line + ends[k % len(ends)] for k, line in enumerate(lines[:-1])) + lines[-1]


WORDS = "charts place it here " * 3
N = 100_000  # lines of a long value


FORMS: list[Form] = [
    # ---- too many zones ----
    Form("zones, block", lambda: zones(), ZONES),
    Form(
        "zones, LS in a folded note",
        lambda: zones(20_000, ("claim: x\n", "claim: >\n      charts\u2028      place\n\n      here\n")),
        ZONES,
    ),
    Form(
        "zones, PS in a folded note, blank line after",
        lambda: zones(20_000, ("claim: x\n", "claim: >-\n      charts\u2029\n      place\n")),
        ZONES,
    ),
    Form(
        "zones, LS in a double-quoted note",
        lambda: zones(20_000, ("claim: x\n", 'claim: "charts\u2028      place\n\n      here"\n')),
        ZONES,
    ),
    Form(
        "zones, PS in a single-quoted note",
        lambda: zones(20_000, ("claim: x\n", "claim: 'charts\u2029\u2029      place'\n")),
        ZONES,
    ),
    Form(
        "zones, LS in a plain note over lines",
        lambda: zones(20_000, ("claim: x\n", "claim: charts\u2028      place\n")),
        ZONES,
    ),
    Form(
        "zones, explicit key over lines (quoted)",
        lambda: zones(20_000, ("    name: Z\n", "    ? 'na\n      me'\n    : Z\n")),
        ZONES,
    ),
    Form(
        "zones, explicit key as a block value",
        lambda: zones(20_000, ("    name: Z\n", "    ? |\n      name\n    : Z\n")),
        ZONES,
    ),
    Form(
        "zones, explicit key as a flow list over lines",
        lambda: zones(20_000, ("    name: Z\n", "    ? [na,\n       me]\n    : Z\n")),
        ZONES,
    ),
    Form(
        "zones, explicit key and value on one line",
        lambda: zones(20_000, ("    name: Z\n", "    ? name : Z\n")),
        ZONES,
    ),
    Form(
        "zones, explicit key, value on the next line",
        lambda: zones(20_000, ("    name: Z\n", "    ? name\n    :\n      Z\n")),
        ZONES,
    ),
    Form("zones, a second document after them", lambda: zones(20_000, tail="---\nmore: 1\n"), ZONES),
    Form(
        "zones, in the second of two documents",
        lambda: "--- {a: 1}\n--- \n" + zones(20_000),
        "second document",
        walked=False,
    ),
    Form("zones, '...' then a second document", lambda: zones(20_000, tail="...\n---\nmore: 1\n"), ZONES),
    Form(
        "zones, tag alone on its line",
        lambda: zones(20_000, ("    sources: [s1]\n", "    sources:\n      !!seq\n      - s1\n")),
        ZONES,
    ),
    Form(
        "zones, tag and anchor alone on their line",
        lambda: zones(20_000, ("    shapes:\n", "    shapes: !!map\n      &s{k}\n")),
        ZONES,
    ),
    Form(
        "zones, list tagged on the line above",
        lambda: zones(20_000, head=HEAD.replace("zones:\n", "zones: !!seq\n")),
        ZONES,
    ),
    Form(
        "zones, list anchored alone on the line above",
        lambda: zones(20_000, head=HEAD.replace("zones:\n", "zones:\n  &all\n")),
        ZONES,
    ),
    Form("zones, tab after a key's colon", lambda: zones(20_000, ("region: spine", "region:\tspine")), ZONES),
    Form(
        "zones, tab before a comment", lambda: zones(20_000, ("technique: y\n", "technique: y\t# t\n")), ZONES
    ),
    Form("zones, tabs inside flow lists", lambda: zones(20_000, ("[s1]", "[\ts1\t]")), ZONES),
    Form("zones, tab after the dash", lambda: zones(20_000, ("  - id:", "  -\tid:")), "tab", walked=False),
    Form(
        "zones, tab in a plain note", lambda: zones(20_000, ("claim: x\n", "claim: charts\tplace\n")), ZONES
    ),
    Form(
        "zones, tab indenting a folded note's text",
        lambda: zones(20_000, ("claim: x\n", "claim: >\n      charts\n      \tplace\n")),
        ZONES,
    ),
    Form("zones, CR-only line ends", lambda: breaks(zones(), "\r"), ZONES),
    Form("zones, CRLF", lambda: breaks(zones(), "\r\n"), ZONES),
    Form("zones, NEL and CRLF mixed", lambda: breaks(zones(), "\x85", "\r\n"), ZONES),
    Form(
        "zones, BOM and comments everywhere",
        lambda: (
            "\ufeff# chart\n"
            + zones(
                20_000,
                ("  - id:", "  # zone\n  - id:"),
                ("name: Z", "name: Z # n"),
                ("    shapes:", "    # shapes\n    shapes: # s"),
            )
        ),
        ZONES,
    ),
    Form(
        "zones, comment lines at column 0 inside",
        lambda: zones(20_000, ("    region", "# r\n    region")),
        ZONES,
    ),
    Form("zones, quoted keys", lambda: zones(20_000, ("id:", '"id":'), ("name:", "'name':")), ZONES),
    Form(
        "zones, plain note over lines",
        lambda: zones(20_000, ("claim: x\n", "claim: charts\n      place\n\n      it\n")),
        ZONES,
    ),
    Form(
        "zones, literal note, indicator and keep",
        lambda: zones(20_000, ("claim: x\n", "claim: |2+\n        charts\n\n")),
        ZONES,
    ),
    Form(
        "zones, folded note, strip and indicator",
        lambda: zones(20_000, ("claim: x\n", "claim: >-4 # c\n          charts\n\n          more\n")),
        ZONES,
    ),
    Form(
        "zones, each anchored and merging",
        lambda: (
            "base: &b {region: spine}\n"
            + zones(20_000, ("    region: spine\n", "    <<: *b\n"), ("  - id:", "  - &z{k}\n    id:"))
        ),
        ZONES,
    ),
    Form(
        "zones, merging a list of aliases",
        lambda: (
            "a: &a {region: spine}\nb: &b {claim: x}\n"
            + zones(20_000, ("    region: spine\n", "    <<: [*a, *b]\n"))
        ),
        ZONES,
    ),
    Form(
        "zones, flow mappings one a line",
        lambda: (
            HEAD
            + "".join(
                f"  - {{id: z{k}, name: Z, region: spine, claim: x, sources: [s1], "
                f"shapes: {{plantar-left: [[0, 0], [1, 0], [1, 1]]}}}}\n"
                for k in range(20_000)
            )
        ),
        ZONES,
    ),
    Form(
        "zones, flow list over lines with comments",
        lambda: (
            HEAD.replace("zones:\n", "zones: [\n")
            + "".join(f"  {{id: z{k}, # z\n   name: Z}},\n" for k in range(20_000))
            + "]\n"
        ),
        ZONES,
    ),
    Form("zones, list at the key's column", lambda: zones(20_000).replace("\n  ", "\n"), ZONES),
    Form(
        "zones, document markers and %YAML",
        lambda: "%YAML 1.1\n--- # the chart\n" + zones(20_000, tail="...\n"),
        ZONES,
    ),
    Form(
        "zones, empty values", lambda: zones(20_000, ("technique: y\n", "technique:\n    note: ~\n")), ZONES
    ),
    # ---- too many points ----
    Form("points, flow on one line", lambda: polygon(), POINTS),
    Form("points, LS between them", lambda: polygon(sep=",\u2028        "), POINTS),
    Form("points, PS after each comma, CR-only", lambda: breaks(polygon(sep=",\u2029"), "\r"), POINTS),
    Form("points, tabs and spaces inside", lambda: polygon(item="[ {x} ,\t{y} ]"), POINTS),
    Form("points, quoted numbers", lambda: polygon(item="['{x}', \"{y}\"]"), POINTS),
    Form("points, tagged numbers", lambda: polygon(item="[!!float {x}, {y}]"), POINTS),
    Form("points, flow mappings", lambda: polygon(item="{{x: {x}, y: {y}}}"), POINTS),
    Form("points, numbers written oddly", lambda: polygon(item="[+{x}, {y}e0]"), POINTS),
    Form("points, block, compact", lambda: block_polygon(item="- - {x}\n        - {y}\n"), POINTS),
    Form("points, block, a comment each", lambda: block_polygon(item="- [{x}, {y}] # p\n"), POINTS),
    Form(
        "points, block, a comment line each", lambda: block_polygon(item="# p\n      - [{x}, {y}]\n"), POINTS
    ),
    Form(
        "points, block at the key's column",
        lambda: block_polygon(pad=6).replace("\n      - ", "\n      - ", 1),
        POINTS,
    ),
    Form("points, block, each anchored", lambda: block_polygon(item="- &p{i} [{x}, {y}]\n"), POINTS),
    Form("points, block, a point over lines", lambda: block_polygon(item="- [{x},\n         {y}]\n"), POINTS),
    Form("points, block, CRLF", lambda: breaks(block_polygon(), "\r\n"), POINTS),
    Form("points, block, LS line ends", lambda: breaks(block_polygon(), "\u2028"), POINTS),
    Form(
        "points, tag alone above the list",
        lambda: block_polygon(pad=8).replace("plantar-left:\n", "plantar-left:\n        !!seq\n"),
        POINTS,
    ),
    Form("points, in a second document too", lambda: polygon() + "---\na: 1\n", POINTS),
    # ---- too many values ----
    Form("values, lists of ten", lambda: "a:\n" + ("- [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n") * 100_001, VALUES),
    Form(
        "values, a flow list of mappings of ten pairs",
        lambda: (
            "a: [\n"
            + "".join(f"  {{{', '.join(f'k{j}: {k}' for j in range(10))}}},\n" for k in range(50_000))
            + "]\n"
        ),
        VALUES,
    ),
    Form(
        "items, flow mappings with a comment line before each",
        lambda: (
            "a: [\n" + "".join(f"  # m{k}, x: y\n  {{x: {k}, y: 1.5}},\n" for k in range(100_001)) + "]\n"
        ),
        ITEMS,
    ),
    Form(
        "items, lists of words with a comment line before each",
        lambda: "a:\n" + "".join(f"# {k}, a, b\n- [a, b{k}]\n" for k in range(100_001)),
        ITEMS,
    ),
    Form("items, empty lists one a line", lambda: "a:\n- [x]\n" + "- []\n" * 150_000, ITEMS),
    Form("items, empty mappings one a line", lambda: "a:\n" + "- {}\n" * 150_000, ITEMS),
    Form("items, '~' one a line", lambda: "a:\n" + "- ~\n" * 150_000, ITEMS),
    Form(
        "items, flow mappings one a line",
        lambda: "a:\n" + "".join(f"- {{k{k % 7}: 1}}\n" for k in range(350_000)),
        ITEMS,
    ),
    Form(
        "items, after many short lists",
        lambda: (
            "a:\n"
            + "".join(f"  b{k}:\n  - 1\n  - 2\n" for k in range(1000))
            + "c:\n"
            + "- x\n- y\n" * 400_000
        ),
        ITEMS,
    ),
    # ---- a long text ----
    Form(
        "text, folded with LS",
        lambda: long_text("claim: >\n" + ("      " + WORDS + "\u2028" + "      more\n\n") * N),
        LONG,
    ),
    Form(
        "text, folded with PS at line ends",
        lambda: long_text("claim: >-\n" + ("      " + WORDS + "\u2029") * N + "\n"),
        LONG,
    ),
    Form(
        "text, literal with LS",
        lambda: long_text("claim: |\n" + ("      " + WORDS + "\u2028") * N + "\n"),
        LONG,
    ),
    Form(
        "text, double-quoted with LS",
        lambda: long_text('claim: "' + (WORDS + "\u2028\n      ") * N + '"\n'),
        LONG,
    ),
    Form(
        "text, single-quoted with PS",
        lambda: long_text("claim: '" + (WORDS + "\u2029      ") * N + "'\n"),
        LONG,
    ),
    Form(
        "text, plain over lines",
        lambda: long_text("claim: " + ("      " + WORDS + "\n") * N),
        LONG,
        walked=False,
    ),
    Form(
        "text, plain over lines with LS",
        lambda: long_text("claim: " + ("      " + WORDS + "\u2028") * N + "\n"),
        LONG,
        walked=False,
    ),
    Form(
        "text, plain, tagged !!str", lambda: long_text("claim: !!str " + WORDS * N + "\n"), LONG, walked=False
    ),
    Form(
        "text, literal, keep, indicator",
        lambda: long_text("claim: |+2\n" + ("        " + WORDS + "\n") * N + "\n\n"),
        LONG,
    ),
    Form(
        "text, folded, tab in the text",
        lambda: long_text("claim: >\n" + ("      " + WORDS + "\t\n") * N),
        LONG,
    ),
    Form(
        "text, folded, a tab after each line's indentation",
        lambda: long_text("claim: >\n      charts\n" + ("      \t" + WORDS + "\n") * N),
        LONG,
    ),
    Form(
        "text, then a second document",
        lambda: long_text("claim: >\n" + ("      " + WORDS + "\n") * N) + "---\na: 1\n",
        "second document",
        walked=False,
    ),
    Form(
        "text, as an explicit key's value",
        lambda: long_text("? claim\n    : '" + WORDS * N + "'\n"),
        LONG,
        walked=False,
    ),
    Form(
        "text, in a flow mapping over lines",
        lambda: long_text("claim: {a: '" + (WORDS + "\n      ") * N + "'}\n"),
        LONG,
    ),
    Form(
        "text, CR-only, folded",
        lambda: breaks(long_text("claim: >\n" + ("      " + WORDS + "\n") * N), "\r"),
        LONG,
    ),
    # ---- nesting ----
    Form(
        "deep, flow at the end of many zones",
        lambda: zones(9_000) + "deep: " + "[" * 100 + "]" * 100 + "\n",
        DEEP,
    ),
    Form(
        "deep, block at the end of many zones",
        lambda: (
            zones(9_000) + "deep:\n" + "".join(" " * k + "- \n" for k in range(0, 200, 2)) + " " * 200 + "x\n"
        ),
        DEEP,
    ),
    Form(
        "deep, mappings at the end of many zones",
        lambda: zones(9_000) + "".join(" " * k + f"d{k}:\n" for k in range(100)) + " " * 100 + "x: 1\n",
        DEEP,
    ),
    # ---- added in session 14 (each measured: CPU of refusing it, see the docs' table) ----
    Form(
        "zones, a plain note over lines, a comment after a continuation line",
        lambda: zones(20_000, ("claim: x\n", "claim: charts place\n      it here # a comment\n")),
        ZONES,
    ),
    Form(
        "zones, a plain note over lines with a blank line, a comment after the last",
        lambda: zones(20_000, ("claim: x\n", "claim: charts place\n\n      it\n      here # c\n")),
        ZONES,
    ),
    Form(
        "zones, literal notes ('|') with blank lines",
        lambda: zones(20_000, ("claim: x\n", "claim: |\n      charts\n\n      - place\n      it: here\n")),
        ZONES,
    ),
    Form(
        "zones, a comment on every line",
        lambda: "".join(
            line + ("  # note\n" if line.strip() else "\n") for line in zones(20_000).split("\n")[:-1]
        ),
        ZONES,
    ),
    Form(
        "zones, one line of flow style each",
        lambda: (
            HEAD
            + "".join(
                f"  - {{id: z{k}, name: Z, region: spine, claim: x, technique: y, sources: [s1], "
                "confidence: sourced, shapes: {plantar-left: [[0, 0], [10, 0], [10, 10]]}}\n"
                for k in range(20_000)
            )
        ),
        ZONES,
    ),
    Form(
        "zones, CRLF, a BOM and tabs before comments",
        lambda: "\ufeff" + zones(20_000, ("region: spine\n", "region: spine\t# r\n")).replace("\n", "\r\n"),
        ZONES,
    ),
    # ---- added in session 18 (read an item or a line at a time before: 0.4-0.9 s of CPU) ----
    Form(
        "items, double-quoted texts one a line",
        lambda: "a:\n" + "".join(f'- "{WORDS}{k}"\n' for k in range(100_001)),
        ITEMS,
    ),
    Form(
        "items, single-quoted texts one a line, a comment after each, blank lines",
        lambda: "a:\n  b:\n" + "".join(f"  - '{WORDS}{k}' # c\n\n" for k in range(100_001)),
        ITEMS,
    ),
    Form(
        "text, prose of 150,000 lines (no YAML in it)",
        lambda: "".join(f"This is line {k} of some prose, not YAML at all really\n" for k in range(150_000)),
        LONG,
        walked=False,
    ),
    Form(
        "text, plain, below its key, over 150,000 lines with blank ones",
        lambda: long_text("claim:\n" + ("      " + WORDS + "\n\n") * 150_000),
        LONG,
        walked=False,
    ),
    # ---- added in session 15 (zones read one by one, or searched as written, before) ----
    Form(
        "zones, each with a value nested 40 levels deep",
        lambda: zones(20_000, ("claim: x\n", "claim: " + "[" * 40 + "]" * 40 + "\n")),
        ZONES,
    ),
    Form(
        "zones, each with its own words nested 30 levels deep",
        lambda: zones(
            20_000,
            ("claim: x\n", "claim: " + "[" * 30 + "{a: z{k}, b: [s{k}, 'q'], c: {d: x}}" + "]" * 30 + "\n"),
        ),
        ZONES,
    ),
    Form(
        "zones, 3,000 with ids of 3,000 characters, then 8,000 more",
        lambda: (
            zones(3_000, ("id: z{k}", "id: z{k}" + "x" * 3_000))
            + zones(8_000, head="").replace("id: z", "id: y")
        ),
        ZONES,
    ),
    Form(
        "zones, 3,000 with notes of 3,000 characters in words, then 8,000 more",
        lambda: (
            zones(3_000, ("claim: x\n", "claim: z{k} " + "charts place it " * 190 + "\n"))
            + zones(8_000, head="").replace("id: z", "id: y")
        ),
        ZONES,
    ),
]


# Huge files within the limits of reading (a comment has no limit, nor blank lines): each is
# read to its end, and what `check` says then is measured (the sweep below; no walk asserted)
HUGE: list[Form] = [
    Form("huge, one comment line of 20 MB", lambda: "# " + "c" * 20_000_000 + "\na: 1\n", ""),
    Form("huge, 3,000,000 blank lines", lambda: "\n" * 3_000_000 + "a: 1\n", ""),
    Form("huge, 1,000,000 comment lines", lambda: "# c\n" * 1_000_000 + "a: 1\n", ""),
    Form("huge, a chart then a comment of 20 MB", lambda: zones(10) + "# " + "c" * 20_000_000 + "\n", ""),
    Form("huge, 20,000,000 spaces after a value", lambda: "a: 1" + " " * 20_000_000 + "\n", ""),
    Form("huge, one plain value of 20 MB", lambda: "a: " + "x" * 20_000_000 + "\n", ""),
    Form("huge, one double-quoted value of 20 MB", lambda: 'a: "' + "x" * 20_000_000 + '"\n', ""),
    Form("huge, 200,000 keys", lambda: "".join(f"k{k}: 1\n" for k in range(200_000)), ""),
    Form("huge, a flow list of 2,000,000 numbers", lambda: "a: [" + "1, " * 2_000_000 + "1]\n", ""),
    Form("huge, keys nested 3,000 levels deep", lambda: "".join(f"{' ' * k}k:\n" for k in range(3000)), ""),
]

DOCS = Path(__file__).resolve().parents[1] / "docs" / "atlas-format.md"
MARKS = ("<!-- slowest forms: start (python -m benchmarks.hostile_forms --slowest 10 --docs) -->",
         "<!-- slowest forms: end -->")  # fmt: skip


def _measure(path: Path, runs: int, root: Path | None) -> tuple[float, float, float, str]:
    """(median CPU s, median wall s, largest peak MiB, first line said) of checking `path`."""
    from .hostile_limits import measure_in_child

    cpus, walls, peaks, said = [], [], [], "?"
    for _ in range(runs):
        _code, output, seconds, peak, cpu = measure_in_child(path, root=root)
        cpus.append(cpu)
        walls.append(seconds)
        peaks.append(peak)
        said = output.splitlines()[0].split(": ", 1)[-1] if output else "?"
    return sorted(cpus)[runs // 2], sorted(walls)[runs // 2], max(peaks), said


def slowest_table(rows: list[tuple[str, float, float, float, str]], count: int, note: str) -> str:
    """The `count` slowest of `rows` (name, CPU s, wall s, MiB, message), by CPU, as markdown."""
    lines = [
        note,
        "",
        "| form | CPU | wall | peak memory | `check` says (the limit named) |",
        "|---|---|---|---|---|",
    ]
    for name, cpu, wall, mib, said in sorted(rows, key=lambda row: -row[1])[:count]:
        said = said.replace("|", "\\|")
        lines.append(f"| {name} | {cpu:.2f} s | {wall:.2f} s | {mib:.0f} MiB | `{said[:110]}` |")
    return "\n".join(lines) + "\n"


def write_into_docs(table: str, docs: Path = DOCS) -> None:
    """Replaces what stands between MARKS in `docs` by `table`."""
    text = docs.read_text(encoding="utf-8")
    start, end = text.index(MARKS[0]) + len(MARKS[0]), text.index(MARKS[1])
    docs.write_text(text[:start] + "\n" + table + text[end:], encoding="utf-8")


def main() -> None:
    import datetime
    import os

    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, help="a checkout of an older ReflexMap, measured by turns")
    parser.add_argument("--only", default="", help="forms whose name holds this")
    parser.add_argument("--runs", type=int, default=1, help="runs of each file (the median is shown)")
    parser.add_argument("--slowest", type=int, default=0, help="then print the N slowest forms' table")
    parser.add_argument("--docs", action="store_true", help="and write it into docs/atlas-format.md")
    args = parser.parse_args()
    roots = [("new", None)] + ([("old", args.old)] if args.old else [])
    head = "| form | by | refused with |" + "".join(f" {r} CPU s | {r} MiB |" for r, _ in roots)
    print(head + "\n|" + "---|" * (head.count("|") - 1))
    rows = []
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as folder:
        for form in FORMS + HUGE:
            if args.only not in form.name:
                continue
            path = Path(folder) / "form.yaml"
            path.write_bytes(form.build().encode("utf-8"))
            cells, said = [], "?"
            for label, root in roots:
                cpu, wall, peak, first = _measure(path, args.runs, root)
                said = said if said != "?" else first[:70]
                cells.append(f" {cpu:.2f} | {peak:.0f} |")
                if label == "new":
                    rows.append((form.name, cpu, wall, peak, first))
            by = "walk" if form.walked and form.message else "parser"
            print(f"| {form.name} | {by} | `{said}` |" + "".join(cells), flush=True)
            loads.append(os.getloadavg()[0])
    if args.slowest:
        when = datetime.datetime.now(datetime.UTC).strftime("%d %b %Y %H:%M UTC")
        note = (
            f"The {args.slowest} slowest of {len(rows)} forms (`python -m benchmarks.hostile_forms"
            f" --runs {args.runs} --slowest {args.slowest}`, {when}; each file checked by `reflexmap"
            f" check` in a child capped at 1 GiB, start-up included; median of {args.runs} runs;"
            f" load average {min(loads):.1f}-{max(loads):.1f} on 2 cores):"
        )
        table = slowest_table(rows, args.slowest, note)
        print("\n" + table)
        if args.docs:
            write_into_docs(table)


if __name__ == "__main__":
    main()
