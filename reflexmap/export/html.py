"""One self-contained web page from any chart: every view of both feet as inline SVG (drawn
from the atlas geometry in millimetres), the zone cards, the notes, a search and a "find it"
quiz, with inline CSS and a small script. No Qt, no network, no external files.

Safety: every text from the chart is escaped with `html.escape` where it is written (element
text and attributes); the script only ever sets `textContent`; and the page carries a
Content-Security-Policy of `default-src 'none'` that lets run only its own script and style
(by hash), so even markup that slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..atlas import Atlas, View, Zone
from ..atlas.coords import MAX_LABELLED_ZONES
from ..atlas.index import shape_area
from ..atlas.search import STEM_EXTRA, STEM_MIN
from ..content import NOTES, note_html
from ..content.markup import QUESTION_CLAIM_CHARS, escape, shortened, where_question
from ..content.zone_card import claim_text, details_html, heading_html, isolate
from ..i18n import N_, _, bidi_isolate, language, shown_text
from ..layout import order as layout_order
from ..layout.frames import bounds, is_wide
from ..layout.labels import spread
from ..quiz.find_words import NEAR_MISS_MM, find_words
from ..storage import atomic_path
from ..vocab import REGION_COLOURS, aspect_name, aspect_title, foot_name, region_name

LABEL_MM = 5.3  # page.css's .lab font-size: 12 CSS px at the scale a 1920×1080 screen gives
LEAD_MM = 12.0  # between a foot's edge and its label column
SEP_MM = 8.0  # between a column and the next foot's column
BARE_GAP_MM = 16.0  # between two feet shown without their labels
CHAR_MM = 0.56  # average advance of one character at 1 mm type in DejaVu Sans (page.css), for column widths
CAPTION_MM = 5.5
LABEL_CHARS = 30  # a label is cut after this many characters ("…"): as in the app's pictures


def along_foot(atlas: Atlas, view: View) -> list[str]:
    """Zone ids of one view in the order Tab walks them: toes to heel (as in the app)."""
    return layout_order.along_foot(view, [z.id for z in atlas.zones_in(view.id)], atlas.anchors(view.id))


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _path(shape) -> str:
    return " ".join(
        "M" + " L".join(f"{_num(x)} {_num(y)}" for x, y in ring) + " Z" for ring in shape if len(ring) >= 3
    )


def _text_mm(text: str, size: float) -> float:
    return len(text) * CHAR_MM * size


def label_text(name: str) -> str:
    """A zone's name on one line of at most LABEL_CHARS characters, cut with "…": the page
    fits its whole drawing to the screen, so one long name would shrink every foot and label
    to a few pixels. The whole name is in the zone's card and accessible name."""
    name = " ".join(name[:2000].split())
    if len(name) <= LABEL_CHARS:
        return name
    return bidi_isolate(name[: LABEL_CHARS - 1].rstrip()) + "…"  # our "…" after the chart's text


@dataclass
class _Frame:
    view: View
    dx: float  # scene = (dx + x, dy - y)
    dy: float
    left_ids: list[str]
    right_ids: list[str]

    def scene(self, x: float, y: float) -> tuple[float, float]:
        return self.dx + x, self.dy - y


def _sides(atlas: Atlas, view: View) -> tuple[list[str], list[str]]:
    anchors = atlas.anchors(view.id)
    if len(anchors) > MAX_LABELLED_ZONES:
        return [], []
    minx, _miny, maxx, _maxy = bounds(view.outline)
    middle = (minx + maxx) / 2
    left = [z for z, (x, _y) in anchors.items() if x <= middle]
    right = [z for z, (x, _y) in anchors.items() if x > middle]
    return left, right


def _column(atlas: Atlas, ids: list[str]) -> float:
    return max((_text_mm(label_text(atlas.zone(z).name), LABEL_MM) for z in ids), default=0.0)


def _frames(atlas: Atlas, views: tuple[View, ...], labelled: bool = True) -> list[_Frame]:
    """Where each view sits: soles and tops side by side, side views one above the other,
    with a column of labels on each side of each foot (`labelled`), or close together, as the
    feet are shown without labels (a quiz, the Labels box cleared, the names listed on a phone)."""
    sides = [_sides(atlas, v) if labelled else ([], []) for v in views]
    lead = LEAD_MM if labelled else BARE_GAP_MM / 2
    frames = []
    if is_wide(views):
        left_w = max(_column(atlas, s[0]) for s in sides)
        top = 0.0
        for view, (left, right) in zip(views, sides, strict=True):
            minx, miny, _maxx, maxy = bounds(view.outline)
            frames.append(_Frame(view, left_w + lead - minx, top + maxy, left, right))
            gap = LABEL_MM * 1.5
            tallest = max(len(left), len(right)) * gap
            top = top + max(maxy - miny, tallest) + CAPTION_MM + 16  # room for page.js's larger captions
        return frames
    cursor = 0.0
    for view, (left, right) in zip(views, sides, strict=True):
        minx, _miny, maxx, maxy = bounds(view.outline)
        cursor += _column(atlas, left) + lead
        dx = cursor - minx
        frames.append(_Frame(view, dx, maxy, left, right))
        cursor = dx + maxx + lead + _column(atlas, right) + (SEP_MM if labelled else 0)
    return frames


def _labels(atlas: Atlas, frame: _Frame) -> tuple[list[str], float, float]:
    """SVG for one view's label columns with leaders; returns the parts and the columns' extent."""
    view = frame.view
    minx, miny, maxx, maxy = bounds(view.outline)
    anchors = atlas.anchors(view.id)
    parts: list[str] = []
    low, high = frame.dy - maxy + LABEL_MM, frame.dy - miny - LABEL_MM
    top, bottom = frame.dy - maxy, frame.dy - miny
    for ids, side in ((frame.left_ids, "left"), (frame.right_ids, "right")):
        if not ids:
            continue
        points = [frame.scene(*anchors[z]) for z in ids]
        ys = spread([p[1] for p in points], LABEL_MM * 1.45, low, high)
        edge_x = frame.dx + (minx if side == "left" else maxx)
        text_x = edge_x - LEAD_MM if side == "left" else edge_x + LEAD_MM
        anchor = "end" if side == "left" else "start"
        for zone_id, (ax, ay), y in zip(ids, points, ys, strict=True):
            end_x = text_x + (1 if side == "left" else -1)
            parts.append(
                f'<path class="lead" d="M{_num(end_x)} {_num(y)} L{_num(ax)} {_num(ay)}"/>'
                f'<circle class="dot" cx="{_num(ax)}" cy="{_num(ay)}" r="0.7"/>'
                f'<text class="lab" data-zone="{escape(zone_id)}" x="{_num(text_x)}" y="{_num(y)}" '
                f'dy="0.35em" text-anchor="{anchor}">{escape(label_text(atlas.zone(zone_id).name))}</text>'
            )
            top, bottom = min(top, y - LABEL_MM), max(bottom, y + LABEL_MM)
    return parts, top, bottom


def _aspect_svg(atlas: Atlas, aspect: str) -> str:
    views = atlas.views_of(aspect)
    frames = _frames(atlas, views)
    layers = {"feet": [], "zones": [], "keys": [], "labels": [], "captions": [], "guides": []}
    left = right = top = bottom = None
    bare = None  # the feet and captions alone, moved together: labels hidden (a quiz, the box)
    for frame, alone in zip(frames, _frames(atlas, views, labelled=False), strict=True):
        view = frame.view
        minx, miny, maxx, maxy = bounds(view.outline)
        # page.js moves each view to its place without labels (data-bare) and back (data-placed)
        placed = f"translate({_num(frame.dx)} {_num(frame.dy)}) scale(1 -1)"
        transform = (
            f'transform="{placed}" data-placed="{placed}" '
            f'data-bare="translate({_num(alone.dx)} {_num(alone.dy)}) scale(1 -1)"'
        )
        guides = "".join(
            f'<polyline class="guide" points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in g.points)}">'
            f"<title>{escape(_('{guide} (approximate)').format(guide=isolate(g.name)))}</title></polyline>"
            for g in view.guides
        )
        layers["feet"].append(
            f'<g class="view" data-view="{escape(view.id)}" {transform}>'
            f'<path class="outline" d="{_path((view.outline,))}"/>{guides}</g>'
        )
        zones = sorted(atlas.zones_in(view.id), key=lambda z: -shape_area(z.shapes[view.id]))  # small on top
        anchors = atlas.anchors(view.id)  # where a quiz's ✔ stands (page.js markZone)
        painted = "".join(
            f'<path class="z" fill="{REGION_COLOURS.get(z.region, "#999999")}" data-zone="{escape(z.id)}" '
            f'data-area="{_num(shape_area(z.shapes[view.id]))}" '
            + (f'data-at="{_num(anchors[z.id][0])} {_num(anchors[z.id][1])}" ' if z.id in anchors else "")
            + f'd="{_path(z.shapes[view.id])}"/>'
            for z in zones
        )
        layers["zones"].append(f'<g data-view="{escape(view.id)}" {transform}>{painted}</g>')
        # The same shapes again, in the order Tab walks them, as the accessible elements: they
        # draw only the focus ring and let clicks through to the painted layer.
        keys = "".join(
            f'<path class="k" tabindex="0" role="button" data-zone="{escape(z)}" '
            f'aria-label="{escape(_key_label(atlas.zone(z), view))}" '
            f'd="{_path(atlas.zone(z).shapes[view.id])}"/>'
            for z in along_foot(atlas, view)
        )
        layers["keys"].append(f'<g class="keys" data-view="{escape(view.id)}" {transform}>{keys}</g>')
        layers["guides"].append(_guide_names(view, frame, alone))
        parts, label_top, label_bottom = _labels(atlas, frame)
        layers["labels"] += parts
        cx, cy = frame.dx + (minx + maxx) / 2, frame.dy - miny + CAPTION_MM * 1.6
        layers["captions"].append(
            f'<text class="cap" x="{_num(cx)}" y="{_num(cy)}" font-size="{_num(CAPTION_MM)}" '
            'text-anchor="middle" '
            f'data-placed="translate(0 0)" data-bare="translate({_num(alone.dx - frame.dx)} '
            f'{_num(alone.dy - frame.dy)})">'
            f"{escape(foot_name(view.foot))}</text>"
        )
        column_l, column_r = _column(atlas, frame.left_ids), _column(atlas, frame.right_ids)
        f_left = frame.dx + minx - (LEAD_MM + column_l if frame.left_ids else 2)
        f_right = frame.dx + maxx + (LEAD_MM + column_r if frame.right_ids else 2)
        f_top, f_bottom = min(label_top, frame.dy - maxy), max(label_bottom, cy + 2)
        b_cy = alone.dy - miny + CAPTION_MM * 1.6
        b_box = (alone.dx + minx - 2, alone.dy - maxy, alone.dx + maxx + 2, b_cy + 2)
        bare = (
            b_box
            if bare is None
            else [f(a, b) for f, a, b in zip((min, min, max, max), bare, b_box, strict=True)]
        )
        left = f_left if left is None else min(left, f_left)
        right = f_right if right is None else max(right, f_right)
        top = f_top if top is None else min(top, f_top)
        bottom = f_bottom if bottom is None else max(bottom, f_bottom)
    assert left is not None and right is not None and top is not None and bottom is not None
    left, top, right, bottom = left - 3, top - 3, right + 3, bottom + 3
    box = f"{_num(left)} {_num(top)} {_num(right - left)} {_num(bottom - top)}"
    assert bare is not None
    b_left, b_top, b_right, b_bottom = bare[0] - 3, bare[1] - 3, bare[2] + 3, bare[3] + 3
    bare_box = f"{_num(b_left)} {_num(b_top)} {_num(b_right - b_left)} {_num(b_bottom - b_top)}"
    return (
        f'<svg class="chart" viewBox="{box}" data-box="{box}" data-bare-box="{bare_box}" '
        f'data-caption="{_num(CAPTION_MM)}" '
        f'role="group" aria-label="{escape(aspect_title(aspect))}">'
        + "".join(layers["feet"])
        + "".join(layers["zones"])
        + '<g class="labels" aria-hidden="true">'
        + "".join(layers["labels"])
        + "</g>"
        + '<g aria-hidden="true">'
        + "".join(layers["captions"])
        + "</g>"
        + "".join(layers["guides"])
        + "".join(layers["keys"])
        + "</svg>"
    )


def _guide_names(view: View, frame: _Frame, alone: _Frame) -> str:
    """The names of one view's guide lines, to stand on the feet by their lines as the app
    names them (the key under the feet names them too). Written here with their lines'
    points and the foot's bounds (the view's millimetres); page.js sizes them in CSS px
    (readable at any scale of the drawing) and places each by its line, clear of the other
    names, the labels and the captions, whenever it fits the drawing. Plain text, isolated
    where it needs to be, cut as a label is (label_text)."""
    if not view.guides:
        return ""
    minx, miny, maxx, maxy = bounds(view.outline)
    names = "".join(
        '<text class="gname" data-points="'
        + " ".join(f"{_num(x)},{_num(y)}" for x, y in g.points[:400])
        + f'">{escape(label_text(g.name[:200]))}</text>'
        for g in view.guides[:24]  # (as many as the key names: the placement is quadratic)
    )
    return (
        f'<g class="gnames" aria-hidden="true" data-view="{escape(view.id)}" '
        f'data-foot="{_num(minx)} {_num(miny)} {_num(maxx)} {_num(maxy)}" '
        f'transform="translate({_num(frame.dx)} {_num(frame.dy)})" '
        f'data-placed="translate({_num(frame.dx)} {_num(frame.dy)})" '
        f'data-bare="translate({_num(alone.dx)} {_num(alone.dy)})">{names}</g>'
    )


def _names_html(atlas: Atlas, aspect: str) -> str:
    """The labelled zones of one aspect as a list of buttons, toes to heel, once each: where the
    labels beside the feet would come out too small to read (a phone), the page shows the feet
    alone and this list instead (page.js decides by the size the labels would have)."""
    ids: dict[str, None] = {}
    for view in atlas.views_of(aspect):
        left, right = _sides(atlas, view)
        labelled = set(left) | set(right)
        ids.update((z, None) for z in along_foot(atlas, view) if z in labelled)
    if not ids:
        return ""
    items = "".join(
        f'<li><button type="button" class="name" data-zone="{escape(z)}">'
        f"{_swatch(atlas.zone(z).region)}{escape(label_text(atlas.zone(z).name))}</button></li>"
        for z in ids
    )
    hint = t(N_("Tap a name to see its zone on the feet."))
    return f'<div class="names"><p class="small">{hint}</p><ul>{items}</ul></div>'


def _swatch(region: str) -> str:
    return (
        '<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" '
        f'rx="2" fill="{REGION_COLOURS.get(region, "#999999")}"/></svg>'
    )


def _key_html(atlas: Atlas, aspect: str) -> str:
    """The key under one aspect's feet, as the app's and the exports' (render/chart_key.py):
    the regions of the zones drawn there, in the palette's order, and what the dashed lines
    are, named (a phone shows no SVG <title>) and said to be approximate."""
    views = atlas.views_of(aspect)
    regions = {z.region for view in views for z in atlas.zones_in(view.id)}
    order = list(REGION_COLOURS)
    items = "".join(
        f"<li>{_swatch(r)}{escape(region_name(r))}</li>"
        for r in sorted(regions, key=lambda r: order.index(r) if r in order else len(order))
    )
    guides = list(dict.fromkeys(" ".join(g.name[:200].split()) for view in views for g in view.guides))
    if guides:
        # a slash is held to the word before it (no break inside "nobr"), the text itself kept
        # as it is (searched, copied, read aloud): a line of the key started with "/" (S19-14)
        names = escape(", ".join(isolate(g) for g in guides[:24]))
        names = names.replace(" /", '<span class="nobr"> /</span>')
        items += (
            '<li class="guides"><svg class="dash" viewBox="0 0 24 10" aria-hidden="true">'
            '<line x1="0" y1="5" x2="24" y2="5"/></svg>'
            f"<span><i>{t(N_('guide lines (approximate)'))}</i>: {names} "
            # on a small screen the names are off the feet (they covered a fifth of a phone's
            # soles): this toggle puts them on the feet and takes them off again (page.js)
            f'<button type="button" class="gnames-show" aria-pressed="false" hidden>'
            f"{t(N_('Names on the feet'))}</button></span></li>"
        )
    return f'<ul class="key" aria-label="{t(N_("Key"))}">{items}</ul>' if items else ""


def _key_label(zone: Zone, view: View) -> str:
    return f"{isolate(zone.name)}: {claim_text(zone)} {foot_name(view.foot)}, {aspect_name(view.aspect)}."


def _card(atlas: Atlas, zone: Zone) -> str:
    words = " ".join((zone.name, zone.claim, region_name(zone.region), zone.id.replace("-", " ")))
    return (
        f'<article class="card" id="card-{escape(zone.id)}" data-zone="{escape(zone.id)}" '
        f'data-name="{escape(zone.name)}" data-said="{escape(isolate(zone.name))}" '
        f'data-mid="{escape(atlas.in_sentence(zone.name))}" '
        f'data-ask="{escape(where_question(zone.claim))}" '
        # (a tap on another zone the question fits: "This chart places … at the sacrum too")
        f'data-claim="{escape(bidi_isolate(shortened(zone.claim, QUESTION_CLAIM_CHARS)))}" '
        f'data-words="{escape(words.lower())}" hidden>'
        + heading_html(atlas, zone)
        + _notes_buttons()
        + details_html(atlas, zone)
        + "</article>"
    )


def _notes_buttons() -> str:
    return (
        "<p class='notes'>"
        + "".join(
            f'<button type="button" class="note-open" data-note="{key}">{escape(_(NOTES[key]))}</button>'
            for key in ("evidence", "red-flags")
        )
        + "</p>"
    )


# Interface strings the script shows (filled in with chart text through textContent only).
def _script_strings() -> dict[str, str | float]:
    return {
        # {name}/{tapped} mid-sentence: as the app words them (Atlas.in_sentence: "the coccyx")
        "findPrompt": _("{question} Tap it on the feet."),  # content.markup.where_question
        # an answer's words, as the app's quiz says them (quiz/find_words.py: right, alike,
        # near, nearOutside, wrong, wrongOutside), and the page's own for a tap where zones overlap
        **find_words(),
        "close": _("✔ Right: {name} (you tapped inside it, where zones overlap)."),
        "nearMm": NEAR_MISS_MM,  # a tap this close to the asked zone's edge is near (a number)
        "score": _("Score: {right} of {asked}"),
        "done": _("Round over: {right} of {asked} right."),
        "noAnswers": _("No question was answered in this round, so there is no score."),
        "question": _("Question {number} of {count}"),
        "alsoHere": _("Also under this point:"),
        "stepHint": _("Zone {number} of {count} under this point; tap it again for the next."),
        "noMatch": _("No zone matches."),
        # a typed word a little longer than a zone's finds it, as in the app (atlas/search.py)
        "stemMin": STEM_MIN,
        "stemExtra": STEM_EXTRA,
        "next": _("Next question"),
        "again": _("New round"),
        "labelsBox": _("Labels"),
        "namesBox": _("Name list"),  # the Labels box where the names are listed (a phone)
    }


def _plain_attribute(text: str) -> str:
    """Our own text (no chart text) in a double-quoted attribute: html.escape(text, quote=False)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_FORCING = re.compile("[\u202a-\u202e]")  # what shown_text shows as its escape


def _json_for_script(data) -> str:
    """JSON that cannot end its <script> element: <, > and & written as \\u escapes; chart
    text in it as shown (i18n.shown_text: a direction override read as its escape, the
    backslash escaped for JSON; such characters stand only inside JSON's strings)."""
    text = json.dumps(data, ensure_ascii=False)
    text = _FORCING.sub(lambda found: shown_text(found[0]).replace("\\", "\\\\"), text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def page_html(atlas: Atlas) -> str:
    """The whole page for `atlas`, in the current interface language (chart texts localized
    where the file translates them)."""
    atlas = atlas.localized(language())
    aspects = atlas.aspects()
    style = _asset("page.css")
    script = _asset("page.js")
    csp = (
        f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    tabs = "".join(
        f'<button type="button" role="tab" class="tab" data-aspect="{a}" '
        f'aria-selected="{"true" if i == 0 else "false"}">{escape(aspect_name(a))}</button>'
        for i, a in enumerate(aspects)
    )
    figures = "".join(
        f'<figure class="aspect" data-aspect="{a}"{"" if i == 0 else " hidden"}>'
        f"<figcaption>{escape(aspect_title(a))}</figcaption>{_aspect_svg(atlas, a)}"
        f"{_key_html(atlas, a)}{_names_html(atlas, a)}"
        "</figure>"
        for i, a in enumerate(aspects)
    )
    cards = "".join(_card(atlas, z) for z in atlas.zones)
    notes = "".join(
        f'<dialog class="note" id="note-{key}" tabindex="-1" aria-label="{escape(_(NOTES[key]))}">'
        f'<div class="note-body">{note_html(key)}</div>'
        f'<form method="dialog"><button>{t(N_("Close"))}</button></form></dialog>'
        for key in ("evidence", "red-flags")
    )
    tradition = escape(_("Tradition: {tradition}").format(tradition=isolate(atlas.tradition)))
    welcome = (
        f'<div id="welcome"><h2>{escape(atlas.title)}</h2><p class="kind">{tradition}</p>'
        + (f"<p>{escape(atlas.description)}</p>" if atlas.description else "")
        + "<p>{}</p>".format(
            t(
                N_(
                    "Tap or click a zone on the feet to read what this chart places there, how it is "
                    "worked and where the placement comes from. Tab steps through the zones, toes to "
                    "heel; Enter opens one."
                )
            )
        )
        + _notes_buttons()
        + "</div>"
    )
    search = t(N_("Search zones"))
    bar = (
        f'<div role="tablist" aria-label="{t(N_("Views"))}">{tabs}</div>'
        # on a low screen (a phone held sideways) the tools fold into a menu behind ☰ (page.css)
        f'<button type="button" id="tools-open" aria-expanded="false" aria-controls="tools" '
        f'aria-label="{t(N_("More controls"))}">☰</button><div class="tools" id="tools">'
        f'<label class="check"><input type="checkbox" id="labels" checked> <span id="labels-text">'
        f"{t(N_('Labels'))}</span></label>"
        f'<span class="zoom"><button type="button" id="zoom-out" aria-label="{t(N_("Zoom out"))}">−</button>'
        f'<button type="button" id="zoom-in" aria-label="{t(N_("Zoom in"))}">+</button></span>'
        f'<button type="button" id="quiz-start">{t(N_("Find it: quiz"))}</button>'
        f'<span class="search"><input type="search" id="search" autocomplete="off" placeholder="{search}" '
        f'aria-label="{search}" aria-controls="results"><ul id="results" hidden></ul></span></div>'
    )
    quiz = (
        '<div id="quiz" hidden><p id="quiz-count" class="kind"></p><p id="quiz-prompt" class="claim"></p>'
        '<p id="quiz-mark"></p><p id="quiz-score" class="kind"></p>'
        '<p><button type="button" id="quiz-next" hidden></button> '
        f'<button type="button" id="quiz-stop">{t(N_("Stop the quiz"))}</button> '
        # zoom and pan of the feet beside the sheet (page.js stage): the bar's + and − may be out of reach
        '<span class="zoom">'
        f'<button type="button" id="quiz-zoom-out" aria-label="{t(N_("Zoom out"))}">−</button>'
        f'<button type="button" id="quiz-zoom-in" aria-label="{t(N_("Zoom in"))}">+</button></span></p></div>'
    )
    under = (
        '<div id="under" hidden><p><b id="under-label"></b> <span id="under-list"></span></p>'
        '<p id="under-hint" class="small"></p></div>'
    )
    caveat = t(
        N_(
            "Zones show what reflexology charts claim, not anatomy; the evidence that working them "
            "helps any condition is weak."
        )
    )
    offline = t(N_("Made with ReflexMap. This page works offline and sends nothing anywhere."))
    return f"""<!doctype html>
<html lang="{escape(language())}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_plain_attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ReflexMap">
<title>{escape(atlas.title)}</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{escape(atlas.title)}</h1>
<div class="bar">{bar}</div>
</header>
<main>
<section id="chart" aria-label="{t(N_("Feet"))}">{figures}</section>
<aside id="panel" aria-live="polite" aria-label="{t(N_("Zone information"))}">
<button type="button" id="panel-close" aria-label="{t(N_("Close"))}">×</button>
{quiz}{under}{welcome}{cards}
</aside>
</main>
<footer><p>{caveat} {offline}</p></footer>
{notes}
<script type="application/json" id="strings">{_json_for_script(_script_strings())}</script>
<script>{script}</script>
</body>
</html>
"""


def t(text: str) -> str:
    """An interface string, translated and escaped for HTML text or attributes."""
    return escape(_(text))


def export_page(atlas: Atlas, out: Path) -> Path:
    """Write the page for `atlas` to `out` atomically (UTF-8)."""
    out = Path(out)
    text = page_html(atlas)
    with atomic_path(out, backup=True) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return out
