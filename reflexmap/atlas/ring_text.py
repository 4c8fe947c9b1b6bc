"""An edit of a zone's points written into its block lists of points directly, for charts
whose zones local_edit.py cannot write back as they are (an indentation ruamel.yaml does not
write, such as PyYAML's `indent=4`: `-   - 12.0`): there every drag took the round trip of
the whole chart, 13 s of CPU per 1,000 zones, and wrote every line of the file anew.

Each point kept keeps its text; a point moved keeps its item's text with its two numbers
written anew (as the file writes its numbers, flow_style.NumberStyle); a point added copies
a neighbour's text; comment lines between points stay. Only rings whose items hold two
plain numbers and nothing but dashes, brackets, commas and spaces are written so; then the
zone's new text is parsed alone (recheck_window.py) and taken only if it holds exactly the
points the edit asks for. Otherwise `ring_patched` returns None and the round trip makes the edit. No Qt.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

    from .document import ChartDocument
    from .edits import Edit

_NUMBER = re.compile(r"(?<![\w.])-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?![\w.])")
_PLAIN_ITEM = re.compile(r"[-\[\],\s]*")  # what an item holds besides its two numbers


def ring_patched(edit: Any, document: ChartDocument, kinds: ModuleType) -> tuple[ChartDocument, Edit] | None:
    """(new document, inverse) of an edit of points (`edits._PointsEdit`) made in the text of
    the zone's block lists, or None. Raises EditRefused as the round trip would."""
    from .document import ChartDocument, copy_node
    from .local_edit import LOCAL, items_of, remember
    from .recheck_window import Window, parsed_data, spliced

    if not LOCAL[0]:
        return None  # (benchmarks and tests: the round trip)
    parsed = parsed_data(document)
    data, positions = parsed if parsed is not None else (None, None)
    zones = data.get("zones") if type(data) is dict else None
    if type(zones) is not list:
        return None
    k = kinds.shown_index(zones, edit.zone)
    shapes = zones[k].get("shapes") if k is not None and type(zones[k]) is dict else None
    if type(shapes) is not dict:
        return None
    views = edit.views_changed(zones[k])
    if not all(type(shapes.get(view)) is list for view in views):
        return None  # a mirror, or no shape: the round trip refuses it with its reason
    changed = {**zones[k], "shapes": {**shapes, **{view: copy_node(shapes[view]) for view in views}}}
    edit.change_zone(data, changed)  # on copies: the parsed data stays the document's
    text = document.text
    items = items_of(text)
    if items is None or len(items.starts) != len(zones):
        return None
    start = items.head if k == 0 else items.starts[k]
    end = items.starts[k + 1] if k + 1 < len(zones) else items.end
    spans = []
    for view in views:
        old, new = shapes[view], changed["shapes"][view]
        parts = kinds._is_parts(old)
        if parts != kinds._is_parts(new) or (parts and len(old) != len(new)):
            return None
        for part, (ring, new_ring) in enumerate(zip(old, new, strict=True) if parts else [(old, new)]):
            path = ("zones", k, "shapes", view, *((part,) if parts else ()))
            span = _rewritten(document, positions, path, ring, new_ring, kinds)
            if span is None or not start <= span[0] <= span[1] <= end:
                return None
            spans.append(span)
    window = text[start:end]
    for at, until, written in sorted(spans, reverse=True):
        window = window[: at - start] + written + window[until - start :]
    new_text = text[:start] + window + text[end:]
    kept = (document.bom, document.crlf, document.origin)
    new = ChartDocument(new_text, document.source, document.path, document.layouts, *kept)
    new = dataclasses.replace(new, basis=(Window(document, start, end, window, k, 1, 1, k),))
    found = spliced(new)  # the zone's new text parsed alone
    if found is None or found[0]["zones"][k] != changed:
        return None
    new.parsed.append(found)
    remember(items, new_text, k, k, start, end, window)
    return new, kinds.TextEdit(start, text[start:end], window)


def _rewritten(
    document: ChartDocument, positions: Any, path: tuple, ring: list, new_ring: list, kinds: ModuleType
) -> tuple[int, int, str] | None:
    """(start, end, new text) of the block list of points at `path` holding `new_ring`."""
    from .document import written_number

    text = document.text
    where = positions.values.get(path)
    at = None if where is None else kinds._offset(positions, text, *where)
    if at is None or not text.startswith("-", at):
        return None  # a flow list (written in place by edits._PointsEdit), a tag, an anchor
    column = at - (text.rfind("\n", 0, at) + 1)
    found = _items(text, at, column)
    if found is None or len(found) != len(ring):
        return None
    pieces = [text[a:b] for a, b in found]
    if not all(_plain(piece) for piece in pieces):
        return None
    gaps = [text[found[i][1] : found[i + 1][0]] for i in range(len(found) - 1)]
    fresh = "\n" + " " * column

    def written(template: str, point: Any) -> str:
        numbers = iter([written_number(point[0], document), written_number(point[1], document)])
        return _NUMBER.sub(lambda _m: next(numbers), template)

    old_points = [tuple(float(v) for v in p) for p in ring]
    new_points = [tuple(float(v) for v in p) for p in new_ring]
    out: list[str] = []
    used: set[int] = set()  # the gaps (comment lines) between old items written again
    last_old = None  # the old item the last new one stands for
    opcodes = difflib.SequenceMatcher(None, old_points, new_points, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        for offset, j in enumerate(range(j1, j2)):
            i = i1 + offset if i1 + offset < i2 else None
            template = pieces[i] if i is not None else pieces[min(max(i1 - 1, 0), len(pieces) - 1)]
            piece = template if tag == "equal" else written(template, new_ring[j])
            if out:
                # the lines between this item and the one before it (comments), where it had one
                gap = i - 1 if i is not None and i > 0 and i - 1 not in used else None
                if gap is not None and not (i - 1 == last_old or "#" in gaps[gap]):
                    gap = None
                out.append(gaps[gap] if gap is not None else fresh)
                if gap is not None:
                    used.add(gap)
            elif i is not None and i > 0 and "#" in gaps[i - 1]:  # first now: its comments above it
                out.append(gaps[i - 1][1:].lstrip(" "))
                used.add(i - 1)
            out.append(piece)
            last_old = i
    if any("#" in gap for n, gap in enumerate(gaps) if n not in used):
        return None  # a comment between points would be lost
    return found[0][0], found[-1][1], "".join(out)


def _items(text: str, at: int, column: int) -> list[tuple[int, int]] | None:
    """(start, end) of each item of the block list whose first `-` is at `at` (column
    `column`): from its `-` to the end of its last line that is not blank or a comment."""
    found: list[tuple[int, int]] = []
    line_start = at - column
    start = None
    end = at
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        body = line.lstrip(" ")
        lead = len(line) - len(body)
        if body and not body.startswith("#"):
            if lead == column and (body == "-" or body.startswith("- ")):
                if start is not None:
                    found.append((start, end))
                start = line_start + column
            elif lead <= column:
                break  # the list ended
            end = line_end
        line_start = line_end + 1
    if start is None:
        return None
    found.append((start, end))
    return found


def _plain(piece: str) -> bool:
    """An item of two plain numbers and nothing else but dashes, brackets, commas, spaces."""
    numbers = _NUMBER.findall(piece)
    return len(numbers) == 2 and _PLAIN_ITEM.fullmatch(_NUMBER.sub("", piece)) is not None
