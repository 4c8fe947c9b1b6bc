"""A zone renamed in the editor keeps the students' quiz progress: when the chart is saved,
the review log's cards and reviews follow the new id (every profile), so the heat map and
the statistics still show what was learnt. A rename undone, or renamed back, moves nothing;
two renames saved one after the other both follow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reflexmap.atlas import load_atlas
from reflexmap.quiz import ReviewLog
from reflexmap.quiz.profiles import Profiles

from .conftest import click_mm
from .test_editor import DATA
from .test_statistics_window import answer_round


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    return path


@pytest.fixture
def studied(qtbot, make_window, chart, tmp_path: Path):
    """The small chart's window after a round on the heel and the band, heat map on."""
    window = make_window(load_atlas(chart), progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["heel", "band"])
    window.mastery_action.trigger()
    assert window.map.chart.mastery["heel"] is not None
    yield window
    window.editor.saving.discard()  # closing asks nothing: no window is left open after the test


def rename_heel(qtbot, window, new_id: str, old_id: str = "heel") -> None:
    """Edit mode, the zone clicked on the map, its id typed into the form."""
    if not window.editor.active:
        window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == old_id
    field = window.editor.form.zone_id
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, new_id)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.zone_id == new_id


def cards(window) -> set[str]:
    return {key.split(":")[1] for key in ReviewLog(window.quiz.database_path).states()}


def test_a_renamed_zone_keeps_its_progress_when_the_chart_is_saved(qtbot, studied, chart):
    window = studied
    before = window.map.chart.mastery["heel"]
    rename_heel(qtbot, window, "calcaneus")
    window.save_action.trigger()
    assert "id: calcaneus" in chart.read_text(encoding="utf-8")
    assert window.map.chart.mastery["calcaneus"] == pytest.approx(before, abs=0.02)  # the heat map
    assert cards(window) == {"calcaneus", "band"}
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    assert stats.stats.total_reviews == 2 and stats.stats.cards_seen == 2  # both zones still counted
    stats.close()
    reopened = load_atlas(chart)
    window.state.set_atlas(reopened)  # the chart as a later session opens it
    window.mastery_action.trigger()
    window.mastery_action.trigger()
    assert window.map.chart.mastery["calcaneus"] is not None


def test_a_rename_undone_or_renamed_back_moves_nothing(qtbot, studied, chart):
    window = studied
    rename_heel(qtbot, window, "calcaneus")
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()  # Edit → Undo
    assert window.state.atlas.has_zone("heel")
    window.save_action.trigger()
    assert cards(window) == {"heel", "band"}
    rename_heel(qtbot, window, "calcaneus")
    rename_heel(qtbot, window, "heel", old_id="calcaneus")
    window.save_action.trigger()
    assert cards(window) == {"heel", "band"}
    assert window.map.chart.mastery["heel"] is not None


def test_two_renames_saved_in_turn_both_follow_and_other_profiles_too(qtbot, studied, chart, tmp_path):
    window = studied
    other = ReviewLog(Profiles(tmp_path).create("Anna"))  # another student on this computer
    window.quiz.set_profile("Anna")
    answer_round(qtbot, window, ["heel"])
    window.quiz.set_profile("")
    rename_heel(qtbot, window, "calcaneus")
    window.save_action.trigger()
    rename_heel(qtbot, window, "rear-foot", old_id="calcaneus")
    window.save_action.trigger()
    assert cards(window) == {"rear-foot", "band"}
    assert {key.split(":")[1] for key in other.states()} == {"rear-foot"}
    assert window.map.chart.mastery["rear-foot"] is not None


def test_renames_chained_before_one_save_and_a_rename_redone_move_once(qtbot, studied, chart):
    window = studied
    rename_heel(qtbot, window, "calcaneus")
    rename_heel(qtbot, window, "rear-foot", old_id="calcaneus")
    window.undo_action.trigger()
    window.redo_action.trigger()  # rear-foot again
    window.save_action.trigger()
    assert cards(window) == {"rear-foot", "band"}
    assert window.map.chart.mastery["rear-foot"] is not None


def test_renames_in_recovered_work_move_the_progress_when_it_is_saved(
    qtbot, studied, chart, make_window, tmp_path
):
    """The app dies after a rename; the next start offers the autosave back; saving the
    recovered work moves the progress to the new ids as saving in the first window would."""
    from PySide6.QtWidgets import QMessageBox

    from reflexmap.ui.editor import autosaving

    from .test_editor_files import box_named

    window = studied
    rename_heel(qtbot, window, "calcaneus")
    rename_heel(qtbot, window, "rear-foot", old_id="calcaneus")  # a chain: one rename in the file
    assert window.editor.saving.autosave() is not None
    window.editor.session.close()  # the app "crashes": nothing asked, nothing saved
    window.close()
    assert "id: heel" in chart.read_text(encoding="utf-8")
    later = make_window(load_atlas(chart), progress_path=tmp_path / "progress.json")
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    box = box_named("recover-autosave")
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    assert later.state.atlas.has_zone("rear-foot")
    later.save_action.trigger()
    assert "id: rear-foot" in chart.read_text(encoding="utf-8")
    assert cards(later) == {"rear-foot", "band"}
    assert autosaving.read_index() == []
    later.editor.saving.discard()


def test_answers_waiting_for_a_locked_log_land_under_the_new_ids(qtbot, studied, chart):
    """Answers given while another program held the review log locked wait in the window;
    a rename saved after the lock is gone moves them too (they were written under the old id,
    so the zone's progress was split between a zone that no longer exists and the new one)."""
    from .test_locked_review_log import Holder, answers

    window = studied
    database = window.quiz.database_path
    holder = Holder(database)
    answer_round(qtbot, window, ["heel"])  # kept in the window: the log is locked
    assert window.quiz.scheduler.pending
    holder.release()
    rename_heel(qtbot, window, "calcaneus")
    window.save_action.trigger()
    window.quiz.scheduler.save_pending()  # whatever still waits goes in now
    assert not window.quiz.scheduler.pending
    zones = {card.split(":")[1] for card, _time in answers(database)}
    assert zones == {"calcaneus", "band"}, zones
    assert cards(window) == {"calcaneus", "band"}
