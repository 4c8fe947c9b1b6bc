"""A quick walk over a zone file's text that refuses an over-limit file before YAML parsing.

Why: the YAML parser hands over one event per value (about 1.3 µs each in the C parser, three
times that with our builder on top), so refusing a polygon of 100,001 points or a chart of
50,000 zones *during* parsing still costs 1–3 s: everything before the item that goes over
is parsed first. This walk follows the same structure (block and flow lists and mappings,
keys, quoted and plain text, comments) with regular expressions, and takes long runs of
simple items (points ``[x, y]``, plain numbers, ``key: value`` lines) in one match each, so
it reaches the 100,001st point or the 10,001st zone in a few milliseconds.

It enforces the limits of `limits.py`, as `yaml_source` does (items per list by kind, values
per document, keys per mapping, the length of a number or a text) and reports exactly what the parser would:
the same message at the same line and column. Where it meets anything it does not model
exactly (complex keys, several documents, nesting beyond the depth limit, anything
malformed) it gives up and the parser decides: it never refuses a file the parser would
accept, and it never reports a position the parser would not. Every line break YAML knows
(CRLF, CR, NEL, LS, PS) and tabs between tokens are read as the parser reads them; block
values (literal and folded) and quoted values over several lines have their exact length
told (scalar_length.py).

Anchors and aliases are followed as the parser's builder counts them: an anchored value
remembers how many values it holds (and whether it is a list, or a list of lists), and an
alias counts that whole size again at the alias, so a file inflated by aliases ("billion
laughs", 50,000 zones each `<<: *common`) is refused here, at the alias that goes over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import limits
from .scalar_length import block_header, block_length, quoted_length

Finding = tuple[int, int, str]  # line, column (1-based), message

_NUM = r"[-+]?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][-+]?[0-9]{1,4})?"
_WS = r"[ \t\n]*+"
_COORD = r"[-+]?[.0-9][-+.0-9eE]{0,48}+"  # a number, or plain text of these characters
_POINT = rf"\[{_WS}{_COORD}{_WS},{_WS}{_COORD}{_WS}\]"
_WORD = r"[A-Za-z0-9_.][A-Za-z0-9_.+\-]{0,60}"  # a plain scalar without any YAML indicator
_GAP = r"(?:[ \t\n]++|(?<=[ \t\n])#[^\n]*+)*+"  # after a flow item's comma: spaces, comments
_FLOW_ITEMS = {  # a run of simple items of a flow list, each followed by its comma
    "points": (_POINT + _WS + "," + _GAP, 3, "["),
    "words": ("-?" + _WORD + _WS + "," + _GAP, 1, ","),
}
_COMMENT = re.compile(r"(?<=[ \t\n])#[^\n]*+")
_SPACES = re.compile(r" *+")
_SPACE = re.compile(r"(?:[ \t\n]++|#[^\n]*+)*+")  # between flow tokens (a '#' there is a comment)
_LINE = re.compile(r"(?:[ \t]*+(?:#[^\n]*+)?+\n)*+( *+)")  # blank and comment lines, indentation
_REST = re.compile(r"[ \t]*+(?:#[^\n]*+)?+(?:\n|\Z)")  # the end of a line: spaces, a comment
_TO_EOL = re.compile(r"[^\n]*+\n?")
_DQ = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.S)
_SQ = re.compile(r"'[^']*+(?:''[^']*+)*+'")
_PROPERTY = re.compile(r"[&!][^ \t\n,\[\]{}]*+[ \t]*+")
# an anchor or alias name as both YAML parsers read it, and what may follow it here
_NAME = re.compile(r"[&*]([0-9A-Za-z_-]++)(?=[ \t\n,\]}]|\Z)")
_LISTS = ("list", "polygon")  # kinds of anchored values that are lists (see _Scan.anchors)
_FLOW_PLAIN = re.compile(r"(?:[^\s:#,\[\]{}]++|(?<![ \t\n])#|[ \t]++(?=[^\s#,\[\]{}:]))++")
_KEY_COLON = re.compile(r"[ \t]*+:(?=[ \t\n]|\Z)")
# line breaks the parser knows besides \n, and tabs (see prescan)
_SAME_WIDTH = ("\t", "\x85", "\u2028", "\u2029")
_SEPARATORS = re.compile("[\u2028\u2029]")  # line breaks that folding keeps as they are
# a tab where the parser refuses one in a block (in the indentation, after '- ', '? ', ': ')
_ODD_TAB = re.compile(r"(?m)^[ ]*+(?:[-?:][ ]++)*+[-?:]?+\t")
_SMALL = 128 * 1024  # the parser refuses a smaller file in a few tenths of a second anyway
_BIG_SCALAR = 1_000_000  # a value this long is costly to parse: report it from here
_AHEAD_FROM = 1000  # a block list with a lower limit is read in no time: not counted ahead


class _GiveUp(Exception):
    """Something this walk does not model exactly: the parser decides."""


class _Refuse(Exception):
    def __init__(self, pos: int, message: str):
        self.pos, self.message = pos, message


@dataclass(slots=True)
class _Coll:
    is_map: bool
    flow: bool
    indent: int  # block collections: the column of their items or keys
    path: tuple | None
    kind: str = "other"
    limit: int = limits.MAX_ITEMS
    count: int = 0  # items of a list
    keys: set = field(default_factory=set)  # keys of a mapping
    key: object = None  # the key whose value comes next (None: a refused key)
    pending: bool = False  # block: a key or '-' given, its value not yet
    state: int = 0  # flow list: 0 item, 1 comma; flow mapping: 0 key, 1 colon, 2 value, 3 comma
    anchor: str | None = None  # the anchor it carries
    before: int = 0  # values counted before it opened (its size is counted from there)
    first_list: bool = False  # its first item is a list (a polygon's first point, a part)


# Whole items of a list, for counting a list's items without reading them (see _Scan._ahead).
# A quote is taken as one only where YAML takes it (at the start of a value); plain text runs
# on through spaces and quotes. Anything else (comments inside a flow list, aliases, tags,
# block scalars, nesting deeper than 6) ends the count early: a count can only come out low.
_QN = r"""(?:"(?:[^"\\]++|\\.)*+"|'(?:[^']++|'')*+')"""
_Q1 = r"""(?:"(?:[^"\\\n]++|\\[^\n])*+"|'(?:[^'\n]++|'')*+')"""
_PLAIN_F = r"""(?:[^\s,\[\]{}#"':&*!|>%@`](?:[^\n,\[\]{}#:]++|:(?![\s,\[\]{}]))*+(?=[,\]}:]|\s*+[^\s"']))"""
_PLAIN_F1 = r"""(?:[^\s,\[\]{}#"':&*!|>%@`](?:[^\n,\[\]{}#:]++|:(?![\s,\[\]{}]))*+(?=[,\]}:]))"""


def _nested(sep: str, quoted: str, plain: str, depth: int = 6) -> str:
    inner = f"(?:{sep}|{quoted}|{plain})*+"
    for _ in range(depth):
        inner = f"(?:{sep}|{quoted}|{plain}|[\\[{{]{inner}[\\]}}])*+"
    return f"[\\[{{]{inner}[\\]}}]"


_F = _nested("[ \\n,:]++", _QN, _PLAIN_F)
_F1 = _nested("[ ,:]++", _Q1, _PLAIN_F1)

_PLAIN_KEY = r"""(?:[^\s"'\[\]{}#&*!|>%@`,?:\-](?:[^\n:#]++|:(?![ \n])|(?<! )#)*+)"""
_PLAIN_VALUE = r"""(?:(?:[^\s"'\[\]{}#&*!|>%@`,?:\-]|[-?:](?=\S))(?:[^\n#]++|(?<! )#)*+)"""
_LINE_BODY = (
    rf"(?:-(?:[ ]++|(?=\n|\Z)))*+(?:(?:{_Q1}|{_PLAIN_KEY})[ ]*+:(?:[ ]++|(?=\n|\Z)))?+"
    r"(?:&[0-9A-Za-z_-]++(?:[ ]++|(?=\n|\Z)))?+"  # an anchor
    rf"(?:{_Q1}|{_F1}|\*[0-9A-Za-z_-]++|{_PLAIN_VALUE})?+[ ]*+(?:#[^\n]*+)?+(?:\n|\Z)"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled once, when a large file first needs them (compiling costs ~30 ms)."""
    return {
        "flow item": re.compile(rf"[ \n]*+(?:[ \n:]++|{_QN}|{_PLAIN_F}|{_F})*+", re.S),
        "line": re.compile(_LINE_BODY),
    }


def _marks(text: str, start: int, end: int, mark: str) -> int:
    """How often `mark` stands in a run of flow items, not counting the comments in it (the
    items of a run hold no '#')."""
    found = text.count(mark, start, end)
    if text.find("#", start, end) >= 0:
        found -= sum(comment.count(mark) for comment in _COMMENT.findall(text, start, end))
    return found


def _line_over_lines(indent: int | None) -> str:
    """A line whose value may run over several lines (quoted text, a flow collection with
    comments), after any properties (anchors, tags), none of whose lines could be taken for an
    item of the block list at `indent` (a line that starts with '-' there): the items of
    that list are counted by finding those lines, so none may be inside a value. With
    `indent` None, any line may be inside it (see _Scan._skip_value)."""
    line = r"\n" if indent is None else rf"\n(?! {{{indent}}}-)"  # a line break inside a value
    quoted = rf"""(?:"(?:[^"\\\n]++|\\[^\n]|\\?{line})*+"|'(?:[^'\n]++|''|{line})*+')"""
    flow = _nested(rf"(?:[ ,:]|{line}|(?<=[ \n])#[^\n]*+)++", quoted, _PLAIN_F)
    return (
        rf"(?:-(?:[ ]++|(?=\n|\Z)))*+(?:(?:{_Q1}|{_PLAIN_KEY})[ ]*+:(?:[ ]++|(?=\n|\Z)))?+"
        r"(?:(?:&[0-9A-Za-z_-]++|![^ \n,\[\]{}]*+)(?:[ ]++|(?=\n|\Z)))*+"  # anchors, tags
        rf"(?:{quoted}|{flow}|\*[0-9A-Za-z_-]++|{_PLAIN_VALUE})?+[ ]*+(?:#[^\n]*+)?+(?:\n|\Z)"
    )


@cache
def _block_list_lines(indent: int) -> re.Pattern[str]:
    """The lines of a block list at `indent` after its first: blank and comment lines, lines
    indented deeper, and its own '-' lines (a line without quotes or brackets whatever it
    holds; values over several lines that hide no line of the list's)."""
    # a line without quotes or brackets, or with one-line "text" where a value starts
    simple = r"""(?:[^\n"'\[\]{}]++|(?<=: |- )"[^"\\\n]*+")*+(?:\n|\Z)"""
    line = rf"(?:{simple}|{_LINE_BODY}|{_line_over_lines(indent)})"
    return re.compile(
        rf"(?:[ ]*+(?:#[^\n]*+)?+\n| {{{indent + 1},}}+(?! ){line}| {{{indent}}}(?=-[ \n]){line})*+"
    )


@cache
def _free_line(indent: int) -> re.Pattern[str]:
    """A line of a block list at `indent` (deeper, or one of its '-' lines) whose value runs
    over several lines, whatever those lines hold."""
    line = _line_over_lines(None)
    return re.compile(rf"(?: {{{indent + 1},}}+(?! )| {{{indent}}}(?=-[ \n])){line}")


# the start of a line that holds a key (group 1) or is an item ('- '): where its key starts
_KEY_OR_ITEM = re.compile(
    r"""[ ]*+(?:-[ ]++)*+(?=(["'][^\n]*?["']|[^\s"'#:\[\]{}&*!|>%@`?-][^\n:#]*?)[ ]*+:(?:[ ]|$))"""
    r"|[ ]*+(?:-[ ]++)++(?=[^ ])",
    re.M,
)
# the header of a block value ('|', '>'), or text that may be one: its lines may hold quotes
_MAYBE_HEADER = re.compile(r"[|>][-+0-9]*+[ ]*+(?:#[^\n]*+)?+\n")


@cache
def _run_keys(indent: int) -> re.Pattern[str]:
    """The keys of a run of `key: value` lines at `indent` (see _block_items)."""
    return re.compile(rf"(?m)^ {{{indent}}}([A-Za-z_][A-Za-z0-9_\-]*):")


@cache
def _open_key_line(indent: int) -> re.Pattern[str]:
    """A `key:` line at `indent` with nothing after the colon (its value is below)."""
    return re.compile(rf" {{{indent}}}([A-Za-z_][A-Za-z0-9_\-]{{0,60}}):[ ]*+(?:#[^\n]*+)?+\n")


@cache
def _block_items(indent: int, what: str) -> tuple[str, int]:
    """A run of simple one-line items of a block list or mapping at `indent`."""
    pad = " " * indent
    end = r"[ \t]*+(?:#[^\n]*+)?+\n"  # a comment may follow
    if what == "points":
        item, nodes = rf"{pad}-[ \t]++{_POINT}{end}", 3
    elif what == "compact points":
        item, nodes = rf"{pad}-[ \t]++-[ \t]++{_NUM}{end}{pad}  -[ \t]++{_NUM}{end}", 3
    elif what == "words":
        item, nodes = rf"{pad}-[ \t]++-?{_WORD}{end}", 1
    else:  # key: value lines
        value = r"""(?:[A-Za-z0-9_(][^\n#:"'\[\]{},]{0,90}+|"[^"\\\n]{0,90}+"|'[^'\n]{0,90}+')"""
        item, nodes = rf"{pad}[A-Za-z_][A-Za-z0-9_\-]{{0,60}}:[ \t]++{value}{end}", 2
    return item, nodes


def _numberish(value: str) -> bool:
    """limits.NUMBERISH.fullmatch(value)."""
    return limits.NUMBERISH.fullmatch(value) is not None


def _block_plain(text: str, p: int) -> str:
    """The plain value that starts at `p` in a block: to the end of the line, a ': ' or a ' #'
    (found with str.find: a value of 32 MB costs milliseconds, not seconds)."""
    eol = text.find("\n", p)
    eol = len(text) if eol < 0 else eol
    stop = text.find(": ", p, eol)
    stop = eol if stop < 0 else stop
    if stop == eol and eol > p and text[eol - 1] == ":":
        stop = eol - 1
    comment = text.find(" #", p, stop)
    return text[p : stop if comment < 0 else comment].rstrip(" ")


def prescan(text: str) -> list[Finding] | None:
    """Findings (line, column, message) the parser would report, or None: nothing found, or
    nothing this walk can be sure of. A limit refusal is the only finding; long values are
    reported (all of them) only when one is long enough to make parsing costly."""
    if len(text) < _SMALL:
        return None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark: not part of the text (the parser's columns skip it)
    if "\r" in text:  # CRLF and a lone CR are one line break each to the parser, as LF is:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # the same lines and columns
    original = text
    if any(odd in text for odd in _SAME_WIDTH):  # (a search for each: memchr, not a regex)
        # NEL, LS and PS are line breaks to the parser, everywhere (lines and columns count
        # them as '\n'); a tab is a space wherever the parser accepts one (between tokens, in
        # text, after a block's indentation); each is one character, as what replaces it.
        # What still differs is told by _Scan.original: keys, and folding beside LS or PS.
        for odd in ("\x85", "\u2028", "\u2029"):
            text = text.replace(odd, "\n")
        text = text.replace("\t", " ")
    scan = _Scan(text, original)
    try:
        scan.run()
    except _GiveUp:
        return None
    except _Refuse as refusal:
        found = [(refusal.pos, refusal.message)]
    else:
        if scan.inexact or not scan.big or not scan.errors:
            return None
        found = scan.errors
    odd = _ODD_TAB.search(original) if scan.tabs else None
    if odd is not None and found[0][0] >= odd.start():
        return None  # the parser may stop at that tab first, with its own message
    return [(*scan.where(pos), message) for pos, message in found]


@cache
def _block_end(parent: int) -> re.Pattern[str]:
    return re.compile(rf"\n(?= {{0,{parent}}}+[^ \n])")


class _Scan:
    def __init__(self, text: str, original: str | None = None):
        self.text = text
        self.original = text if original is None else original  # tabs, NEL, LS, PS as written
        self.tabs = "\t" in self.original
        self.separators = "\u2028" in self.original or "\u2029" in self.original
        self.stack: list[_Coll] = []
        self.nodes = 0
        self.root_pending = True
        self.started = False
        self.directives = False  # %YAML or %TAG lines before the document's '---'
        self.cont: int | None = None  # lines indented more than this continue a plain value
        self.held: tuple[int, str] | None = None  # a long plain value that may continue
        self.errors: list[tuple[int, str]] = []
        self.inexact = False  # a long value whose length this walk cannot tell exactly
        self.big = False
        self.limits = limits.list_limits()
        self.text_limit = limits.max_text_chars()
        # anchor -> (values it holds, "scalar" | "map" | "list" | "polygon": a list of lists)
        self.anchors: dict[str, tuple[int, str]] = {}
        self.aliases = 0  # aliases met: the parser's message on too many values says so
        self.carry: tuple[int, str] | None = None  # an anchor alone on its line, and where

    def _too_many(self, pos: int) -> _Refuse:
        return _Refuse(pos, limits.too_many_values(aliases=bool(self.aliases)))

    def where(self, pos: int) -> tuple[int, int]:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return self.text.count("\n", 0, pos) + 1, pos - line_start + 1

    # ---- counting, as yaml_source._Builder does ----------------------------------------

    def _node(
        self, pos: int, is_list: bool = False, is_map: bool = False, size: int = 1, alias: str = ""
    ) -> tuple | None:
        """A value starts at `pos`: count it against the document and its list; its path.
        An alias (`alias`: the kind of value it stands for) counts the `size` of its value."""
        self.nodes += size
        if self.nodes > limits.MAX_NODES:
            raise self._too_many(pos)
        if is_list or is_map:
            if len(self.stack) >= limits.MAX_DEPTH:
                raise _GiveUp
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if not parent.is_map:
            if parent.count >= parent.limit:
                raise _Refuse(pos, self._over(parent))
            parent.count += 1
            listish = is_list or alias in _LISTS
            if listish and parent.count == 1:
                parent.first_list = True
                if len(self.stack) >= 2:
                    grand = self.stack[-2]
                    if not grand.is_map and grand.kind == "polygon" and grand.count == 1:
                        grand.kind = "parts"  # a zone's list of parts (see _Builder._add)
                        grand.limit = self.limits["parts"][0]
            if alias == "polygon" and parent.count == 1 and parent.kind == "polygon":
                parent.kind = "parts"  # its first item stands for a list of points: a part
                parent.limit = self.limits["parts"][0]
            return None if parent.path is None else parent.path + (parent.count - 1,)
        if parent.key is None or parent.path is None:
            return None
        return parent.path + (parent.key,)

    def _over(self, parent: _Coll) -> str:
        return limits.over_limit(parent.kind)  # as the parser says it (translated)

    def _open(self, pos: int, is_map: bool, flow: bool, indent: int, anchor: str | None = None) -> _Coll:
        before = self.nodes
        path = self._node(pos, is_list=not is_map, is_map=is_map)
        coll = _Coll(is_map, flow, indent, path, anchor=anchor, before=before)
        if not is_map:
            coll.kind = limits.list_kind(path if path is not None else ())
            coll.limit = self.limits[coll.kind][0]
        self.stack.append(coll)
        return coll

    def _pop(self) -> None:
        """The collection on top of the stack ends; an anchor on it remembers its size."""
        coll = self.stack.pop()
        if coll.anchor is not None:
            kind = "map" if coll.is_map else "polygon" if coll.first_list else "list"
            self.anchors[coll.anchor] = (self.nodes - coll.before, kind)

    def _alias(self, pos: int, name: str) -> None:
        """An alias: one item of its list, and as many values as its anchor's value holds."""
        if name not in self.anchors:
            raise _GiveUp  # an unknown alias: the parser says so
        size, kind = self.anchors[name]
        self.aliases += 1
        self._node(pos, size=size, alias=kind)

    def _key(self, pos: int, key: str | None, merge: bool = False) -> None:
        """A key of the mapping on top of the stack (None: one whose text is not exact;
        `merge`: the plain key '<<', which the parser refuses without counting it a key)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise self._too_many(pos)
        coll = self.stack[-1]
        if key is None:
            raise _GiveUp  # a key over two lines, or with escapes
        if self.tabs and " " in key:  # a tab in it was read as a space: the key as written
            start = pos + 1 if self.text[pos] in "\"'" else pos
            key = self.original[start : start + len(key)]
        if merge and key == "<<":
            coll.key = None  # an error the parser reports; its value has no path
            return
        if key in coll.keys or len(key) > limits.MAX_NUMBER_CHARS:
            coll.key = None  # an error the parser reports; its value has no path
            if len(key) > limits.MAX_NUMBER_CHARS:
                raise _GiveUp
            return
        if len(coll.keys) >= limits.MAX_KEYS:
            raise _Refuse(pos, limits.too_many_keys())
        coll.keys.add(key)
        coll.key = key

    def _scalar(self, pos: int, size: int, plain: bool, exact: bool, value: str = "") -> None:
        self._node(pos)
        self._check_length(pos, size, plain, exact, value)

    def _check_length(self, pos: int, size: int, plain: bool, exact: bool, value: str = "") -> None:
        """The parser's limits on a value's length (see yaml_source._Builder._long_scalar)."""
        if size <= limits.MAX_NUMBER_CHARS:
            return
        if size > _BIG_SCALAR:
            self.big = True
        if not exact:
            self.inexact = True
        elif plain and _numberish(value):
            self.errors.append((pos, limits.number_too_long(size)))
        elif size > self.text_limit:
            self.errors.append((pos, limits.text_too_long(size, self.text_limit)))

    def _null(self) -> None:
        """An empty value (`key:` or `-` with nothing after it)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise _GiveUp  # the parser places an empty value where this walk cannot tell
        if self.stack and not self.stack[-1].is_map:
            coll = self.stack[-1]
            if coll.count >= coll.limit:
                raise _GiveUp
            coll.count += 1

    # ---- block structure --------------------------------------------------------------

    def run(self) -> None:
        text, end = self.text, len(self.text)
        p = 0
        while True:
            m = _LINE.match(text, p)
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
                if self.held is not None:
                    self.held = None
                    self.inexact = True  # a long plain value continues: its length is not exact
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
            kinds = {"[": ("points",), "-": ("compact points", "words")}.get(after, ("words",))
        for what in kinds:
            item, per = _block_items(indent, what)
            run_end = _run(item, text, line)
            if run_end == line:
                continue
            lines = text.count("\n", line, run_end)
            items = lines // 2 if what == "compact points" else lines
            if dash:
                room = top.limit - top.count
            else:
                room = limits.MAX_KEYS - len(top.keys)
            take = min(items, room, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return False
            stop = run_end if take == items else _run(item, text, line, take)
            if not dash:
                keys = _run_keys(indent).findall(text, line, stop)
                fresh = set(keys)
                if len(fresh) != len(keys) or fresh & top.keys:
                    return False  # a duplicate key: the parser reports it (and drops its value)
                top.keys |= fresh
                top.key = keys[-1]
            else:
                top.count += take
            self.nodes += per * take
            self._run_end = stop
            self.cont = indent  # the last value may continue on more indented lines
            if not dash and take == items:
                self._open_key(stop, indent, top)
            return True
        return False

    def _first_items(self, p: int, indent: int, top: _Coll) -> bool:
        """A block list that is the value of the key above it (its first '-' at `p`) and
        starts with a run of simple items: opened, and the run taken at once."""
        text = self.text
        if len(self.stack) >= limits.MAX_DEPTH - 1:
            return False  # its items may be nested too deep: read them one by one
        value = _SPACES.match(text, p + 1).end()
        kinds = {"[": ("points",), "-": ("compact points", "words")}.get(text[value : value + 1], ("words",))
        line = p - indent
        for what in kinds:
            item, per = _block_items(indent, what)
            run_end = _run(item, text, line)
            if run_end == line:
                continue
            top.pending = False
            coll = self._open(p, is_map=False, flow=False, indent=indent)
            self._block_ahead(p, indent, coll)
            lines = text.count("\n", line, run_end)
            items = lines // 2 if what == "compact points" else lines
            take = min(items, coll.limit, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return False  # the line is read as the list's first item, as usual
            coll.count = take
            coll.first_list = what != "words"  # its first item is a point (a list)
            self.nodes += per * take
            self._run_end = run_end if take == items else _run(item, text, line, take)
            self.cont = indent  # the last value may continue on more indented lines
            return True
        return False

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

    def _empty_anchored(self) -> None:
        """An anchor alone on its line whose value never came: an empty value (one value)."""
        assert self.carry is not None
        self.anchors[self.carry[1]] = (1, "scalar")
        self.carry = None

    def _anchored(self, anchor: str | None) -> None:
        """A scalar value carrying `anchor` has been counted: an alias to it counts one."""
        if anchor is not None:
            self.anchors[anchor] = (1, "scalar")

    def _block_line(self, p: int, line_start: int) -> int:
        """Reads the indicators and the value on one line; returns where the next line starts."""
        text, end = self.text, len(self.text)
        after_key = False
        props: int | None = None  # where a value's anchor or tag starts
        anchor: str | None = None
        carried: int | None = None  # props carried over from the line before (an anchor)
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
                elif self._expecting(col, seq=True):
                    if top is not None:
                        top.pending = False
                    else:
                        self.root_pending = False
                    coll = self._open(p if carried is None else carried, False, False, col, anchor)
                    props = carried = anchor = None
                    coll.pending = True
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
                m = _PROPERTY.match(text, p)
                props = p if props is None else props
                if c == "&":
                    name = _NAME.match(text, p)
                    if name is None or anchor is not None:
                        raise _GiveUp  # a name the parser reads otherwise, or two anchors
                    anchor = name.group(1)
                p = m.end()
                if _REST.match(text, p):
                    if anchor is None or "!" in text[props:p]:
                        raise _GiveUp  # a tag for a value on the next line
                    self.carry = (props, anchor)  # the value (a list, a mapping) comes next
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
                p = self._flow(p, start, anchor)
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
                self._scalar(start, size, False, exact)
            else:
                self._node(start)
            self._anchored(anchor)
            if not quoted and len(key) > limits.MAX_NUMBER_CHARS:
                if props is not None:
                    self.inexact = True
                else:
                    self.held = (start, key)  # checked once we know it does not continue
            self.cont = self._cont_indent()
            return rest.end()

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
            if anchor is not None:
                raise _GiveUp
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
        self._place(col)
        self._node(start)
        text = self.text
        p = _TO_EOL.match(text, at).end()
        parent = self._cont_indent()
        # it ends before the first line with text indented as its parent or less (found by
        # searching for line breaks: a block of millions of lines costs no state per line)
        after = _block_end(parent).search(text, p - 1) if parent >= 0 and p > 0 else None
        end = after.start() + 1 if after else len(text)
        header = block_header(text, at)
        size = None
        if header is not None and not (
            header[0] and self.separators and _SEPARATORS.search(self.original, p, end)
        ):
            folded, chomp, explicit, _ = header
            size = block_length(text, p, end, parent, folded=folded, chomp=chomp, explicit=explicit)
        if size is None:
            self.inexact = True  # a length the parser tells
        else:
            self._check_length(start, size, False, True)
        return end

    def _quoted(self, m: re.Match[str]) -> tuple[str | None, int, bool]:
        """A quoted value matched by `m`: its text if it is that as written (a key), its
        length and whether that length is exact."""
        inner = m.group()[1:-1]
        double = m.group().startswith('"')
        if "\n" not in inner and ("\\" not in inner if double else "''" not in inner):
            return inner, len(inner), True
        if len(inner) <= limits.MAX_NUMBER_CHARS:
            return None, len(inner), True  # no shorter than its value: within every limit
        if self.separators and "\n" in inner and _SEPARATORS.search(self.original, m.start(), m.end()):
            return None, len(inner), False  # folding keeps LS and PS as they are
        size = quoted_length(inner, double)
        return None, len(inner) if size is None else size, size is not None

    # ---- flow structure ---------------------------------------------------------------

    def _flow(self, p: int, start: int, anchor: str | None = None) -> int:
        """Reads one flow collection from its opening bracket (carrying `anchor`); returns
        the position after it."""
        text, end = self.text, len(self.text)
        base = len(self.stack)
        coll = self._open(start, is_map=text[p] == "{", flow=True, indent=-1, anchor=anchor)
        if not coll.is_map:
            self._flow_ahead(p + 1, coll)
        p += 1
        props: int | None = None
        anchor = None
        while True:
            p = _SPACE.match(text, p).end()
            if p >= end:
                raise _GiveUp
            c = text[p]
            top = self.stack[-1]
            if c in "]}":
                if (
                    props is not None
                    or c != ("}" if top.is_map else "]")
                    or (top.is_map and top.state in (1, 2))
                ):
                    raise _GiveUp
                self._pop()
                p += 1
                if len(self.stack) == base:
                    return p
                self._after_value()
                continue
            if c == ",":
                if props is not None or top.state != (3 if top.is_map else 1):
                    raise _GiveUp
                top.state = 0
                p += 1
                if not top.is_map:
                    p = _SPACE.match(text, p).end()
                    p = self._flow_run(p, top)
                continue
            if c == ":":
                if not top.is_map or top.state != 1 or props is not None:
                    raise _GiveUp
                top.state = 2
                p += 1
                continue
            expecting_key = top.is_map and top.state == 0
            if top.state not in ((0, 2) if top.is_map else (0,)):
                raise _GiveUp
            if c in "&!":
                props = p if props is None else props
                if c == "!":
                    self.inexact = True
                else:
                    name = _NAME.match(text, p)
                    if name is None or anchor is not None:
                        raise _GiveUp  # a name the parser reads otherwise, or two anchors
                    anchor = name.group(1)
                p = _PROPERTY.match(text, p).end()
                continue
            if c == "*":
                name = _NAME.match(text, p)
                if props is not None or expecting_key or name is None:
                    raise _GiveUp  # an alias with properties, as a key, or a name read otherwise
                p = name.end()
                if text.startswith(":", _SPACE.match(text, p).end()):
                    raise _GiveUp  # a single-pair mapping inside a list
                self._alias(name.start(), name.group(1))
                self._after_value()
                continue
            node_start = props if props is not None else p
            if c in "[{":
                if expecting_key:
                    raise _GiveUp
                props = None
                coll = self._open(node_start, is_map=c == "{", flow=True, indent=-1, anchor=anchor)
                anchor = None
                if not coll.is_map:
                    self._flow_ahead(p + 1, coll)
                p += 1
                continue
            if c in "\"'":
                m = (_DQ if c == '"' else _SQ).match(text, p)
                if not m:
                    raise _GiveUp
                key, size, exact = self._quoted(m)
                p = m.end()
                if expecting_key:
                    if props is not None:
                        raise _GiveUp
                    self._key(node_start, key)
                    top.state = 1
                    continue
                if not top.is_map and text.startswith(":", _SPACE.match(text, p).end()):
                    raise _GiveUp  # a single-pair mapping inside a list
                props = None
                self._scalar(node_start, size, False, exact)
                self._anchored(anchor)
                anchor = None
                self._after_value()
                continue
            if c in "*?-:|>@`%#" and not (c in "-?:" and p + 1 < end and text[p + 1] not in " \t\n,[]{}"):
                raise _GiveUp
            m = _FLOW_PLAIN.match(text, p)
            if not m:
                raise _GiveUp
            value = m.group()
            p = m.end()
            if text.startswith(":", p) and not (expecting_key and p + 1 < end and text[p + 1] in " \t\n"):
                raise _GiveUp  # "a:b" is one value to the parser; "[a: b]" a mapping
            if expecting_key:
                if props is not None:
                    raise _GiveUp
                self._key(node_start, value, merge=True)
                top.state = 1
                continue
            self._scalar(node_start, len(value), props is None, props is None, value)
            self._anchored(anchor)
            props = anchor = None
            self._after_value()

    # ---- counting a list's items ahead ---------------------------------------------------

    def _countable(self, coll: _Coll, first: int) -> bool:
        """Whether counting ahead can tell the limit: a list that may turn out to be a zone's
        list of parts (its first item a list of lists) has the lower limit of parts."""
        if coll.kind != "polygon":
            return True
        return bool(re.compile(rf"(?:-[ ]++)?\[?[ \n]*+(?:-[ ]++)?{_NUM}").match(self.text, first))

    def _flow_ahead(self, p: int, coll: _Coll) -> None:
        """Counts the items of a flow list from its first; refuses at the one over the limit.
        Runs of simple items (points, plain values) are counted in one match each."""
        text, end, room = self.text, len(self.text), coll.limit
        items = 0
        while True:
            if items:
                p = _SPACE.match(text, p).end()
                for item, _, mark in _FLOW_ITEMS.values():
                    run_end = _run(item, text, p)
                    if run_end > p:
                        run = _marks(text, p, run_end, mark)
                        if items + run > room:
                            p = _run(item, text, p, room - items)
                            items = room
                        else:
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
                if self._values_first(coll):
                    return
                raise _Refuse(start, self._over(coll))
            if text[q] == "]":
                return
            p = q + 1

    def _block_ahead(self, dash: int, indent: int, coll: _Coll) -> None:
        """Counts the items of a block list from its first ('-' at `dash`); refuses at the
        one over the limit. Its '-' lines are found by searching, between lines that hold
        values over several lines (see _skip_value), which are stepped over one by one."""
        text = self.text
        if not _AHEAD_FROM < coll.limit < limits.MAX_ITEMS:
            # a short list is read in no time; points and plain values are taken in runs
            return
        first = _patterns()["line"].match(text, dash) or _free_line(indent).match(text, dash)
        if not first:
            return
        marker = "\n" + " " * indent + "-"
        lines = _block_list_lines(indent)
        items, p, item = 1, first.end(), dash  # items so far, where to go on, the last item
        at = _nth(text, marker, p - 1, coll.limit)  # the '-' line that would go over the limit
        while at >= 0:
            stop = lines.match(text, p, at + 1).end()  # its own lines, and values that hide none
            if stop == at + 1:
                self._refuse_item(at + 1, indent, coll)
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
                    self._refuse_item(stop, indent, coll)
                    return
            # the '-' lines found between `p` and `at` still count, but for those inside the
            # value just stepped over: as many more are found after `at`
            hidden = text.count(marker, stop, skip - 2 + len(marker))
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

    def _refuse_item(self, line: int, indent: int, coll: _Coll) -> None:
        """Refuses the item of `coll` whose '-' line starts at `line`, where its value starts
        (on the line below for '- # a comment'), unless the parser stops before it."""
        text = self.text
        node = line + indent + 1
        while node < len(text) and text[node] == " ":
            node += 1
        if node < len(text) and text[node] in "\n#":  # the item's value is on a later line
            below = _LINE.match(text, _TO_EOL.match(text, node).end())
            if len(below.group(1)) <= indent:
                return  # an empty item: the parser decides
            node = below.end()
        if node >= len(text):
            return
        if not self._values_first(coll):
            raise _Refuse(node, self._over(coll))

    def _values_first(self, coll: _Coll) -> bool:
        """Whether the parser surely stops at the limit on values before it reaches the item
        of `coll` counted ahead as over its limit (each item before it holds one value or
        more): then the walk reads on, item by item, to where the parser stops."""
        return self.nodes + coll.limit + 1 > limits.MAX_NODES

    def _after_value(self) -> None:
        top = self.stack[-1]
        top.state = 3 if top.is_map else 1

    def _flow_run(self, p: int, top: _Coll) -> int:
        """Takes a run of simple items of a flow list (points, plain words) at once."""
        text = self.text
        for item, per, mark in _FLOW_ITEMS.values():
            run_end = _run(item, text, p)
            if run_end == p:
                continue
            items = _marks(text, p, run_end, mark)
            take = min(items, top.limit - top.count, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return p
            stop = run_end if take == items else _run(item, text, p, take)
            top.count += take
            self.nodes += per * take
            return stop
        return p


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
