"""A quiz round and another chart (tryout S11-2): every way of showing another chart while a
round runs (File → Open chart…, an entry of the Chart menu, File → Reload chart, File → New
chart…) first asks "End this round now?", as Quiz → End quiz does. Keep practising keeps the
round and the chart shown; End round ends the round (its results shown, its answers saved)
before the other chart is shown. Before: the other chart was shown behind a round that went
on asking for the first chart's zones, and Tab + Enter on the map logged an "Again" for
`ingham-western:descending-colon:find` with "pancreas" clicked, a zone the map did not show.
The results name the zones as the round's chart does, in the window's language (they said
"heart, trapezius, descending-colon" once the chart had changed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from reflexmap.atlas import builtin_charts
from reflexmap.ui import dialogs

from .conftest import click_zone
from .test_locked_review_log import Holder
from .test_quiz_student import click, setup_by_mouse, visible_dialog

ZONES = {"heart", "trapezius", "descending-colon"}
WESTERN = "ingham-western"


def reviews(window) -> list[tuple[str, str]]:
    """(card, zones clicked) of every answer in the learner's review log, read apart."""
    database = window.quiz.database_path
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT card, clicked FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


def round_with_one_answer(qtbot, window) -> None:
    """F7 → three "find it" questions on the left sole; the first answered by Tab + Enter on
    the map, then Enter for the second question, which waits for its answer."""
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=ZONES, length=3)
    tab_enter(qtbot, window)
    assert window.quiz.session.feedback is not None
    qtbot.keyClick(window.map, Qt.Key.Key_Return)  # the next question
    assert window.quiz.session.feedback is None
    assert len(reviews(window)) == 1


def tab_enter(qtbot, window) -> None:
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)


def the_question(window) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox, "quiz-end-confirm") if b.isVisible()]
    return boxes[0] if boxes else None


def answer(qtbot, window, button: str) -> None:
    box = the_question(window)
    assert box is not None, "no question before the chart changes"
    assert box.text() == "End this round now?"
    click(qtbot, box.findChild(QPushButton, button))
    qtbot.waitUntil(lambda: the_question(window) is None)


def open_by_file_menu(window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.actions_by_name["open"].trigger()  # File → Open chart…


def open_by_chart_menu(window, monkeypatch, path: Path) -> None:
    window.charts_menu.refill()  # as the menu does when it opens
    entry = next(a for a in window.charts_menu.chart_actions() if Path(a.data()) == path)
    entry.trigger()


def reload_by_file_menu(window, monkeypatch, path: Path) -> None:
    window.actions_by_name["reload"].trigger()  # File → Reload chart


WAYS = {
    "file-open": (open_by_file_menu, "small"),
    "chart-menu": (open_by_chart_menu, "alternative"),
    "reload": (reload_by_file_menu, "same"),
}


def chart_path(which: str, data_dir: Path, window) -> Path:
    if which == "small":
        return data_dir / "small.yaml"
    if which == "alternative":
        return next(p for p in builtin_charts() if p.name == "alternative-placements.yaml")
    return Path(window.state.atlas.path)


@pytest.mark.parametrize("way", WAYS)
def test_another_chart_during_a_round_asks_first_and_logs_nothing_for_it(
    qtbot, make_window, data_dir, monkeypatch, way
):
    window = make_window()
    act, which = WAYS[way]
    path = chart_path(which, data_dir, window)
    round_with_one_answer(qtbot, window)
    logged = reviews(window)
    asked = window.quiz.session.current

    # Keep practising: the round and the chart stay as they were.
    act(window, monkeypatch, path)
    assert window.quiz.active and window.state.atlas.id == WESTERN
    answer(qtbot, window, "keep-practising")
    assert window.quiz.active and window.quiz.session.current is asked
    assert window.state.atlas.id == WESTERN and window.state.mode.name == "quiz"

    # End round: the results of the round, then the other chart.
    act(window, monkeypatch, path)
    answer(qtbot, window, "end-round")
    assert not window.quiz.active and window.state.mode.name == "browse"
    qtbot.waitUntil(lambda: Path(window.state.atlas.path) == path)
    summary = visible_dialog(window, "quiz-summary")
    assert summary is not None
    text = summary.findChild(QLabel).text()
    assert "1 of 1" in text or "0 of 1" in text, text
    summary.reject()

    # Tab + Enter on the map now select; nothing is logged, and nothing for zones not shown.
    tab_enter(qtbot, window)
    assert reviews(window) == logged
    shown = window.state.atlas
    for card, _clicked in reviews(window):
        chart, zone, _kind = card.split(":")
        assert chart == WESTERN and zone in ZONES
    assert not window.quiz_dock.isVisible() and window.info_dock.isVisible()
    if shown.id != WESTERN:
        assert window.state.zone_id == "" or shown.has_zone(window.state.zone_id)


def test_the_results_name_the_zones_of_the_rounds_chart_in_german(qtbot, window_in, monkeypatch, data_dir):
    """German window: the zones missed are named as the Western chart names them in German,
    after the small test chart (which has none of them) has been opened."""
    window = window_in("de")
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=ZONES, length=3)
    missed = []
    for _ in range(2):  # two answers wrong (a zone that is not the one asked)
        question = window.quiz.session.current
        wrong = next(z.id for z in window.state.atlas.zones_in(question.view_id) if z.id != question.zone_id)
        click_zone(qtbot, window, question.view_id, wrong)
        assert not window.quiz.session.feedback.correct
        missed.append(window.state.atlas.zone(question.zone_id).name)
        qtbot.keyClick(window.map, Qt.Key.Key_Return)
    open_by_file_menu(window, monkeypatch, data_dir / "small.yaml")
    box = the_question(window)
    assert box is not None and box.text() == "Diese Runde jetzt beenden?"
    click(qtbot, box.findChild(QPushButton, "end-round"))
    qtbot.waitUntil(lambda: window.state.atlas.id == "test-small")
    summary = visible_dialog(window, "quiz-summary")
    text = summary.findChild(QLabel).text()
    for name in missed:
        assert name in text, (name, text)
    assert not [zone for zone in ZONES if zone in text], text  # no raw ids
    summary.reject()


def test_the_question_is_asked_once_for_two_charts_chosen_and_the_last_one_opens(
    qtbot, make_window, data_dir, monkeypatch
):
    """File → Open, then the Chart menu while the question stands: one question; End round
    shows the chart chosen last."""
    window = make_window()
    round_with_one_answer(qtbot, window)
    open_by_file_menu(window, monkeypatch, data_dir / "small.yaml")
    alternative = chart_path("alternative", data_dir, window)
    open_by_chart_menu(window, monkeypatch, alternative)
    assert len([b for b in window.findChildren(QMessageBox, "quiz-end-confirm") if b.isVisible()]) == 1
    answer(qtbot, window, "end-round")
    qtbot.waitUntil(lambda: Path(window.state.atlas.path) == alternative)
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()
    QApplication.processEvents()
    assert window.state.atlas.id == "alternative-placements"


def test_review_mistakes_of_a_round_on_another_chart_starts_no_round_on_the_chart_shown(
    qtbot, make_window, data_dir, monkeypatch
):
    """The results stand over the chart opened since: Review mistakes would ask the Western
    chart's zones on the small chart. It is off, and its tip says where the mistakes are
    (tryout S12-8: the button was offered and then said so)."""
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=ZONES, length=3)
    question = window.quiz.session.current
    wrong = next(z.id for z in window.state.atlas.zones_in(question.view_id) if z.id != question.zone_id)
    click_zone(qtbot, window, question.view_id, wrong)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    open_by_file_menu(window, monkeypatch, data_dir / "small.yaml")
    answer(qtbot, window, "end-round")
    qtbot.waitUntil(lambda: window.state.atlas.id == "test-small")
    summary = visible_dialog(window, "quiz-summary")
    review = summary.findChild(QPushButton, "review-mistakes")
    assert not review.isEnabled()  # (before: on, and clicked it said where the mistakes are)
    tip = review.toolTip()
    assert "Western foot chart (Ingham tradition)" in tip and "open that chart to review" in tip, tip
    click(qtbot, review)
    assert not window.quiz.active and window.state.atlas.id == "test-small"
    summary.reject()


def test_a_chart_asked_for_and_kept_waiting_is_shown_once_the_round_has_ended(
    qtbot, make_window, data_dir, monkeypatch
):
    """Keep practising after another chart was asked for: the box said "The chart you asked
    for is shown once the round has ended"; it is, after the round's last answer (it was
    dropped: tryout, for a language chosen so). Nothing is logged for it."""
    window = make_window()
    path = chart_path("small", data_dir, window)
    round_with_one_answer(qtbot, window)
    open_by_file_menu(window, monkeypatch, path)
    assert "shown once the round has ended" in the_question(window).informativeText()
    answer(qtbot, window, "keep-practising")
    while window.quiz.session is not None and window.quiz.session.current is not None:
        assert window.state.atlas.id == WESTERN  # (not while the round runs)
        tab_enter(qtbot, window)  # an answer
        qtbot.keyClick(window.map, Qt.Key.Key_Return)  # the next question, or the results
    qtbot.waitUntil(lambda: Path(window.state.atlas.path) == path)
    assert not window.quiz.active and window.state.mode.name == "browse"
    assert visible_dialog(window, "quiz-summary") is not None  # the round's results, as said
    visible_dialog(window, "quiz-summary").reject()
    assert all(card.split(":")[0] == WESTERN for card, _clicked in reviews(window))


def test_a_new_chart_during_a_round_asks_first(qtbot, make_window):
    """File → New chart… while a round runs: the new chart is shown (in edit mode) only once
    the round has ended; Keep practising keeps the round on the chart shown."""
    window = make_window()
    round_with_one_answer(qtbot, window)

    def new_chart() -> None:
        window.new_chart_action.trigger()
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
        )
        dialog.title.setText("Annas Karte")
        dialog.empty.setChecked(True)
        qtbot.keyClicks(dialog.tradition, "My practice")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    new_chart()
    answer(qtbot, window, "keep-practising")
    assert window.quiz.active and window.state.atlas.id == WESTERN
    new_chart()
    answer(qtbot, window, "end-round")
    qtbot.waitUntil(lambda: window.state.atlas.title == "Annas Karte")
    assert not window.quiz.active and window.editor.active
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()
    window.editor.saving.discard()


def test_answers_waiting_for_a_locked_log_are_written_after_the_chart_changed(
    qtbot, make_window, data_dir, monkeypatch
):
    """Another program holds the review log: an answer waits in memory. Another chart opened
    (the round ended) keeps it waiting, and it is written, for the Western chart, once the log
    is free; nothing is written for the chart shown."""
    window = make_window()
    round_with_one_answer(qtbot, window)
    holder = Holder(window.quiz.database_path)
    try:
        tab_enter(qtbot, window)  # the second answer: kept, the log being held
        assert len(window.quiz.scheduler.pending) == 1
        open_by_file_menu(window, monkeypatch, data_dir / "small.yaml")
        answer(qtbot, window, "end-round")
        qtbot.waitUntil(lambda: window.state.atlas.id == "test-small")
        assert len(window.quiz.scheduler.pending) == 1  # still kept
    finally:
        holder.release()
    qtbot.waitUntil(lambda: len(reviews(window)) == 2, timeout=10_000)
    assert [card.split(":")[0] for card, _clicked in reviews(window)] == [WESTERN, WESTERN]
    assert window.quiz.scheduler.pending == []
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()


def test_a_file_changed_by_another_program_is_not_read_under_a_round(qtbot, make_window, tmp_path):
    """Edits left unsaved (edit mode ended), then a round: since issue 16 a round asks the chart
    as saved, so New quiz… asks first and Save and start saves the edit. Another program then
    renames the heel in the file: the window coming back reads nothing under the round (nothing
    here is unsaved, and browsing shows the chart as loaded). Before issue 16 the round ran on
    the unsaved edit, the window asked to reload, and Reload asked about the round first (before
    that, the chart was read again under the running round: "Heel pad" shown, the question's
    choices still "Heel")."""
    from PySide6.QtCore import QEvent

    from reflexmap import load_atlas

    from .test_editor_changed_on_disk import other_program_renames_the_heel
    from .test_editor_files import answer_later

    chart = tmp_path / "small.yaml"
    chart.write_bytes((Path(__file__).parents[1] / "data" / "small.yaml").read_bytes())
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    window.map.setFocus()
    click_zone(qtbot, window, "plantar-left", "heel")
    qtbot.keyClick(window.map, Qt.Key.Key_Up)  # the heel nudged: an edit not saved
    window.editor.tool.commit_nudge()
    window.edit_action.trigger()  # edit mode ends; the change stays
    assert window.editor.session.modified and not window.editor.active
    window.quiz.advance_after_right_ms = 60_000
    asked = answer_later("quiz-unsaved", QMessageBox.StandardButton.Save)
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones={"heel", "band", "toes"}, length=2)
    assert not asked.isActive() and not window.editor.session.modified  # saved, then the round
    assert load_atlas(chart).zone("heel").shapes == window.state.atlas.zone("heel").shapes
    other_program_renames_the_heel(chart)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # the window is active again
    qtbot.wait(100)
    assert window.findChild(QMessageBox, "changed-on-disk-now") is None
    assert window.quiz.active and window.state.atlas.zone("heel").name == "Heel"
    window.quiz.stop()
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()


def test_a_chart_replaced_without_asking_ends_the_round_first(qtbot, make_window, data_dir):
    """The guard under every way (one that forgot to ask, such as a future one): the state
    replacing the chart ends a running round first, its results shown, so Tab + Enter on the
    map never answers about a zone the map does not show. The same chart saved under another
    name (same zones) keeps the round."""
    from dataclasses import replace

    from reflexmap import load_atlas

    window = make_window()
    round_with_one_answer(qtbot, window)
    logged = reviews(window)
    window.state.update_atlas(replace(window.state.source, path=data_dir / "elsewhere.yaml"))
    assert window.quiz.active  # same zones, same views: the round goes on
    window.state.set_atlas(load_atlas(data_dir / "small.yaml"))
    assert not window.quiz.active and window.state.mode.name == "browse"
    assert visible_dialog(window, "quiz-summary") is not None
    tab_enter(qtbot, window)
    assert reviews(window) == logged
    visible_dialog(window, "quiz-summary").reject()


def test_the_heat_map_follows_the_chart_opened(qtbot, make_window, data_dir, monkeypatch):
    """View → Mastery heat map on, answers given on the alternative chart, then the Western
    chart and the alternative one again by the Chart menu: each is coloured by its own
    progress. Before: the values of the chart shown when the heat map was switched on stayed,
    so every zone of the chart opened after looked never practised (hatched)."""
    alternative = chart_path("alternative", data_dir, window := make_window())
    open_by_chart_menu(window, monkeypatch, alternative)
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=set(), length=1)
    question = window.quiz.session.current
    click_zone(qtbot, window, question.view_id, question.zone_id)  # right
    qtbot.keyClick(window.map, Qt.Key.Key_Return)  # the results
    visible_dialog(window, "quiz-summary").reject()
    western = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
    open_by_chart_menu(window, monkeypatch, western)
    window.actions_by_name["mastery"].trigger()  # View → Mastery heat map
    assert window.state.mastery is not None and set(window.state.mastery) == {
        z.id for z in window.state.atlas.zones
    }
    open_by_chart_menu(window, monkeypatch, alternative)
    mastery = window.state.mastery
    assert mastery is not None and set(mastery) == {z.id for z in window.state.atlas.zones}
    assert mastery[question.zone_id] is not None and mastery[question.zone_id] > 0
    assert window.actions_by_name["mastery"].isChecked()


def test_a_new_round_is_not_started_over_a_running_one(qtbot, make_window):
    """Quiz → New quiz… (F7) and Review mistakes (Shift+F7) wait until the round has ended, as
    Presenter mode does. Before: Start in the setup dialog replaced the running round unseen
    (no results), and the labels it had hidden stayed off after the new round ended."""
    window = make_window()
    assert window.state.labels_visible
    round_with_one_answer(qtbot, window)
    session = window.quiz.session
    window.actions_by_name["new_quiz"].trigger()  # F7
    assert visible_dialog(window, "quiz-setup") is None
    window.actions_by_name["review"].trigger()  # Shift+F7
    assert window.quiz.session is session
    window.actions_by_name["end_quiz"].trigger()
    answer(qtbot, window, "end-round")
    assert window.state.labels_visible and window.actions_by_name["new_quiz"].isEnabled()
    visible_dialog(window, "quiz-summary").reject()


def test_find_zone_does_not_show_the_zone_list_during_a_round(qtbot, make_window):
    """View → Find zone… (Ctrl+F) during a round: the zone list stays hidden, as View → Zone
    list does (it names every zone beside the question). Before: it was shown and focused."""
    window = make_window()
    round_with_one_answer(qtbot, window)
    qtbot.keyClick(window.map, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.actions_by_name["find"].trigger()
    assert not window.zones_dock.isVisible() and window.quiz.active
    window.quiz.stop()
    visible_dialog(window, "quiz-summary").reject()
    window.actions_by_name["find"].trigger()
    assert window.zones_dock.isVisible()


def test_compare_is_not_opened_during_a_round(qtbot, make_window):
    """Chart → Compare with… (Ctrl+Shift+C) during a round opens no comparison: it labels
    every zone of both charts beside the question (found by the tryout of 27 Nov, S12-10).
    After the round it opens again."""
    window = make_window()
    round_with_one_answer(qtbot, window)
    qtbot.keyClick(
        window.map, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    window.actions_by_name["compare"].trigger()
    assert not compare_windows(window) and window.quiz.active
    window.actions_by_name["end_quiz"].trigger()
    answer(qtbot, window, "end-round")
    visible_dialog(window, "quiz-summary").reject()
    window.actions_by_name["compare"].trigger()
    qtbot.waitUntil(lambda: len(compare_windows(window)) == 1)
    compare_windows(window)[0].close()


def test_a_comparison_open_when_a_round_begins_is_closed(qtbot, make_window):
    """A comparison opened before Quiz → New quiz… is closed when the round begins: it would
    show every zone's name beside the questions."""
    window = make_window()
    window.actions_by_name["compare"].trigger()
    qtbot.waitUntil(lambda: len(compare_windows(window)) == 1)
    round_with_one_answer(qtbot, window)
    assert not compare_windows(window) and window.quiz.active
    window.quiz.stop()
    visible_dialog(window, "quiz-summary").reject()


def compare_windows(window) -> list:
    from reflexmap.ui.compare_window import CompareWindow

    return [each for each in window.findChildren(CompareWindow) if each.isVisible()]
