"""Zone file → validated `Atlas`, collecting every mistake with its file, line and column.

Three passes, each only when the one before found nothing, so an author is never shown
errors that are consequences of an earlier one: YAML syntax, structure (the published
schema), then references and geometry.
"""

from __future__ import annotations

import errno
import gc
import re
import stat
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import NamedTuple

from ..i18n import _, format_count
from . import limits
from .cache import AtlasCache
from .errors import AtlasError, AtlasLoadError, position_in
from .model import Atlas

MAX_FILE_BYTES = 32 * 1024 * 1024
DEFAULT_CHART = "ingham-western.yaml"


class LoadResult(NamedTuple):  # (a frozen dataclass took 3 M instructions of every start to make)
    atlas: Atlas | None
    errors: tuple[AtlasError, ...]

    @property
    def ok(self) -> bool:
        return self.atlas is not None and not self.errors


# From this many objects left for the collector by one read (a chart of some 2,000 zones), the
# chart is exempted from collection until the next read (see _frozen_when_large).
FREEZE_FROM = 100_000
_froze: list[bool] = [False]  # whether the last read froze what it left


def without_cycle_collection(function: Callable) -> Callable:
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


def _frozen_when_large(function: Callable) -> Callable:
    """Runs `function` (a chart read) as without_cycle_collection does; a read that leaves
    FREEZE_FROM objects or more (a large chart: a third of a million for 10,000 zones) then
    freezes them (`gc.freeze`): the first collections after it would otherwise walk them all,
    once a generation, about 65 ms in all while the window draws the chart, to find no
    garbage among them. Frozen objects are still freed by reference counting; only a
    reference cycle among them waits, until the next read: that unfreezes them and, before
    anything is frozen again, collects every generation (a cycle dropped since is collected
    then). A read after none froze collects only the young generations first (a few
    thousand objects at most), so a cycle made just before it is not frozen; one already in
    the oldest generation waits for the next read. Only opening a chart does this; the
    editor's checks of the chart it edits (parse_atlas) only pause collection."""

    @wraps(function)
    def read(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        if thaw():
            gc.collect()  # a cycle dropped while frozen, or left in the oldest generation
        else:
            gc.collect(1)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if gc.get_count()[0] >= FREEZE_FROM:
                gc.freeze()
                _froze[0] = True
            gc.enable()

    return read


def thaw() -> bool:
    """What the last large read froze made collectable again (into the oldest generation);
    whether there was any."""
    if not _froze[0]:
        return False
    gc.unfreeze()
    _froze[0] = False
    return True


@cache
def _zones_folder() -> Path:
    """Where the built-in charts are: beside the package when installed from a wheel; an
    editable install maps `reflexmap.zones` to the checkout's zones/ folder instead."""
    here = Path(__file__).resolve().parents[1]
    for installed in (here / "zones", here.parent / "zones"):  # a wheel's; a checkout's (no resources)
        if (installed / DEFAULT_CHART).is_file():
            return installed
    from importlib import resources

    return Path(str(resources.files("reflexmap.zones")))


def builtin_chart_path(name: str = DEFAULT_CHART) -> Path:
    """Path of a chart shipped with ReflexMap (works from a wheel, not only a checkout)."""
    return _zones_folder() / name


def builtin_charts() -> list[Path]:
    return sorted(p for p in _zones_folder().iterdir() if p.name.endswith(".yaml"))


@_frozen_when_large
def read_atlas(path: str | Path, cache: AtlasCache | None = None) -> LoadResult:
    """Load and validate one zone file; never raises for anything wrong in the file.

    With a `cache`, a file whose exact bytes were validated before is not checked again."""
    path = Path(path)
    source = str(path)
    raw = read_bytes(path)
    if isinstance(raw, AtlasError):
        return LoadResult(None, (raw,))
    if cache is None:
        return _read_from(parse_atlas(raw, source, path=path), raw)
    atlas = cache.get(raw, path)
    if atlas is not None:
        return _read_from(LoadResult(atlas, ()), raw)
    result = parse_atlas(raw, source, path=path)
    if result.ok:
        assert result.atlas is not None
        cache.put(raw, result.atlas)
    return _read_from(result, raw)


def _read_from(result: LoadResult, raw: bytes) -> LoadResult:
    """The chart read keeps the bytes it was read from (Atlas.read_from)."""
    if result.atlas is not None:
        object.__setattr__(result.atlas, "read_from", raw)
    return result


def read_bytes(path: Path) -> bytes | AtlasError:
    """The bytes of the zone file at `path` (never more than the limit), or why they cannot
    be read: an error about the file as a whole, without a position."""
    source = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _whole_file(source, _("this is a folder, not a zone file"))
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            return _whole_file(source, _("this is not a regular file (a pipe, socket or device?)"))
        if info.st_size > MAX_FILE_BYTES:
            return _too_big(source, info.st_size)
        with open(path, "rb") as handle:  # never more than the limit, even if the file grows
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return _too_big(source, max(len(raw), path.stat().st_size))
    except OSError as exc:
        return _whole_file(source, _unreadable(exc))
    return raw


def _unreadable(exc: OSError) -> str:
    """Why a file could not be read, in the user's language where the reason is a usual one."""
    reasons = {
        errno.ENOENT: _("no such file"),
        errno.EISDIR: _("this is a folder, not a zone file"),
        errno.EACCES: _("permission denied: ReflexMap may not read this file"),
        errno.EPERM: _("permission denied: ReflexMap may not read this file"),
        errno.ENOTDIR: _("no such file: a part of its path is not a folder"),
        errno.ELOOP: _("cannot read the file: its path has too many symbolic links (a loop?)"),
        errno.ENAMETOOLONG: _("cannot read the file: its name or path is too long"),
        errno.EIO: _("cannot read the file: the disk reported an input/output error"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return _("cannot read the file: {reason}").format(reason=exc.strerror or type(exc).__name__)


_UTF16_32 = (  # byte-order marks of encodings that are not UTF-8 (longest first)
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(raw: bytes, source: str) -> str | AtlasError:
    """A zone file's bytes as text (UTF-8, with or without a byte-order mark), or an error
    at the first byte that is not UTF-8, counted in characters as the parser counts them."""
    for mark, encoding in _UTF16_32:
        if raw.startswith(mark):
            return AtlasError(
                source,
                1,
                1,
                _("the file is {encoding} text; ReflexMap reads UTF-8: save it as UTF-8").format(
                    encoding=encoding
                ),
            )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8-sig")  # all characters up to the bad byte
        line, column = position_in(before, len(before))
        return AtlasError(
            source,
            line,
            column,
            _("the file is not UTF-8 text (byte 0x{byte} here): save it as UTF-8").format(
                byte=f"{raw[exc.start]:02x}"
            ),
        )


_STRAY_BOM = re.compile("^[ \t]*\ufeff", re.MULTILINE)


def stray_byte_order_mark(text: str, source: str) -> AtlasError | None:
    """A byte-order mark (U+FEFF, invisible) at the start of a line: left where two files
    were joined, or a second one at the top. The parser would read it as part of a key or
    value ('\ufeffid' is not 'id'), and the message would name a key that looks right."""
    for found in _STRAY_BOM.finditer(text):
        offset = found.end() - 1
        if offset == 0:
            continue  # the one at the very start is the file's own mark (YAML skips it)
        line, column = position_in(text, offset)
        return AtlasError(
            source,
            line,
            column,
            _(
                "an invisible byte-order mark (U+FEFF) stands here, at the start of a line "
                "(were two files joined?); remove it"
            ),
        )
    return None


@without_cycle_collection
def parse_atlas(raw: bytes | str, source: str = "<atlas>", path: Path | None = None) -> LoadResult:
    """Validate zone-file content given as bytes (UTF-8) or text."""
    text = decode(raw, source) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    if isinstance(text, AtlasError):
        return LoadResult(None, (text,))
    stray = stray_byte_order_mark(text, source) if "\ufeff" in text else None
    if stray is not None:
        return LoadResult(None, (stray,))
    # imported here: YAML and jsonschema are not needed to open a cached chart, and Shapely
    # (0.1-0.3 s with numpy) not to refuse a file that is not YAML or is over a limit
    from .yaml_source import parse_yaml

    # lean: places found only if a message below asks for one (the text read again then)
    data, positions, errors = parse_yaml(text, source, lean=True)
    if errors:
        return LoadResult(None, tuple(errors))
    from .read_alike import not_read_alike

    unlike = not_read_alike(text, source)  # what the editor would write otherwise: refused alike
    if unlike is not None:
        return LoadResult(None, (unlike,))
    from .builder import Builder
    from .schema import check_structure

    most = limits.MAX_ERRORS  # a slip repeated in every zone: the first ones, and "more follow"
    errors = check_structure(data, positions, source, most=most)
    if errors:
        return LoadResult(None, tuple(errors))
    builder = Builder(data, positions, source, most=most)
    atlas = builder.build(path)
    if builder.errors:
        return LoadResult(None, tuple(limits.first_errors(sorted(set(builder.errors)), most)))
    return LoadResult(atlas, ())


def load_atlas(path: str | Path | None = None, cache: AtlasCache | None = None) -> Atlas:
    """Public API: the chart at `path` (None: the built-in chart). Raises AtlasLoadError."""
    result = read_atlas(builtin_chart_path() if path is None else path, cache)
    if not result.ok:
        raise AtlasLoadError(result.errors)
    assert result.atlas is not None
    return result.atlas


def _too_big(source: str, size: int) -> AtlasError:
    return _whole_file(source, too_big_message(size))


def too_big_message(size: int) -> str:
    """The exact figures: a file 59 bytes over the limit is not "32 MiB; the limit is 32 MiB"."""
    return _("the file is {size} bytes; files are limited to {limit} bytes").format(
        size=format_count(size), limit=format_count(MAX_FILE_BYTES)
    )


def _whole_file(source: str, message: str) -> AtlasError:
    """An error about the file as a whole: no line or column (see AtlasError)."""
    return AtlasError(source, 0, 0, message)
