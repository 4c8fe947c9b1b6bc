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
from ..storage import atomic_path, temporary_folder_beside
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
    work); when it returns False the drawing stops with ExportCancelled.

    Each view is drawn whole once, every zone outlined; a picture with a zone highlighted is
    that drawing with only the zone's surroundings drawn again, with the same transform and
    clipped to them: the same pixels as drawing the whole view again, at a cost that does
    not grow with the chart (3,000 zones took 0.15 s a picture drawn whole, hours a deck)."""
    from PySide6.QtCore import QRectF

    from ..render.application import application
    from ..render.chart_scene import ChartScene
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
            of_zone: dict[str, list] = {}
            for (v, z), item in scene.zone_items.items():
                item.set_neutral(True)
                item.set_selected(False)
                of_zone.setdefault(z, []).append((v, item))
            whole = _Drawing(scene, source, width)
            for media, zone_id in items:
                if progress is not None and not progress(len(paths), len(pictures)):
                    raise ExportCancelled
                shown = of_zone.get(zone_id, []) if zone_id is not None else []
                for v, item in shown:
                    item.set_neutral(False)
                    item.set_selected(v == view_id)
                image = whole.again_around([item.sceneBoundingRect() for _v, item in shown])
                for _v, item in shown:  # back to outlined, as the whole drawing has it
                    item.set_neutral(True)
                    item.set_selected(False)
                path = folder / media
                write_checked(path, _png(image))  # each write checked
                paths.append(path)
    return paths


class _Drawing:
    """A view drawn whole, as `render.export.png_bytes` draws it (white, antialiased, the
    scene's `source` rectangle at `width` pixels), and drawn again only where it changed."""

    def __init__(self, scene, source, width: int):
        from PySide6.QtCore import QRectF

        self.scene, self.source, self.width = scene, source, width
        self.height = round(width * source.height() / source.width())
        self.target = QRectF(0, 0, width, self.height)
        # QGraphicsScene.render's own transform for this target and source (KeepAspectRatio)
        self.scale = min(width / source.width(), self.height / source.height())
        self.image = self._draw(None)

    def _draw(self, clip):
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QImage, QPainter

        if clip is None:
            image = QImage(self.width, self.height, QImage.Format.Format_ARGB32_Premultiplied)
            if image.isNull():
                raise OSError(
                    _("not enough memory for an image of {width} × {height} pixels").format(
                        width=self.width, height=self.height
                    )
                )
            image.fill(Qt.GlobalColor.white)
        else:
            image = self.image.copy()
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        if clip is None:
            self.scene.render(painter, self.target, self.source)
        else:  # only the items there are drawn, by the same transform (to rounding)
            painter.fillRect(clip, Qt.GlobalColor.white)
            part = QRectF(
                self.source.left() + clip.x() / self.scale,
                self.source.top() + clip.y() / self.scale,
                clip.width() / self.scale,
                clip.height() / self.scale,
            )
            self.scene.render(painter, QRectF(clip), part, Qt.AspectRatioMode.IgnoreAspectRatio)
        if not painter.end():
            raise OSError(_("the PNG image could not be drawn"))
        return image

    def again_around(self, scene_rects: list):
        """The whole drawing with these scene rectangles (and 3 pixels around them, for pens
        and antialiasing) drawn again as the scene now is."""
        from PySide6.QtCore import QRect, QRectF

        if not scene_rects:
            return self.image
        clip = QRect()
        for rect in scene_rects:
            pixels = QRectF(
                (rect.left() - self.source.left()) * self.scale,
                (rect.top() - self.source.top()) * self.scale,
                rect.width() * self.scale,
                rect.height() * self.scale,
            )
            clip = clip.united(pixels.toAlignedRect().adjusted(-3, -3, 3, 3))
        clip = clip.intersected(QRect(0, 0, self.width, self.height))
        return self._draw(clip) if not clip.isEmpty() else self.image


PNG_QUALITY = 80  # Qt's PNG "quality": less zlib effort than its default; smaller files here


def _png(image) -> bytes:
    """The picture as an opaque RGB PNG (it is drawn on white: no alpha channel to keep),
    encoded in a third of the time of Qt's default and smaller (0.38 against 0.46 MB)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "PNG", PNG_QUALITY):
        raise OSError(_("the PNG image could not be encoded"))
    return bytes(buffer.data())


def deck(atlas: Atlas) -> tuple[genanki.Deck, dict[str, tuple[str, str | None]]]:
    notes, pictures = build_notes(atlas)
    result = genanki.Deck(_stable_id("reflexmap-deck", atlas.id), f"ReflexMap::{atlas.title}")
    for note in notes:
        result.add_note(note)
    return result, pictures


def export_deck(
    atlas: Atlas, out: Path, progress: Progress | None = None, said: Callable[[str], None] | None = None
) -> Path:
    """Write the .apkg for `atlas` (texts in the current language) atomically; `progress`:
    see render_pictures (cancelled, nothing is written). The pictures and genanki's database
    are made in the system's temporary folder, or beside `out` when that folder cannot be
    written (`said` is told so)."""
    out = Path(out)
    atlas = atlas.localized(language())
    built, pictures = deck(atlas)
    with (
        temporary_folder_beside(out, said),
        tempfile.TemporaryDirectory(prefix="reflexmap-anki-") as folder,
    ):
        media = render_pictures(atlas, pictures, Path(folder), progress)
        with atomic_path(out, backup=True) as temporary:
            genanki.Package(built, media_files=[str(p) for p in media]).write_to_file(str(temporary))
    return out
