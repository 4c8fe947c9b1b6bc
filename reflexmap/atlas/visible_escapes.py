"""Invisible characters stay visible in the chart file.

A bidi control (U+202A–U+202E, U+2066–U+2069) or another invisible format character
(Unicode category Cf: zero-width spaces and joiners, the byte-order mark, soft hyphens…)
written raw into YAML is invisible in an editor, a diff or a code review, and a right-to-left
override turns the rest of the line round ("Trojan Source"). ruamel.yaml writes them raw:
they are printable to YAML. Here the emitter writes any scalar holding one double-quoted,
with each such character as a `\\uXXXX` escape, for edited text as for text read back.

`same_scalars` reads a line's double-quoted scalars for what they say, so that a line whose
only difference from the author's is how an escape is written (`\\u202e` or `\\u202E`, `\\x41`
or `A`) is recognised as the author's line and kept byte for byte (kept_lines.py). No Qt.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.emitter import Emitter

# Unicode category Cf (Unicode 14, as Python 3.11's unicodedata), written out: working it out
# at import would cost a walk of every code point at start-up.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def has_invisible(text: str) -> bool:
    return _INVISIBLE.search(text) is not None


def escaped(text: str) -> str:
    """`text` with each invisible format character as a YAML double-quoted escape."""
    return _INVISIBLE.sub(
        lambda m: f"\\u{ord(m.group()):04X}" if ord(m.group()) <= 0xFFFF else f"\\U{ord(m.group()):08X}", text
    )


class _Escaping:
    """The emitter's stream while it writes a double-quoted scalar: raw invisible characters
    in what it writes become escapes (inside double quotes, where an escape means the same)."""

    def __init__(self, stream: Any):
        self._stream = stream

    def write(self, data: Any) -> Any:
        if isinstance(data, bytes):
            return self._stream.write(escaped(data.decode("utf-8")).encode("utf-8"))
        return self._stream.write(escaped(data))


class VisibleEmitter(Emitter):
    """ruamel.yaml's emitter, writing invisible format characters as escapes only."""

    def choose_scalar_style(self) -> Any:
        value = self.event.value
        if isinstance(value, str) and has_invisible(value):
            if self.analysis is None:
                self.analysis = self.analyze_scalar(value)
            return '"'  # plain, single-quoted and block text cannot escape a character
        return super().choose_scalar_style()

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        if not has_invisible(text):
            return super().write_double_quoted(text, split)
        stream = self.stream
        self.stream = _Escaping(stream)
        try:
            return super().write_double_quoted(text, split)
        finally:
            self.stream = stream


_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
           "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
           "_": "\xa0", "L": "\u2028", "P": "\u2029"}  # fmt: skip


def _unescaped(body: str) -> str:
    def one(match: re.Match) -> str:
        code = match.group(1)
        if len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, match.group())

    return _ESCAPE.sub(one, body)


def same_scalars(line: str) -> str:
    """`line` with each double-quoted scalar written one way for what it says (for comparing
    lines, never for writing): escapes read, invisible characters escaped again alike."""
    if "\\" not in line and not has_invisible(line):
        return line
    return _DOUBLE_QUOTED.sub(lambda m: '"' + escaped(_unescaped(m.group(1))).replace('"', '\\"') + '"', line)
