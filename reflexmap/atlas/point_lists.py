"""Lists of points read from a zone file's text directly, for the YAML parser to skip.

Points are nearly all of a large chart: a 10,000-zone chart has 200,000, four parser events
each (a list and two numbers), about 0.8 million of its million events and three quarters of
its load time. Here a list of points written in one of the usual simple ways, as the value of
a key in a block mapping,

    outline: [[1.5, 2], [3.25, 4], ...]      (on one line or several; a trailing comma)
    plantar-left:                            (block style, as yaml.safe_dump writes it)
    - - 1.5
      - 2
    - [3.25, 4]                              (or one point a line)

is found with regular expressions, its numbers converted as `yaml_source` converts plain
numbers (in decimal only, by `written_numbers`' one rule: the same values), and its
text replaced, for the parser, by a short placeholder with a tag nobody can write in a file
(it holds a random nonce), followed by as many line breaks as the list had: every line and
column after it is where it was. `yaml_source` puts the list in place of the placeholder with
the same counts and limits as if it had read it, and places each point where it was written.

This is only ever a shortcut to the same result. Anything else (a comment, an anchor, a tag,
another number syntax, a list that is not wholly simple, or a placeholder the parser sees
anywhere but as the plain value of a key in a block mapping) means the text is parsed as
written; so does any error or limit, so that every message is exactly the parser's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache

from . import stopping
from .long_comments import shortened
from .prescan.tokens import compact_point
from .written_numbers import SIGN, convert

# numbers written in decimal (written_numbers.py: the reader's one rule), bounded in length;
# with an exponent of at most two digits every one is a float as written (between 1e-179 and
# 1e139: never infinity, 0 or digits lost), so none is refused here that the parser refuses
# (a list with 1e999 or 1e-400 in it is parsed as written and refused there)
_NUM = rf"{SIGN}(?:0|[1-9][0-9]{{0,39}})(?:\.[0-9]{{1,40}})?+(?:[eE][-+]?[0-9]{{1,2}})?+"
_SEPARATORS = str.maketrans("[],", "   ")
_W = r"[ \n]*+"  # flow context: spaces and line breaks (no comments, no tabs)
_FLOW_POINT = rf"\[{_W}{_NUM}{_W},{_W}{_NUM}{_W}\]"
_FLOW_OPEN = re.compile(rf"\[{_W}")
_FLOW_LAST = re.compile(rf"{_FLOW_POINT}{_W}(?:,{_W})?+\]")
_LINE_END = re.compile(r"(?:[ ]++#[^\n]*+)?+[ ]*+(?:\n|\Z)")
_BLANK_LINES = re.compile(r"(?:[ ]*+(?:#[^\n]*+)?+\n)*+([ ]*+)")
# after a key: a block list of points on the next lines, or a flow list of lists
_CANDIDATE = re.compile(r":(?:[ ]*+\n([ ]*+)-[ ]++(?=-[ ]|\[)|[ ]++(?=\[[ \n]*+\[))")
_KEY = re.compile(r"([ ]*+(?:-[ ]++)?+)[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}+")  # plain, simple
# tabs, and line breaks the parser knows besides \n (its lines would not be ours)
_UNMODELLED = ("\t", "\r", "\x85", "\u2028", "\u2029")
_CHUNK = 1000  # items matched at a time: one match over 100,000 would keep a large regex stack
MIN_CHARS = 64 * 1024  # a smaller file is parsed as written: it takes milliseconds anyway


@cache
def _flow_items() -> re.Pattern[str]:
    return re.compile(rf"(?:{_FLOW_POINT}{_W},{_W}){{1,{_CHUNK}}}+")


@cache
def _block_items(pad: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A run of points of a block list whose '-' are at column `pad`: compact (`- - x` then
    `  - y`, as yaml.safe_dump writes them) and one a line (`- [x, y]`)."""
    p = " " * pad
    compact = p + compact_point(p, _NUM, r"[ ]*+\n", "- ")
    one_line = rf"{p}-[ ]++\[[ ]*+{_NUM}[ ]*+,[ ]*+{_NUM}[ ]*+\][ ]*+\n"
    return (re.compile(rf"(?:{compact}){{1,{_CHUNK}}}+"), re.compile(rf"(?:{one_line}){{1,{_CHUNK}}}+"))


_POINT_START = re.compile(r"\[(?=[ \n]*+[-+]?[0-9])")


def read_numbers(region: str, tokens: list[str]) -> list[int | float]:
    """The numbers written as `tokens` (all in decimal, from `region`), as the reader reads
    each (`written_numbers.convert`), in one pass when every one has a '.' or none an exponent."""
    if region.count(".") == len(tokens):  # a '.' in every number
        return list(map(float, tokens))
    if "e" in region or "E" in region:
        return list(map(convert, tokens))
    return [float(t) if "." in t else int(t) for t in tokens]


@cache
def _item_start(pad: int) -> re.Pattern[str]:
    return re.compile(rf"(?m)^[ ]{{{pad}}}-[ ]++([\[-])")


@dataclass(slots=True)
class PointList:
    """One list taken from the text: where it was, and its points."""

    text: str = field(repr=False)
    start: int  # offset of its first '-' or its '['
    end: int  # just past its last line (block) or its ']' (flow)
    pad: int  # block: the column of its '-' (-1: a flow list)
    points: int = 0
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def block(self) -> bool:
        return self.pad >= 0

    def values(self) -> list[list[int | float]]:
        """The points as the parser gives them: [x, y] lists of ints and floats."""
        region = self.text[self.start : self.end]
        # only numbers, '- ' (block), brackets, commas, spaces and line breaks are there
        tokens = region.replace("- ", "  ").translate(_SEPARATORS).split()
        numbers = read_numbers(region, tokens)
        pairs = iter(numbers)
        return list(map(list, zip(pairs, pairs, strict=True)))

    line: int = 0  # of its start, 1-based (counted while splicing: counting here is O(n))

    def position(self, offset: int | None = None) -> tuple[int, int]:
        """Line and column (1-based) of an offset in the list (default: its start)."""
        offset = self.start if offset is None else offset
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.line + self.text.count("\n", self.start, offset), offset - line_start + 1

    def point_position(self, index: int) -> tuple[int, int] | None:
        """Where point `index` starts, as the parser places it: its '[', or in compact
        block style the second '-' of its first line. Found again only when asked (errors)."""
        starts = self._point_starts()
        if not 0 <= index < len(starts):
            return None
        return self.position(starts[index])

    def point_positions(self) -> list[tuple[int, int]]:
        """`point_position` of every point, in order, counted in one walk along the list
        (each asked alone counts the lines and columns from the list's start: a zone of
        100,000 points on one line took 70 s of a drop that left a problem)."""
        text, line, placed = self.text, self.line, []
        line_start = text.rfind("\n", 0, self.start) + 1
        at = self.start
        for offset in self._point_starts():
            breaks = text.count("\n", at, offset)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", at, offset) + 1
            placed.append((line, offset - line_start + 1))
            at = offset
        return placed

    def _point_starts(self) -> list[int]:
        if self._starts is None:
            if self.block:
                item = _item_start(self.pad)
                self._starts = [m.start(1) for m in item.finditer(self.text, self.start - self.pad, self.end)]
            else:
                self._starts = [m.start() for m in _POINT_START.finditer(self.text, self.start + 1, self.end)]
        return self._starts


@dataclass(slots=True)
class Spliced:
    """The text for the parser, the tag of its placeholders and the lists they stand for."""

    text: str
    tag: str
    lists: list[PointList]
    cut: bool = False  # long comments cut from the text (long_comments.py)


def splice(text: str, cut: bool = True) -> Spliced | None:
    """The text with its simple point lists replaced by placeholders, or None (none found,
    or a file too small to be worth it). Its long comments are cut too, unless not `cut`
    (long_comments.py: the same lines and columns; a 20 MB comment was copied twice here,
    then read by libyaml); `Spliced.cut` tells whether any was."""
    if len(text) < MIN_CHARS or any(c in text for c in _UNMODELLED):
        return None
    cuts = []

    def between(begin: int, stop: int | None = None) -> str:
        short = shortened(text, begin, stop) if cut else None
        if short is None:
            return text[begin:stop]
        cuts.append(begin)
        return short

    nonce = os.urandom(8).hex()  # as secrets.token_hex does, without importing hmac and OpenSSL
    tag = f"!reflexmap-points-{nonce}"
    lists: list[PointList] = []
    pieces: list[str] = []
    done = 0
    line, counted = 1, 0  # the line at offset `counted`
    for candidate in stopping.each(_CANDIDATE.finditer(text), 256):
        if candidate.start() < done:
            continue
        key = _KEY.fullmatch(text, text.rfind("\n", 0, candidate.start()) + 1, candidate.start())
        if key is None:
            continue
        if candidate.group(1) is None:
            start = candidate.end()
            found = _flow_list(text, start)
            pad = -1
        else:
            start = candidate.start(1)  # the list's first line
            found = _block_list(text, start, key_column=len(key.group(1)))
            pad = found[2] if found else 0
        if found is None:
            continue
        end, points = found[:2]
        # a block list's placeholder one column deeper than its '-': a value, never a key
        placeholder = f"{' ' * (pad + 1)}{tag} {len(lists)}"
        pieces += [between(done, start), placeholder, "\n" * text.count("\n", start, end)]
        line += text.count("\n", counted, start)
        counted = start
        lists.append(PointList(text, start + max(pad, 0), end, pad, points, line=line))
        done = end
    if not lists:
        return None
    pieces.append(between(done))
    return Spliced("".join(pieces), tag, lists, bool(cuts))


def _flow_list(text: str, start: int) -> tuple[int, int] | None:
    """A flow list of points at `start` ('['), wholly simple and ending its line."""
    p = _FLOW_OPEN.match(text, start).end()
    points = 0
    items = _flow_items()
    while m := items.match(text, p):
        points += m.group().count("]")
        p = m.end()
    last = _FLOW_LAST.match(text, p)
    if last:
        points += 1
        p = last.end()
    elif points and text.startswith("]", p):
        p += 1
    else:
        return None
    if not _LINE_END.match(text, p):
        return None  # something follows on its line: parse it as written
    return p, points


def _block_list(text: str, start: int, key_column: int) -> tuple[int, int, int] | None:
    """A block list of points whose first line starts at `start`, its '-' at least as
    indented as its key; it must end where the run of simple points ends. (end, points, pad)"""
    pad = 0
    while text.startswith(" ", start + pad):
        pad += 1
    if pad < key_column:
        return None
    for items, lines_per_point in zip(_block_items(pad), (2, 1), strict=True):
        p = start
        while m := items.match(text, p):
            p = m.end()
        if p == start:
            continue
        points = text.count("\n", start, p) // lines_per_point
        after = _BLANK_LINES.match(text, p)
        indent = len(after.group(1))
        at = after.end()
        if at < len(text) and (indent > pad or (indent == pad and text[at] == "-")):
            return None  # the list goes on in another way: parse it as written
        return p, points, pad
    return None
