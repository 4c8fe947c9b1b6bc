"""Zone search (Qt-free): word beginnings, any order, case and accents folded, every view."""

from __future__ import annotations

from reflexmap.atlas.search import Searchable, search_zones, text_words, words


def test_words_fold_case_accents_and_sharp_s():
    assert words("Fußsohle, LINKS – Äußeres") == ["fusssohle", "links", "ausseres"]


def test_every_word_must_begin_a_word(builtin_atlas):
    ids = [m.zone_id for m in search_zones(builtin_atlas, "low back")]
    assert "lower-back" in ids
    assert [m.zone_id for m in search_zones(builtin_atlas, "ow ack")] == []


def test_name_matches_come_before_claim_matches(builtin_atlas):
    matches = search_zones(builtin_atlas, "back")
    ranks = [m.rank for m in matches]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_matches_say_which_views_draw_the_zone(builtin_atlas):
    (knee,) = [m for m in search_zones(builtin_atlas, "knee") if m.zone_id.startswith("knee")]
    assert "plantar" not in knee.aspects and knee.aspects


def test_german_names_are_found_without_accents(builtin_atlas):
    german = builtin_atlas.localized("de")
    assert any(m.zone_id == "sciatic-nerve" for m in search_zones(german, "ischias"))


def test_an_empty_or_huge_query_is_cheap(builtin_atlas):
    assert search_zones(builtin_atlas, "   ") == []
    assert search_zones(builtin_atlas, "x" * 1_000_000) == []


def test_running_text_does_not_match(builtin_atlas):
    """Technique and notes are prose: two common words would match half the chart."""
    ids = [m.zone_id for m in search_zones(builtin_atlas, "low back")]
    assert ids[0] == "lower-back" and "gallbladder" not in ids


def test_a_german_word_is_found_inside_compound_names(builtin_atlas):
    """German joins words: "Darm" found none of Dünndarm, Mastdarm, Querdarm, Dickdarm, and
    "Drüse" none of the glands. Found now, after word beginnings; names before claims."""
    german = builtin_atlas.localized("de")
    darm = search_zones(german, "Darm")
    names = [m.name for m in darm]
    assert {"Dünndarm", "Mastdarm", "Querdarm", "Absteigender Dickdarm"} <= set(names), names
    ranks = [m.rank for m in darm]
    assert ranks == sorted(ranks)
    assert all(m.rank == 2 for m in darm if m.name.endswith("darm"))  # in the name: before claims
    assert {"Zirbeldrüse", "Bauchspeicheldrüse"} <= {m.name for m in search_zones(german, "druse")}
    assert {m.zone_id for m in search_zones(german, "säule")} >= {"lumbar-spine", "cervical-spine"}


def test_short_words_are_not_looked_for_inside_words(builtin_atlas):
    assert [m.name for m in search_zones(builtin_atlas, "ear")] == ["Ears", "Inner ear and equilibrium"]


def test_spelled_out_umlauts_never_shorten_english_words(builtin_atlas):
    """Umlauts spelled out ("ue" for "ü") are found, but a typed "oe" or "ue" is not cut to "o"
    or "u": "toe" found Ureters ("kidneys to the bladder"), as if "to" had been typed."""
    assert "ureters" not in [m.zone_id for m in search_zones(builtin_atlas, "toe")]
    assert [m.zone_id for m in search_zones(builtin_atlas, "to")]  # (the short word itself still finds)
    german = builtin_atlas.localized("de")
    for typed in ("Dünndarm", "Duenndarm", "Dunndarm", "dünnDARM"):
        assert [m.name for m in search_zones(german, typed)] == ["Dünndarm"], typed
    for typed in ("Schilddrüse", "Schilddruese", "Schilddruse"):
        assert "Rachen und Schilddrüse" in [m.name for m in search_zones(german, typed)], typed
    assert words("Grüße") == ["grusse"]
    assert text_words("Grüße, Fuß") == ["grusse", "fuss", "gruesse"]
    assert text_words("toe to") == ["toe", "to"]  # (nothing spelled out: nothing added)
    # a capital umlaut spelled out too ("Übergang" found by "Uebergang")
    assert text_words("Übergang, ÖL") == ["ubergang", "ol", "uebergang", "oel"]
    assert text_words("Ä") == ["a", "ae"]


def test_a_chart_read_elsewhere_is_searched_alike(builtin_atlas):
    """Searchable (a chart read by a worker) finds what search_zones finds, for the same words."""
    german = builtin_atlas.localized("de")
    tries = ((builtin_atlas, "toe"), (builtin_atlas, "low back"), (german, "Duenndarm"), (german, "säule"))
    for chart, typed in tries:
        assert [m.zone_id for m in Searchable.of(chart).find(typed)] == [
            m.zone_id for m in search_zones(chart, typed)
        ]


def test_a_typed_word_a_little_longer_than_the_charts_finds_it(builtin_atlas):
    """ "sciatica" found nothing, "sciat" the sciatic nerve (tryout): a typed word that is a word
    of the chart (of five letters or more) and at most two letters more finds it too."""
    for typed in ("sciatica", "Sciatica", "hearts", "colonic"):
        assert search_zones(builtin_atlas, typed), typed
    assert [m.zone_id for m in search_zones(builtin_atlas, "sciatica")] == ["sciatic-nerve"]
    assert "heart" in [m.zone_id for m in search_zones(builtin_atlas, "hearts")]
    # a longer word is another word; a short chart word is not a stem ("ear" of "earth")
    for typed in ("heartburn", "colonoscopy", "earth", "toes"):
        assert [m.zone_id for m in search_zones(builtin_atlas, typed)] == [], typed
    german = builtin_atlas.localized("de")
    assert "stomach" in [m.zone_id for m in search_zones(german, "Magens")]
    # and the worker's reading finds the same
    assert [m.zone_id for m in Searchable.of(builtin_atlas).find("sciatica")] == ["sciatic-nerve"]
