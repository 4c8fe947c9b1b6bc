"""The arrows point down (STYLE.md): ui -> export/render -> layout/quiz/atlas -> storage.

Read from the source (every `import`, including those inside functions; those under
`if TYPE_CHECKING:` only name types and are left out): no import cycles among reflexmap's
modules, nothing below the window imports `reflexmap.ui`, and the Qt-free core imports no Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reflexmap"

# Packages and modules the window may use but that never use the window.
BELOW_UI = (
    "reflexmap.atlas",
    "reflexmap.quiz",
    "reflexmap.layout",
    "reflexmap.content",
    "reflexmap.render",
    "reflexmap.export",
    "reflexmap.vocab",
    "reflexmap.i18n",
    "reflexmap.storage",
    "reflexmap.settings",
    "reflexmap.bounded_json",
    "reflexmap.version",
)
# ...and of those, the ones that run without Qt at all.
QT_FREE = (
    "reflexmap.atlas",
    "reflexmap.quiz",
    "reflexmap.layout",
    "reflexmap.content",
    "reflexmap.vocab",
    "reflexmap.i18n",
    "reflexmap.storage",
    "reflexmap.bounded_json",
    "reflexmap.version",
    "reflexmap.export.html",
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Every module `path` imports (reflexmap's resolved to module names, others as written)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only |= {id(child) for child in ast.walk(node)}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{a.name}" for a in node.names} & known
            found |= submodules if len(submodules) == len(node.names) else {target} | submodules
    return found - {module}


def import_graph() -> dict[str, set[str]]:
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {module: _imports(path, module, set(paths)) for module, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in graph:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_layers_named_here_exist():
    graph = import_graph()
    for name in BELOW_UI + QT_FREE:
        assert any(_under(module, (name,)) for module in graph), name


# Landed while the shell was refactored: yaml_source calls prescan lazily, prescan reads
# yaml_source's limits. To untangle (the limits in a module of their own), then drop this.
KNOWN_CYCLES: list[list[str]] = []  # none left: the limits are in atlas/limits.py


def test_no_import_cycles_among_reflexmap_modules():
    assert [c for c in cycles(import_graph()) if c not in KNOWN_CYCLES] == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_below_the_window_imports_the_window():
    wrong = {
        module: sorted(d for d in deps if _under(d, ("reflexmap.ui",)))
        for module, deps in import_graph().items()
        if _under(module, BELOW_UI)
    }
    assert {m: d for m, d in wrong.items() if d} == {}


def test_the_qt_free_core_imports_no_qt():
    wrong = {
        module: sorted(
            d for d in deps if _under(d, ("PySide6", "shiboken6", "reflexmap.render", "reflexmap.ui"))
        )
        for module, deps in import_graph().items()
        if _under(module, QT_FREE)
    }
    assert {m: d for m, d in wrong.items() if d} == {}


def test_layout_runs_with_qt_blocked():
    """The layout module imported and used in a fresh interpreter where PySide6 cannot load."""
    code = """
import sys
sys.modules["PySide6"] = None
sys.modules["shiboken6"] = None
import reflexmap
from reflexmap.layout import frames, labels, order
atlas = reflexmap.load_atlas()
view = atlas.view("plantar-left")
minx, miny, maxx, maxy = frames.bounds(view.outline)
frame = frames.Frame(view, 100.0, 300.0, 100 + minx, 100 + maxx, 300 - maxy, 300 - miny, 9.0, 9.0)
cx, cy = frame.to_chart(30.0, 60.0)
assert frames.locate([frame], cx, cy) == ("plantar-left", 30.0, 60.0)
assert frames.locate([frame], cx + 500, cy) is None
anchors = atlas.anchors("plantar-left")
keys = [("plantar-left", z.id) for z in atlas.zones_in("plantar-left")]
walked = order.keyboard_order([frame], keys, {k: anchors[k[1]] for k in keys})
assert sorted(walked) == sorted(keys)
ys = [anchors[z][1] for _v, z in walked]
assert ys[0] == max(ys)  # the toes first
assert labels.spread([5.0, 5.0, 5.0], 2.0, 0.0, 100.0) == [5.0, 7.0, 9.0]
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "ok" in result.stdout, result.stdout + result.stderr
