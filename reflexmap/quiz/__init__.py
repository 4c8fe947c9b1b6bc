"""Self-quizzing, Qt-free: what to ask (cards, questions), when to ask it again (a Leitner
scheduler), a session's rules (feedback, streaks, timed and sudden-death rounds) and the
progress file that must never be lost."""

from .cards import KINDS, Card, QuizOptions, cards_for
from .progress import ProgressStore
from .questions import Question, make_question
from .scheduler import CardState, Scheduler
from .session import Feedback, QuizSession, Summary

__all__ = [
    "KINDS",
    "Card",
    "CardState",
    "Feedback",
    "ProgressStore",
    "Question",
    "QuizOptions",
    "QuizSession",
    "Scheduler",
    "Summary",
    "cards_for",
    "make_question",
]
