# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The view's title (and the key under the feet) stay where they are on screen while the
label columns beside the feet change in edit mode: typing a zone's name, undoing it (tryout
S9-10: the title jumped sideways by 30 px while the feet stayed put). They are centred on
the feet, not on the feet and their label columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reflexmap.atlas import load_atlas
from reflexmap.vocab import aspect_title

from .conftest import click_mm
from .test_editor import DATA


def _on_screen(window) -> dict[str, tuple[int, int]]:
    """Screen (viewport) x of the left and right edge of the title, the key's first line and
    the left foot's heel point."""
    view, chart_ = window.map, window.map.chart
    title = next(
        item
        for item in chart_.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.text() == aspect_title("plantar")
    )
    key = chart_.key.swatches + chart_.key.caveat if chart_.key else []

    def x_span(rect) -> tuple[int, int]:
        return view.mapFromScene(rect.topLeft()).x(), view.mapFromScene(rect.topRight()).x()

    def middle(rect) -> int:
        return view.mapFromScene(rect.center()).x()

    spots = {"title": x_span(title.sceneBoundingRect()), "heel": x_span(chart_.view_rect("plantar-left"))}
    spots["right"] = x_span(chart_.view_rect("plantar-right"))
    if key:
        rows = [i.sceneBoundingRect() for i in key]
        spots["key and caveat"] = middle(rows[0].united(rows[-1]))  # (their lines may wrap anew)
    return spots


def test_the_title_stays_put_while_a_zone_on_one_foot_is_renamed_and_undone(qtbot, make_window, tmp_path):
    """A zone on the left foot only, labelled alone in the column at its outer side (as a
    first zone drawn on a new chart): its name typed shorter and undone narrows and widens
    that column alone; the feet stay put on screen, and so do the title and the key under them."""
    path = tmp_path / "one-side.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Toes"', 'name: "Toes and the head"')  # the column's widest name
    path.write_text(
        text.replace(
            "[[-18, 80], [18, 80], [18, 98], [-18, 98]]", "[[-18, 80], [-6, 80], [-6, 98], [-18, 98]]"
        ),
        encoding="utf-8",
    )
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    window.actions_by_name["zoom_in"].trigger()  # (fitted, the first edit fits the chart anew)
    click_mm(qtbot, window, "plantar-left", -12.0, 90.0)
    assert window.state.zone_id == "toes"
    before = _on_screen(window)
    field = window.editor.form.fields[("name", None)]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "T")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert window.state.atlas.zone("toes").name == "T"
    typed = _on_screen(window)
    combo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(field, combo.key(), combo.keyboardModifiers())
    qtbot.wait(20)
    assert window.state.atlas.zone("toes").name == "Toes and the head"
    undone = _on_screen(window)
    label = window.map.chart.labels[("plantar-left", "toes")].text.sceneBoundingRect()
    assert label.right() < window.map.chart.view_rect("plantar-left").left()  # the outer column
    for spots in (typed, undone):  # the feet stay put (as they did) …
        assert (spots["heel"], spots["right"]) == (before["heel"], before["right"])
    for spots in (typed, undone):  # … and the title and the key under them (its rows' middle)
        assert spots["title"] == before["title"], (before, typed, undone)
        assert abs(spots["key and caveat"] - before["key and caveat"]) <= 1, (before, typed, undone)
    window.editor.saving.discard()


INNER = """  - id: inner
    name: "Inner zone"
    region: head
    claim: "the head"
    technique: "Thumb-walk."
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-right: [[-18, 60], [-12, 60], [-12, 70], [-18, 70]]
"""


def test_the_feet_stay_put_when_the_column_between_them_empties_and_fills_again(qtbot, make_window, tmp_path):
    """The only label in the column between the feet (a zone by the right foot's inner edge)
    gone by Delete zone, and back by Undo: the gap between the feet stays as it was, and so do
    both feet on screen (tryout S23-7: Undo of a zone's drawing moved the right foot 58 px to
    the left; deleting it here moved it 87 px)."""
    path = tmp_path / "inner.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    at = text.index("  - id: side")
    path.write_text(text[:at] + INNER + text[at:], encoding="utf-8")
    window = make_window(load_atlas(path))
    assert window.map.chart.labels[("plantar-right", "inner")].side == "left"  # between the feet
    window.edit_action.trigger()
    window.actions_by_name["zoom_in"].trigger()  # (fitted, the first edit fits the chart anew)
    click_mm(qtbot, window, "plantar-right", -15.0, 65.0)
    assert window.state.zone_id == "inner"
    before = _on_screen(window)
    window.actions_by_name["delete"].trigger()
    qtbot.wait(20)
    assert not window.state.atlas.has_zone("inner")
    deleted = _on_screen(window)
    combo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())
    qtbot.wait(20)
    assert window.state.atlas.has_zone("inner")
    undone = _on_screen(window)
    for spots in (deleted, undone):
        assert (spots["heel"], spots["right"]) == (before["heel"], before["right"]), (before, spots)
    window.editor.saving.discard()
