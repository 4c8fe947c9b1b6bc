"""What the app keeps of each chart it has read: its title and tradition in each language
it has, the views it draws, its number of zones, and whether it loads. The Chart menu and
Compare with… name and choose charts from these, so opening the menu or comparing reads
no chart file on the window's thread (two recent charts of 10,000 zones took 3–8 s to
title each time the menu opened; Compare with… read every known chart before it began).
A chart is kept when it is read anywhere (File → Open, the start, a comparison); one never
read in this session is named by its file until it is. No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..atlas import LoadResult
from ..i18n import LANGUAGES


def stamp(path: Path) -> tuple[float, int] | None:
    """The file's modification time and size (None when it cannot be looked at)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime, found.st_size


_NONE: Mapping[str, str] = MappingProxyType(
    {}
)  # the titles of a chart that does not load (read-only: shared)


class KeptChart(NamedTuple):
    """(A NamedTuple: a dataclass was 5 M instructions of every start to make.)"""

    stamp: tuple[float, int] | None  # the file's when it was read (None: not read from a file)
    loads: bool  # False: it had errors, and cannot be shown or compared
    titles: Mapping[str, str] = _NONE  # language -> title ("" key: the file's own)
    traditions: Mapping[str, str] = _NONE
    aspects: tuple[str, ...] = ()
    zones: int = 0
    chart_id: str = ""  # its id (progress, statistics and Anki cards are kept by it)

    def title(self, language: str) -> str:
        return self.titles.get(language, self.titles.get("", ""))

    def tradition(self, language: str) -> str:
        return self.traditions.get(language, self.traditions.get("", ""))

    def current(self, path: Path) -> bool:
        """Whether the file is still as it was read (what it said of loading still holds)."""
        return self.stamp is not None and self.stamp == stamp(path)


def kept_of(result: LoadResult, when: tuple[float, int] | None) -> KeptChart:
    atlas = result.atlas
    if atlas is None:
        return KeptChart(when, False)
    titles, traditions = {"": atlas.title}, {"": atlas.tradition}
    for language in LANGUAGES:
        words = atlas.translations.get(language, {})
        titles[language] = words.get("title", atlas.title)
        traditions[language] = words.get("tradition", atlas.tradition)
    return KeptChart(when, True, titles, traditions, tuple(atlas.aspects()), len(atlas.zones), atlas.id)
