"""Chart → Compare with… (Ctrl+Shift+C): the chart shown beside another known chart (the other
built-in one first); the comparison window lets the user switch to any other known chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .. import i18n
from ..atlas import Atlas, AtlasError, LoadResult, limits, read_atlas
from ..i18n import _, file_isolate, ngettext
from ..paths import chart_cache
from .charts_menu import ChartsMenu
from .modes import QUIZ
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
        state.mode_changed.connect(self._mode_changed)

    def _mode_changed(self, mode: str) -> None:
        """A quiz round begins: open comparisons are closed, as they label every zone of both
        charts beside the question (Compare with… stays off until the round ends)."""
        if mode != QUIZ:
            return
        from .compare_window import CompareWindow

        for window in self.parent.findChildren(CompareWindow):
            window.close()

    def compare_dialog(self, other_path: str | None = None) -> CompareWindow | None:
        """The comparison window, on `other_path` or else on the first known chart that draws
        the view shown (else one sharing a view, else any: charts.to_compare, from what was
        kept of each, nothing read). The other chart is read as File → Open reads
        (chart_opening.py): a reading that takes long goes behind a box with Cancel, and the
        window opens when it is read (None is returned then). The charts it offers to switch
        to are the known ones, less those read with errors: they cannot be compared."""
        offered = self.charts.to_compare(self.state.atlas.path)
        if other_path is None:
            if not offered:
                from . import dialogs

                dialogs.information(
                    self.parent, _("Compare charts"), _("Open a second chart first (Chart menu).")
                )
                return None
            other_path = str(self._first_to_compare(offered))
        opened: list[CompareWindow] = []

        def read(other: Atlas | None) -> None:
            if other is not None:
                opened.append(self._compare_window(other, offered))

        self.read_other(str(other_path), None, read)
        return opened[0] if opened else None

    def _compare_window(self, other: Atlas, offered: list[Path]) -> CompareWindow:
        from .compare_window import CompareWindow

        others = [(self.charts.name(p), str(p)) for p in offered]
        window = CompareWindow(
            self.state.atlas,
            other,
            self.state.aspect,
            self.parent,
            others=others,
            load=self.read_other,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        # in front and focused, so that its keys (Escape closes it) are its own at once: a window
        # manager that keeps focus where it was (or none) left Escape to the main window
        window.raise_()
        window.activateWindow()
        return window

    def _first_to_compare(self, offered: list[Path]) -> Path:
        """The first chart drawing the view shown, else the first sharing any view with the
        chart shown, else the first read, else the first: two empty panes are the last thing
        to open on. What each draws is what was kept of it when read (nothing is read here)."""
        shown, mine = self.state.aspect, set(self.state.atlas.aspects())
        kept = [(path, self.charts.kept(path)) for path in offered]
        for wanted in ({shown}, mine):
            chosen = next((p for p, k in kept if k is not None and wanted & set(k.aspects)), None)
            if chosen is not None:
                return chosen
        return next((p for p, k in kept if k is not None), offered[0])

    def read_other(
        self, path: str, parent: QWidget | None = None, then: Callable[[Atlas | None], None] | None = None
    ) -> None:
        """A chart to compare with, in the interface's language, handed to `then` (None when
        it was not read: errors, listed over `parent` (the comparison window when it asks)
        and said as what they mean here, or Cancel; the comparison stays as it was). Read in
        a worker as File → Open reads: at once when quick, else behind a box with Cancel."""
        from .chart_opening import QUICK_S, failure, in_background
        from .editor.opening import Opening

        over = parent or self.parent
        given = then or (lambda _other: None)

        def read(result: LoadResult) -> None:
            self.charts.keep(path, result)  # named and chosen by it from now on
            given(self._compared(path, result, over))

        def failed(error: Exception) -> None:
            given(self._compared(path, LoadResult(None, (failure(path, error),)), over))

        opening = Opening(
            over,
            Path(path),
            read,
            failed,
            lambda: given(None),
            read=lambda _stopped: read_atlas(path, chart_cache()),
            words=(_("Opening the chart…"), _("Compare charts")),
            name="reflexmap-open",
            drawing=_("Drawing the chart…"),
        )
        opening.start(wait=0.0 if in_background(Path(path)) else QUICK_S)

    def _compared(self, path: str, result: LoadResult, parent: QWidget) -> Atlas | None:
        if not result.ok:
            from . import dialogs

            count, more = limits.counted(result.errors)
            text = ngettext(
                "{file} has {count} error and cannot be compared; the comparison is unchanged.",
                "{file} has {count} errors and cannot be compared; the comparison is unchanged.",
                count,
            ).format(file=file_isolate(Path(path).name), count=count)
            if more:  # the reading stopped listing them
                text = _(
                    "{file} has more than {count} errors and cannot be compared; the comparison is unchanged."
                ).format(file=file_isolate(Path(path).name), count=count)
            box = dialogs.chart_errors(parent, Path(path).name, result.errors, text=text)
            box.setWindowTitle(_("Chart not compared"))
            return None
        assert result.atlas is not None
        return result.atlas.localized(i18n.language())
