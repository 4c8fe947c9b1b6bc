"""A zone inside a message: by its name as the map and the list show it (in the interface's
language), isolated (chart text inside the app's sentence), never by the file's id alone; with
the id in brackets where the person needs to find the zone in the file (`reflexmap check`,
notes placed in the file), without it in the editor (which shows the zone itself). One place
for the zone editor's refusals, the schema's owner phrase and the notes about a zone's texts.
No Qt."""

from __future__ import annotations

from typing import Any

from ..i18n import _, bidi_isolate, language

MAX_SAID = 80  # a name or id's characters in a message (names may be 4,000 long)


def _short(text: str) -> str:
    return bidi_isolate(text if len(text) <= MAX_SAID else text[: MAX_SAID - 1] + "…")


def shown_name(zone: Any) -> str | None:
    """The name `zone` (a parsed mapping of the file, or a model Zone) is shown by, in the
    interface's language; None when it has none that is text."""
    if isinstance(zone, dict):
        name, translations = zone.get("name"), zone.get("translations")
    else:
        name, translations = getattr(zone, "name", None), getattr(zone, "translations", None)
    if isinstance(translations, dict):
        texts = translations.get(language())
        if isinstance(texts, dict) and isinstance(texts.get("name"), str) and texts["name"].strip():
            name = texts["name"]
    return name if isinstance(name, str) and name.strip() else None


def zone_words(zone: Any, zone_id: object) -> str:
    """The zone as the editor's messages name it: its shown name, isolated; its id if nameless."""
    name = shown_name(zone)
    return _short(name if name is not None else str(zone_id))


def zone_with_id(zone: Any, zone_id: object) -> tuple[str, str]:
    """(name, id) as `reflexmap check` names a zone: "zone 'Sacrum' [sacrum]"; the name is
    the id itself when the zone has none."""
    name = shown_name(zone)
    said_id = _short(str(zone_id))
    return (_short(name) if name is not None else said_id), said_id


def zone_in_file(zone: Any, zone_id: object) -> str:
    """ "zone 'Sacrum' [sacrum]": the zone named, with its id to find it in the file; "zone
    'sacrum'" when it has no name (or its name is its id)."""
    name, said_id = zone_with_id(zone, zone_id)
    if name == said_id:
        return _("zone '{id}'").format(id=said_id)
    return _("zone '{name}' [{id}]").format(name=name, id=said_id)
