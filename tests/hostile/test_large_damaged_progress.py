"""A damaged old progress.json of any size is read where a sound one is: a large one (from
progress_child.IN_PROCESS_BYTES up) in the child process, with every bound, and only what
the child found is taken in the window's process, which sets aside, copies aside and says as
it does for a small one. Before, the child answered "read it there" for a damaged file and the
window's process parsed it again (a damaged file of 8 MiB held the window's thread for
seconds). Played through the real start-up (tests/hostile/_start_child.py: `reflexmap`, then
New quiz, which reads the progress), with every text the window's process parses counted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reflexmap.quiz import progress, progress_child

from ..quiz.test_progress_child import progress_cards
from .children import child_env, play
from .test_stored_file_sweep import PROGRESS, SETTING_VALUES, SETTINGS

MiB = 1024 * 1024


def _records_left_out(path: Path, size: int) -> None:
    """About `size` bytes: sound JSON whose first three records cannot be used (at most
    progress.MAX_CARDS cards: 3 MiB holds some 16,500)."""
    count = size // 190
    assert count <= progress.MAX_CARDS, "more cards than a progress file may hold: said as that"
    body = json.dumps({"format": progress.FORMAT, "version": 1, "cards": progress_cards(count, 3)}, indent=1)
    path.write_text(body, encoding="utf-8")


def _cut(path: Path, size: int) -> None:
    """About `size` bytes of a progress file, cut short (not JSON), beside a sound backup."""
    _records_left_out(path.with_name("progress.json.bak"), 4096)
    cards = progress_cards(size // 190)
    body = json.dumps({"format": progress.FORMAT, "version": 1, "cards": cards}, indent=1)
    path.write_text(body[: len(body) * 9 // 10], encoding="utf-8")


def _padded(path: Path, size: int) -> None:
    """`size` bytes: a file far over progress.MAX_BYTES (damaged: its records left out)."""
    _records_left_out(path, 4096)
    with open(path, "ab") as handle:
        handle.write(b" " * (size - path.stat().st_size))


CASES = [
    ("records left out, 1 MiB", _records_left_out, 1 * MiB, r":\d+:\d+: card ingham-western:zone-0:find"),
    ("records left out, 3 MiB", _records_left_out, 3 * MiB, r":\d+:\d+: card ingham-western:zone-0:find"),
    ("cut short, 1 MiB", _cut, 1 * MiB, r":\d+:\d+: .*The file could not be used and was kept as"),
    ("records left out, 20 MiB", _padded, 20 * MiB, r": the file is 20,971,520 bytes; the limit is"),
]


@pytest.mark.parametrize(("write", "size", "said"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_large_damaged_progress_file_is_read_in_the_child_and_said_at_start(tmp_path, write, size, said):
    home = tmp_path / "home"
    target = PROGRESS(home)
    target.parent.mkdir(parents=True)
    SETTINGS(home).parent.mkdir(parents=True)
    SETTINGS(home).write_text(json.dumps({**SETTING_VALUES, "values": {"notes/first-run-seen": True}}))
    write(target, size)
    assert target.stat().st_size >= progress_child.IN_PROCESS_BYTES
    before = target.read_bytes()
    env = child_env(home, home / "config", home / "data", home / "cache", LANGUAGE="en", LANG="C.UTF-8")
    facts = play("_start_child", {**env, "CHILD_COUNT_PARSES": "1"})
    assert facts["quiz_length"] > 0  # New quiz opened
    assert max(facts["parsed"]) < progress_child.IN_PROCESS_BYTES, sorted(facts["parsed"])[-3:]
    shown = "\n".join(s["text"] + "\n" + s["informative"] for s in facts["shown"])
    shown = shown.replace("\u2068", "").replace("\u2069", "")
    assert re.search(re.escape(str(target)) + said, shown), shown
    kept = [p for p in target.parent.iterdir() if p.name.startswith("progress.json")]
    assert any(p.read_bytes() == before for p in kept if p.is_file())  # the file as it was, kept
