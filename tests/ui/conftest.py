"""Real windows, real clicks at mapped chart points (in millimetres)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reflexmap.atlas.geometry import label_anchors
from reflexmap.settings import Settings


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """A window that went away by itself (the old window after a language switch is deleted)
    is not closed again by pytest-qt: only widgets still alive are."""
    import shiboken6

    widgets = getattr(item, "qt_widgets", None)
    if widgets:
        item.qt_widgets = [(w, f) for w, f in widgets if w() is not None and shiboken6.isValid(w())]
    return (yield)


@pytest.fixture(autouse=True)
def plain_appearance():
    """Each test starts and ends in English, the light theme and the usual text size."""
    yield
    from PySide6.QtWidgets import QApplication

    from reflexmap.render import palette
    from reflexmap.ui import appearance

    app = QApplication.instance()
    if app is not None:
        appearance.apply_language(app, "en")
        appearance.apply_theme(app, "light")
        appearance.apply_text_scale(app, 1.0)
    palette.apply(palette.LIGHT)


@pytest.fixture(autouse=True)
def no_autosave_left_behind():
    """Work a test's window autosaved (its 30 s timer fires in a slow run, with edits still
    unsaved) is not offered back to the next test's window: the data folder is the session's."""
    yield
    from reflexmap.ui.editor.autosaves import autosave_folder

    shutil.rmtree(autosave_folder(), ignore_errors=True)


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """Settings of a first start."""
    return Settings(tmp_path / "fresh.json")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings of someone who has started the app before (the first-run note is done)."""
    settings = Settings(tmp_path / "settings.json")
    settings.setValue("notes/first-run-seen", True)
    return settings


@pytest.fixture
def make_window(qtbot, settings, tmp_path: Path):
    from reflexmap.ui.app import application, create_window

    application()

    def make(atlas=None, settings_=None, progress_path=None):
        progress = progress_path or tmp_path / "progress.json"  # each test its own student
        window = create_window(atlas, settings_ or settings, progress_path=progress)
        # the tests' window is a laptop's, 1440×900, as it always was: the first window fitted to
        # the 800×800 offscreen screen is test_window_fits_screen.py's
        if not (settings_ or settings).value("window/geometry"):  # a saved one is restored
            window.resize(1440, 900)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(10)  # one event-loop turn: layouts settle, the view fits the chart
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


ASPECT_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)  # Ctrl+1 … Ctrl+4: the views


def _settled(qtbot, window) -> None:
    """Wait until the map has stopped changing: its viewport's size, its scale and the chart's
    bounds the same twice running, 50 ms apart (a fixed 50 ms wait was not enough on a loaded
    machine: the docks' layout, and with it the map's size, came after it, and the key was
    measured at the size before; CI, test_key_legible [de])."""
    last = None
    for _ in range(40):
        qtbot.wait(50)
        view = window.map
        now = (view.viewport().size(), view.transform().m11(), view.chart.chart_rect)
        if now == last:
            return
        last = now


@pytest.fixture
def window_in(qtbot, make_window):
    """`window_in(language, size=None, text_scale=None)`: a window in `language` (switched as
    Settings → Language does: a new window), `size` (width, height) in pixels and
    `text_scale` chosen as Settings → Text size does."""

    def make(language: str = "en", size: tuple[int, int] | None = None, text_scale: float | None = None):
        window = make_window()
        if language != "en":
            window = window.set_language(language)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
        if size is not None:
            window.resize(*size)
        if text_scale is not None:
            window.settings_menu.text_size_actions[text_scale].trigger()
        if size is not None or text_scale is not None:
            _settled(qtbot, window)  # the map is drawn again at its size
        return window

    return make


@pytest.fixture
def largest_text_window(window_in):
    """`largest_text_window(language)`: a laptop's window (1440×900) at Largest text, where
    long names (German's) leave the map the least room."""
    return lambda language: window_in(language, size=(1440, 900), text_scale=1.5)


@pytest.fixture
def mount(tmp_path: Path):
    """`mount(name, size="256k")`: a folder of the test's that is a real tmpfs of `size` (a
    disk to fill or make read-only), unmounted after the test; the test is skipped where it
    may not mount."""
    made: list[Path] = []

    def make(name: str, size: str = "256k") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")
        made.append(folder)
        return folder

    yield make
    for folder in reversed(made):
        subprocess.run(["umount", "-l", str(folder)], check=False)


@dataclass(frozen=True)
class SmallDisk:
    """A data folder on a disk of its own (1 MiB) that a test fills up or turns read-only."""

    path: Path

    def fill(self) -> None:
        """No byte more fits."""
        with contextlib.suppress(OSError), open(self.path / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()

    def room(self) -> None:
        """Room again."""
        (self.path / "filler").unlink()

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)


@pytest.fixture
def data_disk(mount) -> SmallDisk:
    """The learner's data folder on a small disk of its own (`SmallDisk`)."""
    return SmallDisk(mount("data", "1m"))


@pytest.fixture
def full_data(data_disk, monkeypatch):
    """(data folder, fill, room): the data folder on a small disk of its own; `fill()` fills
    it up, `room()` frees it. The spare folders (settings, cache, temporary folder) that take
    answers the data folder cannot are one folder on the same disk: nothing takes them."""
    monkeypatch.setattr("reflexmap.ui.modes.quiz.spare_folders", lambda settings: (data_disk.path / "spare",))
    return data_disk.path, data_disk.fill, data_disk.room


def inside_point(atlas, view_id: str, zone_id: str) -> tuple[float, float]:
    """A point (mm) where `zone_id` is the first zone a click selects."""
    shapes = {z.id: z.shapes[view_id] for z in atlas.zones_in(view_id)}
    return label_anchors(shapes)[zone_id]


def viewport_pos(window, view_id: str, x: float, y: float) -> QPoint:
    return window.map.scene_point_to_viewport(view_id, x, y)


def click_mm(qtbot, window, view_id: str, x: float, y: float) -> None:
    pos = viewport_pos(window, view_id, x, y)
    assert window.map.viewport().rect().contains(pos), "point is not on screen"
    qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def click_zone(qtbot, window, view_id: str, zone_id: str) -> None:
    click_mm(qtbot, window, view_id, *inside_point(window.state.atlas, view_id, zone_id))


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def comparison_windows() -> list:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "compare-charts" and w.isVisible()]
