"""With German chosen, a chart's guide lines carry their German names wherever the file has
them, also on a chart whose zones (or whose title and sources) are not translated (tryout
S9-2: a chart adding zones to the built-in views, and a chart of 2,500 zones, showed the
guide names in English although the file had the German ones)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reflexmap.atlas import read_atlas
from reflexmap.atlas.loader import builtin_chart_path
from reflexmap.atlas.model import Atlas
from reflexmap.ui import dialogs

KINDS = ("chart", "sources", "guides", "zones")


def _chart_translating_only(tmp_path: Path, kind: str) -> Path:
    """The built-in chart with the German texts of `kind` only (the others dropped)."""
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    holders = {
        "chart": [data],
        "sources": data["sources"],
        "guides": [g for v in data["views"] for g in v.get("guides", [])],
        "zones": data["zones"],
    }
    assert any(item.get("translations", {}).get("de") for item in holders[kind]), kind
    for other, items in holders.items():
        for item in items if other != kind else ():
            item.pop("translations", None)
    path = tmp_path / f"only-{kind}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _german_texts(atlas: Atlas, kind: str) -> list[tuple[str, str]]:
    """(text shown, German text in the file) of each text of `kind`."""
    if kind == "chart":
        return [(atlas.title, atlas.translations["de"]["title"])]
    if kind == "sources":
        translated = [s for s in atlas.sources.values() if "de" in s.translations]
        return [(s.note, s.translations["de"]["note"]) for s in translated]
    if kind == "guides":
        return [(g.name, g.translations["de"]["name"]) for v in atlas.views for g in v.guides]
    return [(z.name, z.translations["de"]["name"]) for z in atlas.zones]


@pytest.mark.parametrize("kind", KINDS)
def test_a_chart_translating_one_kind_of_text_is_shown_in_german_there(tmp_path, kind):
    atlas = read_atlas(_chart_translating_only(tmp_path, kind)).atlas
    assert atlas is not None and atlas.languages() == {"de"}
    shown = _german_texts(atlas.localized("de"), kind)
    assert shown and all(text == german for text, german in shown)


def _guide_names_drawn(window) -> list[str]:
    return sorted(" ".join(item.text().split()) for item in window.map.chart.guide_names[1::2])


def test_german_window_names_the_guides_of_a_chart_without_zone_translations_in_german(
    qtbot, window, tmp_path, monkeypatch
):
    """Settings → Language → Deutsch, File → Open chart… of a chart whose only German texts
    are its guide lines' names: the map shows those (before: the English ones)."""
    path = _chart_translating_only(tmp_path, "guides")
    window.language_actions["de"].trigger()
    german = window.successor
    qtbot.addWidget(german)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    german.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: german.state.atlas.path == path)
    qtbot.wait(10)
    guides = [g for v in german.state.atlas.views_of(german.state.aspect) for g in v.guides]
    assert guides and all(g.name == g.translations["de"]["name"] for g in guides)
    shown = [name.rstrip("…") for name in _guide_names_drawn(german)]
    german_names = {g.translations["de"]["name"] for g in guides}
    assert len(shown) == len(guides)
    assert all(any(name.startswith(text) for name in german_names) for text in shown), shown
