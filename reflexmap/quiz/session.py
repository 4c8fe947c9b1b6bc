"""One quiz session: asks the scheduled questions, judges answers, keeps score.

Answers by click are judged with the atlas's own hit-testing: any zone under the point that
is the one asked for counts (zones overlap, and a click on the sacrum where the sciatic band
crosses it is right for both). A click within NEAR_MISS_MM of the zone's edge is "close";
the words of an answer on the asked view are find_words.py's (the web page says the same).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from shapely.geometry import Point

from ..atlas import Atlas, View
from ..atlas.geometry import to_shapely
from ..content.markup import QUESTION_CLAIM_CHARS, shortened
from ..i18n import _, bidi_isolate, format_number
from ..vocab import FEET, on_foot
from .cards import Card, QuizOptions, allowed_views, cards_for
from .find_words import NEAR_MISS_MM as NEAR_MISS_MM  # (where the quiz's rules are read)
from .find_words import find_message, miss_kind
from .questions import Question, make_question, where
from .scheduler import Scheduler

REASK_AFTER = 3  # a missed card comes back this many questions later, once per session


@dataclass(frozen=True, slots=True)
class Feedback:
    correct: bool
    close: bool
    message: str  # starts with ✔, ≈ or ✖: never colour alone
    target: str  # zone id asked for
    clicked: tuple[str, ...] = ()  # zone ids under a click, most specific first
    distance_mm: float | None = None  # from a click to the target's edge
    asked_again: bool = False  # missed, and asked again later in this round (the window says so)


@dataclass(slots=True)
class Result:
    question: Question
    feedback: Feedback
    seconds: float


@dataclass(slots=True)
class Summary:
    asked: int
    right: int
    close: int
    best_streak: int
    seconds: float
    # zone ids, in the order first missed: `missed`, whose last answer in the round was wrong
    # (what Review mistakes asks), and `corrected`, missed and then answered right when asked
    # again (listed "to review", they made Review mistakes say there were no mistakes)
    missed: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    # the round's questions answered, each counted once: `asked` counts answers, and a question
    # missed is asked again ("6 of 8 right" after a round of 6 questions read as 8 questions)
    questions: int = 0
    ended_by: str = "done"  # "done", "time", "sudden death", "stopped"
    options: QuizOptions | None = None  # what the round practised (its review asks the same way)
    chart: Atlas | None = None  # the chart the round asked about, as loaded (its names in any language)

    @property
    def accuracy(self) -> float:
        return self.right / self.asked if self.asked else 0.0

    def zone_names(self, language: str) -> dict[str, str]:
        """{zone id: name} of the zones missed, as the round's chart names them in `language`
        (the chart shown may be another one by the time the results are read, or the window
        may have changed its language since). A zone the chart does not have keeps its id."""
        if self.chart is None:
            return {}
        chart = self.chart.localized(language)
        return {z: chart.zone(z).name for z in (*self.missed, *self.corrected) if chart.has_zone(z)}


class QuizSession:
    def __init__(
        self,
        atlas: Atlas,
        options: QuizOptions,
        scheduler: Scheduler,
        *,
        clock: Callable[[], float] = time.monotonic,
        chart: Atlas | None = None,
    ):
        """`atlas`: the chart asked about, in the interface's language; `chart`: the same chart
        as loaded (the results name its zones in any language), if not `atlas` itself. The
        zones `options.left_out` are not in the round at all (`without`)."""
        self.shown = atlas  # the chart as the map draws it
        atlas = without(atlas, options.left_out)
        self.atlas = atlas  # as the round asks it
        self.chart = chart if chart is not None else atlas
        self.options = options
        self.scheduler = scheduler
        self.clock = clock
        self.rng = random.Random(options.seed)
        self.views = allowed_views(atlas, options)
        cards = cards_for(atlas, options)
        self.zones_matching = zones_in(cards)  # what the choices leave to ask
        if options.mistakes_only:  # most recently missed first
            self.queue: list[Card] = scheduler.mistakes(cards)[: options.length]
        else:
            self.queue = scheduler.pick(cards, options.length)
        self.results: list[Result] = []
        self.streak = 0
        self.best_streak = 0
        self.started = clock()
        self.asked_at = self.started
        self.ended_by = ""
        # when the round's time stopped: its last answer (a mistake in sudden death, the last
        # question), or its time limit; the clock and the results' time go no further while
        # the feedback waits to be read (a sudden-death round said "Time: 0:36" of 30 s: tryout)
        self.ended_at: float | None = None
        self.paused_at: float | None = None  # see pause()
        self._reasked: set[str] = set()
        self.planned = len(self.queue)  # the round's questions, each asked once (re-asks aside)
        self.number = 0  # the current question's place among the planned ones
        self.asked_again = False  # the current question is a missed one asked again
        self._numbers: dict[str, int] = {}  # card key -> its place among the planned questions
        self.current: Question | None = None
        self.feedback: Feedback | None = None
        self._advance()

    # --- flow -----------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        if not self.ended_by and self.time_left() == 0.0:
            self.ended_by = "time"
            self._time_stops()
        return bool(self.ended_by)

    def _time_stops(self) -> None:
        if self.ended_at is None:
            self.ended_at = self.clock() if self.paused_at is None else self.paused_at

    @property
    def total(self) -> int:
        return len(self.results) + len(self.queue) + (1 if self.current and not self.feedback else 0)

    def still_to_come(self) -> tuple[int, int]:
        """(planned questions not answered yet, missed ones still to be asked again): "Question
        2 of 10" after a miss had the end question say "10 questions are still to come", the
        repeat counted in one and not the other (tryout S22-5)."""
        again = sum(1 for card in self.queue if card.key in self._numbers)
        new = len(self.queue) - again
        if self.current is not None and self.feedback is None:  # asked now, not answered yet
            again, new = (again + 1, new) if self.asked_again else (again, new + 1)
        return new, again

    def time_left(self) -> float | None:
        if self.options.time_limit_s is None:
            return None
        return max(0.0, self.options.time_limit_s - self._spent())

    def _spent(self) -> float:
        """Seconds of the round so far: to its end once it has ended, pauses left out."""
        if self.ended_at is not None:
            now = self.ended_at
        else:
            now = self.clock() if self.paused_at is None else self.paused_at
        spent = now - self.started
        limit = self.options.time_limit_s
        return spent if limit is None else min(spent, float(limit))

    def pause(self) -> None:
        """Stop the round's clocks (a message box the student must read first stands over the
        question): the time limit, the round's time and the answer time (which rates a right
        answer Easy or Good) go on from where they stood at resume()."""
        if self.paused_at is None:
            self.paused_at = self.clock()

    def resume(self) -> None:
        if self.paused_at is not None:
            away = max(0.0, self.clock() - self.paused_at)
            self.paused_at = None
            self.started += away
            self.asked_at += away
            if self.ended_at is not None:  # (ended before the pause: its time stays as it was)
                self.ended_at += away

    def next(self) -> Question | None:
        """Move on after feedback; None when the session is over."""
        if self.feedback is not None:
            self._advance()
        return self.current

    def stop(self) -> None:
        self.ended_by = self.ended_by or "stopped"
        self._time_stops()
        self.current = None

    def _advance(self) -> None:
        self.feedback = None
        if self.finished or not self.queue:
            self.ended_by = self.ended_by or "done"
            self._time_stops()
            self.current = None
            return
        card = self.queue.pop(0)
        self.asked_again = card.key in self._numbers
        if not self.asked_again:
            self._numbers[card.key] = len(self._numbers) + 1
        self.number = self._numbers[card.key]
        self.current = make_question(self.atlas, card, self.views, self.rng)
        self.asked_at = self.clock()

    # --- answers --------------------------------------------------------------------
    def answer_click(self, view_id: str, x: float, y: float) -> Feedback:
        """A click (or Enter on a zone) at (x, y) mm in `view_id`. Only the asked view counts:
        the right zone on the other foot is wrong, and the message says that the foot was."""
        question = self._open_question()
        target = self.atlas.zone(question.zone_id)
        hits = tuple(z.id for z in self.atlas.zones_at(view_id, x, y))
        zone = self.atlas.in_sentence(target.name)
        if view_id == question.view_id and target.id in hits:
            return self._judge(True, False, find_message("right", zone=zone), hits, 0.0)
        alike = next((z for z in hits if z in question.fits), None) if view_id == question.view_id else None
        if alike is not None:  # another zone the question fits as well: right, and said so
            message = find_message(
                "alike",
                clicked=self.atlas.in_sentence(self.atlas.zone(alike).name),
                claim=bidi_isolate(shortened(target.claim, QUESTION_CLAIM_CHARS)),
                zone=zone,
            )
            return self._judge(True, False, message, hits, 0.0)
        distance = None
        if view_id in target.shapes:
            distance = _edge_distance(target.shapes[view_id], x, y)
        if view_id == question.view_id or view_id not in {v.id for v in self.atlas.views}:
            if view_id == question.view_id:  # how far the nearest zone the question fits was
                shapes = {z: self.atlas.zone(z).shapes[view_id] for z in question.fits or (target.id,)}
                distance, nearest = min((_edge_distance(shape, x, y), z) for z, shape in shapes.items())
                zone = self.atlas.in_sentence(self.atlas.zone(nearest).name)
            kind = miss_kind(on_zone=bool(hits), distance_mm=distance)
            message = find_message(
                kind,
                clicked=self.atlas.in_sentence(self.atlas.zone(hits[0]).name) if hits else "",
                distance=format_number(distance, 1) if distance is not None else "",
                zone=zone,
            )
            return self._judge(False, kind.startswith("near"), message, hits, distance)
        # Another view: usually the other foot, which is shown beside the asked one.
        asked = self.atlas.view(question.view_id)
        clicked_on = self._on(view_id, asked)
        asked_on = self._on(question.view_id, asked)
        if target.id in hits:
            key = (
                _("✖ Wrong foot: that is the {zone}, but {clicked_on}. The question asks for it {asked_on}.")
                if self.atlas.view(view_id).aspect == asked.aspect
                else _(
                    "✖ Wrong view: that is the {zone}, but {clicked_on}. The question asks for it {asked_on}."
                )
            )
            message = key.format(zone=zone, clicked_on=clicked_on, asked_on=asked_on)
        elif hits:
            message = _("✖ Wrong: that is the {clicked} {clicked_on}. ✔ marks the {zone} {asked_on}.").format(
                clicked=self.atlas.in_sentence(self.atlas.zone(hits[0]).name),
                clicked_on=clicked_on,
                zone=zone,
                asked_on=asked_on,
            )
        else:
            message = _(
                "✖ Wrong: that is outside every zone, {clicked_on}. ✔ marks the {zone} {asked_on}."
            ).format(clicked_on=clicked_on, zone=zone, asked_on=asked_on)
        return self._judge(False, False, message, hits, distance)

    def _on(self, view_id: str, asked: View) -> str:
        """ "on the left foot", or "in the left foot, medial view" when the aspect differs too."""
        view = self.atlas.view(view_id)
        if view.aspect == asked.aspect and view.foot in FEET:
            return on_foot(view.foot)
        return _("in the {view}").format(view=where(view))

    def answer_choice(self, index: int) -> Feedback:
        question = self._open_question()
        if not 0 <= index < len(question.choices):
            raise IndexError(index)
        right = bidi_isolate(question.choices[question.answer].rstrip("."))
        if index == question.answer:
            return self._judge(True, False, _("✔ Right: {answer}.").format(answer=right))
        picked = question.owners[index] if question.owners else None
        if picked is None or question.kind not in ("technique", "claim"):
            return self._wrong_choice(right)  # (a name picked is the zone it names)
        zone = self.atlas.in_sentence(self.atlas.zone(picked).name)
        if question.kind == "technique":
            message = _("✖ Wrong: that is the technique for the {zone}. The answer is {answer}.")
        else:
            message = _("✖ Wrong: that is what this chart places at the {zone}. The answer is {answer}.")
        return self._judge(False, False, message.format(zone=zone, answer=right))

    def _wrong_choice(self, right: str) -> Feedback:
        return self._judge(False, False, _("✖ Wrong: the answer is {answer}.").format(answer=right))

    def answer_text(self, text: str) -> Feedback:
        """A typed answer to a choice question (with completion in the UI), case-insensitive."""
        question = self._open_question()
        wanted = " ".join(text.split()).casefold()
        for i, choice in enumerate(question.choices):
            if choice.casefold() == wanted:
                return self.answer_choice(i)
        return self._wrong_choice(bidi_isolate(question.choices[question.answer].rstrip(".")))

    def _open_question(self) -> Question:
        if self.current is None or self.feedback is not None:
            raise RuntimeError("no question is waiting for an answer")
        return self.current

    def _judge(
        self,
        correct: bool,
        close: bool,
        message: str,
        clicked: tuple[str, ...] = (),
        distance: float | None = None,
    ) -> Feedback:
        question = self.current
        assert question is not None
        again = not correct and not self.options.sudden_death and question.card.key not in self._reasked
        feedback = Feedback(correct, close, message, question.zone_id, clicked, distance, again)
        self.feedback = feedback
        seconds = self.clock() - self.asked_at
        self.results.append(Result(question, feedback, seconds))
        self.scheduler.record(
            question.card, correct, close=close, seconds=seconds, clicked=clicked, view=question.view_id
        )
        if correct:
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
        else:
            self.streak = 0
            if self.options.sudden_death:
                self.ended_by = "sudden death"
            elif again:  # mistakes come back sooner, once
                self._reasked.add(question.card.key)
                self.queue.insert(min(REASK_AFTER - 1, len(self.queue)), question.card)
        if self.ended_by or not self.queue:  # this answer ends the round: its time stops here
            self._time_stops()
        return feedback

    def summary(self) -> Summary:
        first_missed: list[str] = []  # zone ids, in the order first missed
        last_right: dict[str, bool] = {}  # card key: its last answer in the round was right
        for result in self.results:
            last_right[result.question.card.key] = result.feedback.correct
            if not result.feedback.correct and result.question.zone_id not in first_missed:
                first_missed.append(result.question.zone_id)
        still = {r.question.zone_id for r in self.results if not last_right[r.question.card.key]}
        return Summary(
            asked=len(self.results),
            right=sum(r.feedback.correct for r in self.results),
            close=sum(r.feedback.close for r in self.results),
            best_streak=self.best_streak,
            seconds=self._spent(),
            missed=[z for z in first_missed if z in still],
            corrected=[z for z in first_missed if z not in still],
            questions=len(last_right),
            ended_by=self.ended_by or "stopped",
            options=self.options,
            chart=self.chart,
        )


def _edge_distance(shape, x: float, y: float) -> float:
    """Millimetres from (x, y) to the nearest part of the zone."""
    return float(to_shapely(shape).distance(Point(x, y)))


def zones_in(cards: list[Card]) -> int:
    """How many zones `cards` ask about (a zone may have a card of each kind)."""
    return len({card.zone_id for card in cards})


def round_size(atlas: Atlas, options: QuizOptions) -> tuple[int, int]:
    """(zones the choices leave, questions a round of them asks), as a QuizSession on these
    options counts them: the round's length chosen, or fewer when fewer cards match. Not for
    a round of mistakes, which asks as many as there are."""
    cards = cards_for(atlas, options)
    return zones_in(cards), min(len(cards), options.length)


def without(atlas: Atlas, zone_ids: frozenset[str] | set[str]) -> Atlas:
    """`atlas` without the zones `zone_ids` (those a chart's check refuses: QuizOptions.left_out),
    for a round: none of them is asked, offered as a choice, counted among the zones a "find"
    question fits, nor judged as the zone clicked (a click on one finds only the zones under
    it that are asked). The chart itself when none of them is in it."""
    gone = [z.id for z in atlas.zones if z.id in zone_ids]
    if not gone:
        return atlas
    import dataclasses

    kept = tuple(z for z in atlas.zones if z.id not in zone_ids)
    index = atlas.index
    if index is not None:
        order = [z.id for z in kept]
        for zone_id in gone:
            index = index.replaced(zone_id, {}, order)
    return dataclasses.replace(atlas, zones=kept, index=index)
