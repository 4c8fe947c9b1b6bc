"""A chart saved with problems ("Save anyway", or written so by hand) can be opened in the
editor again to fix it (tryout F10). "Chart not loaded" (at start, File → Open chart…, Reload)
offers it when every problem is one the editor shows and fixes; the editor opens the chart with
its problems marked on the map and listed; fixed and saved, the chart loads as usual. A file
refused for what it is (over a limit, not YAML, a number that is not finite, broken views)
stays refused, with no such offer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox, QPushButton

from reflexmap.atlas import read_atlas
from reflexmap.ui import dialogs

from .conftest import click_mm
from .test_editor import DATA, drag

HEEL = "[[-18, 2], [18, 2], [18, 30], [-18, 30]]"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The small chart saved with two problems: a corner of the heel 5 mm out of the foot,
    and a bell character (invisible) in the band's name."""
    path = tmp_path / "anna.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    text = text.replace(HEEL, "[[-18, 2], [18, 2], [25, 30], [-18, 30]]").replace('"Band"', '"Ba\\u0007nd"')
    path.write_text(text, encoding="utf-8")
    assert len(read_atlas(path).errors) == 2
    return path


def opened(qtbot, window, path: Path, monkeypatch) -> QMessageBox:
    """File → Open chart…, `path` picked in the file dialog: the "Chart not loaded" box."""
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    return fix_known(qtbot, window.findChild(QMessageBox, "chart-errors"))


def fix_known(qtbot, box: QMessageBox) -> QMessageBox:
    """`box` once it is known whether the editor can fix the chart (asked in the background:
    the offer is added to the box then)."""
    qtbot.waitUntil(lambda: box.property("fix-known") is True, timeout=20_000)
    return box


def fix_button(box: QMessageBox) -> QPushButton | None:
    return box.findChild(QPushButton, "fix-in-editor")


def listed_problems(window) -> list[str]:
    dock = window.findChild(QDockWidget, "dock-chart-problems")
    assert dock is not None and dock.isVisible()
    widget = dock.widget().list
    return [widget.item(row).text() for row in range(widget.count())]


def test_open_a_chart_saved_with_problems_fix_it_and_save_it(qtbot, window, broken, monkeypatch):
    box = opened(qtbot, window, broken, monkeypatch)
    assert "anna.yaml has 2 errors" in box.text() and "editor can open it" in box.text()
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    assert window.editor.active and window.state.atlas.path == broken
    problems = listed_problems(window)
    assert len(problems) == 2 and any("outside the foot's outline" in p for p in problems), problems
    assert any(p.startswith("line 32, column ") for p in problems), problems  # with its place
    assert window.editor.tool.problem_marks()  # marked on the map
    zone_list = window.zones.list.model()
    names = [zone_list.index(r, 0).data() for r in range(zone_list.rowCount())]
    assert any("Heel" in n for n in names) and len(names) == 4  # every zone listed
    # the corner dragged back into the foot
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    drag(qtbot, window, "plantar-left", (25, 30), (18, 30), modifier=Qt.KeyboardModifier.AltModifier)
    assert len(listed_problems(window)) == 1
    # the name typed anew in the zone-texts form
    click_mm(qtbot, window, "plantar-left", 0.0, 14.0)
    assert window.state.zone_id == "band"
    field = window.editor.form.fields[("name", None)]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Band")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert listed_problems(window) == []
    assert window.editor.problems_label.text() == "✔ The chart passes the check"
    window.save_action.trigger()  # no problem left: no "Save anyway?" question
    assert not window.isWindowModified()
    result = read_atlas(broken)
    assert result.ok and result.atlas.zone("band").name == "Band"
    assert broken.read_text(encoding="utf-8").startswith("# A chart with simple shapes")  # comments kept
    window.edit_action.trigger()  # edit mode ended
    window.reload_action.trigger()  # Ctrl+R: the chart loads as any other
    assert window.findChild(QMessageBox, "chart-errors") is None
    assert window.state.atlas.zone("heel").in_view("plantar-left")


def test_the_start_problem_offers_the_editor_for_the_last_chart(qtbot, tmp_path, broken, settings):
    from reflexmap.ui.app import create_window

    window = create_window(None, settings, progress_path=tmp_path / "progress.json")
    qtbot.addWidget(window)
    window.show()
    window.show_errors(broken.name, read_atlas(broken).errors)  # as run() does with the last chart
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = fix_known(qtbot, window.findChild(QMessageBox, "chart-errors"))
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    assert window.editor.active and window.state.atlas.path == broken
    assert len(listed_problems(window)) == 2
    assert settings.value("chart/last") == str(broken)  # the next start comes back to it
    window.editor.saving.discard()


def test_unsaved_edits_of_the_chart_shown_are_asked_about_first(qtbot, window, broken, monkeypatch):
    """Open chart… of a broken chart keeps the edits without a question (the chart shown
    stays); Open in the editor to fix asks about them (here: Discard), then opens it."""
    window.edit_action.trigger()  # the built-in chart
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda self: asked.append(self.objectName()) or QMessageBox.StandardButton.Discard,
    )
    click_mm(qtbot, window, "plantar-left", *_some_point(window))
    qtbot.keyClick(window.map, Qt.Key.Key_Up)
    window.editor.tool.commit_nudge()
    assert window.isWindowModified()
    box = opened(qtbot, window, broken, monkeypatch)
    assert asked == [] and window.isWindowModified()  # nothing was to replace them yet
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    assert window.state.atlas.path == broken and window.editor.active
    assert not window.isWindowModified() and asked == ["unsaved-changes"]
    window.editor.saving.discard()


def _some_point(window) -> tuple[float, float]:
    from .conftest import inside_point

    zone = window.state.atlas.zones_in("plantar-left")[0].id
    return inside_point(window.state.atlas, "plantar-left", zone)


REFUSED = {
    "a syntax error": lambda t: t.replace('title: "Small test chart"', 'title: "Small test chart'),
    "a number that is not finite": lambda t: t.replace(HEEL, "[[-18, 2], [.nan, 2], [18, 30], [-18, 30]]"),
    "a broken outline": lambda t: t.replace(
        "[[-20, 0], [20, 0], [20, 100], [-20, 100]]", "[[-20, 0], [20, 100], [20, 0], [-20, 100]]"
    ),
    "a structure error": lambda t: t.replace("region: pelvis", "region: pelvic"),
    "a guide line's problem": lambda t: t.replace('name: "Waistline"', 'name: "Waist\\u0007line"'),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_chart_refused_for_what_it_is_has_no_offer(qtbot, window, tmp_path, monkeypatch, kind):
    path = tmp_path / "bad.yaml"
    path.write_text(REFUSED[kind]((DATA / "small.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    assert not read_atlas(path).ok
    box = opened(qtbot, window, path, monkeypatch)
    assert fix_button(box) is None and "editor" not in box.text()
    box.done(0)


def test_a_file_over_the_size_limit_has_no_offer(qtbot, window, tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    shutil.copy(DATA / "small.yaml", big)
    with open(big, "ab") as handle:
        handle.truncate(33_554_491)
    box = opened(qtbot, window, big, monkeypatch)
    assert fix_button(box) is None
    box.done(0)


def test_a_problem_of_the_charts_title_leads_to_chart_properties(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    path = tmp_path / "titled.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    path.write_text(
        text.replace('title: "Small test chart"', 'title: "Small\\u0007 chart"'), encoding="utf-8"
    )
    box = opened(qtbot, window, path, monkeypatch)
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    panel = window.findChild(QDockWidget, "dock-chart-problems").widget().list
    assert panel.count() == 1 and "'title'" in panel.item(0).text()
    rect = panel.visualItemRect(panel.item(0))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.findChild(QDialog, "chart-properties")
    assert dialog is not None and dialog.isVisible()
    title = dialog.fields[("title", None)]
    title.selectAll()
    qtbot.keyClicks(title, "Anna's chart")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    assert panel.count() == 0
    window.save_action.trigger()
    assert read_atlas(path).ok and read_atlas(path).atlas.title == "Anna's chart"
