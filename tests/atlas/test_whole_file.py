"""A chart file cut off by a writer still at work is said incomplete, at the place it ends,
before the reading's own errors; a file that ends with a line break keeps its errors as they
were, and a sound file is taken (atlas/whole_file.py)."""

from __future__ import annotations

from pathlib import Path

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas.whole_file import read_whole


def test_a_file_cut_in_a_line_with_errors_is_said_incomplete_where_it_ends(tmp_path: Path):
    text = builtin_chart_path().read_text(encoding="utf-8")
    part = text[: text.index("\n", len(text) // 2) + 4]  # three characters into a line
    chart = tmp_path / "chart.yaml"
    chart.write_text(part, encoding="utf-8")
    alone = read_atlas(chart)
    assert not alone.ok
    result = read_whole(chart, lambda: read_atlas(chart))
    assert result.atlas is None
    first = result.errors[0]
    assert (first.line, first.column) == (part.count("\n") + 1, 4)
    assert first.message.startswith("the file is incomplete")
    assert result.errors[1:] == alone.errors  # the reading's own errors follow


def test_a_file_that_ends_its_last_line_keeps_its_errors_and_a_sound_one_is_taken(tmp_path: Path):
    chart = tmp_path / "chart.yaml"
    chart.write_text("zones: [\n", encoding="utf-8")
    assert read_whole(chart, lambda: read_atlas(chart)) == read_atlas(chart)
    chart.write_bytes(builtin_chart_path().read_bytes())
    assert read_whole(chart, lambda: read_atlas(chart)).ok


def test_a_file_that_changes_while_read_is_not_taken(tmp_path: Path):
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())

    def read_while_written():
        result = read_atlas(chart)
        with open(chart, "ab") as handle:
            handle.write(b"# more\n")
        return result

    result = read_whole(chart, read_while_written)
    assert result.atlas is None and "changed while it was read" in result.errors[0].message


def _cuts(text: str, count: int = 12) -> list[str]:
    """Parts of `text` as a writer leaves them: cut a few characters into a line, at `count`
    places through the file."""
    parts = []
    for i in range(1, count + 1):
        start = text.index("\n", len(text) * i // (count + 1)) + 1
        end = text.index("\n", start)
        parts.append(text[: start + min(5, end - start - 1)])
    return parts


def _editor_said(chart: Path) -> tuple[str | None, str | None]:
    """What each of the editor's readings (to fix, to edit) says of `chart` when it refuses
    it; None when it takes it."""
    from reflexmap.atlas.document import ChartUnreadable, document_to_fix, read_document

    fixing = document_to_fix(chart)
    try:
        read_document(chart)
        reading = None
    except ChartUnreadable as exc:
        reading = f"{exc.error.line}:{exc.error.column}: {exc.error.message}"
    return fixing if isinstance(fixing, str) else None, reading


def test_the_editors_readings_judge_a_cut_file_as_the_windows_reading_does(tmp_path: Path):
    """File → Reload and the window coming back read the file to fix it (document_to_fix),
    F2 reads it to edit (read_document): neither took a part of the file as the chart (it was
    opened with the problems of a chart never written, or refused for a YAML error at its end)."""
    chart = tmp_path / "chart.yaml"
    said = []
    for part in _cuts(builtin_chart_path().read_text(encoding="utf-8")):
        chart.write_text(part, encoding="utf-8")
        window = read_whole(chart, lambda: read_atlas(chart))
        fixing, reading = _editor_said(chart)
        if window.ok:  # (a part that is a sound chart by itself: taken by every reading)
            assert fixing is None and reading is None
            continue
        first = window.errors[0]
        assert first.message.startswith("the file is incomplete"), first
        place = f"{first.line}:{first.column}: the file is incomplete"
        assert fixing is not None and fixing.startswith(place), fixing
        assert reading is not None and reading.startswith(place), reading
        said.append(place)
    assert len(said) >= 10, said


def test_the_editors_readings_refuse_a_file_that_changes_while_read(tmp_path: Path, monkeypatch):
    from reflexmap.atlas import loader
    from reflexmap.atlas.document import ChartUnreadable, document_to_fix, read_document

    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    real = loader.read_bytes

    def read_while_written(path):
        raw = real(path)
        with open(chart, "ab") as handle:
            handle.write(b"# more\n")
        return raw

    monkeypatch.setattr(loader, "read_bytes", read_while_written)
    assert document_to_fix(chart).startswith("the file changed while it was read")
    try:
        read_document(chart)
    except ChartUnreadable as exc:
        assert "changed while it was read" in exc.error.message
    else:
        raise AssertionError("a file written while read was taken")
    monkeypatch.setattr(loader, "read_bytes", real)
    assert not isinstance(document_to_fix(chart), str)
    assert read_document(chart).text == chart.read_text(encoding="utf-8")


def test_a_file_that_is_not_text_is_not_said_incomplete(tmp_path: Path):
    """A binary file picked by mistake ends without a line break too: it is said not to be
    UTF-8 text, as `reflexmap check` says, not "incomplete … reload once the file is whole"
    (tryout: bytes 0-255 repeated were said incomplete, at 11:246)."""
    for name, data in (
        ("bytes.yaml", bytes(range(256)) * 10),
        ("nul.yaml", b"title: x\nzones: [\x00\x01\x02"),
        ("latin1.yaml", "title: Fußzonen\nzones: [ä".encode("latin-1")),
    ):
        chart = tmp_path / name
        chart.write_bytes(data)
        result = read_whole(chart, lambda chart=chart: read_atlas(chart))
        assert result == read_atlas(chart), name
        assert not any("incomplete" in error.message for error in result.errors), name


def test_a_text_cut_inside_a_character_is_still_said_incomplete(tmp_path: Path):
    """A writer may stop inside a character of several bytes (German "ü", an arrow): that file
    is text cut off, and said incomplete where it ends."""
    text = builtin_chart_path().read_text(encoding="utf-8")
    start = text.index("\n", len(text) // 2) + 1
    data = (text[:start] + "  - id: fü").encode("utf-8")[:-1]  # the "ü" cut after its first byte
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(data)
    result = read_whole(chart, lambda: read_atlas(chart))
    assert result.atlas is None
    assert result.errors[0].message.startswith("the file is incomplete"), result.errors[0]
