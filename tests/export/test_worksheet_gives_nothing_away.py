"""A worksheet is for writing the zones' names in: the guide lines stay drawn (they are the
chart's landmarks), but not their names, which stood on or beside the zones they are named
after ("Sciatic line" on the sciatic nerve's zone, "Diaphragm line" by the diaphragm's: tryout,
in German too). The chart handout and the answer key keep them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reflexmap.cli import main

GUIDE_NAMES = {
    "en": ("Sciatic", "Diaphragm", "Waistline", "Shoulder"),
    "de": ("Ischiaslinie", "Zwerchfelllinie", "Taillenlinie", "Schulterlinie"),
}


def _words(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_worksheet_draws_the_guide_lines_without_their_names(tmp_path: Path, language):
    from reflexmap import i18n

    said = {}
    try:
        for kind in ("worksheet", "chart", "answer-key"):
            out = tmp_path / f"{kind}.pdf"
            args = ["export", "--handout", kind, "--view", "plantar", "--language", language, "-o", str(out)]
            assert main(args) == 0
            said[kind] = _words(out)
    finally:
        i18n.set_language("en")
    names = GUIDE_NAMES[language]
    assert not any(name in said["worksheet"] for name in names), said["worksheet"][:400]
    for kind in ("chart", "answer-key"):
        assert all(name in said[kind] for name in names), (kind, said[kind][:400])
