"""Command-line values of the kinds the help does not promise are refused plainly, like other
bad numbers: whole numbers in other scripts' digits or with signs, underscores and spaces
(int() and float() take them all), and export options the chosen output would not use
(`--handout chart -o out.html` wrote a web page, `--width 500 -o x.svg` a full-size SVG)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.cli import main

NOT_DIGITS = ["٣٠٠", "３００", "३००", "3_000", " 300", "300 ", "+300", "0x1f4", "1e3", ""]


@pytest.mark.parametrize("width", NOT_DIGITS)
def test_a_width_not_in_ascii_digits_is_refused(tmp_path: Path, capsys, width: str):
    with pytest.raises(SystemExit) as stop:
        main(["export", "--width", width, "-o", str(tmp_path / "x.png")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "the width must be a whole number of pixels" in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("size", ["٨٠٠x٥٠٠", "800x500x2", "8_00x500", "+800x500", "800x 500", "x"])
def test_a_window_size_not_in_ascii_digits_is_refused(capsys, size: str):
    with pytest.raises(SystemExit) as stop:
        main(["--screenshot", "never.png", "--size", size])
    assert stop.value.code == 2
    assert "size must look like 1440x900" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("scale", ["١٫٥", "١.٥", "1_5e-1", " 1.5", "1.5e0", "nan"])
def test_a_text_scale_not_written_as_the_help_shows_is_refused(tmp_path: Path, capsys, scale, where):
    tail = ["--handout", "chart", "-o", str(tmp_path / "x.pdf")]
    argv = (
        ["--text-scale", scale, "export", *tail]
        if where == "before"
        else ["export", "--text-scale", scale, *tail]
    )
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "the text size must be written as one of" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("arguments", "output", "said"),
    [
        (["--handout", "chart"], "out.html", "handouts are PDF files"),
        (["--handout", "worksheet"], "deck.apkg", "handouts are PDF files"),
        (["--handout", "answer-key"], "sheet.svg", "handouts are PDF files"),
        (["--width", "500"], "x.svg", "--width sets a PNG picture's width"),
        (["--width", "500"], "x.pdf", "--width sets a PNG picture's width"),
        (["--width", "500"], "page.html", "--width sets a PNG picture's width"),
        (["--width", "500", "--handout", "chart"], "h.pdf", "--width sets a PNG picture's width"),
        (["--paper", "letter"], "x.pdf", "--paper is for handouts"),
        (["--paper", "a4"], "x.png", "--paper is for handouts"),
        (["--view", "plantar"], "page.html", "holds every view"),
        (["--view", "plantar"], "deck.apkg", "holds every view"),
    ],
)
def test_an_export_option_the_output_would_not_use_is_refused(
    tmp_path: Path, capsys, arguments, output, said
):
    out = tmp_path / output
    assert main(["export", *arguments, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_options_that_fit_still_work(qapp, tmp_path: Path):
    assert (
        main(
            [
                "export",
                "--view",
                "plantar",
                "--width",
                "٣٠٠".translate(str.maketrans("٣٠", "30")),
                "-o",
                str(tmp_path / "x.png"),
            ]
        )
        == 0
    )
    assert main(["export", "--handout", "worksheet", "--paper", "letter", "-o", str(tmp_path / "w.pdf")]) == 0
    assert main(["export", "-o", str(tmp_path / "page.html")]) == 0
    assert (tmp_path / "x.png").stat().st_size and (tmp_path / "w.pdf").stat().st_size


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--screenshot", "s.png", "export", "-o", "x.png"], "--screenshot is not used by export"),
        (["--select", "sacrum", "export", "-o", "x.png"], "--select is not used by export"),
        (["--theme", "dark", "export", "-o", "x.png"], "--theme is not used by export"),
        (["--size", "800x500", "export", "-o", "x.png"], "--size is not used by export"),
        (["--view", "plantar", "check", "c.yaml"], "--view is not used by check"),
        (["--text-scale", "1.5", "check", "c.yaml"], "--text-scale is not used by check"),
        (["--chart", "c.yaml", "check", "d.yaml"], "--chart is not used by check"),
        (["--language", "de", "schema"], "--language is not used by schema"),
        (["--install-desktop", "check", "c.yaml"], "given alone, without a command"),
        (["--install-desktop", "--uninstall-desktop"], "given alone, without a command"),
        (["--theme", "dark", "--uninstall-desktop"], "--theme is not used by uninstall-desktop"),
        (["--size", "800x500"], "--size is the window size for --screenshot"),
    ],
)
def test_an_option_the_command_would_not_use_is_refused(tmp_path: Path, monkeypatch, capsys, argv, said):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert said in captured.err and "Traceback" not in captured.err and captured.out == ""
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing installed
