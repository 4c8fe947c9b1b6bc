"""Escaping text for Qt's rich-text widgets (the stdlib `html` module costs start-up time)."""

from __future__ import annotations

from ..i18n import _, balanced, bidi_isolate, isolated, shown_text

TOOLTIP_CHARS = 600  # a tooltip longer than this (a 4,000-character claim) covered the window

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """The same result as html.escape(text, quote=True), of the text as shown (i18n.shown_text:
    a direction override in chart text is shown, never obeyed, in the panel, cards and pages)."""
    return shown_text(text).translate(_ESCAPES)


def charts_place(claim: str, *, sentence: bool = True) -> str:
    """The app's one way of stating a zone's claim: "Charts place the sacrum here."

    What a zone corresponds to is always stated as the charts' claim, never as an effect."""
    text = _("Charts place {claim} here.") if sentence else _("charts place {claim} here")
    return text.format(claim=claim if claim.startswith("\u2068") else bidi_isolate(claim))


QUESTION_CLAIM_CHARS = 160


def where_question(claim: str) -> str:
    """ "Where do charts place the sacrum?": the one wording of the find-it question, in the
    app's quiz, the web page and the Anki deck. The claim, as written for "Charts place {claim}
    here.", carries its article (German: "das Steißbein", "den Dünndarm"), so the question is
    German for every zone; the bare name was not ("Wo verorten Karten Dünndarm?")."""
    claim = shortened(claim, QUESTION_CLAIM_CHARS)  # a 4,000-character claim: the question whole
    return _("Where do charts place {claim}?").format(
        claim=claim if claim.startswith("\u2068") else bidi_isolate(claim)
    )


def isolate(text: str) -> str:
    """Chart text set inside one of the app's sentences, between Unicode isolates (FSI … PDI),
    so that its own direction (or a stray right-to-left override) cannot reorder our words."""
    return isolated(text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt guesses whether a tooltip is rich text, so the
    text is escaped inside a paragraph rather than left to the guess. Chart texts may be 4,000
    characters long: past TOOLTIP_CHARS the text is cut with an ellipsis."""
    return "<p style='white-space:pre-wrap'>" + escape(shortened(text, TOOLTIP_CHARS)) + "</p>"


def middle_cut(text: str, limit: int) -> str:
    """One of the app's sentences that quotes chart text, cut in the middle to about `limit`
    characters when the quoted text is long, so that its own words at both ends stay ("Which
    technique does the chart note for the very long … name?"). The part after the cut is
    isolated again up to the chart text's own end, so no direction control in it reaches the
    words after it."""
    if len(text) <= limit:
        return text
    tail_n = max(limit // 4, 1)
    head = balanced(text[: limit - tail_n].rstrip())
    tail = balanced("\u2068" + text[-tail_n:].lstrip())
    return f"{head} \u2026 {tail}"


def cut_at(text: str, limit: int) -> int:
    """Where `text` ends after `limit` characters as a reader counts them: a combining mark
    counts with the letter it sits on (five letters with 300 marks are five characters, not a
    "Z" and 119 marks). At most 4 x `limit` code points, so that the cut still bounds the text."""
    import unicodedata

    cap, count = min(len(text), 4 * limit), 0
    for index in range(cap):
        if unicodedata.category(text[index]) not in ("Mn", "Me", "Mc"):
            count += 1
            if count > limit:
                return index
    return cap


def shortened(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters (as read: see cut_at), at a space where there is
    one near the end, with an ellipsis; the isolates it opened are closed (a cut inside one
    would leave our words after it inside the chart's text)."""
    end = len(text) if len(text) <= limit else cut_at(text, limit)
    if end >= len(text):
        return text
    cut = text[:end]
    space = cut.rfind(" ", end - end // 5)
    return balanced((cut[:space] if space > 0 else cut).rstrip()) + "\u2026"


_LINK_SCHEMES = ("http", "https")
_MAX_URL = 2000


def safe_link(url: str | None) -> str | None:
    """The address a source's `url` may link to, or None when it must stay plain text.

    Only web addresses open (http, https, and DOIs, as https://doi.org/…): a chart file must
    not make a click run a program, open a local file or another application's scheme. The
    result holds no quote, angle bracket or space: it goes into an href as it is."""
    if not url or len(url) > _MAX_URL or any(c.isspace() or ord(c) < 32 or c == "\x7f" for c in url):
        return None
    from urllib.parse import quote, urlsplit

    if url[:4].lower() == "doi:":
        doi = url[4:].lstrip("/")
        return f"https://doi.org/{quote(doi, safe='/:;()._-')}" if doi.startswith("10.") else None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.hostname:
        return None
    # Qt's rich text reads attribute values literally (no entities): quotes and angle brackets
    # are percent-encoded instead, so the address can stand in href='…' as it is.
    return quote(url, safe=":/?#[]@!$&()*+,;=%~-._")
