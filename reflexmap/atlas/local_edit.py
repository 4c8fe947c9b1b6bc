"""Edits of zones made on the few zones they touch, not on the whole chart.

An edit that goes through the round trip (edits.Edit.apply: a zone's texts or id, a zone
added, duplicated or deleted, a mirror broken) loaded and dumped the whole chart with
ruamel.yaml: several milliseconds of CPU per zone, over a minute on a chart of 10,000. Here
only the text of the zones it touches (the zone and its neighbours, whose comments may move
with it) is loaded, changed by the same edit, dumped in the file's own indentation and put
back where it was; the rest of the text is not read again. The ids of the other zones come
from the text as the loader parsed it (`document.parsed`), so a new id is still checked
against every zone.

It is taken only where it gives what the round trip gives for those zones: the zones are a
block list whose items a scan of the lines finds (checked: the zones loaded from the window
are the parsed ones), the window dumped unchanged comes back byte for byte, no anchors or
aliases, and the edit needs nothing of the chart but its zones and which views mirror which.
Otherwise `applied_locally` returns None and the whole chart takes the round trip. The
inverse puts the old text back (`TextEdit`). tests/atlas/test_local_edit.py compares both
ways after random edits. No Qt.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..i18n import _

if TYPE_CHECKING:
    from types import ModuleType

    from .document import ChartDocument
    from .edits import Edit

LOCAL = [True]  # benchmarks turn it off to measure the round trip beside it
_ZONES_KEY = re.compile(r"^zones:[ \t]*(?:#[^\n]*)?$", re.M)
_HEAD = "zones:\n"
_CONTENT = re.compile(r"(?m)^[ ]*[^ \n#]")  # a line that is not blank or a comment


@dataclass(frozen=True, slots=True)
class Items:
    """Where the items of the block list of zones are in a chart's text (offsets)."""

    head: int  # just after the `zones:` line
    starts: tuple[int, ...]  # each item's first line (its `-`)
    end: int  # where the list's text ends: the next top-level line, or the end
    dash: int  # the column of the items' dashes
    content: int  # the column of an item's first key


def zone_items(text: str) -> Items | None:
    """The items of `zones:` found line by line (a line at the dash column starting with
    `- ` starts one; comments and blank lines belong to the item before; a line further left
    ends the list), or None when the list is not written as such a block list. Regular
    expressions: a Python loop over the lines of 10,000 zones took seconds."""
    keys = list(_ZONES_KEY.finditer(text))
    if len(keys) != 1 or keys[0].end() >= len(text):
        return None
    head = keys[0].end() + 1
    first = _CONTENT.search(text, head)
    if first is None:
        return None
    line = text[first.start() : text.find("\n", first.start()) % (len(text) + 1)]
    stripped = line.lstrip(" ")
    if not stripped.startswith("- "):
        return None  # a flow list, or not a list
    dash = len(line) - len(stripped)
    content = dash + 1 + len(stripped[1:]) - len(stripped[1:].lstrip(" "))
    item = " " * dash + "- "
    # each pattern starts with the line's "\n", which the regular expression engine finds fast
    end = len(text)
    for found in re.compile(rf"\n {{0,{dash}}}[^ \n#]").finditer(text, head - 1):
        at = found.start() + 1
        if not text.startswith(item, at):
            end = at
            break
    starts = tuple(m.start() + 1 for m in re.finditer(rf"\n {{{dash}}}- ", text[head - 1 : end]))
    starts = tuple(head - 1 + at for at in starts)
    if not starts:
        return None
    return Items(head, starts, end, dash, content)


_ITEMS: list = [None, None]  # the text of the document made last here, and its zones' Items


def items_of(text: str) -> Items | None:
    """`zone_items(text)`, known without a scan when `text` was made here last."""
    return _ITEMS[1] if _ITEMS[0] is text else zone_items(text)


def prepare(document: ChartDocument) -> None:
    """Work out now what the first edit of `document` finds out first: where its zones'
    items are in the text, whether its parse's positions are orderly (recheck_tables) and
    how the chart writes its numbers (document.numbers_of: a scan of the text), so that an
    edit mode reading the chart in the background does it there: on a chart of 10,000 zones
    the first drop took ~0.5 s of CPU more than later ones, on the window's thread, and on
    the built-in chart 15 M instructions more (the number style)."""
    from .document import numbers_of
    from .recheck_tables import first_zone_line
    from .recheck_window import parsed_data

    numbers_of(document)  # (kept for the chart as loaded: every later edit's document asks)
    parsed = parsed_data(document)
    if parsed is None or type(parsed[0]) is not dict or type(parsed[0].get("zones")) is not list:
        return
    found = zone_items(document.text)
    if found is not None:
        _ITEMS[:] = [document.text, found]
    first_zone_line(parsed[1], len(parsed[0]["zones"]))


def remember(items: Items, text: str, first: int, last: int, start: int, end: int, window: str) -> None:
    """`text` was made from the text of `items` by writing zones `first` to `last` anew."""
    _ITEMS[:] = [text, _shifted(items, text, first, last, start, end, window)]


def _shifted(
    items: Items, text: str, first: int, last: int, start: int, end: int, window: str
) -> Items | None:
    """The Items of `text`, which is the text `items` were found in with its zones `first`
    to `last` (from `start` to `end`) written anew as `window`: found in the window alone,
    the others moved by the change of length; what `zone_items(text)` finds (10,000 zones:
    a regular expression over the whole text on every drag), or None (found that way)."""
    dash = items.dash
    if not text.startswith(" " * dash + "- ", start) or not window.endswith("\n"):
        return None
    inner = "\n" + window[:-1]  # the line break before the window, and the window's lines
    if any(not inner.startswith(" " * dash + "- ", m.start() + 1) for m in _ends(dash).finditer(inner)):
        return None  # a line that would end the list, or start no zone, inside the window
    shift = len(window) - (end - start)
    fresh = tuple(start + m.start() for m in re.finditer(rf"\n {{{dash}}}- ", inner))
    content = items.content
    if first != 0 and (not fresh or fresh[0] != start):
        return None
    if first == 0:  # the list's first line is in the window: as zone_items reads it
        found = _CONTENT.search(text, items.head)
        if not fresh or found is None or found.start() != fresh[0]:
            return None
        line = text[fresh[0] : text.find("\n", fresh[0])].lstrip(" ")
        content = dash + 1 + len(line[1:]) - len(line[1:].lstrip(" "))
    before = items.starts[:first]
    after = tuple(at + shift for at in items.starts[last + 1 :])
    return Items(items.head, before + fresh + after, items.end + shift, dash, content)


@functools.cache
def _ends(dash: int) -> re.Pattern[str]:
    return re.compile(rf"\n {{0,{dash}}}[^ \n#]")


def applied_locally(
    edit: Edit, document: ChartDocument, kinds: ModuleType
) -> tuple[ChartDocument, Edit] | None:
    """(new document, inverse) of `edit` made on the zones it touches, or None when it must
    take the round trip of the whole chart. Raises EditRefused as the round trip would.
    `kinds` is the edits module (which calls this: passed, not imported, so that the two
    modules do not import each other)."""
    if not LOCAL[0]:
        return None
    from .recheck_window import parsed_data

    parsed = parsed_data(document)
    if parsed is None or type(parsed[0]) is not dict:
        return None
    data = parsed[0]
    zones = data.get("zones")
    if type(zones) is not list or not zones or not all(type(z) is dict for z in zones):
        return None
    ids = [z.get("id") for z in zones]
    plan = _plan(edit, ids, kinds)
    if plan is None:
        return None
    first, last, window_edit = plan
    items = items_of(document.text)
    if items is None or len(items.starts) != len(zones):
        return None
    text = document.text
    start = items.head if first == 0 else items.starts[first]
    end = items.starts[last + 1] if last + 1 < len(items.starts) else items.end
    window = text[start:end]
    closed = window.endswith("\n")
    reduced = _HEAD + (window if closed else window + "\n")
    if _has_anchors(reduced):
        return None
    from .document import ChartDocument, _yaml, numbers_of

    part = ChartDocument(
        reduced, document.source, document.path, document.layouts, numbers=numbers_of(document)
    )
    try:
        tree = _yaml().load(reduced)
    except Exception:  # noqa: BLE001 - ruamel's own errors: the round trip says them
        return None
    if not isinstance(tree, dict) or list(tree) != ["zones"] or tree["zones"] != zones[first : last + 1]:
        return None  # the scan did not find the zones the parser found
    indent = _indent_kept(part, tree, items)
    if indent is None:
        return None
    tree["views"] = [  # which view mirrors which (BreakMirror, MirrorZone): never dumped
        {"id": v.get("id"), "mirror_of": v.get("mirror_of")}
        for v in data.get("views") or ()
        if isinstance(v, dict)
    ]
    try:
        window_edit.change(tree)
    except kinds.EditRefused:
        if window_edit is edit:
            raise
        return None  # (made for the window: the round trip refuses it in the edit's own words)
    del tree["views"]
    new_count = len(tree["zones"])
    dumped = part.with_tree(tree, indent)
    if not dumped.text.startswith(_HEAD):
        return None  # no zone left in the window's list ("zones: []"): the round trip writes that
    new_window = dumped.text[len(_HEAD) :]
    if not closed:
        if not new_window.endswith("\n"):
            return None
        new_window = new_window[:-1]
    if new_window == window:
        new_text = text
    else:
        new_text = text[:start] + new_window + text[end:]
    _ITEMS[:] = [new_text, _shifted(items, new_text, first, last, start, end, new_window)]
    from .recheck_window import Window

    new = ChartDocument(
        new_text, document.source, document.path, dumped.layouts, document.bom, document.crlf, document.origin
    )
    points_of = None  # a drag or a nudge: the map redraws that zone alone
    if isinstance(edit, kinds._PointsEdit) and new_count == last - first + 1:
        points_of = kinds.shown_index(zones, edit.zone)
    window_basis = Window(document, start, end, new_window, first, last - first + 1, new_count, points_of)
    new = dataclasses.replace(new, basis=(window_basis,))  # its parse and check: recheck_window.py
    return new, kinds.TextEdit(start, window, new_window)


def _plan(edit: Edit, ids: list[Any], kinds: ModuleType) -> tuple[int, int, Edit] | None:
    """(first, last) zone of the window and the edit to make there, or None."""
    from .draft import shown_ids

    n = len(ids)
    EditRefused, said = kinds.EditRefused, kinds._said  # noqa: N806 (a class)

    def around(k: int) -> tuple[int, int]:
        return max(k - 1, 0), min(k + 1, n - 1)

    def index_of(zone_id: Any) -> int | None:
        if ids.count(zone_id) == 1:
            return ids.index(zone_id)
        shown = shown_ids(ids)  # a zone repeating an earlier zone's id is known as "heel#2"
        return shown.index(zone_id) if zone_id in shown else None

    def in_window(edit: Any, k: int, first: int, last: int) -> Any:
        """`edit` naming its zone as the window's zones alone name it (an earlier zone of the
        same id may lie outside the window)."""
        local = shown_ids(ids[first : last + 1])[k - first]
        return edit if local == edit.zone else dataclasses.replace(edit, zone=local)

    if isinstance(edit, kinds.ReplaceZone):
        if not 0 <= edit.index < n:
            return None
        first, last = around(edit.index)
        return first, last, kinds.ReplaceZone(edit.index - first, edit.raw)
    if isinstance(edit, kinds.InsertZone):
        raw = edit.raw
        zone_id = raw.get("id") if isinstance(raw, dict) else None
        if zone_id in ids:
            raise EditRefused(_("there is already a zone '{zone}'").format(zone=said(zone_id)))
        index = min(max(edit.index, 0), n)
        first, last = max(index - 1, 0), min(index, n - 1)
        return first, last, kinds.InsertZone(index - first, raw)
    if isinstance(edit, kinds.DuplicateZone):
        k = index_of(edit.zone)
        if k is None:
            return None
        if edit.new_id in ids:
            raise EditRefused(_("there is already a zone '{zone}'").format(zone=said(edit.new_id)))
        return (*around(k), in_window(edit, k, *around(k)))
    if isinstance(edit, kinds.DeleteZone) or (
        isinstance(edit, kinds._ZoneEdit) and type(edit).change is kinds._ZoneEdit.change
    ):
        k = index_of(edit.zone)
        if k is None:
            return None
        if isinstance(edit, kinds.RenameZone) and edit.new_id != edit.zone:
            problem = kinds.id_problem({i for i in ids if isinstance(i, str)}, edit.new_id)
            if problem:
                raise EditRefused(problem)
        return (*around(k), in_window(edit, k, *around(k)))
    return None


def _indent_kept(part: ChartDocument, tree: Any, items: Items) -> tuple[int, int, int] | None:
    """ruamel.yaml's (mapping, sequence, dash) indents under which the window's zones,
    dumped unchanged, come back byte for byte; None if none does."""
    # a mapping's indent: 2 (most charts), 4, or what an author's own writer chose
    for indent in ((m, items.content, items.dash) for m in (2, 4, 3, 1, 5, 6, 8)):
        if indent[1] - indent[2] < 2:
            continue
        try:
            if part.with_tree(tree, indent).text == part.text:
                return indent
        except Exception:  # noqa: BLE001 - an indentation ruamel cannot write
            continue
    return None


def _has_anchors(text: str) -> bool:
    """Whether the text names or uses an anchor (`&a`, `*a`): a zone the edit changes could
    hold one that another zone uses."""
    import yaml

    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return True
    except yaml.YAMLError:
        return True
    return False
