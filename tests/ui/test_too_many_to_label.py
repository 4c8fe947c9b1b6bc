"""A view with more zones than can be labelled says so under the chart (S15-20): its labels
all vanished while "Show labels" stayed pressed, and nothing said why. In English and German;
gone with the labels hidden, and on a view that is labelled."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reflexmap.atlas import builtin_charts
from reflexmap.atlas.coords import MAX_LABELLED_ZONES

SAID = {
    "en": "Too many zones on this view to label",
    "de": "Zu viele Zonen in dieser Ansicht zum Beschriften",
}


def crowded_chart(tmp_path, squares: int):
    """The built-in alternative chart with `squares` small squares on the medial view."""
    path = next(p for p in builtin_charts() if "alternative" in p.stem)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    template = next(z for z in data["zones"] if "medial-left" in z["shapes"])
    for k in range(squares):
        x, y = 110 + (k % 30) * 2.0, 18 + (k // 30) * 2.0
        zone = {key: value for key, value in template.items() if key not in ("shapes", "id", "name")}
        zone["id"], zone["name"] = f"square-{k}", f"Square {k}"
        zone["shapes"] = {
            "medial-left": [[x, y], [x + 1.6, y], [x + 1.6, y + 1.6], [x, y + 1.6]],
            "medial-right": "mirror",
        }
        data["zones"].append(zone)
    out = tmp_path / "crowded.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _notes(window) -> list[str]:
    """The chart's texts that say a view is too full to label, where the map shows them."""
    view = window.map
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return [
        item.text()
        for item in view.chart.items()
        if isinstance(item, QGraphicsSimpleTextItem)
        and item.isVisible()
        and any(said in item.text() for said in SAID.values())
        and shown.contains(item.sceneBoundingRect())
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_view_too_full_to_label_says_so_under_the_chart(qtbot, window_in, tmp_path, language):
    window = window_in(language, size=(1440, 900))
    window.show()
    qtbot.waitExposed(window)
    assert window.open_chart(crowded_chart(tmp_path, MAX_LABELLED_ZONES + 10))
    window.aspect_actions["medial"].trigger()  # View → Medial
    qtbot.wait(20)
    count = len(window.state.atlas.zones_in("medial-left"))
    assert count > MAX_LABELLED_ZONES
    assert window.map.chart.labels == {}  # too many: no labels …
    notes = _notes(window)
    assert len(notes) == 1 and SAID[language] in notes[0]  # … and the chart says so, in view
    assert f"({count})" in notes[0]
    assert not window.labels_action.isEnabled()  # (greyed here: see the test below)
    window.aspect_actions["lateral"].trigger()  # a view that is labelled says nothing
    qtbot.wait(20)
    assert window.map.chart.labels and _notes(window) == []
    window.labels_action.trigger()  # View → Show labels off (there): nothing to explain
    window.aspect_actions["medial"].trigger()
    qtbot.wait(20)
    assert _notes(window) == []
    window.aspect_actions["lateral"].trigger()
    window.labels_action.trigger()  # on again
    window.aspect_actions["medial"].trigger()
    qtbot.wait(20)
    assert len(_notes(window)) == 1


@pytest.mark.parametrize("language", ["en", "de"])
def test_show_labels_is_greyed_on_a_view_too_full_to_label_and_says_why(qtbot, window_in, tmp_path, language):
    """Pressing "Show labels" there changed nothing: it is greyed, its tip says why (the
    status line's words); on a view that is labelled it works again."""
    window = window_in(language, size=(1440, 900))
    assert window.open_chart(crowded_chart(tmp_path, MAX_LABELLED_ZONES + 10))
    action = window.labels_action
    window.aspect_actions["lateral"].trigger()  # a labelled view: it works
    qtbot.wait(20)
    assert action.isEnabled()
    window.aspect_actions["medial"].trigger()  # (this chart's medial view: 94 zones)
    qtbot.wait(20)
    assert not action.isEnabled()
    said = "Too many zones in this view to label" if language == "en" else "Zu viele Zonen in dieser Ansicht"
    assert said in action.toolTip() and said in action.statusTip()
    menu_items = [a for a in window.menuBar().actions() if a.menu() and action in a.menu().actions()]
    assert menu_items, "Show labels is in the View menu"
    labels_before = window.state.labels_visible
    action.trigger()  # greyed: nothing happens
    assert window.state.labels_visible == labels_before
    window.aspect_actions["lateral"].trigger()
    qtbot.wait(20)
    assert action.isEnabled() and said not in action.toolTip() and not action.statusTip()
    action.trigger()
    assert window.state.labels_visible != labels_before
