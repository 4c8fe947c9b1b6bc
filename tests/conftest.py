"""Test set-up: Qt's offscreen platform and throwaway settings, before any QApplication exists."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # the interface language a first start picks: English here
_home = tempfile.mkdtemp(prefix="reflexmap-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())

import pytest  # noqa: E402

DATA = Path(__file__).parent / "data"


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
