"""A zone's card: the one builder of a zone's text, for the info panel, the presenter's notes
and caption, the status bar, the web page, the Anki deck and the handouts' legend. No Qt.

What the chart places there (always as the charts' claim, never as a treatment), how it is
worked, the tradition and chart, the sources and how sure the placement is. Every chart text
goes through `markup.escape` (html.escape's result, without the stdlib module at start-up);
inside the app's own sentences it is set between Unicode isolates (U+2068 … U+2069), so its
own direction cannot reorder our words. Only web addresses become links (`markup.safe_link`)."""

from __future__ import annotations

import re

from ..atlas import Atlas, Zone
from ..atlas.wording import effect_words, quoted
from ..i18n import _, bidi_isolate
from ..vocab import CONFIDENCE_TEXT, REGION_COLOURS, region_name
from .markup import charts_place, escape, safe_link

isolate = bidi_isolate
PANEL, PAGE = "panel", "page"  # where the card is shown: the app's panel, or a web page / deck


def claim_sentence(claim: str) -> str:
    """'Charts place <b>the sacrum</b> here.' with the claim escaped, isolated and bold."""
    sentence = escape(_("Charts place {claim} here."))
    return sentence.replace("{claim}", f"<b>{escape(isolate(claim))}</b>")


def claim_text(zone: Zone) -> str:
    """The same sentence as plain text (for aria-labels, alt texts)."""
    return _("Charts place {claim} here.").format(claim=isolate(zone.claim))


def summary_text(zone: Zone) -> str:
    """ "Sacrum: charts place the sacrum here" as plain text: the status bar, a screen reader's
    description, the presenter's caption."""
    return f"{isolate(zone.name)}: {charts_place(zone.claim, sentence=False)}"


_ARTICLES = re.compile(r"^(the|a|an|der|die|das|den|dem|des)\s+", re.IGNORECASE)


def says_the_same(name: str, claim: str) -> bool:
    """ "Heart" and "the heart": a text that names the zone need not say it twice."""
    return _ARTICLES.sub("", claim).casefold() == _ARTICLES.sub("", name).casefold()


def legend_text(zone: Zone, *, with_claim: bool = True) -> str:
    """A printed legend's entry (plain text, drawn by the painter): "Lumbar spine: the
    lower-back vertebrae (L1–L5)"; the name alone on an answer key (`with_claim` False) or
    when the claim only repeats the name."""
    if not with_claim or says_the_same(zone.name, zone.claim):
        return zone.name
    return f"{bidi_isolate(zone.name)}: {bidi_isolate(zone.claim)}"  # one direction each


def _label(text: str, where: str) -> str:
    return f"<h3>{escape(text)}</h3>" if where == PAGE else f"<p class='label'>{escape(text)}</p>"


def sources_html(atlas: Atlas, zone: Zone, where: str = PAGE) -> str:
    """The zone's sources as a list; a source's address (only) becomes a link, on a web page
    one that opens in a new tab without telling the other site where it came from."""
    items = []
    for source_id in zone.sources:
        source = atlas.sources.get(source_id)
        if source is None:
            continue
        text = escape(isolate(source.title))  # a note follows on the same line
        url = safe_link(source.url)
        if url and where == PAGE:
            text = f'<a href="{escape(url)}" rel="noopener noreferrer" target="_blank">{text}</a>'
        elif url:  # Qt's rich text reads href literally: safe_link made it safe as it is
            text = f"<a href='{url}'>{text}</a>"
        if source.note:
            text += f' <span class="small">({escape(isolate(source.note))})</span>'
        items.append(f"<li>{text}</li>")
    return "<ul class='sources'>" + "".join(items) + "</ul>"


def heading_html(atlas: Atlas, zone: Zone, where: str = PAGE) -> str:
    """Name, region (in the panel with its colour) and tradition, and the claim as the charts'."""
    tradition = zone.tradition or atlas.tradition
    swatch = ""
    if where == PANEL:
        swatch = f"<span style='color:{REGION_COLOURS.get(zone.region, '#999999')}'>&#9632;</span> "
    return (
        f"<h2>{escape(zone.name)}</h2>"
        f"<p class='kind'>{swatch}{escape(region_name(zone.region))} · {escape(isolate(tradition))}</p>"
        f"<p class='claim'>{claim_sentence(zone.claim)}</p>"
    )


def details_html(atlas: Atlas, zone: Zone, where: str = PAGE) -> str:
    """Technique, note, tradition and chart, sources and how sure the placement is."""
    tradition = zone.tradition or atlas.tradition
    parts = [_label(_("Technique"), where), f"<p>{escape(zone.technique)}</p>"]
    if zone.note:
        parts += [_label(_("Note"), where), f"<p>{escape(zone.note)}</p>"]
    said = effect_words(" \n ".join((zone.name, zone.claim, zone.technique, zone.note or "")))
    if said:  # a chart someone wrote may say a zone heals: the card does not let it pass unsaid
        parts.append(f"<p class='effect'><i>{escape(effect_caveat(said))}</i></p>")
    parts += [
        _label(_("Tradition and chart"), where),
        f"<p>{escape(isolate(tradition))}: {escape(isolate(atlas.title))}</p>",
        _label(_("Sources"), where),
        sources_html(atlas, zone, where),
    ]
    if zone.confidence in CONFIDENCE_TEXT:
        parts.append(f"<p class='small'>{escape(_(CONFIDENCE_TEXT[zone.confidence]))}</p>")
    return "".join(parts)


def effect_caveat(words: list[str]) -> str:
    """What the card says under a zone's texts that claim an effect (plain text)."""
    return _(
        "This chart's text speaks of an effect ({words}). Charts place their claims on the feet; "
        "whether working a zone does anything is what studies asked: see What the evidence says."
    ).format(words=quoted(words))


def caption_html(zone: Zone, limit: int | None = None) -> str:
    """ "<b>Sacrum</b>: charts place the sacrum here." in one line (the presenter's caption).
    With `limit`, a name or claim longer than that many characters is cut with "…", and a
    word too long for a line may break anywhere (a zero-width space every 20 letters)."""
    name, claim = zone.name, zone.claim
    if limit is not None:
        name, claim = _cut(name, limit), _cut(claim, limit)
    return f"<b>{escape(isolate(name))}</b>: {escape(charts_place(claim, sentence=False))}."


def _cut(text: str, limit: int) -> str:
    text = " ".join(text[: limit + 1].split()) if len(text) > limit else text
    if len(text) > limit:
        text = isolate(text[:limit].rstrip()) + "…"  # our "…", after the chart's text
    return re.sub(r"(\S{20})(?=\S)", "\\1\u200b", text)


def compact_html(atlas: Atlas, zone: Zone) -> str:
    """The card in a few lines and no links (the trainer's notes, read at arm's length):
    name, claim, technique, note, then tradition and sources on one small line."""
    return "".join(compact_parts(atlas, zone))


def compact_parts(atlas: Atlas, zone: Zone) -> list[str]:
    """`compact_html` in its four parts, each whole HTML: [name and claim, technique, note
    ("" without one), tradition and sources] (the notes under a wide chart set them in columns)."""
    work = f"<p><b>{escape(_('Technique:'))}</b> {escape(isolate(zone.technique))}</p>"
    note = f"<p><b>{escape(_('Note:'))}</b> {escape(isolate(zone.note))}</p>" if zone.note else ""
    # Titles are whole citations that often end in a full stop: "; " after it read ".;".
    sources = " · ".join(escape(isolate(atlas.sources[s].title)) for s in zone.sources if s in atlas.sources)
    tradition = escape(isolate(zone.tradition or atlas.tradition))
    about = escape(_("Tradition: {tradition}. Sources: {sources}")).format(
        tradition=tradition, sources=sources
    )
    named = f"<h2>{escape(zone.name)}</h2><p>{escape(charts_place(zone.claim))}</p>"
    return [named, work, note, f"<p><small>{about}</small></p>"]
