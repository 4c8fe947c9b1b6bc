"""The autosave index names only files ReflexMap makes (S21-8): an index edited by hand,
written by another program or copied from another machine named a person's chart as the
"autosave", and "Discard them" at the next start deleted that chart, with no backup."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.ui.editor import autosaving
from reflexmap.ui.editor.autosaves import autosave_folder

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(autouse=True)
def _no_index_after():
    yield
    (autosave_folder() / "index.json").unlink(missing_ok=True)  # no question in later tests


def _recovery_box() -> QMessageBox | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == "recover-autosave" and w.isVisible()),
        None,
    )


def _write_index(entries: list[dict]) -> None:
    autosave_folder().mkdir(parents=True, exist_ok=True)
    (autosave_folder() / "index.json").write_text(json.dumps({"autosaves": entries}), encoding="utf-8")


@pytest.mark.parametrize(
    "foreign",
    [
        "victim",  # any file: a person's other chart
        "beside another chart",  # the name of an autosave, but of another file
        "in the folder, another name",  # in the autosave folder, not named for this chart
    ],
)
def test_an_index_naming_a_file_reflexmap_did_not_make_deletes_nothing(
    qtbot, make_window, tmp_path: Path, foreign: str
):
    chart = tmp_path / "my.yaml"
    shutil.copyfile(DATA / "small.yaml", chart)
    if foreign == "victim":
        victim = tmp_path / "victim-chart.yaml"
    elif foreign == "beside another chart":
        victim = tmp_path / ".other.yaml.autosave"
    else:
        autosave_folder().mkdir(parents=True, exist_ok=True)
        victim = autosave_folder() / "0123456789ab-other.yaml"
    shutil.copyfile(DATA / "small.yaml", victim)
    _write_index([{"autosave": str(victim), "chart": str(chart), "time": time.time()}])
    window = make_window()
    qtbot.wait(300)  # the question comes after the first paint, when there is one
    assert _recovery_box() is None, "a file the app did not make was offered as unsaved work"
    assert victim.is_file() and victim.read_bytes() == (DATA / "small.yaml").read_bytes()
    window.close()
    victim.unlink()


def test_its_own_autosave_is_still_offered_and_discard_deletes_only_it(qtbot, make_window, tmp_path: Path):
    chart = tmp_path / "my.yaml"
    shutil.copyfile(DATA / "small.yaml", chart)
    autosave = autosaving.autosave_path(chart)
    shutil.copyfile(chart, autosave)
    victim = tmp_path / "victim-chart.yaml"
    shutil.copyfile(chart, victim)
    _write_index(
        [
            {"autosave": str(victim), "chart": str(chart), "time": time.time() + 60},  # the latest
            {"autosave": str(autosave), "chart": str(chart), "time": time.time()},
        ]
    )
    make_window()
    qtbot.waitUntil(lambda: _recovery_box() is not None, timeout=5000)
    box = _recovery_box()
    assert "my.yaml" in box.text()
    discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not autosave.exists(), timeout=3000)
    assert victim.is_file() and chart.is_file()
    assert json.loads((autosave_folder() / "index.json").read_text())["autosaves"] == []
