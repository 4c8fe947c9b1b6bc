"""A realistic large chart for benchmarks and tests: the built-in chart's zones repeated.

The synthetic charts (synthetic.py) are small round zones of plain numbers; a chart a person
makes has long texts, German translations, sources, guide lines and mirrored shapes, which
take other, slower paths. This chart is the built-in file as written (comments, flow lists
over several lines, `mirror` shapes) with its zones written `copies` times, every copy's ids
given a suffix (`-c1`, `-c2`, ...) and its English names a number: 50 copies make 2,700
zones, 2.6 MB, the chart of the new-user tryout S18-8 (issue 19)."""

from __future__ import annotations

import re
from pathlib import Path

from reflexmap.atlas.loader import builtin_chart_path

COPIES = 50
# a zone's id line as the built-in writes it, and its English name ("Pineal gland 1")
_ZONE_ID = re.compile(r"^(  - id: [A-Za-z0-9_-]+)$", re.MULTILINE)
_NAME = re.compile(r'^(    name: "[^"\n]*)"$', re.MULTILINE)


def realistic_text(copies: int = COPIES) -> str:
    """The built-in chart's text with its zones written `copies` times (ids of copy k > 0
    end in `-ck`)."""
    text = builtin_chart_path().read_text(encoding="utf-8")
    head, mark, zones = text.partition("\nzones:\n")
    if not mark:
        raise ValueError("the built-in chart has no top-level 'zones:' line")
    parts = [head, mark, zones if zones.endswith("\n") else zones + "\n"]
    for k in range(1, copies):
        parts.append(_NAME.sub(rf'\g<1> {k}"', _ZONE_ID.sub(rf"\g<1>-c{k}", zones)))
    return "".join(parts)


def write_realistic_chart(folder: Path, copies: int = COPIES) -> Path:
    path = folder / f"realistic-{copies}.yaml"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(realistic_text(copies), encoding="utf-8")
        tmp.replace(path)
    return path
