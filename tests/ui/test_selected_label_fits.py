"""A selected zone's label is drawn bold. Its column was measured in the regular weight, so the
bold text ran about 5 mm past the map's edge (a right column) or over its own leader (a left
column); then it grew towards its leader, which moved with it and touched it. Now its column
is measured in bold: the text keeps its end by the leader and grows outwards; the
label keeps its height (no smaller type), at every text size, in English and German,
browsing and editing alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from reflexmap.render.chart_scene import LEADER_GAP_MM, LEADER_STUB_MM

from .conftest import ASPECT_KEYS, click_zone, inside_point
from .test_editor_form import labels_outside


def visible_zones(window) -> list[tuple[str, str]]:
    """(view, zone) of each label on the map whose zone a click can reach on screen."""
    port = window.map.viewport().rect()
    reachable = []
    for (view_id, zone_id), label in window.map.chart.labels.items():
        if not label.text.isVisible():
            continue
        point = window.map.scene_point_to_viewport(
            view_id, *inside_point(window.state.atlas, view_id, zone_id)
        )
        if port.contains(point):
            reachable.append((view_id, zone_id))
    return reachable


def column_box(label):
    """The label's box (scene mm) as its column was measured: in the regular weight."""
    return label.text.sceneBoundingRect()


def check_bold_label(window, key, regular) -> None:
    chart = window.map.chart
    label = chart.labels[key]
    assert label.text.font().bold()
    box = label.text.sceneBoundingRect()
    # as tall as before: the type keeps its size
    assert abs(box.height() - regular.height()) < 1e-6
    if label.side in ("left", "right"):
        # its end by the leader stays where the regular text's is (within the letters' side
        # bearings): the column was measured in bold, the text grows outwards
        if label.side == "left":
            assert regular.right() - 0.5 < box.right() <= regular.right() + 0.05, key
        else:
            assert regular.left() - 0.05 <= box.left() < regular.left() + 0.5, key
        # the leader is not moved under it: its level start keeps its length, and a gap of
        # LEADER_GAP_MM stays before the bold text (before: the leader's start moved up to
        # 4.2 mm towards the foot, its level start shrank to 0.6 mm and the bold "Ischiasnerv"
        # touched the leader's end on screen)
        first, second = label.leader.path().elementAt(0), label.leader.path().elementAt(1)
        assert abs(abs(second.x - first.x) - (LEADER_STUB_MM - LEADER_GAP_MM)) < 1e-6, key
        start = QPointF(first.x, first.y)
        gap = start.x() - box.right() if label.side == "left" else box.left() - start.x()
        assert gap > LEADER_GAP_MM - 0.1, (key, gap)
    # it covers no other label
    for other_key, other in chart.labels.items():
        if other_key != key and other.text.isVisible() and other_key[0] == key[0]:
            assert not box.adjusted(0.1, 0.1, -0.1, -0.1).intersects(other.text.sceneBoundingRect()), (
                key,
                other_key,
            )


def select_each_zone_and_check(qtbot, window) -> int:
    """Click every labelled zone of every aspect in turn: every label stays inside the map,
    the bold one where its column is, beside its leader."""
    clicked = 0
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        # (a chart whose labels would be too small fitted whole shows less of itself and
        # pans: German at Largest on 1024×700, ui/label_room.py legible_scale)
        whole = window.map.pixels_per_mm() <= window.map.fit_scale() * 1.001
        assert labels_outside(window) == [] or not whole, window.state.aspect
        window.map.chart.set_selected(None)  # (the last zone clicked may be on this aspect too)
        regular = {k: column_box(label) for k, label in window.map.chart.labels.items()}
        seen = set()
        for view_id, zone_id in visible_zones(window):
            if zone_id in seen:  # a zone is selected on both feet at once
                continue
            seen.add(zone_id)
            click_zone(qtbot, window, view_id, zone_id)
            if window.state.zone_id != zone_id:
                continue  # a smaller zone lies over this one's label point
            clicked += 1
            bold = [k for k, lb in window.map.chart.labels.items() if lb.text.font().bold()]
            assert bold and all(k[1] == zone_id for k in bold)
            for k in bold:
                check_bold_label(window, k, regular[k])
            assert labels_outside(window) == [] or not whole, (window.state.aspect, zone_id)
        window.map.chart.set_selected(None)
        for k, label in window.map.chart.labels.items():  # regular again, where it was
            assert label.text.sceneBoundingRect() == regular[k], k
    return clicked


@pytest.mark.parametrize(
    ("language", "scale", "size"),
    [("en", 1.5, (1440, 900)), ("de", 1.5, (1440, 900)), ("de", 1.5, (1024, 700)), ("en", 1.0, (1024, 700))],
)
def test_every_selected_label_stays_in_its_column_on_the_map(qtbot, window_in, language, scale, size):
    """Fails on the old code: bold labels ran past the map's right edge and over their leaders."""
    window = window_in(language, size=size, text_scale=scale)
    assert select_each_zone_and_check(qtbot, window) > 40


def test_every_selected_label_stays_in_its_column_in_edit_mode(qtbot, largest_text_window):
    window = largest_text_window("en")
    window.edit_action.trigger()
    qtbot.wait(50)
    assert select_each_zone_and_check(qtbot, window) > 40


def test_items_put_back_as_drawn_cover_what_a_fresh_drawing_covers(builtin_atlas, qapp):
    """The state of the moment changes what a view's items cover (a selected zone's label
    bold and grown outwards, its zone's pen wider; a hovered or marked zone's pen wider). An
    edit drawing a view again measures the items it takes away as drawn, as the chart's
    bounds were taken (ChartScene.as_drawn): every item then covers what it covers in a
    fresh drawing of the same chart."""
    from reflexmap.render.chart_scene import ChartScene

    def covers(scene):
        items = scene.frame_items.items()
        return {view_id: [item.sceneBoundingRect() for item in drawn] for view_id, drawn in items}

    fresh = ChartScene()
    fresh.show_chart(builtin_atlas, "plantar")
    scene = ChartScene()
    scene.show_chart(builtin_atlas, "plantar")
    assert covers(scene) == covers(fresh)
    left = [key for key, label in scene.labels.items() if label.side == "left"]
    chosen, hovered, marked = left[0], left[1], left[2]
    scene.set_selected(chosen[1])  # (on both feet)
    scene.set_hovered(hovered)
    scene.mark(*marked, "✔ here")
    changed = [v for v in covers(scene) if covers(scene)[v] != covers(fresh)[v]]
    assert changed  # the state shows in what the items cover
    scene.as_drawn(set(scene.zone_items))
    assert covers(scene) == covers(fresh)
    assert not scene.selected_keys and scene._hovered is None
    assert not any(item.marked or item.selected or item.hovered for item in scene.zone_items.values())
