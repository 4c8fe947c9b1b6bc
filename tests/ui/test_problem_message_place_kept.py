# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A problem's message is placed once for what it is placed among: the editor's overlay is
drawn again at every mouse move of a drag and every move of the view, and the search for a
free place takes 0.05-0.25 s (90-107 ms a drawing for one message on the small chart). The
same problem among the same text takes its place again; a change searches anew."""

from __future__ import annotations

from reflexmap.ui.editor import overlay as overlay_module

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)


def test_the_same_message_is_not_searched_again(qtbot, editing, monkeypatch):
    drag(qtbot, editing, "plantar-left", (0, 25), (-60, 25))  # the heel out of its foot
    tool = editing.editor.tool
    assert tool.overlay.messages
    shown = [b.getRect() for b in tool.overlay.boxes]
    searched = []
    real = overlay_module.place_message
    monkeypatch.setattr(overlay_module, "place_message", lambda *a, **k: searched.append(1) or real(*a, **k))
    tool.draw(tool.overlay.target)
    assert searched == [] and [b.getRect() for b in tool.overlay.boxes] == shown
    drag(qtbot, editing, "plantar-left", (-60, 25), (-50, 25))  # the problem moved: placed anew
    assert searched
