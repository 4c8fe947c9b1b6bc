"""The sentences over the comparison's table: how many zones the two charts share and how
many of those they place differently, and how many each has alone, each said as it reads for
none, one and many ("0 of 0 shared zones are placed differently" was said of two charts with
no zone id in common). The one builder of that text (rich text: the count that matters bold,
the charts' names escaped and isolated)."""

from __future__ import annotations

from ..atlas.compare import Comparison
from ..content.markup import escape
from ..i18n import _, bidi_isolate, format_count, ngettext

SAME = 0.9  # IoU at or above which a placement counts as the same


def summary(comparison: Comparison, first: str, second: str) -> str:
    """The summary of `comparison` of the charts named `first` and `second`, as rich text."""
    differ = sum(1 for a in comparison.both if a.worst < SAME)
    return " ".join(
        (
            shared_sentence(len(comparison.both), differ),
            alone_sentence(len(comparison.only_a), len(comparison.only_b), first, second),
            escape(_("Overlap is intersection over union: 1 = drawn identically, 0 = no overlap.")),
        )
    )


def shared_sentence(shared: int, differ: int) -> str:
    """How many zones both charts have, and how many of them they place differently."""
    if shared == 0:
        return escape(_("No zone is in both charts (they share no zone id)."))
    bold = {"shared": f"<b>{format_count(shared)}</b>", "differ": f"<b>{format_count(differ)}</b>"}
    if differ == 0:
        text = ngettext(
            "{shared} zone is in both charts, in the same place in every view.",
            "{shared} zones are in both charts, all in the same place in every view.",
            shared,
        )
    elif differ == shared:
        text = ngettext(
            "{shared} zone is in both charts, placed differently somewhere.",
            "{shared} zones are in both charts, all placed differently somewhere.",
            shared,
        )
    else:  # some of two or more
        text = ngettext(
            "{shared} zones are in both charts; {differ} of them is placed differently somewhere.",
            "{shared} zones are in both charts; {differ} of them are placed differently somewhere.",
            differ,
        )
    return escape(text).format(**bold)


def alone_sentence(only_a: int, only_b: int, first: str, second: str) -> str:
    """How many zones each chart has that the other has not."""
    if only_a == only_b == 0:
        return escape(_("Neither chart has a zone the other lacks."))
    return " ".join(_only_in(count, name) for count, name in ((only_a, first), (only_b, second)))


def _only_in(count: int, name: str) -> str:
    """How many zones the chart `name` has alone, its title the sentence's subject: in German
    "nur in {title}" left the title undeclined after "in"; a subject is never declined."""
    chart = escape(bidi_isolate(name))
    if count == 0:
        return escape(_("{chart} has no zone the other chart lacks.")).format(chart=chart)
    text = ngettext(
        "{chart} has {count} zone the other chart lacks.",
        "{chart} has {count} zones the other chart lacks.",
        count,
    )
    return escape(text).format(count=format_count(count), chart=chart)
