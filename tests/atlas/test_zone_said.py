"""Messages name a zone by its name as shown, isolated, not by the file's id alone: the
editor's refusals by the name (the person sees the zone), `reflexmap check`'s owner phrase and
its notes about a zone's texts with the id in brackets (the person looks for it in the file);
in the interface's language, German too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflexmap import cli, i18n
from reflexmap.atlas.document import read_document
from reflexmap.atlas.edits import BreakMirror, EditRefused, MoveVertex

DATA = Path(__file__).resolve().parents[1] / "data"
ISOLATES = dict.fromkeys(map(ord, "\u2068\u2069"))


def _chart(tmp_path: Path, name: str, german: str | None) -> Path:
    """small.yaml with the zone 'heel' named `name` (and `german` in German)."""
    path = tmp_path / "named.yaml"
    shutil.copy(DATA / "small.yaml", path)
    text = path.read_text(encoding="utf-8")
    named = f'name: "{name}"'
    if german is not None:
        named += f'\n    translations:\n      de:\n        name: "{german}"'
    path.write_text(text.replace('name: "Heel"', named, 1), encoding="utf-8")
    return path


@pytest.fixture
def german():
    i18n.set_language("de")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_editors_refusals_name_the_zone_as_shown(tmp_path, language):
    path = _chart(tmp_path, "Heel \u202eright", "Ferse")
    document = read_document(path)
    i18n.set_language(language)
    try:
        with pytest.raises(EditRefused) as mirrored:
            MoveVertex("heel", "plantar-right", 0, 0, (0.0, 5.0)).apply(document)
        with pytest.raises(EditRefused) as not_mirror:
            BreakMirror("heel", "plantar-left").apply(document)
    finally:
        i18n.set_language("en")
    shown = "Ferse" if language == "de" else "Heel \\u202eright"  # its override shown, never obeyed
    for refused in (mirrored, not_mirror):
        message = str(refused.value)
        assert f"'{shown}'" in message, message
        assert "'heel'" not in message


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "missing key 'technique' in zone 'Heel' [heel]"),
        ("de", "in Zone 'Ferse' [heel]"),
    ],
)
def test_check_names_the_zone_with_its_id_to_find_it(tmp_path, capsys, language, said):
    path = _chart(tmp_path, "Heel", "Ferse")
    path.write_text(path.read_text().replace('    technique: "Thumb-walk."\n', "", 1))
    try:
        assert cli.check([str(path)], language) != 0
    finally:
        cli.check([], "en")
    out = capsys.readouterr()
    text = (out.out + out.err).translate(ISOLATES)
    assert said in text, text
