"""Zone file → validated `Atlas`, collecting every mistake with its file, line and column.

Three passes, each only when the one before found nothing, so an author is never shown
errors that are consequences of an earlier one: YAML syntax, structure (the published
schema), then references and geometry.
"""

from __future__ import annotations

import gc
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path

from .cache import AtlasCache
from .errors import AtlasError, AtlasLoadError
from .model import Atlas

MAX_FILE_BYTES = 32 * 1024 * 1024
DEFAULT_CHART = "ingham-western.yaml"


@dataclass(frozen=True, slots=True)
class LoadResult:
    atlas: Atlas | None
    errors: tuple[AtlasError, ...]

    @property
    def ok(self) -> bool:
        return self.atlas is not None and not self.errors


def _without_cycle_collection(function: Callable) -> Callable:
    """Runs `function` with Python's cyclic garbage collector paused. Reading a large chart
    creates millions of small objects and no reference cycles; each allocation threshold
    crossed would otherwise walk every object made so far (a quarter of a 10,000-zone load).
    What is freed is freed by reference counting as usual; collection resumes afterwards."""

    @wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


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


@_without_cycle_collection
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
        if info.st_size > MAX_FILE_BYTES:
            return _too_big(source, info.st_size)
        with open(path, "rb") as handle:  # never more than the limit, even if the file grows
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return _too_big(source, max(len(raw), path.stat().st_size))
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


@_without_cycle_collection
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
    # imported here: YAML and jsonschema are not needed to open a cached chart, and Shapely
    # (0.1-0.3 s with numpy) not to refuse a file that is not YAML or is over a limit
    from .yaml_source import parse_yaml

    data, positions, errors = parse_yaml(text, source)
    if errors:
        return LoadResult(None, tuple(errors))
    from .builder import Builder
    from .schema import check_structure

    errors = check_structure(data, positions, source)
    if errors:
        return LoadResult(None, tuple(errors))
    builder = Builder(data, positions, source)
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


def _too_big(source: str, size: int) -> LoadResult:
    return _fail(
        source,
        0,
        0,
        f"the file is {size:,} bytes ({size / 2**20:.1f} MiB); the limit is {MAX_FILE_BYTES:,} bytes "
        f"({MAX_FILE_BYTES // 2**20} MiB)",
    )


def _fail(source: str, line: int, column: int, message: str) -> LoadResult:
    return LoadResult(None, (AtlasError(source, line, column, message),))
