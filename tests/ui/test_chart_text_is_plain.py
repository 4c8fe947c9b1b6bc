"""A chart full of markup and control characters: every widget that shows its text shows it
as written. Nothing is rendered as rich text, no resource named in the chart is loaded, and
a right-to-left override inside a chart text cannot reorder the app's own words around it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
)

from reflexmap.atlas import AtlasError, builtin_chart_path, read_atlas
from reflexmap.i18n import shown_text
from reflexmap.quiz import QuizOptions

from .conftest import click_zone

IMAGE = "file:///tmp/reflexmap-must-not-load.png"
MARKUP = f'<b>bold</b><img src="{IMAGE}" width=2000><a href="x">link</a>&amp;'
RLO = "\u202e"
# Direction controls a chart text may hold: overrides (RLO, LRO), an isolate it never closes
# (LRI) and isolates it closes that it never opened (PDI): none may reorder the app's words.
CONTROLS = "\u202d LRO \u2066 LRI \u2069\u2069 PDI \u202e RLO"
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6  # 270 characters, no space
OVERRIDES = frozenset("\u202a\u202b\u202d\u202e\u2066\u2067")  # LRE RLE LRO RLO LRI RLI
TEXT_KEYS = ("title", "tradition", "description", "name", "claim", "technique", "note")


def _hostile(value, key=None):
    """Every text of the chart with markup, an RTL override and direction controls added."""
    if isinstance(value, dict):
        return {k: _hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        text = f"{value} {RLO}here{MARKUP} {CONTROLS} {LONG_WORD}"  # (C0 controls: refused by check)
        CHART_TEXTS.update((_norm(text), _norm(shown_text(text))))  # (as written; as shown)
        return text
    return value


@pytest.fixture
def hostile_atlas(tmp_path: Path):
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    path = tmp_path / "markup.yaml"
    path.write_text(yaml.safe_dump(_hostile(data), allow_unicode=True), encoding="utf-8")
    result = read_atlas(path)
    assert result.ok, result.errors[:3]
    return result.atlas


CHART_TEXTS: set[str] = set()  # every text of the hostile chart, as a line of its own may show it


def _norm(line: str) -> str:
    line = line.strip().strip("\u2068\u2069").strip().rstrip(".")
    return line[:1].casefold() + line[1:]


def _not_isolated(text: str) -> str | None:
    """Every override is inside an isolate that the line closes again, or its line is one
    chart text alone (a heading, a list item, a choice), which it can only reorder within
    itself. A chart's stray PDI that closes the app's isolate early, or an isolate the chart
    opens and never closes (the app's words after it would be inside), count as not isolated."""
    for line in text.splitlines():
        if _chart_text_alone(line):
            continue
        depth = 0
        for char in line:
            if char in "\u2066\u2067\u2068":
                if depth == 0 and char != "\u2068":
                    return line  # the chart's own LRI/RLI outside the app's isolate
                depth += 1
            elif char == "\u2069":
                if depth == 0:
                    return line  # closes nothing of the app's: the chart's stray PDI
                depth -= 1
            elif char in OVERRIDES and depth == 0:
                return line
    return None


def _chart_text_alone(line: str) -> bool:
    """The line is one chart text, or a piece of one (a wrapped line, a cut label)."""
    if _norm(line) in CHART_TEXTS:
        return True
    piece = _norm(_cut(line))
    return len(piece) > 20 and any(piece in text for text in CHART_TEXTS)


def _cut(line: str) -> str:
    """A chart text cut short with "…" (labels, rows): what is left of it. Qt's elidedText
    keeps the direction controls of the part it leaves out, after the "…"."""
    line = line.strip().strip("\u2068\u2069")
    head, ellipsis, tail = line.rpartition("…")
    if ellipsis and all(unicodedata.category(c) == "Cf" for c in tail):
        line = head
    return line.strip("\u2068\u2069")


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(text).toPlainText()


def _problems(widget_texts) -> list[str]:
    found = []
    for where, text, rich in widget_texts:
        if rich and ("<b>bold</b>" in text or f'src="{IMAGE}"' in text or "<img src=x.png>" in text):
            found.append(f"{where}: chart markup shown as rich text: {text[:120]!r}")
        elif line := _not_isolated(_plain(text) if rich else text):
            found.append(f"{where}: chart text with an RTL override not isolated: {line[:160]!r}")
    return found


def _shown_texts():
    """(where, text, is it rendered as rich text) for every text on screen now."""
    for widget in QApplication.topLevelWidgets():
        status = getattr(widget, "statusBar", None)
        if callable(status):
            yield "status bar", status().currentMessage(), False
    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__}#{widget.objectName()}"
        tip = widget.toolTip()
        if tip:
            yield name + " tooltip", tip, True  # Qt renders a tooltip as rich text when it looks like it
        if isinstance(widget, QLabel):
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(widget.text())
            )
            yield name, widget.text(), rich
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text(), False
        elif isinstance(widget, QTextEdit):
            yield name, widget.toHtml(), True
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                yield f"{name} item {i}", item.text(), False
                yield f"{name} item {i} tooltip", item.toolTip(), True
        elif isinstance(widget, QTreeWidget):
            for item in _tree_items(widget):
                for column in range(widget.columnCount()):
                    yield f"{name} item", item.text(column), False
                    yield f"{name} item tooltip", item.toolTip(column), True
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _model_texts(name, widget.model())  # the zone list, search, History
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            pass  # a field holding one chart text to edit: plain text, nothing of the app's around it
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} choice {i}", widget.itemText(i), False
        elif isinstance(widget, QMenu):
            for action in widget.actions():
                yield (
                    f"{name} action",
                    action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&"),
                    False,
                )
                if action.toolTip() != action.text().replace("&", ""):
                    yield f"{name} action tooltip", action.toolTip(), True
                if "amp;" in action.text() and "&&amp;" not in action.text():
                    yield f"{name} action (& shown as a mnemonic)", action.text(), True
        elif isinstance(widget, QDockWidget):
            yield f"{name} title", widget.windowTitle(), False
        if widget.isWindow() and widget.windowTitle():
            yield f"{name} window title", widget.windowTitle(), False
        scene = getattr(widget, "scene", None)
        if callable(scene) and scene() is not None:
            for item in scene().items():
                if item.toolTip():
                    yield f"{name} scene item tooltip", item.toolTip(), True
                if isinstance(item, QGraphicsTextItem):
                    yield f"{name} scene text", item.toHtml(), True
                elif isinstance(item, QGraphicsSimpleTextItem):  # labels, key, captions on the chart
                    yield f"{name} chart text", item.text(), False


def _model_texts(name: str, model: QAbstractItemModel, parent=None):
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield f"{name} row {row}", str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""), False
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if tip:
                yield f"{name} row {row} tooltip", str(tip), True
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_texts(name, model, index)


def _tree_items(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


def test_every_widget_shows_chart_text_as_written(qtbot, make_window, hostile_atlas, tmp_path: Path):
    window = make_window(atlas=hostile_atlas)
    window.resize(1400, 900)
    zone = hostile_atlas.zones[0]
    window.state.select(zone.id)  # the zone card, the list's selection
    qtbot.wait(20)
    problems = _problems(_shown_texts())

    # the map's hover tooltip
    problems += _problems([("map hover tip", window.map.hover_tip([zone.id]), True)])

    # a quiz: prompt, choices (with their tooltips) and feedback
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("name", "technique", "claim", "find"), length=4, seed=3)
    assert window.quiz.start(options)
    for _ in range(4):
        qtbot.wait(10)
        problems += _problems(_shown_texts())
        session = window.quiz.session
        if session is None or session.current is None:
            break
        if session.current.choices:
            window.quiz_panel.buttons[(session.current.answer + 1) % len(session.current.choices)].click()
        else:  # a click on another zone: the feedback names both
            other = next(
                z for z in hostile_atlas.zones_in(session.current.view_id) if z.id != session.current.zone_id
            )
            click_zone(qtbot, window, session.current.view_id, other.id)
        problems += _problems(_shown_texts())
        window.quiz_panel.next_button.click()

    # presenter mode, stepping through the zones
    window.quiz_panel.stop_button.click() if window.quiz.session is not None else None
    window.present_action.trigger()
    for _ in range(3):
        qtbot.keyClick(window.map.viewport(), Qt.Key.Key_Right)
        qtbot.wait(10)
        problems += _problems(_shown_texts())
    qtbot.keyClick(window.map.viewport(), Qt.Key.Key_Escape)

    # the "Chart not loaded" dialog: a duplicate key and a file name full of markup
    name = f"chart {RLO}{MARKUP}.yaml"
    error = AtlasError(str(tmp_path / name), 3, 5, f"duplicate key '{MARKUP}{RLO}' (first given on line 2)")
    window.show_errors(name, (error,))
    box = window.findChild(QMessageBox, "chart-errors")
    assert box is not None
    qtbot.wait(10)
    problems += _problems(_shown_texts())
    assert not problems, "\n".join(problems[:20])


def test_long_words_in_chart_text_never_widen_the_chart(qtbot, make_window, hostile_atlas):
    """Every text of the chart ends in a 270-letter word: the key's sentence (which names the
    tradition) and the note are no wider than the feet with their label columns (names are
    cut there at their bound), so they never widen the drawing and shrink the chart. A
    column is as wide as its labels are drawn selected (bold), as each is clicked."""
    window = make_window(atlas=hostile_atlas)
    window.resize(1400, 900)
    qtbot.wait(20)
    chart = window.map.chart
    feet = [i.sceneBoundingRect() for i in chart.zone_items.values()]
    labels = [label.text.sceneBoundingRect() for label in chart.labels.values()]
    for view_id, zone_id in list(chart.labels):
        click_zone(qtbot, window, view_id, zone_id)  # selected: drawn bold
        labels.append(chart.labels[(view_id, zone_id)].text.sceneBoundingRect())
    left = min(r.left() for r in feet + labels)
    right = max(r.right() for r in feet + labels)
    for line in chart.key.caveat:
        box = line.sceneBoundingRect()
        assert left - 1 <= box.left() and box.right() <= right + 1, line.text()[:80]
