"""Counting values, keys and list items as yaml_source._Builder does, and the lengths of
values; anchors remember their size, aliases count it again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import limits
from ..scalar_length import quoted_length
from . import tuning
from .tokens import _LISTS, _SEPARATORS, _numberish


class _GiveUp(Exception):
    """Something this walk does not model exactly: the parser decides."""


class _Refuse(Exception):
    def __init__(self, pos: int, message: str):
        self.pos, self.message = pos, message


@dataclass(slots=True)
class _Coll:
    is_map: bool
    flow: bool
    indent: int  # block collections: the column of their items or keys
    path: tuple | None
    kind: str = "other"
    limit: int = limits.MAX_ITEMS
    count: int = 0  # items of a list
    keys: set = field(default_factory=set)  # keys of a mapping
    key: object = None  # the key whose value comes next (None: a refused key)
    pending: bool = False  # block: a key or '-' given, its value not yet
    state: int = 0  # flow list: 0 item, 1 comma; flow mapping: 0 key, 1 colon, 2 value, 3 comma
    anchor: str | None = None  # the anchor it carries
    before: int = 0  # values counted before it opened (its size is counted from there)
    first_list: bool = False  # its first item is a list (a polygon's first point, a part)
    # a block list: where its item being read starts, and the values before it (see templates)
    item_line: int = -1
    item_values: int = 0
    template: object = None  # the pattern of its items (templates.Template)
    misses: int = 0  # patterns made from its items that matched no next item
    # a block list whose items counted ahead alias an anchor given in its first item: counted
    # ahead again from its second item, once the walk has read the first (see _refuse_item)
    ahead_again: bool = False


def _lined(original: str) -> str:
    """`original` with every line break YAML knows after CR (NEL, LS, PS) as '\n'."""
    for other in ("\x85", "\u2028", "\u2029"):
        original = original.replace(other, "\n")
    return original


# Whole items of a list, for counting a list's items without reading them (see _Scan._ahead).


class _Counting:
    def __init__(self, text: str, original: str | None = None):
        self.text = text
        self.original = text if original is None else original  # tabs, NEL, LS, PS as written
        self.tabs = "\t" in self.original
        # tabs as written, every line break as '\n': what the walk's checks for a tab read (a
        # search on `original` for a line's end would miss NEL, LS and PS, which end lines too)
        self.lined = _lined(self.original) if self.tabs else text
        self.separators = "\u2028" in self.original or "\u2029" in self.original
        self.stack: list[_Coll] = []
        self.nodes = 0
        self.root_pending = True
        self.started = False
        self.directives = False  # %YAML or %TAG lines before the document's '---'
        self.cont: int | None = None  # lines indented more than this continue a plain value
        self.held: tuple[int, str] | None = None  # a long plain value that may continue
        self.errors: list[tuple[int, str]] = []
        self.inexact = False  # a long value whose length this walk cannot tell exactly
        # long double-quoted values whose escapes quoted_length read, all known to the parser:
        # (start, end) of their text (the search for a bad escape before a refusal skips them)
        self.escapes_read: list[tuple[int, int]] = []
        self.big = False
        self.limits = limits.list_limits()
        self.text_limit = limits.max_text_chars()
        # anchor -> (values it holds, "scalar" | "map" | "list" | "polygon": a list of lists)
        self.anchors: dict[str, tuple[int, str]] = {}
        self.aliases = 0  # aliases met: the parser's message on too many values says so
        self.carry: tuple[int, str | None] | None = None  # properties alone on their line (where, anchor)
        self.opened: dict[int, _Coll] = {}  # lists opened, by where they start (see templates)

    def _too_many(self, pos: int) -> _Refuse:
        return _Refuse(pos, limits.too_many_values(aliases=bool(self.aliases)))

    def where(self, pos: int) -> tuple[int, int]:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return self.text.count("\n", 0, pos) + 1, pos - line_start + 1

    # ---- counting, as yaml_source._Builder does ----------------------------------------

    def _node(
        self, pos: int, is_list: bool = False, is_map: bool = False, size: int = 1, alias: str = ""
    ) -> tuple | None:
        """A value starts at `pos`: count it against the document and its list; its path.
        An alias (`alias`: the kind of value it stands for) counts the `size` of its value."""
        if (is_list or is_map) and len(self.stack) >= limits.MAX_DEPTH:
            raise _Refuse(pos, limits.too_deep())  # (the parser's builder checks this first)
        self.nodes += size
        if self.nodes > limits.MAX_NODES:
            raise self._too_many(pos)
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if not parent.is_map:
            if parent.count >= parent.limit:
                raise _Refuse(pos, self._over(parent))
            parent.count += 1
            listish = is_list or alias in _LISTS
            if listish and parent.count == 1:
                parent.first_list = True
                if len(self.stack) >= 2:
                    grand = self.stack[-2]
                    if not grand.is_map and grand.kind == "polygon" and grand.count == 1:
                        grand.kind = "parts"  # a zone's list of parts (see _Builder._add)
                        grand.limit = self.limits["parts"][0]
            if alias == "polygon" and parent.count == 1 and parent.kind == "polygon":
                parent.kind = "parts"  # its first item stands for a list of points: a part
                parent.limit = self.limits["parts"][0]
            return None if parent.path is None else parent.path + (parent.count - 1,)
        if parent.key is None or parent.path is None:
            return None
        return parent.path + (parent.key,)

    def _over(self, parent: _Coll) -> str:
        return limits.over_limit(parent.kind)  # as the parser says it (translated)

    def _open(self, pos: int, is_map: bool, flow: bool, indent: int, anchor: str | None = None) -> _Coll:
        before = self.nodes
        path = self._node(pos, is_list=not is_map, is_map=is_map)
        coll = _Coll(is_map, flow, indent, path, anchor=anchor, before=before)
        if not is_map:
            coll.kind = limits.list_kind(path if path is not None else ())
            coll.limit = self.limits[coll.kind][0]
            if len(self.opened) >= 4096:  # (only the lists of the item just read are needed:
                self.opened.clear()  # a million lists read one by one are not all kept)
            self.opened[pos] = coll
        self.stack.append(coll)
        return coll

    def _pop(self) -> None:
        """The collection on top of the stack ends; an anchor on it remembers its size."""
        coll = self.stack.pop()
        if coll.anchor is not None:
            kind = "map" if coll.is_map else "polygon" if coll.first_list else "list"
            self.anchors[coll.anchor] = (self.nodes - coll.before, kind)

    def _alias(self, pos: int, name: str) -> None:
        """An alias: one item of its list, and as many values as its anchor's value holds."""
        if name not in self.anchors:
            raise _GiveUp  # an unknown alias: the parser says so
        size, kind = self.anchors[name]
        self.aliases += 1
        self._node(pos, size=size, alias=kind)

    def _key(self, pos: int, key: str | None, merge: bool = False) -> None:
        """A key of the mapping on top of the stack (None: one whose text is not exact;
        `merge`: the plain key '<<', which the parser refuses without counting it a key)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise self._too_many(pos)
        coll = self.stack[-1]
        if key is None:
            raise _GiveUp  # a key over two lines, or with escapes
        if self.tabs and " " in key:  # a tab in it was read as a space: the key as written
            start = pos + 1 if self.text[pos] in "\"'" else pos
            key = self.original[start : start + len(key)]
        if merge and key == "<<":
            coll.key = None  # an error the parser reports; its value has no path
            return
        if key in coll.keys or len(key) > limits.MAX_NUMBER_CHARS:
            coll.key = None  # an error the parser reports; its value has no path
            if len(key) > limits.MAX_NUMBER_CHARS:
                raise _GiveUp
            return
        if len(coll.keys) >= limits.MAX_KEYS:
            raise _Refuse(pos, limits.too_many_keys())
        coll.keys.add(key)
        coll.key = key

    def _scalar(self, pos: int, size: int, plain: bool, exact: bool, value: str = "") -> None:
        self._node(pos)
        self._check_length(pos, size, plain, exact, value)

    def _check_length(self, pos: int, size: int, plain: bool, exact: bool, value: str = "") -> None:
        """The parser's limits on a value's length (see yaml_source._Builder._long_scalar)."""
        if size <= limits.MAX_NUMBER_CHARS:
            return
        if size > tuning.BIG_SCALAR:
            self.big = True
        if not exact:
            self.inexact = True
        elif plain and _numberish(value):
            self.errors.append((pos, limits.number_too_long(size)))
        elif size > self.text_limit:
            self.errors.append((pos, limits.text_too_long(size, self.text_limit)))

    def _null(self) -> None:
        """An empty value (`key:` or `-` with nothing after it)."""
        self.nodes += 1
        if self.nodes > limits.MAX_NODES:
            raise _GiveUp  # the parser places an empty value where this walk cannot tell
        if self.stack and not self.stack[-1].is_map:
            coll = self.stack[-1]
            if coll.count >= coll.limit:
                raise _GiveUp
            coll.count += 1

    def _empty_anchored(self) -> None:
        """Properties alone on their line whose value never came: an empty value (one value)."""
        assert self.carry is not None
        if self.carry[1] is not None:
            self.anchors[self.carry[1]] = (1, "scalar")
        self.carry = None

    def _anchored(self, anchor: str | None) -> None:
        """A scalar value carrying `anchor` has been counted: an alias to it counts one."""
        if anchor is not None:
            self.anchors[anchor] = (1, "scalar")

    def _quoted(self, m: re.Match[str]) -> tuple[str | None, int, bool]:
        """A quoted value matched by `m`: its text if it is that as written (a key), its
        length and whether that length is exact."""
        start, end = m.start() + 1, m.end() - 1
        inner = self.text[start:end]  # (one copy: a value may be megabytes long)
        double = self.text[m.start()] == '"'
        if "\n" not in inner and ("\\" not in inner if double else "''" not in inner):
            return inner, len(inner), True
        if len(inner) <= limits.MAX_NUMBER_CHARS:
            return None, len(inner), True  # no shorter than its value: within every limit
        kept = None  # the text as written, where folding keeps a separator (LS, PS) as it is
        if self.separators and "\n" in inner and _SEPARATORS.search(self.original, m.start(), m.end()):
            kept = self.original
        size = quoted_length(inner, double, kept, start, end)
        if double and size is not None and end - start > tuning.ESCAPES_READ_FROM:
            self.escapes_read.append((start, end))
        return None, len(inner) if size is None else size, size is not None
