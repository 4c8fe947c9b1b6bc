"""The zone's card: what the chart claims there, how it is worked, where that comes from."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from ..atlas import Atlas, Zone
from . import palette
from .markup import escape
from .state import AppState

CONFIDENCE_TEXT = {
    "sourced": "Placed as the named sources describe.",
    "estimate": "Estimated placement: drawing guidance, no single source gives these bounds.",
}
STYLE = """
<style>
h2 { margin: 0 0 2px 0; }
.kind { color: #555; margin-top: 0; }
.claim { font-size: large; margin: 10px 0; }
.label { color: #555; font-weight: bold; margin-bottom: 0; }
p { margin-top: 2px; }
.notes a { font-weight: bold; }
.small { color: #555; }
</style>
"""


class InfoPanel(QTextBrowser):
    """Shows the selected zone; links select other zones or open the evidence notes."""

    note_requested = Signal(str)  # a key of reflexmap.content.NOTES

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Zone information")
        self.setMinimumWidth(300)
        self.anchorClicked.connect(self._follow)
        state.selection_changed.connect(self.refresh)
        state.atlas_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        atlas = self.state.atlas
        zone_id = self.state.zone_id
        body = self._zone_html(atlas, atlas.zone(zone_id)) if zone_id else self._welcome_html(atlas)
        self.setHtml(STYLE + body)
        description = (
            f"{atlas.zone(zone_id).name}: charts place {atlas.zone(zone_id).claim} here" if zone_id else ""
        )
        self.setAccessibleDescription(description)

    def _zone_html(self, atlas: Atlas, zone: Zone) -> str:
        colour = palette.REGION_COLOURS.get(zone.region, "#999999")
        tradition = zone.tradition or atlas.tradition
        region = palette.REGION_NAMES.get(zone.region, zone.region)
        parts = [
            f"<h2>{escape(zone.name)}</h2>",
            f"<p class='kind'><span style='color:{colour}'>&#9632;</span> {escape(region)} · "
            f"{escape(tradition)}</p>",
            f"<p class='claim'>Charts place <b>{escape(zone.claim)}</b> here.</p>",
            self._notes_html(),
            "<p class='label'>Technique</p>",
            f"<p>{escape(zone.technique)}</p>",
        ]
        if zone.note:
            parts += ["<p class='label'>Note</p>", f"<p>{escape(zone.note)}</p>"]
        parts += [
            "<p class='label'>Tradition and chart</p>",
            f"<p>{escape(tradition)}: {escape(atlas.title)}</p>",
            "<p class='label'>Sources</p><ul>",
        ]
        for source_id in zone.sources:
            source = atlas.sources[source_id]
            text = escape(source.title)
            if source.url:
                text = f"<a href='{escape(source.url)}'>{text}</a>"
            if source.note:
                text += f" <span class='small'>({escape(source.note)})</span>"
            parts.append(f"<li>{text}</li>")
        parts.append("</ul>")
        parts.append(f"<p class='small'>{CONFIDENCE_TEXT.get(zone.confidence, '')}</p>")
        if self.state.under_point:  # only after a click on the map: there is a point
            others = [z for z in self.state.under_point if z != zone.id]
            parts.append("<p class='label'>Also under this point</p>")
            if others:
                links = ", ".join(f"<a href='zone:{z}'>{escape(atlas.zone(z).name)}</a>" for z in others)
                parts.append(f"<p>{links}</p>")
            else:
                parts.append("<p class='small'>No other zone.</p>")
        return "".join(parts)

    def _welcome_html(self, atlas: Atlas) -> str:
        return (
            f"<h2>{escape(atlas.title)}</h2>"
            f"<p class='kind'>Tradition: {escape(atlas.tradition)}</p>"
            f"<p>{escape(atlas.description or '')}</p>"
            "<p>Click a zone on the feet, or pick one from the list, to see what this chart places "
            "there, how it is worked and where the placement comes from. Use Tab or the arrow "
            "keys on the map to step through the zones.</p>" + self._notes_html()
        )

    def _notes_html(self) -> str:
        return (
            "<p class='notes'><a href='note:evidence'>What the evidence says</a> &nbsp;·&nbsp; "
            "<a href='note:red-flags'>Sciatica: when to see a doctor</a></p>"
        )

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("zone:"):
            zone_id = target[5:]
            self.state.select(zone_id, self.state.view_id, self.state.under_point)
        elif target.startswith("note:"):
            self.note_requested.emit(target[5:])
