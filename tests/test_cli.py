"""The command line: check, export and screenshot, as a user or a script calls them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reflexmap.cli import main

DATA = Path(__file__).parent / "data"


def test_check_clean_file_exits_0(capsys):
    assert main(["check", str(DATA / "small.yaml")]) == 0
    assert "small.yaml: ok (3 views, 5 zones)" in capsys.readouterr().out


def one_of_each(folder: Path) -> Path:
    """The small chart cut down to one view and one zone."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    views = text[text.index("views:") : text.index("  - id: plantar-right")]
    zone = text[text.index("zones:") : text.index("      plantar-right: mirror")]
    path = folder / "one.yaml"
    path.write_text(text[: text.index("views:")] + views + zone, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "ok", "failed"),
    [
        ("en", "one.yaml: ok (1 view, 1 zone)", "1 file of 2 has errors"),
        ("de", "one.yaml: in Ordnung (1 Ansicht, 1 Zone)", "1 Datei von 2 hat Fehler"),
    ],
)
def test_check_counts_in_the_singular_and_plural_of_each_language(
    tmp_path: Path, capsys, monkeypatch, language, ok, failed
):
    from reflexmap import i18n

    bad = tmp_path / "bad.yaml"
    bad.write_text("zones: [\n", encoding="utf-8")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", language)
    try:
        assert main(["check", str(one_of_each(tmp_path)), str(bad)]) == 1
        assert main(["check", str(DATA / "small.yaml")]) == 0
    finally:
        i18n.set_language("en")
    out = capsys.readouterr()
    assert ok in out.out and failed in out.err, out
    assert ("3 views, 5 zones" if language == "en" else "3 Ansichten, 5 Zonen") in out.out


def test_check_prints_file_line_column_and_exits_1(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (DATA / "small.yaml").read_text().replace("region: nerve", "region: nerves"), encoding="utf-8"
    )
    assert main(["check", str(DATA / "small.yaml"), str(bad)]) == 1
    out = capsys.readouterr()
    line = next(text for text in out.out.splitlines() if text.startswith(str(bad)))
    regions = "head, neck, chest, abdomen, pelvis, spine, back, limb, nerve"
    assert line == f"{bad}:36:13: 'nerves' is not a valid region; expected one of: {regions}"
    assert "1 file of 2 has errors" in out.err


def test_check_builtin_zone_files_are_clean():
    zones = sorted((Path(__file__).parents[1] / "zones").glob("*.yaml"))
    assert zones
    assert main(["check", *map(str, zones)]) == 0


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_each_format(qapp, tmp_path: Path, suffix: str, capsys):
    out = tmp_path / f"chart{suffix}"
    assert main(["export", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert len(data) > 5000
    assert data.startswith({".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix])
    assert not list(tmp_path.glob(".chart*"))  # the temporary file was renamed, not left behind


def test_export_png_draws_both_feet_and_the_legend(qapp, tmp_path: Path):
    out = tmp_path / "chart.png"
    assert main(["export", "--view", "plantar", "--width", "1200", "-o", str(out)]) == 0
    image = QImage(str(out))
    assert image.width() == 1200
    from reflexmap.render import palette

    NORMAL_ALPHA = palette.LIGHT.fill_alpha  # exports are drawn in the light theme

    # the sciatic band (vermillion, translucent over the skin tone) appears on both halves
    fg, bg, a = palette.region_colour("nerve"), palette.SKIN, NORMAL_ALPHA / 255
    band = [round(a * f + (1 - a) * b) for f, b in zip(fg.getRgb()[:3], bg.getRgb()[:3], strict=False)]

    def has_band(x0, x1):
        for x in range(x0, x1, 2):
            for y in range(0, image.height(), 2):
                c = image.pixelColor(x, y)
                if all(abs(v - w) <= 6 for v, w in zip((c.red(), c.green(), c.blue()), band, strict=False)):
                    return True
        return False

    assert has_band(0, 600) and has_band(600, 1200)


def test_export_one_view_and_bad_arguments(qapp, tmp_path: Path, capsys):
    assert main(["export", "--view", "plantar-right", "-o", str(tmp_path / "right.png")]) == 0
    assert main(["export", "--view", "nowhere", "-o", str(tmp_path / "x.png")]) == 2
    assert "no view 'nowhere'" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "x.gif")]) == 1
    assert "unknown export format '.gif'" in capsys.readouterr().err
    small = str(DATA / "small.yaml")
    assert main(["export", "--atlas", small, "--view", "dorsal", "-o", str(tmp_path / "x.png")]) == 1
    assert "no dorsal view" in capsys.readouterr().err


def test_export_takes_the_zone_file_as_check_does(qapp, tmp_path: Path, capsys):
    """`reflexmap export FILE -o OUT`, as `check FILE` is written (it said "unrecognized
    arguments": only --atlas FILE was taken); two different files given is refused."""
    small = str(DATA / "small.yaml")
    assert main(["export", small, "--view", "dorsal", "-o", str(tmp_path / "x.png")]) == 1
    assert "no dorsal view" in capsys.readouterr().err  # small.yaml was the chart exported
    out = tmp_path / "small.svg"
    assert main(["export", small, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert main(["export", small, "--atlas", small, "-o", str(out)]) == 0  # the same file twice
    other = str(DATA.parent.parent / "zones" / "ingham-western.yaml")
    assert main(["export", small, "--atlas", other, "-o", str(out)]) == 2
    assert "two zone files given" in capsys.readouterr().err


def test_export_in_german_uses_the_charts_translations(qapp, tmp_path: Path):
    from reflexmap import i18n

    chart = Path(__file__).parents[1] / "zones" / "alternative-placements.yaml"
    out = tmp_path / "seiten.svg"
    try:
        assert (
            main(["--language", "de", "export", "--atlas", str(chart), "--view", "lateral", "-o", str(out)])
            == 0
        )
    finally:
        i18n.set_language("en")
    svg = out.read_text(encoding="utf-8")
    for german in ("Äußeres Steißbein (47)", "Hüftgelenk (42-A/B)", "Außenknöchel", "Rechter Fuß"):
        assert german in svg, german
    assert "Outer coccyx" not in svg
    assert main(["export", "--atlas", str(chart), "--view", "lateral", "-o", str(out)]) == 0
    assert "Outer coccyx (47)" in out.read_text(encoding="utf-8")  # English without the option


def test_export_of_an_invalid_atlas_reports_errors(qapp, tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("atlas_format: 3\n", encoding="utf-8")
    assert main(["export", "--atlas", str(bad), "-o", str(tmp_path / "x.png")]) == 1
    assert f"{bad}:1:1:" in capsys.readouterr().err


def test_screenshot_opens_the_real_window_and_exits(tmp_path: Path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reflexmap",
            "--screenshot",
            str(out),
            "--select",
            "lumbar-spine",
            "--size",
            "1200x800",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


def test_schema_command_prints_the_published_schema(capsys):
    import json

    from reflexmap.atlas.schema import schema

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema()


def test_gui_without_a_display_explains_instead_of_crashing():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap"], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 2
    assert "no display found" in result.stderr and "--screenshot" in result.stderr


@pytest.mark.parametrize(("kind", "view", "paper", "pages", "size"), [
    ("chart", "plantar", "a4", 1, (595.0, 842.0)),
    ("worksheet", "all", "letter", 4, (612.0, 792.0)),
    ("answer-key", "medial-left", "a4", 1, (595.0, 842.0)),
])  # fmt: skip
def test_export_handouts(qapp, tmp_path: Path, kind, view, paper, pages, size):
    from tests.ui.test_compare_and_handouts import pdf_pages

    out = tmp_path / f"{kind}.pdf"
    assert main(["export", "--handout", kind, "--view", view, "--paper", paper, "-o", str(out)]) == 0
    found = pdf_pages(out)
    assert len(found) == pages and all(sorted(p) == sorted(size) for p in found)


def test_handout_must_be_pdf(qapp, tmp_path: Path, capsys):
    assert main(["export", "--handout", "worksheet", "-o", str(tmp_path / "w.png")]) == 2  # a usage error
    assert "handouts are PDF files" in capsys.readouterr().err


def test_a_start_without_arguments_means_what_the_parser_gives_for_none():
    """`reflexmap` alone is not parsed (argparse is a few per cent of a start): the values it
    stands for are the parser's own defaults, every option included."""
    from reflexmap.cli import NO_ARGUMENTS, _parser

    assert vars(_parser().parse_args([])) == NO_ARGUMENTS


def test_export_help_says_the_language_applies_to_every_format(capsys):
    """`reflexmap export --help` said --language was the "language of .html and .apkg", but
    pictures, PDFs and handouts are written in it too (a German PNG has German names)."""
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "language of .html and .apkg" not in text and "every format" in text


def test_the_global_chart_and_view_options_apply_to_export(tmp_path: Path):
    """`reflexmap --chart FILE export …` exports FILE (not the built-in chart), and an aspect
    given before `export` is the export's view: as `reflexmap --language de export …` works.
    Run as a user runs it: the installed entry point in its own process."""
    chart = Path(__file__).parents[1] / "zones" / "alternative-placements.yaml"
    out = tmp_path / "chart.svg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "reflexmap", "--chart", str(chart), "--view", "lateral", "export"]
    result = subprocess.run([*command, "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "Outer coccyx (47)" in svg  # a zone of the chart given, in its lateral view
    assert "Lumbar spine" not in svg  # the built-in chart's plantar zones are not drawn
    # the export's own --chart still wins over the global one
    small = DATA / "small.yaml"
    result = subprocess.run(
        [*command, "--chart", str(small), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0  # small.yaml has no lateral view: refused, naming its views
    assert "lateral" in result.stderr


def _many_errors(folder: Path) -> Path:
    """The small chart with every zone moved far off its feet: one error line per zone and
    view, many kilobytes of them (more than a pipe's block of buffered output)."""
    import yaml

    chart = yaml.safe_load((DATA / "small.yaml").read_text(encoding="utf-8"))
    template = chart["zones"][0]
    chart["zones"] = []
    for number in range(120):
        zone = dict(template, id=f"far-{number}", shapes={})
        for view, ring in template["shapes"].items():
            zone["shapes"][view] = ring if ring == "mirror" else [[x + 900, y] for x, y in ring]
        chart["zones"].append(zone)
    path = folder / "far-away-outside.yaml"
    path.write_text(yaml.safe_dump(chart, allow_unicode=True), encoding="utf-8")
    return path


def _run_merged(*arguments: str) -> subprocess.CompletedProcess:
    """The real command with stdout and stderr into one pipe, as `reflexmap … 2>&1 | less`
    has them: Python writes into a pipe in blocks, unless told otherwise."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update(QT_QPA_PLATFORM="offscreen", LANGUAGE="en")
    return subprocess.run(
        [sys.executable, "-m", "reflexmap", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=180,
        env=env,
    )


def test_check_writes_whole_lines_in_order_for_one_and_several_files(tmp_path: Path):
    good = str(DATA / "small.yaml")
    unclosed = tmp_path / "unclosed.yaml"
    unclosed.write_text("zones: [\n", encoding="utf-8")
    far = str(_many_errors(tmp_path))
    for files, summary in [
        ([good], None),
        ([good, good], None),
        ([str(unclosed)], "1 file of 1 has errors"),
        ([far], "1 file of 1 has errors"),
        ([good, far, str(unclosed), good], "2 files of 4 have errors"),
    ]:
        result = _run_merged("check", *files)
        assert result.returncode == (1 if summary else 0), result.stdout
        assert result.stdout.endswith("\n"), result.stdout[-200:]
        lines = result.stdout.splitlines()
        if summary is not None:
            assert lines[-1] == summary, lines[-3:]  # last, alone on its line
            lines = lines[:-1]
        assert lines and all(line.startswith(tuple(f"{name}:" for name in files)) for line in lines), [
            line for line in lines if not line.startswith(tuple(files))
        ][:3]
        assert all(line.count(": ok (") == 1 for line in lines if not line.startswith((far, str(unclosed))))
    assert sum(line.startswith(far) for line in lines) >= 100  # the pipe's block was overrun


def test_export_and_schema_write_whole_lines_good_and_bad(tmp_path: Path):
    out = tmp_path / "chart.svg"
    result = _run_merged("export", "--chart", str(DATA / "small.yaml"), "-o", str(out))
    assert (result.returncode, result.stdout) == (0, f"{out}\n")
    far = _many_errors(tmp_path)
    result = _run_merged("export", "--chart", str(far), "-o", str(out))
    assert result.returncode == 1 and result.stdout.endswith("\n")
    assert all(line.startswith(f"{far}:") for line in result.stdout.splitlines())
    nowhere = tmp_path / "no such folder" / "chart.html"
    result = _run_merged("export", "--chart", str(DATA / "small.yaml"), "-o", str(nowhere))
    assert result.returncode == 1 and result.stdout.endswith("\n")
    assert [line.startswith("reflexmap export: ") for line in result.stdout.splitlines()] == [True]
    assert str(nowhere) in result.stdout
    result = _run_merged("schema")
    assert result.returncode == 0 and result.stdout.endswith("}\n")


def test_check_keeps_one_line_per_file_whatever_its_name_holds(tmp_path: Path):
    """A file's name with a line break, a carriage return or a direction override: each
    result is still one line (the name shown escaped), and the terminal shows it as written."""
    good = tmp_path / "two\nlines.yaml"
    good.write_bytes((DATA / "small.yaml").read_bytes())
    bad = tmp_path / "bad\rname\u202e.yaml"
    bad.write_text("zones: [\n", encoding="utf-8")
    result = _run_merged("check", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path}/two\\nlines.yaml: ok (3 views, 5 zones)",
        f"{tmp_path}/bad\\rname\\u202e.yaml:1:8: this list is never closed: "
        "the file ends before its closing ']'",
        "1 file of 2 has errors",
    ]


def test_check_says_a_file_name_with_control_characters_on_one_line_without_escapes(tmp_path: Path, capsys):
    """A file name may hold any byte but '/': an escape sequence in it recoloured (or worse) the
    terminal, and a line break split "file:line:column: message" over two lines, so that editors
    and scripts reading the check's output lost the place. They are written as \\x1b, \\n."""
    good = tmp_path / "ok\x1b[31mred\x1b[0m\nline.yaml"
    good.write_bytes((DATA / "small.yaml").read_bytes())
    bad = tmp_path / "bad\x07\r\u2028two.yaml"
    bad.write_text("zones: [\n", encoding="utf-8")
    assert main(["check", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    out = captured.out
    assert not any(c in out for c in "\x1b\x07\r\u2028"), repr(out)
    lines = out.splitlines()
    assert len(lines) == 2, lines  # the ok line and the error, each on one line
    assert lines[0].startswith(str(tmp_path)) and "\\x1b[31mred\\x1b[0m\\nline.yaml: ok" in lines[0], lines
    assert lines[1].startswith(str(tmp_path) + "/bad\\x07\\r\\u2028two.yaml:"), lines
    assert lines[1].split(".yaml:")[1].split(":")[0].isdigit(), lines  # then the line number


def test_check_in_german_writes_a_point_with_a_semicolon_between_its_numbers(
    tmp_path: Path, capsys, monkeypatch
):
    """`LANGUAGE=de reflexmap check`: "(5,0; 5,0) mm" (before: "(5,0, 5,0) mm", four numbers?)."""
    from reflexmap import i18n

    from .hostile.cases import chart

    crossed = tmp_path / "crossed.yaml"
    crossed.write_text(chart("[[0, 0], [10, 10], [10, 0], [0, 10]]"), encoding="utf-8")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", "de")
    try:
        assert main(["check", str(crossed)]) == 1
    finally:
        i18n.set_language("en")
    assert "das Polygon kreuzt sich selbst bei (5,0; 5,0) mm, an der Kante" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--language", "de", "check", "FILE"],
        ["check", "--language", "de", "FILE"],
        ["check", "FILE", "--language", "de"],
    ],
)
def test_check_answers_in_the_language_asked_for_before_or_after_check(
    tmp_path: Path, capsys, monkeypatch, argv
):
    """`reflexmap --language de check FILE` (as the README's `--language de export`) and
    `reflexmap check --language de FILE` answer in German in an English environment (before:
    English, and "unrecognized arguments: --language")."""
    from reflexmap import i18n

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (DATA / "small.yaml").read_text().replace("region: nerve", "region: nerves"), encoding="utf-8"
    )
    monkeypatch.setenv("LANGUAGE", "en")
    try:
        assert main([str(bad) if part == "FILE" else part for part in argv]) == 1
    finally:
        i18n.set_language("en")
    out = capsys.readouterr()
    assert f"{bad}:36:13: 'nerves' ist kein gültiger Wert für region" in out.out
    assert "1 Datei von 1 hat Fehler" in out.err


def test_the_help_of_check_names_its_language_option(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--language {en,de}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "zone 'z', left foot, plantar view [plantar-left]: "
            "the zone lies 30.0 mm outside the foot's outline at point 3",
        ),
        (
            "de",
            "Zone 'z', linker Fuß, Fußsohle [plantar-left]: "
            "Punkt 3 der Zone liegt 30,0 mm außerhalb des Fußumrisses",
        ),
    ],
)
def test_check_names_views_as_the_app_does_with_the_id_in_brackets(
    tmp_path: Path, capsys, monkeypatch, language, said
):
    """Before (tryout S18-7): "zone 'z' in view 'plantar-left': the zone lies outside the
    outline of view 'plantar-left': point 3 is 30.0 mm outside", where the app's lists say
    "left foot, plantar view"."""
    from reflexmap import i18n

    from .hostile.cases import chart

    bad = tmp_path / "bad.yaml"
    text = chart("[[0, 0], [10, 0], [10, 130], [0, 10]]")
    bad.write_text(text, encoding="utf-8")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", language)
    try:
        assert main(["check", str(bad)]) == 1
    finally:
        i18n.set_language("en")
    at = text.index("[10, 130]")
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert f"{bad}:{line}:{column}: {said}" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    "argv",
    [
        ["--language", "de", "check", "FILE"],
        ["--language", "de", "export", "--handout", "worksheet", "-o", "OUT.pdf"],
        ["--language", "de", "export", "-o", "OUT.html"],
    ],
)
def test_the_language_of_a_run_ends_with_it(qapp, tmp_path: Path, capsys, argv):
    """A command's --language is that run's: main() called in-process (by a program, by the
    tests) left German installed, and English tests run after it read German words."""
    from reflexmap import i18n

    assert i18n.language() == "en"
    argv = [
        str(DATA / "small.yaml")
        if part == "FILE"
        else str(tmp_path / part)
        if part.startswith("OUT")
        else part
        for part in argv
    ]
    assert main(argv) in (0, 1)
    assert i18n.language() == "en"


def test_a_german_export_names_the_zones_without_german_text(qapp, tmp_path: Path, capsys):
    """S22-10: a zone with no German name or claim printed in English on a German handout and
    nothing said so; the export now names such zones (and only them) on stderr."""
    from reflexmap import i18n

    chart = Path(__file__).parents[1] / "zones" / "alternative-placements.yaml"
    text = chart.read_text(encoding="utf-8")
    for line in (
        '        name: "Mastdarm und After (61)"\n',
        '        claim: "den Mastdarm und den After"\n',
    ):
        assert line in text
        text = text.replace(line, "", 1)
    drawn = tmp_path / "drawn.yaml"
    drawn.write_text(text, encoding="utf-8")
    out = tmp_path / "seite.pdf"
    try:
        argv = [
            "export",
            str(drawn),
            "--handout",
            "chart",
            "--view",
            "medial",
            "--language",
            "de",
            "-o",
            str(out),
        ]
        assert main(argv) == 0
    finally:
        i18n.set_language("en")
    err = capsys.readouterr().err
    assert "1 Zone hat keinen Namen und keine Aussage auf Deutsch" in err and ": rectum" in err, err
    assert "sciatic-nerve" not in err
    words = " ".join(
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Rectum and anus (61): the rectum and the anus (auf Englisch: noch nicht übersetzt)" in words
    assert (
        "Ischiasnerv (62-A/B): den Ischiasnerv" in words
        and "Ischiasnerv (62-A/B): den Ischiasnerv (auf" not in words
    )
    assert (
        main(
            [
                "export",
                str(chart),
                "--handout",
                "chart",
                "--view",
                "medial",
                "--language",
                "de",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    i18n.set_language("en")
    assert "auf Deutsch" not in capsys.readouterr().err  # a fully translated chart: nothing said
