"""Text written to a terminal (the command line's output, the app's messages on stderr):
nothing in a file's name or a chart's text may act on the terminal or break a line in two.
No Qt."""

from __future__ import annotations

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate and its closer: what bidi_isolate adds


def one_line(text: str) -> str:
    """`text` on one line, as written: a line break, carriage return or other control
    character (in a file's name, say) is shown escaped (\\n, \\r, \\x1b), so that each
    problem stays one `file:line:column: message` line and nothing rewrites the terminal.
    A first-strong isolate closed by its PDI is kept: it only keeps what it holds from
    turning the sentence around it (the app's isolates around a name or a file; escaped,
    they made every such message read '\\u2068…\\u2069'). Any other direction control, and an
    isolate left open or a closer alone, is escaped."""
    if text.isprintable():
        return text
    kept = _closed_isolates(text)
    return "".join(
        char
        if char.isprintable() or char == "\t" or index in kept
        else char.encode("unicode_escape").decode("ascii")
        for index, char in enumerate(text)
    )


def _closed_isolates(text: str) -> set[int]:
    """The places of each FSI and the PDI that closes it (every other control being escaped,
    nothing else opens or closes an isolate in the line written)."""
    if FSI not in text:
        return set()
    kept: set[int] = set()
    open_: list[int] = []
    for index, char in enumerate(text):
        if char == FSI:
            open_.append(index)
        elif char == PDI and open_:
            kept.update((open_.pop(), index))
    return kept
