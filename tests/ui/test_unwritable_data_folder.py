"""The data folder turned read-only while the app runs (a real tmpfs mount, remounted
read-only): what the student does that writes there says so once, in words, in the
interface's language, and keeps working; nothing that was on disk is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from reflexmap import i18n

from .test_quiz_student import visible_dialog


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_new_profile_in_a_read_only_data_folder_is_refused_in_words(
    qtbot, make_window, settings, data_disk, language
):
    """File → Profile…, a new learner's name, Enter: the folder cannot be made. Before, the
    dialog showed Python's "[Errno 30] Read-only file system: '…/profiles/Anna'" (English in
    the German window too); now a sentence in the interface's language that names the folder,
    and the profiles listed stay as they were."""
    folder, read_only = data_disk.path, data_disk.read_only  # a small disk (conftest.py)
    settings.setValue("appearance/language", language)
    try:
        window = make_window(progress_path=folder / "progress.json")
        (folder / "profiles" / "Ben").mkdir(parents=True)  # a learner made before
        read_only()
        window.profile_action.trigger()
        dialog = visible_dialog(window, "profiles")
        name = dialog.findChild(QLineEdit, "profile-name")
        qtbot.keyClicks(name, "Anna")
        qtbot.keyClick(name, Qt.Key.Key_Return)
        said = dialog.findChild(QLabel, "profile-problem").text()
        assert "Errno" not in said and "'" not in said, said
        assert str(folder / "profiles") in said and "Anna" in said, said
        words = "Schreibgeschütztes Dateisystem" if language == "de" else "(Read-only file system)"
        assert words in said, said
        rows = dialog.findChild(QListWidget, "profile-list")
        assert sorted(rows.item(i).text() for i in range(rows.count())) == ["Ben", i18n._("Default")]
        assert sorted(p.name for p in (folder / "profiles").iterdir()) == ["Ben"]
        dialog.reject()
    finally:
        i18n.set_language("en")
