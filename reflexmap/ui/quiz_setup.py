"""Choosing what to practise: question kinds, views, feet, regions, a custom set, round rules."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..atlas import Atlas
from ..atlas.search import search_zones
from ..atlas.text import natural_key
from ..content.markup import shortened
from ..i18n import _, bidi_isolate, format_number, ngettext
from ..quiz import KINDS, QuizOptions
from ..quiz.cards import KIND_TITLES, single_answer_kinds
from ..quiz.scheduler import DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION, is_retention
from ..quiz.session import round_size
from ..setting_rules import MAX_REMEMBERED, QUIZ_LENGTH, QUIZ_SECONDS, default
from ..settings import Settings
from ..vocab import FEET, REGION_COLOURS, aspect_name, foot_name, region_name
from .tick_lists import ticks_apart
from .wheel_guard import scroll_past_fields


def _boxes(
    parent: QWidget, items: list[tuple[str, str]], checked: set[str], room: int = 1 << 20
) -> tuple[QGroupBox, dict[str, QCheckBox]]:
    """Check boxes by key, in as many columns as fit in `room` pixels (all on one row when
    they fit): at the largest text nine body regions on one row made the dialog 1,200 px wide."""
    group = QGroupBox(parent)
    grid = QGridLayout(group)
    boxes = {}
    for key, text in items:
        box = QCheckBox(text, group)
        box.setChecked(key in checked)
        boxes[key] = box
    margins = grid.contentsMargins()
    spacing = max(0, grid.horizontalSpacing())
    widths = [box.sizeHint().width() for box in boxes.values()]
    columns = _columns(widths, room - margins.left() - margins.right(), spacing)
    for i, box in enumerate(boxes.values()):
        grid.addWidget(box, i // columns, i % columns)
    grid.setColumnStretch(columns, 1)  # the boxes keep to the left, as a row of them did
    return group, boxes


def _keyed(group: QGroupBox) -> QGroupBox:
    """The row's Alt-letter (its title is the group's buddy) puts the keys on its first box,
    without ticking it (a box as buddy would be clicked): tryout S22-14, no Alt-letters. The
    group takes the focus only by its title's letter or a click (not Tab: its boxes are in
    the Tab chain, and a focus proxy took the first box out of it) and hands it on."""
    first = group.findChild(QCheckBox)
    if first is not None:
        group.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        group.installEventFilter(_HandOn(group, first))
    return group


class _HandOn(QObject):
    """Gives the focus a group box receives to its first box (a child of the group)."""

    def __init__(self, group: QGroupBox, first: QCheckBox):
        super().__init__(group)
        self.first = first

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusIn:
            self.first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return False


def _columns(widths: list[int], room: int, spacing: int) -> int:
    """The most columns (all of them at most) whose widest boxes, side by side, fit in
    `room` pixels; one when even that does not fit."""
    for columns in range(len(widths), 1, -1):
        needed = sum(max(widths[c::columns]) for c in range(columns)) + spacing * (columns - 1)
        if needed <= room:
            return columns
    return 1


# Where the dialog remembers its choices (reflexmap.settings). What is read back is checked
# value by value: a damaged or hand-edited entry falls back to its default alone.
KEY = "quiz/setup/"
NAME_CHARS = 120  # a zone name in the custom set: a 4,000-character one would be one endless row
WAIT_FOR_ENTER_KEY = "quiz/wait-for-enter"  # also read by the quiz controller
LENGTH_RANGE = QUIZ_LENGTH  # bounds of the fields, checked when read (setting_rules.RULES)
SECONDS_RANGE = QUIZ_SECONDS


def stored(settings: Settings | None, key: str):
    """The raw value stored under `key`, or None (no settings, or a value that cannot even be
    decoded, such as broken base64)."""
    if settings is None:
        return None
    try:
        return settings.value(key)
    except (ValueError, TypeError):
        return None


def remembered_list(settings: Settings | None, key: str, allowed) -> list[str] | None:
    """The ticked keys stored under `key` that are still offered (`allowed`); None when there
    is nothing usable (missing, not a list, or none of its entries known here)."""
    value = stored(settings, KEY + key)
    if not isinstance(value, list):
        return None
    known = [v for v in value if isinstance(v, str) and v in allowed]
    return known if known or not value else None


def remembered_ticks(settings: Settings | None, key: str, offered, default) -> set[str]:
    """The boxes of row `key` to tick: those ticked last time, and those the last dialog did
    not offer (it was set up on a chart with other feet, views or regions) as by `default`;
    a right foot or a "back" region that a one-foot chart lacked is not left out for good.
    A row left with nothing ticked gets its default."""
    chosen = remembered_list(settings, key, offered)
    before = stored(settings, KEY + key + "-offered")
    if not isinstance(before, list) or len(before) > MAX_REMEMBERED:
        return set(chosen if chosen is not None else default)
    ticked = stored(settings, KEY + key)
    ticked = ticked if isinstance(ticked, list) and len(ticked) <= MAX_REMEMBERED else []
    chosen = {k for k in offered if k in ticked or (k not in before and k in default)}
    return chosen or set(default)  # none ticked would mean all: the row says what it means


def remembered_int(settings: Settings | None, key: str, low: int, high: int) -> int:
    """The whole number stored under KEY + `key`, or its default (setting_rules.RULES)."""
    value = stored(settings, KEY + key)
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return default(KEY + key)


def remembered_bool(settings: Settings | None, key: str) -> bool:
    """The choice stored under `key`, or its default (setting_rules.RULES)."""
    value = stored(settings, key)
    return value if isinstance(value, bool) else bool(default(key))


class QuizSetupDialog(QDialog):
    def __init__(
        self,
        atlas: Atlas,
        aspect: str,
        parent=None,
        settings: Settings | None = None,
        retention: float = DEFAULT_RETENTION,
        left_out: frozenset[str] = frozenset(),
    ):
        """`left_out`: zones the chart's check refuses (an edited chart's): listed greyed, with
        why, and never asked (QuizOptions.left_out)."""
        super().__init__(parent)
        self.setObjectName("quiz-setup")
        self.setWindowTitle(_("New quiz"))
        self.atlas = atlas
        self.settings = settings
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long row goes under its title
        room = self._room_for_boxes(parent)
        kinds = remembered_list(settings, "kinds", KINDS) or ["find", "name"]
        group, self.kinds = _boxes(self, [(k, _(KIND_TITLES[k])) for k in KINDS], set(kinds), room)
        self._remembered_kinds = set(kinds)
        form.addRow(_("&Questions"), _keyed(group))
        self.single_answer_note = self._leave_out(single_answer_kinds(atlas))
        if self.single_answer_note is not None:
            form.addRow("", self.single_answer_note)
        aspects = atlas.aspects()
        chosen = remembered_ticks(settings, "aspects", aspects, [aspect])
        group, self.aspects = _boxes(self, [(a, aspect_name(a)) for a in aspects], chosen, room)
        form.addRow(_("&Views"), _keyed(group))
        drawn = [f for f in FEET if any(v.foot == f for v in atlas.views)]  # a chart may draw one foot
        feet = remembered_ticks(settings, "feet", drawn, drawn)
        group, self.feet = _boxes(self, [(f, foot_name(f)) for f in drawn], feet, room)
        form.addRow(_("&Feet"), _keyed(group))
        regions = [r for r in REGION_COLOURS if any(z.region == r for z in atlas.zones)]
        chosen = remembered_ticks(settings, "regions", regions, regions)
        group, self.regions = _boxes(self, [(r, region_name(r)) for r in regions], chosen, room)
        form.addRow(_("Body &regions"), _keyed(group))
        custom = set(remembered_list(settings, "custom", {z.id for z in atlas.zones}) or ())
        self.custom = QListWidget(self)
        self.custom.setAccessibleName(_("Custom set of zones"))
        for zone in sorted(atlas.zones, key=lambda z: natural_key(z.name)):
            item = QListWidgetItem(bidi_isolate(shortened(" ".join(zone.name.split()), NAME_CHARS)))
            item.setData(Qt.ItemDataRole.UserRole, zone.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if zone.id in custom else Qt.CheckState.Unchecked)
            if zone.id in left_out:  # not asked: said where it is chosen (S21-11)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(
                    _("The chart check refuses this zone: fix it (or save it fixed) to practise it.")
                )
            self.custom.addItem(item)
        self.custom.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names elide
        ticks_apart(self.custom)
        self.custom.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)  # grows with the text size
        self.custom.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        # a chart of hundreds of zones (or a German name in the middle of 54): typed, not scrolled
        self.custom_filter = QLineEdit(self)
        self.custom_filter.setObjectName("custom-filter")
        self.custom_filter.setPlaceholderText(_("Show only zones matching (name, claim, region)…"))
        self.custom_filter.setAccessibleName(_("Filter the custom set"))
        self.custom_filter.setClearButtonEnabled(True)
        self.custom_filter.textChanged.connect(self._filter_custom)
        self.custom_filter.installEventFilter(self)
        custom_box = QVBoxLayout()
        custom_box.setContentsMargins(0, 0, 0, 0)
        custom_box.addWidget(self.custom_filter)
        custom_box.addWidget(self.custom)
        custom_title = QLabel(_("C&ustom set\n(none ticked: all)"), self)
        custom_title.setBuddy(self.custom_filter)  # typed into: the list narrows
        form.addRow(custom_title, custom_box)
        self.length = QSpinBox(self)
        self.length.setRange(*LENGTH_RANGE)
        self.length.setValue(remembered_int(settings, "length", *LENGTH_RANGE))
        self.length.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000") + 80)
        length_row = QHBoxLayout()  # the desired retention joins it below
        length_row.addWidget(self.length)
        length_title = QLabel(_("Questions &per round"), self)
        length_title.setBuddy(self.length)
        form.addRow(length_title, length_row)
        self.timed = QCheckBox(_("&Timed round, seconds:"), self)
        self.timed.setChecked(remembered_bool(settings, KEY + "timed"))
        self.seconds = QSpinBox(self)
        self.seconds.setRange(*SECONDS_RANGE)
        self.seconds.setValue(remembered_int(settings, "seconds", *SECONDS_RANGE))
        timed_row = QHBoxLayout()
        timed_row.addWidget(self.timed)
        timed_row.addWidget(self.seconds)
        timed_row.addStretch(1)
        form.addRow(_("Time"), timed_row)
        self.sudden_death = QCheckBox(_("Sudden d&eath: the round ends at the first mistake"), self)
        self.sudden_death.setChecked(remembered_bool(settings, KEY + "sudden-death"))
        form.addRow("", self.sudden_death)
        self.wait_for_enter = QCheckBox(_("&Wait for Enter after each answer, right ones too"), self)
        self.wait_for_enter.setObjectName("wait-for-enter")
        self.wait_for_enter.setChecked(remembered_bool(settings, WAIT_FOR_ENTER_KEY))
        form.addRow(_("After an answer"), self.wait_for_enter)
        # The profile's desired retention (FSRS): kept with its progress, not with these choices.
        self.retention = QSpinBox(self)
        self.retention.setObjectName("desired-retention")
        self.retention.setRange(round(MIN_RETENTION * 100), round(MAX_RETENTION * 100))
        self.retention.setSuffix(" %")
        self.retention.setValue(round((retention if is_retention(retention) else DEFAULT_RETENTION) * 100))
        self.retention.setMaximumWidth(self.fontMetrics().horizontalAdvance("100 %") + 80)
        self.retention.setAccessibleName(_("Desired retention"))
        explained = QLabel(_("Higher means more reviews, more often; 90 % is usual."), self)
        explained.setObjectName("desired-retention-note")
        explained.setTextFormat(Qt.TextFormat.PlainText)
        explained.setWordWrap(True)  # two lines rather than a dialog wider than a small screen
        self.retention.setToolTip(
            _(
                "How likely you should still know a card when it comes back. Higher means "
                "more reviews, more often; 90 % is the usual choice. Kept for this profile."
            )
        )
        # On the round length's line: the dialog must fit a small screen at the largest text.
        title = QLabel(_("&Desired retention:"), self)
        title.setBuddy(self.retention)
        length_row.addSpacing(self.fontMetrics().horizontalAdvance("MM"))
        length_row.addWidget(title)
        length_row.addWidget(self.retention)
        length_row.addWidget(explained, 1)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok | cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The choices scroll on a screen too small for them; Start and Cancel stay in sight.
        choices = QWidget(self)
        choices.setLayout(form)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("quiz-setup-choices")
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(choices)
        scroll_past_fields(choices)
        # what the choices leave to ask, said as they are made (tryout S23-3: a zone ticked that
        # the views chosen do not draw was told only at Start; a round of one question, never)
        self.left_out = left_out
        self.matching = QLabel(self)
        self.matching.setObjectName("quiz-setup-matching")
        self.matching.setTextFormat(Qt.TextFormat.PlainText)
        self.matching.setWordWrap(True)
        self._count_later = QTimer(self, singleShot=True, interval=0)  # (a list ticked at once: counted once)
        self._count_later.timeout.connect(self._count)
        for boxes in (self.kinds, self.aspects, self.feet, self.regions):
            for box in boxes.values():
                box.toggled.connect(self._count_later.start)
        self.custom.itemChanged.connect(self._count_later.start)
        self.length.valueChanged.connect(self._count_later.start)
        self._count()
        bottom = QHBoxLayout()
        bottom.addWidget(self.matching, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(bottom)
        self._open_fitting(form, choices, layout)

    def _count(self) -> None:
        """How many zones the choices leave, and how many questions the round asks of them."""
        options = self.options()
        zones, asked = round_size(self.atlas, replace(options, left_out=options.left_out | self.left_out))
        if not zones:
            self.matching.setText(_("No zone of this chart matches these choices."))
            return
        match = ngettext("{count} zone matches:", "{count} zones match:", zones)
        asks = ngettext("the round asks {count} question.", "the round asks {count} questions.", asked)
        said = [
            match.format(count=format_number(zones, 0)) + " " + asks.format(count=format_number(asked, 0))
        ]
        self.matching.setText(" ".join(said + self._none_ticked()))

    def _none_ticked(self) -> list[str]:
        """What a row left with no box ticked asks, said beside the count: it is not "none"
        (tryout: every foot unticked still said "40 zones match", with nothing to say why)."""

        def empty(boxes: dict[str, QCheckBox]) -> bool:
            return bool(boxes) and not any(box.isChecked() for box in boxes.values())

        said = []
        if empty(self.kinds):
            kind = _(KIND_TITLES["find"])
            said.append(_("No question type ticked: the round asks “{kind}”.").format(kind=kind))
        if empty(self.aspects):
            said.append(_("No view ticked: every view is asked."))
        if empty(self.feet):
            said.append(_("No foot ticked: every foot is asked."))
        if empty(self.regions):
            said.append(_("No body region ticked: every region is asked."))
        return said

    def _leave_out(self, kinds: tuple[str, ...]) -> QLabel | None:
        """Boxes of the kinds whose answer would be the only choice on this chart, off and
        greyed, and a line under them saying why (None when every kind can be asked)."""
        if not kinds:
            return None
        why = _("This chart has only one answer to choose from: not asked.")
        for kind in kinds:
            self.kinds[kind].setChecked(False)
            self.kinds[kind].setEnabled(False)
            self.kinds[kind].setToolTip(why)
        note = QLabel(
            _("Greyed questions are not asked: this chart has only one answer to choose from."), self
        )
        note.setObjectName("single-answer-note")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        return note

    def _open_fitting(self, form: QFormLayout, choices: QWidget, layout: QVBoxLayout) -> None:
        """Open as wide as the rows want beside their titles and as tall as they are, or as
        the screen allows: a row goes under its title only where the screen is too narrow for
        it, and the choices scroll only where it is too low."""
        fields = [form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in range(form.rowCount())]
        margins = layout.contentsMargins()
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
        natural = (
            max(item.sizeHint().width() for item in labels if item is not None)
            + max(0, form.horizontalSpacing())
            + max(item.sizeHint().width() for item in fields if item is not None)
            + form.contentsMargins().left()
            + form.contentsMargins().right()
            + 2  # Qt's rounding between the columns
        )
        width = min(natural, self._screen_width - margins.left() - margins.right() - bar - 40)
        width = max(width, choices.minimumSizeHint().width())
        high = form.heightForWidth(width) if form.hasHeightForWidth() else choices.sizeHint().height()
        outer = margins.top() + margins.bottom() + layout.spacing() + self.buttons.sizeHint().height()
        height = min(max(high, choices.sizeHint().height()) + outer, self._screen_height - 60)
        self.resize(width + margins.left() + margins.right() + bar, height)

    def _room_for_boxes(self, parent: QWidget | None) -> int:
        """Pixels a row of check boxes may take: the screen's width, less the row titles'
        column and the dialog's margins (the titles are measured as the form will show them)."""
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width = self._screen_width = area.width() if area is not None else 1 << 20
        self._screen_height = area.height() if area is not None else 1 << 20
        titles = (
            _("&Questions"),
            _("&Views"),
            _("&Feet"),
            _("Body &regions"),
            _("C&ustom set\n(none ticked: all)"),
            _("Questions &per round"),
            _("Time"),
            _("After an answer"),
        )
        metrics = self.fontMetrics()
        title_width = max(
            metrics.horizontalAdvance(line.replace("&", "")) for t in titles for line in t.split("\n")
        )
        self._title_width = title_width
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        # the dialog's and the group boxes' margins, the form's spacing, the frames: generously
        return width - title_width - bar - 8 * metrics.horizontalAdvance("M") - 60

    def accept(self) -> None:
        """Start: the choices are remembered for the next round (and the next start)."""
        self.remember()
        super().accept()

    def remember(self) -> None:
        if self.settings is None:
            return

        def ticked(boxes):
            return [k for k, box in boxes.items() if box.isChecked()]

        # a kind this chart cannot ask keeps its tick for the next chart
        kinds = [
            k
            for k, box in self.kinds.items()
            if box.isChecked() or (not box.isEnabled() and k in self._remembered_kinds)
        ]
        self.settings.update(
            {
                KEY + "kinds": kinds,
                **self._merged("aspects", self.aspects),
                **self._merged("feet", self.feet),
                **self._merged("regions", self.regions),
                KEY + "custom": list(self._custom()),
                KEY + "length": self.length.value(),
                KEY + "timed": self.timed.isChecked(),
                KEY + "seconds": self.seconds.value(),
                KEY + "sudden-death": self.sudden_death.isChecked(),
                WAIT_FOR_ENTER_KEY: self.wait_for_enter.isChecked(),
            }
        )

    def _merged(self, name: str, boxes: dict[str, QCheckBox]) -> dict[str, list[str]]:
        """Row `name`'s memory: the boxes as they are now, and what was remembered of keys this
        chart does not offer (the built-in chart's right foot, while a left-foot chart is open)."""

        def kept(key: str) -> list[str]:
            value = stored(self.settings, KEY + key)
            if not isinstance(value, list) or len(value) > MAX_REMEMBERED:
                return []
            return [k for k in value if isinstance(k, str) and k not in boxes]

        ticked = [k for k, box in boxes.items() if box.isChecked()] + kept(name)
        offered = list(boxes) + kept(name + "-offered")
        return {KEY + name: ticked[:MAX_REMEMBERED], KEY + name + "-offered": offered[:MAX_REMEMBERED]}

    def desired_retention(self) -> float:
        return self.retention.value() / 100

    def _filter_custom(self, text: str) -> None:
        """The custom set's rows matching `text` as the zone search finds them (ticks stay,
        hidden or not: the set is what is ticked)."""
        if not text.strip():
            for i in range(self.custom.count()):
                self.custom.item(i).setHidden(False)
            return
        regions = {z.id: region_name(z.region) for z in self.atlas.zones}
        found = {m.zone_id for m in search_zones(self.atlas, text, regions)}
        for i in range(self.custom.count()):
            item = self.custom.item(i)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter in the filter goes to the first row shown, to tick it with Space; it does not
        start the round (the dialog's default button)."""
        if (
            watched is self.custom_filter
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            shown = [
                self.custom.item(i) for i in range(self.custom.count()) if not self.custom.item(i).isHidden()
            ]
            if shown:
                self.custom.setCurrentItem(shown[0])
                self.custom.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _custom(self) -> tuple[str, ...]:
        return tuple(
            self.custom.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.custom.count())
            if self.custom.item(i).checkState() == Qt.CheckState.Checked
        )

    def options(self) -> QuizOptions:
        def ticked(boxes):
            return tuple(k for k, box in boxes.items() if box.isChecked())

        return QuizOptions(
            kinds=ticked(self.kinds) or ("find",),
            aspects=ticked(self.aspects),
            feet=ticked(self.feet),
            regions=ticked(self.regions),
            zone_ids=self._custom(),
            length=self.length.value(),
            time_limit_s=float(self.seconds.value()) if self.timed.isChecked() else None,
            sudden_death=self.sudden_death.isChecked(),
        )
