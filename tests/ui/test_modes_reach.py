"""Modes never reach into another widget: the quiz and the presenter (ui/modes/) use the map
only through `MapSurface`, their own panel only through its public methods, the editor
(ui/editor/) uses the window only through its `EditorHost`, and none imports another widget's
module (the window, the map view, the zone card, the zone list, the status line, the Charts
menu) or touches an attribute of the window."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import reflexmap.ui.editor as editor
import reflexmap.ui.modes as modes
import reflexmap.ui.quiz_panel as quiz_panel
from reflexmap.ui.editor.host import EditorHost
from reflexmap.ui.modes import MapSurface

MODES = sorted(Path(modes.__file__).parent.glob("*.py"))
EDITOR = sorted(Path(editor.__file__).parent.glob("*.py"))
WIDGETS = {
    "main_window",
    "map_view",
    "info_panel",
    "zone_list",
    "quiz_shell",
    "charts_menu",
    "window_status",
    "settings_menu",
    "presenting_chrome",
    "export_controller",
    "compare_controller",
}
OTHER_WIDGETS = WIDGETS | {"editor"}  # for the quiz and the presenter, the editor is another widget
SURFACE = {n for n in vars(MapSurface) if not n.startswith("_")} | set(MapSurface.__annotations__)
HOST = {f.name for f in dataclasses.fields(EditorHost)}
HOST_WIDGETS = {"parent"}  # handed on (a dialog's parent), never looked into
WINDOW_NAMES = {"window", "main_window", "win"}


def _panel_methods() -> set[str]:
    tree = ast.parse(Path(quiz_panel.__file__).read_text(encoding="utf-8"))
    panel = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "QuizPanel")
    return {f.name for f in panel.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_")}


def reaches(source: str, panel_methods: set[str], widgets: set[str] = OTHER_WIDGETS) -> list[str]:
    """Each use of another widget in `source`: an import of its module, a name of the map
    outside the surface or of the host outside `EditorHost`, anything of the panel but its
    public methods, anything of the window (`x.window.y`, `window.y`, `x.window().y`,
    `getattr(window, ...)`, `x.host.parent.y`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            parts = set((node.module or "").split(".")) | {a.name for a in node.names}
            found += [f"imports {p}" for p in parts & widgets]
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("getattr", "setattr", "hasattr"):
            target = node.args[0] if node.args else None
            if _names_window(target) or getattr(target, "id", "") == "parent":
                found.append(f"{ast.unparse(node)} (line {node.lineno})")
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        where = f"{ast.unparse(node)} (line {node.lineno})"
        if isinstance(owner, ast.Attribute) and owner.attr in ("map", "panel", "host"):
            allowed = {"map": SURFACE, "panel": panel_methods, "host": HOST}[owner.attr]
            mine = isinstance(owner.value, ast.Name) and owner.value.id == "self"
            if not mine or node.attr not in allowed:
                found.append(where)
        if isinstance(owner, ast.Attribute) and owner.attr in HOST_WIDGETS and _is_host(owner.value):
            found.append(where)
        if _names_window(owner):
            found.append(where)
        if isinstance(owner, ast.Call) and getattr(owner.func, "attr", "") == "window":
            found.append(where)
    return found


def _names_window(node) -> bool:
    """`window` or `x.window`: the window itself (a mode may only pass it on)."""
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES
    return isinstance(node, ast.Attribute) and node.attr in WINDOW_NAMES


def _is_host(node) -> bool:
    return (isinstance(node, ast.Name) and node.id == "host") or (
        isinstance(node, ast.Attribute) and node.attr == "host"
    )


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


def test_the_editor_reaches_the_window_only_through_its_host():
    """Edit mode, its tool, form, dialogs and saving: the state and the EditorHost only."""
    methods = _panel_methods()
    found = {p.name: reaches(p.read_text(encoding="utf-8"), methods, WIDGETS) for p in EDITOR}
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


def test_the_check_sees_the_reaches_the_editor_had():
    """The editor's reaches into the window before issue 16's host, each caught; the host's
    own members pass."""
    methods = _panel_methods()
    for line in (
        "self.state = window.state",
        "window.statusBar().addPermanentWidget(label)",
        "self.tool = ZoneTool(state, session, say, window.status.show_coordinates)",
        "self.window.statusBar().showMessage(message, 10000)",
        "self.window.tabifyDockWidget(self.window.info_dock, dock)",
        "folder = self.window.settings.value('chart/dir')",
        "self.window.charts_menu.remember(path)",
        "titles = getattr(parent, 'charts_menu', None)",
        "self.host.parent.statusBar()",
        "self.host.status_bar.showMessage('x')",
        "from ..main_window import MainWindow",
        "from ..window_status import StatusLine",
    ):
        assert reaches(line, methods, WIDGETS), line
    fine = "self.host.say('x')\nself.host.add_dock(dock, LEFT)\nQDialog(self.host.parent)"
    assert reaches(fine, methods, WIDGETS) == []
