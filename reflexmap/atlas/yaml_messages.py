"""PyYAML's own error texts turned into ReflexMap's words, in the user's language.

Both of PyYAML's parsers (libyaml in C, and the pure-Python one it falls back to) word the
same mistakes differently ("mapping values are not allowed in this context" / "… here"),
in English only, and in the parser's terms ("block mapping", "simple key"). Each known
problem is recognised here by a pattern that matches both wordings and said as a chart
author reads it; the position stays the parser's. A problem not recognised keeps the
parser's text after a translated "YAML syntax error:", so nothing is ever hidden.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_, _

# (pattern of the parser's problem text, both parsers' wordings) -> our message
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (
            r"could not find expected ':'",
            N_("a ':' is missing after this key (or this line is text on its own)"),
        ),
        (
            r"mapping values are not allowed",
            N_("a ':' is not allowed here: put quotes around text that holds ': ', or check the indentation"),
        ),
        (
            r"(block )?sequence entries are not allowed",
            N_("a list item ('- ') is not allowed here: check the indentation"),
        ),
        (r"mapping keys are not allowed", N_("a '?' key is not allowed here")),
        (
            r"did not find expected key|"
            r"expected <block end>, but found '(<block mapping start>|<scalar>|\]|\}|-)'",
            N_("a key of the mapping was expected here: check the indentation and the end of the last value"),
        ),
        (
            r"did not find expected '-' indicator|expected <block end>, but found '\?'",
            N_("a list item ('- ') was expected here: check the indentation"),
        ),
        (r"expected <block end>", N_("this line is indented wrongly")),
        (
            r"did not find expected ',' or '\]'|expected ',' or '\]'",
            N_("a ',' or the closing ']' of a list is missing here"),
        ),
        (
            r"did not find expected ',' or '\}'|expected ',' or '\}'",
            N_("a ',' or the closing '}' of a mapping is missing here"),
        ),
        (
            r"did not find expected node content|expected the node content",
            N_("a value is missing here, or a bracket closes nothing"),
        ),
        (
            r"found a tab character|found character '\\t' that cannot start",
            N_("a tab stands here; YAML indents with spaces only"),
        ),
        (
            r"found character( '.*')? that cannot start any token",
            N_("this character cannot start a value (put quotes around text starting with '@', '`' or '%')"),
        ),
        (
            r"found invalid Unicode character escape|chr\(\) arg not in range",
            N_(
                "this escape names no character (\\uD800 to \\uDFFF are halves of a UTF-16 pair, and "
                "Unicode ends at \\U0010FFFF): write the character itself"
            ),
        ),
        (
            r"expected escape sequence|did not find expected hexdecimal number",
            N_("an escape '\\x', '\\u' or '\\U' needs 2, 4 or 8 hexadecimal digits here"),
        ),
        (
            r"found unknown escape character",
            N_(
                "an unknown escape in double-quoted text (write '\\\\' for a backslash, or use single quotes)"
            ),
        ),
        (
            r"found unexpected document (indicator|separator)",
            N_("a '---' or '...' line inside a value (is a quoted text never closed?)"),
        ),
        (r"found unexpected end of stream", N_("the file ends in the middle of a value")),
        (
            r"(did not find expected|expected) alphabetic or numeric character",
            N_("an anchor or alias ('&' or '*') needs a name of letters and digits"),
        ),
        (r"found undefined tag handle", N_("a tag ('!…') that ReflexMap does not know")),
        (
            r"found an indentation indicator equal to 0|expected indentation indicator|"
            r"expected chomping or indentation indicators",
            N_("a block text ('|' or '>') has an indicator that is not allowed (an indentation of 1 to 9)"),
        ),
        (
            r"(did not find expected|expected a) comment or (a )?line break",
            N_("unexpected text after the value on this line"),
        ),
        (
            r"found incompatible YAML document|directive",
            N_("a YAML directive ('%…') that ReflexMap does not read: remove the line"),
        ),
        (r"found unexpected ':'", N_("a ':' is not allowed here")),
        (
            r"did not find expected <document start>|expected '<document start>'",
            N_("the document ended before this line: check its indentation (or the line above)"),
        ),
        (
            r"did not find expected (whitespace|digit|tag URI|'!'|version number|directive name)|"
            r"did not find URI escaped octet|expected (URI|a digit|' ')|found (duplicate|unknown)",
            N_("this text cannot be read as YAML here"),
        ),
    )
)

# the parser's context ("while parsing a flow sequence") -> where the value it was in starts
_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("flow sequence", N_("in the list that starts on line {line}, column {column}")),
    ("block collection", N_("in the list that starts on line {line}, column {column}")),
    ("block sequence", N_("in the list that starts on line {line}, column {column}")),
    ("flow mapping", N_("in the mapping that starts on line {line}, column {column}")),
    ("block mapping", N_("in the mapping that starts on line {line}, column {column}")),
    ("quoted scalar", N_("in the quoted text that starts on line {line}, column {column}")),
    ("block scalar", N_("in the block text that starts on line {line}, column {column}")),
    ("simple key", N_("after the key that starts on line {line}, column {column}")),
)


def syntax_message(
    problem: str | None, context: str | None, context_mark: Any, line: int, at: str = ""
) -> str:
    """The message for a parser error: `problem` and `context` are the parser's texts,
    `context_mark` where the value it was reading starts, `line` the problem's line and `at`
    the character there (libyaml does not name a tab it refuses)."""
    text = problem or context or ""
    if at == "\t" and "cannot start any token" in text:
        text = "found a tab character"
    for pattern, message in _PROBLEMS:
        if pattern.search(text):
            said = _(message)
            break
    else:
        said = _("YAML syntax error: {problem}").format(problem=text or _("invalid YAML"))
    if context and problem and context_mark is not None and context_mark.line + 1 != line:
        for words, where in _CONTEXTS:
            if words in context:
                said += (
                    " (" + _(where).format(line=context_mark.line + 1, column=context_mark.column + 1) + ")"
                )
                break
    return said


def unclosed_quote(problem: str | None) -> str:
    """A quoted text that is never closed (the error is placed where it starts)."""
    if problem and "document" in problem:
        return _("this quoted text is never closed (a '---' or '...' line comes before its end)")
    return _("this quoted text is never closed")


def never_closed(bracket: str) -> str:
    """A list or mapping in brackets still open when the file ends (placed where it opens)."""
    if bracket == "{":
        return _("this mapping is never closed: the file ends before its closing '}'")
    return _("this list is never closed: the file ends before its closing ']'")


def runaway_quote(line: int, column: int) -> str:
    """A quoted text left open, that runs on to a quote further down (where the parser then
    stumbles): said at its opening quote."""
    return _(
        "this quoted text is not closed on its line: it runs on to the quote on line {line}, column {column}"
    ).format(line=line, column=column)


def reader_message(character: int | None) -> str:
    """A character the YAML reader refuses: a NUL (a binary file, or UTF-16 or UTF-32 text
    without a byte-order mark) or another control character."""
    if character == 0:
        return _(
            "the file holds a NUL character here: it is binary, or UTF-16 or UTF-32 text; "
            "ReflexMap reads UTF-8 text"
        )
    if character is None:
        return _("a character that is not allowed in a zone file")
    code = f"U+{character:04X}"
    if 0xD800 <= character <= 0xDFFF:
        return _("character {code} (half of a UTF-16 pair) is not allowed in a zone file").format(code=code)
    return _("character {code} (a control character) is not allowed in a zone file").format(code=code)
