"""Zone file → validated `Atlas`, collecting every mistake with its file, line and column.

Three passes, each only when the one before found nothing, so an author is never shown
errors that are consequences of an earlier one: YAML syntax, structure (the published
schema), then references and geometry.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shapely.geometry import Polygon

from . import geometry
from .cache import AtlasCache
from .errors import AtlasError, AtlasLoadError
from .index import ZoneIndex
from .model import Atlas, Guide, Ring, Shape, Source, View, Zone

if TYPE_CHECKING:
    from .yaml_source import Positions

MAX_FILE_BYTES = 32 * 1024 * 1024
DEFAULT_CHART = "ingham-western.yaml"


@dataclass(frozen=True, slots=True)
class LoadResult:
    atlas: Atlas | None
    errors: tuple[AtlasError, ...]

    @property
    def ok(self) -> bool:
        return self.atlas is not None and not self.errors


@cache
def _zones_folder() -> Path:
    """Where the built-in charts are: beside the package when installed from a wheel; an
    editable install maps `reflexmap.zones` to the checkout's zones/ folder instead."""
    installed = Path(__file__).resolve().parents[1] / "zones"
    if installed.is_dir():
        return installed
    from importlib import resources

    return Path(str(resources.files("reflexmap.zones")))


def builtin_chart_path(name: str = DEFAULT_CHART) -> Path:
    """Path of a chart shipped with ReflexMap (works from a wheel, not only a checkout)."""
    return _zones_folder() / name


def builtin_charts() -> list[Path]:
    return sorted(p for p in _zones_folder().iterdir() if p.name.endswith(".yaml"))


def read_atlas(path: str | Path, cache: AtlasCache | None = None) -> LoadResult:
    """Load and validate one zone file; never raises for anything wrong in the file.

    With a `cache`, a file whose exact bytes were validated before is not checked again."""
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _fail(source, 0, 0, "this is a folder, not a zone file")
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            return _fail(source, 0, 0, "this is not a regular file (a pipe, socket or device?)")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return _fail(
                source,
                0,
                0,
                f"the file is {size / 2**20:.0f} MiB; "
                f"zone files are limited to {MAX_FILE_BYTES // 2**20} MiB",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        return _fail(source, 0, 0, "no such file")
    except IsADirectoryError:
        return _fail(source, 0, 0, "this is a folder, not a zone file")
    except PermissionError:
        return _fail(source, 0, 0, "permission denied: ReflexMap may not read this file")
    except OSError as exc:
        return _fail(source, 0, 0, f"cannot read the file: {exc.strerror or exc}")
    if cache is None:
        return parse_atlas(raw, source, path=path)
    atlas = cache.get(raw, path)
    if atlas is not None:
        return LoadResult(atlas, ())
    result = parse_atlas(raw, source, path=path)
    if result.ok:
        assert result.atlas is not None
        cache.put(raw, result.atlas)
    return result


def parse_atlas(raw: bytes | str, source: str = "<atlas>", path: Path | None = None) -> LoadResult:
    """Validate zone-file content given as bytes (UTF-8) or text."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            column = exc.start - (before.rfind(b"\n") + 1) + 1
            return _fail(source, line, column, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})")
    else:
        text = raw
    # imported here: YAML and jsonschema are not needed to open a cached chart
    from .schema import check_structure
    from .yaml_source import parse_yaml

    data, positions, errors = parse_yaml(text, source)
    if errors:
        return LoadResult(None, tuple(errors))
    errors = check_structure(data, positions, source)
    if errors:
        return LoadResult(None, tuple(errors))
    builder = _Builder(data, positions, source)
    atlas = builder.build(path)
    if builder.errors:
        return LoadResult(None, tuple(sorted(set(builder.errors))))
    return LoadResult(atlas, ())


def load_atlas(path: str | Path | None = None, cache: AtlasCache | None = None) -> Atlas:
    """Public API: the chart at `path` (None: the built-in chart). Raises AtlasLoadError."""
    result = read_atlas(builtin_chart_path() if path is None else path, cache)
    if not result.ok:
        raise AtlasLoadError(result.errors)
    assert result.atlas is not None
    return result.atlas


def _fail(source: str, line: int, column: int, message: str) -> LoadResult:
    return LoadResult(None, (AtlasError(source, line, column, message),))


def _is_parts(raw: list) -> bool:
    """A list of polygons rather than one polygon (its first item is a list of points)."""
    return bool(raw) and isinstance(raw[0], list) and bool(raw[0]) and isinstance(raw[0][0], list)


def _parts(raw: list) -> Shape:
    return tuple(_ring(part) for part in raw) if _is_parts(raw) else (_ring(raw),)


def _point_path(where: tuple, raw: Any, part: int, point: int | None) -> tuple:
    """Path of the point to blame; a problem in a mirrored shape points at the 'mirror'."""
    if raw == "mirror" or point is None:
        return where
    return where + ((part, point) if _is_parts(raw) else (point,))


def _ring(raw: list[list[float]]) -> Ring:
    ring = tuple((float(x), float(y)) for x, y in raw)
    if len(ring) > 3 and ring[0] == ring[-1]:
        ring = ring[:-1]  # an explicitly closed ring means the same polygon
    return ring


class _Builder:
    """Resolves references and mirrors, checks geometry, and builds the frozen model."""

    def __init__(self, data: dict[str, Any], positions: Positions, source: str):
        self.data = data
        self.positions = positions
        self.source = source
        self.errors: list[AtlasError] = []

    def error(self, path: tuple, message: str, *, at_key: bool = False) -> None:
        line, column = self.positions.of_key(path) if at_key else self.positions.of_value(path)
        self.errors.append(AtlasError(self.source, line, column, message))

    def unique(self, items: list[dict], base: tuple, what: str) -> None:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            item_id = item["id"]
            if item_id in first:
                line = self.positions.of_value(base + (first[item_id], "id"))[0]
                self.error(base + (i, "id"), f"duplicate {what} id '{item_id}' (first used on line {line})")
            else:
                first[item_id] = i

    def build(self, path: Path | None) -> Atlas | None:
        data = self.data
        self.unique(data["sources"], ("sources",), "source")
        self.unique(data["views"], ("views",), "view")
        self.unique(data["zones"], ("zones",), "zone")
        sources = {
            s["id"]: Source(s["id"], s["title"], s.get("url"), s.get("note"), s.get("translations", {}))
            for s in data["sources"]
        }
        views = self.build_views()
        zones = [self.build_zone(i, raw, views, sources) for i, raw in enumerate(data["zones"])]
        if self.errors:
            return None
        shapes = ((view_id, z.id, parts) for z in zones for view_id, parts in z.shapes.items())
        return Atlas(
            id=data["id"],
            title=data["title"],
            tradition=data["tradition"],
            description=data.get("description"),
            sources=sources,
            views=tuple(views.values()),
            zones=tuple(zones),
            path=path,
            index=ZoneIndex(shapes),
            translations=data.get("translations", {}),
        )

    def build_views(self) -> dict[str, View]:
        raw_views = {v["id"]: (i, v) for i, v in enumerate(self.data["views"])}
        views: dict[str, View] = {}
        seen_sides: dict[tuple[str, str], str] = {}
        for view_id, (i, raw) in raw_views.items():
            base = ("views", i)
            side = (raw["foot"], raw["aspect"])
            if side in seen_sides:
                self.error(
                    base + ("aspect",),
                    f"view '{seen_sides[side]}' already draws the {side[0]} foot, {side[1]}",
                )
            seen_sides.setdefault(side, view_id)
            outline = self.view_outline(base, raw, raw_views)
            if outline is None:
                continue
            guides = []
            for g, guide in enumerate(raw.get("guides", [])):
                points = tuple((float(x), float(y)) for x, y in guide["points"])  # open line
                problem = geometry.line_problem(points)
                if problem:
                    self.error(base + ("guides", g, "points", problem[0] or 0), problem[1])
                guides.append(Guide(guide["id"], guide["name"], points, guide.get("translations", {})))
            if not guides and raw.get("mirror_of") in raw_views:
                source_raw = raw_views[raw["mirror_of"]][1]
                guides = [
                    Guide(
                        g["id"],
                        g["name"],
                        geometry.mirror(tuple((float(x), float(y)) for x, y in g["points"])),
                        g.get("translations", {}),
                    )
                    for g in source_raw.get("guides", [])
                ]
            views[view_id] = View(
                view_id, raw["foot"], raw["aspect"], outline, tuple(guides), raw.get("mirror_of")
            )
        return views

    def view_outline(self, base: tuple, raw: dict, raw_views: dict) -> Ring | None:
        has_outline, mirror_of = "outline" in raw, raw.get("mirror_of")
        if has_outline and mirror_of:
            self.error(base + ("mirror_of",), "give either 'outline' or 'mirror_of', not both", at_key=True)
            return None
        if has_outline:
            outline = _ring(raw["outline"])
            problem = geometry.polygon_problem(outline)
            if problem:
                self.error(base + ("outline", problem[0] or 0), f"outline: {problem[1]}")
                return None
            return outline
        if not mirror_of:
            self.error(base, "a view needs an 'outline' or 'mirror_of' (the id of a view it mirrors)")
            return None
        if mirror_of not in raw_views:
            self.error(
                base + ("mirror_of",), f"unknown view '{mirror_of}'; known views: {', '.join(raw_views)}"
            )
            return None
        _, target = raw_views[mirror_of]
        if "outline" not in target:
            self.error(
                base + ("mirror_of",), f"view '{mirror_of}' is itself a mirror; mirror a view with an outline"
            )
            return None
        if target["foot"] == raw["foot"] or target["aspect"] != raw["aspect"]:
            self.error(base + ("mirror_of",), f"'{mirror_of}' must be the same aspect of the other foot")
            return None
        return geometry.mirror(_ring(target["outline"]))

    def build_zone(self, i: int, raw: dict, views: dict[str, View], sources: dict[str, Source]) -> Zone:
        base = ("zones", i)
        for s, source_id in enumerate(raw["sources"]):
            if source_id not in sources:
                known = ", ".join(sources) or "none are defined"
                self.error(base + ("sources", s), f"unknown source '{source_id}'; known sources: {known}")
        shapes: dict[str, Shape] = {}
        for view_id, shape in raw["shapes"].items():
            where = base + ("shapes", view_id)
            if view_id not in views:
                if view_id not in {v["id"] for v in self.data["views"]}:
                    self.error(
                        where,
                        f"unknown view '{view_id}'; known views: "
                        + ", ".join(v["id"] for v in self.data["views"]),
                        at_key=True,
                    )
                continue
            view = views[view_id]
            if shape == "mirror":
                parts = self.mirrored_shape(where, raw, view)
                if parts is None:
                    continue
            else:
                parts = _parts(shape)
            outline = Polygon(view.outline)
            ok = True
            for k, ring in enumerate(parts):
                problem = geometry.polygon_problem(ring) or geometry.outside_problem(ring, outline, view_id)
                if problem:
                    ok = False
                    part = f" (part {k + 1})" if len(parts) > 1 else ""
                    self.error(
                        _point_path(where, shape, k, problem[0]),
                        f"zone '{raw['id']}' in view '{view_id}'{part}: {problem[1]}",
                    )
            if ok:
                shapes[view_id] = parts
        return Zone(
            id=raw["id"],
            name=raw["name"],
            region=raw["region"],
            claim=raw["claim"],
            technique=raw["technique"],
            sources=tuple(raw["sources"]),
            confidence=raw["confidence"],
            shapes=shapes,
            note=raw.get("note"),
            tradition=raw.get("tradition"),
            translations=raw.get("translations", {}),
        )

    def mirrored_shape(self, where: tuple, raw: dict, view: View) -> Shape | None:
        if view.mirror_of is None:
            self.error(
                where, f"'mirror' only works in a view that mirrors another; '{view.id}' has its own outline"
            )
            return None
        original = raw["shapes"].get(view.mirror_of)
        if not isinstance(original, list):
            self.error(where, f"'mirror' needs a polygon for view '{view.mirror_of}' in this zone")
            return None
        return tuple(geometry.mirror(ring) for ring in _parts(original))
