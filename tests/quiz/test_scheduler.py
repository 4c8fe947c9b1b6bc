"""Leitner scheduling: right answers space cards out, mistakes come back at once."""

from __future__ import annotations

import random

from reflexmap.quiz import Card, CardState, Scheduler
from reflexmap.quiz.scheduler import DAY, INTERVALS, TOP_BOX


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def card(zone: str, kind: str = "find") -> Card:
    return Card("chart", zone, kind)


def test_right_answers_climb_the_boxes_and_wait_longer():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("sacrum")
    boxes, waits = [], []
    for _ in range(TOP_BOX + 1):
        state = scheduler.record(c, True)
        boxes.append(state.box)
        waits.append(state.due - clock.now)
    assert boxes == [2, 3, 4, 5, 5, 5]
    assert waits == [INTERVALS[2], INTERVALS[3], INTERVALS[4], INTERVALS[5], INTERVALS[5], INTERVALS[5]]
    assert waits[0] == DAY


def test_a_mistake_sends_the_card_back_to_box_one_due_now():
    clock = Clock()
    scheduler = Scheduler(clock=clock)
    c = card("sacrum")
    for _ in range(3):
        scheduler.record(c, True)
    state = scheduler.record(c, False)
    assert (state.box, state.due, state.wrong, state.last_right) == (1, clock.now, 1, False)


def test_a_near_miss_neither_promotes_nor_demotes():
    scheduler = Scheduler(clock=Clock())
    c = card("coccyx")
    scheduler.record(c, True)
    state = scheduler.record(c, False, close=True)
    assert state.box == 2 and state.wrong == 1


def test_pick_orders_overdue_then_new_then_later():
    clock = Clock()
    scheduler = Scheduler(clock=clock, rng=random.Random(0))
    overdue_old, overdue_new, later = card("a"), card("b"), card("c")
    scheduler.states[overdue_old.key] = CardState(box=2, due=clock.now - 5 * DAY, seen=1)
    scheduler.states[overdue_new.key] = CardState(box=2, due=clock.now - 1 * DAY, seen=1)
    scheduler.states[later.key] = CardState(box=3, due=clock.now + 2 * DAY, seen=1)
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


def test_mastery_grows_with_the_box_and_halves_after_a_miss():
    scheduler = Scheduler(clock=Clock())
    c = card("a")
    assert scheduler.state(c).mastery == 0.0
    for _ in range(TOP_BOX):
        scheduler.record(c, True)
    assert scheduler.state(c).mastery == 1.0
    scheduler.record(c, False, close=True)
    assert scheduler.state(c).mastery == 0.5
