"""A name cut to fit a row is cut by the characters a reader sees, not by code points: a name of
five letters carrying 300 combining marks (each mark a code point of its own) showed as "Ź…"
in the zone list, the quiz's custom set and its choices, so that the zone could not be told
from any other. The cut still bounds what a row holds."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reflexmap.content.markup import shortened

MARKED = "Z" + "\u0301\u0316" * 150 + "algo heel"  # 309 code points, "Zalgo heel" as read
# A chart may put at most 4 marks on a letter (atlas/text.py): 4 on each letter of a 32-letter
# name, 144 code points, more than a row's 120
READ = "Zalgo heel on the sole of a foot"
CHART_MARKED = "".join(c if c == " " else c + "\u0301\u0316\u0301\u0316" for c in READ)


def seen(text: str) -> str:
    """The letters a reader sees: no marks, no isolates, no ellipsis."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf")).rstrip("\u2026")


def marked_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    escaped = CHART_MARKED.encode("unicode_escape").decode("ascii")
    text = text.replace('name: "Heel"', f'name: "{escaped}"', 1)
    path = folder / "marked.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_zone_list_and_the_custom_set_show_a_marked_name_whole(qtbot, window, data_dir, tmp_path):
    window.open_chart(marked_chart(data_dir, tmp_path))
    proxy = window.zones.proxy
    rows = [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]
    assert READ in [seen(row) for row in rows], [seen(row) for row in rows]
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    try:
        custom = [seen(dialog.custom.item(i).text()) for i in range(dialog.custom.count())]
        assert READ in custom, custom
    finally:
        dialog.reject()


def test_the_cut_counts_what_is_read_and_stays_bounded():
    assert seen(shortened(MARKED, 120)) == "Zalgo heel"  # the rows' limit
    assert shortened("e\u0301" * 50, 10).rstrip("\u2026") == "e\u0301" * 10  # never between letter and mark
    assert len(shortened("\u0301" * 4000, 100)) <= 4 * 100 + 1  # marks alone: still bounded
    plain = "word " * 100
    assert shortened(plain, 120) == plain[:120][: plain[:120].rfind(" ", 96)].rstrip() + "\u2026"
