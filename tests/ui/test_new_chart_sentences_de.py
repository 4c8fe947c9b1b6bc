# ruff: noqa: F811 (the chart fixture comes from test_editor)
"""S19-10: sentences about a new chart read as German says them: "Änderungen an einer neuen
Karte" (the recovery prompt said "an eine neue Karte"), "Änderungen an der neuen Karte
speichern?", and a chart's title inside a sentence between quotes („Meine Karte“,
checked in English through the same question in test_editor_flows)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from reflexmap.atlas import load_atlas

from .test_editor import chart  # noqa: F401 (fixture)
from .test_editor_files import box_named


def new_chart_in_german(qtbot, make_window, chart):
    window = make_window(load_atlas(chart)).set_language("de")  # Einstellungen → Sprache
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.new_chart_action.trigger()  # Datei → Neue Karte…
    new = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible())
    qtbot.keyClicks(new.tradition, "Test")
    new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.editor.active, timeout=5000)
    return window


def test_the_recovery_prompt_for_a_new_chart_declines_it(qtbot, make_window, chart):
    window = new_chart_in_german(qtbot, make_window, chart)
    window.editor.saving.autosave()
    window.editor.session.close()  # ReflexMap stops
    window.close()
    later = make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    box = box_named("recover-autosave")
    assert box.text().startswith("Änderungen an einer neuen Karte waren"), box.text()
    box.reject()  # Später
    later.close()


def test_statistics_name_the_chart_in_quotes(qtbot, make_window, chart):
    window = make_window(load_atlas(chart)).set_language("de")
    qtbot.addWidget(window)
    window.show()
    window.statistics_action.trigger()  # Quiz → Statistik…
    scope = next(
        label
        for label in window.findChildren(QLabel, "statistics-scope")
        if label.isVisible() and label.text()
    )
    said = scope.text().replace("\u2068", "").replace("\u2069", "")  # the title isolated
    assert f"der Karte „{window.state.atlas.title}“, wie sie jetzt ist." in said, said
    scope.window().close()
