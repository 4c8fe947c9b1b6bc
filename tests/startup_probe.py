"""A start of the `reflexmap` command that reports, as JSON, which libraries were loaded at
its first paint and once it was ready for clicks (run by tests/ui/test_startup_order.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys

from PySide6.QtWidgets import QApplication

from reflexmap.cli import main
from reflexmap.ui.main_window import MainWindow

seen = {}
drawings = []  # the map's chart drawn (each round of fitting its text size is one): its aspect
guide_names = []  # the views whose guide names were placed, once per drawing of the view
pairings = []  # mirrored feet's guide names paired by a search (not read back as kept)


refine_steps = []  # the map's steps drawing tiles ahead (around the viewport), in turn


def _count_refine_steps() -> None:
    from reflexmap.ui.map_view import MapView

    step = MapView._refine_step

    def counted(self):
        refine_steps.append(self)
        return step(self)

    MapView._refine_step = counted


def _count_drawings() -> None:
    from reflexmap.render.chart_scene import ChartScene

    show_chart, find_guide_places = ChartScene.show_chart, ChartScene._find_guide_places
    pair = ChartScene._pair_mirrored_names

    def counted(self, atlas, aspect, *args, **kwargs):
        drawings.append(aspect)
        return show_chart(self, atlas, aspect, *args, **kwargs)

    def names_counted(self, frame, start):
        if start == self._guide_step:  # (placed again at the other foot's size: not counted)
            guide_names.append(frame.view.id)
        return find_guide_places(self, frame, start)

    def pairing_counted(self, frames, waiting, found):
        pairings.append([frame.view.id for frame in frames])
        return pair(self, frames, waiting, found)

    ChartScene.show_chart = counted
    ChartScene._pair_mirrored_names = pairing_counted
    ChartScene._find_guide_places = names_counted


def loaded():
    return sorted(name for name in ("shapely", "numpy", "yaml", "jsonschema") if name in sys.modules)


def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def painted():
    seen["painted"] = loaded()
    from PySide6 import QtGui

    # (asked before the picture below, which makes a QImage)
    seen["brush pattern classes at paint"] = [n for n in ("QGradient", "QImage") if n in vars(QtGui)]
    seen["accessibility classes at paint"] = [n for n in ("QAccessible",) if n in vars(QtGui)]
    seen["resource modules at paint"] = sorted(n for n in sys.modules if n.startswith("importlib.resources"))
    seen["warm at paint"] = window().state.atlas.index.is_warm()
    seen["drawings at paint"] = len(drawings)
    chart = window().map.chart
    seen["text at paint"] = [chart.min_text_mm, chart.chart_rect.width(), chart.chart_rect.height()]
    picture = window().map.viewport().grab().toImage()
    seen["picture at paint"] = hashlib.sha256(bytes(picture.constBits())).hexdigest()
    seen["aspects drawn at paint"] = sorted(set(drawings))
    seen["guide names placed at paint"] = sorted(guide_names)
    seen["guide names searched at paint"] = chart.guide_names_searched  # (not kept from before)
    seen["guide names paired at paint"] = len(pairings)  # (not kept from before)
    seen["label sides chosen at paint"] = chart.label_sides_chosen  # (not kept from before)
    seen["dialog modules at paint"] = sorted(
        n for n in ("reflexmap.ui.dialogs", "reflexmap.ui.help_dialogs") if n in sys.modules
    )
    later = ("html", "html.entities", "reflexmap.atlas.search")  # escaping; the zone list's search
    later += ("reflexmap.atlas.partial",)  # what a partial chart adds (the start's is the main chart)
    seen["modules for later at paint"] = sorted(n for n in later if n in sys.modules)
    # (this probe imports hashlib itself, for the picture's hash; `secrets` brings it and hmac)
    seen["secrets at paint"] = [n for n in ("secrets", "hmac") if n in sys.modules]
    from PySide6 import QtCore

    seen["link classes at paint"] = [n for n in ("QUrl",) if n in vars(QtCore)]  # (and its 5 enums)
    seen["text format classes at paint"] = [n for n in ("QTextFormat", "QTextCharFormat") if n in vars(QtGui)]
    from reflexmap.atlas import text, wording

    seen["text patterns compiled at paint"] = sorted(
        n
        for n, v in vars(text).items()
        if n.lstrip("_").isupper() and (isinstance(v, re.Pattern) or "search" in getattr(v, "__dict__", {}))
    )
    seen["effect word patterns compiled at paint"] = [
        n for n in ("EFFECT_WORDS_EN", "EFFECT_WORDS_DE") if "search" in dir(getattr(wording, n))
    ]
    seen["dataclasses at paint"] = sorted(  # (each costs 3-7 M instructions to make at import)
        name
        for module, names in list(sys.modules.items())
        if module.startswith("reflexmap")
        for name, value in vars(names).items()
        if isinstance(value, type) and value.__module__ == module and dataclasses.is_dataclass(value)
    )
    seen["editor at paint"] = getattr(window(), "edits", "built") is not None
    seen["editor modules at paint"] = sorted(n for n in sys.modules if n.startswith("reflexmap.ui.editor."))
    # PySide6 makes a class (and a Python enum class for each of its enums) when it is first
    # needed: widget classes the window never shows are not made before its first paint
    from PySide6 import QtWidgets

    seen["unshown widget classes at paint"] = sorted(
        n
        for n in (
            *("QWizard", "QCalendarWidget", "QFileDialog", "QFontDialog", "QMdiArea"),
            *("QComboBox", "QAbstractSpinBox", "QPlainTextEdit"),  # the editor's, for its keys
            "QMessageBox",  # (the quiz's warnings; 4 enum classes, 44 values)
        )
        if n in vars(QtWidgets)
    )


def _click_a_zone(zone_id: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reflexmap.atlas.geometry import label_anchors  # (Shapely: imported after `ready` is noted)

    state, view = window().state, window().map
    view_id = next(v.id for v in state.atlas.views if v.aspect == state.aspect and v.foot == "left")
    x, y = label_anchors({z.id: z.shapes[view_id] for z in state.atlas.zones_in(view_id)})[zone_id]
    seen["zone before the click"] = state.zone_id
    where = view.scene_point_to_viewport(view_id, x, y)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    seen["zone after a click at ready"] = state.zone_id


def ready():
    seen["ready"] = loaded()
    seen["warm when ready"] = window().state.atlas.index.is_warm()
    seen["editor when ready"] = getattr(window(), "edits", "built") is not None
    seen["editor modules when ready"] = sorted(n for n in sys.modules if n.startswith("reflexmap.ui.editor."))
    from PySide6 import QtGui

    seen["accessibility classes when ready"] = [n for n in ("QAccessible",) if n in vars(QtGui)]
    seen["tiles drawn ahead when ready"] = len(refine_steps)
    seen["tiles ahead waiting when ready"] = window().map.drawing_ahead
    if os.environ.get("PROBE_CLICK_AT_READY"):  # a person's click at this very moment is answered
        _click_a_zone(os.environ["PROBE_CLICK_AT_READY"])
    if os.environ.get("PROBE_AFTER_READY"):  # what the turns after it do, until the map is still
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, _after_ready)
        return
    print(json.dumps(seen))
    QApplication.instance().exit(0)


def _after_ready() -> None:
    if window().map.drawing_ahead:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, _after_ready)
        return
    seen["tiles drawn ahead after ready"] = len(refine_steps)
    level = window().map._current_level(create=False)
    seen["tiles kept after ready"] = len(level.tiles) if level is not None else 0
    print(json.dumps(seen))
    QApplication.instance().exit(0)


if __name__ == "__main__":
    _count_drawings()
    _count_refine_steps()
    main(sys.argv[1:], on_first_paint=painted, on_ready=ready)
