"""Self-quizzing, Qt-free: what to ask (cards, questions), when to ask it again (FSRS), a
session's rules (feedback, streaks, timed and sudden-death rounds), the review log in SQLite
that must never be lost, and the statistics drawn from it."""

from .cards import KINDS, Card, QuizOptions, cards_for
from .progress import LegacyCardState, ProgressStore
from .questions import Question, make_question
from .reviewlog import ReviewLog
from .scheduler import CardState, Scheduler, rating_for
from .session import Feedback, QuizSession, Summary

__all__ = [
    "KINDS",
    "Card",
    "CardState",
    "Feedback",
    "LegacyCardState",
    "ProgressStore",
    "Question",
    "QuizOptions",
    "QuizSession",
    "ReviewLog",
    "Scheduler",
    "Summary",
    "cards_for",
    "make_question",
    "rating_for",
]
