"""What a view's guide-name placement read of its zones' edges, so that an edit can keep it.

Guide names are placed (chart_scene._draw_guide_names) from the view's frame, its guide
lines, its labels and leaders, and the zones' edges filed in a `SegmentIndex`; of the edges
a placement sees only the squares it asks about (`cells.get`) and the rows a fill test runs
its ray along (`_rows.get`). An editor's drag changes one zone: when every square and row the
last placement asked about holds the same segments in the new index (and every other input
is the same), the placement would come out the same, so it is kept instead of made again
(tests/ui/test_editor_incremental.py compares the pictures with a full redraw). Pure Python,
no Qt.
"""

from __future__ import annotations

from .labels import SegmentIndex


class _Asked(dict):
    """A dict that notes every key asked for with `get` (the index's squares or rows)."""

    __slots__ = ("asked",)

    def get(self, key, default=None):
        self.asked.add(key)
        return dict.get(self, key, default)


class Reads:
    """The squares and rows of one index that a placement asked about (see `watch`)."""

    def __init__(self, index: SegmentIndex):
        self.index = index
        cells = _Asked(index.cells)
        cells.asked = set()
        if index._rows is None:
            index.inside(0.0, 0.0)  # files the rows, so that their reads are noted too
        rows = _Asked(index._rows)
        rows.asked = set()
        self._cells, self._rows = cells, rows
        index.cells, index._rows = cells, rows
        index._fill_state = {}  # squares found inside a zone before: asked again, and noted

    def stop(self) -> tuple[frozenset, frozenset]:
        """Stop noting; (squares, rows) asked about."""
        self.index.cells, self.index._rows = dict(self._cells), dict(self._rows)
        return frozenset(self._cells.asked), frozenset(self._rows.asked)


def watch(index: SegmentIndex) -> Reads:
    """Start noting what is asked of `index` (until `Reads.stop`)."""
    return Reads(index)


def same_reads(old: SegmentIndex, new: SegmentIndex, cells: frozenset, rows: frozenset) -> bool:
    """Whether `new` answers every question in `cells` and `rows` as `old` did: the same
    segments, in the same order, in each square asked about and in each row a ray ran along."""
    old_cells, new_cells = old.cells, new.cells
    for key in cells:
        if dict.get(old_cells, key) != dict.get(new_cells, key):
            return False
    if rows:
        old_rows, new_rows = _rows_of(old_cells, rows), _rows_of(new_cells, rows)
        if old_rows != new_rows:
            return False
    return True


def _rows_of(cells: dict, rows: frozenset) -> dict[int, list]:
    """The squares of `rows`, by row, in column order (as SegmentIndex files its rows)."""
    found: dict[int, list] = {}
    for (i, j), segs in cells.items():
        if j in rows:
            found.setdefault(j, []).append((i, segs))
    for row in found.values():
        row.sort(key=lambda cell: cell[0])
    return found
