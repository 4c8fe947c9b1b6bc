"""Guide names of a view drawn again alone (an edit: render/chart_scene_update.py) placed as a
drawing of the whole chart places them (render/chart_scene_guides.py `place_guide_names`): at
the size every view's names share, and at mirrored spots with the mirrored foot's names.

A whole drawing finds each view's names from the largest size down (its own step), sets all
views at the smallest own step (the common step), places again there the names of views that
stood larger, then pairs mirrored feet. Drawn alone, a view does the same with what the other
views' names found when they were last placed (kept by view); where the common step would
change, or a foot not drawn again would have its names paired otherwise, the whole chart is
drawn again (`names_apart`). Part of `ChartScene` (render/chart_scene.py)."""

from __future__ import annotations

from ..layout.frames import Frame
from .chart_scene_parts import COMMON_GUIDE_STEP


class GuidesAloneMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def _forget_guide_steps(self) -> None:
        """A new drawing of the whole chart: nothing kept of the last one's names."""
        self._own_steps: dict[str, int] = {}  # view id -> the step its names found alone
        self._unpaired: dict[str, list[tuple]] = {}  # view id -> its places before the pairing
        self._pending_of: dict[str, list] = {}  # view id -> its guides' pending names
        self._final: dict[str, list[tuple]] = {}  # view id -> the places drawn
        self._place_tokens: dict[str, str] = {}  # view id -> its places' kept token (_pair_kept)
        self.names_apart = False  # a view's names drawn alone differ from a whole drawing's

    def _own_step(self, places: list[tuple]) -> int:
        """The step a view's names found from the largest size hold the others to."""
        return min(COMMON_GUIDE_STEP, max(self._guide_size_step(p[1]) for p in places)) if places else 0

    def _note_guide_places(self, view_id: str, own: int, unpaired: list[tuple], pending: list) -> None:
        self._own_steps[view_id] = own
        self._unpaired[view_id] = list(unpaired)
        self._pending_of[view_id] = pending
        self._final[view_id] = list(unpaired)

    def _places_alone(self, frame: Frame) -> list[tuple]:
        """The places of `_pending_names` on `frame`'s view drawn again alone, as a whole
        drawing finds them before the pairing (see the module's docstring); `names_apart` set
        where the common step it gives is not the one the other views' names stand at."""
        view_id = frame.view.id
        found = self._find_guide_places(frame, 0)
        own = self._own_step(found)
        shown = {f.view.id for f in self.frames}
        others = [step for v, step in self._own_steps.items() if v != view_id and v in shown]
        if max([own, *others]) != self._guide_step:
            self.names_apart = True  # the other views' names would change size: drawn whole
        common = self._guide_step
        if found and max(self._guide_size_step(p[1]) for p in found) < common:
            found = self._find_guide_places(frame, common)
        self._note_guide_places(view_id, own, found, self._pending_names)
        return found

    def pair_names_again(self, redrawn: set[str]) -> None:
        """After views were drawn again alone (`redrawn`), mirrored feet's names paired as a
        whole drawing pairs them: a redrawn foot's names put at their paired places; where a
        foot not drawn again would stand otherwise, `names_apart` (drawn whole)."""
        by_id = {frame.view.id: frame for frame in self.frames}
        for frame in self.frames:
            source = by_id.get(frame.view.mirror_of) if frame.view.mirror_of else None
            if source is None or not {frame.view.id, source.view.id} & redrawn:
                continue
            pair = [f for f in self.frames if f.view.id in (frame.view.id, source.view.id)]
            if any(f.view.id not in self._unpaired for f in pair):
                self.names_apart = True
                return
            waiting = {f.view.id: self._pending_of[f.view.id] for f in pair}
            found = {f.view.id: list(self._unpaired[f.view.id]) for f in pair}
            self._pair_mirrored_names(pair, waiting, found)
            for f in pair:
                if found[f.view.id] == self._final[f.view.id]:
                    continue
                if f.view.id not in redrawn:
                    self.names_apart = True
                    return
                self._swap_guide_names(f, found[f.view.id])

    def _swap_guide_names(self, frame: Frame, places: list[tuple]) -> None:
        """`frame`'s view's guide names (and veils) drawn at `places` instead of where they are."""
        view_id = frame.view.id
        items = self.frame_items[view_id]
        name_ids = {id(i) for i in self.guide_names}
        old = [i for i in items if id(i) in name_ids]
        guide_items, guide_names = self.guide_items, self.guide_names
        self.guide_items, self.guide_names = [], []
        self._pending_names, self._drawing = self._pending_of[view_id], []
        try:
            self._put_guide_names(places)
            new = self.guide_names
        finally:
            self._drawing = None
            self.guide_items, self.guide_names = guide_items, guide_names
        if not self._replace_names(view_id, items, old, new):  # (not as drawn: the whole chart drawn again)
            self.names_apart = True
            return
        self._final[view_id] = list(places)
