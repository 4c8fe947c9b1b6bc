"""An old progress.json read in a child process (quiz/progress_child.py) gives what reading
it here gives: the same cards, the same warnings, the same damage set aside (the child only
reads, damaged or not, and changes nothing: this side sets aside and says); where no child can be had,
or it is killed or crashes, it is read here, with the same words. And while the child parses, the
thread waiting for it holds Python's lock only moments at a time (the window's thread runs)."""

from __future__ import annotations

import json
import re
import select
import subprocess
import sys
from pathlib import Path

from reflexmap import i18n
from reflexmap.quiz import progress, progress_child
from reflexmap.quiz.progress import ProgressStore


def progress_cards(count: int, damaged: int = 0) -> dict:
    """`count` cards of a progress file, the first `damaged` of them with a box out of range."""
    cards = {
        f"ingham-western:zone-{i}:find": {
            "box": 1 + i % 5, "due": 1.8e9 + i / 7, "seen": 12, "right": 9, "wrong": 3,
            "last_seen": 1.79e9 + i / 3, "last_right": i % 2 == 0,
        }
        for i in range(count)
    }  # fmt: skip
    for i in range(damaged):
        cards[f"ingham-western:zone-{i}:find"]["box"] = 9
    return cards


def _file(path: Path, count: int, *, damaged: int = 0) -> Path:
    cards = progress_cards(count, damaged)
    path.write_text(json.dumps({"format": progress.FORMAT, "version": 1, "cards": cards}, indent=1))
    return path


def test_a_large_file_read_in_the_child_is_read_as_here(tmp_path: Path, monkeypatch):
    started = []
    real = progress_child.subprocess.Popen
    monkeypatch.setattr(
        progress_child.subprocess, "Popen", lambda *a, **k: started.append(a) or real(*a, **k)
    )
    there_folder, here_folder = tmp_path / "there", tmp_path / "here"
    there_folder.mkdir()
    here_folder.mkdir()
    path = _file(there_folder / "progress.json", progress.MAX_CARDS, damaged=3)
    assert path.stat().st_size >= progress_child.IN_PROCESS_BYTES
    (here_folder / "progress.json").write_bytes(path.read_bytes())
    before = i18n.language()
    i18n.set_language("de")
    try:
        here = ProgressStore(here_folder / "progress.json").load()
        there = progress_child.load(path, "de")
    finally:
        i18n.set_language(before)
    assert started  # (the child was asked, and answered "read it there")
    assert there.states == here.states and len(there.states) == progress.MAX_CARDS - 3
    stamp = re.compile(r"damaged-[0-9-]+")  # (the copy set aside is named by the second)
    assert [stamp.sub("", w) for w in there.warnings] == [
        stamp.sub("", w.replace(str(here_folder), str(there_folder))) for w in here.warnings
    ]
    assert len(there.warnings) == 1 and "\u2069:6:11: Karte" in there.warnings[0]  # file:line:column, German
    assert list(there_folder.glob("progress.json.damaged-*"))  # set aside, as here


def test_where_no_child_can_be_started_the_file_is_read_here(tmp_path: Path, monkeypatch):
    path = _file(tmp_path / "progress.json", 20_000)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python"))
    loaded = progress_child.load(path, i18n.language())
    assert len(loaded.states) == 20_000 and loaded.warnings == []


def test_a_child_that_sends_nonsense_is_not_believed(tmp_path: Path, monkeypatch):
    path = _file(tmp_path / "progress.json", 20_000)
    monkeypatch.setattr(progress_child, "_received", lambda stream: (_ for _ in ()).throw(EOFError))
    loaded = progress_child.load(path, i18n.language())
    assert len(loaded.states) == 20_000  # read here instead


def test_a_large_file_is_never_parsed_in_this_process(tmp_path: Path, monkeypatch):
    """Python's json parser holds the interpreter's lock through each call (~85–135 ms for
    20,000 cards, the window's thread stopped meanwhile; benchmarks/quiz_opening.py measures
    the window's pause): a large file is parsed in the child, and this process parses none of
    it, only the child's small frames. (A timed check here failed on a loaded machine.)"""
    import json

    from reflexmap import bounded_json

    path = _file(tmp_path / "progress.json", progress.MAX_CARDS)
    parsed: list[int] = []
    json_loads, bounded_loads = json.loads, bounded_json.loads

    def spy_json(text, *args, **kwargs):
        parsed.append(len(text))
        return json_loads(text, *args, **kwargs)

    def spy_bounded(text, *args, **kwargs):
        parsed.append(len(text))
        return bounded_loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", spy_json)
    monkeypatch.setattr(bounded_json, "loads", spy_bounded)
    loaded = progress_child.load(path, i18n.language())
    assert len(loaded.states) == progress.MAX_CARDS
    assert all(type(s.due) is float and type(s.box) is int for s in loaded.states.values())
    assert all(size < progress_child.IN_PROCESS_BYTES for size in parsed), parsed


class _KilledOnceItSpeaks(subprocess.Popen):
    """The child, killed (SIGKILL) as soon as it has written anything: what it wrote before
    stays in the pipe (up to the pipe's 64 KiB), the rest never comes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        select.select([self.stdout], [], [], 60)
        self.kill()
        self.wait()


def _killing(monkeypatch) -> None:
    monkeypatch.setattr(progress_child.subprocess, "Popen", _KilledOnceItSpeaks)


def test_a_child_killed_over_a_damaged_file_leaves_the_same_message_and_the_cards(tmp_path, monkeypatch):
    """Before, the child set the damaged file aside and then sent its warning: killed in
    between, this side read again, found no file and started with empty progress, saying
    nothing (the person's progress looked lost)."""
    there_folder, here_folder = tmp_path / "there", tmp_path / "here"
    there_folder.mkdir()
    here_folder.mkdir()
    path = _file(there_folder / "progress.json", progress.MAX_CARDS, damaged=3)
    (here_folder / "progress.json").write_bytes(path.read_bytes())
    here = ProgressStore(here_folder / "progress.json").load()
    _killing(monkeypatch)
    there = progress_child.load(path, i18n.language())
    assert there.states == here.states and len(there.states) == progress.MAX_CARDS - 3
    stamp = re.compile(r"damaged-[0-9-]+")
    assert [stamp.sub("", w) for w in there.warnings] == [
        stamp.sub("", w.replace(str(here_folder), str(there_folder))) for w in here.warnings
    ]
    assert len(there.warnings) == 1 and f"{path}\u2069:6:11:" in there.warnings[0]
    assert path.exists() and len(list(there_folder.glob("progress.json.damaged-*"))) == 1  # copied aside once


def test_a_child_killed_over_a_file_that_is_not_json_says_it_and_takes_the_backup(tmp_path, monkeypatch):
    path = _file(tmp_path / "progress.json", progress.MAX_CARDS)
    backup = tmp_path / "progress.json.bak"
    backup.write_bytes(path.read_bytes())
    damaged = path.read_bytes()[:-200]  # cut short: not JSON, large enough for the child
    path.write_bytes(damaged)
    _killing(monkeypatch)
    loaded = progress_child.load(path, i18n.language())
    assert len(loaded.states) == progress.MAX_CARDS  # the backup's: nothing lost
    said = "\n".join(loaded.warnings)
    assert re.search(re.escape(str(path)) + "\u2069:\\d+:\\d+: ", said), said
    assert "backup copy" in said, said
    (aside,) = tmp_path.glob("progress.json.damaged-*")
    assert aside.read_bytes() == damaged  # kept as it was


def test_a_child_killed_over_a_sound_file_loses_nothing(tmp_path, monkeypatch):
    path = _file(tmp_path / "progress.json", progress.MAX_CARDS)
    before = path.read_bytes()
    _killing(monkeypatch)
    loaded = progress_child.load(path, i18n.language())
    assert len(loaded.states) == progress.MAX_CARDS and loaded.warnings == []
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]


def _written_twice_in_a_wrong_version(path: Path) -> Path:
    """A large file with every kind of thing to say: records left out, a key written twice,
    a version that is not one."""
    _file(path, progress.MAX_CARDS, damaged=12)
    text = path.read_text().replace('"version": 1', '"version": "one"', 1)
    text = text.replace('"cards": {', '"cards": {"ingham-western:zone-5:find": {"box": 2},', 1)
    path.write_text(text)
    return path


def test_a_large_damaged_file_is_never_parsed_in_this_process_and_is_said_as_here(tmp_path, monkeypatch):
    """Before, a damaged file was answered "read it there" by the child and parsed again
    here: a damaged file of 8 MiB held the window's thread for seconds."""
    from reflexmap import bounded_json

    there_folder, here_folder = tmp_path / "there", tmp_path / "here"
    there_folder.mkdir()
    here_folder.mkdir()
    path = _written_twice_in_a_wrong_version(there_folder / "progress.json")
    (here_folder / "progress.json").write_bytes(path.read_bytes())
    before = i18n.language()
    i18n.set_language("de")
    try:
        here = ProgressStore(here_folder / "progress.json").load()
        parsed: list[int] = []
        for module in (json, bounded_json):
            real = module.loads

            def counted(text, *args, _real=real, **kwargs):
                parsed.append(len(text))
                return _real(text, *args, **kwargs)

            monkeypatch.setattr(module, "loads", counted)
        there = progress_child.load(path, "de")
    finally:
        i18n.set_language(before)
    assert all(size < progress_child.IN_PROCESS_BYTES for size in parsed), parsed
    assert there.states == here.states and len(there.states) == progress.MAX_CARDS - 12
    stamp = re.compile(r"damaged-[0-9-]+")
    assert [stamp.sub("", w) for w in there.warnings] == [
        stamp.sub("", w.replace(str(here_folder), str(there_folder))) for w in here.warnings
    ]
    assert len(there.warnings) == 3, there.warnings  # written twice, version, records left out
    assert "\u2069:50:3: der Schlüssel" in there.warnings[0], there.warnings[0]  # file:line:column, German
    assert "\u2069:3:13: die Formatversion" in there.warnings[1], there.warnings[1]
    assert there.warnings[2].startswith("12 Karteneinträge"), there.warnings[2]
    assert "… und 2 weitere" in there.warnings[2], there.warnings[2]
    assert list(there_folder.glob("progress.json.damaged-*"))  # copied aside, as here


def test_a_large_file_and_its_backup_both_refused_are_said_and_set_aside_as_here(tmp_path, monkeypatch):
    for folder in ("there", "here"):
        (tmp_path / folder).mkdir()
        _file(tmp_path / folder / "progress.json", progress.MAX_CARDS)
        body = (tmp_path / folder / "progress.json").read_bytes()
        (tmp_path / folder / "progress.json").write_bytes(body[: len(body) // 2])  # cut: not JSON
        (tmp_path / folder / "progress.json.bak").write_bytes(b"[" * 200_000)  # nested too deep
    here = ProgressStore(tmp_path / "here" / "progress.json").load()
    started = []
    real = progress_child.subprocess.Popen
    monkeypatch.setattr(
        progress_child.subprocess, "Popen", lambda *a, **k: started.append(a) or real(*a, **k)
    )
    there = progress_child.load(tmp_path / "there" / "progress.json", i18n.language())
    assert started and there.states == here.states == {}
    stamp = re.compile(r"damaged-[0-9-]+")
    assert [stamp.sub("", w.replace("/there/", "/here/")) for w in there.warnings] == [
        stamp.sub("", w) for w in here.warnings
    ]
    assert len(there.warnings) == 3 and re.search(r"progress\.json\u2069:\d+:\d+: ", there.warnings[0])
    assert sorted(stamp.sub("", p.name) for p in (tmp_path / "there").iterdir()) == sorted(
        stamp.sub("", p.name) for p in (tmp_path / "here").iterdir()
    )
