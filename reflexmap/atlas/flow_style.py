"""How a chart wraps its flow lists of numbers, so that a list written anew (its values
changed by an edit) lines up as the author's own lists do.

A list that fits in `WIDTH` columns is written on one line. A longer one is wrapped as the
file wraps its lists: after the `[` or on the next line, its continuation lines `step`
columns deeper than the line the list starts on (2, 3, 4…) or lined up under its first
point (`hanging`), the `]` on a line of its own or after the last point, a comma after the
last point or not. The style is read from the list's own old text where it was wrapped,
else from the file's wrapped lists (the most common style), else its continuation lines
are one mapping indent deeper (the file's own: a chart indented by four spaces gets four).
No Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

WIDTH = 100  # columns: new point lists are wrapped here


@dataclass(frozen=True, slots=True)
class FlowStyle:
    step: int = 2  # continuation lines this much deeper than the line the list starts on
    hanging: bool = False  # continuation lines under the first point instead
    open_break: bool = True  # a line break after the `[`
    close_alone: bool = True  # the `]` on its own line, at the list's line's indent
    trailing_comma: bool = True  # a comma after the last point


HOUSE = FlowStyle()


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def style_at(text: str, indent: int, column: int) -> FlowStyle | None:
    """The style of a flow list's `text` (from its `[` to its `]`) whose `[` stands at
    `column` of a line indented by `indent`; None when it is written on one line or its
    lines say nothing plain (a comment inside, continuation lines not lined up alike)."""
    lines = text.split("\n")
    if len(lines) < 2 or "#" in text:
        return None
    open_break = lines[0].strip() == "["
    close_alone = lines[-1].strip() == "]"
    inner = [line for line in (lines[1:-1] if close_alone else lines[1:]) if line.strip()]
    leads = {_lead(line) for line in inner}
    if len(leads) != 1:
        return None
    lead = leads.pop()
    body = text[:-1] if text.endswith("]") else text
    trailing_comma = body.rstrip().endswith(",")
    if not open_break and lead == column + 1 + _lead(lines[0][1:]):  # under the first point
        return FlowStyle(0, True, False, close_alone, trailing_comma)
    if lead <= indent:
        return None
    return FlowStyle(lead - indent, False, open_break, close_alone, trailing_comma)


def common_style(texts: Iterable[tuple[str, int, int]]) -> FlowStyle | None:
    """The most common style of the wrapped lists among `texts`: (text, indent of its line,
    column of its `[`)."""
    found: Counter = Counter()
    for text, indent, column in texts:
        if "\n" in text:
            style = style_at(text, indent, column)
            if style is not None:
                found[style] += 1
    return found.most_common(1)[0][0] if found else None


def format_flow(value: Any, indent: int, column: int, style: FlowStyle = HOUSE) -> str:
    """A list of numbers written in `style`: on one line when it fits in WIDTH from `column`
    (or holds numbers alone), else wrapped (see the module's docstring)."""
    one_line = one_line_of(value)
    if column + len(one_line) <= WIDTH or all(is_number(v) for v in value):
        return one_line
    lead = column + 1 if style.hanging else indent + style.step
    if all(isinstance(v, list) and all(is_number(n) for n in v) for v in value):  # a ring or line: packed
        pieces = [one_line_of(point) + "," for point in value]
    else:  # parts: one ring after another
        pieces = [format_flow(part, lead, lead, style) + "," for part in value]
    if not style.trailing_comma:
        pieces[-1] = pieces[-1][:-1]
    lines: list[str] = []
    current = "" if style.open_break else "["  # the line being filled

    def used() -> int:  # columns taken on the line being filled
        first = not lines and not style.open_break and "\n" not in current
        return len(current.split("\n")[-1]) + (column if first else 0)

    ring = all(isinstance(v, list) and all(is_number(n) for n in v) for v in value)
    for piece in pieces:
        if current.strip("[ ") and (
            not ring or used() + 1 + len(piece.split("\n")[0]) > WIDTH
        ):  # parts: a line each
            lines.append(current)
            current = ""
        if not current:
            current = " " * lead
        elif current != "[":
            current += " "
        current += piece
    lines.append(current)
    head = "[\n" if style.open_break else ""
    tail = "\n" + " " * indent + "]" if style.close_alone else "]"
    return head + "\n".join(lines) + tail


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def number_text(value: Any) -> str:
    if isinstance(value, int):
        return str(value)
    value = round(float(value), 3)
    return str(int(value)) + ".0" if value.is_integer() else repr(value)


def one_line_of(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(one_line_of(v) for v in value) + "]"
    return number_text(value)
