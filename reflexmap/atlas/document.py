"""A chart as the author wrote it: YAML text kept byte for byte, beside the validated model.

ruamel.yaml (round-trip mode) keeps comments, key order, quoting and `mirror` declarations,
but it re-flows every flow sequence onto one line, and the charts write point lists as
hand-wrapped flow sequences (`outline: [` ... `]`). So before dumping, each flow sequence of
numbers is swapped for a placeholder scalar, and after dumping the placeholder is replaced
by the list's text: the author's own text when its values are unchanged (remembered in
`layouts`, also across edits, so that an undo gives back the same bytes), or the house
style (points packed up to 100 columns, one trailing comma) when they changed.

A `ChartDocument` is immutable: edits (see edits.py) make a new one. Coordinates are
millimetres, as in the file. No Qt.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from ..i18n import _
from . import stopping
from .draft import Draft, Problem, locate_parsed, with_repeats, written_shapes
from .errors import AtlasError, EditRefused
from .flow_style import (
    FlowStyle,
    NumberStyle,
    common_style,
    format_flow,
    in_old_lines,
    number_style,
    number_text,
    style_at,
)
from .kept_lines import keep_written_lines
from .loader import LoadResult, parse_atlas
from .visible_escapes import VisibleEmitter

INCREMENTAL = [True]  # drafts after an edit of points worked out from the one before (benchmarks: off)
_TOKEN = "RMFLOWPLACEHOLDER{:06d}X"
_TOKEN_RE = re.compile(r"RMFLOWPLACEHOLDER(\d{6})X")

Frozen = Any  # nested tuples of floats: a flow list's values, for comparing layouts


def _yaml(indent: tuple[int, int, int] = (2, 4, 2)) -> YAML:
    from .read_alike import read_numbers_as_the_loader

    yaml = YAML()  # round-trip
    read_numbers_as_the_loader(yaml)  # 1e999 kept as written, not read as infinity
    yaml.Emitter = VisibleEmitter  # a bidi control or zero-width character written as \u escape
    yaml.preserve_quotes = True
    yaml.width = 4096  # long plain and quoted lines stay on one line, as authors wrote them
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


_BLOCK_KEY = re.compile(r"^( *)[^\s#\-][^\n]*:[ \t]*(?:#[^\n]*)?$")  # `key:` opening a block
_NEXT_ITEM = re.compile(r"^( *)(- +)?\S")


def written_indent(text: str) -> tuple[int, int, int]:
    """ruamel.yaml's (mapping, sequence, dash) indents the text is written with, as most of
    its blocks are: a chart indented by four spaces, or with its dashes indented, keeps its
    indentation when an edit writes the whole chart again (before: every line moved to the
    house style, two spaces). (2, 4, 2), the house style, where nothing says otherwise."""
    from collections import Counter

    mappings: Counter = Counter()
    sequences: Counter = Counter()
    lines = text.split("\n")
    for n, line in enumerate(lines[:-1]):
        key = _BLOCK_KEY.match(line)
        if key is None:
            continue
        below = (x for x in lines[n + 1 : n + 20] if x.strip() and not x.lstrip().startswith("#"))
        following = next(below, "")
        item = _NEXT_ITEM.match(following)
        if item is None:
            continue
        depth = len(item.group(1)) - len(key.group(1))
        if item.group(2):
            sequences[(depth + len(item.group(2)), depth)] += 1
        elif depth > 0:
            mappings[depth] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    sequence, dash = sequences.most_common(1)[0][0] if sequences else (mapping + 2, mapping)
    if sequence - dash < 2 or dash < 0:  # (ruamel.yaml writes no less)
        return (2, 4, 2)
    return (mapping, sequence, dash)


def _is_number(value: Any) -> bool:
    """A number ruamel.yaml read (not 1e999, which the loader refuses: number_reach.Unheld)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and not hasattr(value, "written")


def _numeric(value: Any) -> bool:
    """A list holding only numbers and lists of them (points, rings, polygons)."""
    if isinstance(value, list):
        return all(_numeric(v) for v in value)
    return _is_number(value)


def freeze(value: Any) -> Frozen:
    """Values compared by number, not by spelling: 33 and 33.0 are the same coordinate."""
    if isinstance(value, list):  # (a point of two numbers at once: 100,000 of them in a large zone)
        return tuple(
            [
                (float(v[0]), float(v[1]))
                if type(v) is list and len(v) == 2 and type(v[0]) in _NUMBERS and type(v[1]) in _NUMBERS
                else freeze(v)
                for v in value
            ]
        )
    return value if isinstance(value, str) else float(value)  # (text: 1e999 as the loader keeps it)


_NUMBERS = (int, float)


_FLOW_MARKS = re.compile(r"[\[\]#]")


def _flow_end(text: str, start: int) -> int:
    """Index just past the `]` that closes the flow sequence opened at `start` (from bracket
    to bracket: the characters between them looked at in C, 2 MB of a zone's list)."""
    depth, i = 0, start
    search = _FLOW_MARKS.search
    while (found := search(text, i)) is not None:
        i = found.start()
        char = text[i]
        if char == "#":
            if i == 0 or text[i - 1] in " \t\n":
                i = text.find("\n", i)
                if i < 0:
                    break
                continue
        elif char == "[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unclosed flow sequence at offset {start}")


@dataclass(frozen=True, slots=True)
class Layout:
    """A flow list's text as written, the indentation of the line it starts on and the
    column of its `[`."""

    text: str
    indent: int
    column: int = field(default=-1, compare=False)  # where its `[` stands on its line (-1: not known)
    node: int = field(default=-1, compare=False)  # its node's indent (see node_indent)

    def at(self, indent: int) -> str:
        lines = self.text.split("\n")
        shift = indent - self.indent
        moved = [
            (" " * shift + line if shift >= 0 else line[min(-shift, _lead(line)) :]) for line in lines[1:]
        ]
        return "\n".join([lines[0], *moved])


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _layout(text: str, line_start: int, start: int, end: int) -> Layout:
    """The Layout of the flow list from `start` to `end` of `text`, on the line from `line_start`."""
    before = text[line_start:start]
    return Layout(text[start:end], _lead(before), start - line_start, node_indent(before))


_DASHES = re.compile(r" *(?:-[ ]+)*")


def node_indent(before: str) -> int:
    """The indentation of the node a flow list belongs to, from the text of its line before
    its `[`: the line's indent, past any `- ` of block list items (`    - [` is a list at 6)."""
    return _DASHES.match(before).end()


def _flow_lists(node: Any) -> list[tuple[Any, Any, CommentedSeq]]:
    """(parent, key or index, list) for every outermost flow sequence of numbers."""
    found: list[tuple[Any, Any, CommentedSeq]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, CommentedSeq) and value.fa.flow_style() and value and _numeric(value):
            found.append((node, key, value))
        elif isinstance(value, dict | list):
            found.extend(_flow_lists(value))
    return found


def _layouts_of(text: str, tree: Any) -> dict[Frozen, Layout]:
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    layouts: dict[Frozen, Layout] = {}
    for _parent, _key, seq in _flow_lists(tree):
        start = offsets[seq.lc.line] + seq.lc.col
        end = _flow_end(text, start)
        line_start = offsets[seq.lc.line]
        layouts.setdefault(freeze(seq), _layout(text, line_start, start, end))
    return layouts


_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")  # read alike by YAML 1.1 and 1.2


def written_layouts(text: str) -> dict[Frozen, Layout]:
    """How each outermost flow list of numbers is written in `text` (see `Layout`), found from
    PyYAML's C parser's events: a round trip through ruamel.yaml took 7 s of CPU per 1,000
    zones, and opening a chart in the editor needs only these texts, not a tree (`tree()`
    makes one when an edit needs it). A list holding a number not plainly written (1e3,
    0x1F, 010, an alias) is left out (the lists inside it are looked at): its values are not
    guessed, so no layout is ever kept under values it does not have; it is written in the
    house style. Raises ValueError when the text is not YAML."""
    import yaml

    parser = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    # a frame per open collection: [start offset, flow list?, its values (None: not all
    # plain numbers), the outermost lists of numbers found inside it so far]
    frames: list[list] = [[0, False, None, []]]
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.SequenceStartEvent):
                flow = bool(event.flow_style)
                frames.append([event.start_mark.index, flow, [] if flow else None, []])
            elif isinstance(event, yaml.MappingStartEvent):
                frames.append([event.start_mark.index, False, None, []])
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                start, flow, values, found = frames.pop()
                parent = frames[-1]
                if flow and values:  # a non-empty flow list of plain numbers: outermost so far
                    found = [(start, tuple(values))]
                if parent[2] is not None:
                    parent[2].append(tuple(values) if values is not None else None)
                    if values is None:
                        parent[2] = None
                parent[3].extend(found)
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                values = frames[-1][2]
                if values is not None:
                    if (
                        isinstance(event, yaml.ScalarEvent)
                        and event.tag is None
                        and not event.style  # plain: None (Python reader) or '' (C reader)
                        and event.implicit[0]
                        and _PLAIN_NUMBER.fullmatch(event.value)
                    ):
                        values.append(float(event.value))
                    else:
                        frames[-1][2] = None
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    finally:
        parser.dispose()
    layouts: dict[Frozen, Layout] = {}
    for start, values in frames[0][3]:
        end = _flow_end(text, start)
        line_start = text.rfind("\n", 0, start) + 1
        layouts.setdefault(values, _layout(text, line_start, start, end))
    return layouts


# a token of a flow list of numbers: a bracket or comma, a comment (after a space), or a scalar
_FLOW_PAIR = re.compile(
    r"(?m)^[ ]*- (\[ *(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?) *, *(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?) *\])"
)
_FLOW_TOKEN = re.compile(r"\s*(?:([\[\],])|(#[^\n]*)|([^\s\[\],#]+))")


def parsed_layouts(text: str, data: Any, positions: Any) -> dict[Frozen, Layout] | None:
    """`written_layouts(text)`, found from the loader's parse of the same text (`data` and
    its `positions`, see yaml_source.parse_yaml) instead of a second walk of the parser's
    events (1.5 s of CPU on 10,000 zones): each list of the data is looked at where it
    starts; the first flow list on a way down is read from the text by its brackets, commas
    and scalars, a list of points read from the text directly (point_lists.py) from its
    text; a value met again (an alias) is its anchor's, looked at once. None where this
    reading could differ from the parser's (an anchor or a tag on a list, quotes, aliases or
    mappings inside a flow list, a list the parse did not place): `written_layouts` is asked
    then. `tests/atlas/test_parsed_layouts.py` compares the two."""
    seen: set[int] = set()
    layouts: dict[Frozen, Layout] = {}

    def record(start: int, end: int, values: Frozen) -> None:
        line_start = text.rfind("\n", 0, start) + 1
        layouts.setdefault(values, _layout(text, line_start, start, end))

    point_lists = positions.point_lists
    stack: list[tuple[tuple, Any]] = [((), data)]
    for path, value in stopping.each(_popped(stack), 256):  # (stops when asked: stopping.py)
        if id(value) in seen:
            continue
        seen.add(id(value))
        if type(value) is dict:
            stack.extend((path + (k,), v) for k, v in reversed(value.items()) if type(v) in (dict, list))
            continue
        if all(type(v) in (str, dict) for v in value):  # texts (a zone's sources), mappings (views)
            stack.extend((path + (k,), v) for k, v in reversed(list(enumerate(value))) if type(v) is dict)
            continue  # not a list of numbers itself, in flow style or not: only its mappings hold any
        points = point_lists.get(path)
        if points is not None and points.text is text:
            if points.pad < 0:  # a flow list
                if not _flow_points(text, points.start, record):
                    return None
            elif "[" in text[points.start : points.end]:  # block, one point a line: `- [x, y]`
                region = text[points.start : points.end]
                found = _FLOW_PAIR.findall(region)
                if len(found) == region.count("["):  # (the usual way, in one regular expression)
                    for written, x, y in found:  # each on its own line, its '-' at the list's column
                        layouts.setdefault((float(x), float(y)), Layout(written, points.pad))
                    continue
                at = text.find("[", points.start, points.end)
                while at >= 0:
                    if not _flow_span(text, at, record):
                        return None
                    at = text.find("[", _flow_end(text, at), points.end)
            continue
        where = positions.values.get(path)
        start = None if where is None or positions.text is not text else positions.offset(*where)
        if start is None:
            return None
        if text.startswith("[", start):
            if not _flow_span(text, start, record):
                return None
        elif text.startswith("-", start):  # a block list
            stack.extend(
                (path + (k,), v) for k, v in reversed(list(enumerate(value))) if type(v) in (dict, list)
            )
        else:
            return None  # a tag, or a place not understood
    return layouts


def _popped(stack: list) -> Iterator:
    """The items of `stack`, the last first, while it has any (it grows meanwhile)."""
    while stack:
        yield stack.pop()


_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"  # as _PLAIN_NUMBER
_PAIR = re.compile(rf"\[\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\]")
_POINTS = re.compile(rf"\[\s*(?:{_PAIR.pattern}\s*,\s*)*{_PAIR.pattern}\s*,?\s*\]".replace("(-?", "(?:-?"))


def _flow_points(text: str, start: int, record) -> bool:
    """`_flow_span` of a flow list of points: one written as plain number pairs only (no
    comment, no other scalar) is matched whole and its pairs found by one regular expression
    (what `_flow_span` records of it: the whole list, its values the pairs); any other is read
    token by token. A realistic chart's shapes are flow lists over several lines: token by
    token they took 0.5 s of CPU on 2,700 zones on entering edit mode."""
    end = _flow_end(text, start)
    if _POINTS.fullmatch(text, start, end) is None:
        return _flow_span(text, start, record)
    record(start, end, tuple((float(x), float(y)) for x, y in _PAIR.findall(text, start + 1, end)))
    return True


def _flow_span(text: str, start: int, record) -> bool:
    """Reads the flow list starting at `start` (its `[`) as `written_layouts` reads it, and
    `record`s each outermost non-empty list of plain numbers in it; False when it holds
    anything but brackets, commas, comments and plain scalars."""
    end = _flow_end(text, start)
    # a frame per open list: [its start, its values (None: not all plain numbers), found]
    frames: list[list] = [[start, [], []]]
    at = start + 1
    while frames:
        token = _FLOW_TOKEN.match(text, at, end)
        if token is None:
            return False
        at = token.end()
        bracket, comment, scalar = token.groups()
        if comment is not None:
            if text[token.start(2) - 1] not in " \t\n":
                return False
        elif scalar is not None:
            if any(c in scalar for c in "\"'{}!&*|>?:%@`"):
                return False
            if frames[-1][1] is not None:
                if _PLAIN_NUMBER.fullmatch(scalar):
                    frames[-1][1].append(float(scalar))
                else:
                    frames[-1][1] = None
        elif bracket == "[":
            frames.append([token.start(1), [], []])
        elif bracket == "]":
            opened, values, found = frames.pop()
            if values:
                found = [(opened, token.end(1), tuple(values))]
            if frames:
                parent = frames[-1]
                if parent[1] is not None:
                    parent[1].append(tuple(values) if values is not None else None)
                    if values is None:
                        parent[1] = None
                parent[2].extend(found)
            else:
                for where, until, frozen in found:
                    record(where, until, frozen)
    return at == end


_STYLE_OF: list = [None, None]  # the text last asked about (the chart as loaded) and its style
_NUMBERS_OF: list = [None, None]  # likewise for the style of its numbers


def numbers_of(document: ChartDocument) -> NumberStyle:
    """How `document`'s chart, as loaded, writes the numbers of its points (flow_style.py):
    a moved point is written `[18, 80]` beside `[-18, 80]`, `[18.0, 80.0]` beside `[-18.0, 80.0]`."""
    if document.numbers is not None:
        return document.numbers
    text = document.origin or document.text
    if _NUMBERS_OF[0] is not text:
        _NUMBERS_OF[:] = [text, number_style(text)]
    return _NUMBERS_OF[1]


def written_number(value: float, document: ChartDocument) -> str:
    """`value` written as `document`'s chart writes its numbers (ring_text.py: a moved point)."""
    return number_text(value, numbers_of(document))


def flow_style(document_text: str, layouts: Mapping[Frozen, Layout]) -> FlowStyle:
    """How the chart wraps a flow list of numbers written anew: as most of its wrapped lists
    (`layouts`, the lists as written), else one mapping indent deeper (flow_style.py).
    Kept for the text asked about (callers give the chart as loaded, the same text object
    edit after edit): on 10,000 zones finding it takes 0.28 s, and every drag may ask."""
    if _STYLE_OF[0] is document_text:
        return _STYLE_OF[1]
    style = _found_style(document_text, layouts)
    _STYLE_OF[:] = [document_text, style]
    return style


def _found_style(document_text: str, layouts: Mapping[Frozen, Layout]) -> FlowStyle:
    texts = ((layout.text, layout.node, layout.column) for layout in layouts.values() if "\n" in layout.text)
    found = common_style(texts)
    if found is not None:
        return found
    return FlowStyle(step=written_indent(document_text)[0])


@dataclass(frozen=True, slots=True)
class ChartDocument:
    """One chart file's text (exactly what gets saved) and where it came from.

    `layouts` remembers how each flow list of numbers was written, so that a list given
    back its old values (an undo) is written as before, byte for byte."""

    text: str
    source: str = "<chart>"
    path: Path | None = None
    layouts: Mapping[Frozen, Layout] = field(default_factory=dict, repr=False, compare=False)
    bom: bool = False
    crlf: bool = False
    origin: str = field(default="", repr=False, compare=False)  # the text as loaded
    # the text parsed by the loader's parser (data, positions), once it has been: an edit of
    # points (edits.py) finds its list there instead of parsing the whole chart again
    parsed: list = field(default_factory=list, repr=False, compare=False)
    # an edit of points made this document from another (recheck.Basis): its check is worked
    # out from that one's; and the check once made (drafts are asked for again on undo)
    basis: tuple = field(default=(), repr=False, compare=False)
    checked: list = field(default_factory=list, repr=False, compare=False)
    # how the numbers are written where the text is not the whole chart (local_edit.py's few
    # zones: the chart's own style, not theirs); None: found in the chart as loaded
    numbers: NumberStyle | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(
        cls, text: str, source: str = "<chart>", path: Path | None = None, *, parse: bool = False
    ) -> ChartDocument:
        """The document of a chart's text (raises ValueError when it is not YAML). `parse`:
        parsed now as the loader parses it, kept for the check (`draft`) and the edits, and
        the flow lists' texts found from that parse (`parsed_layouts`), not from a second
        reading of the whole text."""
        bom = text.startswith("\ufeff")
        text = text.removeprefix("\ufeff")
        # CRLF throughout: read as LF and written back so; mixed line ends are kept as they
        # are in the text (before: an unchanged chart with a few CRLF lines was saved all CRLF)
        crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
        if crlf:
            text = text.replace("\r\n", "\n")
        layouts, parsed = None, None
        if parse:
            from .yaml_source import parse_yaml

            data, positions, errors = parse_yaml(text, source)
            if not errors:
                parsed = (data, positions)
                layouts = parsed_layouts(text, data, positions)
        document = cls(
            text, source, path, written_layouts(text) if layouts is None else layouts, bom, crlf, text
        )
        if parsed is not None:
            document.parsed.append(parsed)
        return document

    def at(self, path: Path | None, source: str) -> ChartDocument:
        """The same text as the file at `path` (Save As): checked afresh, since the chart
        and its messages name their file."""
        return replace(self, path=path, source=source, parsed=[], checked=[], basis=())

    def to_bytes(self) -> bytes:
        """The file's bytes: the text with the byte-order mark and line ends it was read with."""
        text = self.text.replace("\n", "\r\n") if self.crlf else self.text
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")

    def tree(self) -> Any:
        """A fresh round-trip tree of the text (ruamel CommentedMap) to change and pass to
        `with_tree`; changing it never changes this document. Raises EditRefused, with
        the place, where ruamel.yaml reads the text otherwise than the loader does (a tab
        before a colon, lines ended by U+0085 or U+2028): the loader opened the chart, but a
        change cannot be written into it (it was lost without a word, and "Saved")."""
        from .read_alike import ruamel_refusal

        try:
            return _yaml().load(self.text)
        except Exception as exc:  # ruamel's own errors (in English, with its own positions)
            error = ruamel_refusal(exc, self.text, self.source)
            if error is None:
                raise
            raise EditRefused(str(error)) from None

    def with_tree(self, tree: Any, indent: tuple[int, int, int] | None = None) -> ChartDocument:
        """A new document whose text is `tree` dumped, flow lists kept as written (`indent`:
        ruamel.yaml's mapping, sequence and dash indents; local_edit.py writes a few zones in
        the file's own; by default the indents the chart is written with, `written_indent`)."""
        whole = indent is None  # the whole chart, not local_edit.py's zones in one indentation
        if whole:
            indent = written_indent(self.origin or self.text)
        found = _flow_lists(tree)
        originals = []
        try:
            for n, (parent, key, seq) in enumerate(found):
                originals.append(seq)
                parent[key] = _TOKEN.format(n)
            out = io.StringIO()
            yaml = _yaml(indent)
            yaml.explicit_start = self.text.startswith("---")
            yaml.dump(tree, out)
            dumped = out.getvalue()
        finally:
            for (parent, key, _unused), seq in zip(found, originals, strict=False):
                parent[key] = seq
        layouts = dict(self.layouts)
        style: list[FlowStyle] = []  # the chart's, found when a list is first written anew

        def replace(match: re.Match) -> str:
            seq = originals[int(match.group(1))]
            line_start = dumped.rfind("\n", 0, match.start()) + 1
            indent = _lead(dumped[line_start : match.start()])
            layout = layouts.get(freeze(seq))
            if layout is not None:
                return layout.at(indent)
            column = match.start() - line_start
            if not style:
                style.append(flow_style(self.origin or self.text, self.layouts))
            node = node_indent(dumped[line_start : match.start()])
            old = self._old_flow_text(seq)  # (its numbers changed in place: its lines kept)
            written = in_old_lines(old, seq, numbers_of(self)) if old else None
            if written is None:
                written = format_flow(seq, node, column, style[0], numbers_of(self))
            layouts[freeze(seq)] = Layout(
                written, indent, column, node_indent(dumped[line_start : match.start()])
            )
            return written

        written = _TOKEN_RE.sub(replace, dumped)
        if whole:  # each list in its own style where the chart's lists are written in several
            written = keep_written_lines(self.text, written)
        text = _keep_trailing_spaces(self.origin or self.text, written)
        return ChartDocument(text, self.source, self.path, layouts, self.bom, self.crlf, self.origin)

    def _old_flow_text(self, seq: Any) -> str | None:
        """The text of the flow list `seq` as this document's text had it (ruamel's place
        of the list, kept while an edit changes its items in place), or None."""
        place = getattr(seq, "lc", None)
        line, column = getattr(place, "line", None), getattr(place, "col", None)
        if line is None or column is None:
            return None
        at = 0
        for _line in range(line):
            at = self.text.find("\n", at) + 1
            if at == 0:
                return None
        start = at + column
        if self.text[start : start + 1] != "[":
            return None
        return self.text[start : _flow_end(self.text, start)]

    def validate(self) -> LoadResult:
        """The chart checked by exactly the rules of `reflexmap check` (the loader and builder)."""
        return parse_atlas(self.text, self.source, path=self.path)

    def problems(self) -> tuple[Problem, ...]:
        """Every error of `validate()`, located in zone, view and vertex where it has one."""
        result = self.validate()
        return locate(self.text, result.errors) if result.errors else ()

    def draft(self) -> Draft:
        """What an editor shows: the chart as far as it builds (see Builder.build, lenient),
        every problem `reflexmap check` finds, located, and each zone's shapes as written
        (also the ones with errors, which the lenient chart leaves out). Worked out once per
        document; after an edit, from the draft before it (see recheck.py, recheck_zones.py)."""
        if not self.checked:
            derived = None
            if self.basis and INCREMENTAL[0]:
                from . import recheck, recheck_zones

                try:
                    if isinstance(self.basis[0], recheck.Basis):  # an edit of points, in place
                        derived = recheck.derived_draft(self)
                    if derived is None:  # any edit of zones (recheck_zones.py)
                        derived = recheck_zones.derived_draft(self)
                except Exception:  # noqa: BLE001 - a shortcut that fails: the whole check is exact
                    derived = None
                    self.parsed.clear()
            draft = derived if derived is not None else self.full_draft()
            if draft.atlas is not None and self.parsed:  # every zone shown, a repeated id too
                data, positions = self.parsed[0]
                draft = with_repeats(draft, data, positions, self.source)
            self.checked.append(draft)
        return self.checked[0]

    def cached_draft(self) -> Draft | None:
        """The draft, if it was worked out already."""
        return self.checked[0] if self.checked else None

    def full_draft(self) -> Draft:
        """The draft worked out from the text alone, as `reflexmap check` checks a file."""
        from .builder import Builder
        from .schema import check_structure
        from .yaml_source import parse_yaml

        if self.parsed:  # parsed already (the ids of its zones were asked first): not twice
            (data, positions), errors = self.parsed[0], []
        else:
            data, positions, errors = parse_yaml(self.text, self.source)
        if not errors and not self.parsed:
            self.parsed.append((data, positions))
        if not errors:
            errors = check_structure(data, positions, self.source)
        if errors:
            return Draft(None, locate(self.text, tuple(errors)), {})
        builder = Builder(data, positions, self.source)
        atlas = builder.build(self.path, lenient=True)
        errors = tuple(sorted(set(builder.errors)))
        problems = locate(self.text, errors) if errors else ()
        return Draft(atlas, problems, written_shapes(data, positions))


def replace_flow_lists(document: ChartDocument, changes: list[tuple[int, Any]]) -> ChartDocument:
    """A new document whose flow lists of numbers starting at the given offsets of the text
    (each a `[`) hold the new values: written as the same values were written before (so an
    undo gives back the same bytes), else in the house style, as `with_tree` writes them.
    Nothing else of the text changes."""
    return replaced_flow_lists(document, changes)[0]


def replaced_flow_lists(
    document: ChartDocument, changes: list[tuple[int, Any]], ends: dict[int, int] | None = None
) -> tuple[ChartDocument, list]:
    """`replace_flow_lists`, and the spans it rewrote: (start, end) in the old text, new text.
    `ends`: where lists end (just past their `]`), by start, where that is known already."""
    text = document.text
    layouts = dict(document.layouts)
    spans = []
    for start, value in sorted(changes, key=lambda change: change[0], reverse=True):
        end = (ends or {}).get(start) or _flow_end(text, start)
        line_start = text.rfind("\n", 0, start) + 1
        indent = _lead(text[line_start:start])
        frozen = freeze(value)  # (once: 100,000 points take a tenth of a second)
        layout = layouts.get(frozen)
        if layout is not None:
            written = layout.at(indent)
        else:  # wrapped as the list itself was, else as the chart wraps its lists
            column = start - line_start
            node = node_indent(text[line_start:start])
            written = in_old_lines(text[start:end], value, numbers_of(document))
            if written is None:
                own = style_at(text[start:end], node, column)
                style = own or flow_style(document.origin or document.text, document.layouts)
                written = format_flow(value, node, column, style, numbers_of(document))
            layouts[frozen] = Layout(written, indent, column, node)
        spans.append((start, end, written))
        text = text[:start] + written + text[end:]
    new = ChartDocument(
        text, document.source, document.path, layouts, document.bom, document.crlf, document.origin
    )
    return new, spans


def text_change(before: ChartDocument, after: ChartDocument) -> tuple[int, str, str]:
    """(start, text of `before` there, text of `after` there): the one stretch where the two
    texts differ. The inverse of an edit that wrote the whole chart again puts it back
    (edits.TextEdit), byte for byte: a round trip back through ruamel.yaml wrote what the
    file had in ruamel's style (a four-space indent as two, `- s1` as `-   s1`), so Undo,
    or an inverse in a script, then Save changed a file that no change was left in."""
    old, new = before.text, after.text
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return start, old[start : len(old) - end], new[start : len(new) - end]


def _keep_trailing_spaces(old: str, new: str) -> str:
    """ruamel.yaml drops spaces at the end of a line (`key: ` before a block); they mean
    nothing to YAML there (in a block scalar they are content, and ruamel keeps them), so a
    line that is unchanged but for them gets them back from the text as loaded (not the
    previous edit's: a zone deleted and restored gets its spaces back too)."""
    if not re.search(r"[ \t]\n", old):
        return new
    import difflib

    old_lines, new_lines = old.split("\n"), new.split("\n")
    matcher = difflib.SequenceMatcher(
        None, [line.rstrip(" \t") for line in old_lines], new_lines, autojunk=False
    )
    for tag, i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            new_lines[j1:j2] = old_lines[i1 : i1 + (j2 - j1)]
    return "\n".join(new_lines)


def locate(text: str, errors: tuple[AtlasError, ...]) -> tuple[Problem, ...]:
    """Map each error's line and column back to the YAML path it was reported at."""
    from .yaml_source import parse_yaml

    data, positions, parse_errors = parse_yaml(text, "<chart>", keep_data=True)  # (`!!int 1.5`: placed)
    return locate_parsed(data, None if data is None else positions, errors)


class ChartUnreadable(ValueError):
    """A chart file that cannot be edited (missing, too large, not UTF-8, not YAML), with the
    error as `reflexmap check` gives it: `file:line:column: message`, or `file: message` for
    a problem with the whole file."""

    def __init__(self, error: AtlasError):
        self.error = error
        super().__init__(str(error))


def read_document(path: str | Path) -> ChartDocument:
    """The chart file at `path` as a document. Raises OSError or ValueError (ChartUnreadable:
    missing, too big, not UTF-8, not YAML; or only a part of the file, another program still
    writing it: whole_file.py, as the window's reading judges it); check its content with
    `document.problems()`."""
    from .whole_file import not_whole, stamp

    path = Path(path)
    before = stamp(path)
    try:
        document = _read_document(path)
    except ChartUnreadable as exc:
        placed = exc.error.placed
        cut = not_whole(path, before, lambda: placed)
        if cut is None:
            raise
        raise ChartUnreadable(cut) from None
    cut = not_whole(path, before, lambda: bool(document.problems()))
    if cut is not None:
        raise ChartUnreadable(cut)
    return document


def _read_document(path: Path) -> ChartDocument:
    from .loader import read_bytes

    raw = read_bytes(path)
    if isinstance(raw, AtlasError):
        raise ChartUnreadable(raw)
    return document_of_bytes(raw, path)


def document_of_bytes(raw: bytes, path: Path) -> ChartDocument:
    """The chart file at `path` as a document, given the bytes read from it (read_document;
    a chart shown as it was read, Atlas.read_from). Raises ValueError as read_document."""
    from .loader import decode, stray_byte_order_mark

    text = decode(raw, str(path))
    if isinstance(text, AtlasError):
        raise ChartUnreadable(text)
    stray = stray_byte_order_mark(text, str(path)) if "\ufeff" in text else None
    if stray is not None:
        raise ChartUnreadable(stray)
    refused = editor_cannot_read(text, str(path))
    if refused is not None:
        raise ChartUnreadable(refused)
    try:
        return ChartDocument.from_text(
            ("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "") + text, str(path), path, parse=True
        )
    except Exception as exc:  # ruamel's own errors (in English, with its own positions)
        from ruamel.yaml.error import YAMLError

        if not isinstance(exc, (YAMLError, ValueError, RecursionError)):
            raise
        from .yaml_source import parse_yaml

        errors = parse_yaml(text, str(path))[2]  # the loader's words and positions
        if errors:
            raise ChartUnreadable(errors[0]) from None
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        message = _("the editor cannot read this file: {reason}").format(reason=reason)
        raise ChartUnreadable(AtlasError(str(path), 0, 0, message)) from None


def editor_cannot_read(text: str, source: str) -> AtlasError | None:
    """Why the editor cannot change the chart `text`: the loader and ruamel.yaml, which
    writes the changes, would read it otherwise (read_alike.py: the one rule, by which the
    loader and `reflexmap check` refuse the file too, in the same words and place)."""
    from .read_alike import not_read_alike

    return not_read_alike(text, source)


def copy_node(node: Any) -> Any:
    """A deep copy of part of a tree, comments included, to put into another tree."""
    return copy.deepcopy(node)


# the parts of a chart the editor changes: a problem elsewhere (a view, its outline or guide
# lines, the chart's id or format) has to be fixed in the file
_EDITABLE_PARTS = frozenset({"zones", "sources", "title", "tradition", "description", "translations"})


def document_to_fix(path: str | Path) -> ChartDocument | str:
    """The chart file at `path` as a document the editor can open although `reflexmap check`
    refuses it, or why it cannot (a sentence); only a part of the file (another program still
    writing it: whole_file.py) is refused as such, never opened as the chart."""
    from .whole_file import not_whole, stamp

    path = Path(path)
    before = stamp(path)
    found = _document_to_fix(path)

    def errors_found() -> bool:
        if isinstance(found, str):
            return isinstance(found, _Refusal) and found.placed
        return bool(found.checked and found.checked[-1].problems)

    cut = not_whole(path, before, errors_found)
    return found if cut is None else _refusal(cut)


def _document_to_fix(path: Path) -> ChartDocument | str:
    """document_to_fix's reading: the document the editor can open although `reflexmap check`
    refuses it, or why it cannot (a sentence). It can when the file is a chart (readable,
    within the limits, YAML with the published structure, views and sources sound) whose
    problems all lie in what the editor changes: zones (shapes outside the outline or crossing
    themselves, repeated ids, texts, sources named) and the chart's texts and sources. A file
    refused before it is read as a chart (too large, over a limit, not YAML, a coordinate that
    is not a finite number) stays refused, as does one whose views are broken: the editor
    draws the zones on the views' outlines and cannot change them."""
    from .builder import Builder
    from .loader import decode, read_bytes, stray_byte_order_mark
    from .schema import check_structure
    from .yaml_source import parse_yaml

    path = Path(path)
    source = str(path)
    raw = read_bytes(path)
    text = raw if isinstance(raw, AtlasError) else decode(raw, source)
    if isinstance(text, str) and "\ufeff" in text:
        text = stray_byte_order_mark(text, source) or text
    if isinstance(text, AtlasError):
        return _refusal(text)
    data, positions, errors = parse_yaml(text, source)  # limits and syntax, as the loader reads
    if not errors:
        errors = check_structure(data, positions, source)
    if errors:
        return _refusal(errors[0])
    number = _not_finite(data)
    if number is not None:
        line, column = positions.of_value(number)
        return _refusal(AtlasError(source, line, column, _("a coordinate is not a finite number")))
    builder = Builder(data, positions, source)
    atlas = builder.build(path, lenient=True)
    errors = tuple(sorted(set(builder.errors)))
    parts = _parts_of(positions, errors)
    if atlas is None or len(atlas.views) != len(data["views"]):
        error = next((e for e, part in zip(errors, parts, strict=True) if part == "views"), None)
        reason = _("its views are broken, and the editor cannot change views or outlines")
        return _refusal(error or errors[0], reason) if errors else reason
    for error, part in zip(errors, parts, strict=True):
        if part not in _EDITABLE_PARTS:
            return _refusal(error, _("the editor cannot change this part of the chart"))
    refused = editor_cannot_read(text, source)
    if refused is not None:
        return _refusal(refused)
    try:
        document = ChartDocument.from_text(
            ("\ufeff" if isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf") else "") + text,
            source,
            path,
        )
    except ValueError as exc:  # (parsed above: not expected)
        return _("the editor cannot read this file: {reason}").format(reason=exc)
    document.parsed.append((data, positions))  # read once: its check is the one just made
    problems = locate_parsed(data, positions, errors) if errors else ()
    document.checked.append(
        with_repeats(Draft(atlas, problems, written_shapes(data, positions)), data, positions, source)
    )
    return document


class _Refusal(str):
    """Why a file cannot be opened to fix it, and whether the error has a place in the text."""

    placed = False


def _refusal(error: AtlasError, reason: str | None = None) -> str:
    """Why a file cannot be opened to fix it: the reason (if any), then the error with its place."""
    where = f"{error.line}:{error.column}: " if error.placed else ""
    said = f"{where}{error.message}"
    refusal = _Refusal(f"{reason}: {said}" if reason else said)
    refusal.placed = error.placed
    return refusal


def _parts_of(positions: Any, errors: tuple[AtlasError, ...]) -> list[str | None]:
    """The top-level key of the chart (zones, views, title…) where each error is reported:
    of the value or key that starts at its place, or the last one starting before it."""
    import bisect

    places: dict[tuple[int, int], tuple] = {}
    for found, where in list(positions.every_value().items()) + list(positions.keys.items()):
        if found and len(found) >= len(places.get(where, ())):
            places[where] = found
    starts = sorted(places)
    parts: list[str | None] = []
    for error in errors:
        at = bisect.bisect_right(starts, (error.line, error.column)) - 1
        parts.append(places[starts[at]][0] if at >= 0 and error.placed else None)
    return parts


def _not_finite(data: Any) -> tuple | None:
    """The path of the first coordinate of a zone's shape that is not a finite number."""
    import math

    for i, zone in enumerate(data.get("zones") or ()):
        shapes = zone.get("shapes") if isinstance(zone, dict) else None
        for view_id, shape in (shapes or {}).items():
            stack = [((), shape)]
            while stack:
                where, value = stack.pop()
                if isinstance(value, list):
                    stack.extend((where + (k,), v) for k, v in reversed(list(enumerate(value))))
                elif isinstance(value, float) and not math.isfinite(value):
                    return ("zones", i, "shapes", view_id, *where[:-1])
    return None
