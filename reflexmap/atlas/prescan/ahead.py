"""Counting a list's items ahead, from its first: a list over its limit is refused at the item
that goes over before anything in it is read."""

from __future__ import annotations

import re

from .. import limits
from . import tuning
from .counting import _Coll, _Counting, _Refuse
from .item_lines import (
    _KEY_OR_ITEM,
    _MAYBE_HEADER,
    _Q1,
    _block_list_lines,
    _free_line,
    _patterns,
    colon_without_key_in_flow,
    suspect_lines,
)
from .runs import _FLOW_ITEMS, _NUM, _marks, _nth, _run
from .tokens import _LINE, _SPACE, _SPACES, _TO_EOL

# the start of a polygon's first item that is no list of lists (a point, a mapping, a value):
# its first value is a number, a quoted or plain text, a tagged one; or it is a mapping
_POINT_FIRST = re.compile(
    rf"""(?:-[ ]++)?(?:\{{|\[?[ \n]*+(?:-[ ]++)?(?:!![a-z]++[ ]++)?(?:{_NUM}|["']|[A-Za-z_]))"""
)


_ALIAS_IN = re.compile(r"\*([0-9A-Za-z_-]++)")  # an alias, or text that may be one

# the item's value starts with quoted text (after any anchors and tags), and that text on one line
_QUOTE_FIRST = re.compile(r"""(?:[&!][^ \n]*+[ ]++)*+["']""")
_ONE_LINE_QUOTED = re.compile(_Q1)


def _next_token_line_end(text: str, pos: int) -> int:
    """Where the first line after the one holding `pos` that holds a token ends (with its line
    break), or the text's end."""
    eol = text.find("\n", pos)
    found = _TOKEN_LINE.search(text, eol + 1) if eol >= 0 else None
    return len(text) if found is None else min(found.end() + 1, len(text))


_TOKEN_LINE = re.compile(r"(?m)^[ ]*+[^ \n#][^\n]*+")


class _Ahead(_Counting):
    # ---- counting a list's items ahead ---------------------------------------------------

    def _countable(self, coll: _Coll, first: int) -> bool:
        """Whether counting ahead can tell the limit: a list that may turn out to be a zone's
        list of parts (its first item a list of lists, or an alias) has the lower limit of parts."""
        if coll.kind != "polygon":
            return True
        return _POINT_FIRST.match(self.text, first) is not None

    def _flow_ahead(self, p: int, coll: _Coll) -> None:
        """Counts the items of a flow list from its first; refuses at the one over the limit.
        Runs of simple items (points, plain values) are counted in one match each."""
        text, end, room = self.text, len(self.text), coll.limit
        first, items = p, 0
        pieces: list[tuple[int, int]] = []  # the items read one by one: where each starts, ends
        simple = [0, 0]  # items taken in runs, and the values they hold (each one as written)
        while True:
            if items:
                p = _SPACE.match(text, p).end()
                for item, per, mark, per_pair in _FLOW_ITEMS.values():
                    run_end = _run(item, text, p)
                    if run_end > p:
                        run = _marks(text, p, run_end, mark)
                        if items + run > room:  # (none of it when the list is full:
                            run = room - items  # `_run` told 0 takes the whole run)
                            run_end = _run(item, text, p, run) if run else p
                        simple[0] += run
                        simple[1] += per * run + per_pair * _marks(text, p, run_end, ":")
                        items, p = items + run, run_end
                        break
            m = _patterns()["flow item"].match(text, p)
            q = m.end()
            if q >= end or text[q] not in ",]":
                return
            start = p + len(m.group()) - len(m.group().lstrip(" \n"))
            if start == q:  # nothing before the comma or bracket
                return
            if items == 0 and not self._countable(coll, start):
                return
            items += 1
            if items > room:
                if not self._reaches(coll, start, pieces, simple, flow=True):
                    return
                if colon_without_key_in_flow(text, first, q):
                    return  # the parser may stop at a ':' with no key first (read on, item by item)
                raise _Refuse(start, self._over(coll))
            pieces.append((start, q))
            if text[q] == "]":
                return
            p = q + 1

    def _block_ahead(self, dash: int, indent: int, coll: _Coll, counted: int = 0) -> None:
        """Counts the items of a block list from its first ('-' at `dash`), or from the one
        after the `counted` items the walk has read; refuses at the one over the limit. Its
        '-' lines are found by searching, between lines that hold values over several lines
        (see _skip_value), which are stepped over one by one."""
        text = self.text
        if not tuning.AHEAD_FROM < coll.limit < limits.MAX_ITEMS:
            # a short list is read in no time; points and plain values are taken in runs
            return
        first = _patterns()["line"].match(text, dash) or _free_line(indent).match(text, dash)
        if not first:
            return
        marker = "\n" + " " * indent + "-"
        lines = _block_list_lines(indent)
        items, p, item = counted + 1, first.end(), dash  # items so far, where to go on, the last item
        at = _nth(text, marker, p - 1, coll.limit - counted)  # the '-' line that would go over the limit
        skipped: list[tuple[int, int]] = []  # values stepped over: their '-' lines are no items
        while at >= 0:
            stop = lines.match(text, p, at + 1).end()  # its own lines, and values that hide none
            if stop == at + 1:
                self._refuse_item(at + 1, indent, coll, dash, skipped)
                return
            last = stop - 2 + len(marker)  # (a '-' line starting before `stop`)
            found = text.count(marker, p - 1, last)
            items += found
            if found:
                item = text.rfind(marker, p - 1, last) + 1
            col = _SPACES.match(text, stop).end() - stop
            if col < indent or (col == indent and not text.startswith("-", stop + col)):
                return  # the list ends here
            skip = self._skip_value(stop, col, indent, item)
            if skip is None:
                return
            if col == indent:  # one of its items, whose value runs over several lines
                items, item = items + 1, stop
                if items > coll.limit:
                    self._refuse_item(stop, indent, coll, dash, skipped)
                    return
            # the '-' lines found between `p` and `at` still count, but for those inside the
            # value just stepped over: as many more are found after `at`
            hidden = text.count(marker, stop, skip - 2 + len(marker))
            if hidden:
                skipped.append((stop, skip - 1))
            if skip - 1 > at:
                at = _nth(text, marker, skip - 1, coll.limit - items + 1)
            elif hidden:
                at = _nth(text, marker, at + 1, hidden)
            p = skip

    def _skip_value(self, line: int, col: int, indent: int, item: int) -> int | None:
        """Where the line at `line` ends (its value runs over several lines, and some of them
        look like the list's own '-' lines: they are not counted). None where that is not
        sure: its quote may be text of a block value (a header since the item's start) or
        of a plain value on the line before (the line is indented deeper than that one's)."""
        text = self.text
        if col > indent:
            q = line - 1
            while q > item:  # the line before it that holds something
                start = text.rfind("\n", item, q) + 1
                if text[start:q].strip(" ") and not text[start:q].lstrip(" ").startswith("#"):
                    break
                q = start - 1
            else:
                return None
            # a plain value on that line continues on lines deeper than its mapping's key (or
            # its list's '-'); a line that is not a key or an item may itself continue one
            before = _KEY_OR_ITEM.match(text, start, q)
            if before is None or col > before.end() - start - (0 if before.group(1) else 2):
                return None
            if _MAYBE_HEADER.search(text, item, line):
                return None
        m = _free_line(indent).match(text, line)
        return m.end() if m else None

    def _refuse_item(
        self, line: int, indent: int, coll: _Coll, dash: int, skipped: list[tuple[int, int]]
    ) -> None:
        """Refuses the item of `coll` whose '-' line starts at `line`, where its value starts
        (on the line below for '- # a comment'), unless the parser may stop before it (the
        items before it start at `dash` and at the list's '-' lines after it, but for those
        inside the values `skipped`, whose spans are given)."""
        text = self.text
        node = line + indent + 1
        if node < len(text) and text[node] not in " \n":
            return  # '-x', '-#': no item but text (a plain value, a key): the parser says what
        while node < len(text) and text[node] == " ":
            node += 1
        if node < len(text) and text[node] in "\n#":  # the item's value is on a later line
            below = _LINE.match(text, _TO_EOL.match(text, node).end())
            if len(below.group(1)) <= indent:
                return  # an empty item: the parser decides
            node = below.end()
        if node >= len(text):
            return
        quote = _QUOTE_FIRST.match(text, node)
        if quote is not None and _ONE_LINE_QUOTED.match(text, quote.end() - 1) is None:
            return  # quoted text that runs on: the parser reads it before the item counts
        marker = "\n" + " " * indent + "-"
        starts, at = [dash], text.find(marker, dash, line)
        for start, stop in skipped:  # (each value stepped over: its '-' lines are text)
            while 0 <= at < start:
                starts.append(at + 1)
                at = text.find(marker, at + 1, line)
            while 0 <= at < stop:
                at = text.find(marker, at + 1, line)
        while at >= 0:
            starts.append(at + 1)
            at = text.find(marker, at + 1, line)
        # (and the line where the item over the limit starts, and the next line with a token:
        # the parser reads its first token, and looks at the next, before the item counts)
        if suspect_lines(text, dash, _next_token_line_end(text, node), indent):
            return  # the parser may stop at a syntax error in them: the walk reads them
        if self._reaches(coll, line, list(zip(starts, starts[1:] + [line], strict=True)), [0, 0]):
            raise _Refuse(node, self._over(coll))
        if not coll.count and text.find("&", dash, starts[1] if len(starts) > 1 else line) >= 0:
            # an anchor in the first item (yaml.dump's '&id001'), which the items after it may
            # alias: counted again from the second, once the walk knows its size (908 ms to
            # read 10,001 such zones line by line, against a quarter of that counted ahead)
            coll.ahead_again = True

    def _reaches(
        self, coll: _Coll, end: int, pieces: list[tuple[int, int]], simple: list[int], flow: bool = False
    ) -> bool:
        """Whether the parser, reading the items of `coll` before the one at `end` that goes
        over its limit, surely gets there: no limit is hit inside them first (values, items
        of a list inside, keys, nesting), else the walk reads on, item by item, to where the
        parser stops. `pieces`: the spans of those items (a block item with its lines);
        `simple`: how many more were taken in runs, and the values those hold.

        Told from the text without reading it: every value but an empty one starts after an
        indicator ('[', '{', ',', ':', '- ', '? ') or a line break, or at its item's start; an
        empty value stands for a missing one after ':', '- ', '? ', or a flow key's ',' or
        '{'; a block list starts at a '- ', a block mapping at a key with its ':' or '?'.
        So an item holds no more values than its counts below allow, and none of its lists
        or mappings more items or keys, or deeper nesting, than it holds such marks. An alias
        counts its value again: only one to a value read before (as large as then) is told.

        Items of a flow list (`flow`) are in flow context, where a line break is only space and
        no '- ' starts a list: a list or mapping inside one holds at most its commas + 1 items
        or keys, and is nested at most as deep as its brackets and ':' or '? ' (a single-pair
        mapping) allow, and a line break starts no value. Counting every mark against both limits,
        and each line break as a value, as for block items, sent each
        item of an indented JSON chart's zones (about 75 marks) to be read token by token: 20,000
        zones took 1.7 s of CPU to refuse, against 0.2 s before that bound."""
        text = self.text
        inner = limits.MAX_KEYS  # the fewest items a list inside may hold, or keys a mapping
        outer = ("zones", "views", "sources") if coll.path else ()
        for kind, (limit, _) in self.limits.items():
            if kind not in outer:
                inner = min(inner, limit)
        depth = limits.MAX_DEPTH - len(self.stack) - 1
        values = self.nodes + simple[1] + 1  # (the item that goes over is one value more)
        if simple[0] and (inner < 2 or depth < 2):  # (each holds a point's two marks, or none)
            return False
        aliased: dict[str, int] = {}
        count = text.count
        # (marks none of the items holds are not counted item by item: a zone holds no '{',
        # '?' or '-' but its own dash, most often; four counts an item of nine saved)
        lo, hi = (pieces[0][0], pieces[-1][1]) if pieces else (0, 0)
        curly_in, dash_in, ask_in = (text.find(mark, lo, hi) >= 0 for mark in "{-?")
        for a, b in pieces:
            square, curly = count("[", a, b), count("{", a, b) if curly_in else 0
            comma, colon = count(",", a, b), count(":", a, b)
            dash = count("- ", a, b) + count("-\n", a, b) if dash_in else 0
            ask = count("? ", a, b) + count("?\n", a, b) if ask_in else 0
            breaks = count("\n", a, b)
            if flow:
                if comma + 1 > inner or square + curly + colon + ask > depth:
                    return False
            else:
                marks = square + curly + comma + colon + dash + ask + breaks
                if marks > inner or marks > depth:
                    return False
            values += 2 * square + 3 * curly + 3 * dash + 3 * colon + 4 * ask + 2 * comma + 1
            if not flow:  # (in flow context a line break starts no value)
                values += breaks
            if text.find("*", a, b) >= 0:
                for m in _ALIAS_IN.finditer(text, a, b):
                    name = m.group(1)
                    if name not in aliased:  # (an anchor given again inside: not told)
                        known = self.anchors.get(name)
                        if known is None or text.find("&" + name, pieces[0][0], end) >= 0:
                            return False
                        aliased[name] = known[0]
                    values += aliased[name]
            if values > limits.MAX_NODES:
                return False
        return True
