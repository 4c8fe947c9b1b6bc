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
