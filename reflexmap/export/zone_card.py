"""A zone's card as escaped HTML, for the exports (web page, Anki): what the chart places
there, how it is worked, the tradition and the sources. No Qt.

Every chart text goes through `html.escape`; inside the app's own sentences it is set between
Unicode isolates (U+2068 … U+2069) when it could reorder our words (i18n.bidi_isolate, as in
the app). Only web addresses become links (markup.safe_link, as in the app)."""

from __future__ import annotations

from html import escape

from ..atlas import Atlas, Zone
from ..content.markup import safe_link
from ..i18n import _, bidi_isolate
from ..vocab import CONFIDENCE_TEXT, region_name

isolate = bidi_isolate


def claim_sentence(claim: str) -> str:
    """'Charts place <b>the sacrum</b> here.' with the claim escaped, isolated and bold."""
    sentence = escape(_("Charts place {claim} here."))
    return sentence.replace("{claim}", f"<b>{escape(isolate(claim))}</b>")


def claim_text(zone: Zone) -> str:
    """The same sentence as plain text (for aria-labels, alt texts)."""
    return _("Charts place {claim} here.").format(claim=isolate(zone.claim))


def sources_html(atlas: Atlas, zone: Zone) -> str:
    items = []
    for source_id in zone.sources:
        source = atlas.sources.get(source_id)
        if source is None:
            continue
        text = escape(source.title)
        url = safe_link(source.url)
        if url:
            text = f'<a href="{escape(url)}" rel="noopener noreferrer" target="_blank">{text}</a>'
        if source.note:
            text += f' <span class="small">({escape(source.note)})</span>'
        items.append(f"<li>{text}</li>")
    return "<ul class='sources'>" + "".join(items) + "</ul>"


def details_html(atlas: Atlas, zone: Zone) -> str:
    """Technique, note, tradition and chart, sources and how sure the placement is."""
    tradition = zone.tradition or atlas.tradition
    parts = [f"<h3>{escape(_('Technique'))}</h3>", f"<p>{escape(zone.technique)}</p>"]
    if zone.note:
        parts += [f"<h3>{escape(_('Note'))}</h3>", f"<p>{escape(zone.note)}</p>"]
    parts += [
        f"<h3>{escape(_('Tradition and chart'))}</h3>",
        f"<p>{escape(tradition)}: {escape(atlas.title)}</p>",
        f"<h3>{escape(_('Sources'))}</h3>",
        sources_html(atlas, zone),
    ]
    if zone.confidence in CONFIDENCE_TEXT:
        parts.append(f"<p class='small'>{escape(_(CONFIDENCE_TEXT[zone.confidence]))}</p>")
    return "".join(parts)


def heading_html(atlas: Atlas, zone: Zone) -> str:
    """Name, region and tradition, and the claim as the charts' claim."""
    tradition = zone.tradition or atlas.tradition
    return (
        f"<h2>{escape(zone.name)}</h2>"
        f"<p class='kind'>{escape(region_name(zone.region))} · {escape(tradition)}</p>"
        f"<p class='claim'>{claim_sentence(zone.claim)}</p>"
    )
