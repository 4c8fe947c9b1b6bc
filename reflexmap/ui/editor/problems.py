"""The chart's problems listed beside the map while editing: each as `reflexmap check` says
it, with its line and column; choosing one shows its zone on the map (the view that draws it,
selected), where the problem is marked. Opening a chart that was saved with problems shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...i18n import _, ngettext

if TYPE_CHECKING:
    from ..state import AppState
    from .session import EditSession

MAX_LISTED = 500  # problems listed; the rest are counted
ZONE_ROLE = Qt.ItemDataRole.UserRole
VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemList(QWidget):
    """The problems of the chart being edited, kept in step with every change."""

    def __init__(
        self,
        state: AppState,
        session: EditSession,
        chart_properties: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.state, self.session = state, session
        self.chart_properties = chart_properties  # where a problem of the chart's texts is fixed
        self.setObjectName("chart-problems")
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Chart problems"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        # a problem wraps over several lines: rows set apart, so where one ends is seen
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # wrapped again when resized
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        session.changed.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        draft = self.session.draft
        problems = draft.problems if draft is not None else ()
        self.list.clear()
        if not problems:
            notes = warnings(self.session)
            if not notes:
                self.summary.setText(_("The chart passes the check: no problems."))
                return
            self.summary.setText(
                ngettext(
                    "The chart passes the check, with {count} warning "
                    "(the command “reflexmap check” prints it too):",
                    "The chart passes the check, with {count} warnings "
                    "(the command “reflexmap check” prints them too):",
                    len(notes),
                ).format(count=len(notes))
            )
            for note in notes[:MAX_LISTED]:
                item = QListWidgetItem(noted(note))  # (plain text)
                item.setData(ZONE_ROLE, None)  # (a chart text: nothing on the map to show)
                self.list.addItem(item)
            return
        self.summary.setText(
            ngettext(
                "{count} problem: the command “reflexmap check” and other windows refuse the chart "
                "until it is fixed. Choose it to see it on the map.",
                "{count} problems: the command “reflexmap check” and other windows refuse the chart "
                "until they are fixed. Choose one to see it on the map.",
                len(problems),
            ).format(count=len(problems))
        )
        views = draft.atlas.views if draft.atlas is not None else ()
        for problem in problems[:MAX_LISTED]:
            item = QListWidgetItem(placed(problem, views, draft.atlas))  # a list item's text is plain text
            item.setData(ZONE_ROLE, problem.zone or "")
            item.setData(VIEW_ROLE, problem.view or "")
            self.list.addItem(item)
        if len(problems) > MAX_LISTED:
            more = len(problems) - MAX_LISTED
            self.list.addItem(_("… and {count} more (run: reflexmap check FILE)").format(count=more))

    def _chosen(self, item: QListWidgetItem) -> None:
        """The problem's zone selected, in the view the problem is in (or one that draws it)."""
        zone_id, view_id = item.data(ZONE_ROLE), item.data(VIEW_ROLE)
        atlas = self.state.atlas
        if zone_id is None:  # (the "… and N more" row)
            return
        if not zone_id:  # the chart's title, description or sources: Chart properties
            if self.chart_properties is not None:
                self.chart_properties()
            return
        if not atlas.has_zone(zone_id):
            return
        views = {v.id: v for v in atlas.views}
        if view_id in views and atlas.zone(zone_id).in_view(view_id):
            self.state.set_aspect(views[view_id].aspect)
            self.state.select(zone_id, view_id)
        else:
            self.state.show_zone(zone_id)


_NOTED: list = [None, None, ()]  # (the text, the chart, its warnings) last worked out


def warnings(session) -> tuple:
    """The warnings on the chart being edited when it passes the check, as `reflexmap check`
    prints them (atlas/notes.py: the same rules), worked out once for each text."""
    document, draft = session.document, session.draft
    if document is None or draft is None or draft.atlas is None or draft.problems:
        return ()
    if _NOTED[0] is not document.text or _NOTED[1] is not draft.atlas:
        from ...atlas.notes import chart_notes

        _NOTED[:] = [document.text, draft.atlas, chart_notes(draft.atlas, document.text, document.source)]
    return _NOTED[2]


def noted(note) -> str:
    """A warning with its line and column in the file, as the list shows a problem."""
    if note.line <= 0:
        return note.message
    return _("line {line}, column {column}: {message}").format(
        line=note.line, column=note.column, message=note.message
    )


def said(problem, views, atlas=None) -> str:
    """A problem's message as the editor shows it: `reflexmap check`'s words, with each view it
    names (`views`: the chart's) named as the interface names it ("left foot, plantar view"),
    not by its id in the file, and the zone it is about by its name as shown (`atlas`: the
    chart as built; see zone_words)."""
    from ...atlas.draft import REPEAT_MARK, in_words, written_id

    names = None
    if atlas is not None and isinstance(problem.zone, str) and REPEAT_MARK not in problem.zone:
        names = {written_id(problem.zone): zone_words(atlas, problem.zone)}
    return in_words(problem.message, views, names)


def zone_words(atlas, zone_id: str) -> str:
    """A zone of `atlas` as the editor's messages name it: its name as the map and the list
    show it, in the interface's language (the atlas localized: the problems panel is filled
    from the draft's atlas, built before the window's chart is set), isolated (chart text
    inside a sentence), not its id in the file; a zone repeating another's id keeps its id
    ("heel#2"), which tells it apart."""
    from ...atlas.draft import REPEAT_MARK
    from ...i18n import bidi_isolate, language

    if REPEAT_MARK in zone_id or atlas is None or not atlas.has_zone(zone_id):
        return bidi_isolate(zone_id)
    return bidi_isolate(atlas.localized(language()).zone(zone_id).name)


def placed(problem, views=(), atlas=None) -> str:
    """A problem of the chart with its line and column in the file, as `reflexmap check` says
    it, its views and zone named in words (see `said`)."""
    message = said(problem, views, atlas)
    if problem.line <= 0:
        return message
    return _("line {line}, column {column}: {message}").format(
        line=problem.line, column=problem.column, message=message
    )
