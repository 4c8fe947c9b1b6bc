"""Folders that cannot be written, for real: a read-only file system and a full one (tmpfs
mounts made for the test; skipped where the test may not mount). The app is played in a
child process (tests/hostile/_app_child.py): it must say so once, keep working, raise no
traceback and leave every file that was on disk as it was."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .children import ROOT, child_env, play

SETTINGS = Path("ReflexMap/ReflexMap/settings.json")
PROGRESS = Path("ReflexMap/ReflexMap/progress.json")


def _mount(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")


def _read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture
def mounts(tmp_path: Path):
    made: list[Path] = []

    def mount(name: str, size: str = "1m") -> Path:
        folder = tmp_path / name
        _mount(folder, size)
        made.append(folder)
        return folder

    yield mount
    for folder in reversed(made):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _play(
    tmp_path: Path,
    config: Path,
    data: Path,
    *,
    mastery: bool = False,
    fill: Path | None = None,
    statistics: bool = False,
    quiz: bool = False,
    facts: dict | None = None,
    fill_first: Path | None = None,
) -> list[dict]:
    """The message boxes shown; what else the child saw goes into `facts`."""
    env = child_env(tmp_path / "home", config, data, tmp_path / "cache")
    if mastery:
        env["CHILD_MASTERY"] = "1"
    if fill is not None:
        env["CHILD_FILL"] = str(fill)
    if statistics:
        env["CHILD_STATS"] = "1"
    if fill_first is not None:
        env["CHILD_FILL_FIRST"] = str(fill_first)
    if quiz:
        env["CHILD_QUIZ"] = "1"
    seen = play("_app_child", env, timeout=120)
    if facts is not None:
        facts.update(seen)
    return seen["shown"]


def _texts(shown: list[dict]) -> str:
    return "\n".join(f"{box['title']}: {box['text']}" for box in shown)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_damaged_files_in_read_only_folders_are_said_once_and_kept(tmp_path: Path, mounts):
    config, data = mounts("config"), mounts("data")
    _write(config / SETTINGS, "{{{ damaged")
    progress = (
        '{"format": "reflexmap-progress", "version": 1, "cards": {"c": {"box": 1, "due": '
        + "9" * 5000
        + "}}}"
    )
    _write(data / PROGRESS, progress)
    _read_only(config)
    _read_only(data)
    shown = _play(tmp_path, config, data, mastery=True)
    text = _texts(shown)
    settings_boxes = [box for box in shown if "settings" in box["text"].lower()]
    assert len(settings_boxes) == 1, text  # said once: at start, not again on closing
    assert "cannot be written" in settings_boxes[0]["text"] or "Read-only" in settings_boxes[0]["text"], text
    progress_boxes = [box for box in shown if box["name"] == "quiz-warning"]
    assert len(progress_boxes) == 1 and "cannot be written" in progress_boxes[0]["text"], text
    assert (config / SETTINGS).read_text() == "{{{ damaged"  # nothing on disk is lost
    assert (data / PROGRESS).read_text() == progress
    assert sorted(p.name for p in (config / SETTINGS).parent.iterdir()) == ["settings.json"]


def test_a_read_only_settings_folder_is_said_once_at_start(tmp_path: Path, mounts):
    config = mounts("config")
    before = json.dumps(
        {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    )
    _write(config / SETTINGS, before)
    _read_only(config)
    shown = _play(tmp_path, config, tmp_path / "data")
    assert len(shown) == 1 and "cannot be written" in shown[0]["text"], _texts(shown)
    assert (config / SETTINGS).read_text() == before


def test_a_settings_folder_full_on_closing_is_said_before_the_app_ends(tmp_path: Path, mounts):
    config = mounts("config", "64k")
    before = json.dumps(
        {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    )
    _write(config / SETTINGS, before)
    shown = _play(tmp_path, config, tmp_path / "data", fill=config / "filler")  # full while it runs
    text = _texts(shown)
    assert len(shown) == 1 and "No space left on device" in shown[0]["text"], text
    assert str(config / SETTINGS) in shown[0]["text"]
    assert (config / SETTINGS).read_text() == before  # the old file whole, no half-written one
    leftovers = sorted(p.name for p in (config / SETTINGS).parent.iterdir())
    assert set(leftovers) <= {"settings.json", "settings.json.lock", "settings.json.bak", "filler"}, leftovers


def _answered(database: Path, zones: tuple[str, ...], *, schema: int | None = None) -> None:
    """A student's review log with right answers for `zones` of the built-in chart, closed
    as the app closes it (no -wal or -shm file left); `schema` 1: as the first version wrote it."""
    import sqlite3
    import time

    from reflexmap.quiz.reviewlog import ReviewLog
    from reflexmap.quiz.scheduler import Scheduler

    log = ReviewLog(database)
    scheduler = Scheduler({}, log=log)
    now = time.time() - 3600
    for zone in zones:
        key = f"ingham-western:{zone}:find"
        log.record(
            key, lambda previous: scheduler.advance(previous, 3, now, True), now=now, rating=3, correct=True
        )
    log.close()
    if schema == 1:
        conn = sqlite3.connect(database, isolation_level=None)
        conn.executescript(
            "ALTER TABLE reviews RENAME TO newer;"
            "CREATE TABLE reviews (id INTEGER PRIMARY KEY, time REAL NOT NULL, card TEXT NOT NULL,"
            " rating INTEGER NOT NULL, correct INTEGER NOT NULL, close INTEGER NOT NULL, seconds REAL,"
            " clicked TEXT NOT NULL DEFAULT '');"
            "INSERT INTO reviews SELECT id, time, card, rating, correct, close, seconds, clicked FROM newer;"
            "DROP TABLE newer; PRAGMA user_version=1;"
        )
        conn.close()
    for suffix in ("-wal", "-shm"):
        assert not Path(str(database) + suffix).exists()


@pytest.mark.parametrize("schema", [None, 1])
def test_a_read_only_data_folder_shows_the_students_progress(tmp_path: Path, mounts, schema):
    """The heat map and the statistics show what the review log holds; the quiz goes on and
    says once, at the first use, that the folder cannot be written and where answers go;
    nothing in it is changed."""
    config, data = tmp_path / "config", mounts("data")
    _write(
        config / SETTINGS,
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}),
    )
    database = data / "ReflexMap/ReflexMap/reviews.sqlite3"
    _answered(database, ("lumbar-spine", "sacrum", "stomach"), schema=schema)
    before = {p.name: p.read_bytes() for p in database.parent.rglob("*") if p.is_file()}
    _read_only(data)
    facts: dict = {}
    shown = _play(tmp_path, config, data, mastery=True, statistics=True, quiz=True, facts=facts)
    text = _texts(shown)
    assert facts["mastered"] == ["lumbar-spine", "sacrum", "stomach"], text
    assert facts["reviews"] == 3, text
    assert facts["feedback"].startswith("✔"), facts
    assert len(shown) == 1, text  # once, though the heat map, statistics and quiz all used it
    assert shown[0]["name"] == "quiz-warning"
    # the folders named, whole and isolated (it said "kept in another folder" and named none)
    spares = config / "ReflexMap/ReflexMap/answers-waiting"
    assert f"The folder \u2068{database.parent}\u2069 cannot be written" in shown[0]["text"], text
    assert f"are kept in \u2068{spares}\u2069 when ReflexMap closes" in shown[0]["text"], text
    after = {p.name: p.read_bytes() for p in database.parent.rglob("*") if p.is_file()}
    assert after == before
    # the answer given meanwhile was kept in the settings folder (it was lost: "not saved"), and
    # the first start that can write the log writes it there, once
    (spare,) = (config / "ReflexMap/ReflexMap/answers-waiting").glob("reviews.sqlite3-*.pending-*.json")
    subprocess.run(["mount", "-o", "remount,rw", str(data)], check=True)
    assert _play(tmp_path, config, data, mastery=True) == []
    cards = [c for (c,) in sqlite3.connect(database).execute("SELECT card FROM reviews ORDER BY id")]
    assert cards[-1] == "ingham-western:lumbar-spine:find" and len(cards) == 4, cards
    assert not spare.exists()


def test_a_read_only_data_folder_with_the_old_progress_file_shows_it(tmp_path: Path, mounts):
    """Never imported (the folder could not take the review log): shown from the file as it is."""
    config, data = tmp_path / "config", mounts("data")
    _write(
        config / SETTINGS,
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}),
    )
    old = (ROOT / "tests/data/progress-format-1.json").read_bytes()
    (data / PROGRESS).parent.mkdir(parents=True)
    (data / PROGRESS).write_bytes(old)
    _read_only(data)
    facts: dict = {}
    shown = _play(tmp_path, config, data, mastery=True, facts=facts)
    cards = json.loads(old)["cards"]
    practised = {
        key.split(":")[1] for key, card in cards.items() if key.startswith("ingham-western:") and card["seen"]
    }
    assert set(facts["mastered"]) == practised and practised, _texts(shown)
    assert len(shown) == 1 and "cannot be written" in shown[0]["text"], _texts(shown)
    assert sorted(p.name for p in (data / PROGRESS).parent.iterdir()) == ["progress.json"]
    assert (data / PROGRESS).read_bytes() == old


def test_a_data_folder_full_while_quizzing(tmp_path: Path, mounts):
    """The answer is marked and the round goes on; the student is told once that it was not
    saved yet; every answer saved before is still there; the answer itself, which the full
    folder could not take even at closing, is kept in the settings folder and written into
    the log at the next start (it was lost)."""
    import sqlite3

    config, data = tmp_path / "config", mounts("data", "1m")
    settings = {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    _write(config / SETTINGS, json.dumps(settings))
    database = data / "ReflexMap/ReflexMap/reviews.sqlite3"
    _answered(database, ("lumbar-spine", "sacrum"))
    facts: dict = {}
    shown = _play(tmp_path, config, data, mastery=True, quiz=True, facts=facts, fill_first=data / "filler")
    text = _texts(shown)
    assert facts["feedback"].startswith("✔"), facts
    unsaved = [box for box in shown if box["name"] == "quiz-warning"]
    assert len(unsaved) == 1 and str(database) in unsaved[0]["text"], text
    assert "full" in unsaved[0]["text"] or "space" in unsaved[0]["text"], text
    assert "kept" in unsaved[0]["text"], text
    (data / "filler").unlink()
    assert sqlite3.connect(database).execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    (spare,) = (config / "ReflexMap/ReflexMap/answers-waiting").glob("reviews.sqlite3-*.pending-*.json")
    assert "lumbar-spine" in spare.read_text(encoding="utf-8")
    shown = _play(tmp_path, config, data, mastery=True)  # the next start, with room again
    assert shown == [], _texts(shown)
    cards = sqlite3.connect(database).execute("SELECT card FROM reviews ORDER BY id").fetchall()
    assert [c for (c,) in cards] == [
        f"ingham-western:{z}:find" for z in ("lumbar-spine", "sacrum", "lumbar-spine")
    ]
    assert not spare.exists()


def test_a_data_folder_already_full_when_the_quiz_opens_its_log(tmp_path: Path, mounts):
    """The disk was full before the progress was opened (SQLite cannot even open its journal):
    it said "Answers in this session are not saved" and lost them; now the answer waits, is
    said once as not saved yet, kept in the settings folder at closing and written at the next
    start."""
    import sqlite3

    config, data = tmp_path / "config", mounts("data", "1m")
    settings = {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    _write(config / SETTINGS, json.dumps(settings))
    database = data / "ReflexMap/ReflexMap/reviews.sqlite3"
    _answered(database, ("sacrum",))
    facts: dict = {}
    shown = _play(tmp_path, config, data, quiz=True, facts=facts, fill_first=data / "filler")
    text = _texts(shown)
    assert facts["feedback"].startswith("✔"), facts
    assert "not saved" not in text.replace("not saved yet", ""), text
    unsaved = [box for box in shown if box["name"] == "quiz-warning"]
    assert len(unsaved) == 1 and "full" in unsaved[0]["text"] and "kept" in unsaved[0]["text"], text
    (data / "filler").unlink()
    (spare,) = (config / "ReflexMap/ReflexMap/answers-waiting").glob("reviews.sqlite3-*.pending-*.json")
    assert _play(tmp_path, config, data, mastery=True) == []
    cards = sqlite3.connect(database).execute("SELECT card FROM reviews ORDER BY id").fetchall()
    assert [c for (c,) in cards] == ["ingham-western:sacrum:find", "ingham-western:lumbar-spine:find"]
    assert not spare.exists()


def test_a_read_only_log_folder_names_the_spare_folder_that_takes_the_answers(tmp_path: Path, mounts):
    """The message names the folder the answers will really go to: the first spare folder that
    can be written (a read-only one is passed over; one not made yet counts when the folder
    above it can be written), or says that none can (the window then asks where to save)."""
    from reflexmap.quiz import ReviewLog, pending

    data, read_only_spare = mounts("data"), mounts("spare-ro")
    _answered(data / "reviews.sqlite3", ("stomach",), schema=None)
    _read_only(data)
    _read_only(read_only_spare)
    later = tmp_path / "cache/not made yet"
    log = ReviewLog(data / "reviews.sqlite3", spares=(read_only_spare, later))
    (said,) = log.warnings
    assert said.startswith(f"The folder \u2068{data}\u2069 cannot be written"), said
    assert f"kept in \u2068{later / pending.SPARE_FOLDER}\u2069 when ReflexMap closes" in said, said
    assert log.count() == 1
    log.close()
    assert not later.exists()  # named, not made: only an answer to keep makes it
    nowhere = ReviewLog(data / "reviews.sqlite3", spares=(read_only_spare,))
    (said,) = nowhere.warnings
    assert "no other folder of ReflexMap's can either" in said and "a file you choose" in said, said
    nowhere.close()


def test_a_read_only_data_folder_shows_the_answers_in_a_wal_without_its_index(tmp_path: Path, mounts):
    """A review log whose last answers are in its -wal, with no -shm beside it (a copy made
    while the app ran, a crash, a tool that removed the index), on a read-only disk: SQLite
    can make no index there, and the log was read as immutable, which skips the -wal: those
    answers were not shown. Now the heat map and the statistics count them; nothing on the
    disk is changed."""
    import shutil

    from reflexmap.quiz.reviewlog import ReviewLog
    from reflexmap.quiz.scheduler import Scheduler

    config, data = tmp_path / "config", mounts("data")
    _write(
        config / SETTINGS,
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}),
    )
    source = tmp_path / "source/reviews.sqlite3"
    source.parent.mkdir()
    _answered(source, ("lumbar-spine", "sacrum"))
    log = ReviewLog(source)
    log.conn.execute("PRAGMA wal_autocheckpoint=0")  # the next answer stays in the -wal
    scheduler = Scheduler({}, log=log)
    import time

    now = time.time() - 1800
    log.record(
        "ingham-western:stomach:find",
        lambda previous: scheduler.advance(previous, 3, now, True),
        now=now,
        rating=3,
        correct=True,
    )
    database = data / "ReflexMap/ReflexMap/reviews.sqlite3"
    database.parent.mkdir(parents=True)
    shutil.copyfile(source, database)  # copied while the app runs: the log and its -wal
    shutil.copyfile(str(source) + "-wal", str(database) + "-wal")
    log.close()
    assert Path(str(database) + "-wal").stat().st_size > 0 and not Path(str(database) + "-shm").exists()
    before = {p.name: p.read_bytes() for p in database.parent.rglob("*") if p.is_file()}
    _read_only(data)
    facts: dict = {}
    shown = _play(tmp_path, config, data, mastery=True, statistics=True, facts=facts)
    text = _texts(shown)
    assert facts["mastered"] == ["lumbar-spine", "sacrum", "stomach"], text
    assert facts["reviews"] == 3, text
    assert len(shown) == 1 and "cannot be written" in shown[0]["text"], text
    assert {p.name: p.read_bytes() for p in database.parent.rglob("*") if p.is_file()} == before
