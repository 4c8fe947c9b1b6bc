"""Colours: themes for the chart and the window, and the body-region colours.

Regions use Okabe–Ito (colour-blind safe) plus two from Paul Tol's muted set, in every
theme. Colour is never the only cue: zones also carry labels, outlines, the list and the
info panel; selection is a heavy outline and a bold label; quiz marks say ✔ and ✖ in words.

The chart reads the module-level colours (INK, PAPER …) when it draws, so `apply(theme)`
followed by a redraw switches everything; exports and handouts draw with LIGHT, as paper is.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

from ..vocab import REGION_COLOURS

# The region colours and names live in reflexmap.vocab (the web page and Anki deck use them too).


class Theme(NamedTuple):
    """One look of the chart and the window; `name` is what settings store. (A NamedTuple: a
    frozen dataclass took 6 M instructions of every start to make.)"""

    name: str
    paper: str
    skin: str
    ink: str
    outline: str
    guide: str
    selection: str
    muted: str  # secondary text in panels
    fill_alpha: int  # zone fill opacity, 0-255
    line_scale: float  # zone edges and outlines, × the usual width
    window: dict[str, str] | None = None  # QPalette roles; None: the style's own palette
    dark: bool = False
    style_sheet: str = ""  # extra widget rules (high contrast: visible frames and focus)


LIGHT = Theme(
    "light",
    paper="#ffffff",
    skin="#fbf6f1",
    ink="#1f2328",
    outline="#3b3f45",
    guide="#7a7f87",
    selection="#111111",
    muted="#555555",
    fill_alpha=105,
    line_scale=1.0,
)
DARK = Theme(
    "dark",
    paper="#1b1d21",
    skin="#2a2d33",
    ink="#e6e6e3",
    outline="#c8ccd2",
    guide="#9aa0a8",
    selection="#ffffff",
    muted="#b0b4ba",
    fill_alpha=150,
    line_scale=1.0,
    window={
        "Window": "#25272c",
        "WindowText": "#e6e6e3",
        "Base": "#1b1d21",
        "AlternateBase": "#2a2d33",
        "Text": "#e6e6e3",
        "Button": "#30333a",
        "ButtonText": "#e6e6e3",
        "Highlight": "#3d7bd9",
        "HighlightedText": "#ffffff",
        "ToolTipBase": "#30333a",
        "ToolTipText": "#e6e6e3",
        "PlaceholderText": "#8d9199",
        "Link": "#8ab4f8",
        "Mid": "#44474e",
        "Dark": "#15171a",
        "Light": "#3a3d44",
    },
    dark=True,
)
HIGH_CONTRAST = Theme(
    "high-contrast",
    paper="#000000",
    skin="#000000",
    ink="#ffffff",
    outline="#ffffff",
    guide="#ffff00",
    selection="#ffff00",
    muted="#ffffff",
    fill_alpha=235,
    line_scale=2.0,
    window={
        "Window": "#000000",
        "WindowText": "#ffffff",
        "Base": "#000000",
        "AlternateBase": "#1a1a1a",
        "Text": "#ffffff",
        "Button": "#000000",
        "ButtonText": "#ffffff",
        "Highlight": "#ffff00",
        "HighlightedText": "#000000",
        "ToolTipBase": "#000000",
        "ToolTipText": "#ffffff",
        "PlaceholderText": "#d0d0d0",
        "Link": "#00ffff",
        "Mid": "#ffffff",
        "Dark": "#ffffff",
        "Light": "#ffffff",
    },
    dark=True,
    style_sheet=(
        "QLineEdit, QListView, QTextBrowser, QComboBox, QSpinBox, QTableWidget, QPushButton"
        " { border: 2px solid #ffffff; }"
        " QLineEdit:focus, QListView:focus, QTextBrowser:focus, QGraphicsView:focus, QPushButton:focus,"
        " QComboBox:focus, QSpinBox:focus, QTableWidget:focus { border: 3px solid #ffff00; }"
        " QPushButton { padding: 4px 10px; }"
        # pop-up menus framed: black on the black window they had no edge (S21-12)
        " QMenu { border: 2px solid #ffffff; }"
    ),
)
THEMES = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}

current = LIGHT
INK = QColor(LIGHT.ink)
OUTLINE = QColor(LIGHT.outline)
PAPER = QColor(LIGHT.paper)
SKIN = QColor(LIGHT.skin)
GUIDE = QColor(LIGHT.guide)
SELECTION = QColor(LIGHT.selection)
PROBLEM = QColor("#c0392b")  # an error's red, readable on paper and on the dark theme's fills


def apply(theme: Theme) -> None:
    """Make `theme` the one charts are drawn with (the caller redraws)."""
    global current, INK, OUTLINE, PAPER, SKIN, GUIDE, SELECTION
    current = theme
    INK, OUTLINE, PAPER = QColor(theme.ink), QColor(theme.outline), QColor(theme.paper)
    SKIN, GUIDE, SELECTION = QColor(theme.skin), QColor(theme.guide), QColor(theme.selection)


@contextlib.contextmanager
def drawing_with(theme: Theme) -> Iterator[None]:
    """Draw with `theme` for a while (exports and handouts are printed on white paper)."""
    before = current
    apply(theme)
    try:
        yield
    finally:
        apply(before)


def on_paper(function: Callable) -> Callable:
    """Runs `function` drawing with LIGHT: printed and exported charts are black on white."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with drawing_with(LIGHT):
            return function(*args, **kwargs)

    return wrapper


def window_palette(theme: Theme, base: QPalette) -> QPalette:
    """The Qt widget palette for `theme`, starting from the style's own (`base`)."""
    result = QPalette(base)
    for role_name, colour in (theme.window or {}).items():
        role = getattr(QPalette.ColorRole, role_name)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            result.setColor(group, role, QColor(colour))
        disabled = QColor(colour)
        if role_name in ("WindowText", "Text", "ButtonText"):
            disabled = QColor(theme.muted if theme.name != "high-contrast" else "#9a9a9a")
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return result


def region_colour(region: str) -> QColor:
    return QColor(REGION_COLOURS.get(region, "#999999"))


def edge_colour(region: str) -> QColor:
    """Zone outline: darker than the fill on light paper, lighter on dark."""
    colour = region_colour(region)
    return colour.lighter(135) if current.dark else colour.darker(150)


def fill(region: str, alpha: int) -> QColor:
    colour = region_colour(region)
    colour.setAlpha(alpha)
    return colour


# Mastery heat map: ColorBrewer "Blues", light to dark; safe for colour-blind readers and in
# grey print. Zones never practised are hatched, and every label also carries a percentage.
MASTERY = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
MASTERY_RANGES = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))  # in percent, one per colour


def mastery_colour(value: float) -> QColor:
    step = min(int(value * len(MASTERY)), len(MASTERY) - 1)
    return QColor(MASTERY[step])


def unpractised_brush() -> QBrush:
    return QBrush(QColor(current.guide if current.dark else "#9aa0a6"), Qt.BrushStyle.BDiagPattern)


def base_zone_brush() -> QBrush:
    """The main chart's zones under a partial chart: a faint grey, in every theme."""
    colour = QColor(current.guide)
    colour.setAlpha(45)
    return QBrush(colour)
