"""Words that say a zone has an effect ("cures", "heals", "lindert"): ReflexMap shows where
charts place their zones and never says that working one treats anything. The built-in charts
hold none of these words (tests/atlas/test_chart_content.py); a chart someone wrote may, and
`reflexmap check`, the editor and the zone card then say so (a note, not an error: the chart
still opens). The one place for these word lists. No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from ..i18n import _, bidi_isolate
from .errors import AtlasError
from .model import Atlas
from .text import LazyPattern
from .zone_said import shown_name, zone_in_file

# "treatment" is allowed: the red flags say a condition needs medical treatment, which is the
# opposite of a claim for reflexology.
# (compiled when a text is first searched: not for a start that shows no zone's card)
EFFECT_WORDS_EN = LazyPattern(
    r"(?i)\b(cure[sd]?|curing|curative|heal(s|ed|ing|er)?|treat(s|ed|ing)?|remed(y|ies)|reliev\w*|relief|"
    r"detox\w*|boost\w*|unblock\w*|restor(e|es|ing)|balances?\b|therapeutic|stimulates?)\b"
)
# The same for German: "behandelt werden muss" (needs medical care) is not used; the red
# flags say "ärztlich versorgt".
EFFECT_WORDS_DE = LazyPattern(
    r"(?i)\b(heil(t|en|ung|end|sam)\w*|kurier\w*|behandel\w*|lindert?|linderung|entgift\w*|"
    r"therapeutisch\w*|stimulier\w*|aktivier\w*|st[äa]rkt|beseitig\w*|wirkt gegen|hilft gegen|"
    r"blockaden)\b"
)
TEXTS = ("name", "claim", "technique", "note")  # a zone's texts that are read as sentences
_SEEN_CHARS = 4000  # a text is searched this far (the schema's bound for a text)


def effect_words(text: str) -> list[str]:
    """The words of `text` that claim an effect, in either language, as written, in order."""
    return list(_effect_words(text[:_SEEN_CHARS]))


@lru_cache(maxsize=32_768)
def _effect_words(text: str) -> tuple[str, ...]:
    """(kept for each text: the editor counts a chart's notes after every edit, and a drag
    changes no text; 10,000 zones' texts were searched again at each release, 0.35 s of it)"""
    patterns = (EFFECT_WORDS_EN, EFFECT_WORDS_DE)
    found = [(m.start(), m.group(0)) for pattern in patterns for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(word for _start, word in sorted(found)))


class EffectWording(NamedTuple):
    """A text of the chart that claims an effect: the zone ("" for the chart's description),
    the text's key, its language (None for the chart's own) and the words."""

    zone: str
    key: str
    language: str | None
    words: tuple[str, ...]
    name: str | None = None  # the zone's name as shown (zone_said.shown_name)


def _texts(owner: Any, keys: tuple[str, ...]) -> Iterator[tuple[str, str | None, str]]:
    for key in keys:
        text = owner.get(key) if isinstance(owner, dict) else getattr(owner, key, None)
        if isinstance(text, str):
            yield key, None, text
    translations = owner.get("translations") if isinstance(owner, dict) else owner.translations
    if isinstance(translations, dict):
        for language, texts in translations.items():
            if isinstance(texts, dict):
                for key in keys:
                    if isinstance(texts.get(key), str):
                        yield key, str(language), texts[key]


def zone_effect_words(zone: Any) -> list[str]:
    """The words that claim an effect in any of a zone's texts, in any of its languages."""
    words = [word for _key, _language, text in _texts(zone, TEXTS) for word in effect_words(text)]
    return list(dict.fromkeys(words))


def effect_wording(atlas: Atlas) -> list[EffectWording]:
    """Every text of `atlas` (in every language it has) that claims an effect."""
    found = []
    owners = [("", atlas, ("description",))] + [(zone.id, zone, TEXTS) for zone in atlas.zones]
    for zone_id, owner, keys in owners:
        for key, language, text in _texts(owner, keys):
            words = effect_words(text)
            if words:
                name = shown_name(owner) if zone_id else None
                found.append(EffectWording(zone_id, key, language, tuple(words), name))
    return found


def effect_notes(atlas: Atlas, text: str, source: str) -> tuple[AtlasError, ...]:
    """`effect_wording` as notes placed in the chart's `text` (file:line:column of each text),
    for `reflexmap check`. The text is parsed for places only when a word was found."""
    from .yaml_source import parse_yaml

    found = effect_wording(atlas)
    if not found:
        return ()
    data, positions, errors = parse_yaml(text, source)
    index = {}
    if not errors and isinstance(data, dict) and isinstance(data.get("zones"), list):
        index = {z.get("id"): i for i, z in enumerate(data["zones"]) if isinstance(z, dict)}
    notes = []
    for wording in found:
        path: tuple = () if not wording.zone else ("zones", index.get(wording.zone, -1))
        key = wording.key
        path += (key,) if wording.language is None else ("translations", wording.language, key)
        line, column = positions.of_value(path) if path[:2] != ("zones", -1) else (0, 0)
        message = _(
            "note: the {text} says {words}: ReflexMap shows where charts place zones and what they "
            "claim, not what working a zone does; write it as the charts' claim"
        ).format(text=described(wording), words=quoted(wording.words))
        notes.append(AtlasError(source, line, column, message))
    return tuple(notes)


def described(wording: EffectWording) -> str:
    """ "note of zone 'Heel' [heel]" / "claim (de) of zone 'Heel' [heel]" / "chart's description"."""
    what = {
        "name": _("name"),
        "claim": _("claim"),
        "technique": _("technique"),
        "note": _("note"),
        "description": _("description"),
    }[wording.key]
    if wording.language is not None:
        what = f"{what} ({bidi_isolate(wording.language[:16])})"
    if not wording.zone:
        return _("chart's {text}").format(text=what)
    zone = zone_in_file({"name": wording.name}, wording.zone)  # (its name already in the language shown)
    return _("{text} of {zone}").format(text=what, zone=zone)


def quoted(words: tuple[str, ...] | list[str]) -> str:
    """“cures”, “heals”: the words as written, each isolated (they are the chart's text)."""
    return ", ".join(f"“{bidi_isolate(word)}”" for word in words)
