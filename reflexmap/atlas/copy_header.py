"""A chart file's leading comments as they should read in a copy saved elsewhere (Save as):
the editor's `$schema` line points at the schema from the new folder, and a copy of a
built-in chart no longer calls itself the built-in chart (tryout S17-9: a copy in the user's
folder said "ReflexMap built-in chart: …" and `$schema=../reflexmap/atlas/atlas-v1.schema.json`,
which points nowhere there).

The program's own schema is named only from inside the program's folder (its `zones/`
charts). The schema has no address of its own on the web (its `$id` is a placeholder), and a
relative path from a user's folder into the program's (tryout S18-16:
`$schema=../../work/wt/h-tryout/reflexmap/atlas/atlas-v1.schema.json`) breaks when the program
moves or is updated: a copy saved outside has no `$schema` line, and docs/atlas-format.md says
how to give it one (`reflexmap schema` prints the schema to keep beside it). No Qt."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .schema import SCHEMA_FILE

SCHEMA_PATH = Path(__file__).resolve().with_name(SCHEMA_FILE)  # the installed package's schema
PROGRAM_FOLDER = SCHEMA_PATH.parents[2]  # the folder holding the package (and zones/, from source)
_SCHEMA_LINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)(.*)$")


def schema_reference(schema: Path, folder: Path) -> str:
    """How a file in `folder` names `schema`: a relative path, or a file: URL where there is
    none (another drive on Windows)."""
    try:
        return Path(os.path.relpath(schema, folder)).as_posix()
    except ValueError:
        return schema.as_uri()


def leading_comments(text: str) -> str:
    """`text`'s leading block of comment and blank lines."""
    return text[: _leading_comments(text)]


def names_program_schema(folder: Path) -> bool:
    """Whether a chart in `folder` may name the program's own schema: only from inside the
    program's folder, where the path between them stays as the program moves."""
    return folder.resolve().is_relative_to(PROGRAM_FOLDER)


def _leading_comments(text: str) -> int:
    """The number of characters of `text`'s leading block of comment and blank lines."""
    end = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        end += len(line)
    return end


def builtin_head(text: str) -> Path | None:
    """The built-in chart whose leading comments `text` still begins with (a copy of it, also
    one whose new header was undone), or None."""
    from .loader import builtin_charts

    head = text[: _leading_comments(text)]
    if not head.strip():
        return None
    for path in builtin_charts():
        try:
            with open(path, encoding="utf-8", newline="") as file:
                start = file.read(len(head) + 1)
        except OSError:
            continue
        if start[: _leading_comments(start)] == head:
            return path
    return None


def copy_header(text: str, old: Path | None, new: Path, *, builtin_title: str | None = None) -> str:
    """`text` (a chart file's text, read from `old`) as saved to `new`. `builtin_title`: the
    chart is a built-in one (titled so): its leading comments, which are about the built-in
    file, give way to a line saying what the copy is, after the `$schema` line (inside the
    program's folder only). Otherwise only a relative `$schema` path is rewritten for the new
    folder, or left out where it named the program's schema from outside the program's folder
    (a URL, or a path that named no file from the old folder, is kept as written)."""
    head_end = _leading_comments(text)
    head, rest = text[:head_end], text[head_end:]
    if builtin_title is not None:
        name = old.name if old is not None else ""
        title = " ".join(builtin_title.split())
        schema = (
            f"# yaml-language-server: $schema={schema_reference(SCHEMA_PATH, new.parent)}\n"
            if names_program_schema(new.parent)
            else ""
        )
        return (
            schema
            + f"# {title}: a copy of the ReflexMap built-in chart {name}, saved with ReflexMap.\n"
            + rest
        )
    if old is None or old.parent.resolve() == new.parent.resolve():
        return text
    lines = head.splitlines(keepends=True)
    for i, line in enumerate(lines):
        found = _SCHEMA_LINE.match(line.rstrip("\r\n"))
        if found is None or "://" in found[2] or found[2].startswith("/"):
            continue
        target = (old.parent / found[2]).resolve()
        if not target.is_file():
            continue
        if target == SCHEMA_PATH and not names_program_schema(new.parent):
            lines[i] = ""  # a path into the program's folder: broken once it moves
            continue
        ending = line[len(line.rstrip("\r\n")) :]
        lines[i] = f"{found[1]}{schema_reference(target, new.parent.resolve())}{found[3]}{ending}"
    return "".join(lines) + rest
