"""Real windows, real clicks at mapped chart points (in millimetres)."""

from __future__ import annotations

import shutil
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
    from reflexmap.ui.editor.saving import autosave_folder

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
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(10)  # one event-loop turn: layouts settle, the view fits the chart
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


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
