"""The domain core: atlas model, loading, validation and hit-testing. Imports no Qt."""

from .errors import AtlasError, AtlasLoadError
from .loader import LoadResult, builtin_chart_path, builtin_charts, load_atlas, parse_atlas, read_atlas
from .model import ASPECTS, FEET, REGIONS, Atlas, Guide, Source, View, Zone

__all__ = [
    "ASPECTS",
    "FEET",
    "REGIONS",
    "Atlas",
    "AtlasError",
    "AtlasLoadError",
    "Guide",
    "LoadResult",
    "Source",
    "View",
    "Zone",
    "builtin_chart_path",
    "builtin_charts",
    "load_atlas",
    "parse_atlas",
    "read_atlas",
]
