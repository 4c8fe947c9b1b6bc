"""What the command line and the app's stderr write: one line, nothing that acts on the terminal,
and the app's own isolates around a name or a file kept as isolates (tryout: `reflexmap check`
quoted a right-to-left zone name as '\\u2068עצה …\\u2069', beside the override it warned of)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap.cli import main
from reflexmap.i18n import bidi_isolate
from reflexmap.terminal_text import one_line

ROOT = Path(__file__).resolve().parents[1]
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_an_isolate_the_app_adds_is_kept_and_what_it_holds_escaped():
    name = bidi_isolate("עצה \u202eSacrum\u202c")
    assert name.startswith("\u2068") and name.endswith("\u2069")
    assert one_line(f"zone '{name}' [sacrum]") == "zone '\u2068עצה \\u202eSacrum\\u202c\u2069' [sacrum]"
    assert one_line("\u2068a\u2068b\u2069c\u2069") == "\u2068a\u2068b\u2069c\u2069"  # nested


def test_an_isolate_left_open_a_closer_alone_and_forced_directions_are_escaped():
    assert one_line("a\u2068b") == "a\\u2068b"
    assert one_line("a\u2069b") == "a\\u2069b"
    assert one_line("\u2068a\u2069\u2069") == "\u2068a\u2069\\u2069"
    # right-to-left and left-to-right isolates force a direction ("txt.exe" shown "exe.txt")
    assert one_line("a\u2067txt.exe\u2069") == "a\\u2067txt.exe\\u2069"
    assert one_line("a\u2066b\u2069") == "a\\u2066b\\u2069"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \n\r\x1b\x07\t\u2028" + CONTROLS, max_size=40))
def test_what_is_written_is_one_line_with_only_closed_first_strong_isolates(text):
    written = one_line(text)
    assert written.splitlines() == [written] or written == ""
    depth = 0
    for char in written:
        assert char.isprintable() or char in "\t\u2068\u2069", repr(written)
        if char == "\u2068":
            depth += 1
        elif char == "\u2069":
            depth -= 1
            assert depth >= 0, repr(written)
    assert depth == 0, repr(written)


def test_check_quotes_a_right_to_left_name_between_isolates_not_their_escapes(tmp_path: Path, capsys):
    chart = tmp_path / "rtl.yaml"
    shutil.copy(ROOT / "zones" / "ingham-western.yaml", chart)
    text = chart.read_text(encoding="utf-8")
    assert text.count('    name: "Sacrum"') == 1
    rtl = text.replace('    name: "Sacrum"', '    name: "עצה \\u202eSacrum\\u202c"')
    chart.write_text(rtl, encoding="utf-8")
    assert main(["check", str(chart)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2, lines
    said = "zone '\u2068עצה \\u202eSacrum\\u202c\u2069' [sacrum] holds the direction override U+202E"
    assert said in lines[1], lines[1]
    assert "\\u2068" not in lines[1] and "\\u2069" not in lines[1]
