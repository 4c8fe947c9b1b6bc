"""The block structure: lines, indentation, keys, '-' items, block values, and runs of simple
lines taken at once."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from .. import limits, stopping
from ..scalar_length import block_header, block_length, block_refused
from .counting import _Coll, _Counting, _GiveUp, _Refuse
from .runs import (
    _block_items,
    _items,
    _list_items,
    _marks,
    _open_key_line,
    _run,
    anchored_points,
    run_keys,
)
from .templates import build
from .tokens import (
    _DQ,
    _KEY_COLON,
    _LINE,
    _NAME,
    _PROPERTY,
    _REST,
    _SPACES,
    _SQ,
    _TAG,
    _TO_EOL,
    _block_end,
    _block_plain,
    flow_read_safely,
)

# blank and comment lines, and the indentation of the next line with a token; what that
# token may start with where the scanner surely reads it without an error
_NEXT_TOKEN = re.compile(r"(?:[ ]*+(?:#[^\n]*+)?+\n)*+[ ]*+")
_SAFE_START = re.compile(r"[0-9A-Za-z_.\[{]|[-?:](?:[ \n]|\Z)")
_FLOW_FIRST = re.compile(r"[ \n]*+(?:[0-9A-Za-z_.\[{\]}]|-[0-9])")  # after a flow collection's bracket

# a line of plain words and numbers only (no indicator in it), then its line break
_PLAIN_WORDS_LINE = re.compile(r"[0-9A-Za-z_.][0-9A-Za-z_.+\- ]*+(?:\n|\Z)")

# plain words, numbers and flow indicators: nothing the parser's scanner stops at
_SAFE_WORDS = re.compile(r"[0-9A-Za-z_.+\- ,:\[\]{}]*+")

# what a block list's item starts with -> the runs of simple items it may begin
_RUNS_BY_START = {
    "[": ("points",),
    "&": ("points",),
    "-": ("compact points", "words"),
    '"': ("quoted",),  # (a list of 100,001 quoted texts was read item by item: 0.9 s)
    "'": ("quoted",),
}


_COMMENT_IN_PLAIN = re.compile(r"[ \t]#")  # a comment after a plain value's words


@cache
def _more_plain(cont: int) -> str:
    """A line deeper than `cont` that may be more of a plain value, blank lines before it
    (see _plain_run: what is in it is searched once for the whole run)."""
    return rf"(?:[ ]*+\n)*+[ ]{{{cont + 1},}}+(?!(?:---|\.\.\.)(?:[ \n]|\Z)|%)[^ \n#][^\n]*+\n"


def _plain_run(text: str, line: int, cont: int) -> int:
    """Where the lines from `line` on that are more of a plain value (deeper than `cont`) end:
    each has no comment, no ': ' and no ':' at its end (the line-by-line reading in
    _Block.run takes the same lines; the line that holds the first of those ends the run,
    and is read there). Lines of prose (150,000 of them, one plain value) were read one by
    one: 0.4 s of CPU; matched word by word, 0.17 s; as lines, then searched, 0.03 s."""
    end = _run(_more_plain(cont), text, line)
    found = (text.find(word, line, end) for word in (": ", ":\n", " #"))
    stop = min((at for at in found if at >= 0), default=end)
    return end if stop == end else max(line, text.rfind("\n", line, stop) + 1)


class _Block(_Counting):
    # ---- block structure --------------------------------------------------------------

    def run(self) -> None:
        text, end = self.text, len(self.text)
        p = 0
        for _line in stopping.each(itertools.repeat(None), 1024):  # (a stop asked for: stopping.py)
            m = _LINE.match(text, p)
            if self.cont is not None and text.find("#", p, m.start(1)) >= 0:
                self.cont = None  # a comment line ends a plain value: a deeper line is no more of it
            p = m.end()
            if p >= end:
                break
            indent = m.end(1) - m.start(1)
            c = text[p]
            if indent == 0 and text.startswith(("---", "..."), p) and (p + 3 == end or text[p + 3] in " \n"):
                if text[p] == "." and self.started and _LINE.fullmatch(text, p + 3):
                    break  # the end of the document, and nothing after it but comments
                if self.started or text[p] == "." or not _REST.match(text, p + 3):
                    raise _GiveUp  # a second document, or content on the '---' line
                self.started = True
                p = _REST.match(text, p + 3).end()
                continue
            if c == "%":
                if self.started or indent:
                    raise _GiveUp  # not a directive: the parser says what it is
                self.directives = True  # (%YAML, %TAG: they change no count) a '---' must follow
                p = _TO_EOL.match(text, p).end()
                continue
            if self.directives and not self.started:
                raise _GiveUp  # directives without '---' after them: the parser's error
            self.started = True
            if self.cont is not None and indent > self.cont:
                run_end = _plain_run(text, p - indent, self.cont)
                if run_end > p:  # lines that are more of it, each as the line below takes it
                    self.held = None
                    self.inexact = True
                    p = run_end
                    continue
                more = text[p : _TO_EOL.match(text, p).end()]
                comment = _COMMENT_IN_PLAIN.search(more)  # (it ends the value, on this line)
                words = more if comment is None else more[: comment.start()]
                if ": " in words or words.rstrip(" \t\n").endswith(":"):
                    raise _GiveUp  # no more of a plain value: the parser says what it is
                self.held = None
                self.inexact = True  # a plain value continues: its length is not told here
                if comment is not None:
                    self.cont = None  # a deeper line after it is no more of the value
                p = _TO_EOL.match(text, p).end()
                continue
            self._release_held()
            self.cont = None
            dash = c == "-" and (p + 1 == end or text[p + 1] in " \n")
            if self.carry is not None and not self._expecting(indent, seq=dash):
                self._empty_anchored()
            self._dedent(indent, dash)
            if self._block_run(p, indent, dash):
                p = self._run_end
                continue
            p = self._block_line(p, p - indent)
        self._release_held()
        if self.carry is not None:
            self._empty_anchored()
        self._dedent(-1, False)
        if self.root_pending:
            raise _GiveUp  # an empty document

    def _release_held(self) -> None:
        if self.held is not None:
            pos, value = self.held
            self.held = None
            self._check_length(pos, len(value), True, True, value)

    def _dedent(self, indent: int, dash: bool) -> None:
        while self.stack:
            top = self.stack[-1]
            if top.indent > indent or (top.indent == indent and not top.is_map and not dash):
                if top.pending:
                    top.pending = False
                    self._null()
                self._pop()
                continue
            break

    def _expecting(self, col: int, seq: bool = False) -> bool:
        if not self.stack:
            return self.root_pending
        top = self.stack[-1]
        if not top.pending:
            return False
        return col > top.indent or (seq and top.is_map and col == top.indent)

    def _place(self, col: int) -> None:
        """A value node starts at column `col`: it must be the one awaited."""
        if not self._expecting(col):
            raise _GiveUp
        if self.stack:
            self.stack[-1].pending = False
        else:
            self.root_pending = False

    def _block_run(self, p: int, indent: int, dash: bool) -> bool:
        """Takes a run of simple lines at once (list items or `key: value` lines)."""
        if not self.stack:
            return False
        top = self.stack[-1]
        if top.pending and dash and top.is_map and indent >= top.indent and self.carry is None:
            return self._first_items(p, indent, top)
        if top.pending or top.indent != indent or top.is_map == dash:
            return False
        text = self.text
        line = text.rfind("\n", 0, p) + 1
        if not dash:
            kinds: tuple[str, ...] = ("keys",)
        else:  # what the item starts with tells which run it may begin
            value = _SPACES.match(text, p + 1).end()
            after = text[value : value + 1]
            kinds = _RUNS_BY_START.get(after, ("words",))
            if after and after in "[{~":  # (the list's kind is told by its first item, read before)
                kinds += ("empty",)
            if after == "[" and top.first_list and self._list_run(line, indent, top):
                return True
            if after == "{" and self._list_run(line, indent, top, mappings=True):
                return True
        for what in kinds:
            if what not in ("words", "keys", "quoted") and len(self.stack) >= limits.MAX_DEPTH:
                continue  # each item would be nested too deep: read them one by one
            item, per = _block_items(indent, what, self.text_limit)
            run_end = _run(item, text, line)
            if run_end == line:
                continue
            if dash:
                items = _items(text, line, run_end, indent)
            else:
                items = len(run_keys(text, line, run_end, indent))
            if dash:
                room = top.limit - top.count
            else:
                room = limits.MAX_KEYS - len(top.keys)
            take = min(items, room, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return False
            stop = run_end if take == items else _run(item, text, line, take)
            if not dash:
                keys = run_keys(text, line, stop, indent)
                fresh = set(keys)
                if len(fresh) != len(keys) or fresh & top.keys:
                    return False  # a duplicate key: the parser reports it (and drops its value)
                top.keys |= fresh
                top.key = keys[-1]
            else:
                top.count += take
                self._anchor_points(line, stop, indent)
                top.item_line = -1  # (not one item: see _template_run)
            self.nodes += per * take
            self._run_end = stop
            self.cont = self._run_cont(stop, indent, what)
            if not dash and take == items:
                self._open_key(stop, indent, top)
            return True
        return dash and not top.flow and self._template_run(line, indent, top)

    def _template_run(self, line: int, indent: int, top: _Coll) -> bool:
        """Takes the items of a block list written as the one before them (see templates.py),
        from its item whose '-' line starts at `line`; marks where the item read next starts."""
        text = self.text
        if top.template is None and top.item_line >= 0 and top.misses < 3:
            top.template = build(text, top.item_line, line, indent, self.nodes - top.item_values, self.opened)
            top.misses += top.template is None
        taken, p = 0, line
        if top.template:
            template = top.template
            while (m := template.pattern.match(text, p)) is not None:
                values = template.values(m, text)
                if top.count >= top.limit or self.nodes + values > limits.MAX_NODES:
                    break  # read on its own, and refused where the parser refuses it
                top.count += 1
                self.nodes += values
                p = m.end()
                taken += 1
                if not taken & 1023:
                    stopping.check()  # (a stop asked for: stopping.py)
            if not taken:
                top.template, top.misses = None, top.misses + 1
        top.item_line, top.item_values = p, self.nodes  # the item read next, line by line
        if not taken:
            return False
        self._run_end, self.cont = p, None
        return True

    def _list_run(self, line: int, indent: int, top: _Coll, mappings: bool = False) -> bool:
        """Takes a run of items of a block list (whose first item was a list) that are short
        flow lists of plain words, `- [a, b, c]`, a thousand at a time: each holds itself and
        its words (one more than its commas), and no more words than its own list may hold.
        `mappings`: items that are flow mappings of plain words, `- {a: b, c: d}` (each holds
        itself and two values a pair, one pair more than its commas; no more than MAX_KEYS)."""
        if len(self.stack) >= limits.MAX_DEPTH:
            return False  # each item would be nested too deep: read them one by one
        if mappings:
            room = limits.MAX_KEYS
        else:
            path = top.path + (0,) if top.path is not None else None
            room = self.limits[limits.list_kind(path)][0] if path is not None else limits.MAX_ITEMS
        per_item, per_comma = (3, 2) if mappings else (2, 1)
        text, start = self.text, line
        width = min(room, 1000)
        for chunk in (_list_items(indent, width, 1000, mappings), _list_items(indent, width, 1, mappings)):
            # a thousand items at a time; then one at a time, up to the one that goes over
            while m := chunk.match(text, line):
                items = _items(text, line, m.end(), indent)
                values = per_item * items + per_comma * _marks(text, line, m.end(), ",")
                if top.count + items > top.limit or self.nodes + values > limits.MAX_NODES:
                    break  # the item over a limit is read on its own, and refused there
                top.count += items
                self.nodes += values
                line = m.end()
        if line == start:
            return False
        self._run_end, self.cont = line, None  # (a deeper line after a flow list: an error)
        return True

    def _first_items(self, p: int, indent: int, top: _Coll) -> bool:
        """A block list that is the value of the key above it (its first '-' at `p`) and
        starts with a run of simple items: opened, and the run taken at once."""
        text = self.text
        if len(self.stack) >= limits.MAX_DEPTH - 1:
            return False  # its items may be nested too deep: read them one by one
        value = _SPACES.match(text, p + 1).end()
        kinds = _RUNS_BY_START.get(text[value : value + 1], ("words",))
        line = p - indent
        for what in kinds:
            item, per = _block_items(indent, what, self.text_limit)
            run_end = _run(item, text, line)
            if run_end == line:
                continue
            top.pending = False
            coll = self._open(p, is_map=False, flow=False, indent=indent)
            self._block_ahead(p, indent, coll)
            items = _items(text, line, run_end, indent)
            take = min(items, coll.limit, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return False  # the line is read as the list's first item, as usual
            coll.count = take
            coll.first_list = what not in ("words", "quoted")  # its first item is a point (a list)
            self.nodes += per * take
            self._run_end = run_end if take == items else _run(item, text, line, take)
            self._anchor_points(line, self._run_end, indent)
            self.cont = self._run_cont(self._run_end, indent, what)
            return True
        return False

    def _run_cont(self, end: int, indent: int, what: str) -> int | None:
        """After a run of lines ending at `end`: the indentation deeper than which lines
        continue its last value, if that is plain (a word, a number, a plain `key: value`,
        the second value of a compact point: deeper than its own '-').
        A deeper line after a quoted value or a flow list is the parser's error, read as any
        line (the walk leaves the file to the parser there)."""
        last = self.text.rfind("\n", 0, end - 1) + 1
        if what in ("points", "quoted") or (what == "empty" and self.text.find("~", last, end) < 0):
            return None  # ('[]', '{}', quoted text: a deeper line is no more of them; '~' is plain)
        if self.text.find(" #", last, end) >= 0:
            return None  # a comment after its value ends it
        if what == "words":
            return indent
        if what == "compact points":  # (the last value is the inner list's, `  - y`: lines
            # continue it deeper than that '-'; one at its column is no item and no more of it)
            return _SPACES.match(self.text, last).end() - last
        colon = self.text.find(":", last, end)
        value = _SPACES.match(self.text, colon + 1).end()
        return None if self.text.startswith(("'", '"'), value) else indent

    def _anchor_points(self, start: int, end: int, indent: int) -> None:
        """The anchors on the points of a run just taken: each names a list of two values."""
        for name in anchored_points(self.text, start, end, indent):
            self.anchors[name] = (3, "list")

    def _open_key(self, line: int, indent: int, top: _Coll) -> None:
        """After a run of `key: value` lines: a `key:` line whose value is on the lines below
        is taken with them (a new key within every limit; anything else is read as usual)."""
        m = _open_key_line(indent).match(self.text, line)
        if m is None or m.group(1) in top.keys or len(top.keys) >= limits.MAX_KEYS:
            return
        if self.nodes + 1 > limits.MAX_NODES:
            return
        self.nodes += 1
        top.keys.add(m.group(1))
        top.key, top.pending = m.group(1), True
        self._run_end, self.cont = m.end(), None

    def _block_line(self, p: int, line_start: int) -> int:
        """Reads the indicators and the value on one line; returns where the next line starts."""
        text, end = self.text, len(self.text)
        first = p  # the line's first token
        after_key = False
        props: int | None = None  # where a value's anchor or tag starts
        anchor: str | None = None
        carried: int | None = None  # props carried over from the line before
        if self.carry is not None:
            props, anchor = self.carry
            carried = props
            self.carry = None
        while True:
            c = text[p]
            col = p - line_start
            if c == "-" and (p + 1 == end or text[p + 1] in " \n") and props == carried:
                if after_key:
                    raise _GiveUp
                top = self.stack[-1] if self.stack else None
                if top is not None and not top.is_map and top.indent == col and not top.pending:
                    if carried is not None:
                        raise _GiveUp
                    top.pending = True  # the next item of this list
                    if top.ahead_again:  # (its first item read: its anchors are known)
                        top.ahead_again = False
                        self._block_ahead(p, col, top, top.count)
                elif self._expecting(col, seq=True):
                    if top is not None:
                        top.pending = False
                    else:
                        self.root_pending = False
                    coll = self._open(p if carried is None else carried, False, False, col, anchor)
                    props = carried = anchor = None
                    coll.pending = True
                    if carried is None and not text[line_start:p].strip(" "):
                        coll.item_line, coll.item_values = line_start, self.nodes  # its first item
                    self._block_ahead(p, col, coll)
                else:
                    raise _GiveUp
                p, done = self._next_token(p + 1)
                if done:
                    return p
                continue
            if c in "&!":
                if carried is not None:
                    raise _GiveUp  # properties over two lines
                if c == "!" and not _TAG.match(text, p):
                    raise _GiveUp  # a tag the parser refuses (or reads otherwise)
                m = _PROPERTY.match(text, p)
                props = p if props is None else props
                if c == "&":
                    name = _NAME.match(text, p)
                    if name is None or anchor is not None:
                        raise _GiveUp  # a name the parser reads otherwise, or two anchors
                    anchor = name.group(1)
                p = m.end()
                if _REST.match(text, p):  # the value (a list, a mapping) comes next
                    if props == first and not self._expecting(props - line_start):
                        raise _GiveUp  # alone where a key may stand: the parser takes it for a key's
                    if "!" in text[props:p]:
                        self.inexact = True  # a tag changes what a long value is
                    self.carry = (props, anchor)
                    return _REST.match(text, p).end()
                if c == "!":
                    self.inexact = True  # a tag changes what a long value is
                continue
            if c == "*":
                name = _NAME.match(text, p)
                if props is not None or name is None or _KEY_COLON.match(text, name.end()):
                    raise _GiveUp  # an alias with properties, a name read otherwise, or as a key
                rest = _REST.match(text, name.end())
                if not rest:
                    raise _GiveUp
                self._place(col)
                with self._next_token_first(rest.end()):
                    self._alias(p, name.group(1))
                return rest.end()
            if c in "@`%,]}#":
                raise _GiveUp  # reserved characters, or not a value here
            if c in "|>":
                if carried is not None:
                    raise _GiveUp
                end_of_block = self._block_scalar(props if props is not None else p, col, p)
                self._anchored(anchor)
                return end_of_block
            start = props if props is not None else p
            if c in "[{":
                self._place(col)
                try:
                    p = self._flow(p, start, anchor)
                except _Refuse as refusal:
                    if refusal.pos - p < 1024 and not self._seen_after(p, refusal.pos, after_key):
                        raise _GiveUp from None  # the parser may stop at what follows it first
                    if refusal.pos <= p and not self._first_read(p):
                        raise _GiveUp from None  # the collection counts once its next token is read
                    raise
                if _KEY_COLON.match(text, p):
                    raise _GiveUp  # a flow collection as a key
                rest = _REST.match(text, p)
                if not rest:
                    raise _GiveUp
                return rest.end()
            quoted = c in "\"'"
            if quoted:
                m = (_DQ if c == '"' else _SQ).match(text, p)
                if not m:
                    raise _GiveUp  # never closed: the parser says where
                key, size, exact = self._quoted(m)
                q = m.end()
            else:
                if c in "-?:" and (p + 1 == end or text[p + 1] in " \t\n"):
                    raise _GiveUp
                key = _block_plain(text, p)
                if not key:
                    raise _GiveUp
                q = p + len(key)
            colon = _KEY_COLON.match(text, q)
            if colon:  # a key (a plain '<<' is the merge key)
                if after_key or props != carried:
                    raise _GiveUp
                self._block_key(p, col, key, start, anchor, merge=not quoted)
                props = carried = anchor = None
                after_key = True
                p, done = self._next_token(colon.end())
                if done:
                    return p
                continue
            rest = _REST.match(text, q)
            if not rest:
                raise _GiveUp
            self._place(col)
            if quoted:
                with self._next_token_first(rest.end()):
                    self._scalar(start, size, False, exact)
            else:
                self._node(start)
            self._anchored(anchor)
            if not quoted and len(key) > limits.MAX_NUMBER_CHARS:
                if props is not None:
                    self.inexact = True
                else:
                    self.held = (start, key)  # checked once we know it does not continue
            # a plain value continues on deeper lines; after a quoted one, a deeper line is the
            # parser's error (read as any line: the walk leaves the file to the parser there)
            # (a comment after it ends it too: '# c' on its line, then a deeper line, is the same)
            self.cont = None if quoted or "#" in rest.group() else self._cont_indent()
            return rest.end()

    @contextmanager
    def _next_token_first(self, after: int) -> Iterator[None]:
        """Around counting an alias or a quoted value (whose line ends at `after`): the parser's
        scanner reads the next token before it hands them over, so a refusal stands only where
        that token surely starts without a syntax error (else the parser decides)."""
        try:
            yield
        except _Refuse:
            token = _NEXT_TOKEN.match(self.text, after)
            if token.end() < len(self.text) and not _SAFE_START.match(self.text, token.end()):
                raise _GiveUp from None
            raise

    def _first_read(self, p: int) -> bool:
        """Whether the parser reads the flow collection opened at `p` as far as it counts it
        (its next token, and on its line what the scanner reads on to know whether that is a
        key) without a syntax error: all of it when it closes on its line, or its first token."""
        sure = flow_read_safely(self.text, p)
        return sure if sure is not None else _FLOW_FIRST.match(self.text, p + 1) is not None

    def _seen_after(self, p: int, refused: int, after_key: bool = False) -> bool:
        """Whether the parser reads a flow collection in a block, opened at `p`, up to where the
        walk refused it (at `refused`) with no syntax error first: its scanner reads on to know
        whether the collection is a key, while it may be one (on its first line, within 1,024
        characters), and the next token, so an error there comes first. Sure for a collection
        closed on its line, then a next line that is an item, a plain key with its ':', or
        none; and for one that goes on below, refused on a later line, or on its first line
        followed by plain words and brackets only (and the next line's first token too).
        `after_key`: the collection is the value of a key on its line (`k: [`), else an item
        ('- [') or a value alone on its line."""
        text = self.text
        eol = text.find("\n", p)
        eol = len(text) if eol < 0 else eol
        depth, q = 0, p
        while q < eol:
            ch = text[q]
            if ch in "\"'":  # (a quote that starts no value is text: the walk read it so)
                quoted = (_DQ if ch == '"' else _SQ).match(text, q)
                if quoted is None or quoted.end() > eol:
                    return False
                q = quoted.end()
                continue
            if ch == "#" and text[q - 1] == " ":
                break  # a comment: the collection goes on below
            depth += ch in "[{"
            depth -= ch in "]}"
            if depth == 0:
                break
            q += 1
        if depth:  # it goes on below: the scanner reads its first line and the next token
            if refused > eol:
                return True
            below = _LINE.match(text, eol + 1) if eol < len(text) else None
            return (
                _SAFE_WORDS.fullmatch(self.lined, refused, eol) is not None
                and below is not None
                and _SAFE_WORDS.match(self.lined, below.end()).end() > below.end()
            )
        if not _REST.match(text, q + 1):
            return False
        line = _LINE.match(text, eol + 1) if eol < len(text) else None
        if line is None or line.end() >= len(text):
            return True
        after = line.end()
        if text.startswith(("- ", "-\n"), after):
            return True
        key = _block_plain(text, after)
        if bool(key) and key[0] not in "\"'[{&*!|>%@`?:-" and text.startswith(":", after + len(key)):
            return True
        # a line of plain words only: the scanner reads it as plain text without an error,
        # and the parser counts the collection (refused at an item inside it, or as a whole,
        # too deep) before it stops there. Unless those words stand at the column of a block
        # list or mapping open around it (a key the scanner requires, its ':' missing: it
        # stops there as soon as it has read them), and the collection is an item or alone
        # on its line: the parser waits for the line after it to tell whether it is a key,
        # where after a key's ':' it hands the collection over at once (libyaml, as PyYAML's
        # C loader: found by the alike-items fuzzer, seed 2, and the walk's own generator)
        if _PLAIN_WORDS_LINE.match(self.lined, after) is None:
            return False
        column = after - (text.rfind("\n", 0, after) + 1)
        return after_key or all(c.flow or c.indent != column for c in self.stack)

    def _next_token(self, p: int) -> tuple[int, bool]:
        """After an indicator ('-', a key's ':') at `p`: where the next token on its line starts,
        or (True) where the next line starts when nothing but spaces or a comment is left."""
        p = _SPACES.match(self.text, p).end()
        rest = _REST.match(self.text, p)
        return (rest.end(), True) if rest else (p, False)

    def _cont_indent(self) -> int:
        return self.stack[-1].indent if self.stack else -1

    def _block_key(
        self, pos: int, col: int, key: str | None, start: int, anchor: str | None, merge: bool = False
    ) -> None:
        """A key at `pos`; a new mapping (carrying `anchor`) starts at `start` if it opens one.
        `merge`: the key is plain (a plain '<<' is the merge key)."""
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map and not top.flow and top.indent == col:
            if start != pos:
                raise _GiveUp  # properties before a key of a mapping that goes on
            if top.pending:
                top.pending = False
                self._null()
        elif self._expecting(col):
            self._place(col)
            self._open(start, is_map=True, flow=False, indent=col, anchor=anchor)
        else:
            raise _GiveUp
        self._key(pos, key, merge)
        self.stack[-1].pending = True

    def _block_scalar(self, start: int, col: int, at: int) -> int:
        """A literal or folded value (its '|' or '>' at `at`): its lines are those indented
        more than its parent. Its length is told exactly (see scalar_length.block_length)."""
        header = block_header(self.text, at)
        if header is None:
            raise _GiveUp  # not a header the parser reads: it says what it is (before counting)
        self._place(col)
        self._node(start)
        text = self.text
        p = _TO_EOL.match(text, at).end()
        parent = self._cont_indent()
        # it ends before the first line with text indented as its parent or less (found by
        # searching for line breaks: a block of millions of lines costs no state per line)
        after = _block_end(parent).search(text, p - 1) if parent >= 0 and p > 0 else None
        end = after.start() + 1 if after else len(text)
        folded, chomp, explicit, _ = header
        kept = self.original if folded and self.separators else None  # (LS, PS: see there)
        size = block_length(text, p, end, parent, folded=folded, chomp=chomp, explicit=explicit, kept=kept)
        if size is None:
            if block_refused(text, p, end, parent, explicit):
                raise _GiveUp  # the parser stops at this value: nothing after it is told
            self.inexact = True  # a length the parser tells
        else:
            self._check_length(start, size, False, True)
        return end
