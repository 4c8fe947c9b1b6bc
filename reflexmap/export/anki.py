"""An Anki deck from any chart, written with genanki: image-occlusion style cards per zone and view.

- "find": *Where do charts place the sacrum?* over the foot with every zone outlined and none
  coloured; the answer shows the zone filled and outlined.
- "what": one zone filled and outlined; the answer is its name and the charts' claim.
Both carry the technique, tradition and sources on the back. The pictures are drawn by the
app's own chart scene (the window's drawing, on paper colours) at a sharp size.

Note GUIDs come from chart id + zone id + view + card kind, and the deck and note type ids from
the chart id, so importing an updated chart updates its notes instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import genanki

from ..atlas import Atlas, View, Zone
from ..content.zone_card import claim_sentence, details_html, isolate
from ..i18n import _, language
from ..storage import atomic_path
from ..vocab import aspect_name, foot_name
from . import ExportCancelled

KINDS = ("find", "what")
PICTURE_PX = 1000  # the longer side of each picture
CSS = """
.card { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 18px; color: #1f2328;
  background: #ffffff; text-align: left; max-width: 720px; margin: 0 auto; padding: 8px; }
.prompt { font-size: 1.2em; font-weight: 600; margin: 0 0 8px 0; }
.picture img { display: block; max-width: 100%; max-height: 70vh; margin: 0 auto; }
.name { font-size: 1.3em; font-weight: bold; margin: 8px 0 2px 0; }
.claim { font-size: 1.1em; margin: 4px 0 8px 0; }
p { margin: 4px 0; }
h3 { font-size: 0.9em; color: #555b63; margin: 10px 0 2px 0; }
.small, .where { color: #555b63; font-size: 0.9em; }
ul.sources { padding-left: 1.2em; }
"""
FIELDS = ["Prompt", "Picture", "Answer", "AnswerPicture", "Details", "Where"]


def _stable_id(*parts: str) -> int:
    """An id in Anki's range that depends only on `parts`."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_type(atlas: Atlas) -> genanki.Model:
    return genanki.Model(
        _stable_id("reflexmap-model", atlas.id),
        f"ReflexMap ({atlas.id})",
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "ReflexMap",
                "qfmt": "<div class='prompt'>{{Prompt}}</div><div class='picture'>{{Picture}}</div>",
                "afmt": "<div class='prompt'>{{Prompt}}</div><div class='picture'>{{AnswerPicture}}</div>"
                "<hr id='answer'>{{Answer}}{{Details}}<p class='where'>{{Where}}</p>",
            }
        ],
        css=CSS,
        sort_field_index=0,
    )


def _media_name(*parts: str) -> str:
    return "reflexmap-" + "-".join(re.sub(r"[^a-z0-9-]", "_", p.lower()) for p in parts) + ".png"


def _img(name: str, alt: str) -> str:
    return f'<img src="{escape(name)}" alt="{escape(alt)}">'


def guid(atlas: Atlas, zone: Zone, view: View, kind: str) -> str:
    return genanki.guid_for(atlas.id, zone.id, view.id, kind)


def tags(atlas: Atlas, zone: Zone, view: View, kind: str) -> list[str]:
    def clean(text: str) -> str:
        return re.sub(r"\s+", "_", text)

    return [
        clean(f"reflexmap::{atlas.id}"),
        f"view::{view.aspect}",
        f"foot::{view.foot}",
        clean(f"region::{zone.region}"),
        f"card::{kind}",
    ]


def build_notes(atlas: Atlas) -> tuple[list[genanki.Note], dict[str, tuple[str, str | None]]]:
    """The notes, and the pictures they need: media name -> (view id, highlighted zone or None)."""
    model = note_type(atlas)
    notes, pictures = [], {}
    caveat = escape(
        _(
            "Zones show what reflexology charts claim, not anatomy; the evidence that working them "
            "helps any condition is weak."
        )
    )
    for view in atlas.views:
        zones = atlas.zones_in(view.id)
        if not zones:
            continue
        blank = _media_name(atlas.id, view.id)
        pictures[blank] = (view.id, None)
        where = f"{foot_name(view.foot)}, {aspect_name(view.aspect)}"
        for zone in zones:
            shown = _media_name(atlas.id, view.id, zone.id)
            pictures[shown] = (view.id, zone.id)
            claim = escape(isolate(zone.claim))
            answer = (
                f"<p class='name'>{escape(zone.name)}</p><p class='claim'>{claim_sentence(zone.claim)}</p>"
            )
            details = details_html(atlas, zone) + f"<p class='small'>{caveat}</p>"
            highlighted = _img(shown, _("{name} highlighted on the foot").format(name=isolate(zone.name)))
            blank_img = _img(blank, _("The foot with every zone outlined"))
            fields = {
                "find": [
                    escape(_("Where do charts place {claim}?")).replace("{claim}", claim),
                    blank_img,
                    answer,
                    highlighted,
                    details,
                    escape(where),
                ],
                "what": [
                    escape(_("What do charts place here?")),
                    highlighted,
                    answer,
                    highlighted,
                    details,
                    escape(where),
                ],
            }
            for kind in KINDS:
                notes.append(
                    genanki.Note(
                        model=model,
                        fields=fields[kind],
                        tags=tags(atlas, zone, view, kind),
                        guid=guid(atlas, zone, view, kind),
                    )
                )
    return notes, pictures


Progress = Callable[[int, int], bool]  # (pictures drawn, pictures in all) -> go on?


def render_pictures(
    atlas: Atlas, pictures: dict[str, tuple[str, str | None]], folder: Path, progress: Progress | None = None
) -> list[Path]:
    """Draw each picture with the app's chart scene: the one foot, zones outlined without
    colour or labels, the highlighted zone (if any) filled in its region colour and outlined.
    `progress(done, total)` is told before each picture (a deck has hundreds: seconds of
    work); when it returns False the drawing stops with ExportCancelled."""
    from PySide6.QtCore import QRectF

    from ..render.application import application
    from ..render.chart_scene import ChartScene
    from ..render.export import png_bytes
    from ..render.palette import LIGHT, drawing_with
    from ..storage import write_checked

    application()
    paths = []
    scene = ChartScene()
    by_view: dict[str, list[tuple[str, str | None]]] = {}
    for media, (view_id, zone_id) in pictures.items():
        by_view.setdefault(view_id, []).append((media, zone_id))
    with drawing_with(LIGHT):
        for view_id, items in by_view.items():
            view = atlas.view(view_id)
            scene.show_chart(atlas, view.aspect, views=(view_id,), title="", key=False)
            scene.set_labels_visible(False)
            rect = scene.view_rect(view_id)
            source = QRectF(rect.left() - 6, rect.top() - 6, rect.width() + 12, rect.height() + 20)
            long_side = max(source.width(), source.height())
            width = round(PICTURE_PX * source.width() / long_side)
            for media, zone_id in items:
                if progress is not None and not progress(len(paths), len(pictures)):
                    raise ExportCancelled
                for (v, z), item in scene.zone_items.items():
                    item.set_neutral(z != zone_id)
                    item.set_selected(z == zone_id and v == view_id)
                path = folder / media
                write_checked(path, png_bytes(scene, source, width))  # each write checked
                paths.append(path)
    return paths


def deck(atlas: Atlas) -> tuple[genanki.Deck, dict[str, tuple[str, str | None]]]:
    notes, pictures = build_notes(atlas)
    result = genanki.Deck(_stable_id("reflexmap-deck", atlas.id), f"ReflexMap::{atlas.title}")
    for note in notes:
        result.add_note(note)
    return result, pictures


def export_deck(atlas: Atlas, out: Path, progress: Progress | None = None) -> Path:
    """Write the .apkg for `atlas` (texts in the current language) atomically; `progress`:
    see render_pictures (cancelled, nothing is written)."""
    out = Path(out)
    atlas = atlas.localized(language())
    built, pictures = deck(atlas)
    with tempfile.TemporaryDirectory(prefix="reflexmap-anki-") as folder:
        media = render_pictures(atlas, pictures, Path(folder), progress)
        with atomic_path(out, backup=True) as temporary:
            genanki.Package(built, media_files=[str(p) for p in media]).write_to_file(str(temporary))
    return out
