"""The quiz card: the question, the ways to answer it, and feedback in symbols and words.

Shows what the controller tells it and reports what the student does; it judges nothing.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..content.markup import middle_cut, shortened
from ..i18n import _, bidi_isolate
from ..render import palette

# Chart texts may be 4,000 characters long; the panel shows at most this much of each, so
# that the question, its choices and the verdict fit beside the map.
PROMPT_CHARS = 300
CHOICE_CHARS = 200
FEEDBACK_CHARS = 400
# Qt wraps a label's text at spaces only and cuts a longer word at the label's edge, where the
# student cannot read its end (a 190-letter name, a technique of one long word, a web address):
# a run of more than LONG_RUN characters without a space gets an invisible break opportunity
# (U+200B) every BREAK_EVERY characters, shown only (accessible names and answers keep the text).
LONG_RUN = 24
BREAK_EVERY = 12
ZWSP = "\u200b"


def _clings(char: str) -> bool:
    """A character that belongs to the one before it: a combining mark, a variation selector,
    a joiner (or what follows one), an emoji modifier; no break may come before it."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me", "Sk") or char in "\u200c\u200d"


def breakable(text: str) -> str:
    """`text` as shown in a wrapping label: long runs without a space get break opportunities."""
    if len(text) <= LONG_RUN:
        return text
    out: list[str] = []
    start = 0  # where the run without a space began, in `text`
    for i, char in enumerate(text):
        if char.isspace() or char == ZWSP:
            start = i + 1
        elif (
            i - start >= BREAK_EVERY
            and _run_length(text, start) > LONG_RUN
            and not _clings(char)
            and text[i - 1] != "\u200d"
            and not (_regional(char) and _regional(text[i - 1]))
        ):
            out.append(ZWSP)
            start = i
        out.append(char)
    return "".join(out)


def _run_length(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace() and text[end] != ZWSP:
        end += 1
    return end - start


def _regional(char: str) -> bool:  # the halves of a flag
    return "\U0001f1e6" <= char <= "\U0001f1ff"


BUTTON_STYLE = "QPushButton { text-align:left; padding:6px; }"
CHOICE_STYLE = {  # a judged choice: the right one and a wrong pick stay readable while disabled
    "right": "QPushButton:disabled { background:#e6f2ea; border:2px solid #1b7a3a; } QLabel { color:#111; }",
    "wrong": "QPushButton:disabled { background:#fbe9e7; border:2px solid #a1301f; } QLabel { color:#111; }",
}
FEEDBACK_STYLE = {  # background and border; the ✔ ≈ ✖ symbol carries the meaning too
    "right": "background:#e6f2ea; color:#111; border:2px solid #1b7a3a;",
    "close": "background:#fff4d6; color:#111; border:2px dashed #8a6100;",
    "wrong": "background:#fbe9e7; color:#111; border:2px solid #a1301f;",
}


class AnswerField(QLineEdit):
    """The typed answer. Enter on a text that is not yet a choice takes a completion instead
    of the half-typed text (a half-typed answer sent is always wrong), whether the list is open
    or not (Escape, or with no window manager the window not being the active one, closes it).
    The completion is answered with at once (S17-5: the prompt says "type the answer and press
    Enter", one Enter) when the student pointed at it (the highlighted row of the open list) or
    when it is the only one the typed letters can mean. When several fit and none is
    highlighted, Enter puts the likeliest in the field (the first that begins with the letters,
    else the first that holds them) and sends nothing: a guess is never answered for them.
    Enter on a choice sends it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            chosen, sure = self.completion()
            if chosen is not None:
                self.setText(chosen)
                if not sure:  # one of several: shown, the next Enter sends it
                    event.accept()
                    return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # answered: the same Enter must not also go on to the next question

    def completion(self) -> tuple[str | None, bool]:
        """What Enter takes instead of the text, and whether it is sure enough to send at once
        (highlighted, or the only fit); (None, True): send the text as it is (a choice already,
        or like none)."""
        completer = self.completer()
        if completer is None:
            return None, True
        popup = completer.popup()
        if popup.isVisible():
            index = popup.currentIndex()
            popup.hide()
            if index.isValid():  # highlighted with the arrow keys: what the student means
                return str(index.data()), True
        typed = _folded(self.text())
        model = completer.model()
        choices = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
        if not typed or any(_folded(choice) == typed for choice in choices):
            return None, True
        holding = [choice for choice in choices if typed in _folded(choice)]
        begins = [choice for choice in holding if _folded(choice).startswith(typed)]
        if not holding:
            return None, True
        return (begins or holding)[0], len(holding) == 1


def _folded(text: str) -> str:
    """A text as typed answers are compared: spaces collapsed, case ignored."""
    return " ".join(text.split()).casefold()


class ChoiceButton(QPushButton):
    """A choice that shows its whole text on as many lines as it needs: techniques run to 180
    characters, and a one-line button either cuts them (the part that tells two techniques
    apart is often at the end) or widens the quiz panel until the map is a thumbnail.
    The text is a plain-text label inside the button; clicks, keys and focus are the button's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text
        self.label.setText(breakable(text))
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        return getattr(self, "_text", "")

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        margins = self.layout().contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        return self.label.heightForWidth(inner) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.fontMetrics().averageCharWidth() * 40
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Narrow and one line high: the layout asks heightForWidth for the real height (a
        minimum height taken at the narrowest width would make every choice tall)."""
        margins = self.layout().contentsMargins()
        return QSize(
            self.fontMetrics().averageCharWidth() * 16,
            self.fontMetrics().height() + margins.top() + margins.bottom(),
        )


class QuizPanel(QWidget):
    chose = Signal(int)  # index of a choice
    typed = Signal(str)
    next_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(_("Quiz"))
        self.status = QLabel(self)
        self.status.setObjectName("quiz-status")
        self.prompt = QLabel(self)
        self.prompt.setObjectName("quiz-prompt")
        self.prompt.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = []
        self._choices: tuple[str, ...] = ()
        for i in range(4):
            button = ChoiceButton(self)
            button.setObjectName(f"choice-{i + 1}")
            button.setStyleSheet(BUTTON_STYLE)
            button.clicked.connect(lambda checked=False, i=i: self.chose.emit(i))
            self.buttons.append(button)
        self.answer = AnswerField(self)
        # how to answer by typing: in the field while it fits there, else wrapped above it
        # (S19-15: at German Largest the placeholder was cut to "…oder die Antwort tippen (mit Ve…")
        self.answer_hint = QLabel(_("…or type the answer (completion helps)"), self)
        self.answer_hint.setObjectName("quiz-answer-hint")
        self.answer_hint.setWordWrap(True)
        self.answer_hint.setBuddy(self.answer)
        self.answer_hint.hide()
        self.answer.setAccessibleName(_("Typed answer"))
        self.completions = QStringListModel(self)
        completer = QCompleter(self.completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.answer.setCompleter(completer)
        self.answer.returnPressed.connect(self._typed)
        self.answer.installEventFilter(self)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("quiz-feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(_("Feedback"))
        self.next_button = QPushButton(_("&Next question"), self)
        self.next_button.clicked.connect(self.next_requested)
        self.stop_button = QPushButton(_("En&d quiz"), self)
        self.stop_button.clicked.connect(self.stop_requested)
        # Reached by Tab, never by a click: after clicking it (and keeping on), Enter and Space
        # must still answer and go on, not ask to end the round again.
        self.stop_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        row = QHBoxLayout()
        row.addWidget(self.next_button)
        row.addWidget(self.stop_button)
        for label in (self.status, self.prompt, self.hint, self.feedback):  # they quote chart text
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # within the panel (the scroll area cuts what is wider)
        # The question scrolls (four long choices on a short screen) instead of growing the
        # window; Next and End stay pinned below it, in the same place from question to
        # question, so that a click aimed at them as the next question comes never lands on
        # nothing, or on a choice of a question not yet read.
        content = QWidget(self)
        content.setObjectName("quiz-question")
        layout = QVBoxLayout(content)
        for widget in (
            self.status,
            self.prompt,
            self.hint,
            *self.buttons,
            self.answer_hint,
            self.answer,
            self.feedback,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("quiz-scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop where focus shows nowhere
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll, 1)
        margins = layout.contentsMargins()
        row.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        outer.addLayout(row)
        self.shortcuts = []
        for i in range(4):
            shortcut = QShortcut(QKeySequence(str(i + 1)), self.window() or self)
            shortcut.activated.connect(lambda i=i: self._shortcut_choice(i))
            self.shortcuts.append(shortcut)
        self._follow_theme()
        self._follow_font()

    # --- shown by the controller ---------------------------------------------------------
    def show_question(
        self, status: str, prompt: str, hint: str, choices: tuple[str, ...], names: list[str]
    ) -> None:
        self._choices = choices
        self.status.setText(status)
        self.prompt.setText(breakable(middle_cut(prompt, PROMPT_CHARS)))
        self.hint.setText(hint)
        for i, button in enumerate(self.buttons):
            button.setVisible(i < len(choices))
            button.setEnabled(True)
            button.setStyleSheet(BUTTON_STYLE)
            if i < len(choices):
                button.setText(_choice_text(i, choices[i]))  # whole: no tooltip needed
        self.answer.setVisible(bool(choices))
        self.answer.setEnabled(True)
        self.answer.clear()
        self._fit_answer_hint()
        self.completions.setStringList(sorted(set(names) | set(choices)))
        self.feedback.clear()
        self.feedback.setStyleSheet("")
        self.next_button.setEnabled(False)
        self.next_button.setText(_("&Next question"))
        if choices:
            self.answer.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_feedback(self, kind: str, message: str, hint: str, *, last: bool = False) -> None:
        """The verdict, and how to go on (`last`: to the results). Focus that was in the panel
        moves to "Next question" (never to "End quiz": Enter and Space there must go on, not
        end the round)."""
        if last:
            self.next_button.setText(_("See &results"))
        self.feedback.setText(breakable(middle_cut(message, FEEDBACK_CHARS)))
        self.feedback.setStyleSheet(FEEDBACK_STYLE[kind] + "padding:8px; border-radius:4px;")
        self.hint.setText(hint)
        self.next_button.setEnabled(True)
        self.next_button.setDefault(True)
        focus = self.window().focusWidget()  # the window's, even while a dialog is in front
        if focus is None or self.isAncestorOf(focus):
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        for button in self.buttons:
            button.setEnabled(False)
        self.answer.setEnabled(False)

    def mark_choices(self, right: int, chosen: int | None) -> None:
        """✔ on the right choice, ✖ on a wrong one picked (by key, click or typing)."""
        for i, button in enumerate(self.buttons):
            if i == right or i == chosen:
                kind = "right" if i == right else "wrong"
                symbol = "✔" if i == right else "✖"
                button.setText(_choice_text(i, self._choices[i], symbol))
                button.setStyleSheet(BUTTON_STYLE + CHOICE_STYLE[kind])

    def _follow_font(self) -> None:
        """The panel's text in the panel's font (Settings → Text size changes it): the prompt
        larger and bold, and the widgets with a style sheet (the hint, the choices) given it
        explicitly, since a style sheet keeps the font a widget had when it was set."""
        font = self.font()
        prompt = QFont(font)
        if font.pointSizeF() > 0:
            prompt.setPointSizeF(font.pointSizeF() * 1.35)
        else:
            prompt.setPixelSize(round(font.pixelSize() * 1.35))
        prompt.setBold(True)
        self.prompt.setFont(prompt)
        for widget in (self.hint, self.feedback, *self.buttons, *(b.label for b in self.buttons)):
            widget.setFont(font)

    def _follow_theme(self) -> None:
        """The hint in the theme's secondary colour, the theme of now (Settings → Theme)."""
        style = f"color:{palette.current.muted};"
        if self.hint.styleSheet() == style:
            return
        self.hint.setStyleSheet(style)
        self.answer_hint.setStyleSheet(style)
        for button in self.buttons:  # a style sheet keeps the palette of when it was set: set again
            own = button.styleSheet()
            button.setStyleSheet("")
            button.setStyleSheet(own)
        self._follow_font()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_font()
        elif event.type() == QEvent.Type.PaletteChange:
            self._follow_theme()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere in the panel goes on once the answer is judged."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isEnabled():
            self.next_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focus_next(self) -> None:
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_answer(self) -> None:
        self.answer.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_status(self, status: str) -> None:
        self.status.setText(status)

    def choices_active(self) -> bool:
        return any(b.isVisible() and b.isEnabled() for b in self.buttons)

    def _shortcut_choice(self, index: int) -> None:
        if self.isVisible() and self.choices_active() and self.buttons[index].isVisible():
            self.chose.emit(index)

    def eventFilter(self, watched, event) -> bool:
        """1-4 pick a choice even while the answer field has focus, as long as it is empty:
        typed answers never start with a digit."""
        if watched is self.answer and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._fit_answer_hint()
        if watched is self.answer and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if text in ("1", "2", "3", "4") and not self.answer.text() and self.choices_active():
                self._shortcut_choice(int(text) - 1)
                return True
        return super().eventFilter(watched, event)

    def _fit_answer_hint(self) -> None:
        """The typing hint as the field's placeholder when it fits the field whole, else as
        a wrapped line above the field (never cut)."""
        text = self.answer_hint.text()
        room = (
            self.answer.width()
            - 2 * self.answer.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
            - 8
        )  # frame and the text's margins
        fits = self.answer.fontMetrics().horizontalAdvance(text) <= room
        self.answer.setPlaceholderText(text if fits else "")
        self.answer_hint.setVisible(not fits and self.answer.isVisibleTo(self))

    def _typed(self) -> None:
        if self.answer.text().strip():
            self.typed.emit(self.answer.text())


def _choice_text(index: int, text: str, symbol: str = "") -> str:
    """A choice button's text, whole: "2.  Neck", "✔ 2.  Neck"; chart text isolated (plain
    text: no mnemonic, no markup), cut with an ellipsis past CHOICE_CHARS (a 4,000-character
    technique made one button taller than the window)."""
    label = f"{index + 1}.  {bidi_isolate(shortened(text, CHOICE_CHARS))}"
    return f"{symbol} {label}" if symbol else label
