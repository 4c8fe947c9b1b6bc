"""The key's sentence names the chart's tradition on its own ("Tradition: …."), so any name
reads correctly in it: a possessive such as "Marlene's own" made "charts of the Marlene's own
tradition" (render/chart_key.py). English and German, the name isolated as chart text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reflexmap import i18n
from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.render.chart_scene import ChartScene

FSI, PDI = "\u2068", "\u2069"
SENTENCES = {
    "en": "Tradition: {name}. Zones show where charts of this tradition place their claimed correspondences.",
    "de": "Tradition: {name}. Die Zonen zeigen, wo Karten dieser Tradition ihre behaupteten "
    "Entsprechungen verorten.",
}


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("tradition", ["Marlene's own", "Western (Ingham)", "Chinese", "מסורת שלי"])
def test_any_tradition_name_reads_correctly_in_the_key(qapp, language, tradition):
    path = next(p for p in builtin_charts() if p.stem == "ingham-western")
    try:
        atlas = replace(load_atlas(path).localized(i18n.set_language(language)), tradition=tradition)
        scene = ChartScene()
        scene.show_chart(atlas, "plantar")
        caveat = " ".join(item.text() for item in scene.key.caveat)
    finally:
        i18n.set_language("en")
    # a name that could reorder the words around it (right-to-left) is isolated; others as written
    name = f"{FSI}{tradition}{PDI}" if "ש" in tradition else tradition
    assert caveat.startswith(SENTENCES[language].format(name=name)), caveat
    assert "the Marlene" not in caveat and "der Tradition Marlene" not in caveat
