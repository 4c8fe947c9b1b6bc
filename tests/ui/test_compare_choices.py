"""Compare with… as a person meets it: it opens on a chart that draws the view shown, offers
only charts that can be compared, says a chart with errors cannot be compared (over the
comparison, in its words), follows Settings → Text size, and the chart's guide names stay
legible over the other chart's hatched zones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.atlas import builtin_charts, load_atlas

from .conftest import comparison_windows

WESTERN = next(p for p in builtin_charts() if "ingham" in p.name)
ALTERNATIVE = next(p for p in builtin_charts() if "alternative" in p.name)


def plantar_only(data_dir: Path, folder: Path) -> Path:
    """A chart of the soles alone (the built-in alternative chart draws no sole)."""
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text[: text.index("  - id: medial-left")] + text[text.index("zones:") : text.index("  - id: side")]
    path = folder / "soles.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def opened(qtbot, window):
    window.compare_action.trigger()  # Chart → Compare with…
    (shown,) = comparison_windows()
    qtbot.waitUntil(lambda: shown._shown_once)
    qtbot.wait(20)
    return shown


def test_compare_opens_on_a_chart_that_draws_the_view_shown(qtbot, make_window, data_dir, tmp_path):
    window = make_window(load_atlas(plantar_only(data_dir, tmp_path)))
    assert window.state.aspect == "plantar"
    shown = opened(qtbot, window)
    assert Path(shown.b.path).resolve() == WESTERN.resolve()  # not the first known, which has no sole
    assert shown.aspect.currentData() == "plantar" and shown.rows()
    shown.close()


def test_a_chart_with_errors_is_not_offered_and_is_refused_in_the_comparisons_words(
    qtbot, window, tmp_path, monkeypatch
):
    from reflexmap.ui import dialogs
    from reflexmap.ui.compare_window import OTHER_FILE

    broken = tmp_path / "anna.yaml"
    broken.write_text("atlas_format: 1\nid: anna\ntitle: [unclosed\n", encoding="utf-8")
    window.settings.setValue("chart/recent", [str(broken)])  # opened once, since spoiled
    window.open_chart(str(broken))  # and tried again: it has errors (said in a box)
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        box.close()
    shown = opened(qtbot, window)
    offered = [shown.other.itemData(i) for i in range(shown.other.count())]
    assert str(broken) not in offered and str(ALTERNATIVE) in offered
    before = shown.b
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(broken))
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))  # "Another chart file…"
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.parent() is shown  # over the comparison, not the main window
    assert "cannot be compared" in box.text() and "comparison is unchanged" in box.text()
    assert "chart shown" not in box.text()
    assert shown.b is before
    box.close()
    shown.close()


def test_the_comparison_follows_the_text_size(qtbot, window):
    normal = opened(qtbot, window)
    normal_mm = normal.left.chart.label_mm
    normal.close()
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    largest = opened(qtbot, window)
    assert largest.left.chart.label_mm > 1.3 * normal_mm
    window.text_size_actions[1.0].trigger()  # changed while it is open: it follows
    qtbot.waitUntil(lambda: largest.left.chart.label_mm < 1.1 * normal_mm)
    largest.close()


def render(scene, rect: QRectF) -> QImage:
    image = QImage(int(rect.width() * 12), int(rect.height() * 12), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def test_guide_names_stay_legible_over_the_other_charts_hatching(qtbot, window):
    """A guide name that lands on one of the other chart's hatched zones is drawn exactly as
    without the overlay: neither hatching nor dashed outline runs through its letters."""
    window.state.set_aspect("lateral")
    shown = opened(qtbot, window)
    shown.mode.setCurrentIndex(shown.mode.findData("overlay"))
    covered = 0
    for index in range(shown.aspect.count()):
        shown.aspect.setCurrentIndex(index)
        scene = shown.left.chart
        zones = list(shown.overlay_items.values())
        names = [n for n in scene.guide_names[1::2] if n.isVisible()]
        for name in names:
            box = name.sceneBoundingRect()
            if not any(z.shape().intersects(box) for z in zones):
                continue
            covered += 1
            with_overlay = render(scene, box)
            for z in zones:
                z.setVisible(False)
            without = render(scene, box)
            for z in zones:
                z.setVisible(True)
            assert with_overlay == without, name.text()
    assert covered  # the built-in charts do put a guide name on the other's zones
    shown.close()


def test_escape_closes_the_compare_window_wherever_its_focus_is(qtbot, window):
    """Opened by its key, the comparison has the focus; Escape closes it from its choices, its
    charts and its table alike (and the main window stays)."""
    for place in ("opened", "other", "aspect", "mode", "left", "right", "table"):
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        combo = window.compare_action.shortcut()[0]
        qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())
        (compare,) = comparison_windows()
        qtbot.waitUntil(lambda c=compare: QApplication.activeWindow() is c, timeout=2000)
        if place != "opened":
            getattr(compare, place).setFocus()
        if place == "table":
            compare.table.selectRow(1)
        qtbot.keyClick(QApplication.focusWidget() or compare, Qt.Key.Key_Escape)
        assert not comparison_windows(), place
        assert window.isVisible()
