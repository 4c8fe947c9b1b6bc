"""View → Show guide lines off: the chart's key no longer shows the guide lines' sample, and
on again it does; the view keeps its zoom (tryout: with the lines off, the key still listed
"guide lines (approximate)", naming lines drawn nowhere)."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSimpleTextItem

GUIDE_TEXT = "guide lines (approximate)"


def _key_texts(window) -> list[str]:
    key = window.map.chart.key
    assert key is not None
    return [
        item.text() for item in key.swatches if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()
    ]


def _guides_seen(window) -> bool:
    return any(item.isVisible() for item in window.map.chart.guide_items)


def test_the_key_shows_the_guide_sample_only_while_the_lines_are_shown(qtbot, window):
    assert window.guides_action.isChecked() and _guides_seen(window)
    assert any(GUIDE_TEXT in text for text in _key_texts(window)), _key_texts(window)
    window.guides_action.trigger()  # off
    qtbot.wait(50)
    assert not window.state.guides_visible and not _guides_seen(window)
    assert not any(GUIDE_TEXT in text for text in _key_texts(window)), _key_texts(window)
    assert any("Head" in text for text in _key_texts(window))  # the regions stay
    window.guides_action.trigger()  # on again
    qtbot.wait(50)
    assert window.state.guides_visible and _guides_seen(window)
    assert any(GUIDE_TEXT in text for text in _key_texts(window)), _key_texts(window)


def test_a_view_switched_with_the_lines_off_has_no_guide_sample(qtbot, window):
    window.guides_action.trigger()  # off
    qtbot.wait(50)
    window.aspect_actions["medial"].trigger()
    qtbot.wait(50)
    assert window.state.aspect == "medial"
    assert not _guides_seen(window)
    assert not any(GUIDE_TEXT in text for text in _key_texts(window)), _key_texts(window)
