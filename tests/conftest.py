"""Test set-up: Qt's offscreen platform and throwaway settings, before any QApplication exists."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # the interface language a first start picks: English here
_home = tempfile.mkdtemp(prefix="reflexmap-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Every hypothesis test in the suite starts from a fixed seed derived from the test, not a
# random one, so that CI does not fail on a new random draw unrelated to the change it checks.
# A fuzzing campaign draws new random examples each run: REFLEXMAP_FUZZ_EXAMPLES=N or
# REFLEXMAP_FUZZ_RANDOM=1 (README).
# No per-example deadline: a test's time is not what it checks (speed is the benchmarks' job),
# and on a loaded machine hypothesis's 200 ms default failed a correct example
# (test_pending_renames, load average 9 on 2 cores).
settings.register_profile("suite", derandomize=True, deadline=None)
settings.register_profile("campaign", derandomize=False, deadline=None)
_campaign = os.environ.get("REFLEXMAP_FUZZ_EXAMPLES") or os.environ.get("REFLEXMAP_FUZZ_RANDOM")
settings.load_profile("campaign" if _campaign else "suite")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _language_as_found():
    """Each test leaves the interface language as it found it (a module's language fixture
    included): an in-process `--language de` export left German to the English tests run
    after it in the same process, which then failed only in some orders."""
    from reflexmap import i18n

    before = i18n.language()
    yield
    if i18n.language() != before:
        i18n.set_language(before)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def builtin_atlas():
    from reflexmap import load_atlas

    return load_atlas()


@pytest.fixture(scope="session")
def small_atlas():
    from reflexmap import load_atlas

    return load_atlas(DATA / "small.yaml")


@pytest.fixture(autouse=True)
def _nothing_left_frozen():
    """A large chart's read freezes what it leaves until the next read (atlas/loader.py): every
    test ends with nothing frozen, so that a later test's counts of live objects compare."""
    yield
    loader = sys.modules.get("reflexmap.atlas.loader")
    if loader is not None:
        loader.thaw()


@pytest.fixture(autouse=True)
def _walks_forgotten():
    """The quick walk remembers the texts it found nothing in (atlas/prescan: not walked
    again); each test starts with none remembered, so that a test counting the walk's steps
    counts a walk, whatever another test walked before it."""
    prescan = sys.modules.get("reflexmap.atlas.prescan")
    if prescan is not None:
        prescan.forget()
    yield


@pytest.fixture(autouse=True)
def quick_readings_at_once(monkeypatch):
    """A small chart's reading (in a worker: ui/chart_opening.py) is waited for up to
    QUICK_S before it goes behind the box; on a machine loaded by a whole test run a small
    chart's first reading in a process took over the app's 0.4 s, so the tests that open one
    and look at it at once wait longer. The tests of the box set QUICK_S themselves. (The
    module imports no Qt module of its own.)"""
    from reflexmap.ui import chart_opening

    monkeypatch.setattr(chart_opening, "QUICK_S", 30.0)
