"""A student's sessions from start to finish, one by mouse and one by keyboard only: find it on
each foot, name it (by typing, with completion), miss some, review the mistakes, close the
app and start it again with the same progress file, and find the progress kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QPushButton

from reflexmap.quiz import ReviewLog
from reflexmap.settings import Settings

from .conftest import click_zone

ZONES = ("thoracic-spine", "stomach", "lumbar-spine")


def visible_dialog(window, name: str) -> QDialog | None:
    found = [d for d in window.findChildren(QDialog, name) if d.isVisible()]
    assert len(found) <= 1
    return found[0] if found else None


def feedback(window) -> str:
    return window.quiz_panel.feedback.text()


def click(qtbot, widget) -> None:
    """Where a person aims: a check box's box, a button's middle."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def other_zone_in(window, view_id: str, not_this: str) -> str:
    return next(z.id for z in window.state.atlas.zones_in(view_id) if z.id not in (not_this, "pelvis"))


# --- by mouse -------------------------------------------------------------------------------
def mouse_round(qtbot, window, *, miss: str = "", wrong_foot: bool = False) -> tuple[list, QDialog]:
    """Answer every question with the mouse; `miss` is answered wrong every time it is asked
    (the wrong way chosen by `wrong_foot`). Returns what was asked and the results dialog."""
    session = window.quiz.session
    asked = []
    while visible_dialog(window, "quiz-summary") is None:
        question = session.current
        asked.append((question.kind, question.view_id, question.zone_id))
        wrong = question.zone_id == miss
        if question.kind == "find":
            view = question.view_id
            if wrong and wrong_foot:
                other = view.replace("left", "R").replace("right", "left").replace("R", "right")
                click_zone(qtbot, window, other, question.zone_id)
                assert feedback(window).startswith("✖ Wrong foot:"), feedback(window)
            elif wrong:
                click_zone(qtbot, window, view, other_zone_in(window, view, question.zone_id))
                assert feedback(window).startswith("✖ Wrong: that is the"), feedback(window)
            else:
                click_zone(qtbot, window, view, question.zone_id)
                assert feedback(window).startswith("✔ Right:"), feedback(window)
        else:
            index = (question.answer + 1) % len(question.choices) if wrong else question.answer
            click(qtbot, window.quiz_panel.buttons[index])
            assert feedback(window)[0] == ("✖" if wrong else "✔")
        click(qtbot, window.quiz_panel.next_button)  # "Next question" / "See results"
    return asked, visible_dialog(window, "quiz-summary")


def setup_by_mouse(qtbot, window, *, kinds, feet, zones, length) -> None:
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    for group, wanted in ((dialog.kinds, kinds), (dialog.feet, feet)):
        for key, box in group.items():
            if box.isChecked() != (key in wanted):
                click(qtbot, box)
    for i in range(dialog.custom.count()):
        item = dialog.custom.item(i)
        ticked = item.data(Qt.ItemDataRole.UserRole) in zones
        if (item.checkState() == Qt.CheckState.Checked) != ticked:
            rect = dialog.custom.visualItemRect(item)
            dialog.custom.scrollToItem(item)
            rect = dialog.custom.visualItemRect(item)
            box = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # the item's check box
            qtbot.mouseClick(dialog.custom.viewport(), Qt.MouseButton.LeftButton, pos=box)
            assert (item.checkState() == Qt.CheckState.Checked) == ticked
    dialog.length.lineEdit().selectAll()
    qtbot.keyClicks(dialog.length.lineEdit(), str(length))
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert window.quiz.active


def test_student_session_by_mouse(qtbot, make_window, settings, tmp_path: Path):
    progress = tmp_path / "student" / "progress.json"
    window = make_window(progress_path=progress)

    # 1. Find it on the left foot; the thoracic spine is missed (twice: it comes back once).
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=ZONES, length=3)
    asked, summary = mouse_round(qtbot, window, miss="thoracic-spine")
    assert {view for _, view, _ in asked} == {"plantar-left"}
    assert sorted(zone for _, _, zone in asked) == sorted([*ZONES, "thoracic-spine"])
    assert "1 of 3 right" not in summary.findChild(QLabel).text()
    assert "Thoracic spine" in summary.findChild(QLabel).text()
    assert summary.findChild(QPushButton, "review-mistakes").isEnabled()
    summary.reject()

    # 2. The right foot (the dialog remembers the rest); the stomach found on the wrong foot.
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"right"}, zones=ZONES, length=3)
    asked, summary = mouse_round(qtbot, window, miss="stomach", wrong_foot=True)
    assert {view for _, view, _ in asked} == {"plantar-right"}
    assert "Stomach" in summary.findChild(QLabel).text()
    summary.reject()

    # 3. Name it, by clicking the choices; the thoracic spine named wrong (twice).
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left", "right"}, zones=ZONES, length=3)
    asked, summary = mouse_round(qtbot, window, miss="thoracic-spine")
    assert {kind for kind, _, _ in asked} == {"name"} and len(asked) == 4
    assert "2 of 4" in summary.findChild(QLabel).text()
    summary.reject()
    assert window.state.labels_visible and window.info_dock.isVisible()  # the window is back

    # 4. Close the app; start it again with the same progress file.
    window.close()
    saved = ReviewLog(progress.with_name("reviews.sqlite3")).states()
    assert {key.split(":")[1] for key in saved} == set(ZONES)
    window = make_window(progress_path=progress, settings_=Settings(settings.path))
    window.mastery_action.trigger()  # the heat map shows what was practised
    mastery = window.map.chart.mastery
    assert all(mastery[z] is not None for z in ZONES) and mastery["heart"] is None
    assert (
        mastery["lumbar-spine"] > mastery["thoracic-spine"] and mastery["lumbar-spine"] > mastery["stomach"]
    )
    window.mastery_action.trigger()
    window.review_action.trigger()  # review the mistakes: the cards whose last answer was wrong
    asked, summary = mouse_round(qtbot, window)
    assert sorted((kind, zone) for kind, _, zone in asked) == [
        ("find", "stomach"),
        ("name", "thoracic-spine"),
    ]
    assert "2 of 2" in summary.findChild(QLabel).text()
    assert not summary.findChild(QPushButton, "review-mistakes").isEnabled()


# --- by keyboard only -----------------------------------------------------------------------
def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as on a real keyboard."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, k, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def tab_to(qtbot, widget) -> None:
    for _ in range(80):
        if QApplication.focusWidget() is widget:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {widget}")


def active(qtbot, window) -> None:
    """The window manager's part: the window shown, or under a closed dialog, is active."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def close_results(qtbot, window) -> None:
    key(qtbot, Qt.Key.Key_Escape)
    assert visible_dialog(window, "quiz-summary") is None
    active(qtbot, window)


def setup_by_keys(qtbot, window, *, kinds, feet) -> QDialog:
    qtbot.keyClick(window, Qt.Key.Key_F7)
    dialog = visible_dialog(window, "quiz-setup")
    assert dialog is not None
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
    )
    for group, wanted in ((dialog.kinds, kinds), (dialog.feet, feet)):
        for name, box in group.items():
            if box.isChecked() != (name in wanted):
                tab_to(qtbot, box)
                key(qtbot, Qt.Key.Key_Space)
                assert box.isChecked() == (name in wanted)
    key(qtbot, Qt.Key.Key_Return)  # Start
    assert window.quiz.active and not dialog.isVisible()
    active(qtbot, window)
    return dialog


def find_by_keys(qtbot, window, zone_id: str) -> None:
    """Tab over the zones until the one wanted is highlighted, then Enter."""
    assert QApplication.focusWidget() is window.map
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(80):
        if window.state.zone_id == zone_id:
            break
        key(qtbot, Qt.Key.Key_Tab)
        assert window.state.view_id == window.quiz.session.current.view_id  # never the other foot
    key(qtbot, Qt.Key.Key_Return)


def keyboard_round(qtbot, window, *, miss: str = "") -> tuple[list, QDialog]:
    session = window.quiz.session
    panel = window.quiz_panel
    names = [z.name for z in window.state.atlas.zones]
    asked = []
    while visible_dialog(window, "quiz-summary") is None:
        question = session.current
        asked.append((question.kind, question.view_id, question.zone_id))
        wrong = question.zone_id == miss
        if question.kind == "find":
            view = question.view_id
            find_by_keys(qtbot, window, other_zone_in(window, view, miss) if wrong else question.zone_id)
        else:
            assert QApplication.focusWidget() is panel.answer
            answer = question.choices[question.answer]
            if wrong:
                type_text(qtbot, question.choices[(question.answer + 1) % len(question.choices)])
                key(qtbot, Qt.Key.Key_Return)
            else:  # a few letters, the completion list opens, one Enter takes it and answers
                prefix = next(
                    answer[:k].lower()
                    for k in range(2, len(answer) + 1)
                    if sum(answer[:k].lower() in n.lower() for n in names) == 1 or k == len(answer)
                )
                type_text(qtbot, prefix)
                assert panel.answer.completer().popup().isVisible()
                key(qtbot, Qt.Key.Key_Return)
                assert panel.answer.text() == answer
        assert feedback(window)[0] == ("✖" if wrong else "✔"), feedback(window)
        assert QApplication.focusWidget() is not panel.stop_button
        key(qtbot, Qt.Key.Key_Return)  # go on
    summary = visible_dialog(window, "quiz-summary")
    active(qtbot, summary)
    return asked, summary


def test_student_session_by_keyboard_only(qtbot, make_window, settings, tmp_path: Path):
    progress = tmp_path / "student" / "progress.json"
    settings.setValue("quiz/setup/custom", list(ZONES))  # chosen in an earlier session
    settings.setValue("quiz/setup/length", 3)
    window = make_window(progress_path=progress, settings_=settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.map.setFocus()

    # 1. Find it on the left foot by Tab and Enter; the lumbar spine missed both times.
    setup_by_keys(qtbot, window, kinds={"find"}, feet={"left"})
    asked, summary = keyboard_round(qtbot, window, miss="lumbar-spine")
    assert {view for _, view, _ in asked} == {"plantar-left"} and len(asked) == 4
    close_results(qtbot, window)

    # 2. The right foot; the lumbar spine missed again.
    setup_by_keys(qtbot, window, kinds={"find"}, feet={"right"})
    asked, summary = keyboard_round(qtbot, window, miss="lumbar-spine")
    assert {view for _, view, _ in asked} == {"plantar-right"} and "2 of 4" in summary.findChild(
        QLabel
    ).text()
    close_results(qtbot, window)

    # 3. Name it by typing with completion; the stomach named wrong both times.
    setup_by_keys(qtbot, window, kinds={"name"}, feet={"left", "right"})
    asked, summary = keyboard_round(qtbot, window, miss="stomach")
    assert {kind for kind, _, _ in asked} == {"name"} and len(asked) == 4
    close_results(qtbot, window)

    # 4. Ending a round early asks; Escape keeps practising.
    setup_by_keys(qtbot, window, kinds={"name"}, feet={"left", "right"})
    key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = visible_dialog(window, "quiz-end-confirm")
    assert box is not None and window.quiz.active
    active(qtbot, box)
    key(qtbot, Qt.Key.Key_Escape)
    assert window.quiz.active and visible_dialog(window, "quiz-end-confirm") is None
    active(qtbot, window)
    key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = visible_dialog(window, "quiz-end-confirm")
    active(qtbot, box)
    tab_to(qtbot, box.findChild(QPushButton, "end-round"))
    key(qtbot, Qt.Key.Key_Return)
    assert not window.quiz.active
    active(qtbot, visible_dialog(window, "quiz-summary"))
    close_results(qtbot, window)

    # 5. Restart the app with the same progress file: Shift+F7 reviews the two mistakes.
    window.close()
    window = make_window(progress_path=progress, settings_=Settings(settings.path))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.map.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.quiz.active
    asked, summary = keyboard_round(qtbot, window)
    assert sorted((kind, zone) for kind, _, zone in asked) == [("find", "lumbar-spine"), ("name", "stomach")]
    assert "2 of 2" in summary.findChild(QLabel).text()
    close_results(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_M)  # the mastery heat map keeps every zone practised
    mastery = window.map.chart.mastery
    assert all(mastery[z] is not None for z in ZONES) and mastery["heart"] is None
