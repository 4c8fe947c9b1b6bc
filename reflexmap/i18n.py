"""Translations of the interface, with Python's gettext (no Qt, so the core can use it too).

Source strings are English and marked in the code with `_()` (translated where used),
`N_()` (marked only, for tables built at import and translated when shown) and
`ngettext()`. `tools/i18n.py` extracts them into reflexmap/locale/reflexmap.pot, merges
them into each language's .po file (edit those, e.g. with Poedit) and compiles the .mo
files the app reads. Chart texts (zone names, claims …) are translated in the zone files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "reflexmap"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "English", "de": "Deutsch"}  # code -> name in that language
DEFAULT = "en"

_translation: gettext.NullTranslations | None = None  # None: English, the source strings
_language = DEFAULT


def set_language(code: str) -> str:
    """Use `code` (a key of LANGUAGES; anything else means English); returns the code used."""
    global _translation, _language
    _language = code if code in LANGUAGES else DEFAULT
    if _language == DEFAULT:
        _translation = None
    else:
        import gettext  # only when a translation is used: start-up in English skips it

        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=True)
    return _language


def language() -> str:
    return _language


def system_language() -> str:
    """The user's language if ReflexMap has it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if part:
                return DEFAULT
    import locale

    try:
        code = (locale.getlocale()[0] or "").split("_")[0].lower()
    except ValueError:
        code = ""
    return code if code in LANGUAGES else DEFAULT


def _(text: str) -> str:
    """`text` in the current language."""
    return text if _translation is None else _translation.gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    if _translation is None:
        return singular if count == 1 else plural
    return _translation.ngettext(singular, plural, count)


def gettext_in(code: str, text: str) -> str:
    """`text` in the language `code` (the interface's language where the app has not that one):
    words written into a chart's text in one of its languages, such as a copy's name."""
    if code == _language or code not in LANGUAGES:
        return _(text)
    if code == DEFAULT:
        return text
    import gettext

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True).gettext(text)


def pgettext(context: str, text: str) -> str:
    """For a word whose translation depends on where it stands (e.g. a menu vs a verb)."""
    return text if _translation is None else _translation.pgettext(context, text)


def translated(table: dict[str, str], key: str) -> str:
    """The entry of a table marked with N_() for `key`, in the current language (or the key)."""
    return _(table[key]) if key in table else key


def N_(text: str) -> str:
    """Marks `text` for translation without translating it now (module-level tables)."""
    return text


_BIDI_CLASSES = frozenset({"R", "AL", "AN", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


_FORCING = "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO: embeddings and overrides


def shown_text(text: str) -> str:
    """Chart text (a title, a zone's name…) as shown to a person, alone or in a sentence: as
    written, but an embedding or override (U+202A…U+202E) in it is shown as its escape
    (\\u202e), never obeyed, as shown_file shows a file's name: a title "evil" written with a
    right-to-left override read "live" in the window's title, menus and exports, and one left
    open turned the words after it around where nothing isolated it. Right-to-left letters
    and isolates are kept (a Hebrew or Arabic text reads as written; the isolates are balanced
    where chart text stands in a sentence: isolated). The chart itself is never changed:
    the editor and the file keep what the author wrote."""
    if not any(char in text for char in _FORCING):
        return text
    return "".join(f"\\u{ord(char):04x}" if char in _FORCING else char for char in text)


def bidi_isolate(text: str) -> str:
    """Chart text set inside one of the app's sentences (shown_text), between Unicode isolates
    (FSI … PDI) when it could reorder the words around it: it holds a right-to-left letter or
    a direction control. Text with neither cannot, and is returned as written (screen readers
    and searches see the plain words)."""
    import unicodedata

    text = shown_text(text)
    if any(unicodedata.bidirectional(char) in _BIDI_CLASSES for char in text):
        return isolated(text)
    return text


def shown_file(path: object) -> str:
    """A file's name or path as shown to a person: as written, but a control or format
    character in it (a line break, an escape, a right-to-left override U+202E…) is shown as
    its escape (\\n, \\u202e), never obeyed: "invoice\\u202efdp.exe" is not read "invoiceexe.pdf",
    "evil" never "live", and a name stays on one line (the command line shows them so too)."""
    from .terminal_text import one_line

    return one_line(str(path))


def file_isolate(path: object) -> str:
    """A file's name or path set inside one of the app's sentences: shown_file(), isolated
    when it holds right-to-left letters (bidi_isolate)."""
    return bidi_isolate(shown_file(path))


_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_PDI = "\u2069"


def isolated_as_written(text: str) -> str:
    """Chart text kept in the chart (a copy's name "Niere (copy)"), between isolates when it
    could reorder the words after it, its characters as written: what bidi_isolate shows as
    escapes (shown_text) would be written into the file as a backslash and letters."""
    import unicodedata

    if any(unicodedata.bidirectional(char) in _BIDI_CLASSES for char in text):
        return f"\u2068{balanced(text)}\u2069"
    return text


def isolated(text: str) -> str:
    """`text` between FSI and PDI, always, with its own isolates balanced first: a PDI it never
    opened would close ours early (and its overrides would reach our words after it), and one
    it opens and never closes would take our PDI, leaving our words inside its isolate. The
    stray PDIs are dropped and the missing ones added; the visible text is the same."""
    return f"\u2068{balanced(shown_text(text))}\u2069"


def balanced(text: str) -> str:
    """`text` with every isolate it opens closed, and no PDI that closes one it did not open."""
    if _PDI not in text and not any(c in text for c in _OPENERS):
        return text
    kept, depth = [], 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char == _PDI:
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return "".join(kept) + _PDI * depth


def balanced_lines(lines: list[str]) -> list[str]:
    """Lines of one text broken for display (each line is a paragraph of its own for the
    bidirectional algorithm): an isolate a break falls inside is closed at the end of its line
    and opened again at the start of the next, so each line's words keep their order."""
    result, carried = [], ""
    for line in lines:
        line = carried + line
        opened = []
        for char in line:
            if char in _OPENERS:
                opened.append(char)
            elif char == _PDI and opened:
                opened.pop()
        carried = "".join(opened)
        result.append(line + _PDI * len(opened))
    return result


def in_sentence(name: str, *, common_noun: bool) -> str:
    """A zone name inside a sentence, isolated when it needs to be (bidi_isolate). A name
    written as it is said (`common_noun` false: a chart without `zone_names: common nouns`)
    is used exactly as written: "the Achilles tendon". A common noun, capitalised only to
    start its label, reads lower-case in English ("the lumbar spine"); German keeps nouns
    capitalised. Only a plain capitalised word is lowered: "T12 vertebra", "C7", "L5-S1
    joint" and "MRT" keep their case."""
    first = name.split(maxsplit=1)[0] if name.split() else ""
    lowered = first[:1].isupper() and first[1:].isalpha() and first[1:].islower()
    if common_noun and _language == "en" and lowered:
        name = name[:1].lower() + name[1:]
    return bidi_isolate(name)


def format_number(value: float, decimals: int) -> str:
    """A decimal number as the language writes it (3.5 mm, 3,5 mm)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if _language == "de" else text


def format_value(value: object) -> str:
    """A value from a file quoted in a message: a number as written in its shortest exact
    form (1.5, 1500.25, 1e+20) with the language's decimal sign (1,5 in German), a list of
    them in brackets (German separates them with "; ", since its decimal sign is a comma),
    anything else as Python writes it."""
    if isinstance(value, bool) or not isinstance(value, (int, float, list, tuple)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + _between_numbers().join(format_value(item) for item in value) + "]"
    text = repr(value)
    return text.replace(".", ",") if _language == "de" and isinstance(value, float) else text


def format_point(x: float, y: float, decimals: int = 1) -> str:
    """A point in a message, "(20.0, 117.1)": the one place a pair of coordinates is
    written. German, whose decimal sign is a comma, separates them with a semicolon,
    "(20,0; 117,1)" (not "(20,0, 117,1)", which reads as four numbers)."""
    return "(" + _between_numbers().join(format_number(v, decimals) for v in (x, y)) + ")"


def _between_numbers() -> str:
    """What separates numbers in a list: "; " where the decimal sign is a comma, else ", "."""
    return "; " if _language == "de" else ", "


def format_percent(fraction: float) -> str:
    """A share (0..1) as a whole percentage the way the language writes it: "14%" in English,
    "14 %" in German (a no-break space, so that the sign never starts a line). The one place
    percentages are written: statistics, results, heat-map labels and key, progress bars."""
    number = round(fraction * 100)
    if number == 0 and fraction > 0:
        number = "<1"  # a sliver of a bar beside "0%" read as a mistake (Mastery: Head 0.3 %)
    elif number == 100 and fraction < 1:
        number = ">99"
    return f"{number}\u00a0%" if _language == "de" else f"{number}%"


def format_count(value: int) -> str:
    """A whole number with its thousands grouped as the language writes them (33,554,432 in
    English, 33.554.432 in German)."""
    text = f"{value:,}"
    return text.replace(",", ".") if _language == "de" else text
