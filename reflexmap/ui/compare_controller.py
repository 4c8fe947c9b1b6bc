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
from ..i18n import _, bidi_isolate, ngettext
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
        """The comparison window, on `other_path` or else on the first known chart that draws
        the view shown (else any view of this chart); the charts it offers to switch to are
        the known ones that load: a chart with errors cannot be compared, so it is not offered."""
        loaded = self.charts.other_charts(self.state.atlas.path)
        if other_path is None:
            if not loaded:
                from . import dialogs

                dialogs.information(
                    self.parent, _("Compare charts"), _("Open a second chart first (Chart menu).")
                )
                return None
            other = self._first_to_compare(loaded).localized(i18n.language())
        else:
            other = self.read_other(str(other_path))
            if other is None:
                return None
        from .compare_window import CompareWindow

        others = [(self.charts.chart_title(p), str(p)) for p, _atlas in loaded]
        window = CompareWindow(
            self.state.atlas, other, self.state.aspect, self.parent, others=others, load=self.read_other
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        # in front and focused, so that its keys (Escape closes it) are its own at once: a window
        # manager that keeps focus where it was (or none) left Escape to the main window
        window.raise_()
        window.activateWindow()
        return window

    def _first_to_compare(self, loaded: list[tuple[Path, Atlas]]) -> Atlas:
        """The first chart drawing the view shown, else the first sharing any view with the
        chart shown, else the first: two empty panes are the last thing to open on."""
        shown, mine = self.state.aspect, set(self.state.atlas.aspects())
        for wanted in ({shown}, mine):
            chosen = next((atlas for _path, atlas in loaded if wanted & set(atlas.aspects())), None)
            if chosen is not None:
                return chosen
        return loaded[0][1]

    def read_other(self, path: str, parent: QWidget | None = None) -> Atlas | None:
        """A chart to compare with, in the interface's language; on errors they are listed
        (over `parent`, the comparison window when it asks), said as what they mean here: the
        comparison stays as it was. None then."""
        result = read_atlas(path, chart_cache())
        if not result.ok:
            from . import dialogs

            count = len(result.errors)
            text = ngettext(
                "{file} has {count} error and cannot be compared; the comparison is unchanged.",
                "{file} has {count} errors and cannot be compared; the comparison is unchanged.",
                count,
            ).format(file=bidi_isolate(Path(path).name), count=count)
            box = dialogs.chart_errors(parent or self.parent, Path(path).name, result.errors, text=text)
            box.setWindowTitle(_("Chart not compared"))
            return None
        assert result.atlas is not None
        return result.atlas.localized(i18n.language())
