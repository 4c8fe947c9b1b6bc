# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Edit → Chart properties… edits the chart's sources as a person does it: add, remove,
reorder, and each one's id, title, web address, note and German texts; OK is one undoable
change; saving keeps the author's comments and the bytes of everything not changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from reflexmap.atlas import load_atlas
from reflexmap.atlas.document import read_document

from .conftest import click_mm
from .test_editor import DATA, key

SOURCES = """sources:
  # the book the test chart comes from
  - id: s1
    title: "Source one"   # the first edition
    url: "https://example.org/one"
  # a second source, named by no zone
  - id: s2
    title: "Source two"
  - id: s3
    title: "Source three"
"""


@pytest.fixture
def chart(tmp_path):
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('sources:\n  - {id: s1, title: "Source one"}\n', SOURCES)
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def editing(make_window, chart, qtbot):
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    yield window
    window.editor.saving.discard()  # closing asks nothing: no window is left open after the test


def open_dialog(window) -> QDialog:
    window.chart_properties_action.trigger()
    dialog = window.findChild(QDialog, "chart-properties")
    assert dialog is not None and dialog.isVisible()
    return dialog


def press(qtbot, dialog, name: str) -> None:
    button = dialog.findChild(QPushButton, f"source-{name}")
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot, dialog, title: str) -> None:
    listing = dialog.findChild(QListWidget, "chart-sources")
    item = next(listing.item(i) for i in range(listing.count()) if listing.item(i).text() == title)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center())
    assert listing.currentItem() is item


def type_into(qtbot, dialog, name: str, text: str) -> None:
    field = dialog.sources.findChild(QWidget, f"source-{name}")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def titles(dialog) -> list[str]:
    listing = dialog.findChild(QListWidget, "chart-sources")
    return [listing.item(i).text() for i in range(listing.count())]


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )


def test_sources_are_added_removed_reordered_and_edited_in_one_undoable_change(qtbot, editing, chart):
    before = chart.read_text(encoding="utf-8")
    dialog = open_dialog(editing)
    assert titles(dialog) == ["Source one", "Source two", "Source three"]
    choose(qtbot, dialog, "Source two")
    press(qtbot, dialog, "up")
    assert titles(dialog) == ["Source two", "Source one", "Source three"]
    choose(qtbot, dialog, "Source three")
    press(qtbot, dialog, "remove")
    choose(qtbot, dialog, "Source one")
    press(qtbot, dialog, "remove")  # the zones name it: refused, with why
    message = dialog.findChild(QLabel, "sources-message").text()
    assert "heel" in message and titles(dialog) == ["Source two", "Source one"]
    type_into(qtbot, dialog, "title", "Source one, <b>revised</b>")
    type_into(qtbot, dialog, "id", "book-one")
    type_into(qtbot, dialog, "title-de", "Quelle eins")
    press(qtbot, dialog, "add")
    type_into(qtbot, dialog, "title", "Third source")
    type_into(qtbot, dialog, "url", "https://example.org/three")
    type_into(qtbot, dialog, "note", "Checked in 2026.")
    assert titles(dialog) == ["Source two", "Source one, <b>revised</b>", "Third source"]  # plain text
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    atlas = editing.editor.session.draft.atlas
    assert list(atlas.sources) == ["s2", "book-one", "source-1"]
    one, third = atlas.sources["book-one"], atlas.sources["source-1"]
    assert (one.title, one.url) == ("Source one, <b>revised</b>", "https://example.org/one")
    assert one.translations["de"]["title"] == "Quelle eins"
    assert (third.title, third.url, third.note) == (
        "Third source",
        "https://example.org/three",
        "Checked in 2026.",
    )
    assert all(zone.sources == ("book-one",) for zone in atlas.zones)  # the renamed source kept its zones
    assert editing.editor.session.draft.problems == ()
    assert editing.editor.session.stack.count() == 1  # one step for the dialog

    editing.save_action.trigger()
    saved = load_atlas(chart)
    assert list(saved.sources) == ["s2", "book-one", "source-1"]
    assert saved.sources["book-one"].title == "Source one, <b>revised</b>"
    text = chart.read_text(encoding="utf-8")
    assert "# the book the test chart comes from" in text and "# the first edition" in text
    assert "# a second source, named by no zone" in text
    assert text.index("# a second source") < text.index("id: s2") < text.index("# the book")
    head, tail = before.split("views:", 1)
    assert text.split("views:", 1)[1] == tail.replace("sources: [s1]", "sources: [book-one]")
    assert text.split("sources:", 1)[0] == head.split("sources:", 1)[0]

    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.document.text == before
    assert list(editing.editor.session.draft.atlas.sources) == ["s1", "s2", "s3"]


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("id", "Bad Id", "not an id"),
        ("id", "s2", "two sources have the id"),
        ("title", "   ", "needs a title"),
        (
            "url",
            "javascript:alert(1)",
            "must start with http:// or https:// (javascript:alert(1) does not)",
        ),
    ],
)
def test_a_source_that_cannot_be_is_refused_in_the_dialog(qtbot, editing, chart, field, typed, said):
    dialog = open_dialog(editing)
    choose(qtbot, dialog, "Source three")
    type_into(qtbot, dialog, field, typed)
    ok(qtbot, dialog)
    assert dialog.isVisible()  # stays open, saying why
    assert said in dialog.findChild(QLabel, "sources-message").text()
    assert editing.editor.session.stack.count() == 0
    # the field the problem is in has the keys, its text selected to be typed over
    focused = dialog.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.text() == typed and focused.selectedText() == typed


def test_an_unchanged_dialog_changes_nothing(qtbot, editing, chart):
    dialog = open_dialog(editing)
    choose(qtbot, dialog, "Source two")
    ok(qtbot, dialog)
    assert editing.editor.session.stack.count() == 0
    assert editing.editor.session.document.text == read_document(chart).text


def test_sources_not_typed_in_stay_as_the_file_has_them(qtbot, make_window, tmp_path):
    """A title with spaces around it and an address with a space (the schema allows both; a
    title over two lines is refused by check now) are left alone by OK: only what was typed in
    is cleaned and written."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    odd = 'sources:\n  - {id: s1, title: "  Source   one ", url: "https://example.org/a b"}\n'
    path = tmp_path / "odd.yaml"
    path.write_text(text.replace('sources:\n  - {id: s1, title: "Source one"}\n', odd), encoding="utf-8")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    dialog = open_dialog(window)
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.editor.session.stack.count() == 0  # nothing changed


LONG = (
    "Valerie Voner, The Everything Reflexology Book: Reduce Stress, Improve Your Health and "
    "Feel Great with the Healing Power of Touch. Adams Media, Avon (MA), 2003"
)


def wraps_whole(listing: QListWidget) -> None:
    """Every row of the list can be read where it is: no row runs off to the right behind a
    sideways scroll bar, and a title wider than the list takes more lines, not a cut."""
    listing.doItemsLayout()
    assert listing.horizontalScrollBar().maximum() == 0
    width = listing.viewport().width()
    metrics = listing.fontMetrics()
    for i in range(listing.count()):
        rect = listing.visualItemRect(listing.item(i))
        assert rect.right() <= width, listing.item(i).text()
        if metrics.horizontalAdvance(listing.item(i).text()) > width:
            assert rect.height() >= 2 * metrics.lineSpacing(), listing.item(i).text()


def test_long_source_titles_are_read_whole_in_the_zone_form_and_chart_properties(
    qtbot, make_window, tmp_path
):
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace(
        'sources:\n  - {id: s1, title: "Source one"}\n',
        f'sources:\n  - {{id: s1, title: "{LONG}"}}\n'
        '  - {id: s2, title: "Ingham, Stories the Feet Can Tell (1938)"}\n',
    )
    path = tmp_path / "long-titles.yaml"
    path.write_text(text, encoding="utf-8")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    form = window.editor.form
    qtbot.waitUntil(lambda: form.sources.isVisible())
    listing = form.sources
    assert [listing.item(i).text() for i in range(listing.count())][0] == LONG
    wraps_whole(listing)
    assert listing.width() >= 0.8 * form.viewport().width()  # the panel's width, not a corner of it
    dialog = open_dialog(window)
    wraps_whole(dialog.findChild(QListWidget, "chart-sources"))
    dialog.reject()
    window.editor.saving.discard()


def test_a_sources_note_is_a_box_of_several_lines(qtbot, editing, chart):
    """A source's note runs to sentences, some on lines of their own: it is typed in a box of
    wrapped lines (it was a one-line field, a long note running off its edge), and its lines
    are kept, saved and read back."""
    dialog = open_dialog(editing)
    choose(qtbot, dialog, "Source two")
    note = dialog.sources.findChild(QWidget, "source-note")
    assert isinstance(note, QPlainTextEdit)
    assert isinstance(dialog.sources.findChild(QWidget, "source-note-de"), QPlainTextEdit)
    assert note.height() >= 3 * note.fontMetrics().lineSpacing()
    note.setFocus()
    qtbot.keyClicks(note, "Second edition, 2004.")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClicks(note, "Checked in a library.")
    choose(qtbot, dialog, "Source one")  # another source and back: what was typed is kept
    assert note.toPlainText() == ""
    choose(qtbot, dialog, "Source two")
    assert note.toPlainText() == "Second edition, 2004.\nChecked in a library."
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    editing.save_action.trigger()
    saved = load_atlas(chart)
    assert saved.sources["s2"].note == "Second edition, 2004.\nChecked in a library."
    assert saved.sources["s1"].note is None
