"""A chart someone wrote may say a zone heals (tryout S13-2: "This point cures sciatica and
heals the kidneys." passed `check` without a word and stood on the card as the chart's word).
`check` notes each such text at its place and still passes the file; the card and the editor
say it under the texts."""

from __future__ import annotations

import shutil
from pathlib import Path

from reflexmap import cli
from reflexmap.atlas import load_atlas
from reflexmap.atlas.wording import effect_notes, effect_wording, effect_words, zone_effect_words
from reflexmap.content.zone_card import details_html

DATA = Path(__file__).resolve().parents[1] / "data"


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "cure.yaml"
    shutil.copy(DATA / "small.yaml", path)
    text = path.read_text(encoding="utf-8").replace(
        '    technique: "Thumb-walk."\n',
        '    technique: "Thumb-walk."\n'
        '    note: "This point cures sciatica and heals the kidneys."\n'
        "    translations:\n"
        '      de: {note: "Dieser Punkt lindert Ischias."}\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_words_of_either_language_are_found_as_written():
    found = effect_words("This point Cures sciatica and heals; dieser lindert")
    assert found == ["Cures", "heals", "lindert"]
    assert effect_words("Charts place the kidneys here; needs treatment within hours") == []


def test_the_built_in_charts_have_none():
    assert effect_wording(load_atlas()) == []


def test_check_notes_each_text_at_its_place_and_passes_the_file(tmp_path, capsys):
    path = _chart(tmp_path)
    assert cli.check([str(path)]) == 0
    out = capsys.readouterr().out.translate(dict.fromkeys(map(ord, "\u2068\u2069")))
    lines = out.splitlines()
    assert lines[0] == f"{path}: ok (3 views, 5 zones)"
    text = path.read_text(encoding="utf-8").splitlines()
    note_line = next(i for i, line in enumerate(text, 1) if "cures" in line)
    de_line = next(i for i, line in enumerate(text, 1) if "lindert" in line)
    assert lines[1].startswith(
        f"{path}:{note_line}:11: note: the note of zone 'Heel' [heel] says “cures”, “heals”"
    )
    assert lines[2].startswith(f"{path}:{de_line}:")
    assert "“lindert”" in lines[2] and "(de)" in lines[2]


def test_a_clean_chart_gets_no_note(capsys):
    assert cli.check([str(DATA / "small.yaml")]) == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_notes_name_the_place_even_without_translations(tmp_path):
    path = _chart(tmp_path)
    atlas = load_atlas(path)
    notes = effect_notes(atlas, path.read_text(encoding="utf-8"), "cure.yaml")
    assert [(n.line > 0, n.column > 0) for n in notes] == [(True, True), (True, True)]


def test_the_card_says_it_under_the_texts(tmp_path):
    atlas = load_atlas(_chart(tmp_path))
    heel = atlas.zone("heel")
    assert zone_effect_words(heel) == ["cures", "heals", "lindert"]
    card = details_html(atlas, heel)
    assert "speaks of an effect" in card and card.index("speaks of") > card.index("cures sciatica")
    assert "speaks of an effect" not in details_html(atlas, atlas.zone("band"))
