# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The index of autosaves found damaged while autosaving (another program wrote into it after
the start): it is set aside, as at a start, and now said as a start says it (its
file:line:column, where it was kept), once; the work being edited is autosaved and listed in
the new index all the same. Before, it was set aside without a word. Through a real drag and
the autosave's tick."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.ui.editor.autosaves import autosave_folder

from .test_autosave_index_foreign import _no_index_after  # noqa: F401 (fixture)
from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)

DAMAGED = '{"autosaves": [\n  {"autosave": "x",\n   oops\n'  # not JSON, at line 3


def _damage_box() -> QMessageBox | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "autosave-index-damaged" and w.isVisible()
        ),
        None,
    )


def test_an_index_damaged_while_editing_is_said_once_and_the_autosave_kept(qtbot, editing, chart):
    index = autosave_folder() / "index.json"
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    saving = editing.editor.saving
    saving.timer.timeout.emit()  # the autosave tick (every 30 s)
    autosave = chart.with_name(".small.yaml.autosave")
    assert autosave.is_file() and json.loads(index.read_text())["autosaves"][0]["autosave"] == str(autosave)
    index.write_text(DAMAGED, encoding="utf-8")  # another program writes into it
    drag(qtbot, editing, "plantar-left", (0, 30), (0, 35))
    saving.timer.timeout.emit()
    qtbot.waitUntil(lambda: _damage_box() is not None, timeout=3000)
    said = _damage_box().text()
    assert f"\u2068{index}\u2069:3:4: " in said, said  # file:line:column, as a start says it
    aside = [p for p in autosave_folder().iterdir() if p.name.startswith("index.json") and p != index]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == DAMAGED  # kept, not deleted
    assert f"kept as \u2068{aside[0]}\u2069" in said, said  # where it was set aside
    assert "The autosave of the work you are editing now is kept" in said, said
    assert "Traceback" not in said
    # the work being edited is autosaved as it is now, and listed in the new index
    listed = json.loads(index.read_text())["autosaves"]
    assert [e["autosave"] for e in listed] == [str(autosave)]
    assert autosave.read_bytes() == editing.editor.session.document.to_bytes()
    _damage_box().close()
    qtbot.waitUntil(lambda: _damage_box() is None)
    # said once: the next ticks find the new index sound and say nothing
    drag(qtbot, editing, "plantar-left", (0, 35), (0, 38))
    saving.timer.timeout.emit()
    saving.timer.timeout.emit()
    qtbot.wait(100)
    assert _damage_box() is None


def _index_damaged_after_an_autosave(qtbot, editing, chart):
    index = autosave_folder() / "index.json"
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    editing.editor.saving.timer.timeout.emit()  # the autosave tick (every 30 s)
    assert chart.with_name(".small.yaml.autosave").is_file()
    index.write_text(DAMAGED, encoding="utf-8")  # another program writes into it
    return index


def _said_and_kept(qtbot, index) -> None:
    qtbot.waitUntil(lambda: _damage_box() is not None, timeout=3000)
    said = _damage_box().text()
    assert f"\u2068{index}\u2069:3:4: " in said, said
    aside = [p for p in autosave_folder().iterdir() if p.name.startswith("index.json") and p != index]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == DAMAGED  # kept, not deleted
    assert f"kept as \u2068{aside[0]}\u2069" in said, said
    assert "you are editing now" not in said  # (the work was saved or discarded: nothing to keep)
    _damage_box().close()


def test_an_index_found_damaged_as_the_work_is_saved_is_said(qtbot, editing, chart):
    """Ctrl+S forgets this window's autosave, reading the index: found damaged then, it is
    set aside and said as when autosaving (before: set aside without a word)."""
    from PySide6.QtCore import Qt

    index = _index_damaged_after_an_autosave(qtbot, editing, chart)
    qtbot.keyClick(editing.map, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editing.editor.session.modified)
    _said_and_kept(qtbot, index)


def test_an_index_found_damaged_as_the_work_is_discarded_is_said(
    qtbot, editing, chart, monkeypatch, tmp_path
):
    """File → Open chart… with unsaved work, answered Discard: the same."""
    from pathlib import Path

    from reflexmap.ui import dialogs

    from .test_editor_files import answer_later

    index = _index_damaged_after_an_autosave(qtbot, editing, chart)
    other = tmp_path / "other.yaml"
    other.write_bytes((Path(__file__).parents[1] / "data" / "small.yaml").read_bytes())
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(other))
    asked = answer_later("unsaved-changes", QMessageBox.StandardButton.Discard)
    editing.actions_by_name["open"].trigger()  # File → Open chart…
    qtbot.waitUntil(lambda: not asked.isActive(), timeout=5000)
    _said_and_kept(qtbot, index)
