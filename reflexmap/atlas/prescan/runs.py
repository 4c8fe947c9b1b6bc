"""Runs of simple items (points, plain words, `key: value` lines) taken in one match each."""

from __future__ import annotations

import re
from functools import cache

from ..limits import MAX_KEYS
from .tokens import _COMMENT, _GAP, _POINT, _WORD, _WS, compact_point

_NUM = r"[-+]?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][-+]?[0-9]{1,4})?"
_PAIR = rf"{_WORD}[ \t]*+:[ \t\n]++-?{_WORD}"  # a key and its value, plain words (no ':' in them)
_PAIRS = rf"{_PAIR}(?:{_WS},{_WS}{_PAIR}){{0,{MAX_KEYS - 1}}}+"
_FLOW_ITEMS = {  # a run of simple items of a flow list, each followed by its comma:
    # pattern, values per item, the mark that starts an item (and values per ':' in it)
    "points": (_POINT + _WS + "," + _GAP, 3, "[", 0),
    "words": ("-?" + _WORD + _WS + "," + _GAP, 1, ",", 0),
    # mappings of plain words, `{x: 1.5, y: 2}`: each holds itself and two values a pair
    # (no more pairs than a mapping may hold keys; a duplicate key changes no count here)
    "mappings": (rf"\{{{_WS}{_PAIRS}{_WS}\}}{_WS},{_GAP}", 1, "{", 2),
}


def _marks(text: str, start: int, end: int, mark: str) -> int:
    """How often `mark` stands in a run of flow items, not counting the comments in it (the
    items of a run hold no '#')."""
    found = text.count(mark, start, end)
    if text.find("#", start, end) >= 0:
        found -= "".join(_COMMENT.findall(text, start, end)).count(mark)  # (one count, not one a comment)
    return found


_SKIP = r"(?:[ \t]*+(?:#[^\n]*+)?+\n)*+"  # blank and comment lines


def _items(text: str, start: int, end: int, indent: int) -> int:
    """The items of a block list at `indent` in a run from the line at `start` to `end`: its
    '-' lines (blank and comment lines between them, and a compact point's second line,
    start otherwise)."""
    marker = "\n" + " " * indent + "-"
    if start == 0:
        return 1 + text.count(marker, 0, end)
    return text.count(marker, start - 1, end)


@cache
def _key_lines(indent: int) -> re.Pattern[str]:
    return re.compile(rf"(?m)^(?: {{{indent}}}([A-Za-z_][A-Za-z0-9_\-]*):)?+[^\n]*+\n?")


def run_keys(text: str, start: int, end: int, indent: int) -> list[str]:
    """The keys of a run of `key: value` lines at `indent` (see _block_items) between `start`
    and `end`: a line at a time (a key searched at every character of the lines was 0.15 s
    for a value followed by 20,000,000 spaces, and was done four times)."""
    return [key for key in _key_lines(indent).findall(text, start, end) if key]


@cache
def _open_key_line(indent: int) -> re.Pattern[str]:
    """A `key:` line at `indent` with nothing after the colon (its value is below)."""
    return re.compile(rf" {{{indent}}}([A-Za-z_][A-Za-z0-9_\-]{{0,60}}):[ ]*+(?:#[^\n]*+)?+\n")


@cache
def _block_items(indent: int, what: str, text_limit: int = 0) -> tuple[str, int]:
    """A run of simple one-line items of a block list or mapping at `indent`; `text_limit`:
    the longest a quoted item may be (a longer one is read on its own, and its length told)."""
    pad = _SKIP + " " * indent  # blank and comment lines may stand before each item
    end = r"[ \t]*+(?:#(?<=[ \t]#)[^\n]*+)?+\n"  # a comment may follow (after a space: 'o#' is text)
    if what == "points":  # (an anchor may name a point: see anchored_points)
        item, nodes = rf"{pad}-[ \t]++(?:&[0-9A-Za-z_-]++[ \t]++)?{_POINT}{end}", 3
    elif what == "compact points":
        item, nodes = pad + compact_point(pad, _NUM, end, r"-[ \t]++"), 3
    elif what == "words":
        item, nodes = rf"{pad}-[ \t]++-?{_WORD}{end}", 1
    elif what == "quoted":  # one line of quoted text, no escape in it (exactly as long as written)
        text = rf"""(?:"[^"\\\n]{{0,{text_limit}}}+"|'[^'\n]{{0,{text_limit}}}+')"""
        item, nodes = rf"{pad}-[ \t]++{text}{end}", 1
    elif what == "empty":  # an empty list or mapping, or '~': one value each
        item, nodes = rf"{pad}-[ \t]++(?:\[[ \t]*+\]|\{{[ \t]*+\}}|~){end}", 1
    else:  # key: value lines (a quoted value as long as a text may be: a technique, a note
        # is longer than a line of 90 and broke the run, 2-3 times a zone of a realistic chart)
        quoted = rf"""(?:"[^"\\\n]{{0,{max(text_limit, 90)}}}+"|'[^'\n]{{0,{max(text_limit, 90)}}}+')"""
        value = rf"""(?:[A-Za-z0-9_(][^\n#:"'\[\]{{}},]{{0,90}}+|{quoted})"""
        item, nodes = rf"{pad}[A-Za-z_][A-Za-z0-9_\-]{{0,60}}:[ \t]++{value}{end}", 2
    return item, nodes


def _nth(text: str, marker: str, start: int, n: int) -> int:
    """Where the `n`th `marker` from `start` on is (-1: fewer)."""
    at = start - 1
    for _ in range(n):
        at = text.find(marker, at + 1)
        if at < 0:
            return -1
    return at


_CHUNK = 1000


@cache
def _chunk(item: str, exact: int = 0) -> re.Pattern[str]:
    return re.compile(f"(?:{item}){{{exact}}}" if exact else f"(?:{item}){{1,{_CHUNK}}}+")


def _run(item: str, text: str, p: int, exactly: int = 0) -> int:
    """Where a run of `item`s from `p` ends (or the end of exactly `exactly` of them), matched
    a thousand at a time: one match over 100,000 items would keep a large regex stack."""
    if exactly:
        for _ in range(exactly // _CHUNK):
            p = _chunk(item, _CHUNK).match(text, p).end()
        return _chunk(item, exactly % _CHUNK).match(text, p).end() if exactly % _CHUNK else p
    while m := _chunk(item).match(text, p):
        p = m.end()
    return p


@cache
def _point_anchors(indent: int) -> re.Pattern[str]:
    return re.compile(rf"(?m)^ {{{indent}}}-[ \t]++&([0-9A-Za-z_-]++)")


def anchored_points(text: str, start: int, end: int, indent: int) -> list[str]:
    """The anchors on the points of a run of points (block list items at `indent`) between
    `start` and `end`, in order: each names a list of two values."""
    if text.find("&", start, end) < 0:
        return []
    return _point_anchors(indent).findall(text, start, end)


@cache
def _list_items(indent: int, words: int, up_to: int, mappings: bool = False) -> re.Pattern[str]:
    """1 to `up_to` items of a block list at `indent` that are flow lists of 1 to `words`
    plain words on their own line (no comment after them; comment lines before them, whose
    commas are not counted: see _marks); `mappings`:
    flow mappings of 1 to `words` pairs of plain words."""
    word = rf"-?{_WORD}[ \t]*+:[ \t]++-?{_WORD}" if mappings else rf"-?{_WORD}"
    more = rf"(?:[ \t]*+,[ \t]*+{word}){{0,{words - 1}}}+"
    opening, closing = (r"\{", r"\}") if mappings else (r"\[", r"\]")
    item = rf"{_SKIP} {{{indent}}}-[ \t]++{opening}[ \t]*+{word}{more}[ \t]*+{closing}[ \t]*+\n"
    return re.compile(rf"(?:{item}){{1,{up_to}}}+")
