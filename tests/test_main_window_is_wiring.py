"""MainWindow is wiring: it builds no dialog and holds no behaviour of its own; each concern
lives in its own module (status line, settings, start problems, exports, comparing, quiz)."""

from __future__ import annotations

import ast
from pathlib import Path

import reflexmap.ui.main_window as main_window

SOURCE = Path(main_window.__file__)
DIALOGS = ("Dialog", "MessageBox", "Window", "QMenu", "QAction", "QActionGroup")


def _calls(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.append(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def test_main_window_constructs_no_dialog_window_or_action():
    built = [n for n in _calls(ast.parse(SOURCE.read_text(encoding="utf-8"))) if n.endswith(DIALOGS)]
    assert built == []  # QMainWindow's own super().__init__ is no call by name


def test_main_window_stays_a_file_read_in_one_sitting():
    assert len(SOURCE.read_text(encoding="utf-8").splitlines()) < 350
