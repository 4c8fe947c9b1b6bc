"""Text written to a terminal (the command line's output, the app's messages on stderr):
nothing in a file's name or a chart's text may act on the terminal or break a line in two.
No Qt."""

from __future__ import annotations


def one_line(text: str) -> str:
    """`text` on one line, as written: a line break, carriage return or other control
    character (in a file's name, say) is shown escaped (\\n, \\r, \\x1b), so that each
    problem stays one `file:line:column: message` line and nothing rewrites the terminal."""
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == "\t" else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
