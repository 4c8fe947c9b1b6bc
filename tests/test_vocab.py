"""One place for the vocabulary: aspects, feet, regions, confidences and languages are listed
in reflexmap/vocab.py only (LANGUAGES beside the translation machinery in reflexmap/i18n.py);
every other module imports them. A second list of the same ids anywhere fails here."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from reflexmap import vocab

ROOT = Path(__file__).resolve().parents[1] / "reflexmap"
NAMES = {
    "ASPECTS",
    "FEET",
    "REGIONS",
    "CONFIDENCES",
    "ZONE_NAME_STYLES",
    "LANGUAGES",
    "REGION_COLOURS",
    "REGION_NAMES",
    "ASPECT_TITLES",
    "ASPECT_NAMES",
    "FOOT_NAMES",
    "ON_FOOT",
}
HOMES = {"vocab.py": NAMES, "i18n.py": {"LANGUAGES"}}


def _strings(node: ast.AST) -> set[str]:
    """The string constants listed directly in a literal tuple, list, set or dict's keys."""
    if isinstance(node, ast.Dict):
        items = node.keys
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        items = node.elts
    else:
        return set()
    return {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}


def second_definitions(source: str, filename: str) -> list[str]:
    """Places in `source` that define vocabulary again: an assignment to one of its names, or a
    literal listing three aspects, four regions, both confidences or both languages."""
    found = []
    allowed = HOMES.get(filename, set())
    for node in ast.walk(ast.parse(source)):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            for target in targets:
                if isinstance(target, ast.Name) and target.id in NAMES - allowed:
                    found.append(f"{filename}:{node.lineno}: {target.id} defined again")
        if filename in HOMES:
            continue
        strings = _strings(node)
        if (
            len(strings & set(vocab.ASPECTS)) >= 3
            or len(strings & set(vocab.REGIONS)) >= 4
            or set(vocab.CONFIDENCES) <= strings
            or set(vocab.LANGUAGES) <= strings
        ):
            found.append(f"{filename}:{node.lineno}: a list of vocabulary ids: use reflexmap.vocab")
    return found


def test_no_module_defines_the_vocabulary_again():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        found += second_definitions(path.read_text(encoding="utf-8"), path.name)
    assert found == []


def test_the_check_finds_a_second_definition():
    assert second_definitions('REGIONS = ("head", "neck")\n', "model.py")
    assert second_definitions('x = {"plantar": 1, "medial": 2, "dorsal": 3}\n', "main_window.py")
    assert second_definitions('f(choices=("sourced", "estimate"))\n', "cache.py")
    assert not second_definitions('side = ("left", "right")\n', "layout.py")
    assert not second_definitions("from .vocab import REGIONS\n", "model.py")


def test_the_chart_schema_allows_exactly_the_vocabulary():
    schema = (ROOT / "atlas" / "atlas-v1.schema.json").read_text(encoding="utf-8")
    enums = []

    def walk(node):
        if isinstance(node, dict):
            if "enum" in node:
                enums.append(tuple(node["enum"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(schema))
    for ids in (vocab.ASPECTS, vocab.FEET, vocab.REGIONS, vocab.CONFIDENCES, vocab.ZONE_NAME_STYLES):
        assert any(set(e) == set(ids) for e in enums), ids


def test_every_id_has_its_names_and_colour():
    assert set(vocab.REGION_COLOURS) == set(vocab.REGIONS) == set(vocab.REGION_NAMES)
    for table in (vocab.ASPECT_TITLES, vocab.ASPECT_NAMES, vocab.ASPECT_MENU_TEXTS, vocab.ASPECT_IN_SENTENCE):
        assert tuple(table) == vocab.ASPECTS
    for table in (vocab.FOOT_NAMES, vocab.FOOT_IN_SENTENCE, vocab.ON_FOOT):
        assert tuple(table) == vocab.FEET
    assert set(vocab.CONFIDENCE_TEXT) == set(vocab.CONFIDENCES)
