"""Presenter mode and the window around it (issue 16): full screen on the way in, the window
as it was on the way out, and never saved full screen with its panels hidden: quitting while
presenting, the next start opens the window as it was before presenting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QToolBar


def test_f5_presents_full_screen_and_escape_brings_the_window_back(qtbot, make_window):
    window = make_window()
    window.resize(700, 520)
    qtbot.wait(20)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible() and window.info_dock.isVisible()
    assert (window.width(), window.height()) == (700, 520)


def test_quitting_while_presenting_keeps_the_window_as_it_was_before(qtbot, make_window, settings):
    window = make_window()
    window.resize(700, 520)
    qtbot.wait(20)
    assert not window.isFullScreen()
    window.present_action.trigger()  # View → Presenter mode
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert not window.menuBar().isVisible() and not window.info_dock.isVisible()
    window.close()  # File → Quit while presenting
    settings.sync()

    again = make_window(settings_=settings)
    qtbot.wait(20)
    assert not again.isFullScreen()
    assert again.menuBar().isVisible() and again.info_dock.isVisible()
    assert all(bar.isVisible() for bar in again.findChildren(QToolBar))
    assert (again.width(), again.height()) == (700, 520)


def test_a_window_saved_while_presenting_starts_as_a_window(qtbot, make_window, settings):
    """Settings written by a version that saved presenting's full screen and hidden panels."""
    window = make_window()
    window.present_action.trigger()
    qtbot.waitUntil(lambda: window.isFullScreen())
    settings.update(
        {"window/geometry": window.saveGeometry().data(), "window/state": window.saveState().data()}
    )
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())

    again = make_window(settings_=settings)
    qtbot.wait(20)
    assert not again.isFullScreen()
    assert again.menuBar().isVisible() and again.info_dock.isVisible()
    assert all(bar.isVisible() for bar in again.findChildren(QToolBar))


def test_a_long_name_and_claim_keep_the_caption_to_three_lines(qtbot, make_window, tmp_path):
    """A zone of a 3,999-character name and claim with a 270-letter word: the caption under
    the chart takes three lines at most and no word runs past its edge; the chart stays."""
    from reflexmap.atlas import load_atlas
    from reflexmap.ui.modes.presenter import CAPTION_LINES

    from .test_handout_hostile import hostile_chart

    window = make_window(load_atlas(hostile_chart(tmp_path, extra_zones=0)))
    window.resize(700, 520)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    caption = window.findChild(QLabel, "presenter-caption")
    for _step in range(4):  # the first zones: names and claims of 3,999 characters and 40 lines
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
        assert caption.isVisible()
        line = QFontMetrics(caption.font()).lineSpacing()
        assert caption.height() <= CAPTION_LINES * line + 30, (caption.height(), line)
        assert caption.minimumSizeHint().width() <= caption.width()  # every word fits a line
        assert window.map.viewport().height() >= window.map.height() / 2  # the chart keeps its room
        assert "…" in caption.text() or len(caption.text()) < 600


def test_escape_puts_the_window_back_exactly_where_it_was(qtbot, make_window):
    """After presenting the window stands where it stood, to the pixel: restoring its saved
    geometry alone put a window at the screen's top left corner back at (1, 25) on a screen
    without a window manager (the tryout's 1920×1080 Xvfb; offscreen (3, 25))."""
    from PySide6.QtCore import QPoint

    window = make_window()
    window.resize(700, 520)
    window.move(0, 0)  # the window's frame at the screen's corner
    qtbot.waitUntil(lambda: window.pos() == QPoint(0, 0))
    before = window.geometry()
    window.present_action.trigger()  # View → Presenter mode
    qtbot.waitUntil(lambda: window.isFullScreen())
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.wait(50)  # anything the window system does after showing it again
    assert (window.pos(), window.geometry()) == (QPoint(0, 0), before)
