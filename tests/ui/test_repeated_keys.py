"""A key written twice in one object of a settings or progress file: JSON readers keep the
later value, and so does ReflexMap, but it is said (file:line:column of the second one and
where the first stood), in the interface's language. Before, the earlier value vanished
without a word (and with the next save, from the file too)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from reflexmap import i18n
from reflexmap.settings import Settings

SETTINGS = """{"format": "reflexmap-settings", "version": 1, "values": {
 "appearance/language": "%s",
 "view/labels": true,
 "notes/first-run-seen": true,
 "view/labels": false
}}"""

SAID = {
    "en": (
        "the key \u201c\u2068view/labels\u2069\u201d was already written at line 3, column 2",
        "its later value is used",
    ),
    "de": (
        "der Schlüssel „\u2068view/labels\u2069“ steht schon in Zeile 3, Spalte 2",
        "der spätere Wert gilt",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_setting_written_twice_is_said_at_its_place_and_the_later_value_used(
    qtbot, make_window, tmp_path, language
):
    path = tmp_path / "settings.json"
    path.write_text(SETTINGS % language, encoding="utf-8")
    try:
        window = make_window(settings_=Settings(path))
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings-warning") is not None)
        said = window.findChild(QMessageBox, "settings-warning").text()
        assert f"\u2068{path}\u2069:5:2: " in said, said
        for words in SAID[language]:
            assert words in said, said
        assert window.state.labels_visible is False  # the later value, as before
        kept = [p for p in tmp_path.iterdir() if ".repeated-keys-" in p.name]
        assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == SETTINGS % language
    finally:
        i18n.set_language("en")


def test_settings_without_a_key_written_twice_say_nothing(qtbot, make_window, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text((SETTINGS % "en").replace(' "view/labels": true,\n', ""), encoding="utf-8")
    settings = Settings(path)
    assert settings.warnings == [] and settings.value("view/labels") is False


def test_a_card_written_twice_in_the_progress_file_is_said_when_the_quiz_reads_it(
    qtbot, make_window, tmp_path
):
    path = tmp_path / "student" / "progress.json"
    path.parent.mkdir()
    card = '{"box": %d, "due": 1763658200.0, "seen": 3, "right": 1, "wrong": 2}'
    path.write_text(
        '{"format": "reflexmap-progress", "version": 1, "cards": {\n'
        f' "reflexology-main:neck:name": {card % 1},\n'
        f' "reflexology-main:neck:name": {card % 3}\n'
        "}}",
        encoding="utf-8",
    )
    window = make_window(progress_path=path)
    window.mastery_action.trigger()  # the first use of progress reads the file
    box = window.findChild(QMessageBox, "quiz-warning")
    assert box is not None
    said = box.text()
    assert "progress.json\u2069:3:2: the key \u201c\u2068reflexology-main:neck:name\u2069\u201d" in said, said
    assert "already written at line 2, column 2" in said, said
