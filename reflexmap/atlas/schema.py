"""Structural validation against the published JSON Schema, in words a chart author reads.

The schema file (atlas-v1.schema.json) is the single description of the format: editors
use it for completion, and the loader uses it here, turning each jsonschema error into a
`file:line:column: message` that names the key or value at fault.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..i18n import N_, _, format_count, format_value, ngettext
from . import stopping, written_numbers
from .errors import AtlasError, first_errors
from .zone_said import zone_in_file

if TYPE_CHECKING:  # jsonschema costs ~35 ms to import: only a chart that is not cached needs it
    import jsonschema
    from jsonschema.exceptions import ValidationError

    from .yaml_source import Path, Positions

SCHEMA_FILE = "atlas-v1.schema.json"
_TYPE_WORDS = {
    "object": N_("a mapping (key: value)"),
    "array": N_("a list"),
    "string": N_("text"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
}


@cache
def schema() -> dict[str, Any]:
    """The published atlas schema, read once from the installed package."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    # a plain value written in decimal that no float holds (1e999) is a number, not text
    checker = cls.TYPE_CHECKER.redefine(
        "string", lambda _checker, value: isinstance(value, str) and not _out_of_reach(value)
    )
    return jsonschema.validators.extend(cls, type_checker=checker)(schema())


def _out_of_reach(value: Any) -> bool:
    return type(value) is written_numbers.OutOfReach


def check_structure(
    data: Any, positions: Positions, source: str, *, most: int | None = None
) -> list[AtlasError]:
    """All structural errors in `data`, each placed at the key or value it is about; with
    `most`, the search stops after `most` + 1 of them (see limits.first_errors)."""
    errors: list[AtlasError] = []
    data = _without_sound_zones(_without_sound_coordinates(data, positions))
    if _document_surely_valid(data):
        return errors  # jsonschema would find nothing: not even imported (a tenth of a load)
    leaves: list[ValidationError] = []
    for error in _validator().iter_errors(data):  # lazily: the zones after the last not walked
        leaves.extend(_leaves(error))
        if most is not None and len(leaves) > most:
            break
    nested = _rings_where_one_is_wanted(data, leaves)
    for leaf in leaves:
        inside = next((p for p in nested if tuple(leaf.absolute_path)[: len(p)] == p), None)
        if inside is not None:  # one message for the list, none for each point in it
            if nested[inside] is None:
                nested[inside] = _list_of_rings(inside, positions, source)
            continue
        if not _said_by_pattern(leaf, leaves):
            errors.append(_describe(leaf, positions, source))
    errors.extend(error for error in nested.values() if error is not None)
    return first_errors(sorted(set(errors)), most)


def _rings_where_one_is_wanted(data: Any, leaves: list[ValidationError]) -> dict[Path, Any]:
    """{path: None} of each view's outline written as a list of polygons (`[[[x, y],
    …], […]]`, a zone's shape with parts): one cause, which jsonschema reported as a count and
    a wrong point and a wrong coordinate for each ring (seven messages for two rings)."""
    found: dict[Path, Any] = {}
    for leaf in leaves:
        path = tuple(leaf.absolute_path)
        for end in range(len(path), 0, -1):
            head = path[:end]
            if head[-1] == "outline" and _is_list_of_rings(value_at(data, head)):
                found.setdefault(head, None)
                break
    return found


def value_at(data: Any, path: Path) -> Any:
    """The value at `path` in the parsed data, or None where the path does not lead (draft and
    recheck ask it too)."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _is_list_of_rings(value: Any) -> bool:
    return (
        type(value) is list
        and len(value) > 0
        and all(type(ring) is list and ring and all(type(p) is list for p in ring) for ring in value)
    )


def _list_of_rings(path: Path, positions: Positions, source: str) -> AtlasError:
    line, column = positions.of_value(path)
    message = _(
        "'{field}' is one polygon (a list of [x, y] points), not a list of polygons: only a "
        "zone's shape has parts"
    ).format(field=_name(path))
    return AtlasError(source, line, column, message)


_STAND_IN = [[0, 0], [1, 0], [0, 1]]  # a polygon the schema accepts


@cache
def _polygon_limits() -> tuple[int, int, float, float, int, int]:
    """The schema's own limits for polygons, so the fast path below cannot drift from it:
    (fewest, most points; lowest, highest coordinate; fewest, most parts)."""
    defs = schema()["$defs"]
    polygon, coordinate, parts = defs["polygon"], defs["coordinate"], defs["parts"]
    return (
        polygon["minItems"],
        polygon["maxItems"],
        coordinate["minimum"],
        coordinate["maximum"],
        parts["minItems"],
        parts["maxItems"],
    )


def _is_ring(value: Any) -> bool:
    """What the schema's 'polygon' accepts, checked directly (jsonschema takes ~10 µs a point)."""
    fewest, most, low, high, _, _ = _polygon_limits()
    if type(value) is not list or not fewest <= len(value) <= most:
        return False
    if set(map(type, value)) != {list} or set(map(len, value)) != {2}:
        return False  # each point a list of two
    flat = list(itertools.chain.from_iterable(value))
    if not set(map(type, flat)) <= {int, float}:  # type(): True is no number here
        return False
    # in range (a NaN among them may upset min and max: it is refused in any case)
    return low <= min(flat) and max(flat) <= high and not any(map(math.isnan, flat))


def _is_sound_shape(value: Any, is_ring=_is_ring) -> bool:
    if is_ring(value):
        return True
    *_, fewest, most = _polygon_limits()
    return type(value) is list and fewest <= len(value) <= most and all(is_ring(part) for part in value)


def _ring_check(positions: Positions | None):
    """`_is_ring`, answered without a walk for the lists of points the parser read from the
    text directly (`Positions.sound_points`: the same rule, known from how they were read)."""
    if positions is None or getattr(positions, "numbers_range", None) is None:
        return _is_ring
    fewest, most, low, high, _, _ = _polygon_limits()
    sound = positions.sound_points

    def is_ring(value: Any) -> bool:
        return (type(value) is list and sound(value, fewest, most, low, high)) or _is_ring(value)

    return is_ring


def _without_sound_coordinates(data: Any, positions: Positions | None = None) -> Any:
    """`data` with every well-formed polygon replaced by a small stand-in.

    Coordinates are nearly all of a large chart; checking them here and leaving jsonschema
    the rest makes validation ~20x faster. A malformed polygon is left in place, so its
    error message is exactly the schema's."""
    if type(data) is not dict:
        return data
    is_ring = _ring_check(positions)
    out = dict(data)
    if type(data.get("views")) is list:
        out["views"] = [
            {**view, "outline": _STAND_IN} if type(view) is dict and is_ring(view.get("outline")) else view
            for view in data["views"]
        ]
    if type(data.get("zones")) is list:
        zones = []
        for zone in stopping.each(data["zones"]):
            shapes = zone.get("shapes") if type(zone) is dict else None
            if type(shapes) is dict:
                shapes = {
                    key: _STAND_IN if _is_sound_shape(value, is_ring) else value
                    for key, value in shapes.items()
                }
                zone = {**zone, "shapes": shapes}
            zones.append(zone)
        out["zones"] = zones
    return out


# The schema keywords `_surely_valid` understands; any other (but these annotations) makes it
# answer "not sure", and jsonschema decides.
_ANNOTATIONS = frozenset({"description", "title", "$comment", "default", "examples"})
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


def _surely_valid(value: Any, node: Any) -> bool:
    """True only when `value` is certainly valid under the schema `node`; False when it is
    not, or when this small interpreter of the schema is not sure (a keyword it does not
    know). jsonschema takes ~0.3 ms a zone, through its reference lookups; this takes a few
    µs (each schema node turned once into a function, see `_compiled`), and a False only
    means that jsonschema looks, and reports what it finds."""
    return _compiled(node)(value)


# The root's keywords that assert nothing about a document: the dialect, the schema's own
# address and its definitions (which `$ref` reaches through `_compile_ref`).
_ROOT_ONLY = frozenset({"$schema", "$id", "$defs"})


def _document_surely_valid(data: Any) -> bool:
    """`_surely_valid` for a whole document under the published schema's root."""
    root = schema()
    if not _ROOT_CHECK or _ROOT_CHECK[0] is not root:
        node = {key: rule for key, rule in root.items() if key not in _ROOT_ONLY}
        _ROOT_CHECK[:] = [root, node, _compiled(node)]  # (the node kept: _COMPILED is by id)
    return _ROOT_CHECK[2](data)


_ROOT_CHECK: list = []  # [the schema, its root without _ROOT_ONLY, that root compiled]


def _interpreted(value: Any, node: Any) -> bool:
    """`_surely_valid` keyword by keyword, as written (the reference for `_compiled`)."""
    if node is True:
        return True
    if type(node) is not dict:
        return False
    return _all_keywords_valid(value, node)


def _all_keywords_valid(value: Any, node: dict) -> bool:
    for keyword, rule in node.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(value, rule, node):
            return False
    return True


_COMPILED: dict[int, tuple[Any, Any]] = {}  # id(node) -> (node, function)


def _compiled(node: Any):
    """`node` as one function of a value, with the same answers as `_interpreted`: the
    keyword lookups, references and constants are worked out once, not once per zone."""
    known = _COMPILED.get(id(node))
    if known is not None and known[0] is node:
        return known[1]
    later: list = []  # while `node` is compiled, a reference back to it (recursion) waits
    _COMPILED[id(node)] = (node, lambda value: later[0](value))
    function = _compile(node)
    later.append(function)
    _COMPILED[id(node)] = (node, function)
    return function


def _never(value: Any) -> bool:
    return False


def _compile(node: Any):
    if node is True:
        return lambda value: True
    if type(node) is not dict:
        return _never
    checks = []
    for keyword, rule in node.items():
        if keyword in _ANNOTATIONS:
            continue
        make = _COMPILERS.get(keyword)
        if make is None:
            return _never  # a keyword this interpreter does not know: not sure
        checks.append(make(rule, node))
    if len(checks) == 1:
        return checks[0]

    def every(value: Any) -> bool:
        for check in checks:
            if not check(value):
                return False
        return True

    return every


def _compile_ref(rule: Any, node: dict):
    prefix = "#/$defs/"
    if type(rule) is not str or not rule.startswith(prefix):
        return _never
    target = schema()["$defs"].get(rule[len(prefix) :])
    return _never if target is None else _compiled(target)


def _compile_type(rule: Any, node: dict):
    kinds = _TYPES.get(rule) if type(rule) is str else None
    if kinds is None:
        return _never
    return lambda value: type(value) in kinds  # type(): True is no number here


_CONSTANT_TYPES = (str, int, type(None))


def _compile_enum(rule: Any, node: dict):
    allowed = {(type(c), c) for c in rule if type(c) in _CONSTANT_TYPES}
    return lambda value: type(value) in _CONSTANT_TYPES and (type(value), value) in allowed


def _compile_properties(rule: Any, node: dict):
    subs = [(key, _compiled(sub)) for key, sub in rule.items()]

    def properties(value: Any) -> bool:
        if type(value) is not dict:
            return True
        for key, check in subs:
            if key in value and not check(value[key]):
                return False
        return True

    return properties


def _compile_additional(rule: Any, node: dict):
    known = node.get("properties", {})
    if rule is False:
        return lambda value: type(value) is not dict or all(key in known for key in value)
    check = _compiled(rule)
    return lambda value: type(value) is not dict or all(check(value[k]) for k in value if k not in known)


def _compile_items(rule: Any, node: dict):
    skip = len(node.get("prefixItems", ()))
    check = _compiled(rule)
    return lambda value: type(value) is not list or all(map(check, value[skip:] if skip else value))


def _compile_prefix(rule: Any, node: dict):
    if type(rule) is not list:
        return _never
    subs = [_compiled(sub) for sub in rule]
    return lambda value: (
        type(value) is not list or all(check(item) for item, check in zip(value, subs, strict=False))
    )


def _compile_names(rule: Any, node: dict):
    check = _compiled(rule)
    return lambda value: type(value) is not dict or all(map(check, value))


def _compile_pattern(rule: Any, node: dict):
    pattern = re.compile(rule)
    return lambda value: type(value) is not str or pattern.search(value) is not None  # as jsonschema


def _compile_bound(kind: tuple[type, ...], measure, compare):
    def make(rule: Any, node: dict):
        return lambda value: type(value) not in kind or compare(measure(value), rule)

    return make


_COMPILERS = {
    "$ref": _compile_ref,
    "type": _compile_type,
    "enum": _compile_enum,
    "const": lambda rule, node: _compile_enum([rule], node) if type(rule) in _CONSTANT_TYPES else _never,
    "required": lambda rule, node: lambda value: type(value) is not dict or all(key in value for key in rule),
    "properties": _compile_properties,
    "additionalProperties": _compile_additional,
    "propertyNames": lambda rule, node: _compile_names(rule, node),
    "minProperties": _compile_bound((dict,), len, lambda n, rule: n >= rule),
    "maxProperties": _compile_bound((dict,), len, lambda n, rule: n <= rule),
    "items": _compile_items,
    "prefixItems": _compile_prefix,
    "minItems": _compile_bound((list,), len, lambda n, rule: n >= rule),
    "maxItems": _compile_bound((list,), len, lambda n, rule: n <= rule),
    "minLength": _compile_bound((str,), len, lambda n, rule: n >= rule),
    "maxLength": _compile_bound((str,), len, lambda n, rule: n <= rule),
    "pattern": _compile_pattern,
    "minimum": _compile_bound((int, float), lambda x: x, lambda x, rule: x >= rule),  # false for NaN
    "maximum": _compile_bound((int, float), lambda x: x, lambda x, rule: x <= rule),
    "anyOf": lambda rule, node: _compile_any_of(rule, node),
}


def _compile_any_of(rule: Any, node: dict):
    subs = [_compiled(sub) for sub in rule]
    stand_in: list[bool] = []  # the answer for the stand-in of a sound polygon, found once

    def any_of(value: Any) -> bool:
        if value is _STAND_IN:
            if not stand_in:
                stand_in.append(any(check(value) for check in subs))
            return stand_in[0]
        return any(check(value) for check in subs)

    return any_of


def _ref(value: Any, rule: Any, node: dict) -> bool:
    prefix = "#/$defs/"
    if type(rule) is not str or not rule.startswith(prefix):
        return False
    target = schema()["$defs"].get(rule[len(prefix) :])
    return target is not None and _interpreted(value, target)


def _type(value: Any, rule: Any, node: dict) -> bool:
    kinds = _TYPES.get(rule) if type(rule) is str else None
    return kinds is not None and type(value) in kinds  # type(): True is no number here


def _same(value: Any, constant: Any) -> bool:
    return type(value) is type(constant) and value == constant and type(value) in (str, int, type(None))


def _properties(value: Any, rule: Any, node: dict) -> bool:
    if type(value) is not dict:
        return True
    return all(key not in value or _interpreted(value[key], sub) for key, sub in rule.items())


def _additional(value: Any, rule: Any, node: dict) -> bool:
    if type(value) is not dict:
        return True
    extra = [key for key in value if key not in node.get("properties", {})]
    if rule is False:
        return not extra
    return all(_interpreted(value[key], rule) for key in extra)


def _items(value: Any, rule: Any, node: dict) -> bool:
    if type(value) is not list:
        return True
    skip = len(node.get("prefixItems", ()))
    return all(_interpreted(item, rule) for item in value[skip:])


def _prefix(value: Any, rule: Any, node: dict) -> bool:
    if type(value) is not list or type(rule) is not list:
        return type(rule) is list
    return all(_interpreted(item, sub) for item, sub in zip(value, rule, strict=False))


def _pattern(value: Any, rule: Any, node: dict) -> bool:
    return type(value) is not str or re.search(rule, value) is not None  # as jsonschema does


def _bound(kind: type, measure, compare):
    def check(value: Any, rule: Any, node: dict) -> bool:
        if type(value) not in kind:
            return True  # the keyword does not apply (`type` decides)
        return compare(measure(value), rule)

    return check


def _number(value: Any) -> float:
    return value


_KEYWORDS = {
    "$ref": _ref,
    "type": _type,
    "enum": lambda value, rule, node: any(_same(value, choice) for choice in rule),
    "const": lambda value, rule, node: _same(value, rule),
    "required": lambda value, rule, node: type(value) is not dict or all(key in value for key in rule),
    "properties": _properties,
    "additionalProperties": _additional,
    "propertyNames": lambda value, rule, node: (
        type(value) is not dict or all(_interpreted(key, rule) for key in value)
    ),
    "minProperties": _bound((dict,), len, lambda n, rule: n >= rule),
    "maxProperties": _bound((dict,), len, lambda n, rule: n <= rule),
    "items": _items,
    "prefixItems": _prefix,
    "minItems": _bound((list,), len, lambda n, rule: n >= rule),
    "maxItems": _bound((list,), len, lambda n, rule: n <= rule),
    "minLength": _bound((str,), len, lambda n, rule: n >= rule),
    "maxLength": _bound((str,), len, lambda n, rule: n <= rule),
    "pattern": _pattern,
    "minimum": _bound((int, float), _number, lambda x, rule: x >= rule),  # false for NaN
    "maximum": _bound((int, float), _number, lambda x, rule: x <= rule),
    "anyOf": lambda value, rule, node: any(_interpreted(value, sub) for sub in rule),
}


def _without_sound_zones(data: Any) -> Any:
    """`data` without its zones when every one of them is surely valid (`_surely_valid`) and
    the list keeps its own bounds: nearly all of a large chart's time in jsonschema. With a
    single zone in doubt, jsonschema sees every zone, so its errors are exactly as before."""
    if type(data) is not dict or type(data.get("zones")) is not list:
        return data
    zones = data["zones"]
    array = schema()["properties"]["zones"]
    if set(array) - {"type", "items", "maxItems", "description"}:  # a rule on the whole list
        return data
    if len(zones) > array.get("maxItems", len(zones)):
        return data
    if not all(_surely_valid(zone, array["items"]) for zone in stopping.each(zones)):
        return data
    return {**data, "zones": []}


def _leaves(error: ValidationError) -> list[ValidationError]:
    """For anyOf, report the branch that fits the value's type, so messages stay specific."""
    if error.validator != "anyOf" or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        subs
        for subs in branches.values()
        if not any(s.validator in ("type", "const") and not s.relative_path for s in subs)
    ]
    if not fitting:
        return [error]
    # Several branches take a list (a polygon, a list of polygons): the one with the fewest
    # complaints, then the one that got furthest into the value, is the one the author meant.
    best = min(fitting, key=lambda subs: (len(subs), -max(len(s.relative_path) for s in subs)))
    return [leaf for sub in best for leaf in _leaves(sub)]


def _name(path: Path) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return _("the file")


_KINDS = {  # a list at the top -> (an entry with an id, an entry without one)
    "zones": (N_("zone '{id}'"), N_("this zone")),
    "views": (N_("view '{id}'"), N_("this view")),
    "sources": (N_("source '{id}'"), N_("this source")),
    "guides": (N_("guide line '{id}'"), N_("this guide line")),
}
_ENTRY = (N_("entry '{id}'"), N_("this entry"))


def _owner(path: Path, value: Any) -> str:
    """ "zone 'Sacrum' [sacrum]" for an entry of the zones list, "source 'x'", and so on."""
    if not path:
        return _("the file")
    if isinstance(path[-1], int) and len(path) > 1:
        named, unnamed = _KINDS.get(str(path[-2]), _ENTRY)
        if isinstance(value, dict) and isinstance(value.get("id"), str) and path[-2] == "zones":
            return zone_in_file(value, value["id"])  # by its name as shown, its id to find it
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            return _(named).format(id=value["id"])
        return _(unnamed)
    return f"'{path[-1]}'"


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if value is None:
        return _("nothing (null)")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


def _either(words: list[str]) -> str:
    """'a or b or c', in the user's language."""
    said = words[0]
    for word in words[1:]:
        said = _("{first} or {second}").format(first=said, second=word)
    return said


def _written_number(positions: Positions, where: tuple[int, int], value: Any) -> str:
    """A number as written in the file at `where` (1.10, not 1.1), or as read."""
    if _out_of_reach(value):
        return str(value)  # (the text written, also after a tag: `!!float 1e999`)
    offset = positions.offset(*where) if getattr(positions, "text", "") else None
    if offset is not None:  # (after its tag and anchor, if it has them: `!!float 1e308`)
        offset = _PROPERTIES.match(positions.text, offset).end()
    found = written_numbers.DECIMAL.match(positions.text, offset) if offset is not None else None
    return found.group() if found else format_value(value)


_PROPERTIES = re.compile(r"(?:[!&][^ \t\n,\[\]{}]*+[ \t]++)*+")  # a value's tag and anchor


# a flow list of numbers on one line, as written (a point quoted in a message)
_FLOW_NUMBERS = re.compile(r"\[[-+0-9.eE, ]*+\]")


def _as_written(positions: Positions, where: tuple[int, int], value: Any, path: Path = ()) -> str:
    """A value from the file quoted in a message: a number, or a list of numbers, as written
    at `where` (1e308, not 1e+308; [1.50, 2], not [1.5, 2]); a list written over lines (a
    block list, a flow list broken over lines) as [its numbers as written] (the list's
    `path` places them), cut at 40 characters; anything else as `_short` quotes it."""
    numbers = type(value) in (int, float) or (
        type(value) is list and all(type(item) in (int, float) for item in value)
    )
    if not numbers or not getattr(positions, "text", ""):
        return _short(value)
    if type(value) is list:
        offset = positions.offset(*where)
        found = _FLOW_NUMBERS.match(positions.text, offset) if offset is not None else None
        text = found.group() if found else _items_as_written(positions, path, value)
    else:
        text = _written_number(positions, where, value)
    return text if len(text) <= 40 else text[:37] + "..."


def _items_as_written(positions: Positions, path: Path, value: list) -> str:
    """A list of numbers not written on one line in flow style, as [its numbers as written]."""
    items = []
    for index, item in enumerate(value[:8]):  # (enough to fill the 40 characters quoted)
        at = positions.of_value((*path, index)) if path else None
        items.append(format_value(item) if at is None else _written_number(positions, at, item))
    return "[" + ", ".join(items) + (", ...]" if len(value) > 8 else "]")


def _in_quotes(positions: Positions, where: tuple[int, int]) -> bool:
    """Whether the value at `where` is written in quotes (after its tag and anchor, if any)."""
    offset = positions.offset(*where) if getattr(positions, "text", "") else None
    if offset is None:
        return False
    offset = _PROPERTIES.match(positions.text, offset).end()
    return positions.text[offset : offset + 1] in ("'", '"')


def _number_wanted(positions: Positions, where: tuple[int, int], value: str) -> str:
    """The message for text where a number is wanted that reads as one: a number in quotes is
    text because of its quotes ("23.9", '1'); any other is written otherwise (010, .nan)."""
    number = written_numbers.read(value)
    in_reach = type(number) is int or (number is not None and not written_numbers.unreadable(value, number))
    if in_reach and _in_quotes(positions, where):
        return written_numbers.in_quotes(value)
    return written_numbers.wanted(value)


def _is_number_written_otherwise(value: Any) -> bool:
    """Text where a number is wanted, that reads as one written otherwise than in decimal (010,
    0x1F, 1_000, .inf): the reader keeps such a plain value as the text written."""
    return isinstance(value, str) and written_numbers.looks_like_number(value)


def _bound(value: float) -> str:
    """A limit of ReflexMap's own (-1000, 0.5), as the interface language writes numbers."""
    return format_value(int(value) if float(value).is_integer() else float(value))


def _short(value: Any) -> str:
    """A value from the file quoted in a message (numbers as the interface language writes
    them), cut at 40 characters."""
    text = format_value(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _describe(error: ValidationError, positions: Positions, source: str) -> AtlasError:
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    where = positions.of_value(path)
    field = _name(path)
    naming = "propertyNames" in error.absolute_schema_path  # about a key of the mapping at `path`
    if naming and isinstance(value, str):
        where = positions.of_key(path + (value,))  # at that key, not at the mapping

    def shown() -> str:  # the value quoted, numbers as written where it stands
        return _as_written(positions, where, value, path)

    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        message = _("missing key '{key}' in {owner}").format(key=missing, owner=_owner(path, value))
    elif kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        if extras:
            where = positions.of_key(path + (extras[0],))
        keys = ", ".join(_short(k) for k in extras)
        if allowed:
            message = _("unknown key {keys}; expected one of: {allowed}").format(
                keys=keys, allowed=", ".join(allowed)
            )
        else:
            message = _("unknown key {keys}").format(keys=keys)
    elif kind == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = _either([_(_TYPE_WORDS[w]) if w in _TYPE_WORDS else w for w in wanted])
        message = _("'{field}' must be {expected}, not {found}").format(
            field=field, expected=words, found=_type_of(value)
        )
        if path and type(path[-1]) is int:  # an item: `zones: [a, 1]` is no zone, 'zones' a list
            message = _("item {number} of '{field}' must be {expected}, not {found}").format(
                number=format_count(path[-1] + 1), field=field, expected=words, found=_type_of(value)
            )
        if "number" in wanted and len(path) >= 2 and type(path[-1]) is int and type(path[-2]) is int:
            message = _("a coordinate must be a number, not {found} ({value})").format(
                found=_type_of(value), value=shown()
            )
        if "number" in wanted and _is_number_written_otherwise(value):
            message = _number_wanted(positions, where, value)
        if "string" in wanted and (type(value) in (int, float) or _out_of_reach(value)) and path:
            message = _(
                "'{field}' must be text, not the number {written}; put text in quotes: \"{written}\""
            ).format(field=field, written=_written_number(positions, where, value))
        if not path:
            message = _("the file must be {expected} at the top, not {found}").format(
                expected=words, found=_type_of(value)
            )
    elif kind == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        message = _("{value} is not a valid {field}; expected one of: {choices}").format(
            value=str(value) if _out_of_reach(value) else shown(),  # 1e999, not '1e999'
            field=field,
            choices=choices,
        )
    elif kind == "const":
        if type(error.validator_value) in (int, float) and _is_number_written_otherwise(value):
            message = _number_wanted(positions, where, value)
        elif field == "atlas_format":
            message = _("unsupported atlas_format {value}: this ReflexMap reads format 1").format(
                value=shown()
            )
        else:
            message = _("'{field}' must be {expected}, not {value}").format(
                field=field, expected=repr(error.validator_value), value=shown()
            )
    elif kind == "pattern" and naming and path and path[-1] == "translations":
        message = _(
            "{value} is not a language code: two lower-case letters, optionally a region ('de', 'pt-BR')"
        ).format(value=shown())
    elif kind == "pattern":
        if "https?" in str(error.validator_value):
            message = _("'{field}' must be a web address starting with http:// or https://").format(
                field=field
            )
        else:
            message = _(
                "{value} is not a valid id: use lowercase letters, digits and single hyphens, "
                "starting with a letter"
            ).format(value=shown())
    elif kind == "propertyNames":
        message = _("{value}: view ids are lowercase letters, digits and hyphens").format(value=shown())
    elif kind in ("minItems", "maxItems") and error.schema.get("prefixItems"):
        message = _("a point must be [x, y] (two numbers), not {value}").format(value=shown())
    elif kind in ("minItems", "maxItems"):
        count = len(value) if isinstance(value, list) else 0
        bound = error.validator_value
        if _is_polygon(path) and kind == "minItems":
            template = ngettext(
                "'{field}' needs at least {bound} point, it has {count}",
                "'{field}' needs at least {bound} points, it has {count}",
                bound,
            )
        elif _is_polygon(path):
            template = ngettext(
                "'{field}' needs at most {bound} point, it has {count}",
                "'{field}' needs at most {bound} points, it has {count}",
                bound,
            )
        elif kind == "minItems":
            template = ngettext(
                "'{field}' needs at least {bound} item, it has {count}",
                "'{field}' needs at least {bound} items, it has {count}",
                bound,
            )
        else:
            template = ngettext(
                "'{field}' needs at most {bound} item, it has {count}",
                "'{field}' needs at most {bound} items, it has {count}",
                bound,
            )
        message = template.format(field=field, bound=format_count(bound), count=format_count(count))
    elif kind == "minProperties":
        message = _("'{field}' must name at least one view").format(field=field)
    elif kind in ("minimum", "maximum"):
        _low_high = _polygon_limits()
        message = _("coordinate {value} is outside the allowed range {low}..{high} mm").format(
            value=shown(), low=_bound(_low_high[2]), high=_bound(_low_high[3])
        )
    elif kind in ("minLength", "maxLength"):
        if kind == "minLength":
            message = _("'{field}' must not be empty").format(field=field)
        else:
            message = _too_long(path, value, error.validator_value, naming)
    elif kind == "anyOf":
        message = _(
            "'{field}' must be a polygon (a list of [x, y] points), a list of polygons "
            "or 'mirror', not {value}"
        ).format(field=field, value=shown())
    else:
        message = f"'{field}': {error.message}"
    line, column = where
    return AtlasError(source, line, column, message)


def _said_by_pattern(error: ValidationError, siblings: list[ValidationError]) -> bool:
    """Whether `error` says an id is too long when a sibling already says it is no id at all
    (one message for one key or value: "AAA… is not a valid id", not that and its length)."""
    return error.validator == "maxLength" and any(
        other.validator == "pattern"
        and other.instance == error.instance
        and other.absolute_path == error.absolute_path
        for other in siblings
    )


# What the schema's length limit is about, by where it stands: a key of this mapping, an item
# of this list (an id naming something defined elsewhere in the file)
_KEYED_IDS = {"shapes": N_("the view id {value}")}
_LISTED_IDS = {"sources": N_("the source id {value}")}


def _too_long(path: Path, value: Any, limit: int, naming: bool) -> str:
    """A value or key over the schema's maxLength, with its length and the limit (it said only
    "'shapes' is too long" of a view id 300 characters long used as a key of 'shapes')."""
    field = _name(path)
    if naming:
        what = _(_KEYED_IDS[field]) if field in _KEYED_IDS else _("the key {value} of '{field}'")
    elif path and isinstance(path[-1], int):
        what = _(_LISTED_IDS[field]) if field in _LISTED_IDS else _("an item of '{field}'")
    else:
        what = "'{field}'"
    size = len(value) if isinstance(value, str) else 0
    return _("{what} is {size} characters long; the limit is {limit}").format(
        what=what.format(value=_short(value), field=field), size=format_count(size), limit=format_count(limit)
    )


def _is_polygon(path: Path) -> bool:
    if not path:
        return False
    return path[-1] in ("outline", "points") or "shapes" in path[-3:-1]
