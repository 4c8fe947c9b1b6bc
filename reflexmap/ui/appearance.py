"""Theme, text size and language: applied to the whole application from the settings.

Kept apart from the windows so that start-up, the settings menu and tests apply them the
same way. Colours of the chart come from `palette`; widget colours from a QPalette.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QDockWidget

from .. import i18n
from ..render import palette
from ..setting_rules import TEXT_SIZES, THEME_CHOICES, default
from ..settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

_base_font: QFont | None = None
_translators: list[QTranslator] = []
_themed = False  # whether a theme other than the style's own palette was ever applied
_scale = 1.0


def current_text_scale() -> float:
    """The text size in use (the setting, or a command-line override)."""
    return _scale


def theme_choice(settings: Settings) -> str:
    value = settings.value("appearance/theme")
    return value if value in THEME_CHOICES else default("appearance/theme")


def text_scale_choice(settings: Settings) -> float:
    value = settings.value("appearance/text-scale")
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and float(value) in TEXT_SIZES
    return float(value) if ok else default("appearance/text-scale")


def language_setting(settings: Settings) -> str:
    """The choice in the Language menu: a language code, or "system" (also when none was made)."""
    value = settings.value("appearance/language", "")
    return value if value in i18n.LANGUAGES else "system"


def language_choice(settings: Settings) -> str:
    """The language to use: the one chosen, or the desktop's when it is to follow the system."""
    value = language_setting(settings)
    return i18n.system_language() if value == "system" else value


def resolve_theme(choice: str, scheme: Qt.ColorScheme | None = None) -> palette.Theme:
    """The theme a choice means now; "system" follows the desktop's light or dark scheme
    (`scheme` as the desktop just announced it, else as Qt reports it)."""
    if choice == "system":
        scheme = scheme if scheme is not None else QGuiApplication.styleHints().colorScheme()
        return palette.DARK if scheme == Qt.ColorScheme.Dark else palette.LIGHT
    return palette.THEMES.get(choice, palette.LIGHT)


def apply_theme(app: QApplication, choice: str, scheme: Qt.ColorScheme | None = None) -> palette.Theme:
    global _themed
    theme = resolve_theme(choice, scheme)
    palette.apply(theme)
    if theme.window is None:
        if _themed:  # back from dark: the style's own palette again (nothing to do at start-up)
            app.setPalette(app.style().standardPalette())
            app.setStyleSheet("")
    else:
        _themed = True
        # The style first, then its palette, then the style sheet: a style set after the sheet
        # (coming from the light theme's own style) left every panel with the old palette, and
        # the card drew its high-contrast text white on white (tryout S13-5).
        set_style(app, "fusion")  # follows the palette fully on every platform
        app.setPalette(palette.window_palette(theme, app.style().standardPalette()))
        app.setStyleSheet(theme.style_sheet)
    return theme


@cache
def scaled_style() -> type:
    """The class of the style in use, with check boxes, radio buttons and small icons scaled
    like the text. Made when first used (a text size other than the usual, another style):
    QStyle's enumerations cost a start that needs neither."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    metric = QStyle.PixelMetric
    scaled = (  # drawn marks that sit beside text: they grow with it
        metric.PM_IndicatorWidth,
        metric.PM_IndicatorHeight,
        metric.PM_ExclusiveIndicatorWidth,
        metric.PM_ExclusiveIndicatorHeight,
        metric.PM_SmallIconSize,
        metric.PM_ListViewIconSize,
        metric.PM_TitleBarButtonIconSize,
        metric.PM_DockWidgetTitleBarButtonMargin,
    )
    edged = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
    spin = (QStyle.PrimitiveElement.PE_IndicatorSpinUp, QStyle.PrimitiveElement.PE_IndicatorSpinDown)

    class ScaledStyle(QProxyStyle):
        def pixelMetric(self, metric, option=None, widget=None) -> int:
            value = super().pixelMetric(metric, option, widget)
            return round(value * _scale) if metric in scaled else value

        def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:  # noqa: N802, N803
            """No icons on dialog buttons in the dark themes: the style's ✗ and ✓ are drawn
            for a light window, a dim red or grey on black (High contrast: Cancel's and
            Close's ✗ barely showed, S21-12); the words say it all."""
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons and palette.current.dark:
                return 0
            return super().styleHint(hint, option, widget, returnData)

        def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
            """Check boxes and radio buttons with a visible edge on dark themes: Fusion draws it
            a shade darker than the window, which on a dark or black window is no edge at all (an
            unticked box in the high-contrast theme did not show); and spin-box arrows drawn
            here on dark themes (High contrast's styled spin boxes showed two empty boxes)."""
            dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 100
            if dark and element in spin:
                _spin_arrow(painter, option, element == QStyle.PrimitiveElement.PE_IndicatorSpinUp)
                return
            super().drawPrimitive(element, option, painter, widget)
            if element not in edged or not dark:
                return
            edge = QColor(option.palette.color(QPalette.ColorRole.WindowText))
            edge.setAlpha(200)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(edge, max(1.0, _scale)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(option.rect).adjusted(1, 1, -1, -1)
            if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 1.5, 1.5)
            painter.restore()

    return ScaledStyle


def _spin_arrow(painter: QPainter, option, up: bool) -> None:
    """A spin box's arrow in the button's text colour (grey when the step is not possible),
    filling its box (at least 7 px wide): in a spin box with a styled border (High contrast's)
    the style was given a 5 px box and drew nothing in it, the button stayed black."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPolygonF

    box = QRectF(option.rect)
    width = max(7.0, min(box.width(), box.height() * 1.6))
    height = width / 1.8
    cx, cy = box.center().x(), box.center().y()
    tip, base = (cy - height / 2, cy + height / 2) if up else (cy + height / 2, cy - height / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(option.palette.color(QPalette.ColorRole.ButtonText))
    painter.drawPolygon(
        QPolygonF([QPointF(cx, tip), QPointF(cx + width / 2, base), QPointF(cx - width / 2, base)])
    )
    painter.restore()


def set_style(app: QApplication, name: str | None = None) -> None:
    """Use the style `name` (or keep the one in use), scaled with the text size."""
    scaled = scaled_style()
    current = app.style()
    base = name or (current.baseStyle().name() if isinstance(current, scaled) else current.name())
    if isinstance(current, scaled) and base == current.baseStyle().name():
        return
    app.setStyle(scaled(base))


def apply_text_scale(app: QApplication, scale: float) -> None:
    """Scale the application font (panels, menus, dialogs), check boxes and small icons; the map
    labels scale with it too."""
    global _base_font, _scale
    _scale = scale
    if _base_font is None:
        if scale == 1.0:
            return  # start-up with the usual size: nothing to change
        _base_font = QFont(app.font())
    font = QFont(_base_font)
    if _base_font.pointSizeF() > 0:
        font.setPointSizeF(_base_font.pointSizeF() * scale)
    else:
        font.setPixelSize(round(_base_font.pixelSize() * scale))
    set_style(app)
    app.setFont(font)
    for widget in app.allWidgets():
        if isinstance(widget, QDockWidget):
            _refont_dock(widget, font)


def _refont_dock(dock: QDockWidget, font: QFont) -> None:
    """A docked panel draws its title in the font it was built with (Qt keeps the platform's
    dock-title font from then), unless its own font differs from the application's: so it
    gets its own, equal but for a rendering hint, and its title follows the text size."""
    own = QFont(font)
    own.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    dock.setFont(own)


def apply_language(app: QApplication, code: str) -> str:
    """Our strings through gettext; Qt's own (standard buttons, file dialogs) through Qt's catalogue."""
    used = i18n.set_language(code)
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator  # only when switching

    for translator in _translators:
        app.removeTranslator(translator)
        translator.deleteLater()  # a child of the app: each switch to German left one (and its catalogue)
    _translators.clear()
    if used != i18n.DEFAULT:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{used}", folder):
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(QLocale(used))
    return used


def apply_language_at_start(app: QApplication, code: str) -> None:
    if code != i18n.DEFAULT or i18n.language() != i18n.DEFAULT:
        apply_language(app, code)


def apply_all(
    app: QApplication,
    settings: Settings,
    *,
    theme: str | None = None,
    language: str | None = None,
    text_scale: float | None = None,
) -> None:
    """Everything from `settings`; the keyword arguments override them for this run only."""
    apply_language_at_start(app, language or language_choice(settings))
    apply_theme(app, theme or theme_choice(settings))
    apply_text_scale(app, text_scale or text_scale_choice(settings))
