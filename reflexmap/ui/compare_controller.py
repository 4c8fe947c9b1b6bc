"""Chart → Compare with… (Ctrl+Shift+C): the chart shown beside another known chart (the other
built-in one first); the comparison window lets the user switch to any other known chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .. import i18n
from ..atlas import Atlas, AtlasError, read_atlas
from ..i18n import _
from ..paths import chart_cache
from .charts_menu import ChartsMenu
from .state import AppState

if TYPE_CHECKING:
    from .compare_window import CompareWindow


class CompareController:
    def __init__(
        self,
        parent: QWidget,
        state: AppState,
        charts: ChartsMenu,
        show_errors: Callable[[str, tuple[AtlasError, ...]], None],
    ):
        self.parent, self.state, self.charts, self._show_errors = parent, state, charts, show_errors

    def compare_dialog(self, other_path: str | None = None) -> CompareWindow | None:
        current = self.state.atlas.path
        candidates = [
            p for p in self.charts.known() if current is None or p.resolve() != Path(current).resolve()
        ]
        if other_path is None:
            if not candidates:
                from . import dialogs

                dialogs.information(
                    self.parent, _("Compare charts"), _("Open a second chart first (Chart menu).")
                )
                return None
            other_path = str(candidates[0])
        other = self.read_other(str(other_path))
        if other is None:
            return None
        from .compare_window import CompareWindow

        others = [(self.charts.chart_title(p), str(p)) for p in candidates]
        window = CompareWindow(
            self.state.atlas, other, self.state.aspect, self.parent, others=others, load=self.read_other
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def read_other(self, path: str) -> Atlas | None:
        """A chart to compare with, in the interface's language; errors are shown, None returned."""
        result = read_atlas(path, chart_cache())
        if not result.ok:
            self._show_errors(Path(path).name, result.errors)
            return None
        assert result.atlas is not None
        return result.atlas.localized(i18n.language())
