"""YAML text → plain Python data, remembering where every value and key came from.

PyYAML's constructors drop positions, so we compose the node graph (the C parser when
available), then turn nodes into dicts, lists and scalars ourselves. Only the JSON-like
core tags are accepted: no Python object is ever built from a file, duplicate keys are
errors instead of silently winning, and alias expansion is budgeted so a small file
cannot expand into a huge one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .errors import AtlasError

try:  # the C parser is ~10x faster; it is optional in PyYAML builds
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 2_000_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null")}
# Unquoted dates resolve to timestamps; an atlas never needs datetimes, keep the text.
_TEXT_TAGS = {_TAG + "timestamp"}

Path = tuple[str | int, ...]


@dataclass(slots=True)
class Positions:
    """Where each value (by its path from the root) and each mapping key starts, 1-based."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def of_key(self, path: Path) -> tuple[int, int]:
        """Position of the key that introduces `path` (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.of_value(path)


class _Budget(Exception):
    def __init__(self, message: str, mark: Any):
        self.message = message
        self.mark = mark


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def parse_yaml(text: str, source: str) -> tuple[Any, Positions, list[AtlasError]]:
    """Parse one YAML document; returns (data, positions, errors). Data is None on error."""
    positions = Positions()
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line, col = _pos(exc.problem_mark or exc.context_mark)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            context = exc.context.removeprefix("while ").replace("parsing ", "")
            if exc.context_mark is not None and exc.context_mark.line + 1 != line:
                c_line, c_col = _pos(exc.context_mark)
                context += f" started on line {c_line}, column {c_col}"
            problem = f"{exc.problem} (in the {context.removeprefix('a ')})"
        return None, positions, [AtlasError(source, line, col, f"YAML syntax error: {problem}")]
    except yaml.YAMLError as exc:  # reader errors: bad characters, encodings
        line, col = _reader_position(exc, text)
        return None, positions, [AtlasError(source, line, col, f"YAML error: {_first_line(exc)}")]
    if node is None:
        return None, positions, [AtlasError(source, 1, 1, "the file is empty")]
    errors: list[AtlasError] = []
    converter = _Converter(source, positions, errors)
    try:
        data = converter.convert(node, (), 0)
    except _Budget as exc:
        line, col = _pos(exc.mark)
        return None, positions, [AtlasError(source, line, col, exc.message)]
    return (None if errors else data), positions, errors


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _reader_position(exc: yaml.YAMLError, text: str) -> tuple[int, int]:
    offset = getattr(exc, "position", None)
    if not isinstance(offset, int):
        return (1, 1)
    before = text[:offset]
    return (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


class _Converter:
    def __init__(self, source: str, positions: Positions, errors: list[AtlasError]):
        self.source = source
        self.positions = positions
        self.errors = errors
        self.scalars = SafeConstructor()
        self.nodes = 0

    def _error(self, mark: Any, message: str) -> None:
        line, col = _pos(mark)
        self.errors.append(AtlasError(self.source, line, col, message))

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Budget(
                f"the document expands to more than {MAX_NODES:,} values (aliases used to inflate it?)",
                node.start_mark,
            )
        if depth > MAX_DEPTH:
            raise _Budget(f"values are nested deeper than {MAX_DEPTH} levels", node.start_mark)
        self.positions.values.setdefault(path, _pos(node.start_mark))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self._error(node.start_mark, f"tag {node.tag!r} is not allowed in an atlas")
                return None
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self._error(node.start_mark, f"tag {node.tag!r} is not allowed in an atlas")
            return None
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            self._error(node.start_mark, f"cannot read value {node.value!r}: {_first_line(exc)}")
            return None

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        if node.tag != _TAG + "map":
            self._error(node.start_mark, f"tag {node.tag!r} is not allowed in an atlas")
            return {}
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self._error(key_node.start_mark, "merge keys ('<<') are not supported in an atlas")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                self._error(key_node.start_mark, "keys must be plain text")
                continue
            key = key_node.value
            where = _pos(key_node.start_mark)
            if key in first_seen:
                line, _ = first_seen[key]
                self._error(key_node.start_mark, f"duplicate key {key!r} (first given on line {line})")
                continue
            first_seen[key] = where
            self.positions.keys[path + (key,)] = where
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result
