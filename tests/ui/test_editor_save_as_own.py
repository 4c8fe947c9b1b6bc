"""Save as of a person's own chart file keeps its leading comments (tryout S22-15: a byte copy
of the built-in chart, saved under a new name, had its 28-line header replaced by one line
"a copy of the ReflexMap built-in chart …"). Only a copy of the built-in chart itself, opened
from the program's folder, stops calling itself the built-in chart."""

from __future__ import annotations

import shutil

from reflexmap.atlas import load_atlas
from reflexmap.atlas.copy_header import leading_comments
from reflexmap.atlas.loader import builtin_charts


def test_save_as_of_ones_own_copy_of_the_built_in_chart_keeps_its_comments(
    qtbot, make_window, monkeypatch, tmp_path
):
    from reflexmap.ui import dialogs

    builtin = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
    mine = tmp_path / "my2.yaml"
    shutil.copy(builtin, mine)
    head = leading_comments(mine.read_text(encoding="utf-8"))
    assert head.count("\n") > 5  # (the built-in chart's header, many lines)
    window = make_window(load_atlas(mine))
    window.edit_action.trigger()
    target = tmp_path / "drawn.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    assert target.exists()
    text = target.read_text(encoding="utf-8")
    assert "a copy of the ReflexMap built-in chart" not in text
    # the $schema line may be rewritten for the new folder; every other comment stays
    kept = [line for line in head.splitlines() if "$schema=" not in line]
    saved = [line for line in leading_comments(text).splitlines() if "$schema=" not in line]
    assert saved == kept
    assert window.editor.session.document.text == text  # shown as written
    window.editor.saving.discard()


def _progress(path, chart_id: str) -> tuple[list, list]:
    from reflexmap.quiz.reviewlog import ReviewLog

    log = ReviewLog(path)
    try:
        cards = log.conn.execute(
            "SELECT card, due, state FROM cards WHERE card LIKE ? ORDER BY card", (chart_id + ":%",)
        ).fetchall()
        reviews = log.conn.execute(
            "SELECT time, card, rating, correct FROM reviews WHERE card LIKE ? ORDER BY id",
            (chart_id + ":%",),
        ).fetchall()
    finally:
        log.close()
    return cards, reviews


def test_save_as_of_ones_own_file_with_a_taken_id_copies_the_progress_to_the_new_id(
    qtbot, make_window, monkeypatch, tmp_path
):
    """Tryout S22-15: my2.yaml (a copy of the built-in chart, id ingham-western), studied,
    saved as drawn.yaml, became ingham-western-2 and its statistics lost the earlier miss of
    "diaphragm". The rule now: the copy gets an id of its own (ingham-western stays the
    built-in chart's), and the progress given under the old id is copied to it, said in the
    bar; the old id keeps its own."""
    from reflexmap.quiz.reviewlog import ReviewLog
    from reflexmap.ui import dialogs

    builtin = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
    mine = tmp_path / "my2.yaml"
    shutil.copy(builtin, mine)
    log = ReviewLog(tmp_path / "reviews.sqlite3")  # the student's progress (make_window's profile)
    log.conn.execute(
        "INSERT INTO reviews (time, card, rating, correct, close)"
        " VALUES (1, 'ingham-western:diaphragm:find', 1, 0, 0)"
    )
    log.conn.execute("INSERT INTO cards (card, due, state) VALUES ('ingham-western:diaphragm:find', 5, '{}')")
    log.close()
    before = _progress(tmp_path / "reviews.sqlite3", "ingham-western")
    window = make_window(load_atlas(mine), progress_path=tmp_path / "progress.json")
    window.edit_action.trigger()
    target = tmp_path / "drawn.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    assert target.exists()
    new_id = load_atlas(target).id
    assert new_id not in ("ingham-western", "")
    said = window.statusBar().currentMessage()
    assert "copied" in said and new_id in said and "ingham-western" in said
    cards, reviews = _progress(tmp_path / "reviews.sqlite3", new_id)
    assert cards == [(f"{new_id}:diaphragm:find", 5.0, "{}")]
    assert reviews == [(1.0, f"{new_id}:diaphragm:find", 1, 0)]
    assert _progress(tmp_path / "reviews.sqlite3", "ingham-western") == before  # kept its own
    window.editor.saving.discard()


def test_save_as_of_ones_own_file_never_mixes_progress_into_an_id_studied_before(
    qtbot, make_window, monkeypatch, tmp_path
):
    """The copy's own id avoids ids that have progress already (an earlier copy's, its file
    gone): the progress copied is never mixed with another chart's."""
    from reflexmap.quiz.reviewlog import ReviewLog
    from reflexmap.ui import dialogs

    builtin = next(p for p in builtin_charts() if p.name == "ingham-western.yaml")
    mine = tmp_path / "my2.yaml"
    shutil.copy(builtin, mine)
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    log.conn.execute(
        "INSERT INTO reviews (time, card, rating, correct, close)"
        " VALUES (1, 'ingham-western:heel:find', 3, 1, 0)"
    )
    log.conn.execute(
        "INSERT INTO reviews (time, card, rating, correct, close)"
        " VALUES (2, 'ingham-western-2:heel:find', 1, 0, 0)"
    )
    log.close()
    window = make_window(load_atlas(mine), progress_path=tmp_path / "progress.json")
    window.edit_action.trigger()
    target = tmp_path / "drawn.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.save_as_action.trigger()
    new_id = load_atlas(target).id
    assert new_id not in ("ingham-western", "ingham-western-2")
    assert _progress(tmp_path / "reviews.sqlite3", new_id)[1] == [(1.0, f"{new_id}:heel:find", 3, 1)]
    assert _progress(tmp_path / "reviews.sqlite3", "ingham-western-2")[1] == [
        (2.0, "ingham-western-2:heel:find", 1, 0)
    ]
    window.editor.saving.discard()
