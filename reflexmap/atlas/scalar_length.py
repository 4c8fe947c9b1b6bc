"""The length of a long YAML text value, told from the file's text as the parser would read it,
without building the value: block values ('|' literal, '>' folded, with chomping and
indentation indicators) and quoted values over several lines (escapes, folded line breaks).

Why: a zone file may hold one value of 30 MB; the quick walk (prescan.py) must say "this
value is N characters long" with the parser's N, in well under a second and without copies
of the value. Everything here is counted with `str.count` and regular expressions whose
matches are empty strings (a list of a million references to one '' costs 8 MB), never a
Python step per line.

The rules are libyaml's (scanner.c: yaml_parser_scan_block_scalar, _scan_flow_scalar), which
PyYAML's C loader runs. The text given here has every line break as '\\n' and tabs as spaces
(prescan.py does that; it keeps the length, and a tab is a space wherever the parser accepts
it); where that could change a length (a line or paragraph separator, which folding keeps),
the caller does not ask. None means "not plain enough to be sure": the parser decides.
"""

from __future__ import annotations

import re
from functools import cache

# a block value's header: '|' or '>', then chomping and an indentation indicator in either
# order, then spaces and a comment
BLOCK_HEADER = re.compile(r"([|>])(?:([-+])([1-9])?|([1-9])([-+])?)?[ ]*+(?:#[^\n]*+)?+\n")
_BAD_ESCAPE = re.compile(r'\\[^0abtnvfre"/N_LPxuU]')  # once '\\\\', '\\ ' and '\\' + break are taken
_HEX_ESCAPES = tuple(
    (f"\\{c}", re.compile(rf"\\{c}[0-9A-Fa-f]{{{n}}}()")) for c, n in (("x", 2), ("u", 4), ("U", 8))
)
_RUN_OF_BREAKS = re.compile(r"\n\n++()")  # blank lines in folded text: each run once
# where a line or paragraph separator may stand for a break (kept by folding, see quoted_length)
_SEPARATOR = re.compile("[\u2028\u2029]")
_BREAKS = "\n\u2028\u2029\x85"  # every line break YAML knows (after CR)
# a separator with a blank line after it (the run of breaks it is in goes on), and a break
# before one such (that separator does not start its run); the difference: the runs it starts
_SEPARATOR_THEN_BREAK = re.compile("[\u2028\u2029](?=[ \t]*+[\n\u2028\u2029\x85])()")
_BREAK_THEN_SEPARATOR = re.compile(
    "[\n\u2028\u2029\x85](?=[ \t]*+[\u2028\u2029][ \t]*+[\n\u2028\u2029\x85])()"
)
_ESCAPED_SEPARATOR = re.compile("\\\\[ \t]*+[\u2028\u2029]")


def block_header(text: str, p: int) -> tuple[bool, str, int, int] | None:
    """(folded, chomping '' '-' '+', indentation indicator or 0, where its lines start) of the
    block value whose '|' or '>' is at `p`; None if the header is not one."""
    m = BLOCK_HEADER.match(text, p)
    if m is None:
        return None
    style, chomp1, indent1, indent2, chomp2 = m.groups()
    return style == ">", chomp1 or chomp2 or "", int(indent1 or indent2 or 0), m.end()


@cache
def _first_text(indent: int) -> re.Pattern[str]:
    """The first line that is not blank: more than `indent` spaces (0: any), or any text."""
    if indent:
        return re.compile(rf"(?m)^(?! {{0,{indent}}}+\n)( *+)")
    return re.compile(r"(?m)^( *+)[^ \n]")


@cache
def _patterns(indent: int) -> dict[str, re.Pattern[str]]:
    return {
        "shallow": re.compile(rf"\n {{0,{indent - 1}}}+[^ \n]") if indent else re.compile(r"(?!)"),
        "deeper blank": re.compile(rf"(?m)^ {{{indent + 1},}}+\n"),
        "blank count": re.compile(rf"\n {{0,{indent}}}+()(?=\n)"),
        "blank lines": re.compile(rf"\n( {{0,{indent}}}+)(?=\n)"),
        # a gap of blank lines between two lines that do not start with a space: folded away
        "fold": re.compile(
            rf"(?m)^ {{{indent}}}[^ \n][^\n]*+\n(?: {{0,{indent}}}+\n)++(?= {{{indent}}}[^ \n])()"
        ),
    }


def _text_start(text: str, p: int, end: int, parent: int, explicit: int) -> tuple[int, int, str | None]:
    """The indentation of the block value whose lines run from `p` to `end` (`parent`,
    `explicit`: as for block_length), where its text starts, and what keeps the parser from
    reading it as text (None: nothing). The indentation is the parent's plus the indicator,
    or else the first line with text's. What keeps it: "empty" (no text; without an indicator,
    none deeper than the parent: the lines belong to the mapping or list), "short" (text less
    indented than the indicator says), "deeper blank" (a blank line before the text deeper
    than the text: the parser's error)."""
    if explicit:
        indent = max(parent, 0) + explicit
        first = _first_text(indent).search(text, p, end)
        if first is None:
            return indent, p, "empty"
        return indent, first.start(), "short" if len(first.group(1)) < indent else None
    first = _first_text(0).search(text, p, end)
    if first is None:
        return 0, p, "empty"
    indent = len(first.group(1))
    if indent <= parent or indent < 1:
        return indent, first.start(), "empty"
    if _patterns(indent)["deeper blank"].search(text, p, first.start()):
        return indent, first.start(), "deeper blank"
    return indent, first.start(), None


def block_length(
    text: str,
    p: int,
    end: int,
    parent: int,
    *,
    folded: bool,
    chomp: str,
    explicit: int = 0,
    kept: str | None = None,
) -> int | None:
    """The length of the block value whose lines run from `p` to `end` (the first line at
    `parent`'s indentation or less), as the parser reads it: indentation taken off, breaks
    kept ('|') or folded ('>'), chomping applied. `parent` is the indentation of the mapping
    or list it is in (-1 at the top), `explicit` its indentation indicator (0: none);
    `kept`: the text as written, where a line or paragraph separator (U+2028, U+2029) stands
    for a break of `text` (folding keeps those, see _kept_folds). None where it is not plain:
    a line indented less than the text, nothing in it, no line break at its end."""
    if not text.endswith("\n", p, end):
        return None
    indent, start, problem = _text_start(text, p, end, parent, explicit)
    if problem is not None:
        return None
    found = _patterns(indent)
    if found["shallow"].search(text, start, end):
        return None  # a line less indented than the text: the parser's error, or a comment
    leading = text.count("\n", p, start)  # blank lines before the text: a break each
    q, trail = _tail(text, start, end, indent)  # blank lines after it: kept, or chomped
    lines = text.count("\n", start, q)
    blank = blank_spaces = 0
    # (each pass over a value of a million lines costs tens of milliseconds: those about
    # blank lines are made only where there is one)
    gaps = found["blank count"].search(text, start, q) is not None
    if gaps:  # blank lines within, and the spaces on them (one pass: each its spaces)
        spaces = found["blank lines"].findall(text, start, q)
        blank, blank_spaces = len(spaces), sum(map(len, spaces))
    size = (q - start - lines) - indent * (lines - blank) - blank_spaces + lines + leading
    if folded and gaps:  # a break between two lines that do not start with a space is folded:
        # into a space (the same length), or away where blank lines follow it (they stay breaks)
        size -= len(found["fold"].findall(text, start, q))
        if kept is not None and _SEPARATOR.search(kept, start, q):
            size += _kept_folds(text, kept, start, q, indent)
    return size - 1 if chomp == "-" else size + trail if chomp == "+" else size


def block_refused(text: str, p: int, end: int, parent: int, explicit: int = 0) -> bool:
    """Whether the parser refuses the block value whose lines run from `p` to `end` (as for
    block_length): a blank line before its text deeper than the text, or, after a line less
    indented than the text (which ends the value), a line with text that is not a comment
    (the value is over, and text more indented than its parent cannot follow it)."""
    indent, start, problem = _text_start(text, p, end, parent, explicit)
    if explicit:
        start = p  # (its indentation is known: any line less indented ends it, the first too)
    elif problem == "empty":
        return False  # the line belongs to the mapping or list
    elif problem == "deeper blank":
        return True
    shallow = _patterns(indent)["shallow"].search(text, max(start - 1, 0), end)
    return shallow is not None and _NOT_COMMENT.search(text, shallow.start() + 1, end) is not None


_NOT_COMMENT = re.compile(r"(?m)^ *+[^ #\n]")


def _tail(text: str, start: int, end: int, indent: int) -> tuple[int, int]:
    """Where the blank lines (`indent` spaces or fewer) at the end of a block value from
    `start` to `end` start, and how many there are (read back from its end, line by line)."""
    q, trail = end, 0
    while True:
        before = text.rfind("\n", start, q - 1)
        if before < 0 or q - 2 - before > indent or text.count(" ", before + 1, q - 1) != q - 2 - before:
            return q, trail
        q, trail = before + 1, trail + 1


@cache
def _separator_fold(indent: int) -> re.Pattern[str]:
    """A break folded away (as _patterns' "fold" finds them) that is a separator, on the text
    as written with each separator made a '\\r' and every other break a '\\n', after a break
    (the regex engine then finds each by a fast search for a break, not at every place)."""
    line = rf"[\n\r] {{{indent}}}[^ \n\r][^\n\r]*+"
    return re.compile(
        rf"{line}\r(?: {{0,{indent}}}+[\n\r])* {{0,{indent}}}+(?=[\n\r] {{{indent}}}[^ \n\r])()"
    )


@cache
def _separator_then_break(sep: str, indent: int) -> re.Pattern[str]:
    """A separator with a break after it (spaces and tabs between, no more than `indent`):
    what every break `_separator_fold` finds starts with."""
    return re.compile(rf"{sep}[ \t]{{0,{indent}}}+[{_BREAKS}]")


def _kept_folds(text: str, kept: str, start: int, end: int, indent: int) -> int:
    """How many of the breaks a folded value folds away are a line or paragraph separator as
    written: the parser keeps those (libyaml folds only a '\\n' break), so each adds one.
    (Counted in one pass over the value as written, not a fold at a time; none where no
    separator has a break after it, at most `indent` spaces on: a search for each separator.)"""
    if not any(_separator_then_break(sep, indent).search(kept, start, end) for sep in "\u2028\u2029"):
        return 0  # (a folded text of 6.9 M characters with LS inside its lines: 0.12 s less)
    marked = "\n" + kept[start:end].replace("\u2028", "\r").replace("\u2029", "\r").replace("\x85", "\n")
    return len(_separator_fold(indent).findall(marked.replace("\t", " ")))


def quoted_length(
    inner: str, double: bool, kept: str | None = None, start: int = 0, end: int | None = None
) -> int | None:
    """The length of a quoted value whose text between the quotes is `inner`, as the parser
    reads it: escapes ('\\x41', '\\"', a '\\' at the end of a line) and '' for one quote
    taken as one character each, spaces around a line break dropped, a single break read as
    a space and a run of n breaks as n - 1. None where an escape is not one YAML knows.
    Escapes are counted, not replaced (a value may hold millions of them). `kept[start:end]`:
    `inner` as written (with its quotes around it in `kept`), where a line or paragraph
    separator may stand for a break: a run of breaks that starts with one is kept whole
    (libyaml folds only a '\\n' break); counted where it stands, without a copy."""
    if "\x00" in inner:
        return None
    shrink = 0  # characters that escapes take beyond the one they stand for
    if double and "\\" in inner:
        inner = inner.replace("\\\\", "E")  # pairs taken from the left, as the parser does
        inner = inner.replace("\\\n", "\x00")  # an escaped line break: no space, nothing
        inner = inner.replace("\\ ", "E")  # an escaped space (or tab): not dropped by folding
        if _BAD_ESCAPE.search(inner):
            return None  # an escape the parser refuses
        escapes = inner.count("\\")
        hexes = [len(p.findall(inner)) if c in inner else 0 for c, p in _HEX_ESCAPES]
        if sum(hexes) != inner.count("\\x") + inner.count("\\u") + inner.count("\\U"):
            return None  # a '\\x', '\\u' or '\\U' without its digits
        shrink = escapes + 2 * hexes[0] + 4 * hexes[1] + 8 * hexes[2]
        if "\x00" in inner:  # the next line's indentation is dropped
            first, *rest = inner.split("\x00")
            inner = "\x00".join([first, *[line.lstrip(" ") for line in rest]])
    elif not double:
        inner = inner.replace("''", "E")
    if "\n" in inner:  # spaces around a break dropped (line by line: a regex substitution
        # tried every character, a third of telling 6.4 M characters over 100,000 lines)
        *lines, last = inner.split("\n")
        inner = "\n".join([lines[0].rstrip(" "), *[line.strip(" ") for line in lines[1:]], last.lstrip(" ")])
    # a run of n breaks is read as n - 1 of them; after an escaped break, as n
    runs = len(_RUN_OF_BREAKS.findall(inner)) - inner.count("\x00\n\n") if "\n\n" in inner else 0
    size = len(inner) - shrink - inner.count("\x00") - runs
    end = len(kept) if kept is not None and end is None else end
    if kept is not None and _SEPARATOR.search(kept, start, end):
        if double and _ESCAPED_SEPARATOR.search(kept, start, end):
            return None  # which break an escape ends, and so which run it starts: the parser's
        size += _runs_separators_start(kept, start, end)
    return size


# per separator, each found by a fast search for it (a pattern that starts with a class of
# characters is tried at every character: the two searches were a third of telling the
# length of a double-quoted value of 6.4 M characters with LS): with a blank line after it;
# and so, after a break (up to 8 spaces or tabs between: looked behind); and so, after 9
# spaces or tabs or more (then looked behind one at a time)
_SEPARATOR_RUNS = {
    sep: (
        re.compile(rf"{sep}(?=[ \t]*+[{_BREAKS}])()"),
        re.compile(
            rf"{sep}(?=[ \t]*+[{_BREAKS}])(?:"
            + "|".join(rf"(?<=[{_BREAKS}][ \t]{{{k}}}{sep})" for k in range(9))
            + ")()"
        ),
        re.compile(rf"{sep}(?=[ \t]*+[{_BREAKS}])(?<=[ \t]{{9}}{sep})()"),
    )
    for sep in "\u2028\u2029"
}


def _runs_separators_start(kept: str, start: int, end: int) -> int:
    """How many runs of breaks in `kept[start:end]` a separator starts, less those it goes on
    (`_SEPARATOR_THEN_BREAK` found, less `_BREAK_THEN_SEPARATOR`, counted per separator)."""
    before = start - 1  # (the looks behind would see a break before `start`, spaces between)
    while before >= 0 and kept[before] in " \t":
        before -= 1
    if before >= 0 and kept[before] in _BREAKS:
        return len(_SEPARATOR_THEN_BREAK.findall(kept, start, end)) - len(
            _BREAK_THEN_SEPARATOR.findall(kept, start, end)
        )
    told = 0
    for sep, (then_blank, after_break, after_many) in _SEPARATOR_RUNS.items():
        if kept.find(sep, start, end) < 0:
            continue
        runs = len(then_blank.findall(kept, start, end))
        if runs:
            runs -= len(after_break.findall(kept, start, end))
            for m in after_many.finditer(kept, start, end):
                j = m.start() - 1
                while j > start and kept[j] in " \t":
                    j -= 1
                runs -= kept[j] in _BREAKS and j >= start
        told += runs
    return told
