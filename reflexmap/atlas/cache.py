"""A cache of validated charts, keyed by the SHA-256 of the file's bytes.

Checking a large chart (YAML, schema, every polygon against its outline) takes seconds; a
chart that has not changed need not be checked again. An entry is JSON of the already
validated model followed by its packed numbers (points, ring lengths, label anchors) as raw
little-endian runs, under a CRC-32 (see MAGIC), so reading one builds no object a file could
choose, and a changed byte in the chart, a new ReflexMap version or a damaged entry simply
means a full load again.
An entry is only ever a copy of what the loader accepted, never user data: a damaged one is
replaced, not kept. What stands at an entry's name and is not a regular file (a folder, a
link, a loop of links, a pipe) is never read through and is taken out of the way when the
entry is written (`_clear_the_way`), so that the cache works again.

Beside each entry the cache keeps the check's verdict (`<entry>.verdict`): an HMAC-SHA256 of
the entry's name and exact bytes under a random key of the cache's own (`verdict.key`, made
once, readable by its owner alone). It says that the entry was written from a chart that
passed the check's rules, so that reading it back need not run them again (cache_rules.py,
the costly part of a second open). A verdict that does not match (a damaged byte, a forged
or copied verdict, a link, a key missing, damaged, of another size or readable by others)
is ignored: every value is then checked against the rules as before, and the verdict is
written again only when they pass.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import itertools
import json
import math
import os
import re
import stat
import struct
import sys
import time
import zlib
from array import array
from pathlib import Path
from typing import Any

from .. import bounded_json
from ..storage import atomic_path, read_regular
from ..vocab import ASPECTS, CONFIDENCES, FEET, REGIONS, ZONE_NAME_STYLES
from .cache_rules import check_anchors, check_geometry, check_texts, check_views
from .index import Packed, ZoneIndex
from .model import Atlas, Guide, Source, View, Zone

# The bounds the loader enforces (the schema's), checked again on every entry read
LIMIT_MM = 2000.0
MAX_POINTS = 100_000
MAX_PARTS = 100
MAX_ZONES = 10_000
MAX_SOURCES = 1_000
MAX_ZONE_SOURCES = 100

# Bump when the model or the loader's rules change, so old entries are not trusted.
CACHE_FORMAT = 9  # 4: zone coordinates packed as binary doubles; 5: check refuses invisible texts;
# 6: ring lengths and label anchors packed too (no JSON number but in outlines); 7: binary entry
# (the packed runs as raw bytes after the JSON, not base64 inside it) with a CRC-32; 8: numbers
# only in decimal (010, 0x10, .nan refused), YAML 1.1 words read as text, script-aware marks;
# 9: the chart's `zone_names` (how its names read in a sentence)
MAX_ENTRIES = 20  # oldest entries beyond this are removed when a new one is written
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a 32 MiB chart's entry is a few times its size at most


try:  # CPython's built-in SHA-256: hashlib would first load OpenSSL (~3 ms of every start)
    from _sha2 import sha256 as _sha256  # Python 3.12+
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha256 import sha256 as _sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256 as _sha256


_NUMPY_FROM = 256 * 1024  # bytes of packed points (16,384 points): from here NumPy checks them
_OPENSSL_FROM = 1024 * 1024  # bytes: from this size, hashing costs more than loading OpenSSL


try:  # constant-time comparison without importing hmac (which loads OpenSSL at start)
    from _operator import _compare_digest
except ImportError:  # pragma: no cover - every CPython has it
    from hmac import compare_digest as _compare_digest

KEY_NAME = "verdict.key"
KEY_BYTES = 32  # the HMAC key: random bytes, as many as SHA-256 gives
VERDICT_SUFFIX = ".verdict"
_VERDICT_BYTES = 32
_VERDICT_LABEL = b"ReflexMap chart cache verdict\n"
_BLOCK = 64  # SHA-256's block size


def verdict_mac(key: bytes, name: str, data: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) under `key` of an entry's file name and exact bytes. Written out
    with CPython's built-in SHA-256: the stdlib `hmac` imports OpenSSL's hashlib (~3 ms of
    every start, which reads the built-in chart's entry); tests check it against `hmac`."""
    if len(key) > _BLOCK:  # pragma: no cover - the cache's key is 32 bytes
        key = _sha256(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner = _sha256(bytes(b ^ 0x36 for b in key))
    for part in (_VERDICT_LABEL, name.encode("utf-8"), b"\n", data):
        inner.update(part)
    outer = _sha256(bytes(b ^ 0x5C for b in key))
    outer.update(inner.digest())
    return outer.digest()


def _version() -> str:
    from ..version import __version__

    return f"{CACHE_FORMAT}:{__version__}"


class AtlasCache:
    """Validated charts in `folder` (the UI passes the platform's cache folder)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._key: bytes | None = None  # the verdicts' key, once read or made

    def key(self, raw: bytes) -> str:
        if len(raw) > _OPENSSL_FROM:  # the same digest, six times faster for a large chart
            from hashlib import sha256

            digest = sha256(_version().encode())
        else:
            digest = _sha256(_version().encode())
        digest.update(raw)
        return digest.hexdigest()

    def _entry(self, raw: bytes) -> Path:
        return self.folder / f"{self.key(raw)}{SUFFIX}"

    def get(self, raw: bytes, path: Path | None = None) -> Atlas | None:
        """The atlas checked earlier from exactly these bytes, or None."""
        entry = self._entry(raw)
        try:
            # no pipe, no link followed out of the folder, never more than an entry holds
            data = read_regular(entry, MAX_ENTRY_BYTES, follow=False)
            plain = entry_plain(data)
            if type(plain) is not dict or plain.get("version") != _version():
                return None
            passed = self._verdict_holds(entry, data)
            atlas = atlas_from_plain(plain["atlas"], path, passed=passed)
            if not passed:  # the rules ran and passed: the next read need not run them
                self._write_verdict(entry, data)
            return atlas
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return None  # damaged or foreign: the next put() replaces it

    def put(self, raw: bytes, atlas: Atlas) -> None:
        """Remember `atlas` as the result of checking `raw`; failures only cost speed."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            payload = entry_bytes({"version": _version(), "atlas": atlas_to_plain(atlas)})
            _clear_the_way(self._entry(raw))
            with atomic_path(self._entry(raw)) as temporary:
                temporary.write_bytes(payload)
            self._write_verdict(self._entry(raw), payload)  # `atlas` is what the loader accepted
            self._trim(keep=self._entry(raw))
        except OSError:
            pass

    # --- the check's verdict ----------------------------------------------------------------

    def _read_key(self) -> bytes | None:
        """The verdicts' key, if the cache has a sound one: a regular file (never a link
        followed), the user's own, readable by them alone, of exactly KEY_BYTES bytes."""
        if self._key is not None:
            return self._key
        try:
            flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
            if stat.S_ISLNK((self.folder / KEY_NAME).lstat().st_mode):
                return None
            fd = os.open(self.folder / KEY_NAME, flags)
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode) or info.st_size != KEY_BYTES:
                    return None
                if os.name == "posix" and (info.st_mode & 0o077 or info.st_uid != os.getuid()):
                    return None  # another user could read it, and forge verdicts
                key = os.read(fd, KEY_BYTES + 1)  # never more than a key holds
            finally:
                os.close(fd)
        except OSError:
            return None
        if len(key) != KEY_BYTES:
            return None
        self._key = key
        return key

    def _make_key(self) -> bytes:
        """A new random key, written (0600, synced) in place of whatever stood there (a link
        is replaced, never followed). Verdicts under an earlier key no longer hold."""
        key = os.urandom(KEY_BYTES)
        target = self.folder / KEY_NAME
        _clear_the_way(target)
        temporary = self.folder / f".{KEY_NAME}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            os.remove(temporary)  # (a link or a file left by a crash: never written through)
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        )
        fd = os.open(temporary, flags, 0o600)
        try:
            try:
                written = os.write(fd, key)
                os.fsync(fd)
            finally:
                os.close(fd)
            if written != KEY_BYTES:
                raise OSError(f"{temporary}: only {written} of {KEY_BYTES} bytes written")
            os.replace(temporary, target)
        finally:
            with contextlib.suppress(OSError):
                os.remove(temporary)
        self._key = key
        return key

    def _verdict_holds(self, entry: Path, data: bytes) -> bool:
        """Whether the verdict beside `entry` is the cache's own for exactly these bytes."""
        key = self._read_key()
        if key is None:
            return False
        try:
            verdict = read_regular(entry.with_suffix(VERDICT_SUFFIX), _VERDICT_BYTES, follow=False)
        except OSError:
            return False
        return len(verdict) == _VERDICT_BYTES and _compare_digest(verdict, verdict_mac(key, entry.name, data))

    def _write_verdict(self, entry: Path, data: bytes) -> None:
        """Says that `data`, the file at `entry`, passed the check's rules (failures only
        cost speed: the rules run again at the next read)."""
        try:
            key = self._read_key() or self._make_key()
            verdict = entry.with_suffix(VERDICT_SUFFIX)
            _clear_the_way(verdict)
            with atomic_path(verdict) as temporary:
                temporary.write_bytes(verdict_mac(key, entry.name, data))
        except OSError:
            pass

    def _trim(self, keep: Path) -> None:
        for old in self.folder.glob("*.json"):  # JSON entries of formats before 7: never read again
            if len(old.stem) == 64:
                try:
                    os.remove(old)
                except OSError:
                    pass
        others = []
        for other in self.folder.glob(f"*{SUFFIX}"):
            try:  # (the link itself, never what it names; a folder or a pipe is set aside)
                info = other.lstat() if other != keep else None
            except OSError:
                continue
            if info is not None and stat.S_ISREG(info.st_mode):
                others.append((info.st_mtime_ns, other))
            elif info is not None:
                _clear_the_way(other)
        others.sort(reverse=True)
        for _time, old in others[MAX_ENTRIES - 1 :]:
            try:
                os.remove(old)
            except OSError:
                pass
        for verdict in self.folder.glob(f"*{VERDICT_SUFFIX}"):  # an entry's verdict goes with it
            try:
                if not os.path.lexists(verdict.with_suffix(SUFFIX)):
                    os.remove(verdict)  # (a link itself; a folder stays, and is set aside when written)
            except OSError:
                pass


def _clear_the_way(entry: Path) -> None:
    """Whatever stands at `entry` that is not a regular file (a folder, a link, a loop of links,
    a pipe) is taken out of the way of the entry to be written there: a link is removed (never
    what it names, which may be outside the cache), anything else renamed aside, hidden and
    under a name no entry has, so that nothing in it is lost or followed. Raises OSError when
    it cannot be (the entry is then not written: only speed is lost)."""
    try:
        info = entry.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISLNK(info.st_mode):
        os.remove(entry)  # the link alone
        return
    # the whole name (an entry and its verdict share a stem) and a count: never onto another
    stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    for n in range(100):
        aside = entry.with_name(f".{entry.name}.set-aside-{stamp}" + (f"-{n}" if n else ""))
        if not os.path.lexists(aside):
            os.rename(entry, aside)
            return
    raise FileExistsError(errno.EEXIST, "no name to set it aside under", str(entry))


# An entry's file: MAGIC, the CRC-32 of all that follows it and the length of the JSON (two
# little-endian unsigned numbers of 4 and 8 bytes), the JSON (UTF-8), then the packed runs,
# each its length (8 bytes) and its bytes, in the order of _runs(): the JSON holds null in
# their places. Reading 3 MB of doubles is then a copy, not base64 decoded and scanned as a
# JSON string (a tenth of a second open of 10,000 zones), and a damaged byte anywhere, even
# one that leaves a valid number, fails the CRC.
MAGIC = b"ReflexMap chart cache\n"
SUFFIX = ".entry"
_PREFIX = struct.Struct("<IQ")
_LENGTH = struct.Struct("<Q")


def _runs(atlas: Any) -> list[tuple[Any, Any]]:
    """(container, key) of each place of an entry's "atlas" that may hold a packed run."""
    places: list[tuple[Any, Any]] = [(atlas, "coordinates"), (atlas, "rings")]
    anchors = atlas.get("anchors")
    if type(anchors) is dict:
        places += [(anchors, view_id) for view_id in anchors]
    return places


def entry_bytes(entry: dict) -> bytes:
    """The file of an entry ({"version": …, "atlas": …}): the runs given as bytes are written
    after the JSON; a value of another kind in their place stays in the JSON (and a reader
    refuses it)."""
    entry = dict(entry)
    atlas = entry.get("atlas")
    runs = []
    if type(atlas) is dict:
        atlas = entry["atlas"] = dict(atlas)
        if type(atlas.get("anchors")) is dict:
            atlas["anchors"] = dict(atlas["anchors"])
        for container, key in _runs(atlas):
            value = container.get(key)
            if isinstance(value, (bytes, bytearray, memoryview)):
                runs.append(bytes(value))
                container[key] = None
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = b"".join([text, *(part for run in runs for part in (_LENGTH.pack(len(run)), run))])
    return MAGIC + _PREFIX.pack(zlib.crc32(body), len(text)) + body


def entry_plain(data: bytes) -> Any:
    """The entry a file holds, its runs as bytes in their places; raises ValueError for a file
    that is not one (another magic, a CRC that does not match, lengths beyond the file, a run
    missing or left over)."""
    start = len(MAGIC) + _PREFIX.size
    if len(data) < start or not data.startswith(MAGIC):
        raise _Untrusted("entry")
    crc, length = _PREFIX.unpack_from(data, len(MAGIC))
    body = memoryview(data)[start:]
    if zlib.crc32(body) != crc or length > len(body):
        raise _Untrusted("entry")
    # every value below is checked by type: no need to walk it for its depth first
    entry = bounded_json.loads(bytes(body[:length]), max_bytes=MAX_ENTRY_BYTES, max_depth=None)
    at = length
    if type(entry) is dict and type(entry.get("atlas")) is dict:
        for container, key in _runs(entry["atlas"]):
            if key not in container or container[key] is not None:
                continue  # a value of another kind: the reader refuses it
            if at + _LENGTH.size > len(body):
                raise _Untrusted("entry")
            (size,) = _LENGTH.unpack_from(body, at)
            at += _LENGTH.size
            if size > len(body) - at:
                raise _Untrusted("entry")
            container[key] = bytes(body[at : at + size])
            at += size
    if at != len(body):  # a run no place takes
        raise _Untrusted("entry")
    return entry


def _doubles(numbers: array) -> bytes:
    if sys.byteorder != "little":  # pragma: no cover - every platform ReflexMap ships for
        numbers.byteswap()
    return numbers.tobytes()


def _packed(atlas: Atlas) -> tuple[bytes, bytes, dict[str, list[str]]]:
    """Every zone polygon's points as one run of little-endian doubles, the number of points
    of each ring as little-endian 32-bit counts, and each zone's shapes as
    the ids of its views, one for each part, in the order of the rings: reading 200,000
    points back is a copy, not 400,000 numbers parsed and checked one at a time, and no
    number is left in the JSON for the parser to convert one by one (a second open of 10,000
    zones)."""
    numbers, counts = array("d"), array("I")
    views: dict[str, list[str]] = {}
    for zone in atlas.zones:
        parts_in = views[zone.id] = []
        for view_id, parts in zone.shapes.items():
            for ring in parts:
                parts_in.append(view_id)
                counts.append(len(ring))
                for x, y in ring:
                    numbers.append(x)
                    numbers.append(y)
    if counts.itemsize != 4:  # pragma: no cover - 'I' is 32 bits wherever CPython runs
        counts = array("L", counts)
    if sys.byteorder != "little":  # pragma: no cover
        counts.byteswap()
    return _doubles(numbers), counts.tobytes(), views


def _packed_anchors(atlas: Atlas) -> dict[str, bytes]:
    """Each view's label anchors as little-endian doubles, x and y of each of the
    view's zones in the chart's order (label anchors take polylabel and polygon differences:
    worth keeping for the next start)."""
    packed = {}
    for view in atlas.views:
        anchors = atlas.anchors(view.id)
        numbers = array("d")
        for zone in atlas.zones_in(view.id):
            numbers.extend(anchors[zone.id])
        packed[view.id] = _doubles(numbers)
    return packed


def atlas_to_plain(atlas: Atlas) -> dict[str, Any]:
    coordinates, rings, views = _packed(atlas)
    return {
        "coordinates": coordinates,
        "rings": rings,
        "id": atlas.id,
        "title": atlas.title,
        "tradition": atlas.tradition,
        "description": atlas.description,
        "zone_names": atlas.zone_names,
        "translations": atlas.translations,
        "sources": [[s.id, s.title, s.url, s.note, s.translations] for s in atlas.sources.values()],
        "views": [
            [
                v.id,
                v.foot,
                v.aspect,
                v.outline,
                [[g.id, g.name, g.points, g.translations] for g in v.guides],
                v.mirror_of,
            ]
            for v in atlas.views
        ],
        "anchors": _packed_anchors(atlas),
        "zones": [
            [
                z.id,
                z.name,
                z.region,
                z.claim,
                z.technique,
                z.sources,
                z.confidence,
                views[z.id],
                z.note,
                z.tradition,
                z.translations,
            ]
            for z in atlas.zones
        ],
    }


def _ring(points: list) -> tuple:
    return tuple((x, y) for x, y in points)


class _Untrusted(ValueError):
    """A cache entry that is not what the loader wrote."""


# The schema's ranges of the values an entry holds (atlas-v1.schema.json): a value of the right
# type outside them is not one the loader accepted.
_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_IDS = re.compile(r"(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\n)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")
_URL = re.compile(r"https?://", re.IGNORECASE)


def _text(value: Any, limit: int = 4000, optional: bool = False) -> Any:
    """A text as the schema allows it: 1 to `limit` characters (or None, if `optional`)."""
    if (optional and value is None) or (type(value) is str and 0 < len(value) <= limit):
        return value
    raise _Untrusted("text")


def _zone_names(value: Any) -> str:
    if type(value) is str and value in ZONE_NAME_STYLES:
        return value
    raise _Untrusted("zone_names")


def _id(value: Any, optional: bool = False) -> Any:
    if (optional and value is None) or (type(value) is str and len(value) <= 64 and _ID.fullmatch(value)):
        return value
    raise _Untrusted("id")


def _url(value: Any) -> Any:
    if value is None or (type(value) is str and len(value) <= 4000 and _URL.match(value)):
        return value
    raise _Untrusted("url")


# The texts a translation may give, per owner (the schema's, with at least one of them).
_TRANSLATED = {
    "chart": frozenset({"title", "tradition", "description"}),
    "zone": frozenset({"name", "claim", "technique", "note", "tradition"}),
    "source": frozenset({"title", "note"}),
    "guide": frozenset({"name"}),
}


def _translations(value: Any, owner: str) -> Any:
    if type(value) is not dict or len(value) > 64:
        raise _Untrusted("translations")
    for language, texts in value.items():
        if type(language) is not str or not _LANGUAGE.fullmatch(language):
            raise _Untrusted("translations")
        if type(texts) is not dict or not texts or not texts.keys() <= _TRANSLATED[owner]:
            raise _Untrusted("translations")
        for text in texts.values():
            _text(text)
    return value


def _point(value: Any) -> tuple[float, float]:
    x, y = value
    if (
        type(x) is not float
        or type(y) is not float
        or not (-LIMIT_MM <= x <= LIMIT_MM and -LIMIT_MM <= y <= LIMIT_MM)
    ):
        raise _Untrusted("coordinate")  # also refuses NaN, infinity and whole numbers
    return x, y


def _checked_ring(value: Any, fewest: int = 3) -> tuple:
    if type(value) is not list or not fewest <= len(value) <= MAX_POINTS:
        raise _Untrusted("ring")
    return tuple(_point(point) for point in value)


def _decoded(value: Any) -> bytes:
    """A packed run of an entry (bytes, as entry_plain gives them: anything else is refused)."""
    if type(value) is not bytes:
        raise _Untrusted("packed")
    return value


def _checked_doubles(raw: bytes) -> Any:
    """Refuses unless `raw` is whole (x, y) pairs of little-endian doubles, each finite and
    within the coordinate limits; for a large run, gives them as an (n, 2) NumPy array in
    native order (else None), from which the index makes areas and polygons at once."""
    if len(raw) % 16:  # whole points of two doubles
        raise _Untrusted("coordinates")
    if len(raw) >= _NUMPY_FROM:  # a large chart: checked at once (its index needs NumPy anyway)
        import numpy as np

        packed = np.frombuffer(raw, dtype="<f8")
        if not np.all(np.abs(packed) <= LIMIT_MM):  # also false for NaN
            raise _Untrusted("coordinate")
        return packed.astype(float).reshape(-1, 2)  # native order, its own memory
    numbers = array("d")
    numbers.frombytes(raw)
    if sys.byteorder != "little":  # pragma: no cover
        numbers.byteswap()
    if numbers and (any(map(math.isnan, numbers)) or min(numbers) < -LIMIT_MM or max(numbers) > LIMIT_MM):
        raise _Untrusted("coordinate")  # NaN first: min and max are meaningless with one among them
    return None


def _coordinates(value: Any) -> tuple[memoryview, Any]:
    """The packed zone points, each a finite double within the coordinate limits; and, for a
    large chart, the same points as an (n, 2) NumPy array (else None)."""
    raw = _decoded(value)
    return memoryview(raw), _checked_doubles(raw)


# (x, y) tuples straight from the packed bytes: half the time of a list of floats zipped.
# _zones unpacks every point in one call and slices that list into rings (callgrind, a
# fresh second open of 10,000 zones: 77 M instructions fewer than one call per ring)
_pairs = struct.Struct("<dd").iter_unpack


def _ring_counts(value: Any, points: int) -> list[int]:
    """The number of points of every ring, in order: each from 3 to MAX_POINTS, and all of
    them together every packed point, each once (so every ring's slice lies within them)."""
    raw = _decoded(value)
    if len(raw) % 4:
        raise _Untrusted("rings")
    counts = array("I")
    if counts.itemsize != 4:  # pragma: no cover - 'I' is 32 bits wherever CPython runs
        return [count for (count,) in struct.iter_unpack("<I", raw)]
    counts.frombytes(raw)
    if sys.byteorder != "little":  # pragma: no cover
        counts.byteswap()
    if counts and (min(counts) < 3 or max(counts) > MAX_POINTS):
        raise _Untrusted("rings")
    if sum(counts) != points:
        raise _Untrusted("rings")
    return counts.tolist()


def atlas_from_plain(plain: dict[str, Any], path: Path | None, *, passed: bool = False) -> Atlas:
    """The atlas an entry holds, every value checked by type and range: the cache folder is
    the user's, and an entry may have been replaced by anything (raises ValueError). The
    check's rules (cache_rules.py) run too, unless `passed`: the cache's own verdict holds
    for the entry's exact bytes."""
    if type(plain) is not dict:
        raise _Untrusted("entry")
    return _atlas_from_plain(plain, path, passed)


_ZONE_FIELDS = (
    "id",
    "name",
    "region",
    "claim",
    "technique",
    "sources",
    "confidence",
    "shapes",
    "note",
    "tradition",
    "translations",
)
if tuple(f.name for f in dataclasses.fields(Zone)) != _ZONE_FIELDS:  # pragma: no cover
    raise ImportError("cache.py's _new_zone no longer sets every field of Zone")
_SET = {name: Zone.__dict__[name].__set__ for name in _ZONE_FIELDS}  # the slots' own setters
(_s_id, _s_name, _s_region, _s_claim, _s_technique, _s_sources, _s_confidence, _s_shapes) = (
    _SET[name] for name in _ZONE_FIELDS[:8]
)
_s_note, _s_tradition, _s_translations = (_SET[name] for name in _ZONE_FIELDS[8:])


def _new_zone(zone_id, name, region, claim, technique, sources, confidence, shapes, note, tradition, tr):
    """Zone(...) with the values checked by the caller, its slots set directly: the frozen
    dataclass's __init__ goes through object.__setattr__ once a field, half the cost of
    reading a zone back (10,000 of them at a second open). The same object."""
    zone = _new(Zone)
    _s_id(zone, zone_id)
    _s_name(zone, name)
    _s_region(zone, region)
    _s_claim(zone, claim)
    _s_technique(zone, technique)
    _s_sources(zone, sources)
    _s_confidence(zone, confidence)
    _s_shapes(zone, shapes)
    _s_note(zone, note)
    _s_tradition(zone, tradition)
    _s_translations(zone, tr)
    return zone


_new = object.__new__


def _zones(
    rows: Any, sources: dict, view_ids: set[str], points: memoryview, counts: list[int], packed: Packed | None
) -> tuple[list[Zone], dict[str, list[str]]]:
    """The entry's zones, every value checked (the checks of `_text` and `_translations`
    written out for the fields every zone has: 10,000 zones are read at a second open), and
    the ids of each view's zones in order. A zone's shapes are the ids of its views, one for
    each part, the parts of a view together; its rings are the next ones of `counts` (the
    rings' lengths) in the packed `points`. With `packed` (a large chart), each view's
    entry for the index, (zone id, parts) and the rings' (offset, count), is added to
    packed.views[view], and the rings' offsets and counts to packed.rings[view]."""
    if type(rows) is not list or len(rows) > MAX_ZONES:
        raise _Untrusted("zones")
    zones = []
    append = zones.append
    in_view: dict[str, list[str]] = {view_id: [] for view_id in view_ids}
    rings = len(counts)
    k = offset = 0  # the next ring, and its first point
    regions, confidences = frozenset(REGIONS), frozenset(CONFIDENCES)
    ids, cited = [], []  # checked at once after the loop
    # every point unpacked in one call: a zone's ring is then a slice of them (see _pairs)
    every_point = list(_pairs(points))
    for row in rows:
        (
            zone_id,
            name,
            region,
            claim,
            technique,
            zone_sources,
            confidence,
            parts_in,
            note,
            tradition,
            tr,
        ) = row
        if not (
            type(zone_id) is str
            and 0 < len(zone_id) <= 64
            and type(name) is str
            and 0 < len(name) <= 4000
            and type(claim) is str
            and 0 < len(claim) <= 4000
            and type(technique) is str
            and 0 < len(technique) <= 4000
            and (note is None or (type(note) is str and 0 < len(note) <= 4000))
            and (tradition is None or (type(tradition) is str and 0 < len(tradition) <= 4000))
        ):
            raise _Untrusted("text")
        if type(region) is not str or region not in regions or type(confidence) is not str:
            raise _Untrusted("zone")
        if confidence not in confidences:
            raise _Untrusted("zone")
        if type(zone_sources) is not list or not 0 < len(zone_sources) <= MAX_ZONE_SOURCES:
            raise _Untrusted("zone sources")
        ids.append(zone_id)
        cited.append(zone_sources)
        if tr or type(tr) is not dict:  # most zones have no translations
            _translations(tr, "zone")
        # a zone is drawn in one view at least
        if type(parts_in) is not list or not 0 < len(parts_in) <= MAX_PARTS * len(view_ids) or k >= rings:
            raise _Untrusted("zone shape")
        if len(parts_in) == 1:  # one ring in one view: nearly every zone
            view_id = parts_in[0]
            if type(view_id) is not str or view_id not in view_ids:
                raise _Untrusted("zone shape")
            count = counts[k]
            shape = (tuple(every_point[offset : offset + count]),)
            shapes = {view_id: shape}
            in_view[view_id].append(zone_id)
            if packed is not None:
                packed.views[view_id].append((zone_id, shape, ((offset, count),)))
                listed = packed.rings[view_id]
                listed[0].append(offset)
                listed[1].append(count)
            k += 1
            offset += count
        else:
            shapes, k, offset = _zone_shapes(
                zone_id, parts_in, view_ids, every_point, counts, k, offset, packed
            )
            for view_id in shapes:
                in_view[view_id].append(zone_id)
        append(
            _new_zone(
                zone_id,
                name,
                region,
                claim,
                technique,
                tuple(zone_sources),
                confidence,
                shapes,
                note,
                tradition,
                tr,
            )
        )
    if k != rings:  # a ring no zone has
        raise _Untrusted("rings")
    # every id as the schema has it, in one match: lines of ids, as many lines as zones (an id
    # holding a line break would make more)
    joined = "\n".join(ids)
    if ids and (joined.count("\n") != len(ids) - 1 or not _IDS.fullmatch(joined)):
        raise _Untrusted("text")
    every = set(itertools.chain.from_iterable(cited))  # (a list among them: TypeError, damaged)
    if not every <= sources.keys():
        raise _Untrusted("zone sources")
    return zones, in_view


def _zone_shapes(
    zone_id: str,
    parts_in: list,
    view_ids: set[str],
    points: list[tuple[float, float]],
    counts: list[int],
    k: int,
    offset: int,
    packed: Any,
) -> tuple[dict, int, int]:
    """A zone of several parts (or views): its shapes, and the next ring and point after them."""
    rings_of: dict[str, list] = {}
    where: dict[str, list] = {}
    last = None
    for view_id in parts_in:
        if type(view_id) is not str or view_id not in view_ids or k >= len(counts):
            raise _Untrusted("zone shape")
        if view_id != last and view_id in rings_of:  # a view's parts are given together
            raise _Untrusted("zone shape")
        count = counts[k]
        rings_of.setdefault(view_id, []).append(tuple(points[offset : offset + count]))
        where.setdefault(view_id, []).append((offset, count))
        if len(rings_of[view_id]) > MAX_PARTS:
            raise _Untrusted("zone shape")
        last, k, offset = view_id, k + 1, offset + count
    shapes = {view_id: tuple(rings) for view_id, rings in rings_of.items()}
    if packed is not None:
        for view_id, shape in shapes.items():
            packed.views[view_id].append((zone_id, shape, tuple(where[view_id])))
            listed = packed.rings[view_id]
            listed[0].extend(o for o, _ in where[view_id])
            listed[1].extend(c for _, c in where[view_id])
    return shapes, k, offset


def _atlas_from_plain(plain: dict[str, Any], path: Path | None, passed: bool = False) -> Atlas:
    points, array_of_points = _coordinates(plain["coordinates"])
    views = []
    for view_id, foot, aspect, outline, guides, mirror_of in plain["views"]:
        if foot not in FEET or aspect not in ASPECTS or type(guides) is not list:
            raise _Untrusted("view")
        views.append(
            View(
                _id(view_id),
                foot,
                aspect,
                _checked_ring(outline),
                tuple(
                    Guide(_id(gid), _text(name), _checked_ring(points, 2), _translations(tr, "guide"))
                    for gid, name, points, tr in guides
                ),
                _id(mirror_of, optional=True),
            )
        )
    view_ids = {view.id for view in views}
    if len(view_ids) != len(views) or not views:
        raise _Untrusted("views")
    check_views(tuple(views))  # one view a foot and aspect; mirrors as `check` makes them
    if type(plain["sources"]) is not list or len(plain["sources"]) > MAX_SOURCES:
        raise _Untrusted("sources")
    sources = {}
    for sid, title, url, note, tr in plain["sources"]:
        sources[_id(sid)] = Source(
            sid, _text(title), _url(url), _text(note, optional=True), _translations(tr, "source")
        )
    if len(sources) != len(plain["sources"]):  # an id given twice: `check` refuses that
        raise _Untrusted("source ids")
    counts = _ring_counts(plain["rings"], len(points) // 16)
    shared = None  # the packed points, which the index and the geometry check take
    if array_of_points is not None:
        rings = {view_id: ([], []) for view_id in view_ids}
        shared = Packed(array_of_points, {view_id: [] for view_id in view_ids}, rings)
    zones, in_view = _zones(plain["zones"], sources, view_ids, points, counts, shared)
    if len({zone.id for zone in zones}) != len(zones):
        raise _Untrusted("zone ids")
    if shared is not None:
        index = ZoneIndex.from_packed(shared)
    else:
        index = ZoneIndex((view_id, z.id, parts) for z in zones for view_id, parts in z.shapes.items())
    atlas = Atlas(
        id=_id(plain["id"]),
        title=_text(plain["title"]),
        tradition=_text(plain["tradition"]),
        description=_text(plain["description"], optional=True),
        zone_names=_zone_names(plain["zone_names"]),
        sources=sources,
        views=tuple(views),
        zones=tuple(zones),
        path=path,
        index=index,
        translations=_translations(plain["translations"], "chart"),
    )
    # what `check` refuses is refused here too: a text it cannot show, a ring that crosses
    # itself, parts that overlap, a zone outside its outline (cache_rules.py), unless the
    # cache's verdict says these very bytes passed them
    if not passed:
        check_texts(atlas)
        check_geometry(atlas, shared)
    remembered = _anchors(plain["anchors"], in_view, shared)
    if not passed:
        check_anchors(atlas, remembered, shared)  # each in its zone: a leader points at its zone
    atlas.remember_anchors(remembered)
    return atlas


def _anchors(
    anchors: Any, in_view: dict[str, list[str]], packed: Packed | None
) -> dict[str, dict[str, tuple]]:
    """The label anchors an entry holds: for each view, the x and y of each of its zones in
    order, packed as doubles, each finite and within the coordinate limits (checked a view at
    a time, not point by point: 10,000 of them at a second open). With `packed`, each view's
    run is also handed to the anchor check, which reads it at once."""
    if type(anchors) is not dict or anchors.keys() != in_view.keys():
        raise _Untrusted("anchors")
    remembered = {}
    for view_id, value in anchors.items():
        raw = _decoded(value)
        zone_ids = in_view[view_id]
        if len(raw) != 16 * len(zone_ids):  # one point for each of the view's zones
            raise _Untrusted("anchors")
        _checked_doubles(raw)
        remembered[view_id] = dict(zip(zone_ids, _pairs(raw), strict=True))
        if packed is not None:  # in the order of packed.views[view_id]: the same zones' ids
            packed.anchors[view_id] = raw
    return remembered
