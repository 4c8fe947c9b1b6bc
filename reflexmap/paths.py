"""Where the app keeps its files, per user, in the platform's own folders (XDG on Linux)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .atlas.cache import AtlasCache

_Location = QStandardPaths.StandardLocation


def _folder(location: QStandardPaths.StandardLocation) -> Path:
    return Path(QStandardPaths.writableLocation(location))


def default_settings_path() -> Path:
    """Settings, in the configuration folder."""
    return _folder(_Location.AppConfigLocation) / "settings.json"


def default_progress_path() -> Path:
    """Quiz progress, in the data folder (AppData on Windows)."""
    return _folder(_Location.AppDataLocation) / "progress.json"


@cache
def chart_cache() -> AtlasCache:
    """Validated charts, in the cache folder: safe to delete, only costs a slower first open."""
    return AtlasCache(_folder(_Location.CacheLocation) / "charts")


def kept_sizes_path() -> Path:
    """Chart sizes measured at start (ui/kept_sizes.py), in the cache folder: safe to delete."""
    return _folder(_Location.CacheLocation) / "chart-sizes.json"
