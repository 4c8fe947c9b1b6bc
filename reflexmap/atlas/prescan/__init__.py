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

The walk is one class made of parts, one job each:
- tokens.py: the walk's regular expressions for tokens and line ends;
- runs.py: runs of simple items (points, words, `key: value` lines) taken in one match each;
- item_lines.py: whole items and lines of a list, for counting ahead;
- counting.py: values, keys, list items and lengths counted as the parser's builder counts them;
- block.py and flow.py: the block and flow structure;
- ahead.py: a list's items counted ahead from its first;
- templates.py: items of a block list written as the one before them, taken a match each;
- tuning.py: from which sizes the walk reports (tests shrink them).
"""

from __future__ import annotations

import re
import threading
from functools import cache

from .. import limits
from . import tuning
from .ahead import _Ahead
from .block import _Block
from .counting import _GiveUp, _Refuse
from .flow import _Flow
from .tokens import _ODD_TAB, _SAME_WIDTH, in_block_text

Finding = tuple[int, int, str]  # line, column (1-based), message


def prescan(text: str) -> list[Finding] | None:
    """Findings (line, column, message) the parser would report, or None: nothing found, or
    nothing this walk can be sure of. A limit refusal is the only finding; long values are
    reported (all of them) only when one is long enough to make parsing costly.

    A text the walk found nothing in is remembered (by its hash, with the limits and
    sizes it was walked with, the last `KEEP`): the same text again is not walked again.
    Opening a chart and then entering edit mode (or checking it again unchanged) read the
    same text: the walk of 2,700 zones (the built-in chart x50) is about 0.5 s of CPU."""
    if len(text) < tuning.SMALL:
        return None
    key = _key(text)
    with _lock:
        if key in _passed:
            return None
    found = _walk(text)
    if found is None:
        with _lock:
            _passed[key] = None
            while len(_passed) > KEEP:
                del _passed[next(iter(_passed))]
    return found


KEEP = 4  # texts remembered as walked with nothing found (a hash each, not the text)
_passed: dict[tuple, None] = {}  # (digest, settings) -> None, oldest first
_lock = threading.Lock()  # (the editor reads in a worker thread while the window may check)


def _key(text: str) -> tuple:
    """The text's hash (Python's own: keyed afresh in every process, so a file cannot be made
    to collide with another; cached on the string) and length, and everything the walk's
    answer depends on besides the text: the limits and the sizes from which it reports
    (tests change them). The messages' language does not matter: only "nothing found" is
    remembered. (Were two texts ever taken for each other, nothing would be refused wrongly:
    the parser enforces every limit the walk does, only later.)"""
    settings = (
        tuning.SMALL,
        tuning.BIG_SCALAR,
        tuning.AHEAD_FROM,
        tuning.WORDS_FROM,
        tuning.ESCAPES_READ_FROM,
        limits.MAX_DEPTH,
        limits.MAX_NODES,
        limits.MAX_KEYS,
        limits.MAX_NUMBER_CHARS,
        limits.MAX_ITEMS,
        tuple(limits.list_limits().items()),
        limits.max_text_chars(),
    )
    return hash(text), len(text), settings


def forget() -> None:
    """Nothing remembered (tests that count the walk's work)."""
    with _lock:
        _passed.clear()


def _walk(text: str) -> list[Finding] | None:
    """The walk itself (see `prescan`)."""
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
        if _stops_the_parser(original) or _bad_escape(text, refusal.pos, scan.escapes_read):
            return None  # the parser stops at it first, with its own message
        found = [(refusal.pos, refusal.message)]
        ahead = _next_token_line_end  # how far the parser reads before it stops at a limit
    else:
        if scan.inexact or not scan.big or not scan.errors:
            return None
        if _stops_the_parser(original) or _bad_escape(text, len(text), scan.escapes_read):
            return None  # the parser reads the whole file, and stops at it
        found = scan.errors
        ahead = _to_the_end
    if scan.tabs:
        known = (-1, -1)  # the last tab found in a block value: its line, its indentation
        lined = scan.lined  # tabs as written, every line break as '\n' (where lines start)
        # (up to the end of the next line with a token: the parser looks that far ahead for
        # the token a node starts with, as after a tag or anchor alone on its line; to the
        # text's end when it reads it all, telling long values)
        for odd in _ODD_TAB.finditer(lined, 0, ahead(lined, found[0][0])):
            if not in_block_text(text, odd.start(), odd.end() - 1, known):
                return None  # the parser may stop at that tab first, with its own message
            known = (odd.start(), odd.end() - 1 - odd.start())
    return [(*scan.where(pos), message) for pos, message in found]


def _next_token_line_end(lined: str, pos: int) -> int:
    """Where the first line after the one holding `pos` that has a token (not blank, not only
    a comment) at most as deep as that line's ends; the text's end if there is none (one
    search, however many lines). The lines between may be more of a plain value on the line
    of `pos`, which the parser's scanner reads on through before it hands that value over."""
    start = lined.rfind("\n", 0, pos) + 1
    depth = len(lined[start:pos]) - len(lined[start:pos].lstrip(" "))  # (its indentation)
    end = lined.find("\n", pos)
    found = _token_line(depth).search(lined, end + 1) if end >= 0 else None
    return len(lined) if found is None else found.end() + 1


def _to_the_end(lined: str, pos: int) -> int:
    return len(lined)


@cache
def _token_line(depth: int) -> re.Pattern[str]:
    """A line with a token indented `depth` spaces or less."""
    return re.compile(rf"(?m)^[ ]{{0,{depth}}}[^ \t\n#][^\n]*+")


# A character the parser's reader refuses wherever it stands (before the first token: see
# yaml_source), and an escape in double-quoted text it refuses (a backslash in plain or
# single-quoted text is taken for one too: the parser then decides, which costs only time)
_STOPS_THE_PARSER = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ASCII_READ = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])  # the ASCII characters the parser reads


def _stops_the_parser(text: str) -> bool:
    """Whether `text` holds a character the parser's reader refuses. ASCII text (most files)
    is told by deleting from its bytes every character the reader takes, which leaves nothing,
    a megabyte at a time (no copy of the whole file): 0.03 s of CPU for a 32 MB file, where
    the search of the pattern took 0.19 s."""
    step = 1 << 20
    if text.isascii():
        chunks = (text[at : at + step].encode("ascii") for at in range(0, len(text), step))
        return any(chunk.translate(None, _ASCII_READ) for chunk in chunks)
    # other text: what is left of its UTF-8 bytes once those ASCII characters are deleted
    # (every other character whole, in order) is searched; 0.05 s of CPU less for 50,000
    # zones with LS and PS for line ends, where the pattern searched every character
    for at in range(0, len(text), step):
        try:
            rest = text[at : at + step].encode("utf-8").translate(None, _ASCII_READ).decode("utf-8")
        except UnicodeError:  # (half a UTF-16 pair: searched as it is)
            rest = text[at : at + step]
        if _STOPS_THE_PARSER.search(rest) is not None:
            return True
    return False


# (a run of backslashes from its first, told by looking behind once one is found: a pattern
# that starts with a look-behind is tried at every character, 0.37 s of CPU for a text of
# 6.6 M characters with escapes, against 0.12 s so)
_BAD_ESCAPE = re.compile(
    r"\\(?<!\\\\)(?:\\\\)*+(?:[^0abt\tnvfre \"/\\N_LPxuU\n]|x(?![0-9A-Fa-f]{2})|u(?![0-9A-Fa-f]{4})"
    r"|U(?![0-9A-Fa-f]{8}))"
)


def _bad_escape(text: str, end: int, read: list[tuple[int, int]]) -> bool:
    """Whether `text` up to `end` holds an escape the parser refuses, but for the spans `read`
    (long double-quoted values whose escapes the walk has read already: searching a text of
    6.6 M characters again took a quarter of refusing it)."""
    if "\\" not in text:
        return False
    at = 0
    for start, stop in read:
        if start >= end:
            break
        if _BAD_ESCAPE.search(text, at, start):
            return True
        at = stop
    return at < end and _BAD_ESCAPE.search(text, at, end) is not None


class _Scan(_Block, _Flow, _Ahead):
    """The whole walk: its block and flow structure, counting and counting ahead."""
