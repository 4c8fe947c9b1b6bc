"""ReflexMap: study foot reflex-zone charts, honestly labelled as what charts claim.

Public API::

    import reflexmap
    atlas = reflexmap.load_atlas()          # the built-in chart; or load_atlas("my.yaml")
    atlas.views, atlas.zones
    atlas.zones_at("plantar-left", 10.0, 30.0)   # zones under a point, most specific first

The names below are imported on first use, so that `reflexmap.cli` starts without loading
Shapely before it knows what it will do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Atlas",
    "AtlasError",
    "AtlasLoadError",
    "Source",
    "View",
    "Zone",
    "load_atlas",
    "read_atlas",
    "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .atlas import Atlas, AtlasError, AtlasLoadError, Source, View, Zone, load_atlas, read_atlas


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import atlas

        return getattr(atlas, name)
    raise AttributeError(f"module 'reflexmap' has no attribute {name!r}")
