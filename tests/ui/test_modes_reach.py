"""Modes never reach into another widget: the quiz and the presenter (ui/modes/) use the map
only through `MapSurface`, their own panel only through its public methods, and import no
other widget's module (the window, the map view, the zone card, the zone list)."""

from __future__ import annotations

import ast
from pathlib import Path

import reflexmap.ui.modes as modes
import reflexmap.ui.quiz_panel as quiz_panel
from reflexmap.ui.modes import MapSurface

MODES = sorted(Path(modes.__file__).parent.glob("*.py"))
OTHER_WIDGETS = {"main_window", "map_view", "info_panel", "zone_list", "quiz_shell", "charts_menu", "editor"}
SURFACE = {n for n in vars(MapSurface) if not n.startswith("_")} | set(MapSurface.__annotations__)


def _panel_methods() -> set[str]:
    tree = ast.parse(Path(quiz_panel.__file__).read_text(encoding="utf-8"))
    panel = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "QuizPanel")
    return {f.name for f in panel.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_")}


def reaches(source: str, panel_methods: set[str]) -> list[str]:
    """Each use of another widget in `source`: an import of its module, a name of the map
    outside the surface, anything of the panel but its public methods, a chain through a
    widget (`x.map.y`, `x.window().y`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            parts = set((node.module or "").split(".")) | {a.name for a in node.names}
            found += [f"imports {p}" for p in parts & OTHER_WIDGETS]
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        if isinstance(owner, ast.Attribute) and owner.attr in ("map", "panel"):
            allowed = SURFACE if owner.attr == "map" else panel_methods
            mine = isinstance(owner.value, ast.Name) and owner.value.id == "self"
            if not mine or node.attr not in allowed:
                found.append(f"{ast.unparse(node)} (line {node.lineno})")
        if isinstance(owner, ast.Call) and getattr(owner.func, "attr", "") == "window":
            found.append(f"{ast.unparse(node)} (line {node.lineno})")
    return found


def test_quiz_and_presenter_are_modes_in_ui_modes():
    names = {p.stem for p in MODES}
    assert {"quiz", "presenter"} <= names
    from reflexmap.ui.modes.presenter import Presenter
    from reflexmap.ui.modes.quiz import QuizController

    assert issubclass(QuizController, modes.Mode) and issubclass(Presenter, modes.Mode)


def test_no_mode_reaches_into_another_widget():
    methods = _panel_methods()
    found = {p.name: reaches(p.read_text(encoding="utf-8"), methods) for p in MODES}
    assert {name: r for name, r in found.items() if r} == {}


def test_the_check_sees_the_reaches_the_review_found():
    """The reaches issue 16 named, written as a mode once had them, are each caught."""
    methods = _panel_methods()
    for line in (
        "self.map.answer_handler = self.answer",
        "x = self.map.chart.anchors",
        "self.panel.next_button.setEnabled(False)",
        "size = self.map.label_mm",
        "self.window.map.fit()",
        "self.map.window().info.refresh()",
        "from ..map_view import MapView",
    ):
        assert reaches(line, methods), line
    assert reaches("self.map.setFocus()\nself.panel.show_question(1)", methods) == []
