"""The lines an edit did not change, kept as the author wrote them.

ruamel.yaml writes every block list of a chart with one indentation (`- x` under its key,
or two spaces in, or `-   x`). A chart whose own lists are written in several ways (the
zones' dashes indented, the sources' not; one zone's points `- [x, y]` under its key,
another's `- - x` two spaces in) came back from a whole-chart edit (a title, a source
renamed) with every list in one style. Here the dumped text is laid over the text before
the edit line by line: a line that differs from one before it only in its indentation and
the spaces after its dashes is the old line; the lines the edit wrote (a changed value, a
zone or source added) are moved to the columns their neighbours use in the old text (the
nearest lines kept: a key's column, a dash's column and the spaces after it), their
continuation lines (a wrapped flow list, a block text) moved with them. The result is
taken only when it reads as the same data as the dumped text. No Qt.
"""

from __future__ import annotations

import difflib
import re

from .visible_escapes import same_scalars

_DASHES = re.compile(r"( *)((?:-[ ]+)*)")
_BLOCK_TEXT = re.compile(r"(?::|^-|\s-)[ ]+[|>][-+0-9]*[ ]*(?:#.*)?$")


def _parts(line: str) -> tuple[list[int], int]:
    """(the columns of the line's leading dashes, the column of what follows them)."""
    found = _DASHES.match(line)
    dashes, at = [], len(found.group(1))
    for dash in re.finditer(r"-[ ]+", found.group(2)):
        dashes.append(at + dash.start())
    return dashes, found.end()


def _normal(line: str) -> str:
    line = same_scalars(line)  # "\u202e" and "\u202E" (and a raw U+202E) alike
    body = line.lstrip(" ")
    if not body.startswith("-"):
        return body.rstrip(" \t")
    dashes, content = _parts(line)
    return "- " * len(dashes) + line[content:].rstrip(" \t")


def _opens(line: str) -> int:
    """Flow brackets the line leaves open (outside quotes and a comment; rough)."""
    body = re.sub(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"", "", line)
    body = re.split(r"(?:^|\s)#", body, maxsplit=1)[0]
    return body.count("[") + body.count("{") - body.count("]") - body.count("}")


def keep_written_lines(old: str, new: str) -> str:
    """`new` (a dump of the chart after an edit) with every line it shares with `old` (the
    text before it) written as in `old`, and its own lines indented as their neighbours
    there; `new` itself where the two could be read otherwise."""
    if old == new:
        return new
    old_lines, new_lines = old.split("\n"), new.split("\n")
    opcodes = _opcodes(old_lines, new_lines)
    if not any(tag == "equal" and old_lines[i1:i2] != new_lines[j1:j2] for tag, i1, i2, j1, j2 in opcodes):
        return new  # no line kept differs from the dump: nothing to give back
    pairs: list[tuple[int, int]] = []  # (old line, new line) kept
    for tag, i1, i2, j1, _j2 in opcodes:
        if tag == "equal":
            pairs.extend((i1 + k, j1 + k) for k in range(i2 - i1))
    out = list(new_lines)
    for old_index, new_index in pairs:
        out[new_index] = old_lines[old_index]
    kept = [new_index for _old, new_index in pairs]
    for tag, i1, i2, j1, j2 in opcodes:
        if tag in ("replace", "insert"):
            # a line replaced by one alike (a value changed): its own columns first
            own = list(zip(range(i1, i2), range(j1, j2), strict=True)) if i2 - i1 == j2 - j1 else []
            columns = _columns_near(own, pairs, kept, old_lines, new_lines, j1, j2)
            out[j1:j2] = _moved(new_lines[j1:j2], columns)
    merged = "\n".join(out)
    return merged if _same_data(merged, new) else new


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes from the lines `a` to `b` compared as `_normal` writes them,
    found in linear time where the two differ only in lines replaced one for one (a title,
    a source's id in every zone that names it); the lines between the first and the last
    difference otherwise compared by difflib (a chart of 10,000 zones, half a million
    lines: compared whole, over two minutes)."""

    def alike(x: str, y: str) -> bool:  # (lines equal as written need no normalizing)
        return x == y or _normal(x) == _normal(y)

    n = min(len(a), len(b))
    head = 0
    while head < n and alike(a[head], b[head]):
        head += 1
    tail = 0
    while tail < n - head and alike(a[len(a) - 1 - tail], b[len(b) - 1 - tail]):
        tail += 1
    codes = [("equal", 0, head, 0, head)] if head else []
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(middle_a) == len(middle_b):
        k = 0
        while k < len(middle_a):
            same = alike(middle_a[k], middle_b[k])
            end = k
            while end < len(middle_a) and alike(middle_a[end], middle_b[end]) == same:
                end += 1
            codes.append(("equal" if same else "replace", head + k, head + end, head + k, head + end))
            k = end
    else:
        big = len(middle_a) + len(middle_b) > 20_000  # (popular lines junk: linear enough)
        matcher = difflib.SequenceMatcher(
            None, [_normal(x) for x in middle_a], [_normal(x) for x in middle_b], autojunk=big
        )
        codes.extend(
            (t, head + i1, head + i2, head + j1, head + j2) for t, i1, i2, j1, j2 in matcher.get_opcodes()
        )
    if tail:
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return codes


def _columns_near(
    own: list[tuple[int, int]],
    pairs: list[tuple[int, int]],
    kept: list[int],
    old_lines: list[str],
    new_lines: list[str],
    j1: int,
    j2: int,
) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """From `own` (lines replaced one for one), then the kept lines (`pairs`, their new
    lines `kept`) nearest the new lines j1..j2 (before them first, then after): the old
    column of each dumped column of a key or value, and of each dash (with the spaces
    written after it)."""
    import bisect

    keys: dict[int, int] = {}
    dashes: dict[int, tuple[int, int]] = {}
    at = bisect.bisect_left(kept, j1)
    nearest = own + list(reversed(pairs[max(0, at - 400) : at])) + pairs[at : at + 400]
    for n, (old_index, new_index) in enumerate(nearest):
        if n < len(own) or new_index >= j2 or new_index < j1:
            old_dashes, old_content = _parts(old_lines[old_index])
            new_dashes, new_content = _parts(new_lines[new_index])
            if len(old_dashes) != len(new_dashes) or not new_lines[new_index].strip():
                continue
            keys.setdefault(new_content, old_content)
            ends = [*old_dashes[1:], old_content] if old_dashes else []
            for new_dash, old_dash, end in zip(new_dashes, old_dashes, ends, strict=True):
                dashes.setdefault(new_dash, (old_dash, end - old_dash))
    return keys, dashes


def _moved(lines: list[str], columns: tuple[dict[int, int], dict[int, tuple[int, int]]]) -> list[str]:
    """The dumped `lines` at the old text's columns (see `_columns_near`)."""
    keys, dashes = columns
    shifts = sorted(keys.items())

    def key_column(column: int) -> int:
        if column in keys:
            return keys[column]
        below = [(c, o) for c, o in shifts if c <= column]
        c, o = below[-1] if below else (0, 0)
        return max(0, column + o - c)

    out: list[str] = []
    follow = None  # (lead, shift, a block text?) of the line whose continuation lines follow
    brackets = 0  # flow brackets left open
    for line in lines:
        lead = len(line) - len(line.lstrip(" "))
        if follow is not None and (brackets > 0 or (follow[2] and (not line.strip() or lead > follow[0]))):
            out.append(" " * max(0, lead + follow[1]) + line[lead:] if line.strip() else line)
            if brackets > 0:
                brackets += _opens(line)
                if brackets <= 0:
                    follow = None
            continue
        follow, brackets = None, 0
        if not line.strip():
            out.append(line)
            continue
        new_dashes, content = _parts(line)
        written = "" if new_dashes else " " * key_column(content)
        for n, dash in enumerate(new_dashes):
            end = new_dashes[n + 1] if n + 1 < len(new_dashes) else content
            start, gap = dashes.get(dash, (key_column(dash), end - dash))
            written += " " * max(0, start - len(written)) + "-" + " " * max(1, gap - 1)
        out.append(written + line[content:])
        opened, block = _opens(line), _BLOCK_TEXT.search(line) is not None
        if opened > 0 or block:
            follow, brackets = (lead, len(written) - content, block), max(opened, 0)
    return out


def _same_data(a: str, b: str) -> bool:
    """Whether the two texts read as the same YAML: their parsers' events compared in step
    (kinds, values, tags and styles; a third of the time of loading both)."""
    import yaml

    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    first, second = loader(a), loader(b)
    try:
        while True:
            x, y = first.get_event(), second.get_event()
            if x is None or y is None:
                return x is None and y is None
            if type(x) is not type(y) or any(
                getattr(x, name, None) != getattr(y, name, None)
                for name in ("value", "tag", "style", "implicit", "anchor")
            ):
                return False
            if isinstance(x, yaml.StreamEndEvent):
                return True
    except yaml.YAMLError:
        return False
    finally:
        first.dispose()
        second.dispose()
