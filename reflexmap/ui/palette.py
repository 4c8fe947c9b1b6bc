"""Colours for body regions: Okabe–Ito (colour-blind safe), plus two from Paul Tol's muted set.

Colour is never the only cue: zones also carry labels, outlines and the info panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

REGION_COLOURS = {
    "head": "#56B4E9",  # sky blue
    "neck": "#009E73",  # bluish green
    "chest": "#F0E442",  # yellow
    "abdomen": "#E69F00",  # orange
    "pelvis": "#CC79A7",  # reddish purple
    "spine": "#0072B2",  # blue
    "nerve": "#D55E00",  # vermillion
    "back": "#AA4499",  # Tol purple
    "limb": "#999933",  # Tol olive
}
REGION_NAMES = {
    "head": "Head",
    "neck": "Neck",
    "chest": "Chest",
    "abdomen": "Abdomen",
    "pelvis": "Pelvis",
    "spine": "Spine",
    "nerve": "Nerves",
    "back": "Back",
    "limb": "Limbs",
}

INK = QColor("#1f2328")
OUTLINE = QColor("#3b3f45")
PAPER = QColor("#ffffff")
SKIN = QColor("#fbf6f1")
GUIDE = QColor("#7a7f87")
SELECTION = QColor("#111111")


def region_colour(region: str) -> QColor:
    return QColor(REGION_COLOURS.get(region, "#999999"))


def fill(region: str, alpha: int) -> QColor:
    colour = region_colour(region)
    colour.setAlpha(alpha)
    return colour


# Mastery heat map: ColorBrewer "Blues", light to dark; safe for colour-blind readers and in
# grey print. Zones never practised are hatched, and every label also carries a percentage.
MASTERY = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
MASTERY_NAMES = ("0–19 %", "20–39 %", "40–59 %", "60–79 %", "80–100 %")


def mastery_colour(value: float) -> QColor:
    step = min(int(value * len(MASTERY)), len(MASTERY) - 1)
    return QColor(MASTERY[step])


def unpractised_brush() -> QBrush:
    brush = QBrush(QColor("#9aa0a6"), Qt.BrushStyle.BDiagPattern)
    return brush
