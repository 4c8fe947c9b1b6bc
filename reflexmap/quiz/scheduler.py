"""Leitner-box spaced repetition, per card.

A right answer moves a card up a box and pushes its next review further away; a wrong
answer sends it back to box 1, due at once, so mistakes come back sooner. A near miss keeps
the card where it was. Time comes from an injected clock and ties are broken by an injected
random generator, so a seeded scheduler is fully deterministic.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from .cards import Card

DAY = 86_400.0
INTERVALS = {1: 0.0, 2: 1 * DAY, 3: 3 * DAY, 4: 7 * DAY, 5: 21 * DAY}  # box -> wait after it
TOP_BOX = max(INTERVALS)


@dataclass(slots=True)
class CardState:
    box: int = 1
    due: float = 0.0  # epoch seconds
    seen: int = 0
    right: int = 0
    wrong: int = 0
    last_seen: float = 0.0
    last_right: bool = True

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> CardState:
        state = cls(**{k: data[k] for k in cls.__slots__ if k in data})  # type: ignore[attr-defined]
        if not (1 <= int(state.box) <= TOP_BOX):
            raise ValueError(f"box {state.box} is outside 1..{TOP_BOX}")
        return state

    @property
    def mastery(self) -> float:
        """0 (new or lost) .. 1 (top box, answered right last time)."""
        if self.seen == 0:
            return 0.0
        level = (self.box - 1) / (TOP_BOX - 1)
        return level if self.last_right else level * 0.5


class Scheduler:
    def __init__(
        self,
        states: dict[str, CardState] | None = None,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ):
        self.states: dict[str, CardState] = states if states is not None else {}
        self.clock = clock
        self.rng = rng or random.Random()

    def state(self, card: Card) -> CardState:
        return self.states.get(card.key) or CardState()

    def record(self, card: Card, correct: bool, *, close: bool = False) -> CardState:
        """Update a card after an answer; `close` is a near miss: no promotion, no demotion."""
        now = self.clock()
        state = self.states.setdefault(card.key, CardState(due=now))
        state.seen += 1
        state.last_seen = now
        state.last_right = correct
        if correct:
            state.right += 1
            state.box = min(state.box + 1, TOP_BOX)
        else:
            state.wrong += 1
            state.box = state.box if close else 1
        state.due = now + INTERVALS[state.box]
        return state

    def pick(self, cards: Iterable[Card], count: int) -> list[Card]:
        """The `count` cards to ask now: overdue first (oldest due first), then new cards,
        then the ones due soonest. Ties are shuffled by the scheduler's random generator."""
        now = self.clock()
        overdue, new, later = [], [], []
        for card in cards:
            state = self.states.get(card.key)
            if state is None:
                new.append(card)
            elif state.due <= now:
                overdue.append((state.due, self.rng.random(), card))
            else:
                later.append((state.due, self.rng.random(), card))
        self.rng.shuffle(new)
        ordered = [c for *_, c in sorted(overdue, key=lambda t: t[:2])] + new
        ordered += [c for *_, c in sorted(later, key=lambda t: t[:2])]
        return ordered[:count]

    def mistakes(self, cards: Iterable[Card]) -> list[Card]:
        """Cards whose last answer was wrong, most recently missed first."""
        missed = [(self.states[c.key].last_seen, c) for c in cards if c.key in self.states]
        missed = [(t, c) for t, c in missed if not self.states[c.key].last_right]
        return [c for _, c in sorted(missed, key=lambda t: -t[0])]
