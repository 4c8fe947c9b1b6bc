"""Notes on a chart that passes the check, as `reflexmap check` prints them and the editor
counts them: texts that claim an effect (atlas/wording) and texts that leave a direction
control open (atlas/bidi_notes). One place for the rule, so the two never disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import AtlasError
    from .model import Atlas


def chart_notes(atlas: Atlas, text: str, source: str) -> tuple[AtlasError, ...]:
    """The warnings on `atlas`, read from the zone file `text` (named `source`), each at its
    file:line:column."""
    from .bidi_notes import open_control_notes
    from .wording import effect_notes, effect_wording

    effects = effect_notes(atlas, text, source) if effect_wording(atlas) else ()
    return (*effects, *open_control_notes(text, source))
