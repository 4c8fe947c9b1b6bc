"""Statistics from a known review log: due days, reviews and retention per day, mastery per
region and per foot, the hardest zones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reflexmap import load_atlas
from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.stats import compute


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


def noon(days_ago: int) -> float:
    day = dt.date.today() - dt.timedelta(days=days_ago)
    return dt.datetime.combine(day, dt.time(12)).timestamp()


def test_figures_from_a_known_review_log(tmp_path: Path, atlas):
    clock = [noon(3)]
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    scheduler = Scheduler(log=log, clock=lambda: clock[0])

    def answer(zone: str, correct: bool, close: bool = False) -> None:
        scheduler.record(Card(atlas.id, zone, "name"), correct, close=close, seconds=10.0)

    # three days ago: 4 reviews, 3 right; yesterday: none; today: 2 reviews, 1 right (1 near miss)
    answer("neck", True)
    answer("heart", True)
    answer("stomach", False)
    answer("neck", True)
    clock[0] = noon(0)
    answer("stomach", False, close=True)
    answer("heart", True)
    Scheduler(log=log, clock=lambda: noon(0)).record(Card("other-chart", "neck", "name"), False)  # not ours
    stats = compute(log, atlas, noon(0))
    assert stats.reviews[-4:] == [4, 0, 0, 2] and sum(stats.reviews) == 6
    assert stats.retention[-4:] == [0.75, None, None, 0.5]
    assert stats.total_reviews == 6 and stats.cards_seen == 3
    states = log.states()
    due_today = sum(1 for k, s in states.items() if k.startswith(atlas.id) and s.due < noon(0) + 12 * 3600)
    assert stats.due[0] == due_today >= 1  # the stomach, missed today, is due again within minutes
    assert sum(stats.due) == 3  # every practised card is due within the month
    by_zone = {z.id: z for z in atlas.zones}
    regions = {by_zone[z].region for z in ("neck", "heart")}
    assert all(stats.mastery_by_region[r] > 0 for r in regions)
    # the stomach was only ever missed: nothing learned there, not "1 %" from FSRS's hours
    assert by_zone["stomach"].region not in regions
    assert stats.mastery_by_region[by_zone["stomach"].region] == 0
    untouched = set(stats.mastery_by_region) - regions - {by_zone["stomach"].region}
    assert untouched and all(stats.mastery_by_region[r] == 0 for r in untouched)
    assert set(stats.mastery_by_foot) == {"left", "right"}
    # the heart is drawn on the left foot only: the left foot's figure is the higher
    assert stats.mastery_by_foot["left"] > stats.mastery_by_foot["right"] > 0
    assert [h.zone_id for h in stats.hardest] == ["stomach"]
    assert (stats.hardest[0].missed, stats.hardest[0].reviews) == (2, 2)


def test_an_empty_log_gives_zeros(tmp_path: Path, atlas):
    stats = compute(ReviewLog(tmp_path / "r.sqlite3"), atlas, noon(0))
    assert sum(stats.due) == 0 and sum(stats.reviews) == 0 and stats.hardest == []
    assert set(stats.retention) == {None}
    assert all(v == 0 for v in stats.mastery_by_region.values())


def test_right_answers_per_foot_come_from_the_views_the_questions_were_shown_in(tmp_path: Path, atlas):
    clock = [noon(2)]
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    scheduler = Scheduler(log=log, clock=lambda: clock[0])

    def answer(zone: str, view: str, correct: bool, kind: str = "find") -> None:
        clock[0] += 30
        scheduler.record(Card(atlas.id, zone, kind), correct, seconds=4.0, view=view)

    # the left foot: 3 of 4 right; the right foot: 1 of 3; the medial view is a foot's too
    answer("neck", "plantar-left", True)
    answer("sacrum", "plantar-left", True)
    answer("heart", "plantar-left", False)
    answer("bladder", "medial-left", True, "name")
    answer("neck", "plantar-right", False)
    answer("sacrum", "medial-right", True)
    answer("liver", "plantar-right", False)
    answer("neck", "", True)  # logged before views were (schema 1): no foot to count it for
    answer("neck", "a-view-no-longer-drawn", True)
    clock[0] = noon(40)  # long ago: outside the last 30 days
    answer("neck", "plantar-right", True)
    stats = compute(log, atlas, noon(0))
    assert stats.answers_by_foot == {"left": (3, 4), "right": (1, 3)}
    assert stats.total_reviews == 10


def test_the_easy_thresholds_are_in_the_statistics(tmp_path: Path, atlas):
    from reflexmap.quiz.scheduler import EASY_SHARE, PACE_MIN

    log = ReviewLog(tmp_path / "reviews.sqlite3")
    clock = [noon(1)]
    scheduler = Scheduler(log=log, clock=lambda: clock[0])
    for _ in range(PACE_MIN):
        clock[0] += 10
        scheduler.record(Card(atlas.id, "neck", "find"), True, seconds=5.0)
        scheduler.record(Card(atlas.id, "neck", "name"), True, seconds=10.0)
    scheduler.record(Card(atlas.id, "neck", "claim"), True, seconds=10.0)  # one is not a pace
    assert compute(log, atlas, noon(0)).easy_seconds == {
        "find": pytest.approx(EASY_SHARE * 5.0),
        "name": pytest.approx(EASY_SHARE * 10.0),
    }


def test_answers_to_zones_the_chart_no_longer_has_count_in_no_figure(tmp_path: Path, atlas):
    """One scope for every figure: the chart's zones now. Answers to a zone since deleted are
    counted apart (`left_out`), in the headline, per day, per foot and the hardest alike."""
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    clock = [noon(1)]
    scheduler = Scheduler(log=log, clock=lambda: clock[0])
    for zone, correct in (("neck", True), ("a-deleted-zone", False), ("a-deleted-zone", False)):
        clock[0] += 60
        scheduler.record(Card(atlas.id, zone, "find"), correct, seconds=4.0, view="plantar-left")
    stats = compute(log, atlas, noon(0))
    assert stats.total_reviews == sum(stats.reviews) == 1
    assert stats.answers_by_foot["left"] == (1, 1)
    assert stats.cards_seen == sum(stats.due) == 1
    assert [h.zone_id for h in stats.hardest] == []
    assert stats.left_out == 2 and stats.zones == len(atlas.zones)
