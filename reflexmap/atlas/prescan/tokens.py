"""The walk's tokens: spaces, comments, line ends, quoted and plain text, properties, and the
line breaks and tabs the parser reads in its own way."""

from __future__ import annotations

import re
from functools import cache

from .. import limits

_NUM = r"[-+]?(?:[0-9]{1,40}(?:\.[0-9]{0,40})?|\.[0-9]{1,40})(?:[eE][-+]?[0-9]{1,4})?"
_WS = r"[ \t\n]*+"
_COORD = r"[-+]?[.0-9][-+.0-9eE]{0,48}+"  # a number, or plain text of these characters
# a coordinate as a point's item: a number, quoted or not, with a tag of the core schema or none
_COORD_ITEM = rf"""(?:!!(?:float|int|str)[ \t\n]++)?+(?:{_COORD}|'{_COORD}'|"{_COORD}")"""
_POINT = rf"\[{_WS}{_COORD_ITEM}{_WS},{_WS}{_COORD_ITEM}{_WS}\]"
_WORD = r"[A-Za-z0-9_.][A-Za-z0-9_.+\-]{0,60}+"  # a plain scalar without any YAML indicator
# after a flow item's comma: spaces, comments (each found by its '#': see _COMMENT)
_GAP = r"[ \t\n]*+(?:#(?<=[ \t\n]#)[^\n]*+[ \t\n]*+)*+"
# (the '#' first: the regex engine then finds each by a fast search for it, not at every place)
_COMMENT = re.compile(r"#(?<=[ \t\n]#)[^\n]*+")
_SPACES = re.compile(r" *+")
_SPACE = re.compile(r"(?:[ \t\n]++|#[^\n]*+)*+")  # between flow tokens (a '#' there is a comment)
# blank and comment lines, indentation; the empty lines among them are taken a run at a time
# (3,000,000 blank lines, a file within the limits, took 0.1 s matched one by one: 4 ms so)
_LINE = re.compile(r"\n*+(?:[ \t]*+(?:#[^\n]*+)?+\n\n*+)*+( *+)")
_REST = re.compile(r"[ \t]*+(?:#[^\n]*+)?+(?:\n|\Z)")  # the end of a line: spaces, a comment
_TO_EOL = re.compile(r"[^\n]*+\n?")
_DQ = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.S)
_SQ = re.compile(r"'[^']*+(?:''[^']*+)*+'")
_PROPERTY = re.compile(r"[&!][^ \t\n,\[\]{}]*+[ \t]*+")
# a tag both parsers read as one, and end where a space or a line break follows it: '!', a
# local '!name', '!!name' (any other character in it, or a handle '!a!b', is the parser's to
# refuse or read: the walk leaves the file to it)
_TAG = re.compile(r"!(?:!?[0-9A-Za-z][-0-9A-Za-z_.]*+)?+(?=[ \t\n]|\Z)")
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


def _numberish(value: str) -> bool:
    """limits.NUMBERISH.fullmatch(value)."""
    return limits.NUMBERISH.fullmatch(value) is not None


def _block_plain(text: str, p: int) -> str:
    """The plain value that starts at `p` in a block: to the end of the line, a ': ' or a ' #'
    (found with str.find: a value of 32 MB costs milliseconds, not seconds)."""
    eol = text.find("\n", p)
    eol = len(text) if eol < 0 else eol
    stop = _colon_space(text, p, eol)
    stop = eol if stop < 0 else stop
    if stop == eol and eol > p and text[eol - 1] == ":":
        stop = eol - 1
    comment = _space_hash(text, p, stop)
    end = stop if comment < 0 else comment
    # (the spaces after it taken off 4,096 at a time first: str.rstrip(" ") takes about 10 ns a
    # character, 0.2 s for a value followed by 20,000,000 spaces, read twice)
    while end - p > len(_SPACE_BLOCK) and text.endswith(_SPACE_BLOCK, p, end):
        end -= len(_SPACE_BLOCK)
    return text[p:end].rstrip(" ")


_SPACE_BLOCK = " " * 4096


# str.find of two characters takes about 10 ns a character where the text repeats one of them
# (0.2 s over a value followed by 20,000,000 spaces, read twice); its rarer one is searched
# for instead (a memchr), and the other looked at beside it (str.find again after 64 misses)


def _colon_space(text: str, start: int, end: int) -> int:
    """text.find(": ", start, end)."""
    if end - start < 2:
        return -1
    at, misses = text.find(":", start, end - 1), 0
    while at >= 0 and text[at + 1] != " ":
        misses += 1
        if misses > 64:
            return text.find(": ", at, end)
        at = text.find(":", at + 1, end - 1)
    return at


def _space_hash(text: str, start: int, end: int) -> int:
    """text.find(" #", start, end)."""
    if end - start < 2:
        return -1
    at, misses = text.find("#", start + 1, end), 0
    while at >= 0 and text[at - 1] != " ":
        misses += 1
        if misses > 64:
            return text.find(" #", at, end)
        at = text.find("#", at + 1, end)
    return -1 if at < 0 else at - 1


@cache
def _block_end(parent: int) -> re.Pattern[str]:
    return re.compile(rf"\n(?= {{0,{parent}}}+[^ \n])")


# the end of a line that opens a block value without an indentation indicator ('|', '>-')
_OPENS_BLOCK = re.compile(r"(?:^|[ ])[|>][-+]?+[ ]*+(?:#[^\n]*+)?+$")


def in_block_text(text: str, line: int, tab: int, known: tuple[int, int] = (-1, -1)) -> bool:
    """Whether the tab at `tab`, after the spaces that start the line at `line`, is text of a
    block value ('|', '>'): the lines above it, up to the one that opens the value, are blank
    or indented as deep or deeper, and the value's first line (not this one) is indented as
    this one (its indentation); the parser reads the tab as text there. Anything else (a tab after '- ',
    one in a plain or quoted value, an indentation indicator) is left to the parser.
    `known`: the line and indentation of a tab above found so already (the lines between it
    and this one are not read again: a value of a million such lines is read once)."""
    spaces = tab - line
    if text.count(" ", line, tab) != spaces:
        return False
    first = None  # the indentation of the nearest line above that holds something
    end = line - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if start == known[0] and known[1] == spaces:
            return True  # in the same value as that tab
        body = text[start:end]
        if body.strip(" "):
            indent = len(body) - len(body.lstrip(" "))
            if indent < spaces:  # the line that may open the value
                key = len(body) - len(body.lstrip(" -"))
                opens = _OPENS_BLOCK.search(body) is not None and not body.lstrip(" ").startswith("#")
                # (a tab on the value's first line is where the parser looks for its indentation)
                return opens and key < spaces and first == spaces
            first = indent
        end = start - 1
    return False


def compact_point(pad: str, num: str, end: str, dash: str = "-[ ]++") -> str:
    """A point of a block list written compact, `- - x` then `  - y`: its first line after
    the list's indentation `pad` (already matched), its second line with `pad`. The inner
    list's '-' lines up under the one on the first line, one to eight spaces after the
    outer '-' (yaml.safe_dump's indent=2 writes one space, indent=4 three: `-   - x`).
    `dash` is an inner '-' and the spaces after it; `end` ends each line."""
    return (
        "(?:"
        + "|".join(
            rf"-{' ' * gap}{dash}{num}{end}{pad}{' ' * (gap + 1)}{dash}{num}{end}" for gap in range(1, 9)
        )
        + ")"
    )


# A flow collection written on one line in tokens the scanner reads without an error: plain
# words (no ':' in them, none starting with an indicator), quoted text (double-quoted with
# YAML's escapes only) followed by an indicator, anchors and tags followed by a space, aliases,
# indicators ('[', ']', '{', '}', ',', ': ', '? ') and spaces. Anything else (a '@', a tab, a
# comment, '\q', a quote left open, '- ' in a flow): the parser may stop at it first.
_ESCAPE = r"""\\(?:[0abt\tnvfre "/\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"""
_FLOW_WORD_FIRST = r"(?:[0-9A-Za-z_.]|[-+](?=[0-9A-Za-z_.]))"  # a plain word's first character
_FLOW_WORD_REST = r"[^\s,\[\]{}:\x00-\x1f\x7f-\x9f]*+"  # (no tab, control character or line break)
_FLOW_TOKEN = re.compile(
    rf"""[ ]++|(?P<open>[\[{{])|(?P<close>[\]}}])|,|[:?](?=[ ,\]}}])"""
    rf"""|(?:'(?:[^'\n]|'')*+'|"(?:[^"\\\n]|{_ESCAPE})*+")(?=[ ]*+[,\]}}:])"""
    rf"""|&[0-9A-Za-z_-]++[ ]++|!(?:!(?:int|float|str|seq|map))?+[ ]++|\*[0-9A-Za-z_-]++(?=[ ,\]}}])"""
    rf"""|{_FLOW_WORD_FIRST}{_FLOW_WORD_REST}(?:[ ]++[0-9A-Za-z_.]{_FLOW_WORD_REST})*+"""
)


def flow_read_safely(text: str, p: int) -> bool | None:
    """Whether the flow collection opened at `p` is written on its line in tokens the scanner
    reads without an error (True), holds one it may stop at there (False), or goes on below
    with none of those on its first line (None: not known here)."""
    depth = 0
    match = _FLOW_TOKEN.match
    while (m := match(text, p)) is not None:
        if m.group("open"):
            depth += 1
        elif m.group("close"):
            depth -= 1
            if depth == 0:
                return True
        p = m.end()
    return None if p >= len(text) or text[p] == "\n" else False
