"""An Anki deck from any chart, written with genanki: image-occlusion style cards per zone and view.

- "find": *Where do charts place the sacrum? Find it on the left foot, plantar view.* over the
  foot with every zone outlined and none coloured (how many places to find where the chart
  draws the answer in more than one: a zone in parts, or one claim at two zones, asked on one
  card); the answer shows each filled and outlined, and names them.
- "what": one zone filled and outlined; the answer is its name and the charts' claim.
Both carry the technique, tradition and sources on the back. The pictures are drawn by the
app's own chart scene (the window's drawing, on paper colours) at a sharp size.

A deck stays small for any chart: each view is one picture that all its cards share, and a
highlighted zone is a second picture laid over it, of the same size and transparent wherever
it equals the shared one (a few kilobytes, where a whole picture per card made 1.0 GB of
3,000 zones). Lossless PNG keeps outlines exact; the two are stacked in one grid cell with
inline styles, so they line up at any size on any Anki (desktop, AnkiDroid, AnkiMobile) even
when a collection keeps an older copy of the note type's CSS.

Note GUIDs come from chart id + zone id + view + card kind, and the deck and note type ids from
the chart id, so importing an updated chart updates its notes instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import genanki

from ..atlas import Atlas, View, Zone
from ..content.markup import where_question
from ..content.zone_card import claim_sentence, details_html, isolate
from ..i18n import _, language, ngettext, shown_text
from ..storage import atomic_path, temporary_folder_beside
from ..vocab import aspect_name, foot_name
from ..vocab import where as vocab_where
from . import ExportCancelled

KINDS = ("find", "what")
# The longer side of each picture: a foot is tall, and a phone shows it at up to 70 % of its
# height (about 560 CSS pixels) at 2-3 device pixels each, so 1,000 is what it can show sharp.
PICTURE_PX = 1000
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


_STACK = "display:grid;grid-template-columns:minmax(0,1fr);justify-items:center"
_LAYER = "grid-area:1/1;display:block;max-width:100%;max-height:70vh;margin:0"


def _pictures(*layers: tuple[str, str]) -> str:
    """(media name, alt) pictures of one size drawn over each other, the first at the bottom:
    in one grid cell with the same limits they are scaled and placed alike."""
    images = "".join(
        f'<img src="{escape(name)}" alt="{escape(alt)}" style="{_LAYER}">' for name, alt in layers
    )
    return f'<span class="stack" style="{_STACK}">{images}</span>'


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
    """The notes, and the pictures they need: media name -> (view id, highlighted zone or None);
    a highlighted zone's picture is laid over its view's (see render_pictures)."""
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
        # the zones each find question fits on this foot: a chart may place one claim at two
        # zones ("Where do charts place the sacrum?" fits both); one card asks for them all
        alike: dict[str, list[Zone]] = {}
        for zone in zones:
            alike.setdefault(where_question(zone.claim), []).append(zone)
        for zone in zones:
            shown = _media_name(atlas.id, view.id, zone.id)
            pictures[shown] = (view.id, zone.id)
            answer = (
                f"<p class='name'>{escape(zone.name)}</p><p class='claim'>{claim_sentence(zone.claim)}</p>"
            )
            details = details_html(atlas, zone) + f"<p class='small'>{caveat}</p>"
            layer = _layer(atlas, view, zone)
            highlighted = _pictures((blank, ""), layer)
            # the question's picture does not name the zone in its alt text (a screen reader
            # read the answer out on the front, as did a picture that failed to load: tryout)
            asked = _pictures((blank, ""), (layer[0], _("The zone asked about, highlighted")))
            fields = {
                "what": [
                    escape(_("What do charts place here?")),
                    asked,
                    answer,
                    highlighted,
                    details,
                    escape(where),
                ],
            }
            group = alike[where_question(zone.claim)]
            if group[0] is zone:  # the others the question fits are asked on this card, not again
                fields["find"] = _find_fields(atlas, view, group, blank, caveat, where)
            key = _hidden(f" ({zone.id}, {view.id})")  # Anki's duplicate check reads it
            for kind in (k for k in KINDS if k in fields):
                prompt, *rest = (_inert(field) for field in fields[kind])
                notes.append(
                    genanki.Note(
                        model=model,
                        fields=[prompt + key, *rest],
                        tags=tags(atlas, zone, view, kind),
                        guid=guid(atlas, zone, view, kind),
                    )
                )
    return notes, pictures


def _layer(atlas: Atlas, view: View, zone: Zone) -> tuple[str, str]:
    """The picture that highlights `zone` over its view's, with its alt text."""
    alt = _("{name} highlighted on the foot").format(name=isolate(zone.name))
    return _media_name(atlas.id, view.id, zone.id), alt


def _find_fields(
    atlas: Atlas, view: View, group: list[Zone], blank: str, caveat: str, where: str
) -> list[str]:
    """A find card's fields, unambiguous: the front names the foot and view it asks about
    and, where the chart draws the answer in more than one place on it (a zone in two parts,
    or one claim at two zones), how many to find; the back highlights and names every one."""
    first = group[0]
    places = sum(len(zone.shapes[view.id]) for zone in group)
    on = vocab_where(view.foot, view.aspect)
    if places > 1:
        find = ngettext(
            "This chart draws it in {count} place on the {view}: find it.",
            "This chart draws it in {count} places on the {view}: find them all.",
            places,
        ).format(view=on, count=places)
    else:
        find = _("Find it on the {view}.").format(view=on)
    prompt = f"{escape(where_question(first.claim))}<br><span class='where'>{escape(find)}</span>"
    answer = "".join(
        f"<p class='name'>{escape(zone.name)}</p><p class='claim'>{claim_sentence(zone.claim)}</p>"
        for zone in group
    )
    details = "".join(details_html(atlas, zone) for zone in group) + f"<p class='small'>{caveat}</p>"
    blank_img = _pictures((blank, _("The foot with every zone outlined")))
    highlighted = _pictures((blank, ""), *(_layer(atlas, view, zone) for zone in group))
    return [prompt, blank_img, answer, highlighted, details, escape(where)]


def _hidden(text: str) -> str:
    """Text on no card: a note's first field must differ from every other note's, or Anki
    flags it a duplicate ("What do charts place here?" is every *what* note's prompt); the
    zone and view in it make it unique, and name the note in Browse's sort column."""
    return f'<span style="display:none">{_inert(escape(text))}</span>'


_ANKI_SIGNS = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;"})


def _inert(html: str) -> str:
    """A field's HTML with what Anki reads in it made plain text: `[sound:x.mp3]` (played),
    `[latex]`, `{{…}}`, `\\(` and `\\[` (MathJax) show as written. Brackets and braces become
    character references (the card shows them; Anki's patterns on the field no longer
    match); a word joiner after a backslash before a bracket keeps MathJax from seeing its
    delimiter in the page's text. The fields' own markup has no brackets or braces."""
    html = re.sub(r"\\(?=[()\[\]])", lambda _m: "\\\u2060", html)
    return html.translate(_ANKI_SIGNS)


Progress = Callable[[int, int], bool]  # (pictures drawn, pictures in all) -> go on?


def render_pictures(
    atlas: Atlas, pictures: dict[str, tuple[str, str | None]], folder: Path, progress: Progress | None = None
) -> list[Path]:
    """Draw each picture with the app's chart scene: the one foot, zones outlined without
    colour or labels; with a highlighted zone, only what changes over that picture when the
    zone is filled in its region colour and outlined, transparent elsewhere (an overlay).
    `progress(done, total)` is told before each picture (a deck has hundreds: seconds of
    work); when it returns False the drawing stops with ExportCancelled.

    Each view is drawn whole once, every zone outlined; for a zone highlighted only the
    zone's surroundings are drawn again, with the same transform and clipped to them: laid
    over the whole drawing, the overlay gives the same pixels as drawing the whole view
    again, at a cost that does not grow with the chart (3,000 zones took 0.15 s a picture
    drawn whole, hours a deck)."""
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
                if zone_id is None:
                    image = whole.image
                else:
                    image = whole.changes_around([item.sceneBoundingRect() for _v, item in shown])
                for _v, item in shown:  # back to outlined, as the whole drawing has it
                    item.set_neutral(True)
                    item.set_selected(False)
                path = folder / media
                write_checked(path, _png(image, overlay=zone_id is not None))  # each write checked
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

    def changes_around(self, scene_rects: list):
        """What drawing these scene rectangles again as the scene now is changes: a picture
        of the whole drawing's size, transparent wherever the pixels stay the same."""
        import numpy as np
        from PySide6.QtGui import QImage

        overlay = np.zeros((self.height, self.width, 4), np.uint8)
        clip = self._clip(scene_rects)
        if not clip.isEmpty():
            x, y, w, h = clip.x(), clip.y(), clip.width(), clip.height()
            before = _bytes(self.image)[y : y + h, x : x + w]
            after = _bytes(self._draw(clip))[y : y + h, x : x + w]
            changed = (before != after).any(axis=2)
            overlay[y : y + h, x : x + w][changed] = after[changed]
        format_ = QImage.Format.Format_ARGB32  # B, G, R, A bytes: opaque where changed
        image = QImage(overlay.data, self.width, self.height, self.width * 4, format_)
        return image.copy()  # owns its pixels once `overlay` is gone

    def _clip(self, scene_rects: list):
        """The pixels these scene rectangles cover, 3 around for pens and antialiasing."""
        from PySide6.QtCore import QRect, QRectF

        clip = QRect()
        for rect in scene_rects:
            pixels = QRectF(
                (rect.left() - self.source.left()) * self.scale,
                (rect.top() - self.source.top()) * self.scale,
                rect.width() * self.scale,
                rect.height() * self.scale,
            )
            clip = clip.united(pixels.toAlignedRect().adjusted(-3, -3, 3, 3))
        return clip.intersected(QRect(0, 0, self.width, self.height))


def _bytes(image):
    """An opaque drawing's pixels as rows of B, G, R, A bytes (a numpy view of a copy)."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


PNG_QUALITY = 80  # Qt's PNG "quality": less zlib effort than its default; smaller files here
OVERLAY_QUALITY = 50  # an overlay is mostly transparent: a third of the bytes in the same time


def _png(image, *, overlay: bool = False) -> bytes:
    """The picture as a PNG: an opaque drawing as RGB (drawn on white: no alpha channel to
    keep), an overlay with its transparency; encoded in a third of the time of Qt's default
    and smaller (0.38 against 0.46 MB a whole view)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if overlay:
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
    else:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    if not image.save(buffer, "PNG", OVERLAY_QUALITY if overlay else PNG_QUALITY):
        raise OSError(_("the PNG image could not be encoded"))
    return bytes(buffer.data())


def deck(atlas: Atlas) -> tuple[genanki.Deck, dict[str, tuple[str, str | None]]]:
    notes, pictures = build_notes(atlas)
    result = genanki.Deck(_stable_id("reflexmap-deck", atlas.id), f"ReflexMap::{shown_text(atlas.title)}")
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
            _deflate(Path(temporary))
    return out


def _deflate(path: Path) -> None:
    """genanki stores its zip uncompressed; Anki's own decks deflate it. The notes' HTML is
    repetitive (2.1 MB of collection for 240 zones, a tenth deflated); the PNGs are
    compressed already and stay stored."""
    descriptor, name = tempfile.mkstemp(prefix=".reflexmap-deck-", dir=path.parent)  # short name
    os.close(descriptor)
    packed = Path(name)
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(packed, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                kind = zipfile.ZIP_STORED if data.startswith(b"\x89PNG") else zipfile.ZIP_DEFLATED
                target.writestr(info.filename, data, compress_type=kind)
        packed.replace(path)
    finally:
        packed.unlink(missing_ok=True)
