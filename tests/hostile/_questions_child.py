"""Played in a child process by tests/ui/test_start_problems.py: the app started as `reflexmap`
starts it (reflexmap.ui.app.run, on the folders of XDG_CONFIG_HOME / XDG_DATA_HOME), after a
crash left work on CHART (the environment's REFLEXMAP_TEST_CHART) autosaved and, if
REFLEXMAP_TEST_DAMAGE is set, with a damaged settings file.

Once the window is ready, it watches the boxes the start opens for a few seconds as a person
would meet them: each 50 ms it notes which are up, and answers the one up a moment after it
came (the problems: OK; the recovery question: Later; a note: Close). Prints one JSON line:
the boxes in the order they came, and the most that were up at once."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: E402

from reflexmap.paths import default_settings_path  # noqa: E402
from reflexmap.settings import Settings  # noqa: E402
from reflexmap.ui.app import application, run  # noqa: E402
from reflexmap.ui.editor import autosaving  # noqa: E402


def _crash_left_work(chart: Path) -> None:
    """What the editor's autosave leaves when the app is killed: the work beside its file and
    an entry in the index of the data folder."""
    autosave = autosaving.autosave_path(chart)
    shutil.copyfile(chart, autosave)
    autosaving._write_index([{"autosave": str(autosave), "chart": str(chart), "time": time.time()}])


def main() -> int:
    application()  # the folders (organisation and application names) as the start has them
    _crash_left_work(Path(os.environ["REFLEXMAP_TEST_CHART"]))
    settings = default_settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    if os.environ.get("REFLEXMAP_TEST_DAMAGE"):
        settings.write_text('{"appearance/theme": [1, 2', encoding="utf-8")
    else:
        Settings(settings).setValue("notes/first-run-seen", True)
    facts: dict = {"order": [], "most_at_once": 0, "titles": []}
    up_since: dict[str, float] = {}

    def boxes() -> list[QDialog]:
        return [
            w
            for w in QApplication.instance().allWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w.objectName()
        ]

    def watch(ticks_left: int) -> None:
        shown = boxes()
        facts["most_at_once"] = max(facts["most_at_once"], len(shown))
        now = time.monotonic()
        for box in shown:
            name = box.objectName()
            if not facts["order"] or facts["order"][-1] != name:
                facts["order"].append(name)
                facts["titles"].append(box.windowTitle())
            if now - up_since.setdefault(name, now) > 0.3:  # read, then answered
                up_since.pop(name)
                if isinstance(box, QMessageBox) and name == "recover-autosave":
                    later = next(
                        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
                    )
                    later.click()
                else:
                    box.done(0)
                break
        if ticks_left:
            QTimer.singleShot(50, lambda: watch(ticks_left - 1))
        else:
            window = next(
                w for w in QApplication.instance().topLevelWidgets() if type(w).__name__ == "MainWindow"
            )
            window.close()

    code = run(on_ready=lambda: QTimer.singleShot(0, lambda: watch(80)))
    print(json.dumps(facts))
    return code


if __name__ == "__main__":
    sys.exit(main())
