"""FSRS scheduling: answers become ratings, right answers space cards out, mistakes come back
soon, and the desired retention sets how far apart reviews are."""

from __future__ import annotations

import random

import fsrs
import pytest

from reflexmap.quiz import Card, CardState, Scheduler, rating_for
from reflexmap.quiz.scheduler import AGAIN, DAY, EASY, FAST_SECONDS, GOOD, HARD


class Clock:
    def __init__(self, now: float = 1_000_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def card(zone: str, kind: str = "find") -> Card:
    return Card("chart", zone, kind)


@pytest.mark.parametrize(
    ("correct", "close", "seconds", "rating"),
    [
        (True, False, None, GOOD),
        (True, False, 12.0, GOOD),
        (True, False, FAST_SECONDS - 1, EASY),
        (False, True, 3.0, HARD),  # a near miss, however fast
        (False, False, 1.0, AGAIN),
        (False, False, None, AGAIN),
    ],
)
def test_answers_become_fsrs_ratings(correct, close, seconds, rating):
    assert rating_for(correct, close, seconds) == rating
    assert (AGAIN, HARD, GOOD, EASY) == tuple(int(r) for r in fsrs.Rating)


def test_the_scheduler_rates_what_the_session_reports():
    clock = Clock()
    rated = []
    scheduler = Scheduler(clock=clock)
    real = scheduler.advance
    scheduler.advance = lambda previous, rating, now, correct: (
        rated.append(rating) or real(previous, rating, now, correct)
    )
    scheduler.record(card("a"), True, seconds=10.0)
    scheduler.record(card("b"), True, seconds=1.0)
    scheduler.record(card("c"), False, close=True, seconds=5.0)
    scheduler.record(card("d"), False, seconds=5.0)
    assert rated == [GOOD, EASY, HARD, AGAIN]


def review_days(scheduler: Scheduler, clock: Clock, c: Card, answers: list[bool]) -> list[float]:
    """Answer when due each time; the waits in days."""
    waits = []
    for right in answers:
        state = scheduler.record(c, right, seconds=10.0)
        waits.append((state.due - clock.now) / DAY)
        clock.now = state.due
    return waits


def test_right_answers_wait_longer_and_longer():
    clock = Clock()
    waits = review_days(Scheduler(clock=clock), clock, card("sacrum"), [True] * 7)
    assert waits[0] < 1  # a new card is stepped through learning first (minutes)
    assert all(b > a for a, b in zip(waits[1:], waits[2:], strict=False))
    assert waits[-1] > 30


def test_a_mistake_brings_the_card_back_within_minutes_and_lowers_stability():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("sacrum")
    review_days(scheduler, clock, c, [True] * 4)
    before = scheduler.state(c)
    after = scheduler.record(c, False)
    assert after.due - clock.now <= 15 * 60
    assert after.stability < before.stability and after.difficulty > before.difficulty
    assert (after.wrong, after.last_right, after.seen) == (1, False, 5)


def test_hard_is_between_again_and_good():
    results = {}
    for name, correct, close in (("again", False, False), ("hard", False, True), ("good", True, False)):
        clock = Clock()
        scheduler = Scheduler(clock=clock)
        c = card("x")
        review_days(scheduler, clock, c, [True] * 3)
        results[name] = scheduler.record(c, correct, close=close, seconds=10.0)
    assert results["again"].stability < results["hard"].stability < results["good"].stability
    assert results["hard"].due < results["good"].due


def test_higher_desired_retention_means_shorter_waits():
    waits = {}
    for retention in (0.8, 0.9, 0.95):
        clock = Clock()
        waits[retention] = review_days(
            Scheduler(clock=clock, retention=retention), clock, card("a"), [True] * 5
        )
    assert waits[0.95][-1] < waits[0.9][-1] < waits[0.8][-1]


@pytest.mark.parametrize("bad", [float("nan"), 0.1, 1.0, 2.0])
def test_an_impossible_retention_falls_back_to_the_default(bad):
    assert Scheduler(retention=bad).retention == 0.9


def test_pick_orders_overdue_then_new_then_later():
    clock = Clock()
    scheduler = Scheduler(clock=clock, rng=random.Random(0))
    overdue_old, overdue_new, later = card("a"), card("b"), card("c")
    scheduler.states[overdue_old.key] = CardState(due=clock.now - 5 * DAY, seen=1, stability=3.0, phase=2)
    scheduler.states[overdue_new.key] = CardState(due=clock.now - 1 * DAY, seen=1, stability=3.0, phase=2)
    scheduler.states[later.key] = CardState(due=clock.now + 2 * DAY, seen=1, stability=3.0, phase=2)
    fresh = [card(f"new{i}") for i in range(3)]
    picked = scheduler.pick([later, *fresh, overdue_new, overdue_old], 6)
    assert picked[:2] == [overdue_old, overdue_new]
    assert set(picked[2:5]) == set(fresh)
    assert picked[5] == later
    assert len(scheduler.pick([later, *fresh], 2)) == 2


def test_pick_is_deterministic_under_a_seed():
    cards = [card(f"z{i}") for i in range(20)]
    first = Scheduler(clock=Clock(), rng=random.Random(42)).pick(cards, 10)
    second = Scheduler(clock=Clock(), rng=random.Random(42)).pick(cards, 10)
    other = Scheduler(clock=Clock(), rng=random.Random(43)).pick(cards, 10)
    assert first == second
    assert first != other


def test_mistakes_lists_cards_last_answered_wrong_most_recent_first():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    a, b, c = card("a"), card("b"), card("c")
    scheduler.record(a, False)
    clock.now += 10
    scheduler.record(b, False)
    clock.now += 10
    scheduler.record(c, True)
    clock.now += 10
    scheduler.record(a, True)  # put right since
    assert scheduler.mistakes([a, b, c]) == [b]


def test_mastery_grows_with_lasting_memory_and_drops_after_a_miss():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("a")
    assert scheduler.state(c).mastery(clock.now) == 0.0
    levels = []
    for _ in range(8):
        state = scheduler.record(c, True, seconds=10.0)
        levels.append(state.mastery(clock.now))
        clock.now = state.due
    assert levels == sorted(levels) and 0 < levels[0] < 0.5 < levels[-1] <= 1.0
    missed = scheduler.record(c, False)
    assert missed.mastery(clock.now) < levels[-1]
    assert state.mastery(clock.now + 400 * DAY) < state.mastery(clock.now)  # forgetting


def test_only_wrong_answers_are_no_mastery():
    """Before: two misses gave FSRS a stability of hours and mastery about 1 % ("Abdomen 1 %")."""
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("a")
    for _ in range(2):
        state = scheduler.record(c, False)
        assert state.stability and state.retrievability(clock.now) > 0.5
        assert state.mastery(clock.now) == 0.0
        clock.now += 60
    assert scheduler.record(c, True).mastery(clock.now) > 0  # learned once answered right


# --- Easy: quick for this student, not for a fixed clock ------------------------------------
def test_the_easy_threshold_follows_the_students_own_pace():
    from reflexmap.quiz.scheduler import EASY_RANGE, EASY_SHARE, PACE_MIN, easy_seconds

    assert easy_seconds([]) == FAST_SECONDS
    assert easy_seconds([5.0] * (PACE_MIN - 1)) == FAST_SECONDS  # too few to know the pace
    assert easy_seconds([4.0, 5.0, 6.0, 7.0, 30.0] * 4) == pytest.approx(EASY_SHARE * 6.0)  # median 6 s
    assert easy_seconds([0.5] * 50) == EASY_RANGE[0]  # a floor: a lucky click is not Easy
    assert easy_seconds([60.0] * 50) == EASY_RANGE[1]  # a ceiling: slow is never Easy
    assert easy_seconds([float("nan"), -1.0] * 30) == FAST_SECONDS  # junk is not a pace


def test_a_known_review_log_sets_easy_per_kind_of_question(tmp_path):
    from reflexmap.quiz import ReviewLog
    from reflexmap.quiz.scheduler import EASY_SHARE

    clock = Clock()
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    history = Scheduler(log=log, clock=clock)
    # a student who finds zones in about 3 s and names them in about 8 s (right answers), and
    # whose wrong answers (slow, 20 s) do not count towards the pace
    for i in range(40):
        clock.now += 60
        history.record(card(f"f{i}", "find"), True, seconds=2.0 + (i % 3))  # 2, 3, 4 s: median 3
        history.record(card(f"n{i}", "name"), True, seconds=7.0 + (i % 3))  # median 8
        history.record(card(f"w{i}", "find"), False, seconds=20.0)
    scheduler = Scheduler(log=log, clock=clock)
    assert scheduler.easy_seconds("find") == pytest.approx(EASY_SHARE * 3.0)
    assert scheduler.easy_seconds("name") == pytest.approx(EASY_SHARE * 8.0)
    assert scheduler.easy_seconds("claim") == FAST_SECONDS  # nothing known yet

    def rated(kind: str, seconds: float) -> int:
        scheduler.record(card(f"x{kind}{seconds}", kind), True, seconds=seconds)
        return log.conn.execute("SELECT rating FROM reviews ORDER BY id DESC LIMIT 1").fetchone()[0]

    assert rated("find", 1.7) == EASY and rated("find", 2.5) == GOOD  # 2.5 s: quick for most, not for them
    assert rated("name", 4.5) == EASY and rated("name", 5.5) == GOOD  # 4.5 s would not be Easy at 4 s
    assert rated("claim", 3.9) == EASY and rated("claim", 4.1) == GOOD


def test_changing_the_retention_changes_the_next_interval():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("a")
    review_days(scheduler, clock, c, [True] * 3)  # a card in review
    state = scheduler.state(c)
    due = {}
    for retention in (0.97, 0.9, 0.7):
        scheduler.set_retention(retention)
        assert scheduler.retention == retention
        due[retention] = scheduler.advance(state, GOOD, state.due, True).due
    assert due[0.97] < due[0.9] < due[0.7]
    scheduler.set_retention(0.99)  # out of the offered range: the default
    assert scheduler.retention == 0.9
