"""S19-12: in New quiz at German Largest the custom set's tick boxes stood on each other and
their left border was cut by the list's frame: rows are kept apart, the first column clear of
the frame, at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidget

from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_quiz_student import visible_dialog


def rows_apart(view: QListWidget) -> list[str]:
    """Rows that touch the one above them or the list's left edge."""
    touching = []
    shown = [view.item(i) for i in range(view.count()) if not view.item(i).isHidden()][:6]
    rects = [view.visualItemRect(item) for item in shown]
    for above, (item, rect) in zip([None, *rects], zip(shown, rects, strict=True), strict=False):
        if rect.left() < 2:
            touching.append(f"{item.text()}: {rect.left()} px from the left edge")
        if above is not None and rect.top() - above.bottom() < 3:
            touching.append(f"{item.text()}: {rect.top() - above.bottom() - 1} px below the row above")
    return touching


@pytest.mark.parametrize(("language", "scale"), [("de", 1.5), ("en", 1.0)])
def test_the_custom_sets_rows_keep_apart(qtbot, window_in, language, scale):
    window = window_in(language, size=(1000, 700), text_scale=scale)
    window.new_quiz_action.trigger()  # Quiz → Neues Quiz…
    dialog = visible_dialog(window, "quiz-setup")
    qtbot.wait(50)
    assert dialog.custom.count() > 6
    assert rows_apart(dialog.custom) == []
    dialog.reject()


def test_a_zones_sources_rows_keep_apart(qtbot, editing):  # noqa: F811
    """Edit → Zone texts: the zone's sources, ticked, are a list of tick boxes too."""
    form = editing.editor.form
    qtbot.waitUntil(lambda: form.sources.count() > 0)
    assert form.sources.spacing() >= 2
    assert rows_apart(form.sources) == []
    editing.editor.saving.discard()
