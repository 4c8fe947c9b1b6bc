"""Saving a chart: YAML written atomically with a `.bak` of the previous version.

The bytes come from a `ChartDocument` (comments, key order, quoting and mirrors as the
author wrote them); storage.write_with_backup writes a temporary file beside the target,
fsyncs it, copies the old file to `<name>.bak` and renames, so a crash leaves either the
old file or the new one, whole. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from ..storage import write_with_backup
from .document import ChartDocument, read_document
from .model import Atlas


class ChartNotSaved(ValueError):
    """The chart has errors (listed in `problems`) or cannot be turned into a document."""

    def __init__(self, message: str, problems: tuple = ()):
        super().__init__(message)
        self.problems = problems


def document_of(chart: ChartDocument | Atlas) -> ChartDocument:
    """The document to write for `chart`: itself, or the file a loaded Atlas came from."""
    if isinstance(chart, ChartDocument):
        return chart
    if isinstance(chart, Atlas):
        if chart.path is None:
            raise ChartNotSaved("this chart was not read from a file; build it as a ChartDocument to save it")
        document = read_document(chart.path)
        result = document.validate()
        if result.atlas is None or result.atlas.zones != chart.zones or result.atlas.views != chart.views:
            raise ChartNotSaved(
                f"{chart.path} changed since this chart was loaded, or the chart was changed in memory; "
                "change charts with reflexmap.edit_chart / ChartDocument edits"
            )
        return document
    raise TypeError(f"save_atlas needs a ChartDocument or an Atlas, not {type(chart).__name__}")


def save_atlas(chart: ChartDocument | Atlas, path: str | Path, *, allow_errors: bool = False) -> Path:
    """Write `chart` as YAML to `path` atomically, keeping the old file as `<name>.bak`.

    A chart that `reflexmap check` would reject is refused (ChartNotSaved, with its problems)
    unless `allow_errors` (an editor saving work in progress). Returns the path written."""
    document = document_of(chart)
    if not allow_errors:
        problems = document.problems()
        if problems:
            raise ChartNotSaved(f"the chart has {len(problems)} error(s); not saved", problems)
    path = Path(path)
    write_with_backup(path, document.to_bytes())
    return path
