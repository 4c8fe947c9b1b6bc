"""A chart made in the German app (tryout S22-19): the title and tradition typed are its German
translation ("Übersetzung: Deutsch" was empty), the base (English) texts hold the same words,
and Chart properties says plainly that they are not English yet. The English app makes an
English chart with no translation."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel


def _new_chart(qtbot, window, title: str, tradition: str) -> None:
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, title)
    qtbot.keyClicks(dialog.tradition, tradition)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.editor.session.document is not None and window.editor.active, timeout=5000)


def _properties(window) -> QDialog:
    window.chart_properties_action.trigger()
    shown = [d for d in window.findChildren(QDialog, "chart-properties") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_a_chart_made_in_german_has_its_texts_in_the_german_translation(qtbot, window_in):
    window = window_in("de")
    _new_chart(qtbot, window, "Annas Schule", "Fußreflex nach Anna")
    source = window.state.source  # the chart as the file has it
    assert source.translations["de"] == {"title": "Annas Schule", "tradition": "Fußreflex nach Anna"}
    assert (source.title, source.tradition) == ("Annas Schule", "Fußreflex nach Anna")
    dialog = _properties(window)
    assert dialog.fields[("title", "de")].text() == "Annas Schule"  # "Übersetzung: Deutsch" filled
    assert dialog.fields[("tradition", "de")].text() == "Fußreflex nach Anna"
    copied = dialog.findChild(QLabel, "chart-base-copied")
    assert copied is not None and copied.isVisible()
    assert "Deutsch" in copied.text() and "Titel" in copied.text()
    # the English title written: the note no longer names it
    dialog.fields[("title", None)].setText("Anna's school")
    dialog.accept()
    qtbot.waitUntil(lambda: window.state.source.title == "Anna's school", timeout=3000)
    assert window.state.source.translations["de"]["title"] == "Annas Schule"
    dialog = _properties(window)
    copied = dialog.findChild(QLabel, "chart-base-copied")
    assert copied is not None and "Titel" not in copied.text() and "Tradition" in copied.text()
    dialog.reject()
    window.editor.saving.discard()


def test_the_untouched_default_title_is_english_in_the_base_texts(qtbot, window_in):
    window = window_in("de")
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    assert dialog.title.text() == "Meine Karte"
    qtbot.keyClicks(dialog.tradition, "Eigene")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.editor.session.document is not None and window.editor.active, timeout=5000)
    source = window.state.source
    assert source.title == "My chart" and source.translations["de"]["title"] == "Meine Karte"
    window.editor.saving.discard()


@pytest.mark.parametrize("language", ["en"])
def test_a_chart_made_in_english_has_no_translation_and_no_note(qtbot, window_in, language):
    window = window_in(language)
    _new_chart(qtbot, window, "Anna's school", "Anna's way")
    source = window.state.source
    assert source.title == "Anna's school" and not source.translations
    dialog = _properties(window)
    assert dialog.findChild(QLabel, "chart-base-copied") is None
    assert dialog.findChild(QLabel, "chart-base-note") is None
    dialog.reject()
    window.editor.saving.discard()
