"""An export to a name with no working ending is refused with one message that names the
ending given (or that there is none, or that the name is a folder) and every format that works,
from the one table of formats, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.cli import main
from reflexmap.export.formats import SUFFIXES

DATA = Path(__file__).parent / "data"


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _refused(capsys, *args: str) -> str:
    assert main(["export", "--atlas", str(DATA / "small.yaml"), *args]) == 1
    return capsys.readouterr().err


def _names_every_format(text: str) -> None:
    for suffix in (".png", ".svg", ".pdf", ".html", ".apkg"):  # .html and .apkg were left out
        assert suffix in text, text
    assert all(suffix in text for suffix in SUFFIXES), text


def test_a_name_with_an_unknown_ending_is_told_every_format(qapp, english, tmp_path, capsys):
    err = _refused(capsys, "-o", str(tmp_path / "chart.txt"))
    assert "'.txt'" in err, err
    _names_every_format(err)
    assert not (tmp_path / "chart.txt").exists()


def test_a_folder_or_a_name_without_an_ending_is_said_so(qapp, english, tmp_path, capsys):
    folder = tmp_path / "charts"
    folder.mkdir()
    err = _refused(capsys, "-o", str(folder))
    assert f"{folder} is a folder" in err and "''" not in err, err
    _names_every_format(err)
    err = _refused(capsys, "-o", str(tmp_path / "chart"))
    assert "has no file-name ending" in err and "''" not in err, err
    _names_every_format(err)


def test_the_message_is_german_in_german(qapp, english, tmp_path, capsys):
    err = _refused(capsys, "--language", "de", "-o", str(tmp_path / "chart.txt"))
    assert "unbekanntes Exportformat '.txt'" in err, err
    _names_every_format(err)
