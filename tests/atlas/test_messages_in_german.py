"""`reflexmap check` in a German environment says every kind of error in German, at the same
place as in English: the loader's, the YAML parser's (mapped from PyYAML's own English), the
schema's, the limits' and the builder's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.atlas import parse_atlas, read_atlas, yaml_source

from ..hostile.cases import chart

# file name -> its bytes (None: made specially), and a German word its message must hold
BROKEN: dict[str, tuple[bytes | None, str]] = {
    "empty.yaml": (b"", "leer"),
    "latin1.yaml": ("title: Café\n".encode("latin-1"), "kein UTF-8-Text"),
    "utf16.yaml": (chart().encode("utf-16"), "UTF-16-Text"),
    "nul.yaml": (b"title: a\x00b\n", "NUL-Zeichen"),
    "joined.yaml": ((chart() + "\ufeffid: y\n").encode(), "Byte-Reihenfolge-Markierung"),
    "control.yaml": (b"title: a\x07b\n", "Steuerzeichen"),
    "top-list.yaml": (b"- 1\n- 2\n", "oberster Ebene"),
    "no-colon.yaml": (chart().replace("    region: spine\n", "    region\n").encode(), "fehlt ein ':'"),
    "colon.yaml": (chart().replace('claim: "x"', "claim: x: y").encode(), "nicht erlaubt"),
    "indent.yaml": (chart().replace("    region: spine", "   region: spine").encode(), "Einrückung"),
    "bracket.yaml": (chart("[[0, 0], [10, 0], [10, 10], [0, 10]").encode(), "vor ihrer schließenden ']'"),
    "quote.yaml": (chart().replace('name: "Z"', 'name: "Z').encode(), "in seiner Zeile nicht geschlossen"),
    "quote-at-end.yaml": ((chart() + 'more: "x\n').encode(), "nie geschlossen"),
    "tab.yaml": (b"atlas_format: 1\n\tid: t\n", "Tabulator"),
    "escape.yaml": (chart().replace('name: "Z"', 'name: "Z\\q"').encode(), "Escape-Folge"),
    "half-pair.yaml": (chart().replace('name: "Z"', 'name: "Z\\ud800"').encode(), "steht für kein Zeichen"),
    "hex-digits.yaml": (chart().replace('name: "Z"', 'name: "Z\\uzz12"').encode(), "Hexadezimalziffern"),
    "two-docs.yaml": ((chart() + "---\nmore: 1\n").encode(), "zweites Dokument"),
    "alias.yaml": (chart().replace('claim: "x"', "claim: *nowhere").encode(), "unbekannter Alias"),
    "duplicate-key.yaml": (chart().replace('claim: "x"', 'claim: "x"\n    claim: "y"').encode(), "doppelter"),
    "tag.yaml": (chart().replace('name: "Z"', "name: !!python/object x").encode(), "nicht erlaubt"),
    "missing-key.yaml": (chart().replace('    claim: "x"\n', "").encode(), "fehlt in Zone 'Z' [z]"),
    "wrong-type.yaml": (chart().replace('name: "Z"', "name: [1]").encode(), "muss Text sein"),
    "unknown-key.yaml": (
        chart().replace('claim: "x"', 'claim: "x"\n    colour: red').encode(),
        "unbekannter",
    ),
    "bad-region.yaml": (chart().replace("region: spine", "region: elbow").encode(), "kein gültiger Wert"),
    "format.yaml": (chart().replace("atlas_format: 1", "atlas_format: 7").encode(), "liest Format 1"),
    "out-of-range.yaml": (chart("[[0, 0], [10, 0], [10, 1.0e+9], [0, 10]]").encode(), "außerhalb"),
    "nan.yaml": (chart("[[0, 0], [10, 0], [10, .nan], [0, 10]]").encode(), "Zahlen dezimal schreiben"),
    "octal.yaml": (chart("[[0, 0], [010, 0], [10, 10], [0, 10]]").encode(), "Zahlen dezimal schreiben"),
    "region-off.yaml": (chart().replace("region: spine", "region: off").encode(), "'off'"),
    "keys.yaml": ("".join(f"k{i}: {i}\n" for i in range(1001)).encode(), "mehr als 1.000 Schlüssel"),
    "long-number.yaml": (chart().replace('claim: "x"', "claim: " + "9" * 150).encode(), "Zahl aus 150"),
    "long-key.yaml": (("k" * 1100 + ": 1\n").encode(), "Zeichen lang"),
    "mirror.yaml": (
        chart().replace("aspect: plantar, outline:", "aspect: plantar, mirror_of: x, outline:").encode(),
        "nicht beides",
    ),
    "too-large.yaml": (None, "33.554.491 Bytes"),
    "folder.yaml": (None, "Ordner"),
    "missing.yaml": (None, "gibt es nicht"),
}


def _make(folder: Path) -> dict[str, Path]:
    paths = {}
    for name, (raw, _word) in BROKEN.items():
        path = folder / name
        if name == "too-large.yaml":
            with open(path, "wb") as handle:
                handle.truncate(33_554_491)
        elif name == "folder.yaml":
            path.mkdir()
        elif raw is not None:
            path.write_bytes(raw)
        paths[name] = path
    return paths


def _german_check(paths: list[Path], *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANGUAGE": "de", "LANG": "de_DE.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "reflexmap", *extra, *map(str, paths)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_in_a_german_environment_says_every_kind_of_error_in_german(tmp_path):
    paths = _make(tmp_path)
    result = _german_check(list(paths.values()), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{len(paths)} Dateien von {len(paths)} haben Fehler" in result.stderr
    said = result.stdout.splitlines()
    for name, path in paths.items():
        english = read_atlas(path).errors  # in-process: English
        first = english[0]
        lines = [line for line in said if line.startswith(f"{path}:")]
        assert len(lines) == len(english), (name, lines)
        german = lines[0]
        where = f"{path}:{first.line}:{first.column}: " if first.placed else f"{path}: "
        assert german.startswith(where), (name, german, str(first))  # the same place
        message = german[len(where) :]
        assert BROKEN[name][1] in message, (name, message)
        assert message != first.message, (name, message)
        # nothing of the parser's or jsonschema's English is left
        for english_word in ("expected", "allowed", "found", " is not ", "missing", "must be", "the file"):
            assert english_word not in message, (name, message)


def test_a_chart_that_passes_is_said_in_german_too(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(chart(), encoding="utf-8")
    result = _german_check([good], "check")
    assert result.returncode == 0
    assert f"{good}: in Ordnung (1 Ansicht, 1 Zone)" in result.stdout


def test_export_of_a_broken_chart_says_its_errors_in_german(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(chart().replace('name: "Z"', 'name: "Z'), encoding="utf-8")
    out = tmp_path / "out.png"
    env = {**os.environ, "LANGUAGE": "de", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "export", "--chart", str(bad), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and not out.exists()
    assert (
        f"{bad}:10:11: dieser Text in Anführungszeichen wird in seiner Zeile nicht geschlossen: "
        "er läuft bis zum Anführungszeichen in Zeile 12, Spalte 12 weiter"
    ) in result.stderr


@pytest.fixture
def german():
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def test_the_parsers_own_english_never_reaches_a_german_reader(german):
    """Each YAML mistake PyYAML words in its own English is said in German, whichever of its
    two parsers reads the file (libyaml, or the pure-Python one it falls back to)."""
    from reflexmap.atlas import yaml_source

    mistakes = [
        "a: 1\nb\nc: 2\n",
        "a: b: c\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  - 1\n - 2\n",
        "- a\nb: 1\n",
        "a: [1, 2\nb: 3\n",
        "a: {x: 1\nb: 3\n",
        "a:\n\tb: 1\n",
        "a: @x\n",
        'a: "x\\qy"\n',
        "a: & x\n",
        "a: !x!y z\n",
        "a: |0\n  x\n",
        "%YAML 2.0\n---\na: 1\n",
        "a: 'x\n",
        "a: ]\n",
    ]
    import yaml

    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        yaml_source._Loader, before = loader, yaml_source._Loader
        try:
            for text in mistakes:
                errors = parse_atlas(text, "t.yaml").errors
                assert len(errors) == 1 and errors[0].placed, (text, errors)
                message = errors[0].message
                assert "YAML-Syntaxfehler" not in message, (loader.__name__, text, message)
                for english in ("expected", "allowed", "found", "could not", "while"):
                    assert english not in message, (loader.__name__, text, message)
        finally:
            yaml_source._Loader = before


def test_german_messages_write_decimals_with_a_comma(german):
    error = parse_atlas(chart("[[0, 0], [10, 0], [35, 10], [0, 10]]"), "t.yaml").errors[0]
    assert "Punkt 3 der Zone liegt 15,0 mm außerhalb" in error.message


def _ring(points: int) -> str:
    import math

    step = 2 * math.pi / points
    return (
        "["
        + ", ".join(
            f"[{5 * math.cos(i * step):.4f}, {50 + 5 * math.sin(i * step):.4f}]" for i in range(points)
        )
        + "]"
    )


WALKED = {  # refused by the quick walk before parsing (prescan.py), German word
    "polygon": (
        lambda: chart(_ring(100_001)),
        "ein Polygon hat mehr als 100.000 Punkte; die Grenze ist 100.000",
    ),
    "keys": (
        lambda: "".join(f"k{i}: {i}\n" for i in range(20_000)),
        "eine Zuordnung hat mehr als 1.000 Schlüssel",
    ),
    "zones": (
        lambda: (
            chart()
            + "".join(
                f"  - id: z{k}\n    name: Z\n    region: spine\n    claim: x\n    technique: y\n"
                f"    sources: [s1]\n    confidence: sourced\n    shapes:\n"
                f"      plantar-left: [[0, 0], [9, 0], [0, 9]]\n"
                for k in range(10_001)
            )
        ),
        "mehr als 10.000 Zonen; die Grenze ist 10.000",
    ),
}


@pytest.mark.parametrize("kind", WALKED)
def test_the_quick_walks_refusals_are_said_in_german_as_the_parser_says_them(kind, german, monkeypatch):
    from reflexmap.atlas import prescan as walk

    make, said = WALKED[kind]
    text = make()
    assert walk.prescan(text), "the walk refuses it before parsing"
    walked = parse_atlas(text, "t.yaml").errors
    monkeypatch.setattr(yaml_source, "prescan", lambda text: [])
    parsed = parse_atlas(text, "t.yaml").errors
    assert walked[0] == parsed[0]  # the same place and the same words
    assert said in walked[0].message


@pytest.mark.parametrize(
    ("escape", "said"),
    [
        ("\\ud800", "names no character"),  # half of a UTF-16 pair (it was "an unknown escape")
        ("\\U0011ffff", "names no character"),  # beyond Unicode
        ("\\uzz12", "hexadecimal digits"),
        ("\\x4", "hexadecimal digits"),
        ("\\q", "an unknown escape"),
    ],
)
def test_a_bad_escape_is_named_for_what_it_is_at_its_backslash(escape, said):
    text = chart().replace('name: "Z"', f'name: "Zé{escape}"')
    errors = parse_atlas(text, "f.yaml").errors
    line = text[: text.index(escape)].count("\n") + 1
    column = text.index(escape) - text.rfind("\n", 0, text.index(escape))
    assert [(e.line, e.column) for e in errors] == [(line, column)] and said in errors[0].message, errors
