"""What is said about records of the review log (SQLite) that do not read back: records have
no line and column, so each is named by the database file's whole path and the record (its
row id; an answer also by when it was given), with why and what was done (that record left
out, the others kept). Said in the interface language of when it is shown. Pure Python."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from ..i18n import _, format_count, isolated, ngettext, shown_file
from ..storage import listed

MAX_LISTED = 10
# The bounds of an answer, the same where it is written (the log, a file of waiting answers)
# and where it is read back (the log's answers, the statistics, the waiting answers).
MAX_TIME = 1e11  # epoch seconds: about the year 5138
MAX_ANSWER_SECONDS = 86_400.0  # a question left open for a day is still an answer


def stored(value: object) -> str:
    """A value as SQLite holds it, short, for a message: a number as Python writes it, a text
    quoted, NULL, a blob by its size."""
    if isinstance(value, bool) or value is None:
        return "NULL" if value is None else str(int(value))
    if isinstance(value, int):
        return str(value) if abs(value) < 10**20 else f"{value:.3g}"
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _("binary data of {count} bytes").format(count=format_count(len(bytes(value))))
    text = str(value)
    return isolated(repr(text if len(text) <= 40 else text[:39] + "…"))


def answer_problem(
    when: object, card: object, rating: object, correct: object, close: object, seconds: object,
    *, max_time: float = MAX_TIME, max_seconds: float = MAX_ANSWER_SECONDS,
) -> Callable[[], str] | None:  # fmt: skip
    """Why a row of the answers (reviews) is not one ReflexMap wrote; None when it is. (An
    answer waiting to be written is checked by the same rules: one the log would not read
    back is left out there.)"""
    if not (isinstance(when, (int, float)) and not isinstance(when, bool) and 0 <= when <= max_time):
        return lambda: _("its time {value} is not a time ReflexMap can use").format(value=stored(when))
    if not isinstance(card, str):
        return lambda: _("the card's name is not a text")
    if rating not in (1, 2, 3, 4) or isinstance(rating, bool):
        return lambda: _("its rating {value} is not 1, 2, 3 or 4").format(value=stored(rating))
    for name, value in (("correct", correct), ("close", close)):
        if value not in (0, 1) or isinstance(value, bool):
            return lambda n=name, v=value: _("{name} {value} is not 0 or 1").format(name=n, value=stored(v))
    if seconds is not None and not (
        isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and 0 <= seconds <= max_seconds
    ):
        return lambda: _("its answer time {value} is not 0 to {limit} seconds").format(
            value=stored(seconds), limit=format_count(int(max_seconds))
        )
    return None


def _when(seconds: object) -> str:
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(float(seconds)))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def bad_answers(path: Path, bad: list[tuple[int, object, Callable[[], str]]]) -> str:
    """One message for the answers left out: each one's row id and time, and why."""
    lines = []
    for row, when, why in bad[:MAX_LISTED]:
        given = _when(when)
        record = (
            _("answer {row} (given {when})").format(row=row, when=given)
            if given
            else _("answer {row}").format(row=row)
        )
        lines.append(
            _("{path}: {record}: {reason}; this answer is left out.").format(
                path=isolated(shown_file(path)), record=record, reason=why().rstrip(".")
            )
        )
    heading = ngettext(
        "{count} answer in the review log could not be read; it is left out, the other answers are kept:",
        "{count} answers in the review log could not be read; they are left out, the other answers are kept:",
        len(bad),
    ).format(count=format_count(len(bad)))
    return heading + "\n" + listed(lines, len(bad))


def bad_cards(path: Path, bad: list[tuple[int, object, Callable[[], str]]]) -> str:
    """One message for the card records left out: each one's row id, card and why."""
    lines = [
        _("{path}: record {row} (card {card}): {reason}; this record is left out.").format(
            path=isolated(shown_file(path)), row=row, card=isolated(str(card)[:200]), reason=why().rstrip(".")
        )
        for row, card, why in bad[:MAX_LISTED]
    ]
    heading = ngettext(
        "{count} card record in the review log could not be read; that card starts afresh, "
        "the other records are kept:",
        "{count} card records in the review log could not be read; those cards start afresh, "
        "the other records are kept:",
        len(bad),
    ).format(count=format_count(len(bad)))
    return heading + "\n" + listed(lines, len(bad))


def repeated_keys(path: Path, found: list[tuple[int, str, list]]) -> str:
    """One message for the card records in which a key is written twice (each record's row id
    and card, and each key's line and column in the record's text, bounded_json.Repeated):
    the later value is used, as JSON readers do; the next answer to the card writes it once."""
    lines = [
        _(
            "{path}: record {row} (card {card}), line {line}, column {column}: the key “{key}” was "
            "already written at line {first_line}, column {first_column}."
        ).format(
            path=isolated(shown_file(path)),
            row=row,
            card=isolated(card[:200]),
            line=repeat.line,
            column=repeat.column,
            key=isolated(repeat.key[:80]),
            first_line=repeat.first_line,
            first_column=repeat.first_column,
        )
        for row, card, repeats in found
        for repeat in repeats
    ]
    heading = ngettext(
        "A key is written twice in a card record of the review log; its later value is used "
        "(the next answer to that card writes it once):",
        "{count} keys are written twice in card records of the review log; the later value of "
        "each is used (the next answer to each card writes it once):",
        len(lines),
    ).format(count=format_count(len(lines)))
    return heading + "\n" + listed(lines[:MAX_LISTED], len(lines))
