"""Items of a block list written alike (a chart's zones), taken one match each.

Why: a zone is a mapping of a dozen lines (keys with short values, a list of sources, a
polygon), and reading it line by line costs the walk some 80 µs; 10,000 zones, most of a
large chart's first open, or the zones before a file's real trouble at its end. Most zones of
a chart are written alike: the same keys in the same order, at the same indentation, only
their values and the number of their points differ. So once the walk has read one item of a
block list line by line, that item's text is made into a pattern (`build`): its keys and
indicators as written, each short value as any short value, and each list of simple items
(points, plain words, on their lines or in one flow list) as one to as many such items as
that list may hold. A next item that matches holds the same structure: the same keys (no
duplicate, no mapping over its limit), the same nesting, lists of the same kinds (so within
their limits), values too short for any limit; only its number of values differs, told by
counting its lists' items. `_Block._template_run` takes such items while they stay within
the list's limit and the document's; the item that would go over is read line by line, and
refused where the parser refuses it.

What is made a pattern (anything else in the item, and no pattern is made):
- `key: value` lines (after any '- ' indicators), with a short plain or quoted value on the
  line, a flow list of plain words, or a flow list of points; `key:` lines whose value is below;
- runs of '- ' lines that are a whole block list: points (`- [x, y]` or `- - x` / `  - y`) or
  plain words;
- blank and comment lines anywhere.
A plain value is followed by no line deeper than its mapping (the parser would read that
line as more of it); the item is followed by a line no deeper than the list's own '-'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import limits
from .runs import _SKIP, _items
from .tokens import compact_point

_LONGEST = 64 * 1024  # an item longer than this is read line by line (made a pattern: no gain)
_MOST = 1000  # a list of more items than this is read otherwise (no regex repeats further)
_END = r"[ \t]*+(?:(?<=[ \t])#[^\n]*+)?+\n"  # the end of a line: spaces, a comment


@cache
def _tokens(most: int) -> dict[str, str]:
    """A short value, a plain word and a point, none of whose values is longer than `most`
    characters (no limit on a value's length applies to them)."""
    if most < 3:
        return {}
    num = rf"[-+]?[.0-9][-+.0-9eE]{{0,{most - 2}}}+"
    coord = rf"""(?:!!(?:float|int|str)[ ]++)?+(?:{num}|'{num}'|"{num}")"""
    return {
        "value": (
            rf"""(?:-?[A-Za-z0-9_.(][^\n#:"'\[\]{{}},]{{0,{most - 2}}}+"""
            rf"""|"[^"\\\n]{{0,{most}}}+"|'[^'\n]{{0,{most}}}+')"""
        ),
        "word": rf"-?[A-Za-z0-9_.][A-Za-z0-9_.+\-]{{0,{most - 2}}}+",
        "num": num,
        "point": rf"\[[ ]*+{coord}[ ]*+,[ ]*+{coord}[ ]*+\]",
    }


_KEY_LINE = re.compile(r"([ ]*+(?:-[ ]++)*+)([A-Za-z_][A-Za-z0-9_\-]{0,60}+)([ ]*+:)(?:([ ]++)([^\n]*+))?+")
_BLANK = re.compile(r"[ \t]*+(?:#[^\n]*+)?+")
_FLOW = (("word", 1, ","), ("point", 3, "["))  # a flow list of: its item, values each, the mark told


def _flow_list(item: str, most: int) -> str:
    return rf"\[[ ]*+{item}(?:[ ]*+,[ ]*+{item}){{0,{most - 1}}}+[ ]*+\]"


def _block_group(indent: int, what: str, most: int, tokens: dict[str, str]) -> str:
    pad = _SKIP + " " * indent
    if what == "points":
        item = rf"{pad}-[ ]++{tokens['point']}{_END}"
    elif what == "compact points":
        num = tokens["num"]
        item = pad + compact_point(pad, num, _END)
    else:
        item = rf"{pad}-[ ]++{tokens['word']}{_END}"
    return rf"(?:{item}){{1,{most}}}+"


@dataclass(frozen=True)
class Template:
    pattern: re.Pattern[str]
    fixed: int  # values of an item besides its lists' items
    groups: tuple[tuple[int, int, str, int], ...]  # per group: values per item, indent, mark, block

    def values(self, m: re.Match[str], text: str) -> int:
        """The values of the item matched by `m`."""
        total = self.fixed
        for k, (per, indent, mark, block) in enumerate(self.groups, 1):
            start, end = m.span(k)
            if block:
                total += per * _items(text, start, end, indent)
            else:
                total += per * (text.count(mark, start, end) + (1 if mark == "," else 0))
        return total


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def build(text: str, start: int, end: int, indent: int, values: int, opened: dict) -> Template | None:
    """The pattern of the item of a block list at `indent` written from `start` to `end`
    (whole lines), which holds `values` values; `opened`: the lists the walk opened, by where
    they start (their limits). None where the item holds anything else."""
    if end - start > _LONGEST or _items(text, start, end, indent) != 1:
        return None  # more than one item (runs took the others), or too long to be worth it
    lines = []  # (start, end) of each line that holds something
    p = start
    while p < end:
        eol = text.find("\n", p, end)
        if eol < 0:
            return None
        if not _BLANK.fullmatch(text, p, eol):
            lines.append((p, eol))
        p = eol + 1
    if not lines:
        return None
    tokens = _tokens(min(limits.MAX_NUMBER_CHARS, limits.max_text_chars()))
    if not tokens:
        return None
    parts: list[str] = []
    groups: list[tuple[int, int, str, int]] = []
    fixed = values
    k = 0
    while k < len(lines):
        line, eol = lines[k]
        body = text[line:eol]
        col = len(body) - len(body.lstrip(" "))
        coll = opened.get(line + col)
        if coll is not None and body.startswith("- ", col) and k > 0:
            # a whole block list of simple items on their lines
            most = min(coll.limit, _MOST)
            for what, per in (("points", 3), ("compact points", 3), ("words", 1)):
                group = _block_group(col, what, most, tokens)
                m = _compile(group).match(text, line)
                if m is None:
                    continue
                after = m.end()
                while k < len(lines) and lines[k][0] < after:
                    k += 1
                if k < len(lines):
                    nxt = text[lines[k][0] : lines[k][1]]
                    depth = len(nxt) - len(nxt.lstrip(" "))
                    if depth > col or (depth == col and nxt.startswith("-", depth)):
                        return None  # the list goes on in another form
                parts.append(f"({group})")
                groups.append((per, col, "", 1))
                fixed -= per * _items(text, line, after, col)
                break
            else:
                return None
            continue
        m = _KEY_LINE.fullmatch(body)
        if m is None:
            return None
        lead, key, colon, gap, value = m.groups()
        mapping = len(lead)  # the column of the mapping the key is in
        head = re.escape(lead) + re.escape(key) + r"[ ]*+:"
        if value is None or value.startswith("#"):
            parts.append(_SKIP + head + _END)  # its value is below (or empty)
            k += 1
            continue
        at = line + len(lead) + len(key) + len(colon) + len(gap)
        rest = None
        if (v := _compile(tokens["value"] + "[ ]*+").match(value)) is not None:
            parts.append(rf"{_SKIP}{head}[ ]++{tokens['value']}{_END}")
            rest = value[v.end() :] if v.end() == len(value) or value[v.end() - 1] == " " else None
        elif value.startswith("[") and (coll := opened.get(at)) is not None:
            most = min(coll.limit, _MOST)
            for token, per, mark in _FLOW:
                item = tokens[token]
                v = _compile(_flow_list(item, most)).match(value)
                if v is not None:
                    parts.append(rf"{_SKIP}{head}[ ]++({_flow_list(item, most)}){_END}")
                    groups.append((per, 0, mark, 0))
                    told = value.count(mark, 0, v.end()) + (1 if mark == "," else 0)
                    fixed -= per * told
                    rest = value[v.end() :]
                    rest = rest.lstrip(" ") if not rest or rest[0] == " " else None
                    break
        if rest is None or (rest and not rest.startswith("#")):  # a comment may follow
            return None
        if k + 1 < len(lines):  # no line deeper than its mapping may follow a value
            nxt = text[lines[k + 1][0] : lines[k + 1][1]]
            if len(nxt) - len(nxt.lstrip(" ")) > mapping:
                return None
        k += 1
    follows = rf"(?={_SKIP}(?: {{0,{indent}}}[^ \n]|\Z))"  # then a line no deeper than its '-'
    return Template(_compile("".join(parts) + follows), fixed, tuple(groups))
