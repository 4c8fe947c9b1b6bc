"""A settings file or a progress file written by a newer ReflexMap holds top-level fields this
one does not know: they are written back unchanged when the file is next written (they were
dropped, the .bak alone keeping them), bounded as the reader bounds input."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from reflexmap import bounded_json
from reflexmap.quiz import progress
from reflexmap.settings import Settings

NEWER = {
    "sync": {"server": "https://example.org/r", "every": 1e999, "devices": ["laptop", "tablet"]},
    "themes-made": [{"name": "Nacht", "colours": {"zone": "#123456"}}],
    "note": "\u202eright to left",
}


def _read(path: Path) -> dict:
    return bounded_json.loads(path.read_bytes(), max_bytes=1 << 24, nonfinite=True)


def test_a_newer_apps_settings_keep_their_fields_when_the_window_saves(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "newer-settings.json"
    text = json.dumps(
        {
            **NEWER,
            "format": "reflexmap-settings",
            "version": 1,
            "values": {"notes/first-run-seen": True},
            "huge": "x" * (bounded_json.MAX_KEPT_CHARS + 1),  # beyond the bound: left out
            "deep": json.loads("[" * 100 + "]" * 100),  # nested too deep: left out
        }
    ).replace("Infinity", "1e999")
    path.write_text(text)
    window = make_window(settings_=Settings(path))
    qtbot.keyClick(window.map, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # another view
    window.close()  # saves the window's state
    written = _read(path)
    assert written["values"].get("window/geometry")  # (the window's state was written)
    for key, value in NEWER.items():
        assert written[key] == value, key
    assert "1e999" in path.read_text()  # the number written back as it was written
    assert "huge" not in written and "deep" not in written
    assert json.loads(Path(str(path) + ".bak").read_text())["huge"]  # (the .bak keeps what was)
    again = Settings(path)  # and kept through a second write
    again.setValue("view/aspect", "medial")
    assert {k: v for k, v in _read(path).items() if k in NEWER} == NEWER


def test_a_newer_apps_progress_file_keeps_its_fields_when_saved_again(tmp_path: Path):
    path = tmp_path / "progress.json"
    card = {"box": 2, "due": 1.8e9, "seen": 2, "right": 1, "wrong": 1}
    path.write_text(
        json.dumps({**NEWER, "format": progress.FORMAT, "version": 1, "cards": {"c:z:find": card}}).replace(
            "Infinity", "1e999"
        )
    )
    store = progress.ProgressStore(path)
    states = store.load().states
    store.save(states)
    written = _read(path)
    assert {k: written[k] for k in NEWER} == NEWER
    assert set(written["cards"]) == {"c:z:find"}
