"""The Anki deck (`reflexmap export -o chart.apkg`): opened as Anki opens it, a zip holding an
SQLite collection and numbered media files with a `media` map."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import genanki
import pytest

from reflexmap import load_atlas, read_atlas
from reflexmap.export.anki import export_deck
from reflexmap.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]


def _open_deck(path: Path, into: Path) -> tuple[list[dict], dict[str, bytes]]:
    """The notes (guid, fields, tags, note type's field names) and the media by file name."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert "collection.anki2" in names and "media" in names
        archive.extract("collection.anki2", into)
        media_map = json.loads(archive.read("media"))
        media = {name: archive.read(number) for number, name in media_map.items()}
    db = sqlite3.connect(into / "collection.anki2")
    try:
        models = json.loads(db.execute("select models from col").fetchone()[0])
        notes = []
        for guid, mid, flds, tags in db.execute("select guid, mid, flds, tags from notes"):
            field_names = [f["name"] for f in models[str(mid)]["flds"]]
            notes.append(
                {
                    "guid": guid,
                    "fields": dict(zip(field_names, flds.split("\x1f"), strict=True)),
                    "tags": tags.split(),
                }
            )
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    finally:
        db.close()
    assert any(d["name"].startswith("ReflexMap::") for d in decks.values())
    return notes, media


def _export_cli(out: Path, *extra: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "export", *extra, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def two_exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("decks")
    first, second = folder / "one.apkg", folder / "two.apkg"
    _export_cli(first, "--language", "en")
    _export_cli(second, "--language", "en")
    return folder, first, second


def test_deck_has_two_cards_per_zone_and_view_with_fields_tags_and_pictures(two_exports):
    folder, first, _ = two_exports
    atlas = load_atlas()
    notes, media = _open_deck(first, folder / "a")
    expected = {
        genanki.guid_for(atlas.id, z.id, v.id, kind)
        for v in atlas.views
        for z in atlas.zones_in(v.id)
        for kind in ("find", "what")
    }
    assert {n["guid"] for n in notes} == expected and len(notes) == len(expected)
    sacrum_find = next(
        n for n in notes if n["guid"] == genanki.guid_for(atlas.id, "sacrum", "plantar-left", "find")
    )
    fields = sacrum_find["fields"]
    # the question, and on a line of its own the foot and view it asks about
    question = "Where do charts place the sacrum?"
    assert shown(fields["Prompt"]) == question + "Find it on the left foot, plantar view."
    assert "Charts place <b>the sacrum</b> here." in fields["Answer"]
    assert "Technique" in fields["Details"] and "Sources" in fields["Details"]
    # the question shows the view's picture; the answer lays the sacrum's over it, in one cell
    assert _sources(fields["Picture"]) == ["reflexmap-ingham-western-plantar-left.png"]
    assert 'alt="The foot with every zone outlined"' in fields["Picture"]
    assert _sources(fields["AnswerPicture"]) == [
        "reflexmap-ingham-western-plantar-left.png",
        "reflexmap-ingham-western-plantar-left-sacrum.png",
    ]
    assert "display:grid" in fields["AnswerPicture"] and fields["AnswerPicture"].count("grid-area:1/1") == 2
    assert set(sacrum_find["tags"]) >= {
        "reflexmap::ingham-western",
        "view::plantar",
        "foot::left",
        "region::spine",
        "card::find",
    }
    what = next(n for n in notes if n["guid"] == genanki.guid_for(atlas.id, "sacrum", "plantar-left", "what"))
    assert shown(what["fields"]["Prompt"]) == "What do charts place here?"
    assert "sacrum" in what["fields"]["Picture"] and "Sacrum" in what["fields"]["Answer"]
    # the question's picture does not say the answer to whoever reads its alt text (a screen
    # reader, a picture not loaded); the answer's does (tryout: "Head and brain highlighted")
    asked = {
        genanki.guid_for(atlas.id, z.id, v.id, "what"): z for v in atlas.views for z in atlas.zones_in(v.id)
    }
    for note in (n for n in notes if n["guid"] in asked):
        front, zone = note["fields"]["Picture"], asked[note["guid"]]
        assert 'alt="The zone asked about, highlighted"' in front, front
        assert zone.name not in front and zone.name in note["fields"]["AnswerPicture"]
    # every picture a note names is in the package, and is a sharp PNG
    named = {src for n in notes for f in ("Picture", "AnswerPicture") for src in _sources(n["fields"][f])}
    assert named == set(media)
    from PySide6.QtGui import QImage

    for name in (
        "reflexmap-ingham-western-plantar-left-sacrum.png",
        "reflexmap-ingham-western-medial-left.png",
    ):
        data = media[name]
        assert data.startswith(b"\x89PNG")
        image = QImage.fromData(data)
        assert max(image.width(), image.height()) >= 900
    # the overlay is the view's size (they line up at any scale) and small
    view = QImage.fromData(media["reflexmap-ingham-western-plantar-left.png"])
    sacrum = QImage.fromData(media["reflexmap-ingham-western-plantar-left-sacrum.png"])
    assert sacrum.size() == view.size() and sacrum.hasAlphaChannel() and not view.hasAlphaChannel()
    assert len(media["reflexmap-ingham-western-plantar-left-sacrum.png"]) < 20_000


class _Text(HTMLParser):
    """A field's text: all of it (as Anki's duplicate check reads it, tags stripped), or
    only what a card shows (without elements styled display:none)."""

    def __init__(self, *, shown: bool):
        super().__init__(convert_charrefs=True)
        self.shown, self.hidden, self.parts = shown, 0, []

    def handle_starttag(self, tag, attrs):
        if self.hidden or (self.shown and "display:none" in (dict(attrs).get("style") or "")):
            self.hidden += tag not in ("img", "br", "hr")

    def handle_endtag(self, tag):
        self.hidden = max(0, self.hidden - 1) if self.hidden else 0

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def shown(field: str, *, on_card: bool = True) -> str:
    parser = _Text(shown=on_card)
    parser.feed(field)
    parser.close()
    return "".join(parser.parts)


def test_each_note_has_a_first_field_of_its_own_and_cards_show_the_same_prompts(two_exports):
    """Tryout S13-14: every *what* note's first field was "What do charts place here?", so
    Anki flagged 115 of 230 notes as duplicates (it compares the first field, tags stripped)."""
    folder, first, _ = two_exports
    notes, _media = _open_deck(first, folder / "u")
    firsts = [shown(n["fields"]["Prompt"], on_card=False) for n in notes]
    assert len(set(firsts)) == len(notes)
    prompts = {shown(n["fields"]["Prompt"]) for n in notes if "card::what" in n["tags"]}
    assert prompts == {"What do charts place here?"}


def _sources(field: str) -> list[str]:
    import re

    return re.findall(r'src="([^"]+)"', field)


def test_guids_and_ids_are_stable_across_exports(two_exports):
    folder, first, second = two_exports
    notes_one, media_one = _open_deck(first, folder / "b1")
    notes_two, media_two = _open_deck(second, folder / "b2")
    assert sorted(n["guid"] for n in notes_one) == sorted(n["guid"] for n in notes_two)
    assert set(media_one) == set(media_two)


def test_deck_of_a_user_chart_escapes_its_text(qapp, tmp_path):
    source = (ROOT / "tests" / "data" / "small.yaml").read_text(encoding="utf-8")
    hostile = '<script>alert(1)</script><b onmouseover="x()">Heel</b>'
    source = source.replace('"Heel"', json.dumps(hostile))
    chart = tmp_path / "hostile.yaml"
    chart.write_text(source, encoding="utf-8")
    atlas = read_atlas(chart).atlas
    set_language("en")
    out = export_deck(atlas, tmp_path / "hostile.apkg")
    notes, media = _open_deck(out, tmp_path / "c")
    heel = [n for n in notes if n["guid"] == genanki.guid_for("test-small", "heel", "plantar-left", "find")]
    [note] = heel
    assert "<script" not in "".join(note["fields"].values())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in note["fields"]["Answer"]
    assert "reflexmap::test-small" in note["tags"]
    assert len(notes) == 2 * sum(len(atlas.zones_in(v.id)) for v in atlas.views)


def test_anki_syntax_in_chart_text_shows_as_written(qapp, tmp_path):
    """Tryout S13-14: a technique's `[sound:x.mp3]` reached the card as Anki's sound tag (it
    plays the file), `{{…}}` as template syntax; `\\(`, `[latex]`: MathJax and LaTeX."""
    source = (ROOT / "tests" / "data" / "small.yaml").read_text(encoding="utf-8")
    technique = r"Hook {{c1::in}} with the thumb {{Front}} [sound:x.mp3] \(x^2\) [latex]y[/latex]"
    source = source.replace('"Thumb-walk."', json.dumps(technique), 1)
    source = source.replace('"Heel"', json.dumps("Heel [sound:heel.mp3]"))
    chart = tmp_path / "anki.yaml"
    chart.write_text(source, encoding="utf-8")
    atlas = read_atlas(chart).atlas
    set_language("en")
    notes, _media = _open_deck(export_deck(atlas, tmp_path / "anki.apkg"), tmp_path / "d")
    fields = "".join(f for n in notes for f in n["fields"].values())
    for sign in ("[sound:", "{{", "}}", "[latex]", "\\(", "\\)"):
        assert sign not in fields, sign
    [heel] = [n for n in notes if n["guid"] == genanki.guid_for("test-small", "heel", "plantar-left", "what")]
    assert technique.replace("\\", "\\\u2060") in shown(heel["fields"]["Details"])
    assert "Heel [sound:heel.mp3]" in shown(heel["fields"]["Answer"])


def test_deck_of_a_large_chart_is_small_enough_for_a_phone(qapp, tmp_path):
    """Every card's picture used to be a whole foot of its own (about 0.33 MB: 1.0 GB for
    3,000 zones, which Anki on a phone cannot import). The cards of a view share its
    picture and each zone adds a mostly transparent overlay of a few kilobytes."""
    import yaml

    from benchmarks.synthetic import synthetic_chart
    from reflexmap.atlas import parse_atlas

    atlas = parse_atlas(yaml.safe_dump(synthetic_chart(240), sort_keys=False)).atlas
    set_language("en")
    out = export_deck(atlas, tmp_path / "large.apkg")
    notes, media = _open_deck(out, tmp_path / "large")
    # a "what" card per zone; the synthetic zones all share one claim, so each view has one
    # "find" card asking for all its places (test_anki_find_unambiguous)
    assert len(notes) == 240 + 2 and len(media) == 240 + 2
    assert sum(map(len, media.values())) < 2_000_000, sum(map(len, media.values()))
    assert out.stat().st_size < 3_000_000, out.stat().st_size
