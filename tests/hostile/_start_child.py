"""Played in a child process by test_setting_ranges.py: the app started as `reflexmap` starts it
(reflexmap.ui.app.run, on the folders named by XDG_CONFIG_HOME / XDG_DATA_HOME /
XDG_CACHE_HOME). Once it is ready, the message boxes shown are collected, then what the window
uses: theme, language, text size, view, labels, window size, the Chart menu's charts and the
New quiz dialog's fields (opened with its action, as F7 does); then the window is closed.

Prints one JSON line with those facts. Anything that goes wrong ends in a traceback on
stderr, which the test forbids."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from reflexmap import i18n  # noqa: E402
from reflexmap.render import palette  # noqa: E402
from reflexmap.ui import appearance  # noqa: E402
from reflexmap.ui.app import run  # noqa: E402


def _parses_counted(facts: dict) -> None:
    """CHILD_COUNT_PARSES: the size of every text Python's json and bounded_json parse in this
    process (the window's), kept in facts["parsed"]."""
    import json as json_module

    from reflexmap import bounded_json

    sizes = facts.setdefault("parsed", [])
    for module in (json_module, bounded_json):
        real = module.loads

        def counted(text, *args, _real=real, **kwargs):
            sizes.append(len(text))
            return _real(text, *args, **kwargs)

        module.loads = counted


def main() -> int:
    facts: dict = {"shown": []}
    if os.environ.get("CHILD_COUNT_PARSES"):
        _parses_counted(facts)

    def collect() -> None:
        app = QApplication.instance()
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                facts["shown"].append(
                    {
                        "title": widget.windowTitle(),
                        "text": widget.text(),
                        "informative": widget.informativeText(),
                        "name": widget.objectName(),
                    }
                )
                widget.close()

    def ready() -> None:
        QTimer.singleShot(300, look)  # the start problems are said once the window is up

    def look() -> None:
        app = QApplication.instance()
        collect()
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible())
        facts["theme"] = palette.current.name
        facts["language"] = i18n.language()
        facts["text_scale"] = appearance.current_text_scale()
        facts["aspect"] = window.state.aspect
        facts["labels"] = window.state.labels_visible
        facts["size"] = [window.width(), window.height()]
        window.charts_menu.refill()
        facts["charts"] = [a.data() for a in window.charts_menu.actions() if a.data()]
        window.new_quiz_action.trigger()  # F7
        # a large progress file is read in the background (ui/background.py): the dialog opens
        # once it is read, and a damaged file is said first (the dialog opens when that is closed)
        deadline = time.monotonic() + 60

        def setup_shown() -> None:
            app.processEvents()
            collect()
            dialog = next(
                (w for w in app.topLevelWidgets() if w.objectName() == "quiz-setup" and w.isVisible()), None
            )
            if dialog is None:
                if time.monotonic() < deadline:
                    QTimer.singleShot(20, setup_shown)
                    return
                print("the New quiz dialog never opened", file=sys.stderr)
                window.close()
                return
            facts["quiz_length"] = dialog.length.value()
            facts["quiz_seconds"] = dialog.seconds.value()
            dialog.reject()
            collect()
            # CHILD_LINGER_MS: boxes of work done a turn after the start (the review log's check)
            linger = time.monotonic() + int(os.environ.get("CHILD_LINGER_MS", "0")) / 1000

            def lingered() -> None:
                app.processEvents()
                collect()
                if time.monotonic() < linger:
                    QTimer.singleShot(50, lingered)
                    return
                window.close()

            lingered()

        setup_shown()

    code = run(on_ready=ready)
    print(json.dumps(facts))
    return code


if __name__ == "__main__":
    sys.exit(main())
