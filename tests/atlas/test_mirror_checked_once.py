"""A zone's mirrored shape is not checked again when its drawn shape was built without a
problem (the builder asked polygon_problem of the drawn rings twice: once for the shape,
once more for each of its mirrors), and a mirror of a shape with a problem is still left
out and reported once."""

from __future__ import annotations

from collections import Counter
from unittest import mock

from reflexmap.atlas import builder as builder_module
from reflexmap.atlas import builtin_chart_path, geometry
from reflexmap.atlas.loader import parse_atlas


def _rings_checked(text: str) -> tuple[list, object]:
    """The rings polygon_problem was asked about, one by one (the vectorised check of
    sound one-part shapes turned off, so that every shape goes through the builder's rules)."""
    asked = []
    real = geometry.polygon_problem

    def counted(ring):
        asked.append(tuple(ring))
        return real(ring)

    with (
        mock.patch.object(builder_module.Builder, "sound_shapes", lambda self, views: set()),
        mock.patch.object(geometry, "polygon_problem", counted),
    ):
        result = parse_atlas(text, "chart.yaml")
    return asked, result


def test_a_mirror_of_a_sound_shape_is_not_checked_again():
    text = builtin_chart_path().read_text(encoding="utf-8")
    asked, result = _rings_checked(text)
    assert result.ok
    atlas = result.atlas
    drawn = [
        ring
        for zone in atlas.zones
        for view_id, parts in zone.shapes.items()
        if atlas.view(view_id).mirror_of is None
        for ring in parts
    ]
    mirrored = [zone.id for zone in atlas.zones for v in zone.shapes if atlas.view(v).mirror_of]
    assert len(mirrored) > 20
    times = Counter(asked)
    # each drawn ring once (before: once more for each of its mirrors); a mirror's own rings
    # are still checked as the mirror view's (its outline)
    assert {times[tuple(ring)] for ring in drawn} == {1}


def test_a_mirror_of_a_broken_shape_is_still_left_out_and_reported_once():
    text = builtin_chart_path().read_text(encoding="utf-8")
    start = text.index("      plantar-left: [", text.index("\nzones:\n"))
    end = text.index("]\n", start)
    broken = text[:start] + "      plantar-left: [[0, 0], [1, 1], [2, 2], [3, 3]" + text[end:]
    _asked, result = _rings_checked(broken)
    assert not result.ok
    assert len([e for e in result.errors if "plantar" in e.message]) == 1, result.errors
