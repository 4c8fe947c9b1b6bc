"""The quick walk (atlas/prescan) is not run twice over the same text: opening a large chart
and then entering edit mode read the same bytes, and the walk of 2,700 zones took about half
a second of CPU each time (issue 19). A text changed by one character, or walked with other
limits, is walked again; a text the walk refuses is walked every time (its message is said
in the language of the moment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.realistic import realistic_text
from reflexmap.atlas import limits
from reflexmap.atlas.loader import read_atlas
from reflexmap.atlas.prescan import block, prescan, tuning


@pytest.fixture
def walks(monkeypatch) -> list[int]:
    """How many times the walk ran (its block structure entered)."""
    count = [0]
    real = block._Block.run

    def counted(self, *args, **kwargs):
        count[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(block._Block, "run", counted)
    return count


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    text = realistic_text(3)
    assert len(text) >= tuning.SMALL  # (walked at all)
    path = tmp_path / "large.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_opening_then_editing_walks_the_chart_once(chart: Path, walks: list[int]):
    from reflexmap.ui.editor.opening import read_checked

    assert read_atlas(chart).ok
    assert walks[0] == 1
    document = read_checked(chart)  # what entering edit mode reads
    assert document.draft().atlas is not None and not document.draft().problems
    assert walks[0] == 1, "the same bytes walked again"


def test_a_changed_text_is_walked_again(chart: Path, walks: list[int]):
    text = chart.read_text(encoding="utf-8")
    assert prescan(text) is None and walks[0] == 1
    assert prescan(text) is None and walks[0] == 1
    assert prescan(text.replace("Pineal gland 1", "Pineal gland 9", 1)) is None
    assert walks[0] == 2
    assert prescan(text + " ") is None
    assert walks[0] == 3


def test_other_limits_walk_again_and_refuse(chart: Path, walks: list[int], monkeypatch):
    text = chart.read_text(encoding="utf-8")
    assert prescan(text) is None and walks[0] == 1
    monkeypatch.setattr(limits, "MAX_NODES", 1000)  # a limit the text is over
    found = prescan(text)
    assert found and "values" in found[0][2] and walks[0] == 2
    assert prescan(text) == found and walks[0] == 3  # a refusal is walked every time
    monkeypatch.undo()
    assert prescan(text) is None and walks[0] == 3  # remembered with the limits it had


def test_only_the_last_few_texts_are_remembered(chart: Path, walks: list[int]):
    from reflexmap.atlas import prescan as walk

    text = chart.read_text(encoding="utf-8")
    for k in range(walk.KEEP + 1):
        prescan(text + " " * k)
    assert walks[0] == walk.KEEP + 1 and len(walk._passed) == walk.KEEP
    prescan(text)  # the oldest, forgotten
    assert walks[0] == walk.KEEP + 2
