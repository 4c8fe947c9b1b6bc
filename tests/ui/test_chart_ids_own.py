"""File → New chart… titled like a chart one studies, and File → Save chart as… of the built-in
chart, give the new file an id no known chart has (progress, statistics and Anki note GUIDs are
kept by chart id: before, both got `ingham-western` and mixed with the built-in chart's), and
the status bar says so."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reflexmap.atlas import load_atlas


def test_a_new_chart_titled_like_the_built_in_one_gets_its_own_id(qtbot, make_window, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    window = make_window()  # the built-in Western chart, id ingham-western
    assert window.state.atlas.id == "ingham-western"
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.setText("Ingham Western")
    dialog.with_zones.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "Test")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.state.atlas.title == "Ingham Western", timeout=5000)
    assert window.state.atlas.id == "ingham-western-2"
    said = window.statusBar().currentMessage()
    assert "ingham-western-2" in said and "ingham-western is the id of another chart" in said, said
    target = tmp_path / "ingham-clone.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    window.editor.saving.discard()


def test_save_as_of_the_built_in_chart_gives_the_copy_its_own_id(qtbot, make_window, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    window = make_window()
    window.edit_action.trigger()
    target = tmp_path / "mychart.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    said = window.statusBar().currentMessage()
    assert said.startswith("Saved as the chart ingham-western-2"), said
    assert "ingham-western is the id of another chart" in said, said
    assert not window.editor.session.modified  # the new id is in the file
    # saved again to the copy's own file: it keeps its id, said nothing of it
    window.save_as_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    assert "another chart" not in window.statusBar().currentMessage()
    window.editor.saving.discard()


def _new_chart(qtbot, window, title: str) -> str:
    """File → New chart… with `title`, as a person fills the dialog in: the new chart's id."""
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.title.setText(title)
    dialog.with_zones.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "Test")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.state.atlas.title == title, timeout=5000)
    return window.state.atlas.id


def test_a_new_chart_avoids_the_id_of_a_recent_chart_read_in_an_earlier_session(
    qtbot, make_window, settings, tmp_path
):
    """The recent charts' ids are kept (setting chart/ids): a new chart made in a later session,
    when that chart has not been read again, still gets an id of its own."""
    from reflexmap.atlas import builtin_chart_path

    annas = tmp_path / "annas.yaml"
    annas.write_bytes(builtin_chart_path().read_bytes().replace(b"id: ingham-western", b"id: annas-chart", 1))
    first = make_window()
    assert first.open_chart(annas) and first.state.atlas.id == "annas-chart"
    assert settings.value("chart/ids", {}) == {str(annas.resolve()): "annas-chart"}
    first.close()
    later = make_window()  # the next session: the built-in chart, annas.yaml only in the menu
    assert _new_chart(qtbot, later, "Annas Chart") == "annas-chart-2"
    assert "annas-chart is the id of another chart" in later.statusBar().currentMessage()
    later.editor.saving.discard()


def test_a_new_chart_avoids_every_id_with_progress_in_any_profile(qtbot, make_window, tmp_path):
    """A chart studied before (its cards and answers in a profile's review log), its file gone
    or never among the recent charts: a new chart titled like it must not inherit its progress."""
    from reflexmap.quiz.reviewlog import ReviewLog

    first = ReviewLog(tmp_path / "reviews.sqlite3")  # the first profile, answers only
    first.conn.execute(
        "INSERT INTO reviews (time, card, rating, correct, close)"
        " VALUES (1, 'annas-chart:head:find', 3, 1, 0)"
    )
    first.close()
    (tmp_path / "profiles" / "Ben").mkdir(parents=True)
    ben = ReviewLog(tmp_path / "profiles" / "Ben" / "reviews.sqlite3")  # another profile, a card
    ben.conn.execute("INSERT INTO cards (card, due, state) VALUES ('bens-chart:head:name', 1, '{}')")
    ben.close()
    window = make_window(progress_path=tmp_path / "progress.json")
    assert _new_chart(qtbot, window, "Annas Chart") == "annas-chart-2"
    window.editor.saving.discard()
    assert _new_chart(qtbot, window, "Bens Chart") == "bens-chart-2"
    window.editor.saving.discard()
    assert _new_chart(qtbot, window, "Carls Chart") == "carls-chart"  # (no progress: its own)
    window.editor.saving.discard()


def test_a_save_as_copy_of_the_built_in_chart_no_longer_calls_itself_the_built_in_chart(
    qtbot, make_window, monkeypatch, tmp_path
):
    """Its leading comments say what it is (tryout S17-9: "ReflexMap built-in chart: …"), and
    outside the program's folder it has no `$schema` comment: a path from there into the
    program's folder breaks when the program moves (tryout S18-16)."""
    from reflexmap.ui import dialogs

    window = make_window()
    window.edit_action.trigger()
    target = tmp_path / "mine" / "mychart.yaml"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    text = target.read_text(encoding="utf-8")
    head = text[: text.index("atlas_format:")].splitlines()
    assert head == [
        "# Western foot chart (Ingham tradition): a copy of the ReflexMap built-in chart "
        "ingham-western.yaml, saved with ReflexMap."
    ]
    assert load_atlas(target).id == "ingham-western-2"
    assert not window.editor.session.modified  # the file holds the chart as shown
    undo = window.editor.session.stack
    assert undo.text(undo.count() - 1) == "Give the chart an id of its own"
    window.editor.saving.discard()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "en",
            ("as the chart ingham-western-2, an id of its own", "ingham-western is the id of another chart"),
        ),
        (
            "de",
            ("Als Karte ingham-western-2 gespeichert, mit eigener Kennung", "ingham-western ist die Kennung"),
        ),
    ],
)
def test_the_copys_own_id_is_said_in_the_bar_of_a_small_window_not_only_its_tooltip(
    qtbot, make_window, monkeypatch, tmp_path, language, words
):
    """A window of 1024×768 and a file deep in folders: the status bar itself says the copy got
    an id of its own (before, the path led the sentence and took its room: "Saved /home/…" and
    the news only in the bar's tooltip)."""
    from reflexmap.ui import dialogs

    window = make_window().set_language(language)
    window.resize(1024, 768)
    qtbot.wait(10)
    window.edit_action.trigger()
    folder = tmp_path / "Documents" / "Reflexology" / "Charts from the course in spring"
    folder.mkdir(parents=True)
    target = folder / "western-foot-chart-ingham-tradition-my-own-copy.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    assert load_atlas(target).id == "ingham-western-2"
    shown = window.statusBar().currentMessage()  # what the bar shows (fitted), not its tooltip
    assert all(w in shown for w in words), shown
    window.editor.saving.discard()
