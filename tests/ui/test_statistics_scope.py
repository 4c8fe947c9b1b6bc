"""Statistics have one scope, said on screen: the zones the chart has now. A zone deleted
from the chart after it was practised was left out of the headline ("1 review in all") but
still counted in the reviews per day and the right answers per foot."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA
from .test_statistics_window import answer_round


def test_a_deleted_zones_answers_are_left_out_of_every_figure_and_said(qtbot, make_window, tmp_path: Path):
    chart = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", chart)
    window = make_window(load_atlas(chart), progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["heel", "band"])  # two answers today, one per zone
    window.edit_action.trigger()  # the heel is deleted from the chart, and the chart saved
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    window.delete_action.trigger()
    window.save_action.trigger()
    window.edit_action.trigger()
    assert not window.state.atlas.has_zone("heel")
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    figures = stats.stats
    assert figures.total_reviews == 1 and figures.cards_seen == 1
    assert sum(figures.reviews) == 1, figures.reviews  # the heel's answer was still counted here
    assert sum(answers for _right, answers in figures.answers_by_foot.values()) <= 1
    assert [h.zone_id for h in figures.hardest if h.zone_id == "heel"] == []
    summary = stats.findChild(QLabel, "statistics-summary").text()
    assert summary.startswith("1 review in all, 1 card practised")
    scope = stats.findChild(QLabel, "statistics-scope")
    assert scope is not None and scope.isVisible()
    assert "the 4 zones of the chart" in scope.text() and "as it is now" in scope.text(), scope.text()
    assert "1 answer to a zone no longer in the chart is left out" in scope.text(), scope.text()
    stats.close()
    window.editor.saving.discard()
