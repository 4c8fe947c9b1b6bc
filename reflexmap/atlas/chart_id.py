"""The edit that gives a chart another id: a chart saved as a copy of another (Save as of a
built-in chart, of one's own chart under a new name) gets an id no known chart has, so that
progress, statistics and Anki cards (kept by chart id) never mix between the two. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from .edits import Edit


@dataclass(frozen=True, slots=True)
class SetChartId(Edit):
    chart_id: str

    def change(self, tree: CommentedMap) -> Edit:
        old = tree.get("id")
        tree["id"] = self.chart_id
        return SetChartId(old if isinstance(old, str) else "")
