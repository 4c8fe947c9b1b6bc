"""Ctrl+R while another program is rewriting the chart file (an editor or a sync tool that
truncates it and writes it piece by piece): the part on disk is not shown, the chart shown
stays, and the box says the file is incomplete; a second Ctrl+R once the file is whole takes
it. Through the key a person presses (atlas/whole_file.py does the telling)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from reflexmap.atlas import builtin_chart_path
from reflexmap.ui import chart_opening

OLD = 'title: "Western foot chart (Ingham tradition)"'
NEW = 'title: "Western foot chart, rewritten"'


def _errors_box(window) -> QMessageBox | None:
    found = [b for b in window.findChildren(QMessageBox, "chart-errors") if b.isVisible()]
    return found[-1] if found else None


def _reload(qtbot, window) -> None:
    window.activateWindow()  # (the box just closed gave the focus back to no window, offscreen)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)


def _shown_chart(qtbot, make_window, tmp_path: Path):
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    window = make_window()
    assert window.open_chart(chart)
    assert window.state.atlas.title == "Western foot chart (Ingham tradition)"
    return window, chart


def _grows_while_read(monkeypatch, chart: Path):
    """The writer still at work: a line break is added to `chart` while the window reads it
    (so that what was read is a sound chart). The reading as it was is returned."""
    real = chart_opening.read_atlas

    def read_while_written(path, cache):
        result = real(path, cache)
        with open(chart, "a", encoding="utf-8") as handle:
            handle.write("\n")
        return result

    monkeypatch.setattr(chart_opening, "read_atlas", read_while_written)
    return real


def test_ctrl_r_on_a_file_cut_off_while_written_keeps_the_chart_and_says_so(qtbot, make_window, tmp_path):
    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    whole = chart.read_text(encoding="utf-8").replace(OLD, NEW)
    part = whole[: len(whole) // 2]
    part = part[: part.rindex("\n") + 7]  # cut six characters into a line
    chart.write_text(part, encoding="utf-8")
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: _errors_box(window) is not None)
    box = _errors_box(window)
    lines = part.count("\n") + 1
    assert f":{lines}:7: the file is incomplete" in box.informativeText(), box.informativeText()
    assert "reload (Ctrl+R) once the file is whole" in box.informativeText()
    assert window.state.atlas.title == "Western foot chart (Ingham tradition)"  # kept
    box.close()
    chart.write_text(whole, encoding="utf-8")  # the other program is done
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: window.state.atlas.title == "Western foot chart, rewritten")
    assert _errors_box(window) is None


def test_ctrl_r_while_the_file_grows_keeps_the_chart_and_says_so(qtbot, make_window, tmp_path, monkeypatch):
    """The writer still at work: the file grows while it is read (here: a line break is added
    during the reading, so that what was read is even a sound chart). Not taken."""
    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    chart.write_text(chart.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    real = _grows_while_read(monkeypatch, chart)
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: _errors_box(window) is not None)
    assert "the file changed while it was read" in _errors_box(window).informativeText()
    assert window.state.atlas.title == "Western foot chart (Ingham tradition)"
    _errors_box(window).close()
    monkeypatch.setattr(chart_opening, "read_atlas", real)
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: window.state.atlas.title == "Western foot chart, rewritten")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_incomplete_file_note_is_counted_as_no_error(qtbot, make_window, tmp_path, language):
    """Ctrl+R on a file cut off while written: the box's sentence says the file is incomplete
    and counts only the mistakes of the part read, in English and German. Before, the note
    "the file is incomplete" was counted as one more error ("has 2 errors" for one mistake)."""
    from reflexmap import i18n
    from reflexmap.atlas import read_atlas

    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    whole = chart.read_text(encoding="utf-8")
    part = whole[: len(whole) // 2]
    part = part[: part.rindex("\n") + 7]  # cut six characters into a line
    chart.write_text(part, encoding="utf-8")
    mistakes = len(read_atlas(chart).errors)  # what the part read has, without the note
    assert mistakes >= 1
    i18n.set_language(language)
    try:
        _reload(qtbot, window)
        qtbot.waitUntil(lambda: _errors_box(window) is not None)
        said = _errors_box(window).text()
        if language == "de":
            words = "ist unvollständig, und der gelesene Teil hat {n} Fehler;"
        else:
            words = "is incomplete, and the part read has {n} error" + ("s;" if mistakes > 1 else ";")
        assert words.format(n=mistakes) in said, said
        assert f" {mistakes + 1} " not in said, said
        _errors_box(window).close()
    finally:
        i18n.set_language("en")


def test_a_file_still_being_written_without_mistakes_is_said_incomplete_with_no_error(
    qtbot, make_window, tmp_path, monkeypatch
):
    """The file grew while it was read (what was read a sound chart): "incomplete", never "has
    1 error" (that one was the note)."""
    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    _grows_while_read(monkeypatch, chart)
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: _errors_box(window) is not None)
    said = _errors_box(window).text()
    assert said.startswith("chart.yaml is incomplete; the chart shown is unchanged."), repr(said)
    assert "error" not in said.split("\n")[0], said
    _errors_box(window).close()


@pytest.mark.parametrize("how", ["grows", "cut"])
def test_a_file_being_written_is_not_offered_to_the_editor_to_fix(
    qtbot, make_window, tmp_path, monkeypatch, how
):
    """The editor's offer ("Open in the editor to fix") would open a file another program is
    still writing, and saving it would write over what that program writes: the box says to
    reload once the file is whole, and offers nothing else. Before, a sound chart that grew
    while read was offered to the editor (a dead end: the editor found nothing to fix)."""
    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    if how == "grows":
        _grows_while_read(monkeypatch, chart)
    else:
        part = chart.read_text(encoding="utf-8")[: chart.stat().st_size // 2]
        chart.write_text(part[: part.rindex("\n") + 7], encoding="utf-8")  # six characters into a line
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: _errors_box(window) is not None)
    box = _errors_box(window)
    qtbot.waitUntil(lambda: box.property("fix-known") is True, timeout=10_000)
    assert box.findChild(QPushButton, "fix-in-editor") is None
    assert "The editor can open it" not in box.text()
    assert "reload (Ctrl+R) once the file is whole" in box.informativeText()
    box.close()


def test_ctrl_r_on_a_file_that_is_no_longer_text_says_so_not_incomplete(qtbot, make_window, tmp_path):
    """The chart's file replaced by a binary one (a picture saved over it): Ctrl+R says it is
    not UTF-8 text, as `reflexmap check` does, not that it is incomplete and to reload once it
    is whole (tryout: bytes 0-255 were said "incomplete … ends in the middle of a line")."""
    window, chart = _shown_chart(qtbot, make_window, tmp_path)
    chart.write_bytes(bytes(range(256)) * 10)
    _reload(qtbot, window)
    qtbot.waitUntil(lambda: _errors_box(window) is not None)
    said = _errors_box(window).informativeText()
    assert ":3:115: the file is not UTF-8 text (byte 0x80 here)" in said, said
    assert "incomplete" not in said and "once the file is whole" not in said, said
    assert window.state.atlas.title == "Western foot chart (Ingham tradition)"  # kept
    _errors_box(window).close()
