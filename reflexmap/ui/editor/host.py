"""The window as the editor may use it: a declared interface, as `MapSurface` is the map's.

The editor gets the application state (chart, selection, mode) and this, and nothing else of
the window: no attribute of the window or of another widget (the status bar, the zone card's
dock, the Charts menu). The window builds one `EditorHost` from its own parts (wiring only);
`tests/ui/test_modes_reach.py` fails on any other reach.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QWidget

    from ...settings import Settings

BESIDE_CARD, LEFT = "beside-card", "left"  # where `add_dock` puts a dock


@dataclass(frozen=True, slots=True)
class EditorHost:
    """What the editor asks of the window."""

    parent: QWidget  # the window: the parent of the editor's objects and dialogs, nothing more
    settings: Settings  # the folder charts were last saved in, the chart opened last
    say: Callable[[str], None]  # a message in the status bar
    pointed: Callable[[str, float, float], None]  # the pointer's view and mm, in the status bar
    add_status_widget: Callable[[QWidget], None]  # a permanent word in the status bar
    add_dock: Callable[[QDockWidget, str], None]  # a dock, BESIDE_CARD (tabbed with it) or LEFT
    remember_chart: Callable[[Path], None]  # a chart saved: listed among the recent charts
    chart_title: Callable[[Path], str]  # a built-in chart's title, for File → New chart
    # a chart saved with zones renamed: (chart id, {old id: new id}, old ids to copy, not move);
    # the students' progress follows
    zones_renamed: Callable[[str, dict[str, str], frozenset[str]], None]
    # a chart saved as a copy with an id of its own: (its id before, the new id); the students'
    # progress is copied to the new id: (how much was copied, what could not be done)
    progress_copied: Callable[[str, str], tuple[int, list[str]]] = lambda old, new: (0, [])
    # `call` called whenever the window becomes active again (a file may have changed meanwhile)
    when_activated: Callable[[Callable[[], None]], None] = lambda call: None
    # the status bar's message now, as a call that shows it again (a dialog cancelled)
    keep_status: Callable[[], Callable[[], None]] = lambda: lambda: None
    raise_card: Callable[[], None] = lambda: None  # the zone card in front of the docks tabbed with it
    # the ids of the charts known but the one at the path (a new chart's id is none of them)
    taken_ids: Callable[[Path | None], set[str]] = lambda path: set()
    # the ids of the charts with progress in any profile (a new chart's id is none of them)
    ids_with_progress: Callable[[], set[str]] = lambda: set()
    # the keyboard's focus to the map (a new zone drawn: Return and Escape act on it, S22-8)
    focus_map: Callable[[], None] = lambda: None
    # the window is shown (not closing: work kept by a stopped window is offered there)
    shown: Callable[[], bool] = lambda: True
