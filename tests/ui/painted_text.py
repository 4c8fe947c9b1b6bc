"""The text a widget paints itself (QPainter.drawText in a paintEvent: the Statistics window's
charts, the handout preview), which no widget property holds: the widget is rendered into a
recording paint device, whose paint engine is handed every run of text that reaches the glyph
level (from Python or C++ painting alike), while QPainter.drawText is wrapped to keep the
strings as the code passed them (one call, one string in logical order: what the isolation
check reads)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtGui import QPaintDevice, QPaintEngine, QPainter
from PySide6.QtWidgets import QWidget


@dataclass
class Painted:
    calls: list[str] = field(default_factory=list)  # strings given to QPainter.drawText
    runs: list[str] = field(default_factory=list)  # runs of text the paint engine drew


class _Engine(QPaintEngine):
    def __init__(self, painted: Painted):
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.painted = painted

    def begin(self, _device) -> bool:
        return True

    def end(self) -> bool:
        return True

    def updateState(self, _state) -> None:
        pass

    def drawTextItem(self, _point, item) -> None:
        self.painted.runs.append(item.text())

    def drawPixmap(self, *_args) -> None:
        pass

    def drawImage(self, *_args) -> None:
        pass

    def drawPolygon(self, *_args) -> None:
        pass

    def drawPath(self, *_args) -> None:
        pass

    def drawRects(self, *_args) -> None:
        pass

    def drawLines(self, *_args) -> None:
        pass

    def drawEllipse(self, *_args) -> None:
        pass

    def drawPoints(self, *_args) -> None:
        pass

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User


class _Device(QPaintDevice):
    def __init__(self, width: int, height: int, painted: Painted):
        super().__init__()
        self.size = (max(1, width), max(1, height))
        self.engine = _Engine(painted)

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        width, height = self.size
        return {
            m.PdmWidth: width,
            m.PdmHeight: height,
            m.PdmWidthMM: round(width * 25.4 / 96),
            m.PdmHeightMM: round(height * 25.4 / 96),
            m.PdmNumColors: 0xFFFFFF,
            m.PdmDepth: 32,
            m.PdmDpiX: 96,
            m.PdmDpiY: 96,
            m.PdmPhysicalDpiX: 96,
            m.PdmPhysicalDpiY: 96,
            m.PdmDevicePixelRatio: 1,
            m.PdmDevicePixelRatioScaled: round(QPaintDevice.devicePixelRatioFScale()),
        }.get(metric, 0)


@contextlib.contextmanager
def _drawn_text_kept(painted: Painted) -> Iterator[None]:
    original = QPainter.drawText

    def recording(painter, *args):
        painted.calls.extend(a for a in args if isinstance(a, str))
        return original(painter, *args)

    QPainter.drawText = recording
    try:
        yield
    finally:
        QPainter.drawText = original


def painted_text(widget: QWidget) -> Painted:
    """Everything `widget` and its children paint, as text."""
    painted = Painted()
    device = _Device(widget.width(), widget.height(), painted)
    with _drawn_text_kept(painted):
        widget.render(device)
    return painted
