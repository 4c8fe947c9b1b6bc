"""Settings menu: theme, text size and language, remembered and applied to the whole
application. The window gives it what to redraw; a new language is the window's to apply
(the window is rebuilt in it, see language_switch.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from .. import i18n
from ..i18n import _
from ..settings import Settings
from . import appearance


class SettingsMenu(QObject):
    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        *,
        redraw: Callable[[], None],
        set_text_scale: Callable[[float], None],
        set_language: Callable[[str], object],
    ):
        """`redraw()`: the theme changed (chart, card and list drawn again);
        `set_text_scale(scale)`: the map's type follows; `set_language(choice)`: switch."""
        super().__init__(window)
        self.window, self.settings = window, settings
        self._redraw, self._map_text_scale = redraw, set_text_scale
        self.menu = QMenu(_("&Settings"), window)
        self.theme_actions = self._choices(
            self.menu.addMenu(_("&Theme")),
            [(value, _(text)) for value, text in appearance.THEME_CHOICES.items()],
            appearance.theme_choice(settings),
            self.set_theme,
        )
        self.text_size_actions = self._choices(
            self.menu.addMenu(_("Text &size")),
            [(value, _(text)) for value, text in appearance.TEXT_SIZES.items()],
            appearance.current_text_scale(),
            self.set_text_scale,
        )
        choice = appearance.language_setting(settings)
        if appearance.language_choice(settings) != i18n.language():  # --language for this run
            choice = i18n.language()
        self.language_actions = self._choices(
            self.menu.addMenu(_("&Language")),
            [("system", _(appearance.THEME_CHOICES["system"])), *i18n.LANGUAGES.items()],
            choice,
            set_language,
        )

    def _choices(self, menu: QMenu, choices, current, slot) -> dict:
        group = QActionGroup(self.window)
        actions = {}
        for value, text in choices:
            action = QAction(text, self.window, checkable=True)
            action.setChecked(value == current)
            action.triggered.connect(lambda checked=False, v=value: slot(v))
            group.addAction(action)
            menu.addAction(action)
            actions[value] = action
        return actions

    def set_theme(self, choice: str) -> None:
        self.settings.setValue("appearance/theme", choice)
        self.apply_theme()

    def apply_theme(self, scheme: Qt.ColorScheme | None = None) -> None:
        choice = appearance.theme_choice(self.settings)
        appearance.apply_theme(QApplication.instance(), choice, scheme)
        if choice in self.theme_actions:
            self.theme_actions[choice].setChecked(True)
        self._redraw()

    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: follow it unless a theme was chosen."""
        if appearance.theme_choice(self.settings) == "system":
            self.apply_theme(scheme)

    def set_text_scale(self, scale: float) -> None:
        self.settings.setValue("appearance/text-scale", scale)
        appearance.apply_text_scale(QApplication.instance(), scale)
        self.text_size_actions[scale].setChecked(True)
        self._map_text_scale(scale)
