"""Learner profiles: names that are safe folder names, each profile its own review log."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.profiles import DEFAULT, Profiles, problem


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "../escape",
        "a/b",
        "a\\b",
        ".hidden",
        " padded",
        "x" * 41,
        "tab\there",
        "nul",
        "COM1",
        "a\u202eb",
    ],
)
def test_unsafe_names_are_refused_with_a_reason(name):
    assert problem(name)


@pytest.mark.parametrize("name", ["Anna", "Jörg Müller", "class-3_b", "O'Brien", "李"])
def test_ordinary_names_are_fine(name):
    assert problem(name) is None


def test_profiles_are_kept_apart(tmp_path: Path):
    profiles = Profiles(tmp_path)
    assert profiles.names() == [DEFAULT]
    profiles.create("Anna")
    profiles.create("Ben")
    with pytest.raises(ValueError, match="already"):
        profiles.create("anna")
    assert profiles.names() == [DEFAULT, "Anna", "Ben"]
    paths = [profiles.database(n) for n in profiles.names()]
    assert len(set(paths)) == 3 and paths[0] == tmp_path / "reviews.sqlite3"
    for name, zone in (("Anna", "neck"), ("Ben", "heart")):
        Scheduler(log=ReviewLog(profiles.database(name))).record(Card("c", zone, "find"), True)
    assert list(ReviewLog(profiles.database("Anna")).states()) == ["c:neck:find"]
    assert list(ReviewLog(profiles.database("Ben")).states()) == ["c:heart:find"]
    assert ReviewLog(profiles.database(DEFAULT)).states() == {}
    with pytest.raises(ValueError):
        profiles.database("../Anna")
