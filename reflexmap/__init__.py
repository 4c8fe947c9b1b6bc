"""ReflexMap: study foot reflex-zone charts, honestly labelled as what charts claim.

Public API::

    import reflexmap
    atlas = reflexmap.load_atlas()          # the built-in chart; or load_atlas("my.yaml")
    atlas.views, atlas.zones
    atlas.zones_at("plantar-left", 10.0, 30.0)   # zones under a point, most specific first

    chart = reflexmap.read_document("my.yaml")   # the file as written, comments and all
    chart = reflexmap.edits.MoveZone("lumbar-spine", 1.0, 0.0).apply(chart).document
    reflexmap.save_atlas(chart, "my.yaml")       # atomic, keeps my.yaml.bak

The names below are imported on first use, so that `reflexmap.cli` starts without loading
Shapely before it knows what it will do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = [
    "Atlas",
    "AtlasError",
    "AtlasLoadError",
    "ChartDocument",
    "ChartNotSaved",
    "EditRefused",
    "Source",
    "View",
    "Zone",
    "load_atlas",
    "read_atlas",
    "read_document",
    "save_atlas",
    "edits",
    "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .atlas import Atlas, AtlasError, AtlasLoadError, Source, View, Zone, edits, load_atlas, read_atlas
    from .atlas.document import ChartDocument, read_document
    from .atlas.edits import EditRefused
    from .atlas.writer import ChartNotSaved, save_atlas


_CHART_EDITING = {  # ruamel.yaml is loaded only by scripts and the editor that change charts
    "ChartDocument": "document",
    "read_document": "document",
    "save_atlas": "writer",
    "ChartNotSaved": "writer",
    "EditRefused": "edits",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "edits":
        return importlib.import_module(".atlas.edits", __name__)
    if name in _CHART_EDITING:
        return getattr(importlib.import_module(f".atlas.{_CHART_EDITING[name]}", __name__), name)
    if name in __all__:
        from . import atlas

        return getattr(atlas, name)
    raise AttributeError(f"module 'reflexmap' has no attribute {name!r}")
