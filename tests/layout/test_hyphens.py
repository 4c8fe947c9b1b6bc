"""A long word of a zone's name is broken where a reader expects it: in German between the
parts of a compound ("Nasen-nebenhöhlen", "Nasenneben-höhlen", never "Nasenne-benhöhlen"),
in English between syllables as a dictionary has them ("Pan-creas", not "Panc-reas").
Every word of the built-in charts' names in both languages, against the places a person
chose for it (GOOD): no other break is offered."""

from __future__ import annotations

import pytest

from reflexmap import i18n
from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.layout.hyphens import hyphen_breaks

# the places a line may end in each long word of the charts' names (checked by hand; a word
# not listed is offered no break). German: between a compound's parts, after a prefix, or
# between the syllables of a loanword; never before an unstressed ending ("-ben", "-ter").
GOOD = {
    "de": """Ab-steigender Auf-steigender Bauch-speichel-drüse Brust-korb Brust-wirbel-säule
        Dick-darm Dünn-darm Eier-stock Ei-leiter, Ell-bogen Gallen-blase Ge-bär-mutter
        Gleich-ge-wicht Hals-wirbel-säule Harn-leiter Hy-po-physe Hüft-ge-lenk
        Ileo-zä-kal-klappe Innen-ohr Is-chias-nerv Klein-hirn Ko-lon-fle-xur Kreuz-bein
        Leisten-lymphe Lenden-wirbel-säule Lymph-knoten Mast-darm Nasen-neben-höhlen
        Neben-nieren Pro-sta-ta Pros-tata Quer-darm Rücken-mark Schild-drüse Schulter So-lar-ple-xus
        Steiß-bein Tra-pez-muskel Unter-bauch Unterer Un-terer Unter-körper Zirbel-drüse
        Zwerch-fell Äu-ßeres Fersen-linie Ischias-linie Schulter-linie Sehnen-linie
        Taillen-linie Zwerchfell-linie Au-ßen-knöchel Außen-knöchel Innen-knöchel
        Is-chias-linie Ge-hirn Sig-ma Becken-""",
    "en": """sec-ond Adren-al As-cend-ing Blad-der Cere-bel-lum Cer-vi-cal De-scend-ing
        Di-aphragm Fal-lop-i-an Gall-blad-der He-pat-ic Ileo-cae-cal Kid-neys Pan-creas
        Pi-tu-itary Sci-at-ic Shoul-der Sig-moid Si-nus-es Splen-ic Stom-ach Tho-racic
        Trans-verse Trapez-ius Ure-ters ab-domen equi-lib-ri-um flex-ure in-tes-tine
        pros-tate thy-roid Waist-line Hy-po-thal-a-mus Lym-phat-ics Pi-tu-i-tary
        Duo-de-num Par-a-thy-roids Eu-sta-chian Es-oph-a-gus Oe-soph-a-gus (sec-ond Coc-cyx
        coc-cyx El-bow In-ner Liv-er Low-er low-er Lum-bar Out-er Rec-tum So-lar Ten-don Up-per
        an-kle""",
}


def good_breaks(language: str) -> dict[str, set[int]]:
    places: dict[str, set[int]] = {}
    for spelled in GOOD[language].split():
        word = spelled.replace("-", "")
        at, cuts = 0, set()
        for part in spelled.split("-")[:-1]:
            at += len(part)
            cuts.add(at)
        places.setdefault(word, set()).update(cuts)
    return places


def chart_words(language: str) -> set[str]:
    words: set[str] = set()
    try:
        for path in builtin_charts():
            atlas = load_atlas(path).localized(i18n.set_language(language))
            names = [zone.name for zone in atlas.zones]
            names += [guide.name for view in atlas.views for guide in getattr(view, "guides", ())]
            words |= {word for name in names for word in name.split() if "-" not in word.strip("-")}
    finally:
        i18n.set_language("en")
    return words


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_word_of_the_charts_breaks_only_where_a_reader_expects(language):
    good = good_breaks(language)
    words = chart_words(language)
    assert len(words) > 40
    wrong = {}
    for word in sorted(words):
        offered = {len(head) - 1 for head, _tail in hyphen_breaks(word, language)}
        if offered - good.get(word, set()):
            wrong[word] = sorted(offered - good.get(word, set()))
    assert wrong == {}, wrong
    # the long compounds can be broken at all (a word with no break would be cut with "…")
    for word in ("Nasennebenhöhlen", "Bauchspeicheldrüse", "Lendenwirbelsäule", "Gallbladder"):
        if word in words:
            assert hyphen_breaks(word, language), word


def test_the_nose_sinuses_break_between_the_compounds_parts():
    assert [head for head, _tail in hyphen_breaks("Nasennebenhöhlen", "de")] == ["Nasen-", "Nasenneben-"]
    assert [head for head, _tail in hyphen_breaks("Leistenlymphe", "de")] == ["Leisten-"]
    assert ("Gleich-", "gewicht") in hyphen_breaks("Gleichgewicht", "de")
    assert hyphen_breaks("Hals-Nasen-Ohren", "de") == [("Hals-", "Nasen-Ohren"), ("Hals-Nasen-", "Ohren")]
    assert hyphen_breaks("Kopf", "de") == [] and hyphen_breaks("ཀླད་པ", "de") == []  # (another script)


def test_without_pyphen_the_rule_gives_the_syllables_and_german_keeps_its_parts(monkeypatch):
    """An environment that predates the dependency: the small rule's syllables, with the same
    German filter ("Nasenne-" was the rule's own bad break)."""
    from reflexmap.layout import hyphens

    monkeypatch.setattr(hyphens, "_dictionary", lambda language: None)
    hyphens._breaks.cache_clear()
    try:
        assert [head for head, _ in hyphen_breaks("Nasennebenhöhlen", "de")] == ["Nasen-", "Nasenneben-"]
        assert [head for head, _ in hyphen_breaks("Bauchspeicheldrüse", "de")] == ["Bauch-", "Bauchspeichel-"]
    finally:
        hyphens._breaks.cache_clear()
