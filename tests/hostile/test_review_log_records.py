"""The student's stored progress (the review log, SQLite) made hostile record by record: what
is wrong is said at its place (the whole path, the record's row, a line and column in it), the
rest is kept. In the Qt-free core, and in the window through what a person touches (the
mastery heat map, which opens the progress, and Quiz → Statistics…)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from reflexmap.quiz import Card, ReviewLog, Scheduler

from .children import child_env, play

LOG = Path("ReflexMap/ReflexMap/reviews.sqlite3")


def _returning(config: Path) -> Path:
    """A student who has started ReflexMap before (the first-run note seen): `config`."""
    settings = config / "ReflexMap/ReflexMap/settings.json"
    settings.parent.mkdir(parents=True)
    values = {"notes/first-run-seen": True}
    settings.write_text(json.dumps({"format": "reflexmap-settings", "version": 1, "values": values}))
    return config


def _twice(path: Path, card: str) -> tuple[int, int, int, int, int]:
    """The card's stored record rewritten with "seen" written twice (5 first, the real count
    after): its row id, and where the second "seen" and the first stand (line, column)."""
    conn = sqlite3.connect(path)
    try:
        row, raw = conn.execute("SELECT rowid, state FROM cards WHERE card = ?", (card,)).fetchone()
        state = json.loads(raw)
        seen = state.pop("seen")
        text = '{\n "seen": 5,\n' + json.dumps(state, indent=1)[2:-2] + f',\n  "seen": {seen}\n}}'
        conn.execute("UPDATE cards SET state = ? WHERE card = ?", (text, card))
        conn.commit()
    finally:
        conn.close()
    lines = text.splitlines()
    return row, len(lines) - 1, 3, 2, 2


def test_a_key_written_twice_in_a_card_record_is_said_at_its_row_line_and_column(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    Scheduler(log=log).record(Card("chart", "a", "find"), True, seconds=3.0)
    log.close()
    row, line, column, first_line, first_column = _twice(path, "chart:a:find")

    log = ReviewLog(path)
    states = log.states()
    assert states["chart:a:find"].seen == 1  # the later value, as JSON readers use it
    (said,) = log.warnings
    assert said.startswith("A key is written twice in a card record of the review log; its later value")
    assert (
        f"\u2068{path.absolute()}\u2069: record {row} (card \u2068chart:a:find\u2069), line {line}, "
        f"column {column}: the key “\u2068seen\u2069” was already written at line {first_line}, "
        f"column {first_column}."
    ) in said
    Scheduler(log=log).record(Card("chart", "a", "find"), True, seconds=3.0)  # written once now
    log.warnings.clear()
    assert log.states()["chart:a:find"].seen == 2 and not log.warnings


def test_the_window_says_a_key_written_twice_in_a_card_record(tmp_path: Path):
    data = tmp_path / "data"
    path = data / LOG
    path.parent.mkdir(parents=True)
    log = ReviewLog(path)
    Scheduler(log=log).record(Card("ingham-western", "lumbar-spine", "find"), True, seconds=3.0)
    log.close()
    row, line, column, _l, _c = _twice(path, "ingham-western:lumbar-spine:find")
    env = child_env(tmp_path / "home", tmp_path / "config", data, tmp_path / "cache", CHILD_MASTERY="1")
    facts = play("_app_child", env, timeout=120)
    said = [shown["text"] for shown in facts["shown"]]
    assert len(said) == 1 and "A key is written twice in a card record" in said[0], said
    assert (
        f"record {row} (card \u2068ingham-western:lumbar-spine:find\u2069), line {line}, column {column}"
        in said[0]
    )
    assert facts["mastered"] == ["lumbar-spine"]  # the record is used


# --- a damaged log: what still reads is kept ---------------------------------------------------
def _log_of(path: Path, answers: int, backup_after: int) -> list[str]:
    """A log of `answers` answers (each to its own card), backed up after `backup_after`."""
    log = ReviewLog(path)
    scheduler = Scheduler(log=log)
    cards = []
    for i in range(answers):
        if i == backup_after:
            log.backup(force=True)
        scheduler.record(Card("chart", f"zone-{i:04d}", "find"), True, seconds=2.0)
        cards.append(f"chart:zone-{i:04d}:find")
    log.close()
    return cards


def _answer_pages(data: bytes, page_size: int = 4096) -> list[tuple[int, list[int]]]:
    """The leaf pages of the answers' table: (page number from 0, the zone numbers of the
    answers on it). A page of the cards' table holds its states ("due"); the index of the
    cards' names is no table leaf (0x0D)."""
    pages = []
    for n in range(1, len(data) // page_size):
        page = data[n * page_size : (n + 1) * page_size]
        if page[0] == 0x0D and b":find" in page and b'"due"' not in page:
            pages.append((n, sorted(int(z) for z in re.findall(rb"zone-(\d{4}):find", page))))
    return pages


def test_a_damaged_page_of_answers_loses_only_its_answers(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    cards = _log_of(path, 600, backup_after=300)
    data = bytearray(path.read_bytes())
    page, zones = next(p for p in _answer_pages(bytes(data)) if p[1][0] >= 300)  # none in the backup
    on_it = len(zones)
    data[page * 4096 : (page + 1) * 4096] = bytes(range(256)) * 16  # the page unreadable
    path.write_bytes(bytes(data))
    Path(str(path) + "-wal").write_bytes(b"")  # as a window closed on it left them
    Path(str(path) + "-shm").write_bytes(b"\0" * 32768)

    log = ReviewLog(path)
    (aside,) = tmp_path.glob("reviews.sqlite3.damaged-*")  # alone: no -wal, no -shm with it
    (said,) = log.warnings
    (backup,) = log.backups()
    kept = 600 - on_it
    assert said.startswith(
        f"The progress database \u2068{path.absolute()}\u2069 is damaged; "
        f"it was set aside as \u2068{aside}\u2069."
    )
    assert f"({backup.absolute()}) was restored." in said
    assert (
        f"{kept} answers could still be read in it and are kept ({kept - 300} of them given since the "
        f"backup); at least {on_it} answers could not be read and are lost."
    ) in said
    answered = [review.card for review in log.reviews()]
    lost = {f"chart:zone-{i:04d}:find" for i in zones}
    assert sorted(answered) == sorted(set(cards) - lost) and not log.warnings[1:]
    assert aside.read_bytes() == bytes(data)
    log.close()
    assert not [
        p for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm"))
    ]  # none pointing at nothing


def test_a_log_cut_short_keeps_no_half_zeroed_row_as_an_answer(tmp_path: Path):
    """Cut short as a disk leaves it after a crash (its size kept, the end zeros), the log's
    last pages read as rows half of zeros: a rating of 0, a card name of zero bytes, row 0.
    Taken as answers, one invented a card that "starts afresh"."""
    path = tmp_path / "reviews.sqlite3"
    cards = _log_of(path, 600, backup_after=500)
    data = path.read_bytes()
    page, _zones = _answer_pages(data)[-2]
    cut = page * 4096 + 2048  # in the middle of a page of answers
    path.write_bytes(data[:cut] + bytes(len(data) - cut))

    log = ReviewLog(path)
    answered = [review.card for review in log.reviews()]
    assert set(answered) <= set(cards) and len(answered) == len(set(answered)) and len(answered) > 500
    states = log.states()
    assert set(states) <= set(cards) and all(state.seen == 1 for state in states.values())
    (said,) = log.warnings
    gained = len(answered) - 500
    assert f"could still be read in it and are kept ({gained} of them given since the backup); " in said
    lost = int(said.split("; at least ")[1].split(" ")[0])  # the cut end had no rows left to count
    assert 0 < lost <= 600 - len(answered) and said.endswith(("could not be read and are lost.", "is lost."))


def test_the_window_says_the_damage_and_statistics_how_many_answers_it_lost(tmp_path: Path):
    """The window's own way in: the damage is found at start and said once, with whole paths
    and counts (the heat map then opens the salvaged log: nothing more is said), then
    Quiz → Statistics… says what the damaged log lost."""
    data = tmp_path / "data"
    path = data / LOG
    path.parent.mkdir(parents=True)
    _log_of(path, 600, backup_after=300)
    raw = bytearray(path.read_bytes())
    page, zones = next(p for p in _answer_pages(bytes(raw)) if p[1][0] >= 300)
    raw[page * 4096 : (page + 1) * 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(raw))
    env = child_env(tmp_path / "home", _returning(tmp_path / "config"), data, tmp_path / "cache")
    env.update(CHILD_MASTERY="1", CHILD_STATS="1")
    facts = play("_app_child", env, timeout=120)
    said = [shown["text"] for shown in facts["shown"]]
    (aside,) = path.parent.glob("reviews.sqlite3.damaged-*")
    assert len(said) == 1, said
    assert f"{path}\u2069 is damaged; it was set aside as \u2068{aside}\u2069." in said[0], said
    assert f"at least {len(zones)} answers could not be read and are lost." in said[0]
    assert f"at least {len(zones)} answers in it could not be read and are lost" in facts["lost"]
    assert f"the damaged file is kept as \u2068{aside}\u2069." in facts["lost"]


def test_a_damaged_log_is_said_at_start_without_opening_the_progress(tmp_path: Path):
    """The window only started (no heat map, no quiz, no Statistics): the damage is found soon
    after the first paint and said in the start-up box, whole paths; the log is set aside and
    salvaged as opening the progress does."""
    data = tmp_path / "data"
    path = data / LOG
    path.parent.mkdir(parents=True)
    _log_of(path, 600, backup_after=300)
    raw = bytearray(path.read_bytes())
    page, zones = next(p for p in _answer_pages(bytes(raw)) if p[1][0] >= 300)
    raw[page * 4096 : (page + 1) * 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(raw))
    env = child_env(tmp_path / "home", _returning(tmp_path / "config"), data, tmp_path / "cache")
    facts = play("_app_child", env, timeout=120)
    (aside,) = path.parent.glob("reviews.sqlite3.damaged-*")
    assert [(shown["title"], shown["name"]) for shown in facts["shown"]] == [
        ("Quiz progress", "quiz-warning")
    ]
    said = facts["shown"][0]["text"]
    set_aside = f"The progress database \u2068{path}\u2069 is damaged; it was set aside as \u2068{aside}"
    assert set_aside in said, said
    assert f"at least {len(zones)} answers could not be read and are lost." in said


def test_a_sound_log_at_start_says_nothing_and_leaves_no_file(tmp_path: Path):
    data = tmp_path / "data"
    path = data / LOG
    path.parent.mkdir(parents=True)
    _log_of(path, 20, backup_after=10)
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    content = path.read_bytes()
    env = child_env(tmp_path / "home", _returning(tmp_path / "config"), data, tmp_path / "cache")
    facts = play("_app_child", env, timeout=120)
    assert facts["shown"] == []
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before  # no -shm, no -wal
    assert path.read_bytes() == content
