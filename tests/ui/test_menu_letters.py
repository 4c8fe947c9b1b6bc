"""Every item of every menu has an Alt-letter, none used twice in one menu, in English and in
German (tryout S13-7: the Help menu's evidence, sciatica and first-run notes had none, while
the README promises Alt-letters; those are the notes that should be quickest to reach)."""

from __future__ import annotations

import re

import pytest

LETTER = re.compile(r"&([^&\s])")


def _letters(menu) -> list[tuple[str, str | None]]:
    seen = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found = LETTER.search(action.text().replace("&&", ""))
        seen.append((action.text(), found.group(1).casefold() if found else None))
    return seen


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_menu_item_has_its_own_alt_letter(window_in, language):
    window = window_in(language)  # (German: switched as Settings → Language does)
    problems = []
    for top in window.menuBar().actions():
        letters = _letters(top.menu())
        problems += [(top.text(), text) for text, letter in letters if letter is None]
        used = [letter for _text, letter in letters if letter]
        problems += [(top.text(), f"'{x}' twice") for x in sorted({x for x in used if used.count(x) > 1})]
    assert problems == [], "\n".join(map(str, problems))
    help_texts = [text for text, _letter in _letters(window.menuBar().actions()[-1].menu())]
    assert len(help_texts) >= 6
