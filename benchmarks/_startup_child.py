"""One start of the app (or of the bare baseline), printing wall-clock times of its first paint
and of the moment it can answer a click.

Run by benchmarks/startup.py as a fresh process; the parent notes the time just before
starting it, so the differences are process start to first paint, and to ready. The bare
baseline has imported everything before it paints: for it, both times are the same."""

from __future__ import annotations

import sys
import time


def bare() -> None:
    """The floor: import Qt widgets and Shapely, paint an empty window."""
    import shapely  # noqa: F401  (ReflexMap needs it before its first paint too)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1440, 900)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        now = time.time()
        print(now, now, flush=True)
        app.exit(0)

    window.installEventFilter(FirstPaint(window))
    window.show()
    app.exec()


def app(chart: str | None) -> None:
    """The `reflexmap` command, as a user starts it."""
    from reflexmap.cli import main

    painted: list[float] = []

    def ready() -> None:
        print(painted[0], time.time(), flush=True)
        from PySide6.QtWidgets import QApplication

        QApplication.instance().exit(0)

    main(
        ["--chart", chart] if chart else [],
        on_first_paint=lambda: painted.append(time.time()),
        on_ready=ready,
    )


def prepare() -> None:
    """A first start has happened: the first-run note is seen, the chart cache is warm."""
    from reflexmap.atlas import load_atlas
    from reflexmap.paths import chart_cache, default_settings_path
    from reflexmap.settings import Settings
    from reflexmap.ui.app import application

    application()
    settings = Settings(default_settings_path())
    settings.setValue("notes/first-run-seen", True)
    settings.sync()
    load_atlas(cache=chart_cache())


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "prepare":
        prepare()
    else:
        app(sys.argv[2] if len(sys.argv) > 2 else None)
