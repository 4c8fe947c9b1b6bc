"""SetZoneNames: a chart's `zone_names` (how its zone names read inside a sentence) set,
changed or removed as one edit that keeps the author's comments and undoes byte for byte."""

from __future__ import annotations

import pytest

from reflexmap.atlas.document import read_document
from reflexmap.atlas.edits import EditRefused, SetZoneNames
from reflexmap.atlas.loader import builtin_chart_path

from .test_edits import DATA


def test_a_chart_without_the_key_gets_it_after_its_own_texts():
    document = read_document(DATA / "small.yaml")
    assert document.draft().atlas.zone_names == "as written"
    applied = SetZoneNames("common nouns").apply(document)
    lines = applied.document.text.splitlines()
    assert lines[lines.index('tradition: "Test"') + 1] == "zone_names: common nouns"
    assert applied.document.draft().atlas.zone_names == "common nouns"
    assert not applied.problems
    assert applied.inverse.apply(applied.document).document.text == document.text


def test_changing_the_built_in_charts_key_keeps_every_other_byte():
    document = read_document(builtin_chart_path())
    applied = SetZoneNames("as written").apply(document)
    assert applied.document.text == document.text.replace(
        "\nzone_names: common nouns\n", "\nzone_names: as written\n"
    )
    assert applied.inverse.apply(applied.document).document.text == document.text


def test_a_style_the_schema_does_not_know_is_refused():
    with pytest.raises(EditRefused, match="zone names read either 'common nouns' or 'as written'"):
        SetZoneNames("Title Case").apply(read_document(DATA / "small.yaml"))
