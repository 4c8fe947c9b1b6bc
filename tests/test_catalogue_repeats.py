"""The German catalogue holds each translation once: a merge of the catalogue had left two
messages (the settings could not be read / saved) as their German sentence three times over,
and the student read the same paragraph three times in one box, run together ("…ist.Die …")."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_translation_is_its_sentence_repeated():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    _header, entries = i18n.read_po(ROOT / "reflexmap/locale/de/LC_MESSAGES/reflexmap.po")
    repeated = []
    for key, entry in entries.items():
        for text in entry.strings:
            for times in (2, 3, 4):
                part = len(text) // times
                if part >= 10 and len(text) % times == 0 and text[:part] * times == text:
                    repeated.append((key, times))
    assert repeated == [], repeated
