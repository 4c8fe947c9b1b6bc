"""A PNG written a band of rows at a time, so that a large export never holds its whole picture.

A 3,000-pixel-wide chart is 68 MiB as one image; drawn and compressed in bands of BAND_ROWS
rows it needs a band's worth (issue 14: the PNG of a zone of 99,999 points peaked at 307 MiB).
The file is opaque RGB, 8 bits a channel, each row filtered "Up" (PNG filter 2): what a chart
has most of, flat colour over many rows, compresses to nearly nothing."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

import numpy

BAND_ROWS = 512
BAND_MARGIN = 32  # rows drawn beyond a band on each side, then left out (see render/export.py)
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_from_bands(width: int, height: int, bands: Iterable[numpy.ndarray], dots_per_metre: int) -> bytes:
    """The PNG of an opaque picture `width` × `height` given as `bands`: arrays of (rows, width, 3)
    bytes (RGB), top to bottom, `height` rows in all; `dots_per_metre` is its printed size."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, no interlace
    size = struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)  # per metre
    parts = [SIGNATURE, _chunk(b"IHDR", header), _chunk(b"pHYs", size)]
    squeeze = zlib.compressobj(6)
    above = numpy.zeros((1, width * 3), numpy.uint8)  # the row above the first: zeros
    data, rows = [], 0
    for band in bands:
        flat = numpy.ascontiguousarray(band, numpy.uint8).reshape(len(band), width * 3)
        up = flat - numpy.concatenate((above, flat[:-1]))  # (uint8: modulo 256, as PNG's "Up")
        filtered = numpy.empty((len(flat), width * 3 + 1), numpy.uint8)
        filtered[:, 0] = 2
        filtered[:, 1:] = up
        data.append(squeeze.compress(filtered.tobytes()))
        above, rows = flat[-1:].copy(), rows + len(flat)
    if rows != height:
        raise ValueError(f"{rows} rows drawn for a picture of {height}")
    data.append(squeeze.flush())
    parts.append(_chunk(b"IDAT", b"".join(data)))
    parts.append(_chunk(b"IEND", b""))
    return b"".join(parts)
