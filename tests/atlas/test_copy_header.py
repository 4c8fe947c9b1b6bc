"""A chart's `$schema` comment saved elsewhere (Save as) names the same schema from there."""

from __future__ import annotations

from pathlib import Path

from reflexmap.atlas.copy_header import copy_header

TEXT = "# yaml-language-server: $schema=../schema/atlas.json\n# My chart.\n\natlas_format: 1\nid: x\n"


def test_a_relative_schema_path_is_rewritten_for_the_new_folder(tmp_path: Path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "atlas.json").write_text("{}", encoding="utf-8")
    old, new = tmp_path / "charts" / "a.yaml", tmp_path / "deep" / "er" / "b.yaml"
    moved = copy_header(TEXT, old, new)
    assert moved == TEXT.replace("../schema/atlas.json", "../../schema/atlas.json")
    assert copy_header(TEXT, old, old.with_name("c.yaml")) == TEXT  # the same folder


def test_a_url_or_a_path_to_nothing_is_kept_as_written(tmp_path: Path):
    old, new = tmp_path / "charts" / "a.yaml", tmp_path / "b.yaml"
    assert copy_header(TEXT, old, new) == TEXT  # ../schema/atlas.json is no file from there
    url = TEXT.replace("../schema/atlas.json", "https://example.org/atlas.json")
    assert copy_header(url, old, new) == url


BUILT_IN = (
    "# yaml-language-server: $schema=../reflexmap/atlas/atlas-v1.schema.json\n"
    "# ReflexMap built-in chart\n\natlas_format: 1\n"
)


def test_a_copy_outside_the_program_names_no_path_into_it(tmp_path: Path):
    """Before (tryout S18-16): `$schema=../../work/wt/h-tryout/reflexmap/atlas/…`, a path into
    the program's folder that breaks when the program moves or is updated."""
    from reflexmap.atlas.copy_header import PROGRAM_FOLDER

    old = PROGRAM_FOLDER / "zones" / "ingham-western.yaml"
    copy = copy_header(BUILT_IN, old, tmp_path / "mine" / "my.yaml", builtin_title="Western")
    assert copy == (
        "# Western: a copy of the ReflexMap built-in chart ingham-western.yaml, saved with ReflexMap.\n"
        "atlas_format: 1\n"
    )
    # a chart of the user's own that named the program's schema loses the line when it leaves
    own = BUILT_IN.replace("ReflexMap built-in chart", "Anna's chart")
    moved = copy_header(own, old.with_name("annas.yaml"), tmp_path / "annas.yaml")
    assert moved == "# Anna's chart\n\natlas_format: 1\n"


def test_a_copy_inside_the_program_names_its_schema_from_there():
    from reflexmap.atlas.copy_header import PROGRAM_FOLDER, SCHEMA_PATH

    old = PROGRAM_FOLDER / "zones" / "ingham-western.yaml"
    copy = copy_header(BUILT_IN, old, PROGRAM_FOLDER / "zones" / "mine.yaml", builtin_title="Western")
    first = copy.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../reflexmap/atlas/atlas-v1.schema.json"
    assert (PROGRAM_FOLDER / "zones" / first.split("=", 1)[1]).resolve() == SCHEMA_PATH
