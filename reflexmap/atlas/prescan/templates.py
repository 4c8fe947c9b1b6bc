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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import limits
from .runs import _SKIP, _items
from .tokens import compact_point

if TYPE_CHECKING:
    from .counting import _Coll

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
        # plain words with one space between them, `Zone 4 of plantar-left` (a value in a flow
        # collection; no space at its end, which the parser would not count)
        "words": rf"-?[A-Za-z0-9_.](?:[A-Za-z0-9_.+\-]|[ ](?=[A-Za-z0-9_.+\-])){{0,{most - 2}}}+",
        "num": num,
        "point": rf"\[[ ]*+{coord}[ ]*+,[ ]*+{coord}[ ]*+\]",
        "most": str(most),
    }


_KEY_LINE = re.compile(r"([ ]*+(?:-[ ]++)*+)([A-Za-z_][A-Za-z0-9_\-]{0,60}+)([ ]*+:)(?:([ ]++)([^\n]*+))?+")
_BLANK = re.compile(r"[ \t]*+(?:#[^\n]*+)?+")
_FLOW_ITEM = re.compile(r"([ ]*+-[ ]++)[\[{][^\n]*+")  # an item that is a flow collection
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


# a part of a flow collection on one line: an opening or closing bracket, a comma, spaces, a
# ':' after a key, a plain word or quoted text without escapes (a value, or a key)
_FLOW_PART = re.compile(
    r"""([\[{])|([\]}])|(,)|([ ]++)|(:(?=[ ,\]}]))"""
    r"""|(-?[A-Za-z0-9_.][A-Za-z0-9_.+\-]*+(?:[ ][A-Za-z0-9_.+\-]++)*+|"[^"\\\n]*+"|'[^'\n]*+')"""
)


def _group(value: str, at: int, coll: _Coll, tokens: dict[str, str]) -> tuple[str, int, str, int] | None:
    """The flow list of simple items (points, plain words) the walk opened as `coll` at `at`
    in `value`, made a group: (its pattern, values an item, the mark told, where it ends)."""
    most = min(coll.limit, _MOST)
    for token, per, mark in _FLOW:
        pattern = _flow_list(tokens[token], most)
        if (v := _compile(pattern).match(value, at)) is not None:
            return pattern, per, mark, v.end()
    return None


def _flow_shape(
    value: str, tokens: dict[str, str], lists: Callable[[int], _Coll | None] | None = None
) -> tuple[str, str | None, list[tuple[int, int, str, int]], int] | None:
    """A flow collection that `value` starts with, on its line, made a pattern of its shape:
    its brackets, commas, spaces and keys as written, each value (a plain word, quoted text
    without escapes) as any such value no longer than a limit allows; and the rest of the
    line after it (None: text right after it). An item that matches holds the same lists and
    mappings, nested as deep, with the same items and keys (none twice, none over a limit),
    and the same number of values. None where it holds anything else (aliases, anchors, tags,
    escapes, empty values, a single-pair mapping in a list, a value over lines): that item is
    read line by line. (Items with a value nested deeper than counting ahead reads were all
    read so: 20,000 zones, each with a value nested 40 levels deep, took 4.8 s of CPU to refuse.)
    `lists`: the list the walk opened at an offset of `value` (or None); a list of simple items
    (points, plain words) it opened is made a group of one to as many items as it may hold, as
    in a `key: [...]` line (a zone's shapes in a flow mapping hold a different number of
    points each). Also returned: the groups (see Template) and the values their items held."""
    most = tokens["most"]
    groups: list[tuple[int, int, str, int]] = []
    grouped = 0  # values held by the items of the groups, in `value`
    any_value = rf"""(?:{tokens["words"]}|"[^"\\\n]{{0,{most}}}+"|'[^'\n]{{0,{most}}}+')"""
    stack: list[list] = []  # per open collection: [a mapping?, what comes next]
    parts: list[str] = []
    p = 0
    while (m := _FLOW_PART.match(value, p)) is not None:
        opening, closing, comma, spaces, colon, word = m.groups()
        p = m.end()
        top = stack[-1] if stack else None
        if spaces:
            parts.append(spaces)
            continue
        if top is None and not opening:
            return None
        if opening:
            if top is not None:
                if top[1] not in ("value", "item", "first"):
                    return None
                top[1] = "comma"
                coll = lists(m.start()) if lists is not None and opening == "[" else None
                group = _group(value, m.start(), coll, tokens) if coll is not None else None
                if group is not None:  # a list of simple items, of any number of them
                    pattern, per, mark, v_end = group
                    parts.append(f"({pattern})")
                    groups.append((per, 0, mark, 0))
                    grouped += per * (value.count(mark, m.start(), v_end) + (1 if mark == "," else 0))
                    p = v_end
                    continue
            stack.append([opening == "{", "first"])
            parts.append(re.escape(opening))
        elif closing:
            if closing != ("}" if top[0] else "]") or top[1] not in ("comma", "first"):
                return None
            stack.pop()
            parts.append(re.escape(closing))
            if not stack:
                rest = value[p:]
                rest = rest.lstrip(" ") if not rest or rest[0] == " " else None
                return "".join(parts), rest, groups, grouped
        elif comma:
            if top[1] != "comma":
                return None
            top[1] = "item"
            parts.append(",")
        elif colon:
            if top[1] != "colon":
                return None  # a ':' after no key (a single-pair mapping in a list)
            top[1] = "value"
            parts.append(":")
        elif top[0] and top[1] in ("first", "item"):  # a key: as written (the same keys)
            top[1] = "colon"
            parts.append(re.escape(word))
        elif top[1] in ("value", "first", "item") and len(word) <= int(most):
            if re.fullmatch(any_value, word) is None:
                return None
            top[1] = "comma"
            parts.append(any_value)
        else:
            return None
    return None


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
        if m is None and len(lines) == 1 and (flow := _FLOW_ITEM.fullmatch(body)) is not None:
            # the item is a flow collection on its '-' line (a zone written in flow style)
            at = line + flow.end(1)
            shape = _flow_shape(text[at:eol], tokens, lambda offset, at=at: opened.get(at + offset))
            if shape is None or (shape[1] and not shape[1].startswith("#")):
                return None
            parts.append(rf"{_SKIP}{re.escape(flow.group(1))}{shape[0]}{_END}")
            groups += shape[2]
            fixed -= shape[3]
            break
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
        if rest is None and value.startswith(("[", "{")):  # a flow collection of another shape
            flow = _flow_shape(value, tokens, lambda offset, at=at: opened.get(at + offset))
            if flow is not None:
                shape, rest, flow_groups, grouped = flow
                parts.append(rf"{_SKIP}{head}[ ]++{shape}{_END}")
                groups += flow_groups
                fixed -= grouped
        if rest is None or (rest and not rest.startswith("#")):  # a comment may follow
            return None
        if k + 1 < len(lines):  # no line deeper than its mapping may follow a value
            nxt = text[lines[k + 1][0] : lines[k + 1][1]]
            if len(nxt) - len(nxt.lstrip(" ")) > mapping:
                return None
        k += 1
    follows = rf"(?={_SKIP}(?: {{0,{indent}}}[^ \n]|\Z))"  # then a line no deeper than its '-'
    return Template(_compile("".join(parts) + follows), fixed, tuple(groups))
