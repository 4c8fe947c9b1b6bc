"""Starting the GUI: the QApplication, the main window, and the headless screenshot."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from ..atlas import Atlas, load_atlas, read_atlas
from ..paths import chart_cache, default_settings_path
from ..render.application import APPLICATION, ORGANISATION, app_icon, application  # noqa: F401
from ..settings import Settings
from ..storage import is_regular_file
from ..terminal_text import one_line
from . import appearance
from .main_window import MainWindow
from .timers import when_painted


def create_window(
    atlas: Atlas | None = None,
    settings: Settings | None = None,
    *,
    restore: bool = True,
    progress_path: Path | None = None,
    apply: bool = True,
) -> MainWindow:
    """The main window; with `apply`, theme, text size and language come from `settings` first."""
    settings = settings if settings is not None else Settings(default_settings_path())
    if apply:
        appearance.apply_all(application(), settings)
    return MainWindow(
        atlas or load_atlas(cache=chart_cache()),
        settings,
        restore=restore,
        progress_path=progress_path,
    )


def last_chart(settings: Settings) -> str | None:
    """The chart opened last time, if it still exists (errors in it are shown at start)."""
    last = settings.value("chart/last", "")
    return last if isinstance(last, str) and last and is_regular_file(last) else None


def run(
    chart: str | None = None,
    screenshot: str | None = None,
    select: str | None = None,
    size: tuple[int, int] = (1440, 900),
    aspect: str | None = None,
    on_first_paint: Callable[[], None] | None = None,
    theme: str | None = None,
    language: str | None = None,
    text_scale: float | None = None,
    on_ready: Callable[[], None] | None = None,
) -> int:
    """Open the main window on `chart` (default: the built-in chart).

    The chart is painted first; hit-testing (Shapely) is made ready right after, before
    any click is handled. The start-up benchmark passes `on_first_paint`, called once the
    chart has been painted, and `on_ready`, called once clicks can be answered."""
    app = application()
    atlas = None
    errors = ()
    settings = Settings(default_settings_path())
    appearance.apply_all(app, settings, theme=theme, language=language, text_scale=text_scale)
    if chart is None and screenshot is None:
        chart = last_chart(settings)
    if chart:
        from ..atlas.whole_file import read_whole

        # (a part of a file another program is writing is said so, as at Ctrl+O and Ctrl+R)
        result = read_whole(Path(chart), lambda: read_atlas(chart, chart_cache()))
        if result.ok:
            atlas = result.atlas
        else:
            errors = result.errors
            for error in errors:
                print(one_line(str(error)), file=sys.stderr)  # one line each, nothing the terminal acts on
    window = create_window(atlas, settings, restore=screenshot is None, apply=False)  # None: built-in
    if screenshot:
        window.resize(*size)
        window.map.kept_sizes = None  # a script's screenshot keeps no state (ui/kept_sizes.py)
    if aspect:
        window.state.set_aspect(aspect)
    if select:
        window.state.select(select)
    window.show()
    if errors:
        window.show_errors(Path(chart).name, errors)

    def ready() -> None:
        window.warm_up()
        gc.enable()  # paused by the command line during start-up
        if on_ready is not None:
            on_ready()

    def first_paint() -> None:
        QTimer.singleShot(0, ready)
        if on_first_paint is not None:
            on_first_paint()

    when_painted(window.map.viewport(), first_paint)
    if screenshot:
        out = Path(screenshot)

        def save() -> None:
            app.processEvents()
            ok = window.grab().save(str(out))
            if not ok:
                print(one_line(f"reflexmap: could not write {out}"), file=sys.stderr)
            app.exit(0 if ok else 1)

        when_painted(window.map.viewport(), save)
        QTimer.singleShot(20_000, lambda: app.exit(2))  # never hang a script
    code = app.exec()
    # Closing the last window posts a Quit event besides the one that ended exec(); left in the
    # queue it would end every event loop started after run() returns (a caller's, a test's).
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    return code
