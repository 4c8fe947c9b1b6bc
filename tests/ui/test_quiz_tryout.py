"""What a demanding student met when playing the quiz on a real window: choices too long for
one line, and the map squeezed beside them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton

from .conftest import click_zone
from .test_quiz_student import click, setup_by_mouse, visible_dialog


def test_long_choices_wrap_in_full_and_leave_the_map_its_room(qtbot, make_window):
    """Techniques run to 180 characters (German to 165). Each choice shows its whole text on
    as many lines as it needs, inside its button, and the quiz panel stays about as wide as
    the zone card was: the map keeps most of the window (on the real 1440-pixel window a
    technique round left the feet 370 pixels wide)."""
    window = make_window()
    window.resize(1440, 900)
    qtbot.wait(20)
    map_before = window.map.viewport().width()
    window.quiz.advance_after_right_ms = 60_000
    zones = {z.id for z in window.state.atlas.zones if len(z.technique) > 150}
    assert zones, "the built-in chart has techniques longer than 150 characters"
    setup_by_mouse(qtbot, window, kinds={"technique"}, feet={"left", "right"}, zones=zones, length=2)
    qtbot.wait(20)
    panel = window.quiz_panel
    question = window.quiz.session.current
    assert window.map.viewport().width() >= 0.85 * map_before, (map_before, window.map.viewport().width())
    assert window.size().toTuple() == (1440, 900), "the window grew to make room for the choices"
    assert not panel.scroll.verticalScrollBar().isVisible(), "a scroll bar beside a question that fits"
    for button, choice in zip(panel.buttons, question.choices, strict=False):
        assert choice in button.text() and "…" not in button.text()
        assert button.width() <= panel.width()
        needed = button.heightForWidth(button.width())
        assert button.height() >= needed, "the choice's text is cut off"
    # answered by a click on the right choice: marked ✔, still in full
    click(qtbot, panel.buttons[question.answer])
    assert panel.buttons[question.answer].text().startswith("✔ ")
    assert question.choices[question.answer] in panel.buttons[question.answer].text()
    click(qtbot, panel.next_button)
    while visible_dialog(window, "quiz-summary") is None:
        click(qtbot, panel.buttons[window.quiz.session.current.answer])
        click(qtbot, panel.next_button)
    visible_dialog(window, "quiz-summary").reject()
    qtbot.waitUntil(lambda: window.map.viewport().width() >= map_before - 2)


def test_review_from_the_results_asks_this_rounds_mistakes_where_they_were_made(qtbot, make_window):
    """A round on the left sole; the results list what was missed; "Review mistakes" there asks
    those zones on the left sole again (it asked them on any view of either foot, and mixed
    in mistakes of older rounds that the results did not list)."""
    from .test_quiz_student import mouse_round

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    # an older mistake: the stomach, missed on the right foot
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"right"}, zones={"stomach"}, length=1)
    _asked, summary = mouse_round(qtbot, window, miss="stomach")
    summary.reject()
    qtbot.waitUntil(lambda: not window.quiz.active)

    setup_by_mouse(
        qtbot, window, kinds={"find"}, feet={"left"}, zones={"thoracic-spine", "lumbar-spine"}, length=2
    )
    _asked, summary = mouse_round(qtbot, window, miss="thoracic-spine")
    assert "Thoracic spine" in summary.findChild(QLabel).text()
    assert "Stomach" not in summary.findChild(QLabel).text()
    click(qtbot, summary.findChild(QPushButton, "review-mistakes"))
    qtbot.waitUntil(lambda: window.quiz.active)
    asked = []
    while window.quiz.session is not None and window.quiz.session.current is not None:
        question = window.quiz.session.current
        asked.append((question.zone_id, question.view_id))
        click_zone(qtbot, window, question.view_id, question.zone_id)
        click(qtbot, window.quiz_panel.next_button)
    assert asked == [("thoracic-spine", "plantar-left")]


def test_review_mistakes_with_none_says_so(qtbot, make_window):
    """Quiz → Review mistakes before any mistake: the message says there are none to review,
    not "no zone matches these choices (or …)" about choices nobody made."""
    window = make_window()
    window.review_action.trigger()
    qtbot.waitUntil(lambda: bool(_visible_boxes(window)))
    (box,) = _visible_boxes(window)
    assert box.text().startswith("No mistakes to review"), box.text()
    from PySide6.QtWidgets import QMessageBox

    assert box.icon() == QMessageBox.Icon.Information  # good news, not a warning (tryout)
    assert not window.quiz.active
    box.accept()


def test_review_mistakes_says_when_the_zone_missed_is_gone_from_the_chart(qtbot, make_window, tmp_path):
    """The stomach missed, then deleted from the chart: "your last answer to each of these
    questions was right" was untrue (tryout S22-17); the message says the zone is gone."""
    import yaml

    from reflexmap.atlas import load_atlas
    from reflexmap.atlas.loader import builtin_charts

    from .test_quiz_student import mouse_round

    window = make_window()
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones={"stomach"}, length=1)
    _asked, summary = mouse_round(qtbot, window, miss="stomach")
    summary.reject()
    qtbot.waitUntil(lambda: not window.quiz.active)
    window.close()
    source = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
    chart = yaml.safe_load(source.read_text(encoding="utf-8"))
    chart["zones"] = [z for z in chart["zones"] if z["id"] != "stomach"]
    edited = tmp_path / "without-stomach.yaml"
    edited.write_text(yaml.safe_dump(chart, allow_unicode=True), encoding="utf-8")
    later = make_window(load_atlas(edited))  # the same student, the same chart, one zone fewer
    later.review_action.trigger()
    qtbot.waitUntil(lambda: bool(_visible_boxes(later)))
    (box,) = _visible_boxes(later)
    assert "the zone you last answered wrong is no longer in it" in box.text(), box.text()
    assert "was right" not in box.text()
    box.accept()


def _visible_boxes(window):
    return [b for b in window.findChildren(QMessageBox, "quiz-warning") if b.isVisible()]


def test_next_and_end_stay_where_they_are_from_question_to_question(qtbot, make_window):
    """The student reaches for "End quiz" or "Next question" while a right answer's reading
    time runs out: the buttons must not move when the next question (with longer or shorter
    choices, or none) takes its place, or the click lands on nothing, or on a choice of a
    question not yet read."""
    window = make_window()
    window.resize(1440, 900)
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(
        qtbot,
        window,
        kinds={"find", "name", "technique", "claim"},
        feet={"left", "right"},
        zones=set(),
        length=8,
    )
    panel = window.quiz_panel
    places = set()
    while window.quiz.session is not None and window.quiz.session.current is not None:
        question = window.quiz.session.current
        qtbot.wait(5)
        places.add(("end", panel.stop_button.mapTo(window, panel.stop_button.rect().center()).toTuple()))
        if question.choices:
            click(qtbot, panel.buttons[question.answer])
        else:
            click_zone(qtbot, window, question.view_id, question.zone_id)
        qtbot.wait(5)
        places.add(("end", panel.stop_button.mapTo(window, panel.stop_button.rect().center()).toTuple()))
        places.add(("next", panel.next_button.mapTo(window, panel.next_button.rect().center()).toTuple()))
        click(qtbot, panel.next_button)
    assert len(places) == 2, sorted(places)


def _key_texts(window) -> list[str]:
    return [item.text() for item in window.map.chart.key.swatches if hasattr(item, "text")]


def test_the_key_names_guide_lines_only_where_the_chart_draws_some(qtbot, make_window, data_dir):
    """A chart whose view has no guide lines (the small chart's medial view, a one-foot chart
    of the therapist's own) had "guide lines (approximate)" in its key all the same."""
    window = make_window()
    assert any("guide lines" in t for t in _key_texts(window))  # the built-in sole has them
    assert window.open_chart(data_dir / "small.yaml")
    qtbot.wait(10)
    assert any("guide lines" in t for t in _key_texts(window))  # its sole has the waistline
    window.aspect_actions["medial"].trigger()
    qtbot.wait(10)
    texts = _key_texts(window)
    assert "Spine" in texts and not any("guide lines" in t for t in texts), texts


ONE_FOOT = """atlas_format: 1
id: one-foot
title: "Left foot only"
tradition: "Test"
sources:
  - {id: s1, title: "Source one"}
views:
  - id: plantar-left
    foot: left
    aspect: plantar
    outline: [[-40, 0], [40, 0], [40, 240], [-40, 240]]
zones:
  - id: heel
    name: "Heel"
    region: pelvis
    claim: "the heel"
    technique: "Press."
    sources: [s1]
    confidence: estimate
    shapes:
      plantar-left: [[-35, 5], [35, 5], [35, 100], [-35, 100]]
  - id: ball
    name: "Ball"
    region: chest
    claim: "the chest"
    technique: "Walk."
    sources: [s1]
    confidence: estimate
    shapes:
      plantar-left: [[-35, 120], [35, 120], [35, 230], [-35, 230]]
"""


def test_new_quiz_offers_only_the_feet_the_chart_draws(qtbot, make_window, tmp_path):
    """A therapist's chart of the left foot only: Quiz → New quiz… offered "Right foot" too,
    and a round on the right foot alone found nothing to ask. Last time's "right foot only"
    (another chart) does not leave the dialog with no foot ticked."""
    window = make_window()
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"right"}, zones=set(), length=1)
    window.quiz.stop()
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()
    chart = tmp_path / "left-only.yaml"
    chart.write_text(ONE_FOOT, encoding="utf-8")
    assert window.open_chart(chart)
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    assert list(dialog.feet) == ["left"] and dialog.feet["left"].isChecked()
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert window.quiz.active and window.quiz.session.current.view_id == "plantar-left"


def test_a_zone_selected_before_the_quiz_leaves_no_answer_in_the_status_bar(qtbot, make_window):
    """The therapist clicks the sacrum, then starts a quiz: the status bar went on saying
    "Sacrum: charts place the sacrum here" through the round, which answers "what do charts
    place at the highlighted zone?" when the sacrum comes up."""
    window = make_window()
    click_zone(qtbot, window, "plantar-left", "sacrum")
    assert "sacrum" in window.statusBar().currentMessage().lower()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"claim"}, feet={"left"}, zones={"sacrum"}, length=1)
    assert window.quiz.session.current.zone_id == "sacrum"
    assert "sacrum" not in window.statusBar().currentMessage().lower(), window.statusBar().currentMessage()


def test_text_size_and_theme_changed_during_a_round_reach_the_whole_question(qtbot, make_window):
    """Settings → Text size → Largest during a round: the status and buttons grew, but the
    question, the hint and the choices kept their old size (they have a font or a style sheet
    of their own). Settings → Theme → Dark: the hint kept the light theme's grey."""
    from PySide6.QtGui import QPalette

    from reflexmap.render import palette

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"technique"}, feet={"left"}, zones=set(), length=2)
    panel = window.quiz_panel
    parts = {
        "prompt": panel.prompt,
        "hint": panel.hint,
        "choice": panel.buttons[0].label,
        "typed answer": panel.answer,
        "status": panel.status,
    }
    before = {name: w.fontInfo().pixelSize() for name, w in parts.items()}
    window.text_size_actions[1.5].trigger()
    qtbot.wait(20)
    after = {name: w.fontInfo().pixelSize() for name, w in parts.items()}
    small = [name for name in parts if after[name] < 1.3 * before[name]]
    assert not small, (before, after)
    assert after["prompt"] > after["choice"]  # the question stands out still

    window.theme_actions["dark"].trigger()
    qtbot.wait(20)
    assert panel.hint.palette().color(QPalette.ColorRole.WindowText).name() == palette.current.muted
    assert panel.hint.fontInfo().pixelSize() == after["hint"]
    for button in panel.buttons:  # light text on dark buttons, as on a round started in the dark
        assert button.label.palette().color(QPalette.ColorRole.WindowText).lightness() > 150
        assert button.fontInfo().pixelSize() == after["choice"]


def _browsing(window) -> bool:
    return (
        window.zones_dock.isVisible()
        and window.info_dock.isVisible()
        and not window.quiz_dock.isVisible()
        and window.state.labels_visible
        and window.state.mode.name != "quiz"
    )


def test_closing_the_window_mid_round_starts_the_next_time_browsing(qtbot, make_window, settings):
    """The student closes the app in the middle of a round: the next start showed an empty
    Quiz panel, no zone list, no zone card and no labels (the window's layout was saved as
    the round had it). The answers given are kept."""
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=5)
    question = window.quiz.session.current
    click(qtbot, window.quiz_panel.buttons[question.answer])
    window.close()
    again = make_window(settings_=settings)
    assert _browsing(again)
    assert again.quiz.scheduler.states  # the answer given is kept


def the_question():
    """The "End this round now?" box open now, if any."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "quiz-end-confirm"]
    return next((b for b in boxes if isinstance(b, QMessageBox) and b.isVisible()), None)


def test_switching_language_mid_round_asks_first_then_shows_its_results(qtbot, make_window):
    """Settings → Language → Deutsch during a round: the rebuilt window had an empty Quiz
    panel, then the round ended without a word (tryout S14-6), where opening another chart asks
    "End this round now?". Now it asks too: Keep practising keeps the round, the English
    window and English ticked in the menu; End round switches, and the rebuilt window is
    browsing with the round's results in German."""
    from PySide6.QtWidgets import QPushButton

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=5)
    question = window.quiz.session.current
    click(qtbot, window.quiz_panel.buttons[(question.answer + 1) % len(question.choices)])
    window.language_actions["de"].trigger()
    box = the_question()
    assert box is not None and box.text() == "End this round now?"
    assert "language you chose" in box.informativeText(), box.informativeText()
    click(qtbot, box.findChild(QPushButton, "keep-practising"))
    qtbot.waitUntil(lambda: the_question() is None)
    assert window.successor is None and window.quiz.active  # the round goes on, in English
    assert window.language_actions["system"].isChecked() and not window.language_actions["de"].isChecked()

    window.language_actions["de"].trigger()
    click(qtbot, the_question().findChild(QPushButton, "end-round"))
    assert window.successor is not None
    _german_results(qtbot, window, "0 von 1")


def _german_results(qtbot, window, score: str) -> None:
    """The window rebuilt in German is browsing, with the round's results in German."""
    german = window.successor
    qtbot.addWidget(german)
    qtbot.waitUntil(lambda: visible_dialog(german, "quiz-summary") is not None)
    assert _browsing(german) and german.language_actions["de"].isChecked()
    summary = visible_dialog(german, "quiz-summary").findChild(QLabel).text()
    assert "Runde" in summary and score in summary, summary
    visible_dialog(german, "quiz-summary").reject()


def test_a_language_chosen_mid_round_and_kept_waiting_is_used_once_the_round_has_ended(qtbot, make_window):
    """Settings → Language → Deutsch during a round, then Keep practising: the box says "The
    language you chose is used once the round has ended", and it is; it was dropped, the
    window staying English and the menu on "Follow the system" (tryout)."""
    from PySide6.QtWidgets import QPushButton

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=2)
    window.language_actions["de"].trigger()
    box = the_question()
    assert "used once the round has ended" in box.informativeText(), box.informativeText()
    click(qtbot, box.findChild(QPushButton, "keep-practising"))
    qtbot.waitUntil(lambda: the_question() is None)
    assert window.successor is None and window.quiz.active  # the round goes on, in English
    while window.quiz.session is not None and window.quiz.session.current is not None:
        question = window.quiz.session.current
        click(qtbot, window.quiz_panel.buttons[question.answer])
        assert window.successor is None  # (not while the round runs)
        click(qtbot, window.quiz_panel.next_button)
    qtbot.waitUntil(lambda: window.successor is not None)
    _german_results(qtbot, window, "2 von 2")


def test_a_layout_saved_mid_round_by_an_older_version_opens_browsing(qtbot, make_window, settings):
    """Settings written by a version that saved the window's layout mid-round (quit or a
    language switch during a quiz) opened on an empty Quiz panel with no zone list or card."""
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=5)
    settings.setValue("window/state", window.saveState().data())  # as the old version did
    window.quiz.stop()
    again = make_window(settings_=settings)
    assert again.zones_dock.isVisible() and again.info_dock.isVisible()
    assert not again.quiz_dock.isVisible()


def test_tab_from_the_typed_answer_has_no_invisible_stop(qtbot, make_window):
    """Keyboard only: Tab from the typed answer goes to End quiz and then to the map; it
    stopped on the question's scroll area on the way, where focus shows nowhere."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"technique"}, feet={"left"}, zones=set(), length=2)
    panel = window.quiz_panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.answer)
    qtbot.keyClick(panel.answer, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.stop_button
    qtbot.keyClick(panel.stop_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.map, QApplication.focusWidget()
    panel.answer.setFocus()  # and back from the typed answer with Shift+Tab: the four choices
    backwards = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        backwards.append(QApplication.focusWidget())
    assert backwards == panel.buttons[::-1], backwards


def _edge_contrast(image, rect, background) -> int:
    """The largest lightness difference from `background` inside `rect` of `image`."""
    from PySide6.QtGui import QColor

    return max(
        abs(QColor(image.pixel(x, y)).lightness() - background.lightness())
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
    )


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_unticked_boxes_show_on_dark_themes(qtbot, make_window, theme):
    """Quiz → New quiz… in the dark theme: an unticked box (Timed round, the custom set's
    zones) had an edge a shade off the window colour; in high contrast none at all, so the
    student could not see there was anything to tick."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    window = make_window()
    window.theme_actions[theme].trigger()
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    qtbot.wait(20)
    box = dialog.timed
    assert not box.isChecked()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    window_colour = box.palette().color(QPalette.ColorRole.Window)
    assert _edge_contrast(box.grab().toImage(), rect, window_colour) >= 80
    item = dialog.custom.item(0)
    assert item.checkState() != Qt.CheckState.Checked
    row = dialog.custom.visualItemRect(item)
    indicator = QRect(row.left(), row.top(), row.height(), row.height())
    base = dialog.custom.palette().color(QPalette.ColorRole.Base)
    assert _edge_contrast(dialog.custom.viewport().grab().toImage(), indicator, base) >= 80
    dialog.reject()


def test_show_guide_lines_is_off_for_a_chart_that_draws_none(qtbot, make_window, tmp_path):
    """The therapist's chart has no guide lines: "Show guide lines" (G) stayed enabled and
    did nothing. It is greyed out there, and back for the built-in chart."""
    window = make_window()
    assert window.guides_action.isEnabled()
    chart = tmp_path / "left-only.yaml"
    chart.write_text(ONE_FOOT, encoding="utf-8")
    assert window.open_chart(chart)
    assert not window.guides_action.isEnabled()
    window.charts_menu.refill()
    builtin = next(a for a in window.charts_menu.actions() if "Ingham" in a.text())
    builtin.trigger()
    qtbot.waitUntil(lambda: window.state.atlas.id == "ingham-western")
    assert window.guides_action.isEnabled()


def test_a_new_profile_cannot_take_the_first_profiles_name(qtbot, make_window):
    """File → Profile…: the first profile is listed as "Default"; a new one called "Default"
    made two identical rows, and nobody could tell whose progress was whose."""
    from PySide6.QtWidgets import QLineEdit, QListWidget

    window = make_window()
    window.profile_action.trigger()
    dialog = visible_dialog(window, "profiles")
    name = dialog.findChild(QLineEdit, "profile-name")
    qtbot.keyClicks(name, "default")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    rows = dialog.findChild(QListWidget, "profile-list")
    assert [rows.item(i).text() for i in range(rows.count())] == ["Default"]
    assert "already" in dialog.findChild(QLabel, "profile-problem").text()
    name.clear()
    qtbot.keyClicks(name, "Anna")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert [rows.item(i).text() for i in range(rows.count())] == ["Default", "Anna"]
    dialog.reject()


def test_a_very_long_zone_text_leaves_the_presenter_its_chart(qtbot, make_window, tmp_path):
    """Presenter mode on a chart with a 260-character name and claim: the caption took half
    the screen in 40-pixel type and the chart shrank to a third. It now keeps to a quarter of
    the view (smaller type for such a text), and the chart to the rest."""
    window = make_window()
    window.resize(1440, 900)
    chart = tmp_path / "long.yaml"
    long_name = "Sehr langer Zonenname " * 12
    text = ONE_FOOT.replace('name: "Ball"', f'name: "{long_name.strip()}"').replace(
        'claim: "the chest"', f'claim: "{"ein sehr langer Anspruch " * 10}"'
    )
    chart.write_text(text, encoding="utf-8")
    assert window.open_chart(chart)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait(20)
    caption = window.findChild(QLabel, "presenter-caption")
    height = window.map.height()
    shown = []
    for _ in range(2):  # toes to heel: the ball, then the heel
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
        qtbot.wait(20)
        shown.append((caption.text(), caption.height(), window.map.viewport().height()))
    long_caption = next(s for s in shown if "Sehr langer" in s[0])
    assert long_caption[1] <= height / 4 + 1, (long_caption[1], height)
    assert long_caption[2] >= 0.7 * height
    short = next(s for s in shown if "Heel" in s[0])
    assert short[1] < long_caption[1] and caption.font().pixelSize() >= max(18, height // 24)
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)


def test_a_zone_named_with_a_code_keeps_its_case_in_questions(qtbot, make_window, tmp_path):
    """A therapist's chart names a zone "T12 vertebra": the quiz asked "Click the t12
    vertebra" and the answer said "Right: the t12 vertebra"."""
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    chart = tmp_path / "codes.yaml"
    chart.write_text(ONE_FOOT.replace('name: "Ball"', 'name: "T12 vertebra"'), encoding="utf-8")
    assert window.open_chart(chart)
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones={"ball"}, length=1)
    # the question names what charts place there (the claim: content.markup.where_question)
    assert window.quiz_panel.prompt.text().startswith("Where do charts place the chest?"), (
        window.quiz_panel.prompt.text()
    )
    click_zone(qtbot, window, "plantar-left", "ball")
    assert window.quiz_panel.feedback.text() == "✔ Right: the T12 vertebra."


def test_a_round_on_a_smaller_chart_does_not_untick_feet_views_and_regions_for_good(
    qtbot, make_window, tmp_path
):
    """Rounds on the built-in chart with every view, both feet and every region; then one on
    the therapist's left-foot sole chart (no right foot, one view, two regions); back on the
    built-in chart, New quiz… had the right foot, three views and seven regions unticked: the
    back and spine zones dropped out of the student's rounds without a word."""
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000

    def setup() -> None:
        window.new_quiz_action.trigger()
        dialog = visible_dialog(window, "quiz-setup")
        for group in (dialog.aspects, dialog.feet, dialog.regions):
            for box in group.values():
                if not box.isChecked():
                    click(qtbot, box)
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        window.quiz.stop()
        for summary in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
            summary.reject()

    setup()
    chart = tmp_path / "left-only.yaml"
    chart.write_text(ONE_FOOT, encoding="utf-8")
    assert window.open_chart(chart)
    setup()
    window.charts_menu.refill()
    next(a for a in window.charts_menu.actions() if "Ingham" in a.text()).trigger()
    qtbot.waitUntil(lambda: window.state.atlas.id == "ingham-western")
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    unticked = [
        k
        for group in (dialog.aspects, dialog.feet, dialog.regions)
        for k, b in group.items()
        if not b.isChecked()
    ]
    assert unticked == [], unticked
    dialog.reject()


def test_closing_the_quiz_panel_mid_round_asks_to_end_the_round(qtbot, make_window):
    """The × on the Quiz panel during a round hid the panel and left the round running: a
    zone highlighted, no question, no choices, the 1-4 keys dead. Now it asks, as End quiz."""
    from PySide6.QtWidgets import QAbstractButton

    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=3)
    close = window.quiz_dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    click(qtbot, close)
    confirm = window.findChild(QMessageBox, "quiz-end-confirm")
    assert confirm is not None and confirm.isVisible()
    assert window.quiz_dock.isVisible() and window.quiz.active
    click(qtbot, confirm.findChild(QPushButton, "keep-practising"))
    assert window.quiz_dock.isVisible() and window.quiz.active
    click(qtbot, close)
    confirm = next(b for b in window.findChildren(QMessageBox, "quiz-end-confirm") if b.isVisible())
    click(qtbot, confirm.findChild(QPushButton, "end-round"))
    qtbot.waitUntil(lambda: not window.quiz.active)
    assert _browsing(window)


def test_a_panel_closed_with_its_x_comes_back_from_the_view_menu(qtbot, make_window):
    """The therapist closes the Zone card with its ×: clicking zones then showed nothing of
    what charts place there, nor the evidence note, and no menu brought the card back."""
    from PySide6.QtWidgets import QAbstractButton

    window = make_window()
    click(qtbot, window.info_dock.findChild(QAbstractButton, "qt_dockwidget_closebutton"))
    click(qtbot, window.zones_dock.findChild(QAbstractButton, "qt_dockwidget_closebutton"))
    assert not window.info_dock.isVisible() and not window.zones_dock.isVisible()
    window.zone_card_action.trigger()
    window.zone_list_action.trigger()
    assert window.info_dock.isVisible() and window.zones_dock.isVisible()
    click_zone(qtbot, window, "plantar-left", "sacrum")
    assert "charts place the sacrum" in window.info.toPlainText().lower()
    # in a round they would give the answers away
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=2)
    assert not window.zone_card_action.isEnabled() and not window.zone_list_action.isEnabled()


def test_a_long_search_leaves_the_window_its_size(qtbot, make_window):
    """Ctrl+F and a pasted page (500 characters without a space): the "No zone matches …"
    line under the search repeated it in one unbreakable line, and the panel and the window
    grew to 3,600 pixels, wider than any screen, leaving the feet 68 pixels."""
    window = make_window()
    window.resize(1440, 900)
    qtbot.wait(20)
    map_before = window.map.viewport().width()
    window.find_action.trigger()
    qtbot.keyClicks(window.zones.search, "x" * 500)
    qtbot.wait(20)
    assert window.width() == 1440
    assert window.map.viewport().width() >= map_before - 2
    hint = window.zones.hint.text()
    assert hint.startswith("No zone in any view matches") and len(hint) < 120, hint


def test_the_profile_name_field_stays_put_whatever_the_problem_said(qtbot, make_window):
    """File → Profile…: a problem of one line, then one of two or three, moved the name field
    and Create up and down under the pointer (tryout: a second click missed the field)."""
    from PySide6.QtWidgets import QLineEdit

    window = make_window()
    window.profile_action.trigger()
    dialog = visible_dialog(window, "profiles")
    name = dialog.findChild(QLineEdit, "profile-name")
    create = dialog.findChild(QPushButton, "create-profile")
    problem = dialog.findChild(QLabel, "profile-problem")
    dialog.resize(300, 360)  # narrow: the longest problem takes two lines
    qtbot.wait(20)
    places = {
        (name.mapTo(dialog, name.rect().topLeft()).y(), create.mapTo(dialog, create.rect().topLeft()).y())
    }
    heights = set()
    for typed in ("con", "a/<b>b</b>", "default", "x" * 41):
        name.clear()
        qtbot.keyClicks(name, typed)
        click(qtbot, create)
        qtbot.wait(20)
        assert problem.text(), typed
        heights.add(problem.height())
        places.add(
            (name.mapTo(dialog, name.rect().topLeft()).y(), create.mapTo(dialog, create.rect().topLeft()).y())
        )
    assert len(heights) > 1, heights  # (messages of different lengths were shown)
    assert len(places) == 1, places
    dialog.reject()


def test_the_profile_dialog_says_which_profile_is_in_use(qtbot, make_window):
    """File → Profile…: the list's highlight is the profile chosen to use, and one just made
    was highlighted as if in use (tryout); the dialog says which one is in use, its row bold,
    before and after a new one is made and when another is in use."""
    from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton

    window = make_window()
    window.profile_action.trigger()  # File → Profile…
    dialog = visible_dialog(window, "profiles")
    in_use = dialog.findChild(QLabel, "profile-in-use")
    rows = dialog.findChild(QListWidget, "profile-list")

    def bold() -> list[str]:
        return [rows.item(i).text() for i in range(rows.count()) if rows.item(i).font().bold()]

    assert in_use.text() == "In use now: Default" and bold() == ["Default"]
    name = dialog.findChild(QLineEdit, "profile-name")
    qtbot.keyClicks(name, "Anna")
    qtbot.keyClick(name, Qt.Key.Key_Return)  # made, and highlighted to use
    assert rows.currentItem().text() == "Anna"
    assert in_use.text() == "In use now: Default" and bold() == ["Default"]
    click(qtbot, dialog.findChild(QPushButton, "use-profile"))
    qtbot.waitUntil(lambda: window.quiz.profile == "Anna")
    window.profile_action.trigger()
    dialog = visible_dialog(window, "profiles")
    rows = dialog.findChild(QListWidget, "profile-list")
    assert dialog.findChild(QLabel, "profile-in-use").text() == "In use now: Anna" and bold() == ["Anna"]
    dialog.reject()
