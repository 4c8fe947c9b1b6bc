"""How much a zone file may hold: values per document, nesting, keys per mapping, items per
list by kind (from the schema), the length of a number or a text. Read by both the parser
(`yaml_source`) and the quick walk before it (`prescan`), so that they refuse the same file
at the same item; both read these names from this module when they run (tests shrink them)."""

from __future__ import annotations

import re
from functools import cache

from ..i18n import N_, _, format_count
from .errors import MAX_ERRORS, counted, first_errors, noted, too_many_errors  # noqa: F401 (here too)

Path = tuple[str | int, ...]  # keys and indices from the document's root to a value

MAX_DEPTH = 64
MAX_NODES = 1_000_000  # a 10,000-zone chart written with point lists needs about 700,000
MAX_KEYS = 1_000  # keys in one mapping; an atlas's largest has a dozen
MAX_NUMBER_CHARS = 100  # a coordinate written in full is at most 24 characters
MAX_ITEMS = 100_000  # any other list

# What a YAML 1.1 int or float can be made of (decimal, hex, octal, binary, base-60 "1:0:0");
# a longer plain scalar of only these characters is refused before any resolver or conversion.
NUMBERISH = re.compile(r"[-+.0-9][-+0-9_:.xXbBeEa-fA-F]*")


def too_many_values(aliases: bool = False) -> str:
    """The message for a document over MAX_NODES (the parser and the walk say it alike);
    `aliases`: the file uses aliases, which may have inflated it."""
    said = _("the document holds more than {limit} values; the limit is {limit}").format(
        limit=format_count(MAX_NODES)
    )
    return said + _(" (aliases used to inflate it?)") if aliases else said


def too_many_keys() -> str:
    return _("a mapping has more than {limit} keys").format(limit=format_count(MAX_KEYS))


def too_deep() -> str:
    return _("values are nested deeper than {limit} levels").format(limit=MAX_DEPTH)


def number_too_long(size: int) -> str:
    """A plain scalar that would be read as a number, longer than any coordinate."""
    return _(
        "a number of {size} characters; the limit is {limit} (put quotes around it if it is text)"
    ).format(size=format_count(size), limit=format_count(MAX_NUMBER_CHARS))


def text_too_long(size: int, limit: int) -> str:
    return _("this value is {size} characters long; the limit is {limit}").format(
        size=format_count(size), limit=format_count(limit)
    )


_OVER_LIMIT = {  # list kind (see list_limits) -> what is said when a list goes over its limit
    "zones": N_("more than {limit} zones; the limit is {limit}"),
    "views": N_("more than {limit} views; the limit is {limit}"),
    "sources": N_("more than {limit} sources; the limit is {limit}"),
    "guides": N_("more than {limit} guide lines in one view; the limit is {limit}"),
    "zone sources": N_("more than {limit} sources in one zone; the limit is {limit}"),
    "polygon": N_("a polygon has more than {limit} points; the limit is {limit}"),
    "parts": N_("a zone has more than {limit} parts in one view; the limit is {limit}"),
    "other": N_("more than {limit} items in one list; the limit is {limit}"),
}


def over_limit(kind: str) -> str:
    """The message for a list of `kind` (a key of list_limits) with an item over its limit."""
    limit = list_limits()[kind][0]
    return _(_OVER_LIMIT.get(kind, _OVER_LIMIT["other"])).format(limit=format_count(limit))


def max_text_chars() -> int:
    """The longest scalar a file may hold: the schema's limit for a text (a name, a claim)."""
    from .schema import schema

    return int(schema()["$defs"]["text"]["maxLength"])


@cache
def list_limits() -> dict[str, tuple[int, str]]:
    """The schema's limits on list lengths, enforced while reading (a list beyond its limit
    is refused at the item that goes over, before the rest of the file is read)."""
    from .schema import schema

    top, defs = schema()["properties"], schema()["$defs"]
    view, zone = defs["view"]["properties"], defs["zone"]["properties"]
    return {
        "zones": (top["zones"]["maxItems"], "zones"),
        "views": (top["views"]["maxItems"], "views"),
        "sources": (top["sources"]["maxItems"], "sources"),
        "guides": (view["guides"]["maxItems"], "guide lines in one view"),
        "zone sources": (zone["sources"]["maxItems"], "sources in one zone"),
        "polygon": (defs["polygon"]["maxItems"], "points in one polygon"),
        "parts": (defs["parts"]["maxItems"], "parts of one zone in one view"),
        "other": (MAX_ITEMS, "items in one list"),
    }


def list_kind(path: Path | None) -> str:
    """Which limit a list at `path` has."""
    if not path:
        return "other"
    n, first, last = len(path), path[0], path[-1]
    if n == 1 and first in ("zones", "views", "sources"):
        return str(first)
    if first == "views" and n == 3 and last == "guides":
        return "guides"
    if first == "views" and ((n == 3 and last == "outline") or (n == 5 and last == "points")):
        return "polygon"
    if first == "zones" and n == 3 and last == "sources":
        return "zone sources"
    if first == "zones" and n in (4, 5) and path[2] == "shapes":
        return "polygon"  # a polygon, or a list of parts (limited further once that is known)
    return "other"
