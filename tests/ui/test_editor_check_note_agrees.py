"""While a zone is dragged out of its outline, the red marks and messages came from the live
check while the status bar's note kept saying "✔ The chart passes the check" until the full
check after the drop: the note is now counted from the same result the marks come from, at
every moment of a real drag on the viewport (held, dropped, undone)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from .conftest import viewport_pos
from .test_editor import chart, editing, key  # noqa: F401 (fixtures)


def _note(window) -> str:
    return window.editor.problems_label.text()


def _agree(window) -> None:
    """The note and the map's marks say the same: problems marked, a problem counted."""
    marks = window.editor.tool.overlay.messages
    note = _note(window)
    if marks:
        assert note.startswith("⚠"), (note, marks)
        # its tooltip lists what the marks say (the heel's corner out of the foot)
        # (the zone by its name, as the map shows it)
        assert "Heel" in window.editor.problems_label.toolTip(), window.editor.problems_label.toolTip()
    else:
        assert note.startswith("✔"), (note, marks)


def test_the_check_note_agrees_with_the_marks_while_a_zone_is_dragged_out(qtbot, editing):  # noqa: F811
    window = editing
    assert _note(window).startswith("✔")
    viewport = window.map.viewport()
    a = viewport_pos(window, "plantar-left", 18.0, 2.0)  # a corner of the heel
    b = viewport_pos(window, "plantar-left", 60.0, 2.0)  # far out of the foot
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    seen_out = False
    for i in range(1, 9):
        point = QPoint(a.x() + (b.x() - a.x()) * i // 8, a.y())
        qtbot.mouseMove(viewport, point)
        qtbot.wait(20)  # the map draws its overlay: the marks of now
        _agree(window)
        seen_out = seen_out or bool(window.editor.tool.overlay.messages)
    assert seen_out, "held out of the foot, the corner is marked"
    held = _note(window)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    qtbot.wait(50)
    assert window.editor.tool.overlay.messages
    _agree(window)
    assert _note(window) == held, "the full check after the drop counts as the live one did"
    key(qtbot, window, QKeySequence.StandardKey.Undo)
    qtbot.wait(50)
    _agree(window)
    assert _note(window).startswith("✔")
