"""What every setting ReflexMap stores must be: its type and its range, in one table.

The settings file is input like any other (a hand edit, another version, a damaged disk):
`Settings` checks each value it reads against RULES. A value of the wrong type or out of
range falls back to its default alone and is named, with the reason, in one message at start;
a list keeps its usable entries. The code that reads a setting takes the ranges from here
(the choices it offers, the bounds of its fields), so the check and the use cannot drift apart.

No Qt: window geometry and state are bytes, checked by their header (Qt's own formats).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import re
import struct
from collections.abc import Callable
from datetime import date
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, NamedTuple

from . import bounded_json
from .i18n import LANGUAGES, N_, _, format_number, isolated
from .vocab import ASPECTS, FEET, REGIONS

# The choices and bounds the window offers (its menus and fields read them from here).
THEMES = ("system", "light", "dark", "high-contrast")
TEXT_SCALES = (0.9, 1.0, 1.25, 1.5)  # × the system's font size
THEME_CHOICES = dict(  # setting value -> menu text (ui/appearance; its words in messages too)
    zip(
        THEMES,
        (N_("Follow the &system"), N_("&Light"), N_("&Dark"), N_("&High contrast")),
        strict=True,
    )
)
TEXT_SIZES = dict(  # setting value -> menu text (ui/appearance)
    zip(TEXT_SCALES, (N_("&Smaller"), N_("&Normal"), N_("&Larger"), N_("L&argest")), strict=True)
)
MAX_RECENT = 8  # charts in the Chart menu's recent list
QUIZ_LENGTH = (1, 200)  # questions in a round
QUIZ_SECONDS = (10, 3600)  # a timed round
MAX_REMEMBERED = 10_000  # zone ids of a custom quiz set
MAX_LIST = 100  # entries of any other list

MAX_PATH = 4096
MAX_BYTES = 64 * 1024  # window geometry (66 bytes) and dock layout (well under 1 KiB)
MAX_ID = 200
MAX_FOLDER_DAYS = 64  # data folders (one per learner profile) whose failed backup was said
_ZONE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")  # the schema's pattern for zone ids
_GEOMETRY_MAGIC = 0x01D9D0CB  # QWidget::saveGeometry
_STATE_MARKER = 0xFF  # QMainWindow::saveState
_MAX_PIXELS = 32_767  # no screen, and no window on X11, is larger
_MIN_SIZE = 64  # smaller is no window anyone left there


class Checked(NamedTuple):
    """A value read back: `value` is what may be used (None: the default), `reason` says why
    it is not the value as stored (None: it is). (This and `Rule` are NamedTuples: as frozen
    dataclasses they took 6 M instructions of every start to make.)"""

    value: Any
    reason: str | None = None
    where: tuple = ()  # the entry of a list or table the reason is about (its index or key)


class Rule(NamedTuple):
    label: str  # N_(): the setting's name in messages
    check: Callable[[Any], Checked]
    # What the app uses without a usable value, when it is one to name: the one place it is
    # written (callers ask `default(key)`); a callable for a default defined where it is used.
    default: Any = None


def shown(value: Any) -> str:
    """A stored value inside a message: short, isolated, as the file wrote it, in every
    language (a number as written: `1E5`, `1.50`, `1e999`; the person looks for it in the
    file). Bounded: at most 20 entries of a list or table, 8 levels deep."""
    text = _as_written(value, 0)
    return isolated(text if len(text) <= 40 else text[:39] + "…")


def in_words(key: str, value: Any) -> str:
    """A value the app uses (a default) as the person knows it, not as the file writes it:
    on/off (an/aus), a number in the language's notation (0,9), a choice by its menu's
    words; isolated. The one place such a value is put into words."""
    if isinstance(value, bool):
        text = _("on") if value else _("off")
    elif _number(value):
        text = figure(value)
    elif key == "appearance/theme" and value in THEME_CHOICES:
        # a menu's words, quoted: "the default “Follow the system” is used"
        text = _("“{name}”").format(name=_(THEME_CHOICES[value]).replace("&", ""))
    else:
        return shown(value)
    return isolated(text)


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone one (JSON's "\\ud800") shows as nothing


def _as_written(value: Any, depth: int) -> str:
    """`value` as JSON writes it, with every number as the file wrote it (read by
    bounded_json as a Written or Unheld) and a value skipped as too deep as "…"."""
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    if isinstance(value, float):
        held = getattr(value, "written", None)
        return held if held is not None else json.dumps(value, allow_nan=True)
    if isinstance(value, int):
        if abs(value) >= 10**40:  # longer than a message shows: its size instead
            return f"{'-' if value < 0 else ''}10^{len(str(abs(value))) - 1}…"
        return str(value)
    if isinstance(value, str):
        text = json.dumps(value[:80], ensure_ascii=False)  # (a message shows 40 characters)
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # as the file wrote it
    if depth >= 8 or not isinstance(value, (list, dict)):
        return "…"
    if isinstance(value, list):
        inner = [_as_written(v, depth + 1) for v in value[:20]]
        return "[" + ", ".join(inner + (["…"] if len(value) > 20 else [])) + "]"
    entries = [
        json.dumps(str(k)[:80], ensure_ascii=False) + ": " + _as_written(v, depth + 1)
        for k, v in list(value.items())[:20]
    ]
    return "{" + ", ".join(entries + (["…"] if len(value) > 20 else [])) + "}"


def figure(value: float) -> str:
    """A bound or choice as people write it: 0.9, 1, 1.25 (in the language's own notation)."""
    places = next((n for n in range(4) if abs(value - round(value, n)) < 1e-9), 4)
    return format_number(value, places)


def _ok(value: Any) -> Checked:
    return Checked(value)


def _bad(reason: str, where: tuple = ()) -> Checked:
    return Checked(None, reason, where)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- the kinds of value ----------------------------------------------------------------------


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _in_quotes(value: Any, *, words: tuple[str, ...] = ()) -> str | None:
    """Why a value in quotes where a number (or true/false, `words`) is wanted is refused: the
    quotes make it text ("1.5", "true"); None when it is no such value."""
    if not isinstance(value, str) or not (_JSON_NUMBER.fullmatch(value) or value in words):
        return None
    return _("{value} in quotes is text; write it without quotes").format(value=shown(value))


def boolean(value: Any) -> Checked:
    if isinstance(value, bool):
        return _ok(value)
    reason = _in_quotes(value, words=("true", "false"))
    return _bad(reason or _("{value} is not true or false").format(value=shown(value)))


def found(value: Any) -> str:
    """What a value of the wrong kind is, for "expected …, found …": "a number written 1e999"."""
    if isinstance(value, bool):
        return _("{value} (true or false)").format(value=shown(value))
    if _number(value):
        return _("a number written {value}").format(value=shown(value))
    if value is None:
        return _("null (no value)")
    if isinstance(value, list):
        return _("a list ({value})").format(value=shown(value))
    if isinstance(value, dict):
        return _("a table ({value})").format(value=shown(value))
    if type(value) is bounded_json.TooDeep:
        return value.reason()
    return shown(value)


def _text(value: Any, expected: str | None = None) -> str | None:
    """Why `value` is not a text of at most MAX_PATH characters; `expected` says what the text
    names ("a file name as text")."""
    if not isinstance(value, str):
        return _("expected {expected}, found {found}").format(
            expected=expected or _("a text in double quotes"), found=found(value)
        )
    if len(value) > MAX_PATH:
        return _("a text of {count} characters is longer than {limit}").format(
            count=format_number(len(value), 0), limit=format_number(MAX_PATH, 0)
        )
    return None


def choice(options: tuple[str, ...] | Callable[[], tuple[str, ...]]) -> Callable[[Any], Checked]:
    def check(value: Any) -> Checked:
        allowed = options() if callable(options) else options
        if reason := _text(value, _("one of: {choices} (as text)").format(choices=", ".join(allowed))):
            return _bad(reason)
        if value not in allowed:
            return _bad(
                _("{value} is not one of: {choices}").format(value=shown(value), choices=", ".join(allowed))
            )
        return _ok(value)

    return check


def number_choice(options: tuple[float, ...]) -> Callable[[Any], Checked]:
    def check(value: Any) -> Checked:
        if not _number(value):
            return _bad(_in_quotes(value) or _("{value} is not a number").format(value=shown(value)))
        if not math.isfinite(value) or float(value) not in options:
            return _bad(
                _("{value} is not one of: {choices}").format(
                    value=shown(value), choices="; ".join(figure(o) for o in options)
                )
            )
        return _ok(float(value))

    return check


def number_range(
    low: float | None = None, high: float | None = None, *, whole: bool = False, bounds=None
) -> Callable[[Any], Checked]:
    """A number from `low` to `high` (or the pair `bounds()` gives, for bounds defined where
    they are used)."""

    def check(value: Any) -> Checked:
        lowest, highest = bounds() if bounds is not None else (low, high)
        if not _number(value) or (whole and not isinstance(value, int)):
            kind = _("{value} is not a whole number") if whole else _("{value} is not a number")
            return _bad(_in_quotes(value) or kind.format(value=shown(value)))
        if not (math.isfinite(value) and lowest <= value <= highest):
            return _bad(
                _("{value} is outside {low} to {high}").format(
                    value=shown(value), low=figure(lowest), high=figure(highest)
                )
            )
        return _ok(value)

    return check


def path_problem(value: Any, folder: bool = False) -> str | None:
    """Why `value` cannot be a file (or `folder`) the app remembered (it stores full paths only)."""
    if reason := _text(value, _("a folder name as text") if folder else _("a file name as text")):
        return reason
    if "\x00" in value:  # no file system allows it (any other character may be in a name)
        return _("{value} holds a NUL character").format(value=shown(value))
    try:  # a lone surrogate (a "\\ud800" escape): no name this system's files can have
        os.fsencode(value)
    except UnicodeEncodeError as exc:
        return _("{value} holds a character no file name here can hold (U+{code:04X})").format(
            value=shown(value), code=ord(value[exc.start])
        )
    if not (PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute()):
        return _("{value} is not a full path").format(value=shown(value))
    return None


def day(value: Any) -> Checked:
    """A calendar day as ISO 8601 (2026-11-26)."""
    if reason := _text(value, _("a day as text (year-month-day)")):
        return _bad(reason)
    try:
        date.fromisoformat(value)
    except ValueError:
        return _bad(_("{value} is not a day (year-month-day)").format(value=shown(value)))
    return _ok(value)


def days_by_folder(value: Any) -> Checked:
    """{full path of a folder: the day (ISO 8601) something about it was last said}, at most
    MAX_FOLDER_DAYS folders: the usable entries are kept, the reason names how many were not."""
    if not isinstance(value, dict):
        return _bad(_("{value} is not a table of folders and days").format(value=shown(value)))
    if len(value) > MAX_FOLDER_DAYS:
        return _too_many(len(value), MAX_FOLDER_DAYS)
    kept, first, where = {}, None, ()
    for folder, when in value.items():
        reason = path_problem(folder, folder=True) or day(when).reason
        if reason is None:
            kept[folder] = when
        elif first is None:
            first, where = reason, (folder,)
    return _kept(value, kept, first, where)


def titles_by_chart(value: Any) -> Checked:
    """{full path of a chart opened before: {language code ("" its file's own): its title}},
    at most MAX_RECENT * 2 charts: the Chart menu names them without reading them."""
    if not isinstance(value, dict):
        return _bad(_("{value} is not a table of charts and titles").format(value=shown(value)))
    if len(value) > 2 * MAX_RECENT:
        return _too_many(len(value), 2 * MAX_RECENT)
    kept, first, where = {}, None, ()
    for chart, titles in value.items():
        reason, at = path_problem(chart), (chart,)
        if reason is None and not isinstance(titles, dict) or (isinstance(titles, dict) and len(titles) > 8):
            reason = _("{value} is not a table of titles").format(value=shown(titles))
        if reason is None:
            reason, at = next(
                (
                    (r, (chart, key))
                    for key, title in titles.items()
                    if (r := _text(title, _("a title as text")))
                ),
                (None, at),
            )
        if reason is None:
            kept[chart] = titles
        elif first is None:
            first, where = reason, at
    return _kept(value, kept, first, where)


def ids_by_chart(value: Any) -> Checked:
    """{full path of a chart opened before: its chart id}, at most MAX_RECENT * 2 charts: a
    new chart's id avoids them (progress, statistics and Anki cards are kept by chart id)."""
    if not isinstance(value, dict):
        return _bad(_("{value} is not a table of charts and ids").format(value=shown(value)))
    if len(value) > 2 * MAX_RECENT:
        return _too_many(len(value), 2 * MAX_RECENT)
    kept, first, where = {}, None, ()
    for chart, chart_id in value.items():
        reason, at = path_problem(chart), (chart,)
        if reason is None and not (
            isinstance(chart_id, str) and len(chart_id) <= 64 and _ZONE_ID.fullmatch(chart_id)
        ):
            reason = _("{value} is not a chart id").format(value=shown(chart_id))
        if reason is None:
            kept[chart] = chart_id
        elif first is None:
            first, where = reason, at
    return _kept(value, kept, first, where)


def _too_many(count: int, limit: int) -> Checked:
    return _bad(
        _("{count} entries are more than {limit}").format(
            count=format_number(count, 0), limit=format_number(limit, 0)
        )
    )


def _kept(value, kept, first: str | None, where: tuple = ()) -> Checked:
    """The entries of `value` that are usable (`kept`); `first`: the first trouble (about the
    entry `where`), or None when every entry was usable. Nothing usable: the default."""
    if first is None:
        return _ok(value)
    note = _("{count} of {total} entries left out ({first})").format(
        count=len(value) - len(kept), total=len(value), first=first
    )
    return Checked(kept if kept else None, note, where)


def path(value: Any) -> Checked:
    reason = path_problem(value)
    return _bad(reason) if reason else _ok(value)


def folder(value: Any) -> Checked:
    reason = path_problem(value, folder=True)
    return _bad(reason) if reason else _ok(value)


def profile(value: Any) -> Checked:
    if reason := _text(value, _("a profile name as text")):
        return _bad(reason)
    from .quiz.profiles import problem  # the quiz's own rule for names (imported when needed)

    if value and (reason := problem(value)):
        return _bad(_("{value}: {reason}").format(value=shown(value), reason=reason.rstrip(".")))
    return _ok(value)


def listing(
    item: Callable[[Any], str | None], most: int = MAX_LIST, keep: int | None = None
) -> Callable[[Any], Checked]:
    """A list of at most `most` entries, checked one by one: the usable ones are kept (the
    first `keep` of them); the reason names how many were left out and the first one's
    trouble. A longer list, or one with nothing usable in it, is not one ReflexMap wrote:
    the default."""

    def check(value: Any) -> Checked:
        if not isinstance(value, list):
            return _bad(_("{value} is not a list").format(value=shown(value)))
        if len(value) > most:
            return _too_many(len(value), most)
        kept, first, where = [], None, ()
        for index, entry in enumerate(value):
            reason = item(entry)
            if reason is None and entry not in kept:
                kept.append(entry)
            elif first is None:
                first = reason or _repeated(value, entry)
                where = (index,)
        if keep is not None and len(kept) > keep:
            kept = kept[:keep]
            first = first or _("more than {count}").format(count=keep)
        return _kept(value, kept, first, where)

    return check


def _repeated(value: list, entry: Any) -> str:
    """Why `entry` of the list `value` is left out: it is there more than once (how often:
    an entry five times read "listed twice", tryout S22-11)."""
    count = sum(1 for other in value if other == entry)
    if count <= 2:
        return _("{value} is listed twice").format(value=shown(entry))
    return _("{value} is listed {count} times").format(value=shown(entry), count=format_number(count, 0))


def among(options: tuple[str, ...] | Callable[[], tuple[str, ...]]) -> Callable[[Any], str | None]:
    return lambda entry: choice(options)(entry).reason


def zone_id(entry: Any) -> str | None:
    if isinstance(entry, str) and len(entry) <= MAX_ID and _ZONE_ID.fullmatch(entry):
        return None
    return _("{value} is not a zone id").format(value=shown(entry))


def _decoded(value: Any) -> bytes | Checked:
    """The bytes of a {"$base64": …} value, or why there are none (about the object, or about
    the text in it)."""
    if not (isinstance(value, dict) and set(value) == {"$base64"} and isinstance(value["$base64"], str)):
        return _bad(_("{value} is not binary data (base64)").format(value=shown(value)))
    if len(value["$base64"]) > MAX_BYTES * 4 // 3 + 4:
        return _bad(
            _("{count} bytes of data are more than {limit}").format(
                count=format_number(len(value["$base64"]) * 3 // 4, 0), limit=format_number(MAX_BYTES, 0)
            ),
            ("$base64",),
        )
    try:
        return base64.b64decode(value["$base64"], validate=True)
    except (binascii.Error, ValueError):
        return _bad(_("{value} is not valid base64").format(value=shown(value["$base64"])), ("$base64",))


def decoded(value: Any) -> bytes | None:
    data = _decoded(value)
    return data if isinstance(data, bytes) else None


def window_geometry(value: Any) -> Checked:
    """QWidget::saveGeometry's bytes: a magic number, a version, then the frame, normal and
    (version 2 and later) the window's own rectangle in pixels, each of them a size a screen
    can show, somewhere a screen can be."""
    data = _decoded(value)
    if isinstance(data, Checked):
        return data
    absurd = _bad(_("not a window size and position ReflexMap saved"))
    if len(data) < 40:
        return absurd
    magic, major, _minor = struct.unpack(">IHH", data[:8])
    if magic != _GEOMETRY_MAGIC or not 1 <= major <= 3:
        return absurd
    rects = [struct.unpack(">4i", data[at : at + 16]) for at in (8, 24, 50) if len(data) >= at + 16]
    for left, top, right, bottom in rects[: 3 if major >= 2 else 2]:
        width, height = right - left + 1, bottom - top + 1
        if not (_MIN_SIZE <= width <= _MAX_PIXELS and _MIN_SIZE <= height <= _MAX_PIXELS):
            return _bad(
                _("a window of {width} × {height} pixels").format(
                    width=format_number(width, 0), height=format_number(height, 0)
                )
            )
        if not all(-4 * _MAX_PIXELS <= c <= 4 * _MAX_PIXELS for c in (left, top)):
            return _bad(
                _("a window placed at {x}, {y}, off every screen").format(
                    x=format_number(left, 0), y=format_number(top, 0)
                )
            )
    return _ok(value)


def window_state(value: Any) -> Checked:
    """QMainWindow::saveState's bytes start with its version marker."""
    data = _decoded(value)
    if isinstance(data, Checked):
        return data
    if len(data) < 8 or struct.unpack(">i", data[:4])[0] != _STATE_MARKER:
        return _bad(_("not a panel layout ReflexMap saved"))
    return _ok(value)


def _languages() -> tuple[str, ...]:
    return ("system", *LANGUAGES)


# The quiz's own vocabulary and bounds, read from the quiz when a value is checked: reading the
# settings (at every start, before the window) does not load the quiz, FSRS and the atlas.
def _quiz_kinds() -> tuple[str, ...]:
    from .quiz.cards import KINDS

    return KINDS


def _retention_bounds() -> tuple[float, float]:
    from .quiz.scheduler import MAX_RETENTION, MIN_RETENTION

    return MIN_RETENTION, MAX_RETENTION


def _quiz_default(name: str) -> Callable[[], Any]:
    """The quiz's own default for a field of a round (QuizOptions), read when it is asked."""

    def default() -> Any:
        from dataclasses import fields

        from .quiz.cards import QuizOptions

        return next(f.default for f in fields(QuizOptions) if f.name == name)

    return default


def _default_retention() -> float:
    from .quiz.scheduler import DEFAULT_RETENTION

    return DEFAULT_RETENTION


# --- the table ------------------------------------------------------------------------------

RULES: dict[str, Rule] = {
    "appearance/theme": Rule(N_("Theme"), choice(THEMES), "system"),
    "appearance/text-scale": Rule(N_("Text size"), number_choice(TEXT_SCALES), 1.0),
    "appearance/language": Rule(N_("Language"), choice(_languages)),
    "chart/last": Rule(N_("Chart opened last"), path),
    "chart/dir": Rule(N_("Folder of charts"), folder),
    "chart/recent": Rule(N_("Recent charts"), listing(path_problem, keep=MAX_RECENT)),
    "chart/titles": Rule(N_("Titles of recent charts"), titles_by_chart),
    "chart/ids": Rule(N_("Ids of recent charts"), ids_by_chart),
    "export/dir": Rule(N_("Folder of exports"), folder),
    "notes/first-run-seen": Rule(N_("First-run note read"), boolean, False),
    "view/labels": Rule(N_("Labels shown"), boolean, True),
    "view/guides": Rule(N_("Guide lines shown"), boolean, True),
    "view/aspect": Rule(N_("View"), choice(ASPECTS)),
    "window/geometry": Rule(N_("Window size and position"), window_geometry),
    "window/state": Rule(N_("Panel layout"), window_state),
    "quiz/profile": Rule(N_("Learner profile"), profile),
    "quiz/desired-retention": Rule(
        N_("Desired retention"), number_range(bounds=_retention_bounds), _default_retention
    ),
    "quiz/wait-for-enter": Rule(N_("Quiz: wait for Enter"), boolean, False),
    "quiz/backup-failure-said": Rule(N_("Quiz: day a failed backup was said"), day),  # before 26 Nov 2026
    "quiz/backup-failures-said": Rule(N_("Quiz: days a failed backup was said, by folder"), days_by_folder),
    "quiz/setup/kinds": Rule(N_("Quiz: questions"), listing(among(_quiz_kinds))),
    "quiz/setup/aspects": Rule(N_("Quiz: views"), listing(among(ASPECTS))),
    "quiz/setup/feet": Rule(N_("Quiz: feet"), listing(among(FEET))),
    "quiz/setup/regions": Rule(N_("Quiz: body regions"), listing(among(REGIONS))),
    "quiz/setup/custom": Rule(N_("Quiz: custom set of zones"), listing(zone_id, MAX_REMEMBERED)),
    "quiz/setup/length": Rule(
        N_("Quiz: questions per round"), number_range(*QUIZ_LENGTH, whole=True), _quiz_default("length")
    ),
    "quiz/setup/timed": Rule(N_("Quiz: timed round"), boolean, False),
    "quiz/setup/seconds": Rule(N_("Quiz: seconds per round"), number_range(*QUIZ_SECONDS, whole=True), 120),
    "quiz/setup/sudden-death": Rule(N_("Quiz: sudden death"), boolean, _quiz_default("sudden_death")),
}


def check(key: str, value: Any) -> Checked:
    """`value` as stored under `key`, checked: a key this version does not know (a newer
    one's) is kept as it is; value() never hands it out as another kind than asked for."""
    rule = RULES.get(key)
    if type(value) is bounded_json.Unheld and rule is not None:  # 1e999, 1e-400: not inf, not 0
        return _bad(value.reason())
    deep = bounded_json.deep_in(value) if type(value) in (list, dict, bounded_json.TooDeep) else None
    if deep is not None:  # skipped while reading: said at its own place; usable entries kept
        kept = (
            rule.check(value).value if rule is not None and type(value) is not bounded_json.TooDeep else None
        )
        return Checked(kept, deep.reason(), (deep,))
    return rule.check(value) if rule is not None else Checked(value)


def default(key: str) -> Any:
    """What the app uses for `key` without a usable value, when the table names it (None: a
    default that depends on the computer, such as the home folder or the screen)."""
    rule = RULES.get(key)
    if rule is None:
        return None
    return rule.default() if callable(rule.default) else rule.default


def label(key: str) -> str:
    rule = RULES.get(key)  # (a newer ReflexMap's key: its key alone says which one)
    return _(rule.label) if rule is not None else _("A setting this version does not know")
