"""The settings lock on Windows, played on this system: `fcntl` is taken away (as Windows has
none) and `msvcrt` is one whose `locking` keeps Windows' rules (LK_NBLCK fails at once with
an OSError while another open file holds the byte; LK_UNLCK gives it back), made of flock.
Several processes then change one settings file at once and nothing is lost, a write waits
for another window's lock, and a lock held for ever is said once instead of hanging."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reflexmap import settings as settings_module
from reflexmap.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

FAKE_MSVCRT = textwrap.dedent(
    """
    import errno, fcntl, sys, types

    def locking(fd, mode, nbytes):
        if mode == msvcrt.LK_UNLCK:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None

    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK, msvcrt.LK_RLCK, msvcrt.LK_NBRLCK = 0, 1, 2, 3, 4
    msvcrt.locking = locking
    msvcrt.calls = []
    sys.modules["msvcrt"] = msvcrt
    sys.modules["fcntl"] = None  # `import fcntl` fails, as on Windows
    """
)


@pytest.fixture
def windows(monkeypatch):
    """This process's settings lock as on Windows; gives the fake msvcrt."""
    import fcntl  # noqa: F401 - the fake is made of it: imported before it is taken away

    saved = {name: sys.modules.get(name) for name in ("fcntl", "msvcrt")}
    namespace: dict = {}
    exec(FAKE_MSVCRT, namespace)  # noqa: S102 - the fake module above
    fake = sys.modules["msvcrt"]
    real_locking = fake.locking
    fake.locking = lambda fd, mode, n: (fake.calls.append((mode, n)), real_locking(fd, mode, n))[1]
    yield fake
    for name, module in saved.items():
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module


def test_a_write_takes_and_gives_back_the_lock_on_its_first_byte(tmp_path: Path, windows):
    path = tmp_path / "settings.json"
    Settings(path).setValue("view/labels", False)
    assert windows.calls == [(windows.LK_NBLCK, 1), (windows.LK_UNLCK, 1)]
    assert Settings(path).value("view/labels") is False
    assert (tmp_path / "settings.json.lock").is_file()


def test_a_write_waits_while_another_window_holds_the_lock(tmp_path: Path, windows):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    taken = threading.Event()

    def other_window() -> None:  # writes for 0.3 s under the lock
        with settings_module._locked(path):
            taken.set()
            time.sleep(0.3)

    thread = threading.Thread(target=other_window)
    thread.start()
    assert taken.wait(5)
    started = time.monotonic()
    settings.setValue("appearance/theme", "dark")
    waited = time.monotonic() - started
    thread.join(5)
    assert 0.2 <= waited < 3, waited
    assert Settings(path).value("appearance/theme") == "dark"


def test_a_lock_held_for_ever_is_said_once_and_the_change_is_kept(tmp_path: Path, windows, monkeypatch):
    monkeypatch.setattr(settings_module, "LOCK_WAIT_S", 0.3)
    path = tmp_path / "settings.json"
    settings = Settings(path)
    problems: list[str] = []
    settings.on_problem = problems.append
    holder = os.open(tmp_path / "settings.json.lock", os.O_RDWR | os.O_CREAT)
    windows.locking(holder, windows.LK_NBLCK, 1)  # a hung window holds it
    try:
        started = time.monotonic()
        settings.setValue("appearance/theme", "dark")
        settings.setValue("view/labels", False)
        assert time.monotonic() - started < 3  # bounded: the window never hangs on it
    finally:
        os.close(holder)
    assert len(problems) == 1 and "locked" in problems[0] and str(path) in problems[0], problems
    assert settings.value("appearance/theme") == "dark"  # kept in memory, the app goes on
    settings.setValue("view/guides", False)  # the lock is free again: everything is written
    again = Settings(path)
    assert again.value("appearance/theme") == "dark" and again.value("view/labels") is False


def test_processes_changing_one_settings_file_at_once_lose_nothing(tmp_path: Path):
    """Four processes, each adding 25 entries to one list (read, change, write) at the same
    time, all on the Windows lock: every entry is there at the end."""
    path = tmp_path / "settings.json"
    Settings(path).setValue("view/labels", True)
    go = tmp_path / "go"
    child = FAKE_MSVCRT + textwrap.dedent(
        f"""
        import os, time
        from reflexmap.settings import Settings
        settings = Settings({str(path)!r})
        while not os.path.exists({str(go)!r}):
            time.sleep(0.005)
        me = sys.argv[1]
        for i in range(25):
            settings.edit("test/entries", lambda value, i=i: [*(value or []), f"{{me}}-{{i}}"])
        """
    )
    children = [
        subprocess.Popen([sys.executable, "-c", child, str(n)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]
    time.sleep(1.0)  # every child has read the file and waits
    go.write_text("")
    for process in children:
        assert process.wait(120) == 0, process.stderr.read()[-2000:]
    entries = json.loads(path.read_text(encoding="utf-8"))["values"]["test/entries"]
    assert sorted(entries) == sorted(f"{n}-{i}" for n in range(4) for i in range(25))
