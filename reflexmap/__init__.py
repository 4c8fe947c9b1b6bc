"""ReflexMap: study foot reflex-zone charts, honestly labelled as what charts claim.

Public API::

    import reflexmap
    atlas = reflexmap.load_atlas()          # the built-in chart; or load_atlas("my.yaml")
    atlas.views, atlas.zones
    atlas.zones_at("plantar-left", 10.0, 30.0)   # zones under a point, most specific first
"""

from .atlas import Atlas, AtlasError, AtlasLoadError, Source, View, Zone, load_atlas, read_atlas

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
