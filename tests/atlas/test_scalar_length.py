"""The length of a long value told from the text (atlas/scalar_length.py) is the parser's:
block values ('|', '>', chomping and indentation indicators, blank and more-indented lines,
tabs after the indentation) and quoted values over several lines (escapes, a '\\' at a
line's end, '' in single quotes, blank lines), with line and paragraph separators (U+2028,
U+2029) for some of their breaks, generated at random and compared with
PyYAML's C loader. Where the parser refuses the value, the length may be anything; where
the function says None, the parser decides."""

from __future__ import annotations

import random
import re

import pytest
import yaml

from reflexmap.atlas.scalar_length import block_header, block_length, quoted_length

LOADER = yaml.CSafeLoader


def _parsed_length(document: str, nested: bool) -> int | None:
    try:
        data = yaml.load(document, Loader=LOADER)
    except yaml.YAMLError:
        return None
    return len((data["k"] if nested else data)["v"])


def _block_case(rng: random.Random) -> tuple[str, int | None, int | None]:
    style, chomp = rng.choice("|>"), rng.choice(["", "-", "+"])
    explicit = rng.choice([0, 0, 1, 2, 3])
    indicator = str(explicit) if explicit else ""
    header = style + (chomp + indicator if rng.random() < 0.5 else indicator + chomp)
    parent = rng.choice([0, 2])
    base = parent + rng.choice([1, 2, 3])
    lines = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.25:
            lines.append(" " * rng.randint(0, base + 2))  # blank, or spaces only
        else:
            lines.append(" " * (base + rng.choice([0, 0, 0, 1, 2])) + rng.choice(["x", "y z", "\tq", "w  "]))
    body = "\n".join(lines) + "\n" + "\n" * rng.randint(0, 2)
    if rng.random() < 0.3:  # line and paragraph separators for some breaks (folding keeps them)
        body = "".join(rng.choice("\u2028\u2029") if c == "\n" and rng.random() < 0.5 else c for c in body)
    pad = " " * parent
    document = (f"k:\n{pad}v: {header}\n" if parent else f"v: {header}\n") + body + f"{pad}e: 1\n"
    # as the walk reads it: tabs as spaces, every break as '\n' (the separators kept aside)
    text = document.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    found = block_header(text, text.index(header + "\n"))
    assert found is not None
    folded, chomping, indent, start = found
    end = re.compile(rf"\n(?= {{0,{parent}}}+[^ \n])").search(text, start - 1).start() + 1
    told = block_length(
        text, start, end, parent, folded=folded, chomp=chomping, explicit=indent, kept=document
    )
    return document, told, _parsed_length(document, bool(parent))


def _quoted_case(rng: random.Random) -> tuple[str, int | None, int | None]:
    double = rng.random() < 0.5
    parts = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if r < 0.3:
            parts.append(rng.choice(["\n", "\n", "\u2028", "\u2029"]) + " " * rng.randint(0, 3))
        elif r < 0.4 and double:
            parts.append(
                rng.choice(
                    [
                        "\\\n",
                        "\\\u2028",
                        "\\n",
                        "\\x41",
                        "\\u00e9",
                        "\\\\",
                        '\\"',
                        "\\ ",
                        "\\\t",
                        "\\q",
                        "\\U0001F600",
                    ]
                )
            )
        elif r < 0.45 and not double:
            parts.append("''")
        else:
            parts.append(rng.choice(["a", "b c", "  ", " ", "\t", "x "]))
    inner = "".join(parts)
    quote = '"' if double else "'"
    document = f"v: {quote}{inner}{quote}\n"
    read = inner.replace("\t", " ").replace("\u2028", "\n").replace("\u2029", "\n")  # as the walk reads it
    told = quoted_length(read, double, kept=document, start=4, end=len(document) - 2)
    return document, told, _parsed_length(document, False)


@pytest.mark.parametrize("make", [_block_case, _quoted_case])
def test_lengths_told_from_the_text_are_the_parsers(make):
    rng = random.Random(19)
    told_some = 0
    for _ in range(1500):
        document, told, parsed = make(rng)
        if told is not None and parsed is not None:
            assert told == parsed, repr(document)
            told_some += 1
    assert told_some > 700  # most values the parser reads are told, not left to it
