"""Choosing what to practise: question kinds, views, feet, regions, a custom set, round rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..atlas import Atlas
from ..atlas.text import natural_key
from ..i18n import _
from ..quiz import KINDS, QuizOptions
from ..quiz.cards import KIND_TITLES
from . import palette
from .chart_scene import aspect_name, foot_name


def _boxes(
    parent: QWidget, items: list[tuple[str, str]], checked: set[str]
) -> tuple[QGroupBox, dict[str, QCheckBox]]:
    """A row of check boxes, by key."""
    group = QGroupBox(parent)
    row = QHBoxLayout(group)
    boxes = {}
    for key, text in items:
        box = QCheckBox(text, group)
        box.setChecked(key in checked)
        row.addWidget(box)
        boxes[key] = box
    row.addStretch(1)
    return group, boxes


class QuizSetupDialog(QDialog):
    def __init__(self, atlas: Atlas, aspect: str, parent=None):
        super().__init__(parent)
        self.setObjectName("quiz-setup")
        self.setWindowTitle(_("New quiz"))
        self.atlas = atlas
        form = QFormLayout()
        group, self.kinds = _boxes(self, [(k, _(KIND_TITLES[k])) for k in KINDS], {"find", "name"})
        form.addRow(_("Questions"), group)
        aspects = atlas.aspects()
        group, self.aspects = _boxes(self, [(a, aspect_name(a)) for a in aspects], {aspect})
        form.addRow(_("Views"), group)
        group, self.feet = _boxes(
            self, [("left", foot_name("left")), ("right", foot_name("right"))], {"left", "right"}
        )
        form.addRow(_("Feet"), group)
        regions = [r for r in palette.REGION_COLOURS if any(z.region == r for z in atlas.zones)]
        group, self.regions = _boxes(self, [(r, palette.region_name(r)) for r in regions], set(regions))
        form.addRow(_("Body regions"), group)
        self.custom = QListWidget(self)
        self.custom.setAccessibleName(_("Custom set of zones"))
        for zone in sorted(atlas.zones, key=lambda z: natural_key(z.name)):
            item = QListWidgetItem(zone.name)
            item.setData(Qt.ItemDataRole.UserRole, zone.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.custom.addItem(item)
        self.custom.setMaximumHeight(140)
        form.addRow(_("Custom set\n(none ticked: all)"), self.custom)
        self.length = QSpinBox(self)
        self.length.setRange(1, 200)
        self.length.setValue(10)
        self.length.setMaximumWidth(110)
        form.addRow(_("Questions per round"), self.length)
        self.timed = QCheckBox(_("Timed round, seconds:"), self)
        self.seconds = QSpinBox(self)
        self.seconds.setRange(10, 3600)
        self.seconds.setValue(120)
        timed_row = QHBoxLayout()
        timed_row.addWidget(self.timed)
        timed_row.addWidget(self.seconds)
        timed_row.addStretch(1)
        form.addRow(_("Time"), timed_row)
        self.sudden_death = QCheckBox(_("Sudden death: the round ends at the first mistake"), self)
        form.addRow("", self.sudden_death)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok | cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def options(self) -> QuizOptions:
        def ticked(boxes):
            return tuple(k for k, box in boxes.items() if box.isChecked())

        custom = tuple(
            self.custom.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.custom.count())
            if self.custom.item(i).checkState() == Qt.CheckState.Checked
        )
        return QuizOptions(
            kinds=ticked(self.kinds) or ("find",),
            aspects=ticked(self.aspects),
            feet=ticked(self.feet),
            regions=ticked(self.regions),
            zone_ids=custom,
            length=self.length.value(),
            time_limit_s=float(self.seconds.value()) if self.timed.isChecked() else None,
            sudden_death=self.sudden_death.isChecked(),
        )
