"""The atlas model: plain, frozen data. No Qt, no YAML, no file access.

Coordinates are millimetres on a reference adult foot, per view: x grows to the viewer's
right, y grows from the heel (0) towards the toes. The UI decides where views sit on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import in_sentence
from ..vocab import AS_WRITTEN, ASPECTS, COMMON_NOUNS, FEET, REGIONS  # noqa: F401 (re-exported)
from .coords import MAX_LABELLED_ZONES, Point, Ring, Shape  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    from .index import ZoneIndex


Translations = dict[str, dict[str, str]]  # language code -> {key: text}


def _translated(translations: Translations, language: str, key: str, default):
    return translations.get(language, {}).get(key, default)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    url: str | None = None
    note: str | None = None
    translations: Translations = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Guide:
    """An approximate orientation line (waistline, heel line …) drawn on a view."""

    id: str
    name: str
    points: Ring
    translations: Translations = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class View:
    """One foot seen from one side, with its outline already resolved (mirrors applied)."""

    id: str
    foot: str
    aspect: str
    outline: Ring
    guides: tuple[Guide, ...] = ()
    mirror_of: str | None = None

    @property
    def title(self) -> str:
        return f"{self.foot.capitalize()} foot, {self.aspect}"


@dataclass(frozen=True, slots=True)
class Zone:
    """A zone as one chart draws it; `claim` is what the chart says it corresponds to."""

    id: str
    name: str
    region: str
    claim: str
    technique: str
    sources: tuple[str, ...]
    confidence: str
    shapes: dict[str, Shape] = field(hash=False)
    note: str | None = None
    tradition: str | None = None  # set when the placement is not the chart's own tradition
    translations: Translations = field(default_factory=dict, hash=False)

    def in_view(self, view_id: str) -> bool:
        return view_id in self.shapes

    def untranslated(self, language: str) -> bool:
        """True when the file gives no `language` name or claim for this zone, so a page in
        that language shows its English ones (the base language, "en", misses nothing)."""
        texts = self.translations.get(language, {})
        return language != "en" and not all(texts.get(key) for key in ("name", "claim"))


@dataclass(frozen=True, slots=True)
class Atlas:
    """A loaded, validated chart with its hit-testing index."""

    id: str
    title: str
    tradition: str
    sources: dict[str, Source] = field(hash=False)
    views: tuple[View, ...]
    zones: tuple[Zone, ...]
    description: str | None = None
    path: Path | None = None
    index: ZoneIndex | None = field(default=None, repr=False, compare=False, hash=False)
    translations: Translations = field(default_factory=dict, hash=False)
    language: str | None = field(default=None, compare=False)  # set on a localized copy
    zone_names: str = AS_WRITTEN  # how its zone names read in a sentence (vocab.ZONE_NAME_STYLES)
    _by_id: dict[str, Zone] = field(init=False, repr=False, compare=False, hash=False)
    _anchors: dict[str, dict[str, Point]] = field(init=False, repr=False, compare=False, hash=False)
    _localized: dict[str, Atlas] = field(init=False, repr=False, compare=False, hash=False)
    _anchor_hints: dict = field(init=False, repr=False, compare=False, hash=False)  # see hint_anchors
    # the file's bytes this chart was read from (read_atlas; empty when made otherwise): the
    # editor starting on a file another program changed since gives this version back by Undo
    read_from: bytes = field(default=b"", init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {z.id: z for z in self.zones})
        object.__setattr__(self, "_anchors", {})
        object.__setattr__(self, "_localized", {})
        object.__setattr__(self, "_anchor_hints", {})

    def in_sentence(self, name: str) -> str:
        """One of this chart's zone names inside a sentence, as its `zone_names` says the
        names read (i18n.in_sentence): "the lumbar spine", "the Achilles tendon"."""
        return in_sentence(name, common_noun=self.zone_names == COMMON_NOUNS)

    def languages(self) -> set[str]:
        """Languages the file carries translations for (besides its own): of any text that
        `localized` translates (the chart's, its sources', its guides' and its zones')."""
        found = set(self.translations)
        for source in self.sources.values():
            found |= set(source.translations)
        for view in self.views:
            for guide in view.guides:
                found |= set(guide.translations)
        for zone in self.zones:
            found |= set(zone.translations)
        return found

    def untranslated_zones(self, language: str) -> tuple[Zone, ...]:
        """Zones whose name or claim the file does not translate into `language`: in a
        page in that language they print in the file's own (English) words. The file's
        base language ("en") misses nothing."""
        return tuple(z for z in self.zones if z.untranslated(language))

    def localized(self, language: str) -> Atlas:
        """This chart with its texts in `language` where the file translates them.

        Ids, geometry and the index are shared, so hit-testing and progress are unchanged."""
        if language not in self.languages():
            return self
        if language not in self._localized:
            sources = {
                key: replace(
                    s,
                    title=_translated(s.translations, language, "title", s.title),
                    note=_translated(s.translations, language, "note", s.note),
                )
                for key, s in self.sources.items()
            }
            views = tuple(
                replace(
                    v,
                    guides=tuple(
                        replace(g, name=_translated(g.translations, language, "name", g.name))
                        for g in v.guides
                    ),
                )
                for v in self.views
            )
            zones = tuple(
                replace(
                    z,
                    **{
                        key: _translated(z.translations, language, key, getattr(z, key))
                        for key in ("name", "claim", "technique", "note", "tradition")
                    },
                )
                for z in self.zones
            )
            copy = replace(
                self,
                title=_translated(self.translations, language, "title", self.title),
                tradition=_translated(self.translations, language, "tradition", self.tradition),
                description=_translated(self.translations, language, "description", self.description),
                sources=sources,
                views=views,
                zones=zones,
                language=language,
            )
            copy._anchors.update(self._anchors)
            copy._anchor_hints.update(self._anchor_hints)
            self._localized[language] = copy
        return self._localized[language]

    def anchors(self, view_id: str) -> dict[str, Point]:
        """Label anchor of every zone in a view (computed once; the chart cache keeps them)."""
        if view_id not in self._anchors:
            from .geometry import view_anchors

            shapes = {z.id: z.shapes[view_id] for z in self.zones_in(view_id)}
            found = view_anchors(shapes, self.view(view_id).outline)
            hint = self._anchor_hints.get(view_id)
            if hint is not None:  # an edit's chart: the zones it left keep their anchors
                from .geometry import kept_anchors

                found = kept_anchors(shapes, found, *hint)
            self._anchors[view_id] = found
        return self._anchors[view_id]

    def hint_anchors(self, view_id: str, before: dict[str, Point], changed: set[str]) -> None:
        """This chart is an edit of one whose anchors in the view were `before`, and changed
        the shapes of the zones `changed` (or removed them): the other zones keep their
        anchors where those still are good ones (geometry.kept_anchors). Dragging the
        spleen's corner by 10 px moved Solar plexus's anchor 2.5 mm, below Diaphragm's, and
        their labels swapped places in their column."""
        if view_id not in self._anchors:
            self._anchor_hints[view_id] = (before, frozenset(changed))

    def known_anchors(self) -> dict[str, dict[str, Point]]:
        return dict(self._anchors)

    def remember_anchors(self, anchors: dict[str, dict[str, Point]]) -> None:
        self._anchors.update(anchors)

    def view(self, view_id: str) -> View:
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(view_id)

    def zone(self, zone_id: str) -> Zone:
        return self._by_id[zone_id]

    def has_zone(self, zone_id: str) -> bool:
        return zone_id in self._by_id

    def aspects(self) -> tuple[str, ...]:
        """The aspects this chart draws, in the canonical order (plantar first)."""
        present = {v.aspect for v in self.views}
        return tuple(a for a in ASPECTS if a in present)

    def views_of(self, aspect: str) -> tuple[View, ...]:
        """Views of one aspect as charts place them: left foot first."""
        return tuple(sorted((v for v in self.views if v.aspect == aspect), key=lambda v: FEET.index(v.foot)))

    def too_full_to_label(self, aspect: str) -> bool:
        """Whether every view of `aspect` has more zones than MAX_LABELLED_ZONES: such a view
        is drawn unlabelled (its names shown on hover, in the zone list and on the card), and
        showing labels there changes nothing."""
        views = self.views_of(aspect)
        return bool(views) and all(len(self.zones_in(v.id)) > MAX_LABELLED_ZONES for v in views)

    def zones_in(self, view_id: str) -> tuple[Zone, ...]:
        return tuple(z for z in self.zones if view_id in z.shapes)

    def zones_at(self, view_id: str, x: float, y: float) -> tuple[Zone, ...]:
        """Every zone of `view_id` under the point (x, y) mm, smallest (most specific) first."""
        if self.index is None:
            raise RuntimeError("this atlas was built without an index")
        return tuple(self.zone(zid) for zid in self.index.zones_at(view_id, x, y))
