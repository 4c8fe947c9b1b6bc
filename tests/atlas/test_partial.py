"""Which charts are partial (add to the main chart) and what they add: decided by content."""

from __future__ import annotations

from dataclasses import replace

from reflexmap.atlas import builtin_chart_path, builtin_charts, load_atlas
from reflexmap.atlas.partial import additions, is_partial


def main_chart():
    return load_atlas(builtin_chart_path())


def test_a_chart_with_fewer_views_or_few_zones_is_partial():
    main = main_chart()
    assert not is_partial(main, main)
    fewer_views = replace(main, id="one-school", views=tuple(v for v in main.views if v.aspect == "medial"))
    assert is_partial(fewer_views, main)
    few_zones = replace(main, id="few", zones=main.zones[:3])
    assert is_partial(few_zones, main)
    nearly_all = replace(main, id="nearly-all", zones=main.zones[:-2])
    assert not is_partial(nearly_all, main)  # a chart of its own that lacks a zone or two
    other_feet = replace(
        main, id="other-feet", views=tuple(replace(v, id=f"{v.id}-x") for v in main.views), zones=()
    )
    assert not is_partial(other_feet, main)  # its own drawings: nothing to lay it over
    square = ((-20.0, 0.0), (20.0, 0.0), (20.0, 100.0), (-20.0, 100.0))
    own_outlines = replace(
        main, id="own-feet", views=tuple(replace(v, outline=square) for v in main.views), zones=main.zones[:3]
    )
    assert not is_partial(own_outlines, main)  # the main chart's view ids, feet of its own


def test_the_builtin_alternative_chart_is_partial_and_says_what_it_adds():
    main = main_chart()
    alternative = next(a for a in map(load_atlas, builtin_charts()) if a.id == "alternative-placements")
    assert is_partial(alternative, main)
    added = additions(alternative, main)
    assert set(added.different) | set(added.new) == {z.id for z in alternative.zones}
    assert all(main.has_zone(z) for z in added.different) and not any(main.has_zone(z) for z in added.new)
    assert added.aspects == alternative.aspects()
