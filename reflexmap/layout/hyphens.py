"""Where a long word of a chart's name may be broken at the end of a line (Qt-free).

The syllables come from Pyphen, the LibreOffice hyphenation dictionaries (`pyphen` in
pyproject): a dictionary knows "Lymph-kno-ten", "Pan-creas", "in-tes-tine", where a rule of
vowels and consonants made "Lymphk-noten", "Panc-reas", "intes-ti-ne". Without Pyphen (a
checkout whose environment predates it) the small rule below gives the syllables.

A syllable break is not yet a good place for a line's end in German: "Nasenne-benhöhlen"
breaks inside "neben", the reader stumbles. A German compound's parts end in a stressed
syllable and the next part begins with one; inside a part, the syllable after a break is
mostly an unstressed ending written with "e" ("-ben", "-chel", "-der", "-ten", "-se"). So in
German no break goes before such an ending (`_before_german_ending`): "Nasen-nebenhöhlen",
"Nasenneben-höhlen", "Bauch-speicheldrüse", "Bauchspeichel-drüse" remain."""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("aeiouyäöüàáâãåæèéêëìíîïòóôõøùúûýœ")
# consonants written together and never parted by the rule: a break goes before them
KEPT_TOGETHER = ("sch", "ch", "ck", "ph", "th", "qu")
# two consonants that begin a syllable: of three or more between two vowels, they go on
# together ("Schild-drüse", "Bauch-speichel", not "Schildd-rüse", "Bauchs-peichel")
ONSETS = ("bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr", "sp", "st")
_C = "[^aeiouyäöüàáâèéêìíîòóôùúû]"
# an unstressed German ending: a syllable of "e" closed by n, r, l, m or s ("-ben", "-ern")
# then another consonant or the word's end ("benhöhlen", "der"); or a last syllable "-e"
# ("Fuß-ende", "Innen-ohr": a part may begin with a vowel, an ending begins with a consonant)
DICTIONARIES = {"en": "en_US"}
_LAST_ENDING = re.compile(f"{_C}+i?e[nrlms]{{0,2}}")  # (and "-nie": "Fersen-linie")
_INNER_ENDING = re.compile(f"{_C}+e[nrlms]{{1,2}}")


def hyphen_breaks(word: str, language: str = "en") -> list[tuple[str, str]]:
    """Where `word` may be broken, as (first line's part with its "-", the rest), the
    shortest first part first: after a hyphen the word has; else between syllables of
    `language` (a code such as "de"), at least two letters on each side, never before a
    German unstressed ending. A word with no vowels we know (another script) has none: it
    is shortened with "…"."""
    if "-" in word.strip("-"):
        parts = word.split("-")
        return [
            ("-".join(parts[:k]) + "-", "-".join(parts[k:]))
            for k in range(1, len(parts))
            if parts[k - 1] and parts[k]
        ]
    return [(word[:at] + "-", word[at:]) for at in _breaks(word, language)]


@lru_cache(maxsize=4096)
def _breaks(word: str, language: str) -> tuple[int, ...]:
    lower = word.lower()
    if not any(c in VOWELS for c in lower):
        return ()
    found = _dictionary_breaks(word, language)
    if found is None:
        found = _rule_breaks(lower)
    # a piece without a vowel ("So-la-r-ple-xus", "In-ne-n-ohr") belongs to the one before
    kept: list[int] = []
    for at, end in zip(found, [*found[1:], len(word)], strict=False):
        if any(c in VOWELS for c in lower[at:end]) and any(c in VOWELS for c in lower[:at]):
            kept.append(at)
    found = kept
    if language.split("_")[0].lower() == "de":
        found = _german_breaks(lower, found)
    return tuple(at for at in found if at >= 2 and len(word) - at >= 2)


def _german_breaks(lower: str, found: list[int]) -> list[int]:
    """`found` without the breaks before an unstressed ending, and with one after an ending
    the dictionary ran on into the next part ("Leis-tenlym-phe": "Leisten-lymphe")."""
    more = set(found)
    for at, end in zip([0, *found], [*found, len(lower)], strict=True):
        for ending in re.finditer(f"(?<={_C})e[nrlms](?={_C}+[{''.join(sorted(VOWELS))}])", lower[at:end]):
            if not any(c in VOWELS for c in lower[at : at + ending.start()]):  # its first
                more.add(at + ending.end())
    breaks = sorted(more)
    ends = [*breaks[1:], len(lower)]
    return [at for at, end in zip(breaks, ends, strict=False) if not _before_german_ending(lower, at, end)]


def _before_german_ending(lower: str, at: int, end: int) -> bool:
    """Whether the syllable from `at` (to the next break, `end`) is an unstressed ending."""
    syllable = lower[at:end].rstrip("-,.;:)]}'\"")  # ("Eilei-ter,", "Be-cken-")
    if lower[at] == "e" and lower[at - 1] in VOWELS - {"e"}:
        return True  # two vowels apart: "Ei-er"
    if end == len(lower):  # the last: "-se", "-ren", "-chel"
        return _LAST_ENDING.fullmatch(syllable) is not None
    return _INNER_ENDING.fullmatch(syllable) is not None  # "-nen" in "Innen-ohr"


def _dictionary_breaks(word: str, language: str) -> list[int] | None:
    """Pyphen's syllable breaks in `word`, or None where Pyphen or a dictionary for
    `language` is missing. (Imported at the first word to break: German's dictionary takes
    about a second to read, which a start whose names all fit never pays.)"""
    dictionary = _dictionary(language)
    return None if dictionary is None else [int(at) for at in dictionary.positions(word)]


@lru_cache(maxsize=16)
def _dictionary(language: str):
    try:
        import pyphen
    except ImportError:
        return None
    # English by the American patterns (Liang's): the British ones break "in-test-ine", "pro-state"
    code = pyphen.language_fallback(DICTIONARIES.get(language, language).replace("-", "_"))
    return pyphen.Pyphen(lang=code) if code else None


def _rule_breaks(lower: str) -> list[int]:
    """Syllable breaks by a small rule for the Latin alphabets of the charts' languages:
    before the last consonant of those between two vowels ("Na-sen", "Gleich-gewicht"; "ch",
    "sch", "ck", "ph", "th", "qu" kept together, and of three or more, ONSETS:
    "Bauch-speichel-drüse")."""
    units: list[tuple[int, str]] = []  # (where, letters): vowels and consonants, "ch" as one
    i = 0
    while i < len(lower):
        unit = next((u for u in KEPT_TOGETHER if lower.startswith(u, i)), lower[i])
        units.append((i, unit))
        i += len(unit)
    breaks = []
    k = 0
    while k < len(units):
        if units[k][1][0] in VOWELS:
            k += 1
            continue
        end = k  # the consonants units[k:end] between two vowels
        while end < len(units) and units[end][1][0] not in VOWELS:
            end += 1
        if 0 < k and end < len(units) and all(u[1].isalpha() for u in units[k:end]):
            at = end - 1  # before the last consonant …
            if end - k >= 3 and units[end - 2][1] + units[end - 1][1] in ONSETS:
                at = end - 2  # … or the last two, where they begin a syllable
            breaks.append(units[at][0])
        k = end
    return breaks
