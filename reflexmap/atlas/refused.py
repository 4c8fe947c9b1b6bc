"""What the check refuses of a chart being edited, as one value the window's state holds
(`AppState.refused`) and every mode reads: the editor, presenting and the quiz. Made by
`atlas.draft.refused`; kept apart from draft.py so that the window's start imports no checker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Refused:
    """What the check refuses of a chart being edited, in one place (`AppState.refused`):
    `zones`, each zone a problem names with why (its first problem, as `reflexmap check` says
    it); `shapes`, the (view id, zone id) shapes the checked chart leaves out, drawn only to be
    fixed (`shown_atlas` puts them back). The editor marks both; presenting hides the shapes;
    a quiz never asks nor takes as an answer the zones, and shows them as left out."""

    zones: Mapping[str, str] = field(default_factory=dict)
    shapes: frozenset[tuple[str, str]] = frozenset()


NOTHING_REFUSED = Refused()  # a chart loaded, not edited: nothing refused
