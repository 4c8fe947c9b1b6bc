"""Answers waiting for the review log's lock follow a rename of their zones, in memory
(`pending.renamed`) and in the files a closed window left (rewritten by ReviewLog.rename_zones,
under the log's write lock): none is written under an id the chart no longer has."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reflexmap.quiz import pending
from reflexmap.quiz.pending import PendingAnswer
from reflexmap.quiz.reviewlog import ReviewLog
from reflexmap.quiz.scheduler import CardState


def answer(card: str, clicked: tuple[str, ...] = (), once: str | None = None) -> PendingAnswer:
    return PendingAnswer(card, 1_700_000_000.0, 3, True, clicked=clicked, view="plantar-left", once=once)


def test_renamed_moves_only_the_charts_renamed_zones():
    waiting = [
        answer("small:heel:name", ("heel", "band")),
        answer("small:band:name"),
        answer("other:heel:name"),  # another chart's zone of the same id
        answer("small:heel-pad:name"),  # an id that starts like a renamed one
    ]
    moved = pending.renamed(waiting, "small", {"heel": "calcaneus", "band": "heel"})
    assert [a.card for a in moved] == [
        "small:calcaneus:name",
        "small:heel:name",
        "other:heel:name",
        "small:heel-pad:name",
    ]
    assert moved[0].clicked == ("calcaneus", "heel")  # all at once: a swap is not a chain
    kept = pending.renamed(waiting, "small", {"heel": "calcaneus"}, keep={"heel"})
    assert kept == waiting  # a zone another chart still shows keeps its answers


ids = st.sampled_from(["a", "b", "c", "d"])


@given(st.lists(st.tuples(ids, ids), max_size=6), st.dictionaries(ids, ids, max_size=4))
def test_renamed_is_the_logs_rename(cards, renames):
    """What `renamed` does to a card is what ReviewLog.rename_zones does to its rows' keys."""
    waiting = [answer(f"ch:{zone}:{kind}") for zone, kind in cards]
    moved = pending.renamed(waiting, "ch", renames)
    for before, after in zip(waiting, moved, strict=True):
        zone, kind = before.card.split(":")[1:]
        assert after.card == f"ch:{renames.get(zone, zone)}:{kind}"


def test_a_file_of_waiting_answers_follows_a_rename_of_the_log(tmp_path: Path):
    database = tmp_path / "reviews.sqlite3"
    log = ReviewLog(database)
    log.record(
        "small:heel:name",
        lambda previous: CardState(due=1_700_000_060.0, seen=1),
        now=1_700_000_000.0,
        rating=3,
        correct=True,
    )
    written = pending.write(database, [answer("small:heel:name", ("heel",)), answer("small:band:name")])
    before = pending.read(written)
    log.rename_zones("small", {"heel": "calcaneus"})
    after = pending.read(written)
    assert [a.card for a in after] == ["small:calcaneus:name", "small:band:name"]
    assert after[0].clicked == ("calcaneus",)
    assert [a.once for a in after] == [a.once for a in before]  # still counted once
    log.close()
