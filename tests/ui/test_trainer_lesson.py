"""A trainer's lesson from start to end, as a trainer drives it: presenter mode with reveal,
spotlight, blank chart and notes; comparing two traditions; a worksheet with its answer key,
previewed before saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QRadioButton, QWidget

from reflexmap.render import palette


def keys(qtbot, window, *pressed) -> None:
    for key in pressed:
        qtbot.keyClick(window.map, key)


def shown_labels(window) -> set[str]:
    return {zone for (_, zone), label in window.map.chart.labels.items() if label.text.isVisible()}


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_a_trainers_lesson(qtbot, window, tmp_path: Path, monkeypatch):
    # --- presenting: F5, reveal three zones one by one --------------------------------------
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenter
    assert presenter.active and shown_labels(window) == set()
    keys(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right)
    third = presenter.order[2]
    assert shown_labels(window) == set(presenter.order[:3])
    caption = window.findChild(QWidget, "presenter-caption")
    assert window.state.atlas.zone(third).name in caption.text()

    # --- the notes beside the chart, for the trainer: where the lesson is -------------------
    keys(qtbot, window, Qt.Key.Key_N)
    notes = presenter.notes
    assert f"3 / {len(presenter.order)}" in notes.text.toPlainText()
    assert not global_rect(notes).intersects(global_rect(window.map.viewport()))

    # --- spotlight on the current zone --------------------------------------------------------
    keys(qtbot, window, Qt.Key.Key_S)
    dimmed = [item for (_, zone), item in window.map.chart.zone_items.items() if zone != third]
    assert dimmed and all(item.opacity() < 0.5 for item in dimmed)
    keys(qtbot, window, Qt.Key.Key_S)

    # --- a blank chart: "where is …?" without any hint on the projected chart ----------------
    keys(qtbot, window, Qt.Key.Key_B)
    chart = window.map.chart
    assert shown_labels(window) == set()
    assert {item.pen().color().name() for item in chart.zone_items.values()} == {palette.GUIDE.name()}
    assert not any(item.isVisible() for item in chart.key.swatches)
    assert "B " not in caption.text()
    assert "B shows the zones again" in notes.text.toPlainText()
    keys(qtbot, window, Qt.Key.Key_B, Qt.Key.Key_A)  # the answers, then every name
    assert shown_labels(window) == set(presenter.order)
    keys(qtbot, window, Qt.Key.Key_Escape)
    assert not presenter.active and window.menuBar().isVisible()

    # --- comparing with the other tradition: Chart → Compare with… --------------------------
    window.state.set_aspect("medial")
    window.compare_action.trigger()
    from reflexmap.ui.compare_window import CompareWindow

    compare = window.findChild(CompareWindow)
    qtbot.waitUntil(compare.isVisible)
    assert any(row[0].startswith("Sciatic nerve") for row in compare.rows())
    compare.close()

    # --- a worksheet and its key, previewed, then saved ---------------------------------------
    window.handout_action.trigger()
    from reflexmap.ui.handout_dialog import HandoutDialog

    dialog = window.findChild(HandoutDialog, "handouts")
    qtbot.waitUntil(dialog.isVisible)
    pair = dialog.findChild(QRadioButton, "sheet-worksheet+key")
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton, pos=QPoint(8, pair.height() // 2))
    assert "two files" in dialog.findChild(QLabel, "handout-files").text()
    qtbot.waitUntil(lambda: dialog.page_count() == 2)  # the worksheet and its answer key
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "week3.pdf"), ""))
    window.resize(1440, 900)  # the status bar's room for what was exported (800 px offscreen)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = window.statusBar().currentMessage()
    assert "week3.pdf" in saved and "week3-answers.pdf" in saved, saved
    assert (tmp_path / "week3.pdf").stat().st_size > 1000 and (tmp_path / "week3-answers.pdf").is_file()
