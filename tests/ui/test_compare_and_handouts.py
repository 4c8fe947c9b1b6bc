"""Comparing the two built-in traditions in the window, and handouts saved or printed."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from reflexmap.atlas import builtin_charts
from reflexmap.render.handout import pages_for

ALTERNATIVE = str(next(p for p in builtin_charts() if "alternative" in p.name))


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of each page, read from the PDF's page objects."""
    data = path.read_bytes().decode("latin-1")
    boxes = re.findall(
        r"/Type\s*/Page\b.*?/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data, flags=re.S
    )
    return [(float(w), float(h)) for w, h in boxes]


def test_compare_side_by_side_and_overlaid(qtbot, window):
    window.state.set_aspect("medial")
    dialog = window.compare_dialog(ALTERNATIVE)
    rows = dialog.rows()
    sciatic = [r for r in rows if r[0] == "Sciatic nerve" and r[1] == "left foot, medial view"]
    assert sciatic and sciatic[0][2] == "–" and "the other on the plantar view" in sciatic[0][3]
    # each chart named by its title (both were named by tradition: two of one tradition alike)
    alternative = "only in one chart: Chinese and Japanese placements (Rwo-Shur lineage)"
    assert any(r[0] == "Spinal cord (second path)" and r[3] == alternative for r in rows)
    western = "only in one chart: Western foot chart (Ingham tradition)"
    assert any(r[0] == "Lumbar spine" and r[3] == western for r in rows)
    assert dialog.right.isVisible()
    dialog.mode.setCurrentIndex(dialog.mode.findData("overlay"))
    assert not dialog.right.isVisible()
    assert ("medial-left", "spinal-cord") in dialog.overlay_items
    row = next(
        i for i, r in enumerate(dialog.rows()) if r[0] == "Coccyx" and r[1] == "left foot, medial view"
    )
    dialog.table.selectRow(row)
    assert dialog.left.chart.zone_items[("medial-left", "coccyx")].selected


def test_overlaid_chart_names_the_zones_it_places_differently(qtbot, window):
    """Compare → Overlaid: the other chart's zones that it places elsewhere (or alone) carry
    their names, italic in a dashed frame (never taken for the chart's own upright labels),
    clear of every label of the chart and of each other, on every view both charts draw."""
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

    from reflexmap.render.overlay import LABEL_Z

    dialog = window.compare_dialog(ALTERNATIVE)
    dialog.mode.setCurrentIndex(dialog.mode.findData("overlay"))
    seen: set[str] = set()
    for index in range(dialog.aspect.count()):
        dialog.aspect.setCurrentIndex(index)
        scene = dialog.left.chart
        names = [i for i in dialog.overlay_labels if isinstance(i, QGraphicsSimpleTextItem)]
        frames = [
            i for i in dialog.overlay_labels if isinstance(i, QGraphicsRectItem) and i.zValue() == LABEL_Z
        ]
        differing = [k for k in dialog.overlay_items if dialog._differs(*k)]
        assert len(names) == len(frames) == len(differing) > 0
        texts = {n.text() for n in names}
        assert any(t.startswith("Sciatic nerve") for t in texts)
        seen |= texts
        assert all(n.font().italic() for n in names)
        assert all(f.pen().style() != Qt.PenStyle.SolidLine for f in frames)  # dashed, like the zones
        own = [label.text.sceneBoundingRect() for label in scene.labels.values()]
        boxes = [f.sceneBoundingRect().adjusted(0.2, 0.2, -0.2, -0.2) for f in frames]
        for i, frame in enumerate(boxes):
            assert not any(frame.intersects(r) for r in own), names[i].text()
            assert not any(frame.intersects(other) for other in boxes[i + 1 :]), names[i].text()
    assert "Spinal cord (second path)" in seen  # the medial view's
    dialog.mode.setCurrentIndex(dialog.mode.findData("side"))
    assert dialog.overlay_labels == []


def test_handout_numbers_run_toes_to_heel(builtin_atlas):
    (page,) = pages_for(builtin_atlas, ["plantar"])
    assert sorted(page.numbers.values()) == list(range(1, len(page.numbers) + 1))
    assert page.numbers["head-brain"] == 1
    assert page.numbers["coccyx"] > page.numbers["lumbar-spine"] > page.numbers["neck"]


def test_handout_dialog_saves_worksheet_and_answer_key(qtbot, window, tmp_path: Path):
    dialog = window.handout_dialog()
    dialog.findChild(type(dialog.sheets.button(0)), "sheet-worksheet+key").setChecked(True)
    dialog.views.setCurrentIndex(1)  # all views
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    written = dialog.save_to(tmp_path / "class.pdf")
    assert [p.name for p in written] == ["class.pdf", "class-answers.pdf"]
    for path in written:
        pages = pdf_pages(path)
        assert len(pages) == 4  # one page per view
        assert all(sorted(size) == [612.0, 792.0] for size in pages)  # Letter, either way up


def test_printing_goes_through_the_same_pages(qtbot, window, tmp_path: Path):
    dialog = window.handout_dialog()
    dialog.findChild(type(dialog.sheets.button(0)), "sheet-worksheet+key").setChecked(True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 2  # worksheet and answer key of this view, one job
    pages = pdf_pages(tmp_path / "printed.pdf")
    assert len(pages) == 2 and all(sorted(size) == [595.0, 842.0] for size in pages)  # A4


def test_worksheet_labels_are_numbers_only(builtin_atlas, qapp):
    from reflexmap.render.chart_scene import ChartScene

    (page,) = pages_for(builtin_atlas, ["plantar"])
    scene = ChartScene()
    scene.show_chart(builtin_atlas, "plantar", numbers=page.numbers, names=False)
    texts = {label.text.text() for label in scene.labels.values()}
    assert texts == {str(n) for n in page.numbers.values()}
    scene.show_chart(builtin_atlas, "plantar", numbers=page.numbers, names=True)
    assert f"{page.numbers['sacrum']}  Sacrum" in {label.text.text() for label in scene.labels.values()}


def test_handout_legend_does_not_repeat_a_name_as_its_claim(builtin_atlas):
    from reflexmap.content.zone_card import legend_text, says_the_same
    from reflexmap.render import handout

    assert says_the_same("Heart", "the heart") and says_the_same("Herz", "das Herz")
    assert not says_the_same("Lumbar spine", "the lower-back vertebrae (L1–L5)")
    # the handout's legend is the card builder's text (one builder of a zone's text)
    zone = builtin_atlas.zone("lumbar-spine")
    assert handout._legend_text(builtin_atlas, zone.id, 7, "chart") == ("7", legend_text(zone))
    assert handout._legend_text(builtin_atlas, zone.id, 7, "answer-key") == ("7", zone.name)
    assert not hasattr(handout, "_says_the_same")


def test_compare_window_switches_to_another_chart_file(qtbot, window, tmp_path: Path, monkeypatch):
    import shutil

    from reflexmap.ui import dialogs
    from reflexmap.ui.compare_window import OTHER_FILE

    from .conftest import comparison_windows

    copy = tmp_path / "my-chart.yaml"
    shutil.copy(next(p for p in builtin_charts() if "ingham" in p.name), copy)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(copy))
    window.compare_action.trigger()
    (shown,) = comparison_windows()
    assert shown.other.isEnabled()
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))  # as picked from the list
    assert shown.b.path is not None and Path(shown.b.path) == copy
    # named by its title, as in the Chart menu; the same title as the chart shown: and its file
    named = "Western foot chart (Ingham tradition) \u2014 my-chart.yaml"
    assert shown.other.currentText() == named
    assert shown.windowTitle().count("Western foot chart (Ingham tradition)") == 2
    assert "my-chart.yaml" in shown.windowTitle() and "ingham-western.yaml" in shown.windowTitle()
    assert all(r[3] == "same place" for r in shown.rows())  # the same chart: every zone agrees
    monkeypatch.setattr(dialogs, "open_file", lambda *args: "")  # cancelled: nothing changes
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))
    assert Path(shown.b.path) == copy and shown.other.currentText() == named
    shown.close()


def test_compare_charts_keep_their_text_legible(qtbot, window):
    from reflexmap.render.chart_scene import LABEL_MM
    from reflexmap.ui.map_view import MAX_TEXT_GROWTH, MIN_TEXT_PX

    from .conftest import comparison_windows

    window.compare_action.trigger()
    (shown,) = comparison_windows()
    qtbot.waitUntil(lambda: shown._shown_once)
    qtbot.wait(20)
    for view in (shown.left,):
        scale = view.transform().m11()  # screen pixels per millimetre
        # legible, or as large as text may grow before the feet shrink too far (then: zoom)
        assert view.chart.label_mm * scale >= MIN_TEXT_PX * 0.95 or view.chart.label_mm >= (
            MAX_TEXT_GROWTH * LABEL_MM * 0.99
        )
        assert view.chart.label_mm > LABEL_MM  # grown beyond the usual size
    shown.close()
