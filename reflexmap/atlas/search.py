"""Finding zones by what people type: every word a prefix of a word of the zone's text.

"low back" finds "Lower back"; "hip" finds the hip zones on whichever views draw them;
"Ischias" finds "Ischiasnerv", and "sciatica" finds "Sciatic nerve" (STEM_EXTRA). Case and
accents are folded, so "fuss" finds "Fuß" and "rucken" finds "Rücken". A word of INNER_MIN
letters or more is also found inside a longer word, after the word beginnings: German joins
words, so "Darm" finds "Dünndarm" and "Mastdarm", "Drüse" finds "Schilddrüse" (short words
would find too much: "ear" in "heart"). Qt-free, tested alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Atlas, Zone
from .text import _letters, natural_key

_WORD = re.compile(r"\w+")
MAX_QUERY = 200  # characters looked at; a pasted page is not a search
INNER_MIN = 4  # letters a typed word needs to be found inside a longer word
# A typed word a little longer than a word of the chart finds it too: "sciatica" finds "Sciatic
# nerve" (it found nothing: tryout), "Magens" finds "Magen". The chart's word has STEM_MIN
# letters or more, and the typed one at most STEM_EXTRA more ("colonic", not "colonoscopy").
STEM_MIN = 5
STEM_EXTRA = 2


# German written without umlauts: "Schilddruese" for "Schilddrüse". A chart's words are kept
# both with the accents folded ("schilddruse") and with ä, ö, ü spelled out ("schilddruese"), so
# "Dunndarm", "Duenndarm" and "Dünndarm" all find Dünndarm. What is typed is only folded, never
# shortened: "oe" and "ue" folded to "o" and "u" on both sides made "toe" find "kidneys *to*
# the bladder" (Ureters) and "blue" find every "blu…".
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def words(text: str) -> list[str]:
    """The folded words of `text`, as a search reads what is typed ("Fußsohle, links" ->
    ["fusssohle", "links"]; "Schilddrüse" -> ["schilddruse"])."""
    return _WORD.findall(_letters(text))


def text_words(text: str) -> list[str]:
    """The words of a chart's `text` that a typed word may begin: folded, and where ä, ö or
    ü was written also spelled out ("Schilddrüse" -> ["schilddruse", "schilddruese"])."""
    folded = words(text)
    spelled = _WORD.findall(_letters(text.translate(_SPELLED_OUT)))  # (_letters casefolds)
    return list(dict.fromkeys(folded + spelled))


@dataclass(frozen=True, slots=True)
class Match:
    zone_id: str
    name: str
    aspects: tuple[str, ...]  # the views (by aspect) that draw the zone, in the chart's order
    rank: int  # 0: every word begins a word of the name; 1: some only of the claim or region;
    # 2: some only inside a longer word of the name (a compound: "Darm" in "Dünndarm");
    # 3: some only inside a longer word of the claim or region


def _stem_of(chart_word: str, typed: str) -> bool:
    """`typed` is `chart_word` and a few letters more ("sciatica", "sciatic")."""
    return (
        len(chart_word) >= STEM_MIN
        and len(typed) - len(chart_word) <= STEM_EXTRA
        and typed.startswith(chart_word)
    )


def _rank(query: list[str], name: list[str], rest: list[str]) -> int | None:
    def found(word: str, haystack: Iterable[str]) -> bool:
        return any(w.startswith(word) or _stem_of(w, word) for w in haystack)

    if all(found(q, name) for q in query):
        return 0
    if all(found(q, name) or found(q, rest) for q in query):
        return 1

    def inside(word: str, haystack: Iterable[str]) -> bool:
        return len(word) >= INNER_MIN and any(word in w for w in haystack)

    if all(found(q, name) or inside(q, name) for q in query):
        return 2
    if all(found(q, name) or found(q, rest) or inside(q, name) or inside(q, rest) for q in query):
        return 3
    return None


def search_zones(atlas: Atlas, query: str, extra_words: dict[str, str] | None = None) -> list[Match]:
    """Zones of every view whose name, claim or region holds every word of
    `query` as a word prefix; names first, then by name. `extra_words` adds text per zone id
    (the region's name in the interface language, say)."""
    wanted = words(query[:MAX_QUERY])
    if not wanted:
        return []
    order = atlas.aspects()
    matches = []
    for zone in atlas.zones:
        rest = " ".join(_zone_text(zone) + [(extra_words or {}).get(zone.id, "")])
        rank = _rank(wanted, text_words(zone.name), text_words(rest))
        if rank is None:
            continue
        matches.append(Match(zone.id, zone.name, _aspects(atlas, zone, order), rank))
    matches.sort(key=lambda m: (m.rank, natural_key(m.name)))
    return matches


def _aspects(atlas: Atlas, zone: Zone, order: list[str]) -> tuple[str, ...]:
    return tuple(a for a in order if any(zone.in_view(v.id) for v in atlas.views_of(a)))


@dataclass(frozen=True, slots=True)
class Searchable:
    """What searching a chart needs of it, and nothing else: its title and, per zone, its id,
    name, views and folded words (a 10,000-zone chart's own objects are many times larger).
    Made where the chart was read (a worker: ui/known_readings.py), searched anywhere."""

    title: str
    zones: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]
    # (id, name, aspects, words of the name, words of the claim, region and id)

    @classmethod
    def of(cls, atlas: Atlas) -> Searchable:
        order = atlas.aspects()
        return cls(
            atlas.title,
            tuple(
                (
                    zone.id,
                    zone.name,
                    _aspects(atlas, zone, order),
                    tuple(text_words(zone.name)),
                    tuple(text_words(" ".join(_zone_text(zone)))),
                )
                for zone in atlas.zones
            ),
        )

    def find(self, query: str) -> list[Match]:
        """As search_zones finds in the chart it was made of."""
        wanted = words(query[:MAX_QUERY])
        if not wanted:
            return []
        matches = []
        for zone_id, name, aspects, name_words, rest in self.zones:
            rank = _rank(wanted, name_words, rest)
            if rank is not None:
                matches.append(Match(zone_id, name, aspects, rank))
        matches.sort(key=lambda m: (m.rank, natural_key(m.name)))
        return matches


def _zone_text(zone: Zone) -> list[str]:
    """What a zone is called and what charts place there; not the technique or notes, whose
    running text matches almost any two words ("low back" would find the gallbladder)."""
    return [zone.claim, zone.region, zone.id.replace("-", " ")]
