"""The benchmarks' synthetic charts carry their own title and description in every language
the app speaks (they once kept the built-in chart's German texts, so in German the Chart menu
named every synthetic chart "Westliche Fußkarte (Tradition nach Ingham)")."""

from __future__ import annotations

import pytest
import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap import load_atlas
from reflexmap.atlas.loader import parse_atlas
from reflexmap.i18n import LANGUAGES


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_synthetic_chart_has_its_own_title_and_description_in_each_language(language):
    builtin = load_atlas().localized(language)
    charts = [parse_atlas(yaml.safe_dump(synthetic_chart(n), sort_keys=False)).atlas for n in (12, 1200)]
    titles = [chart.localized(language).title for chart in charts]
    assert builtin.title not in titles
    assert len(set(titles)) == 2, titles
    assert "12" in titles[0] and ("1,200" in titles[1] or "1.200" in titles[1]), titles
    for chart in charts:
        shown = chart.localized(language)
        assert shown.description and shown.description != builtin.description
        assert shown.tradition == builtin.tradition  # its sources are the built-in chart's
