"""Flow collections (`[...]`, `{...}`), read token by token, with runs of simple items."""

from __future__ import annotations

from .. import limits
from .counting import _Coll, _Counting, _GiveUp
from .runs import _FLOW_ITEMS, _chunk, _marks, _run
from .tokens import _DQ, _FLOW_PLAIN, _NAME, _PROPERTY, _SPACE, _SQ, _TAG


class _Flow(_Counting):
    # ---- flow structure ---------------------------------------------------------------

    def _flow(self, p: int, start: int, anchor: str | None = None) -> int:
        """Reads one flow collection from its opening bracket (carrying `anchor`); returns
        the position after it."""
        text, end = self.text, len(self.text)
        base = len(self.stack)
        coll = self._open(start, is_map=text[p] == "{", flow=True, indent=-1, anchor=anchor)
        if not coll.is_map:
            self._flow_ahead(p + 1, coll)
        p += 1
        if not coll.is_map:
            p = self._first_run(p, coll)
        props: int | None = None
        anchor = None
        key_at = p  # where the key read last starts (a key and its ':' share a line)
        while True:
            p = _SPACE.match(text, p).end()
            if p >= end:
                raise _GiveUp
            c = text[p]
            top = self.stack[-1]
            if c in "]}":
                if (
                    props is not None
                    or c != ("}" if top.is_map else "]")
                    or (top.is_map and top.state in (1, 2))
                ):
                    raise _GiveUp
                self._pop()
                p += 1
                if len(self.stack) == base:
                    return p
                self._after_value()
                continue
            if c == ",":
                if props is not None or top.state != (3 if top.is_map else 1):
                    raise _GiveUp
                top.state = 0
                p += 1
                if not top.is_map:
                    p = _SPACE.match(text, p).end()
                    p = self._flow_run(p, top)
                continue
            if c == ":":
                if not top.is_map or top.state != 1 or props is not None:
                    raise _GiveUp
                if text.find("\n", key_at, p) >= 0:
                    raise _GiveUp  # a key on a line before its ':': the parser's error
                top.state = 2
                p += 1
                continue
            expecting_key = top.is_map and top.state == 0
            if top.state not in ((0, 2) if top.is_map else (0,)):
                raise _GiveUp
            if c in "&!":
                props = p if props is None else props
                if c == "!":
                    if not _TAG.match(text, p):
                        raise _GiveUp  # a tag the parser refuses (or reads otherwise)
                    self.inexact = True
                else:
                    name = _NAME.match(text, p)
                    if name is None or anchor is not None:
                        raise _GiveUp  # a name the parser reads otherwise, or two anchors
                    anchor = name.group(1)
                p = _PROPERTY.match(text, p).end()
                continue
            if c == "*":
                name = _NAME.match(text, p)
                if props is not None or expecting_key or name is None:
                    raise _GiveUp  # an alias with properties, as a key, or a name read otherwise
                p = name.end()
                if text.startswith(":", _SPACE.match(text, p).end()):
                    raise _GiveUp  # a single-pair mapping inside a list
                self._alias(name.start(), name.group(1))
                self._after_value()
                continue
            node_start = props if props is not None else p
            if c in "[{":
                if expecting_key:
                    raise _GiveUp
                props = None
                coll = self._open(node_start, is_map=c == "{", flow=True, indent=-1, anchor=anchor)
                anchor = None
                if not coll.is_map:
                    self._flow_ahead(p + 1, coll)
                p += 1
                continue
            if c in "\"'":
                m = (_DQ if c == '"' else _SQ).match(text, p)
                if not m:
                    raise _GiveUp
                key, size, exact = self._quoted(m)
                p = m.end()
                if expecting_key:
                    if props is not None:
                        raise _GiveUp
                    key_at = node_start
                    self._key(node_start, key)
                    top.state = 1
                    continue
                if not top.is_map and text.startswith(":", _SPACE.match(text, p).end()):
                    raise _GiveUp  # a single-pair mapping inside a list
                props = None
                self._scalar(node_start, size, False, exact)
                self._anchored(anchor)
                anchor = None
                self._after_value()
                continue
            if c in "*?-:|>@`%#" and not (c in "-?:" and p + 1 < end and text[p + 1] not in " \t\n,[]{}"):
                raise _GiveUp
            m = _FLOW_PLAIN.match(text, p)
            if not m:
                raise _GiveUp
            value = m.group()
            p = m.end()
            if text.startswith(":", p) and not (expecting_key and p + 1 < end and text[p + 1] in " \t\n"):
                raise _GiveUp  # "a:b" is one value to the parser; "[a: b]" a mapping
            if expecting_key:
                if props is not None:
                    raise _GiveUp
                key_at = node_start
                self._key(node_start, value, merge=True)
                top.state = 1
                continue
            self._scalar(node_start, len(value), props is None, props is None, value)
            self._anchored(anchor)
            props = anchor = None
            self._after_value()

    def _after_value(self) -> None:
        top = self.stack[-1]
        top.state = 3 if top.is_map else 1

    def _first_run(self, p: int, coll: _Coll) -> int:
        """A flow list's first items taken in a run, as those after a comma (see _flow_run),
        where they are points or plain words: the first point was read token by token, 3
        lists of points a zone on a realistic chart. A point with a tag is read so (a tag
        makes a long value's length inexact); a first point makes its list one of lists, as
        _Counting._node does."""
        text = self.text
        q = _SPACE.match(text, p).end()
        if text.startswith("[", q):
            close = text.find("]", q)
            if close < 0 or text.find("!", q, close) >= 0:
                return p
        elif text.startswith(("{", "!"), q):
            return p
        taken = self._flow_run(q, coll)
        if taken == q:
            return p
        if text[q] == "[":
            coll.first_list = True
            if len(self.stack) >= 2:
                grand = self.stack[-2]
                if not grand.is_map and grand.kind == "polygon" and grand.count == 1:
                    grand.kind = "parts"  # a zone's list of parts (see _Builder._add)
                    grand.limit = self.limits["parts"][0]
        return taken

    def _flow_run(self, p: int, top: _Coll) -> int:
        """Takes a run of simple items of a flow list (points, plain words) at once."""
        text = self.text
        for name, (item, per, mark, per_pair) in _FLOW_ITEMS.items():
            if name != "words" and len(self.stack) >= limits.MAX_DEPTH:
                continue  # each item would be nested too deep: read them one by one
            run_end = _run(item, text, p)
            if run_end == p:
                continue
            items = _marks(text, p, run_end, mark)
            if per_pair:  # items of several sizes: a thousand, then one at a time, that fit
                for chunk in (_chunk(item), _chunk(item, 1)):
                    while (m := chunk.match(text, p)) is not None:
                        items = _marks(text, p, m.end(), mark)
                        values = per * items + per_pair * _marks(text, p, m.end(), ":")
                        if items > top.limit - top.count or values > limits.MAX_NODES - self.nodes:
                            break  # the item that goes over is read on its own, and refused
                        top.count += items
                        self.nodes += values
                        p = m.end()
                return p
            take = min(items, top.limit - top.count, (limits.MAX_NODES - self.nodes) // per)
            if take <= 0:
                return p
            stop = run_end if take == items else _run(item, text, p, take)
            top.count += take
            self.nodes += per * take
            return stop
        return p
