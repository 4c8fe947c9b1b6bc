"""The order in which the keyboard (Tab, the presenter's steps, a screen reader, the web
page's Tab) visits the zones: along each foot from the toes to the heel, views in the order
they are drawn (left foot first). Pure, no Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..atlas import View
from .frames import Frame, is_wide

Key = tuple[str, str]  # (view id, zone id)


def along_foot(view: View, zone_ids: Iterable[str], anchors: Mapping[str, tuple[float, float]]) -> list[str]:
    """`zone_ids` of one view sorted toes to heel by their label `anchors` (mm in the view).
    Side views run from the toes' end to the heel, where the leg rises."""
    if is_wide([view]):
        heel_x = max(view.outline, key=lambda p: p[1])[0]
        return sorted(zone_ids, key=lambda z: (-abs(anchors[z][0] - heel_x), -anchors[z][1]))
    return sorted(zone_ids, key=lambda z: (-anchors[z][1], anchors[z][0]))


def keyboard_order(
    frames: Sequence[Frame], keys: Iterable[Key], anchors: Mapping[Key, tuple[float, float]]
) -> list[Key]:
    """`keys` (each drawn zone in each view) along the feet, view by view as `frames` go."""
    by_view: dict[str, list[str]] = {}
    for view_id, zone_id in keys:
        by_view.setdefault(view_id, []).append(zone_id)
    order: list[Key] = []
    for frame in frames:
        view_id = frame.view.id
        own = {z: anchors[(view_id, z)] for z in by_view.get(view_id, [])}
        order += [(view_id, z) for z in along_foot(frame.view, own, own)]
    return order
