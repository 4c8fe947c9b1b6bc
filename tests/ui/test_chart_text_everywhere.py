"""The walk of test_chart_text_is_plain.py, on every other window and file that shows chart
text: the chart opened from a file whose name is markup too, the Chart menu, search, the
comparison window, the statistics, the handout dialog and the handout's PDF, every export
(SVG, PNG, PDF, web page, Anki deck), "Problems at start" and the editor's form and History.

At every step the text each window paints itself (its charts' labels, titles and axes: the
Statistics window draws them with QPainter, no widget holds them) is read too, through a
recording paint device (painted_text.py): no markup interpreted, and chart text isolated
where it stands inside a sentence."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from reflexmap.atlas import builtin_chart_path
from reflexmap.i18n import shown_text
from reflexmap.quiz import QuizOptions
from reflexmap.settings import Settings

from .conftest import click_zone
from .painted_text import painted_text
from .test_chart_text_is_plain import (
    CHART_TEXTS,
    IMAGE,
    MARKUP,
    RLO,
    _hostile,
    _norm,
    _problems,
    _shown_texts,
)
from .test_editor_reopen import fix_known

FILE_NAME = f"chart {RLO}<b>bold<img src=x.png>&amp; \u2069\u202e.yaml"  # no "/" in a file name


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    data["id"] = "hostile-markup"
    path = tmp_path / FILE_NAME
    path.write_text(yaml.safe_dump(_hostile(data), allow_unicode=True), encoding="utf-8")
    return path


def _walk(qtbot, where: str, problems: list[str]) -> None:
    qtbot.wait(20)
    problems += [f"{where}: {p}" for p in _problems(_shown_texts())]
    problems += [f"{where}: {p}" for p in _painted_problems()]


PAINTED: dict[str, list[str]] = {}  # window -> the strings it painted, at the last step


def _painted_problems() -> list[str]:
    """What every visible window paints: a run of text with the markup's words but not its
    tags was drawn as rich text; a string drawn with an override outside an isolate, inside
    a sentence of the app's, can reorder the app's words."""
    found = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible() or window.width() <= 0:
            continue
        name = f"{type(window).__name__}#{window.objectName()}"
        painted = painted_text(window)
        PAINTED[name] = painted.calls
        for run in painted.runs:
            run = run.replace("\u200b", "")  # (a long word's break opportunities, not markup)
            if ("bold" in run and "<b>bold" not in run and "bold</b>" not in run) or run.strip() == "link":
                found.append(f"painted in {name}: chart markup drawn as rich text: {run[:120]!r}")
        found += [f"painted in {p}" for p in _problems((name, text, False) for text in painted.calls)]
    return found


def _raw_markup_in(text: str) -> bool:
    return "<b>bold</b>" in text or f'src="{IMAGE}"' in text or '<a href="x">' in text


def _sentences(html: str) -> list[str]:
    """The texts of a web page or card as a reader meets them: each block element's text (a
    heading, a paragraph, a list item, an SVG label) and each attribute that is read out or
    shown (alt, aria-label, title), entities decoded. Script and style are not text."""
    import html as html_module

    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", html)
    said = [html_module.unescape(m[2]) for m in re.finditer(r'(?i)\b(alt|aria-label|title)="([^"]*)"', html)]
    blocks = re.split(
        r"(?i)</?(?:p|h[1-6]|li|ul|div|td|th|tr|text|title|header|article|section|button|label)\b[^>]*>", html
    )
    said += [html_module.unescape(re.sub(r"<[^>]*>", "", block)) for block in blocks]
    return [text.strip() for text in said if text.strip()]


def test_every_window_and_file_shows_chart_text_as_written(
    qtbot, make_window, hostile_file, tmp_path, monkeypatch
):
    from reflexmap.ui import dialogs

    problems: list[str] = []
    window = make_window()
    window.resize(1400, 900)
    assert window.open_chart(hostile_file)
    _walk(qtbot, "opened", problems)

    # the Chart menu and its recent charts, with the file's name in its tooltip
    window.charts_menu.refill()
    window.charts_menu.popup(window.mapToGlobal(QPoint(10, 10)))
    _walk(qtbot, "Chart menu", problems)
    window.charts_menu.hide()

    # search: every view, and the other charts' zones
    qtbot.keyClicks(window.zones.search, "here")
    _walk(qtbot, "search", problems)
    window.zones.search.clear()

    # a quiz answered (for the statistics' hardest zones), then Quiz → Statistics…
    window.quiz.advance_after_right_ms = 60_000
    assert window.quiz.start(QuizOptions(kinds=("name",), length=3, seed=5))
    for _ in range(3):
        session = window.quiz.session
        if session is None or session.current is None:
            break
        window.quiz_panel.buttons[(session.current.answer + 1) % len(session.current.choices)].click()
        window.quiz_panel.next_button.click()
    qtbot.wait(20)
    _walk(qtbot, "quiz results", problems)
    if window.quiz.session is not None:
        window.quiz.stop()
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QDialog) and box.isVisible():
            box.reject()
    qtbot.waitUntil(lambda: window.state.mode.name != "quiz")
    window.statistics_action.trigger()
    _walk(qtbot, "statistics", problems)
    hardest = [t for t in PAINTED["StatisticsWindow#statistics"] if "here<b>bold" in t]
    assert hardest, "the walk read the zone names the Statistics window paints"
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "statistics" or type(widget).__name__ == "StatisticsWindow":
            widget.close()

    # the comparison window, the hostile chart beside the built-in one
    compare = window.compare_dialog(str(builtin_chart_path()))
    assert compare is not None
    _walk(qtbot, "compare", problems)
    compare.close()

    # File → Handouts…: the dialog, then the PDF it saves
    handout = window.handout_dialog()
    _walk(qtbot, "handouts", problems)
    pdf = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    handout.save_button.click()
    _walk(qtbot, "handout saved", problems)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\n", " ")  # pdftotext gives the order on the page
    # the chart's text as written, its RLO shown as its escape, never obeyed (i18n.shown_text):
    # it read reversed, brackets mirrored ("<b/>dlob<b>")
    assert "\\u202ehere<b>bold</" in text and "dlob" not in text, text[:300]
    # (its long texts, six lines an entry at most, take a page of legend or two more)
    pages = int(re.search(r"Page 1 of (\d+)\.", text)[1])
    assert f"Page {pages} of {pages}." in text and "Chart: " in text, "the app's own words in their order"
    assert pages == 1 or "(legend, continued)" in text

    # File → Export chart… to every kind of file
    exported = {}
    for suffix in ("svg", "png", "pdf", "html", "apkg"):
        target = tmp_path / f"export.{suffix}"
        monkeypatch.setattr(dialogs, "save_file", lambda *a, t=target: str(t))
        window.export_action.trigger()
        assert target.is_file(), suffix
        exported[suffix] = target
    svg = exported["svg"].read_text(encoding="utf-8")
    tree = ElementTree.fromstring(svg)
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ("b", "img", "a", "foreignObject"), f"SVG element <{tag}> from chart text"
        for value in element.attrib.values():
            assert IMAGE not in value, "the SVG refers to a resource named in the chart"
    assert any("<b>bold</b>" in (e.text or "") for e in tree.iter()), (
        "the SVG's text is the chart's, as written"
    )
    page = exported["html"].read_text(encoding="utf-8")
    assert not _raw_markup_in(page) and "&lt;b&gt;bold&lt;/b&gt;" in page
    with zipfile.ZipFile(exported["apkg"]) as deck:
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(deck.read("collection.anki2"))
    fields = [row[0] for row in sqlite3.connect(collection).execute("SELECT flds FROM notes")]
    assert fields and not any(_raw_markup_in(f) for f in fields)
    assert any("&lt;b&gt;bold&lt;/b&gt;" in f for f in fields)
    # every sentence of the web page and the cards (each block of text, and the words read
    # out or shown for a picture: alt, aria-label, title) isolates the chart's text in it
    for where, html in [("web page", page), *(("Anki card", f) for f in fields)]:
        problems += [f"{where}: {p}" for p in _problems(("block", t, False) for t in _sentences(html))]

    # the editor (F2): its form shows the zone's texts as the file has them; History names the change
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()
    window.edit_action.trigger()  # F2
    assert window.editor.active, (window.state.mode.name, window.statusBar().currentMessage())
    window.aspect_plantar_action.trigger()
    zone = window.state.atlas.zones_in("plantar-left")[0]
    click_zone(qtbot, window, "plantar-left", zone.id)
    assert window.state.zone_id == zone.id
    name = window.editor.form.fields[("name", None)]
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClicks(name, " <b>bold</b>")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    edited = window.state.atlas.zone(zone.id).name
    assert edited.endswith(" <b>bold</b>")
    CHART_TEXTS.update((_norm(edited), _norm(shown_text(edited))))  # the zone card's heading now
    window.editor.show_history()
    _walk(qtbot, "editor and History", problems)
    assert not problems, "\n".join(problems[:20])


def test_problems_at_start_show_chart_text_as_written(qtbot, hostile_file, tmp_path):
    """A damaged settings file and a last chart with errors in a file named with markup."""
    from reflexmap.atlas import read_atlas
    from reflexmap.ui.app import application, create_window

    application()
    broken = hostile_file.with_name(f"broken {RLO}<b>bold<img src=x.png>.yaml")
    broken.write_text(hostile_file.read_text(encoding="utf-8") + f"\n'{MARKUP}{RLO}': [\n", encoding="utf-8")
    result = read_atlas(broken)
    assert not result.ok
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(f'{{"{MARKUP}": ', encoding="utf-8")
    window = create_window(None, Settings(settings_file), progress_path=tmp_path / "progress.json")
    qtbot.addWidget(window)
    window.show_errors(broken.name, result.errors)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "start-problems") is not None)
    problems: list[str] = []
    _walk(qtbot, "Problems at start", problems)
    box = window.findChild(QMessageBox, "start-problems")
    problems += _problems([("start problems details", box.detailedText(), False)])
    assert not problems, "\n".join(problems[:20])


def _seen_in_dialog() -> int:
    """How many texts of the open dialog hold chart text (its markup written out), read as the
    walk reads them, fields included: the walk had chart text to look at there."""
    from PySide6.QtWidgets import QWidget

    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    inside = set(dialog.findChildren(QWidget))
    texts = [
        text
        for where, text, _rich in _shown_texts()
        if any(where.startswith(f"{type(w).__name__}#") for w in inside)
    ]
    for widget in inside:
        for read in ("text", "toPlainText", "currentText"):
            if hasattr(widget, read) and callable(getattr(widget, read)):
                try:
                    texts.append(str(getattr(widget, read)()))
                except TypeError:
                    pass
    return sum("here<b>bold" in text for text in texts)


def test_the_editors_windows_show_chart_text_as_written(qtbot, make_window, tmp_path, monkeypatch):
    """The windows added with the editor, on a chart full of markup and direction controls
    whose file has a problem the editor fixes (a corner out of the foot): "Chart not loaded",
    then Open in the editor to fix, the Chart problems panel (each problem names its zone),
    the zone-texts form, Edit → Chart properties…, File → New chart… (it lists the charts by
    title) and Edit → History after a change; the window title and status bar at each step."""
    from reflexmap.ui import dialogs

    from .test_editor import DATA
    from .test_editor_reopen import HEEL

    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace(HEEL, "[[-18, 2], [18, 2], [25, 30], [-18, 30]]").replace('"Band"', '"Ba\\u0007nd"')
    data = _hostile(yaml.safe_load(text))
    path = tmp_path / FILE_NAME
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    CHART_TEXTS.add(_norm(path.name))
    problems: list[str] = []
    window = make_window()
    window.resize(1400, 900)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = fix_known(qtbot, window.findChild(QMessageBox, "chart-errors"))
    _walk(qtbot, "Chart not loaded", problems)
    problems += _problems([("Chart not loaded details", box.detailedText(), False)])
    fix = next(b for b in box.buttons() if b.objectName() == "fix-in-editor")
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert window.editor.active
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "dock-chart-problems")
    assert dock is not None and dock.isVisible()
    listed = dock.widget().list
    assert listed.count() >= 1
    assert listed.count() == 2, [listed.item(row).text() for row in range(listed.count())]
    listed.setCurrentRow(0)  # choosing a problem selects its zone: the form and status bar show it
    _walk(qtbot, "editor with its Chart problems", problems)

    window.chart_properties_action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    _walk(qtbot, "Chart properties", problems)
    assert _seen_in_dialog() >= 2, "the dialog shows the chart's texts (title, sources)"
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog) and dialog.isVisible():
            dialog.reject()

    window.new_chart_action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    _walk(qtbot, "New chart", problems)
    assert _seen_in_dialog() >= 1, "the dialog offers the chart by its title"
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog) and dialog.isVisible():
            dialog.reject()

    window.editor.show_history()
    _walk(qtbot, "History", problems)
    assert not problems, "\n".join(problems[:20])
