"""A chart-cache entry rewritten at the current version to hold what `check` refuses (a zone
that crosses itself, parts that overlap, a zone outside its outline, a text with a control
character or nothing visible, a mirror view whose outline is not its target's mirror, a label
anchor away from its zone, a zone without sources or shapes) is damaged: the window opens the
chart from its file instead, shows the file's zones and names, and the entry is replaced by the
checked chart."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas.cache import entry_bytes, entry_plain
from reflexmap.paths import chart_cache
from reflexmap.settings import Settings

from ..atlas.cache_entries import closed, opened


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    """A window as tests/ui/conftest.py makes one: someone who has started the app before."""
    from reflexmap.ui.app import application, create_window

    application()
    settings = Settings(tmp_path / "settings.json")
    settings.setValue("notes/first-run-seen", True)

    def make():
        window = create_window(None, settings, progress_path=tmp_path / "progress.json")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def _shape(*rings):
    """The first zone's shape in plantar-left replaced by `rings` (drawn about its anchor)."""

    def change(plain: dict) -> None:
        shapes, anchors = opened(plain)
        ax, ay = anchors["plantar-left"][plain["zones"][0][0]]
        shapes[0]["plantar-left"] = [[[ax + x, ay + y] for x, y in ring] for ring in rings]
        closed(plain, shapes, anchors)

    return change


def _first_ring_moved(dx: float):
    def change(plain: dict) -> None:
        shapes, anchors = opened(plain)
        for point in shapes[0]["plantar-left"][0]:
            point[0] += dx
        closed(plain, shapes, anchors)

    return change


def _overlapping_parts(plain: dict) -> None:
    """The first zone's ring, and beside it a small square inside it (around its anchor)."""
    shapes, anchors = opened(plain)
    ax, ay = anchors["plantar-left"][plain["zones"][0][0]]
    square = [[ax - 0.8, ay - 0.8], [ax + 0.8, ay - 0.8], [ax + 0.8, ay + 0.8], [ax - 0.8, ay + 0.8]]
    shapes[0]["plantar-left"].append(square)
    closed(plain, shapes, anchors)


def _zone_text(index: int, text: str):
    def change(plain: dict) -> None:
        plain["zones"][0][index] = text

    return change


def _set(path: tuple, text: str):
    def change(plain: dict) -> None:
        where = plain
        for key in path[:-1]:
            where = where[key]
        where[path[-1]] = text

    return change


def _mirror_outline_shifted(dx: float):
    """The right sole's outline (a mirror of the left's) moved sideways: still a sound polygon
    holding its zones within the outline tolerance, but no longer the left's mirror."""

    def change(plain: dict) -> None:
        view = next(v for v in plain["views"] if v[0] == "plantar-right")
        view[3] = [[x + dx, y] for x, y in view[3]]

    return change


def _view_field(view_id: str, index: int, value):
    def change(plain: dict) -> None:
        view = next(v for v in plain["views"] if v[0] == view_id)
        view[index] = value

    return change


def _mirror_of_a_mirror(plain: dict) -> None:
    """plantar-right mirrors the left sole; the left sole is said to mirror it back, with an
    outline that is indeed the mirror of its own mirror (only the chain is wrong)."""
    left = next(v for v in plain["views"] if v[0] == "plantar-left")
    left[5] = "plantar-right"


def _anchor_in_another_zone(plain: dict) -> None:
    """The first zone's label anchor set to the anchor furthest from it (in another zone)."""
    shapes, anchors = opened(plain)
    mine = anchors["plantar-left"]
    ax, ay = mine[plain["zones"][0][0]]
    mine[plain["zones"][0][0]] = max(mine.values(), key=lambda p: (p[0] - ax) ** 2 + (p[1] - ay) ** 2)
    closed(plain, shapes, anchors)


def _zone_without_shapes(plain: dict) -> None:
    """The first zone drawn in no view (its anchors gone with its shapes)."""
    shapes, anchors = opened(plain)
    for view_id in shapes[0]:
        del anchors[view_id][plain["zones"][0][0]]
    shapes[0] = {}
    closed(plain, shapes, anchors)


def _source_twice(plain: dict) -> None:
    """A second source under the first one's id, with another title."""
    first = list(plain["sources"][0])
    first[1] = "Another title"
    plain["sources"].append(first)


def _zone_field(index: int, value):
    def change(plain: dict) -> None:
        plain["zones"][0][index] = value

    return change


# a bowtie: its edges (0,0)-(4,4) and (4,0)-(0,2) cross; its signed area is 4 mm², so only
# the crossing refuses it
BOWTIE = ((-2.0, -1.0), (2.0, 3.0), (2.0, -1.0), (-2.0, 1.0))

DAMAGE = {
    "bowtie zone": _shape(BOWTIE),
    "overlapping parts": _overlapping_parts,
    "zone outside its outline": _first_ring_moved(200.0),
    "zone partly outside its outline": _first_ring_moved(-3.0),  # 1.8 mm beyond it
    "escape and right-to-left override in a name": _zone_text(1, "Sac\x1b[31m\u202erum"),
    "control character in a claim": _zone_text(3, "the sacrum\x07"),
    "line break in a name": _zone_text(1, "Head\nand brain"),
    "blank name": _zone_text(1, "\u200b \u3164"),
    "control character in a guide name": _set(("views", 0, 4, 0, 1), "Shoulder\x1b[0m line"),
    "control character in a source title": _set(("sources", 0, 1), "Voner\x9b31m"),
    "control character in a translation": _set(("zones", 0, 10, "de", "name"), "Kopf\x00"),
    "blank chart title": _set(("title",), "\u2800"),
    "mirror view's outline not its target's mirror": _mirror_outline_shifted(0.3),
    "mirror of a view of the same foot": _view_field("plantar-right", 1, "left"),
    "mirror of a view of another aspect": _view_field("medial-right", 5, "dorsal-left"),
    "mirror of a view that does not exist": _view_field("medial-right", 5, "medial-middle"),
    "mirror of a view that is itself a mirror": _mirror_of_a_mirror,
    "two views of the same foot and aspect": _view_field("dorsal-left", 2, "medial"),
    "label anchor in another zone": _anchor_in_another_zone,
    "zone drawn in no view": _zone_without_shapes,
    "zone without a source": _zone_field(5, []),
    "two sources with one id": _source_twice,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_an_entry_holding_what_check_refuses_is_replaced_by_the_file(make_window, tmp_path: Path, kind):
    chart = tmp_path / "chart.yaml"
    # bytes of its own (one more comment): an entry no other test reads
    chart.write_bytes(builtin_chart_path().read_bytes() + f"\n# {kind}\n".encode())
    window = make_window()
    assert window.open_chart(chart)  # fills the cache
    entry = chart_cache()._entry(chart.read_bytes())
    plain = entry_plain(entry.read_bytes())
    DAMAGE[kind](plain["atlas"])
    entry.write_bytes(entry_bytes(plain))
    tampered = entry.read_bytes()

    assert window.open_chart(chart)  # the next start or open, as the window does it
    fresh = read_atlas(chart).atlas  # the file's chart, checked
    shown = window.state.atlas
    assert shown.zones == fresh.zones  # names, texts and shapes: the file's
    assert (shown.title, shown.sources, shown.translations) == (
        fresh.title,
        fresh.sources,
        fresh.translations,
    )
    assert shown.views == fresh.views
    assert window.state.atlas.zones[0].name == "Head and brain"
    assert entry.read_bytes() != tampered  # replaced by the checked chart
    again = chart_cache().get(chart.read_bytes(), chart)
    assert again is not None and again.zones == fresh.zones
