"""Ids made from names (a new chart's id from its title): spelled in ASCII as a reader
would ("ß" → "ss", "ü" → "ue", accents dropped), always in the schema's pattern for ids
(tryout S9-8: "Annas Fußkarte" gave "annas-fu-karte")."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflexmap.atlas.ids import MAX_ID_CHARS, id_from_name

ID = re.compile(
    json.loads(files("reflexmap.atlas").joinpath("atlas-v1.schema.json").read_text())["$defs"]["id"][
        "pattern"
    ]
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Annas Fußkarte", "annas-fusskarte"),
        ("GROẞE ÄRZTE ÖL ÜBUNG", "grosse-aerzte-oel-uebung"),
        ("Café Zürich 2", "cafe-zuerich-2"),
        ("Ødegård Łódź Æsop œuvre Þór", "odegard-lodz-aesop-oeuvre-thor"),
        ("ﬁne Ｆｕｌｌ width", "fine-full-width"),
        ("Meine Fußkarte: Schule/B. \u202eTest", "meine-fusskarte-schule-b-test"),
        ("2024 chart", "chart-2024-chart"),
        ("Карта Anna", "anna"),
        ("", "chart"),
    ],
)
def test_an_id_from_a_name_spells_its_letters_in_ascii(name, expected):
    assert id_from_name(name) == expected


def test_names_in_other_scripts_get_the_fallback_and_stay_apart():
    cyrillic, greek = id_from_name("Карта стопы"), id_from_name("Χάρτης ποδιού")
    assert cyrillic.startswith("chart-") and greek.startswith("chart-") and cyrillic != greek
    assert id_from_name("Карта стопы") == cyrillic  # the same name, the same id


@given(st.text(max_size=300))
def test_every_name_gives_an_id_in_the_schemas_pattern(name):
    made = id_from_name(name)
    assert ID.fullmatch(made) and len(made) <= MAX_ID_CHARS
