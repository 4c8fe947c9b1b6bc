"""Whole items and lines of a list, for counting a list's items without reading them (see
ahead.py)."""

from __future__ import annotations

import re
from functools import cache

from . import tuning

# Whole items of a list, for counting a list's items without reading them (see _Scan._ahead).
# A quote is taken as one only where YAML takes it (at the start of a value); plain text runs
# on through spaces and quotes; a tag is stepped over. Anything else (comments inside a flow list, aliases,
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


_TAG = r"![^\s,\[\]{}]*+(?=[ \n])"  # a tag before a value: no item of its own
_ALIAS = r"\*[0-9A-Za-z_-]++(?=[ \n,\]}])"  # an alias inside a flow collection: one item
_F = _nested(rf"[ \n,:]++|{_TAG}", _QN, _PLAIN_F)
_F1 = _nested("[ ,:]++", _Q1, rf"{_PLAIN_F1}|{_ALIAS}")

_PLAIN_KEY = r"""(?:[^\s"'\[\]{}#&*!|>%@`,?:\-](?:[^\n:#]++|:(?![ \n])|(?<! )#)*+)"""
_PLAIN_VALUE = r"""(?:(?:[^\s"'\[\]{}#&*!|>%@`,?:\-]|[-?:](?=\S))(?:[^\n#]++|(?<! )#)*+)"""
# the indicators a line may start with: items, explicit keys and their values
_INDICATORS = r"(?:[-?:](?:[ ]++|(?=\n|\Z)))*+"
_LINE_BODY = (
    rf"{_INDICATORS}(?:(?:{_Q1}|{_PLAIN_KEY})[ ]*+:(?:[ ]++|(?=\n|\Z)))?+"
    r"(?:&[0-9A-Za-z_-]++(?:[ ]++|(?=\n|\Z)))?+"  # an anchor
    rf"(?:{_Q1}|{_F1}|\*[0-9A-Za-z_-]++|{_PLAIN_VALUE})?+[ ]*+(?:#[^\n]*+)?+(?:\n|\Z)"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled once, when a large file first needs them (compiling costs ~30 ms)."""
    return {
        "flow item": re.compile(rf"[ \n]*+(?:[ \n:]++|{_TAG}|{_QN}|{_PLAIN_F}|{_F})*+", re.S),
        "line": re.compile(_LINE_BODY),
    }


def _line_over_lines(indent: int | None) -> str:
    """A line whose value may run over several lines (quoted text, a flow collection with
    comments), after any properties (anchors, tags), none of whose lines could be taken for an
    item of the block list at `indent` (a line that starts with '-' there): the items of
    that list are counted by finding those lines, so none may be inside a value. With
    `indent` None, any line may be inside it (see _Scan._skip_value)."""
    line = r"\n" if indent is None else rf"\n(?! {{{indent}}}-)"  # a line break inside a value
    quoted = rf"""(?:"(?:[^"\\\n]++|\\[^\n]|\\?{line})*+"|'(?:[^'\n]++|''|{line})*+')"""
    flow = _nested(rf"(?:[ ,:]|{line}|(?<=[ \n])#[^\n]*+)++", quoted, rf"{_PLAIN_F}|{_ALIAS}")
    return (
        rf"{_INDICATORS}(?:(?:{_Q1}|{_PLAIN_KEY})[ ]*+:(?:[ ]++|(?=\n|\Z)))?+"
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


# Lines of items counted ahead the parser may stop at, with a syntax error of its own before
# the item over the limit (the walk would have named the limit instead). Counting ahead reads
# no line: these few searches over the items' text find every kind met so far, and more (a
# quoted ': ' is taken for one too: the walk then reads on, item by item, which costs only time).
_S_KEY = r"""(?:"[^"\n]*+"|'[^'\n]*+'|[^\s"'\[\]{}#&*!|>%@`,?:-](?:[^\n:]++|:(?![ \n]))*+)[ ]*+:"""
_S_PLAIN = r"""[ ]++(?!["'\[{|>&*!#])[^ \n]"""  # a key's value on its line, plain text
_S_TO_COLON = r"(?:[^\n:]++|:(?![ \n]))*+:(?=[ \n])"  # the rest of a line up to a ': ' in it
_S_BLANKS = r"(?:[ ]*+(?:#[^\n]*+)?+\n)*+"  # blank and comment lines
_S_BLOCK_HEADER = r"[|>][-+0-9]*+[ ]*+(?:#[^\n]*+)?+"  # a block value's header, to its line's end


# the rest of a plain value's line, its deeper lines (`deeper`: their indentation), up to a
# comment (on a line of its own or after the text), blank and comment lines, and a deeper line
def _s_commented(deeper: str, rest: str = r"(?:[^\n#]|(?<! )#)") -> str:
    """The rest of a plain value's line (each character: `rest`), its deeper lines (their
    indentation: `deeper`) up to a comment, on a line of its own or after the text (which ends
    the value), blank and comment lines, and a line as deep: no more of the value, and no key."""
    return (
        rf"{rest}*+(?:\n(?:{deeper}(?:[^\n#]|(?<! )#)++)?+)*?"
        rf"(?:(?<=[ ])#|\n[ ]*+#)[^\n]*+\n(?:[ ]*+(?:#[^\n]*+)?+\n)*+{deeper}[^ \n#]"
    )


# a plain value in a flow collection, then spaces and a '[' or '{': the parser wants a ',' or
# the collection's end there ('[a b [1]]'; on a line of a collection over lines, 'x: y [1]]',
# taken to be one where the bracket's collection ends and a ']', '}' or ',' follows it: the
# same text as a block value is text, and the walk reads on, which costs only time)
_S_FLOW_WORD = (
    r"""(?:[^\s,\[\]{}#"':&*!|>%@`?-]|[-?:](?=[^\s,\[\]{}]))"""
    r"(?:(?:[^\n,\[\]{}#:]|:(?![\s,\[\]{}]))*?[^ \n,\[\]{}:])?"
)
# a key too long for the parser (1,024 characters at most), from its line's start
_S_LONG_KEY = r"""[ ]*+(?:[-?][ ]++)*+(?:[^\s\[\]{}#"'][^\n:]{1023,}|"[^"\n]{1023,}"|'[^'\n]{1023,}')[ ]*+:"""
# (each from a line's start: the search runs from '\n' to '\n'): within one line,
_S_TAG_CHAR = r"[0-9A-Za-z\-;/?:@&=+$,_.~*'()\[\]]"  # what a tag may hold (a '%' escape: suspect)
_S_TAG = rf"(?:!!{_S_TAG_CHAR}++|!(?!!){_S_TAG_CHAR}*+)"  # a tag the parser reads (no '!' inside)
_S_ONE_LINE = (
    rf"[ ]*+(?:[-?:][ ]++)*+(?:{_S_KEY}[ ]++)?+(?:&[0-9A-Za-z_-]++[ ]++|{_S_TAG}[ ]++)*+(?:"
    r"[@`%,\]}]"  # a value no value starts with
    r"|[\[{][ ]*+[@`%,]"  # nor a flow collection's first value
    r"|[&*](?![0-9A-Za-z_-])"  # an anchor or alias without a name
    r"|[&*][0-9A-Za-z_-]++[^ \n0-9A-Za-z_-]"  # an anchor or alias, then no space
    r"|!!(?![^ \n,\[\]{}])"  # a tag without a suffix
    rf"|!!?+{_S_TAG_CHAR}*+[^ \n{_S_TAG_CHAR[1:-1]}]"  # a tag with a character no tag holds
    r"|[|>](?![-+]?+[1-9]?+[-+]?+[ ]*+(?:#[^\n]*+)?+(?:\n|\Z))"  # a block value's header that is none
    rf"|{_Q1}[^ \n:,\]}}#]"  # text right after quoted text
    rf"|{_Q1}[ ]*+:[^ \n]"  # a quoted key with no space after its ':'
    rf"|{_Q1}[ ]++[^ \n:,\]}}#]"  # text after quoted text and spaces
    r")"
    r"|[ ]*+(?:-[ ]++)++:(?=[ \n]|\Z)"  # a value with no key in an item (see too _colon_without_key)
    rf"|[ ]*+(?:[-?][ ]++)*+{_S_KEY}[ ]++:(?=[ \n]|\Z)"  # and after a key's ':' ('k: : v')
    rf"|[^\n]*?[\[{{,][ ]*+{_Q1}[ ]*+[^ \n:,\]}}#]"  # text after quoted text in a flow collection
    r"|[^\n]*?[\[{,][ ]*+,"  # a value missing in a flow collection (or plain text that looks so)
    r"|[^\n]*?[\[{,][ ]*+:"  # a ':' with no key in a flow collection (or plain text that looks so)
    r"|[^\n]*?[\]}][^ \n,\]}:#]"  # text right after a flow collection (or text that looks so)
    # a plain key in a flow collection with a '[', '{', ']', '}' or ',' right after its ':'
    r"|[^\n]*?[\[{,][^\n\[\]{},#\"']*?[^ \n\[\]{},\"']:[,\[\]{}]"
    rf"|[^\n]*?(?:[\[{{,]|(?<=\n)|:(?=[ ]))[ ]*+{_S_FLOW_WORD}[ ]++[\[{{][^\n]*?[\]}}][ ]*+[\]}},]"
    # ': ' in a plain value (a key's, maybe after an anchor or a tag: '&a x: y{id: z}')
    rf"|[ ]*+(?:[-?][ ]++)*+(?:&[0-9A-Za-z_-]++[ ]++|{_S_TAG}[ ]++)*+{_S_KEY}{_S_PLAIN}{_S_TO_COLON}"
    rf"|{_S_LONG_KEY}"  # a key too long for the parser (1,024 characters at most)
)
# and on a line and the next one but blank and comment lines: a key with a plain value, then
# a line deeper than the key holding ': ' (read as more of the value), or a '-' or a ':' at
# the key's column (no list or value can follow a value)
_DEEPER_4, _DEEPER_5, _DEEPER_6 = r"\4[ ]++", r"\5[ ]{3,}", r"\6[ ]++"
_S_PLAIN_ITEM = r"""(?![-?:"'\[{|>&*!#%@`])"""  # an item's value that is plain text
_S_PLAIN_BELOW = r"""(?![-?:][ \n]|["'\[{|>&*!#%@`])"""  # a plain value's first line below its key ('-x')
_S_ITEM_CHAR = r"(?:[^\n:#]|:(?![ \n])|(?<! )#)"  # and a character of it (no ': ': no key)
# a line of text: no indicator, no key (nor the "\x00" line between pairs of lines, see _suspect)
_S_TEXT_LINE = rf"(?![-?:][ \n]|[# \x00]){_S_ITEM_CHAR}++(?:\n|$)"
_S_TWO_LINES = (
    # an item's plain value (no key), maybe continued on deeper lines of text, then a deeper
    # line holding ': ': more of that value
    r"""([ ]*+)-[ ]++(?![-?:"'\[{|>&*!#%@`])(?:[^\n:#]++|:(?![ \n])|(?<! )#)*+\n"""
    rf"(?:{_S_BLANKS}\1[ ]++{_S_TEXT_LINE})*+{_S_BLANKS}\1[ ]++{_S_TO_COLON}|"
    rf"([ ]*+){_S_KEY}{_S_PLAIN}[^\n]*+\n{_S_BLANKS}(?:\2[ ]++{_S_TO_COLON}|\2[-:][ \n])"
    rf"|([ ]*+)-[ ]{_S_KEY}{_S_PLAIN}[^\n]*+\n{_S_BLANKS}(?:\3[ ]{{3,}}{_S_TO_COLON}|\3[ ]{{2}}[-:][ \n])"
    # a plain value, maybe over deeper lines, then a comment (which ends it), then a line deeper
    # than its key or '-': no more of the value, and no key (on two lines, or more: searched
    # as written where a comment line stands between, see _suspect)
    rf"|([ ]*+){_S_KEY}{_S_PLAIN}{_s_commented(_DEEPER_4)}"
    rf"|([ ]*+)-[ ]{_S_KEY}{_S_PLAIN}{_s_commented(_DEEPER_5)}"
    rf"|([ ]*+)-[ ]++{_S_PLAIN_ITEM}{_s_commented(_DEEPER_6, _S_ITEM_CHAR)}"
    # an item of a list (or of the list inside it, '- - x': at the inner '-'), then a line of
    # text at that '-' column: no item, no more of a value (no deeper), no key (no ':'); a
    # key of a mapping there is the next key where the list hangs below its key (not told)
    rf"|([ ]*+)-[ ][^\n]*+\n{_S_BLANKS}\7{_S_TEXT_LINE}"
    rf"|([ ]*+)-([ ]++)-[ ][^\n]*+\n{_S_BLANKS}\8[ ]\9{_S_TEXT_LINE}"
    # a key whose value is a block value ('|', '>'), then a '-' or a ':' at the key's column:
    # the block value is empty (its lines are deeper than the key) and no list or value can
    # follow a value
    rf"|([ ]*+){_S_KEY}[ ]++{_S_BLOCK_HEADER}\n{_S_BLANKS}\10[-:][ \n]"
    rf"|([ ]*+)-[ ]{_S_KEY}[ ]++{_S_BLOCK_HEADER}\n{_S_BLANKS}\11[ ]{{2}}[-:][ \n]"
    # a key's plain value continued on deeper lines of text, then a deeper line holding ': '
    # (more of the value: the parser stops at the ': '); on more than two lines, searched in
    # the runs of a value over lines (see _over_lines)
    rf"|([ ]*+){_S_KEY}{_S_PLAIN}{_S_ITEM_CHAR}*+\n(?:{_S_BLANKS}\12[ ]++{_S_TEXT_LINE})*+"
    rf"{_S_BLANKS}\12[ ]++{_S_TO_COLON}"
    rf"|([ ]*+)-[ ]{_S_KEY}{_S_PLAIN}{_S_ITEM_CHAR}*+\n(?:{_S_BLANKS}\13[ ]{{3,}}{_S_TEXT_LINE})*+"
    rf"{_S_BLANKS}\13[ ]{{3,}}{_S_TO_COLON}"
    # a key's plain value starting on the line below it, maybe over more deeper lines of text,
    # then a '-' or a ':' at the key's column (nothing follows a value; blank lines between,
    # even of spaces); on more than two lines, searched in the runs of a value over lines
    rf"|([ ]*+){_S_KEY}[ ]*+(?:#[^\n]*+)?+\n{_S_BLANKS}\14[ ]++{_S_PLAIN_BELOW}{_S_TEXT_LINE}"
    rf"(?:{_S_BLANKS}\14[ ]++{_S_TEXT_LINE})*+{_S_BLANKS}\14[-:][ \n]"
    rf"|([ ]*+)-[ ]{_S_KEY}[ ]*+(?:#[^\n]*+)?+\n{_S_BLANKS}\15[ ]{{3,}}{_S_PLAIN_BELOW}{_S_TEXT_LINE}"
    rf"(?:{_S_BLANKS}\15[ ]{{3,}}{_S_TEXT_LINE})*+{_S_BLANKS}\15[ ]{{2}}[-:][ \n]"
)
_BLANK_LINE = re.compile(r"\n[ ]*+(?:#|\n)")  # a blank or comment line (not the last)


# a '-' or ':' line in a flow collection over lines (after a line whose last bracket opens one;
# searched for from the bracket: a third of the time of a search from each line's start)
_DASH_IN_FLOW = re.compile(rf"[\[{{][^\[\]{{}}\n]*+\n{_S_BLANKS}[ ]*+[-:][ \n]")


def _between(indent: int) -> str:
    """A line indented one space deeper than a block list's '-' at `indent`: no key of its
    items' mappings (they start two deeper, after '- '), nor more of a plain value in them."""
    return rf" {{{indent + 1}}}[^ \n#]"


def _off_key_column(indent: int) -> tuple[str, str]:
    """In items of a block list at `indent`: a line at their keys' column (after '- ') that is
    no key, item, comment or explicit key or value, such as text after a block value ('|'),
    which the parser stops at ("':' is missing"); and an item whose value starts on a line
    below its '-', deeper than that column (its keys are there: one at the usual column is
    an error). Either may also be text inside quotes over lines: the walk then reads them.
    (One line's pattern, two lines' pattern.)"""
    column = indent + 2
    no_key = rf"(?![-?:](?:[ ]|\n)|#|{_S_KEY}(?:[ ]|\n))"
    below = rf" {{{indent}}}-[ ]*+(?:#[^\n]*+)?+\n{_S_BLANKS} {{{column + 1},}}+[^ \n]"
    return rf" {{{column}}}{no_key}[^ \n]", below


@cache
def _suspects(indent: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What `suspect_lines` searches for in the items of a block list at `indent`, each from a
    line break: on one line; on a line and the next but blank and comment lines. (Not also
    the two as one pattern, which nothing searched: compiling it took 6-9 ms of every
    process that refuses a large file.)"""
    at_key, below = _off_key_column(indent)
    one = rf"{_S_ONE_LINE}|{at_key}|{_between(indent)}"
    two = rf"{_S_TWO_LINES}|{below}"
    return re.compile(rf"\n(?:{one})"), re.compile(rf"\n(?:{two})")


@cache
def _shallower(indent: int) -> re.Pattern[str]:
    """A line with a token less indented than a block list's '-' at `indent` (> 0), inside its
    items: more of a quoted value or flow collection over lines, or where the parser stops
    (the list has ended; quoted text there runs on). Not looked for on the last line counted,
    the next token's after the item over the limit, which may be the next key."""
    return re.compile(rf"\n[ ]{{0,{indent - 1}}}[^ \n#]")


def suspect_lines(text: str, start: int, end: int, indent: int) -> bool:
    """Whether the lines from `start` to `end` (items of the block list at `indent`, counted
    ahead) may hold a syntax error the parser stops at: see _S_ONE_LINE, _S_TWO_LINES,
    _off_key_column and _between; a line less indented than the list (_shallower); a '-'
    line in a flow collection over lines."""
    begin = text.rfind("\n", 0, start)  # (the break before its first line: each search starts at one)
    if begin < 0:  # the first line of the text: a break put before it
        text, begin, end = "\n" + text[:end], 0, end + 1
    return (
        _suspect(text, begin, end, indent)
        or (indent > 0 and _shallower(indent).search(text, begin, text.rfind("\n", begin, end)) is not None)
        or _DASH_IN_FLOW.search(text, begin, end) is not None
        or _colon_without_key(text, begin, end)
    )


# in a flow collection, a ':' where a value starts (after '[', '{', ',' or a line break): a
# value with no key (or a '- ' there: no list starts so in a flow); or a key's ':' on a line
# after the one its key starts on (a key is on one line). The parser stops at each ("a value
# is missing here", "a ',' or the closing '}' ... is missing"); inside a plain or quoted
# value such text is text, and the walk reads on, which costs only time
_FLOW_COLON = re.compile(
    r"[\[{,\n][ \n]*+(?::|-(?=[ \n,\[\]{}])|[^ \n\[\]{},:][^\[\]{},\n:]*+\n[^\[\]{},:]*+:)"
)


def colon_without_key_in_flow(text: str, start: int, end: int) -> bool:
    """Whether the flow collection's text from `start` to `end` (counted ahead) may hold a ':'
    that starts a value, or a key's ':' on a later line: `[: b]`, `[a, : b]`, `{a\n  b: 1}`;
    or a '- ' where a value starts (no list starts so in a flow: `[a,\n  - b]`). Where every
    ':' ends a double-quoted key (JSON) and no '- ' stands, none does: told by counts (the
    search takes 0.1 s over an indented JSON chart of 20,000 zones)."""
    colons = text.count(":", start, end)
    dash = text.find("- ", start, end) >= 0 or text.find("-\n", start, end) >= 0
    if not dash and (not colons or colons == text.count('":', start, end)):
        return False
    return _FLOW_COLON.search(text, start - 1, end) is not None


_COLON_LINE = re.compile(r"\n([ ]*+):(?=[ \n]|\Z)")  # a line whose first token is a ':'


def _colon_without_key(text: str, begin: int, end: int) -> bool:
    """Whether a line from `begin` to `end` starts with a ':' (a value) that does not stand
    below its '? ' key, at that key's column (`? k` or `- ? k` on the nearest line above not
    deeper than it, blank, comment and deeper lines between): after a quoted value over
    lines, after a tag alone on its line, at a list's column, the parser stops there."""
    for colon in _COLON_LINE.finditer(text, begin, end):
        col = len(colon.group(1))
        p = colon.start()  # (the line break before it)
        while True:  # the nearest line above with a token no deeper than the ':'
            if p <= 0:
                return True
            start = text.rfind("\n", 0, p) + 1
            line = text[start:p]
            body = line.lstrip(" ")
            if body and not body.startswith("#") and len(line) - len(body) <= col:
                break
            p = start - 1
        if line[col : col + 1] != "?" or line[col + 1 : col + 2] not in (" ", "") or line[:col].strip(" -"):
            return True
    return False


# a line of closing brackets only (a comment after them): the end of a flow collection over
# lines, or a value no value starts with; and a line that may open such a collection
_CLOSER_LINE = re.compile(r"[ ]*+[\]}]++[ ]*+(?:#[^\n]*+)?+")
_CLOSER_LINES = re.compile(r"\n[ ]*+[\]}]++[ ]*+(?:#[^\n]*+)?+(?=\n)")
_FLOW_DASH = re.compile(r"(?<![^ \n,\[{])-(?=[ \n])|\n[ ]*+[:?](?=[ \n])")
_OPENS_BELOW = re.compile(r"[\[{][ ,]*+(?:#[^\n]*+)?+\n")


@cache
def _value_over_lines() -> re.Pattern[str]:
    return re.compile(rf"[ ]*+{_line_over_lines(None)}")


def _closers_close_flows(text: str, first: int, end: int) -> bool:
    """Whether every line of closing brackets only after the line break at `first` (up to
    `end`) ends a flow collection opened on a line above, whose value the item lines' own
    pattern reads whole, from its line to that closing line (quotes, nested collections,
    comments): the parser then reads that line as the collection's end, not as a value (a
    '}' no value starts with). Each different such value is matched once (items repeat them)."""
    covered: list[tuple[int, int]] = []
    until = first
    whole: dict[str, bool] = {}
    value = _value_over_lines().fullmatch
    closing = _CLOSER_LINES.search
    for opener in _OPENS_BELOW.finditer(text, first, end):
        if opener.start() < until:
            continue
        closer = closing(text, opener.end() - 1, end)
        if closer is None:
            break
        start, stop = text.rfind("\n", first, opener.start()) + 1, closer.end() + 1
        written = text[start:stop]
        known = whole.get(written)
        if known is None:  # (a '- ' in a flow is an error; ': ', '? ' first on a line may be one)
            inside = written[opener.start() - start :]
            known = whole[written] = value(written) is not None and _FLOW_DASH.search(inside) is None
        if known:
            covered.append((start, stop))
            until = stop
    k = 0
    for closer in _CLOSER_LINES.finditer(text, first, end):
        at = closer.start() + 1
        while k < len(covered) and covered[k][1] <= at:
            k += 1
        if k == len(covered) or covered[k][0] > at:
            return False
    return True


# a line break that ends a unit: a line with a token and the blank and comment lines after it
_UNIT_BREAK = re.compile(r"\n(?![ ]*+(?:#[^\n]*+)?+(?:\n|\Z))")
# a plain value (a key's, an item's) with no comment on its line, continued on a deeper line
# after empty lines: a value over more lines, which a pair of units may not hold whole
_CONTINUED = re.compile(
    rf"\n([ ]*+)(?:{_S_KEY}{_S_PLAIN}(?:[^\n#]|(?<! )#)*+|-[ ]++{_S_PLAIN_ITEM}{_S_ITEM_CHAR}*+)\n"
    r"(?:[ ]*+\n)*+\1[ ]++[^ \n#]"
    # a key's value in an item goes on deeper than the key, not the '-' ('- id: z1' and the
    # item's next key below it start no such run: each zone of a chart did, a run a zone)
    rf"|\n([ ]*+)-([ ]++){_S_KEY}{_S_PLAIN}(?:[^\n#]|(?<! )#)*+\n(?:[ ]*+\n)*+\2[ ]\3[ ]++[^ \n#]"
    # or starting on the line below its key (text, no key: not a mapping's first line)
    rf"|\n([ ]*+)(?:-[ ])?+{_S_KEY}[ ]*+(?:#[^\n]*+)?+\n(?:[ ]*+(?:#[^\n]*+)?+\n)*+"
    rf"\4[ ]++{_S_PLAIN_BELOW}{_S_ITEM_CHAR}++\n"
)


# a value after ': ' that is one short word of letters, digits, '_' and '-', at the end of
# its line: which word it is matters to none of the searches (each item's own id,
# 'id: z17', made every line and pair of lines of a large list different)
_ONE_WORD = re.compile(r"(?m): [0-9A-Za-z][0-9A-Za-z_-]{0,40}+$")


# A run of words of letters, digits and '_' with one space between, long: only the kind of its
# characters matters to the searches (none counts them, but for a key's length, told first),
# so each is searched as one short word or two. Before, 3,000 zones with ids of 3,000
# characters (each line its own) were searched as written: 1.9 s of CPU to refuse.
_LONG_LINE = 256
_LONG_KEY = re.compile(_S_LONG_KEY)
_LONG_RUN = re.compile(r"[0-9A-Za-z_](?=[0-9A-Za-z_ ]{31})[0-9A-Za-z_]*+(?:[ ][0-9A-Za-z_]++)*+")


def _short_runs(line: str) -> str:
    return _LONG_RUN.sub(lambda run: "ww ww" if " " in run.group() else "ww", line)


def _suspect(text: str, begin: int, end: int, indent: int) -> bool:
    """Whether either of `_suspects(indent)` is found from a line break between `begin` and
    `end` (a match on one line, or on two), told from each different line once
    and each different pair of units once (a unit: a line with a token and the blank and
    comment lines after it): the items of a large list repeat most of their lines
    ('    region: spine'), and searching them all took a third of refusing 50,000 zones (and
    two thirds of refusing 50,000 zones with notes over lines with blank lines inside, when
    such spans were searched as written: 1.04 s of CPU). A match on two lines starts in a
    unit and ends in the first line of the next; a plain value over more lines (which a
    comment ends, or a line holding ': ' makes an error) is searched in runs (_over_lines)."""
    line_pattern, pair_pattern = _suspects(indent)
    first = text.find("\n", begin, end)
    if first < 0:
        return False
    if end - first > tuning.WORDS_FROM:  # a large list: every item's own word ('id: z17') made one
        text = _ONE_WORD.sub(": x", text[first:end])
        first, end = 0, len(text)
    lines = text[first + 1 : end].split("\n")
    if max(map(len, lines)) > _LONG_LINE:
        long = {line: "" for line in lines if len(line) > _LONG_LINE}
        if any(_LONG_KEY.match(line) for line in long):
            return True
        short = {line: _short_runs(line) for line in long}
        lines = [short.get(line, line) for line in lines]
        text = "\n" + "\n".join(lines)
        first, end = 0, len(text)
    last = lines.pop()  # (no line break after it in the span: none is given after it below)
    seen = list(dict.fromkeys(lines))
    closers = [line for line in seen if _CLOSER_LINE.fullmatch(line)]
    if closers:  # ('  }' ending a flow mapping over lines: suspect only where it closes none)
        if not _closers_close_flows(text, first, end):
            return True
        closing = set(closers)
        seen = [line for line in seen if line not in closing]
    if line_pattern.search("".join([f"\n{line}" for line in seen]) + "\n" + last) is not None:
        return True
    if not lines:
        return False
    units = _UNIT_BREAK.split(text[first + 1 : end])
    tail = units.pop()  # (as `last`: the end of the span is the end of the text searched)
    if not units:
        return pair_pattern.search(f"\n{tail}") is not None
    heads = {unit: unit.partition("\n")[0] for unit in dict.fromkeys(units[1:])}
    pairs = dict.fromkeys(zip(units, units[1:], strict=False))
    joined = "\x00".join([f"\n{a}\n{heads[b]}\n" for a, b in pairs])  # (a line "\x00" between: no key)
    ending = f"\n{units[-1]}\n{tail}"
    if pair_pattern.search(joined) is not None or pair_pattern.search(ending) is not None:
        return True
    if _CONTINUED.search(joined) is None and _CONTINUED.search(ending) is None:
        return False
    return _over_lines(text, first, end, units + [tail], pairs, heads, pair_pattern)


@cache
def _runs_at(column: int, starts: tuple[str, ...]) -> re.Pattern[str]:
    """The runs of _over_lines from units `starts` (all at `column`), as the text holds them:
    each such unit whole, then every line deeper than `column` or blank or a comment (the
    units that start deeper), then the first line of the next unit, if any; found by one
    search of the text for each column. (Made a unit at a time, the runs took 0.02-0.03 s of
    CPU for 10,000 zones, notes over lines or not: the slowdown of the walk (0.14 -> 0.18 s)
    since _over_lines came in.)"""
    first = "|".join(re.escape(unit) for unit in starts)
    deeper = rf"[ ]{{{column + 1},}}[^\n]*+|[ ]*+(?:#[^\n]*+)?+(?=\n|\Z)"
    # (the next unit's first line looked at, not taken: a run from it may follow)
    return re.compile(rf"(\n(?:{first})(?=\n|\Z)(?:\n(?:{deeper}))*+)(?=\n([^\n]*+))?")


def _over_lines(
    text: str, first: int, end: int, units: list[str], pairs: dict, heads: dict, pattern: re.Pattern[str]
) -> bool:
    """Whether `pattern` is found from a unit of `units` holding a plain value continued on
    deeper lines (see _CONTINUED), which a comment ends and a deeper line follows: each such
    unit is searched with the units after it that start deeper, each different such run
    once (a match on two lines is found in the pairs); as written where these runs hold much
    more than the text itself."""
    starts = {a for a, b in pairs if _CONTINUED.match(f"\n{a}\n{heads[b]}\n")}
    if _CONTINUED.match(f"\n{units[-2]}\n{units[-1]}"):
        starts.add(units[-2])
    runs: dict[str, None] = {}
    size, budget = 0, 2 * (end - first) + 1_000
    by_column: dict[int, list[str]] = {}
    for unit in sorted(starts):
        by_column.setdefault(len(unit) - len(unit.lstrip(" ")), []).append(unit)
    # (one search for the runs from the units at each column: no run holds another from its
    # column, and one from a shallower column, which may hold it, is found by its own search)
    for column, at_column in sorted(by_column.items()):
        for body, after in dict.fromkeys(_runs_at(column, tuple(at_column)).findall(text, first, end)):
            # (and the first line after the run: a '-' or ':' at a key's column ends a value)
            run = body + (f"\n{after}\n" if after else "")
            if run not in runs:
                runs[run] = None
                size += len(run)
                if size > budget:
                    return pattern.search(text, first, end) is not None
    return pattern.search("\x00".join(runs)) is not None
