"""How a chart wraps its flow lists of numbers, so that a list written anew (its values
changed by an edit) lines up as the author's own lists do.

A list that fits in `WIDTH` columns is written on one line. A longer one is wrapped as the
file wraps its lists: after the `[` or on the next line, its continuation lines `step`
columns deeper than the line the list starts on (2, 3, 4…) or lined up under its first
point (`hanging`), the `]` on a line of its own or after the last point, a comma after the
last point or not. The style is read from the list's own old text where it was wrapped,
else from the file's wrapped lists (the most common style), else its continuation lines
are one mapping indent deeper (the file's own: a chart indented by four spaces gets four).

Numbers are written as the file writes its points (`NumberStyle`, `number_style`): a whole
value as an integer (`18`) where the file writes its whole coordinates so, else with the
file's decimals (`18.0`, `18.00`); a value with a fraction keeps every digit the editor gave
it (to a thousandth), padded to the file's decimals (`17.50` in a file of two decimals).
No Qt.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How a chart writes the numbers of its points."""

    whole_as_int: bool = False  # `18`, not `18.0`
    places: int = 1  # at least this many decimals where a number is written with a point


HOUSE_NUMBERS = NumberStyle()  # (a chart that says nothing: `18.0`, as PyYAML and ruamel.yaml write it)
_SAMPLE = 2000  # numbers looked at: the head of a chart of 10,000 zones says as much as all of it
# a number standing alone as an item of a flow list (`[18, 80.5]`) or of a block list (`- 18`)
_POINT_NUMBER = re.compile(
    r"(?:[\[,]|^[ ]*-|[ ]-)[ ]*(-?[0-9]+)(?:\.([0-9]+))?[ ]*(?=[\],#\n]|$)", re.MULTILINE
)


def number_style(text: str) -> NumberStyle:
    """The style of the numbers written in `text`'s lists: whole values as integers when more
    of them are written so than as `18.0`; the fewest decimals any number is written with
    (HOUSE_NUMBERS where the text says nothing)."""
    ints = whole_decimals = 0
    places: Counter = Counter()
    for n, match in enumerate(_POINT_NUMBER.finditer(text)):
        if n >= _SAMPLE:
            break
        fraction = match.group(2)
        if fraction is None:
            ints += 1
            continue
        places[len(fraction)] += 1
        whole_decimals += fraction.strip("0") == ""
    if not ints and not places:
        return HOUSE_NUMBERS
    return NumberStyle(ints > whole_decimals, min(places) if places else 1)


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


def format_flow(
    value: Any, indent: int, column: int, style: FlowStyle = HOUSE, numbers: NumberStyle = HOUSE_NUMBERS
) -> str:
    """A list of numbers written in `style`, its numbers in `numbers`: on one line when it
    fits in WIDTH from `column` (or holds numbers alone), else wrapped (see the module's
    docstring)."""
    ring = _is_ring(value)
    if ring and value:  # a ring or line: each point written once (100,000 of them: a large zone)
        return _packed(value, indent, column, style, numbers)
    one_line = one_line_of(value, numbers)
    if column + len(one_line) <= WIDTH or all(is_number(v) for v in value):
        return one_line
    lead = column + 1 if style.hanging else indent + style.step
    if ring:  # (a ring or line: packed; see _packed)
        pieces = [one_line_of(point, numbers) + "," for point in value]
    else:  # parts: one ring after another
        pieces = [format_flow(part, lead, lead, style, numbers) + "," for part in value]
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


_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?")
_SKELETON_SPACE = re.compile(r"\s+")


def in_old_lines(old: str, value: Any, numbers: NumberStyle = HOUSE_NUMBERS) -> str | None:
    """`value` written into the old text of the same list (`old`, from its `[` to its `]`):
    each number put where the old one stood, every line break, space and comma kept, so a
    nudge of one zone changes only its numbers (tryout S22-16: a 3-line `plantar-left: [`
    list became one line). None when the list's shape changed (a vertex added or removed) or
    its old text is not plain numbers and brackets (a comment inside).

    The old text is cut at its numbers once; a ring's numbers are written once per value and
    its skeleton made without its text (the text of every point, three regular-expression
    passes over it and a call per number took 0.63 s of a drop of a zone of 100,000 corners)."""
    if "#" in old or not isinstance(value, list):
        return None
    between = _NUMBER.split(old)  # the old text around its numbers
    texts = _ring_texts(value, numbers)
    if texts is None:
        new = one_line_of(value, numbers)
        texts = _NUMBER.findall(new)
        shape = _skeleton("0".join(_NUMBER.split(new)))
    else:
        shape = "[" + ",".join(["[0,0]"] * len(value)) + "]"
    if _skeleton("0".join(between)) != shape:
        return None
    written = [None] * (2 * len(texts) + 1)
    written[::2] = between
    written[1::2] = texts
    return "".join(written)


def _skeleton(text: str) -> str:
    """`text` with its numbers as 0 (done by the caller), no white space, no comma before a `]`."""
    return "".join(text.split()).replace(",]", "]")


def _ring_texts(value: list, numbers: NumberStyle) -> list[str] | None:
    """The texts of the numbers of a ring (points of two plain numbers), each distinct value
    written once; None for any other list, or a number whose text is not plainly a number
    (written as the general way does)."""
    plain = _PLAIN
    for p in value:
        if not (type(p) is list and len(p) == 2 and type(p[0]) in plain and type(p[1]) in plain):
            return None
    known: tuple[dict[Any, str], dict[Any, str]] = ({}, {})  # ints, floats (1 == 1.0, "1" != "1.0")
    texts = []
    for point in value:
        for n in point:
            of_type = known[type(n) is float]
            text = of_type.get(n)
            if text is None:
                text = of_type[n] = number_text(n, numbers)
                if not _NUMBER.fullmatch(text):
                    return None
            texts.append(text)
    return texts


def _packed(value: list, indent: int, column: int, style: FlowStyle, numbers: NumberStyle) -> str:
    """format_flow of a ring or line (a list of lists of numbers), the same text: each
    point's text made once (and each number's once per list), the lines filled counting
    their widths (a zone of 100,000 corners took a second a drop)."""
    known: dict[float, str] = {}
    whole, places = numbers.whole_as_int, numbers.places

    def number(n: Any) -> str:
        if type(n) is not float:
            return number_text(n, numbers)
        text = known.get(n)
        if text is None:  # (number_text of a float, its steps inline)
            value = round(n, 3) + 0.0
            if value != n + 0.0:
                text = repr(n)  # finer than a thousandth: as the file had it (see _fine)
            elif value.is_integer():
                text = str(int(value)) if whole else f"{value:.{places}f}"
            else:
                text = repr(value)
                text += "0" * (places - len(text.partition(".")[2]))
            known[n] = text
        return text

    points = ["[" + ", ".join(map(number, point)) + "]" for point in value]
    if column + sum(map(len, points)) + 2 * len(points) <= WIDTH:  # "[" + ", ".join(points) + "]"
        return "[" + ", ".join(points) + "]"
    lead = column + 1 if style.hanging else indent + style.step
    pieces = [point + "," for point in points]
    if not style.trailing_comma:
        pieces[-1] = pieces[-1][:-1]
    lines: list[str] = []
    start = "" if style.open_break else "["  # the line being filled: start + " ".join(parts)
    parts: list[str] = []
    width = len(start)
    for piece in pieces:
        if parts and width + (column if not lines and not style.open_break else 0) + 1 + len(piece) > WIDTH:
            lines.append(start + " ".join(parts))
            start, parts, width = "", [], 0
        if not parts and not start:
            start, width = " " * lead, lead
        width += len(piece) + (1 if parts else 0)
        parts.append(piece)
    lines.append(start + " ".join(parts))
    head = "[\n" if style.open_break else ""
    tail = "\n" + " " * indent + "]" if style.close_alone else "]"
    return head + "\n".join(lines) + tail


def _is_ring(value: Any) -> bool:
    """Whether `value` is a list of lists of numbers (a ring or line): a point of two plain
    numbers at once (the check of each number by itself took a tenth of a second of a drop
    of a zone of 100,000 corners)."""
    plain = _PLAIN
    for v in value:
        if type(v) is list and len(v) == 2 and type(v[0]) in plain and type(v[1]) in plain:
            continue
        if not (isinstance(v, list) and all(is_number(n) for n in v)):
            return False
    return True


_PLAIN = (int, float)  # (types themselves: a bool is not one of them)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# _fine: every number an edit computes is rounded to a thousandth of a millimetre (edits._mm),
# so a number finer than that was not computed: it is the file's own, in a list rewritten
# because another point of it moved (S15-7). It is written as read (repr: the shortest text
# that reads back as the same float), not rounded: before, moving one corner of a ring wrote
# its neighbours [2.0456, 30.0004] as [2.046, 30], changing points the author never touched.


def number_text(value: Any, numbers: NumberStyle = HOUSE_NUMBERS) -> str:
    """`value` (millimetres, to a thousandth) written in the style `numbers`; an int (a
    value the file holds as it wrote it) as it is; a number kept as written because no float
    holds it (1e999, 1e-400: text to the loader, number_reach.Unheld to ruamel.yaml) as written,
    never as infinity ('inf0') or 0."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) or hasattr(value, "written"):
        return value if isinstance(value, str) else value.written
    if (value := float(value)) != round(value, 3):
        return repr(value)  # finer than a thousandth: as the file had it (see _fine)
    value = value + 0.0  # (+ 0.0: -0.0 is written 0)
    if value.is_integer():
        return str(int(value)) if numbers.whole_as_int else f"{value:.{numbers.places}f}"
    written = repr(value)
    return written + "0" * (numbers.places - len(written.partition(".")[2]))


def one_line_of(value: Any, numbers: NumberStyle = HOUSE_NUMBERS) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(one_line_of(v, numbers) for v in value) + "]"
    return number_text(value, numbers)
