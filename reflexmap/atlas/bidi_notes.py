"""Direction controls a chart text opens and never closes: a note, not an error.

A right-to-left override (U+202E) or isolate (U+2067) not closed by U+202C or U+2069 turns
the rest of its text around ("Ferse" as "esreF"), in a list, a label or another program that
shows the file. The app isolates every chart text inside its sentences, so nothing around it
is turned; but the text itself reads wrongly, and an author should learn of it. `reflexmap
check` says it at the control's file:line:column (a chart that passes still passes), and the
editor's zone-texts form says it of the zone being edited: the same rule, from here. No Qt.
"""

from __future__ import annotations

from typing import Any

from ..i18n import _, bidi_isolate
from .errors import AtlasError
from .text import TEXT_KEYS, LazyPattern, char_place, chart_texts
from .zone_said import zone_in_file

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO: closed by PDF (U+202C)
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI: closed by PDI (U+2069)
PDF, PDI = "\u202c", "\u2069"
_PARAGRAPH = "\n\r\x85\u2029"  # a paragraph's end closes every control still open (UAX #9)
_CONTROL = LazyPattern(f"[{EMBEDDINGS}{ISOLATES}{PDF}{PDI}{_PARAGRAPH}]")
# a file that may hold one: the character itself, or its escape in a double-quoted value
_IN_FILE = LazyPattern(f"[{EMBEDDINGS}{ISOLATES}]|\\\\(?:u|U0000)20(?:2[abdeABDE]|6[678])")


def open_control(text: str) -> int | None:
    """The index in `text` of the first direction control (embedding, override or isolate)
    that nothing closes before its text or paragraph ends, or None. As the bidirectional
    algorithm pairs them: a PDF closes the last embedding inside the same isolate, a PDI
    the last isolate open and every embedding inside it."""
    if not any(char in text for char in EMBEDDINGS + ISOLATES):
        return None
    open_: list[tuple[int, str]] = []  # (index, control), innermost last
    for match in _CONTROL.finditer(text):
        char, index = match.group(), match.start()
        if char in EMBEDDINGS or char in ISOLATES:
            open_.append((index, char))
        elif char == PDF:
            if open_ and open_[-1][1] in EMBEDDINGS:
                open_.pop()
        elif char == PDI:
            isolates = [i for i, (_at, c) in enumerate(open_) if c in ISOLATES]
            if isolates:
                del open_[isolates[-1] :]
        elif open_:  # a paragraph ends: what is open stays open to here only
            return open_[0][0]
    return open_[0][0] if open_ else None


OVERRIDES = "\u202d\u202e"  # LRO, RLO: letters shown in an order other than written


def noted_control(text: str) -> int | None:
    """The index of the direction control a note is about: the first one left open, else the
    first override, closed or not (tryout S22-13: "Small \u202eenitsetni llams\u202c" read
    "Small intestine small" in other programs, while search and typing matched its letters)."""
    index = open_control(text)
    if index is not None or not any(char in text for char in OVERRIDES):
        return index
    return min(text.index(char) for char in OVERRIDES if char in text)


def open_control_note(key: str, text: str, zone: str | None = None, named: Any = None) -> str | None:
    """Why `text` (under `key`, of zone `zone` if given: named by its name as shown, from
    `named`, the zone's mapping, with its id to find it in the file) reads wrongly, or None:
    a direction control left open, or an override."""
    index = noted_control(text)
    if index is None:
        return None
    char = text[index]
    what = _("'{key}' of {zone}").format(key=key, zone=zone_in_file(named, zone)) if zone else f"'{key}'"
    if open_control(text) is None:  # closed: an override
        return _(
            "warning: {text} holds the direction override {code}: other programs show its "
            "letters in another order than they are written (ReflexMap shows the control as "
            "{escape}); remove it"
        ).format(text=what, code=f"U+{ord(char):04X}", escape=f"\\u{ord(char):04x}")
    return _(
        "warning: {text} opens the direction control {code} and does not close it with "
        "{closer}: the rest of the text may show in another order; close it or remove it"
    ).format(text=what, code=f"U+{ord(char):04X}", closer="U+202C" if char in EMBEDDINGS else "U+2069")


def open_control_notes(text: str, source: str) -> tuple[AtlasError, ...]:
    """A warning for each chart text of the zone file `text` (named `source`) that leaves a
    direction control open, at the control's line and column. The file is parsed for them
    only when it holds such a control (as a character or a double-quoted escape)."""
    if not _may_hold_control(text) or _IN_FILE.search(text) is None:
        return ()
    from .yaml_source import parse_yaml

    data, positions, errors = parse_yaml(text, source)
    if errors:
        return ()  # (the check says the file's errors; a note waits for a file that reads)
    notes = []
    for path, key, value in chart_texts(data):
        message = open_control_note(key, value, _zone_id(data, path), _zone(data, path))
        if message is None:
            continue
        index = noted_control(value) or 0
        char = value[index]
        line, column = positions.of_value(path)
        line, column = char_place(positions, line, column, char, value, value.count(char, 0, index))
        notes.append(AtlasError(source, line, column, message))
    return tuple(notes)


def _may_hold_control(text: str) -> bool:
    """False where `text` cannot match _IN_FILE: no control and no escape that may be one
    (a substring test runs through 10,000 zones' file in a few ms; the pattern took 80 ms,
    at every edit, since the editor counts a chart's notes)."""
    return any(char in text for char in EMBEDDINGS + ISOLATES) or "\\u20" in text or "\\U000020" in text


def _zone(data: Any, path: tuple) -> Any:
    """The zone (its mapping) whose text is at `path`, if it is a zone's."""
    if len(path) < 3 or path[0] != "zones" or not isinstance(data.get("zones"), list):
        return None
    return data["zones"][path[1]]


def _zone_id(data: Any, path: tuple) -> str | None:
    """The id of the zone whose text is at `path`, if it is a zone's and has one."""
    if len(path) < 3 or path[0] != "zones" or not isinstance(data.get("zones"), list):
        return None
    zone = data["zones"][path[1]]
    zone_id = zone.get("id") if isinstance(zone, dict) else None
    return zone_id if isinstance(zone_id, str) else None


def zone_notes(zone: Any) -> list[str]:
    """`open_control_note` of each of a zone's texts (its own, then its translations'), for
    the editor's zone-texts form."""
    notes = [
        note
        for key in ("name", "claim", "technique", "note")
        if isinstance(text := getattr(zone, key, None), str) and (note := open_control_note(key, text))
    ]
    for language, texts in zone.translations.items():
        for key, text in texts.items():
            if key in TEXT_KEYS and isinstance(text, str):
                note = open_control_note(f"{key} ({bidi_isolate(str(language)[:16])})", text)
                if note:
                    notes.append(note)
    return notes
