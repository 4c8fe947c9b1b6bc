"""SetSources, the core of Edit → Chart properties' list of sources: any order, removal of
sources no zone names, new sources, renamed ids; the lines of each source (and the comments
above it) move whole, and the inverse gives back the bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.edits import EditRefused, SetSources, SourceEntry

SMALL = Path(__file__).resolve().parents[1] / "data" / "small.yaml"
SOURCES = """sources:
  # the first source
  - id: s1
    title: "Source one"   # the first edition
    url: "https://example.org/one"

  # two, in a flow mapping
  - {id: s2, title: "Source two"}  # short
  # three
  - id: s3
    title: "Source three"
    note: >-
      Folded over
      two lines.
  - id: s4
    title: 'Source four'
# the views follow
"""
TEXT = SMALL.read_text(encoding="utf-8").replace('sources:\n  - {id: s1, title: "Source one"}\n', SOURCES)
DOCUMENT = ChartDocument.from_text(TEXT)
BLOCKS = {
    "s1": '  # the first source\n  - id: s1\n    title: "Source one"   # the first edition\n'
    '    url: "https://example.org/one"\n',
    "s2": '\n  # two, in a flow mapping\n  - {id: s2, title: "Source two"}  # short\n',
    "s3": '  # three\n  - id: s3\n    title: "Source three"\n'
    "    note: >-\n      Folded over\n      two lines.\n",
    "s4": "  - id: s4\n    title: 'Source four'\n",
}


def sources_text(text: str) -> str:
    return text[text.index("sources:\n") + len("sources:\n") : text.index("# the views follow")]


@settings(max_examples=25, deadline=None)
@given(st.permutations(["s1", "s2", "s3", "s4"]), st.sets(st.sampled_from(["s2", "s3", "s4"]), max_size=2))
def test_any_order_and_removal_moves_each_source_whole_and_undoes_to_the_bytes(order, removed):
    kept = [s for s in order if s not in removed]
    applied = SetSources(tuple(SourceEntry(s, s) for s in kept)).apply(DOCUMENT)
    assert applied.problems == ()
    assert sources_text(applied.document.text) == "".join(BLOCKS[s] for s in kept)
    assert applied.document.text.replace(sources_text(applied.document.text), "") == TEXT.replace(
        sources_text(TEXT), ""
    )  # nothing else moved
    assert applied.inverse.apply(applied.document, check=False).document.text == TEXT


def test_a_renamed_source_keeps_its_zones_and_new_ones_are_written_like_their_neighbours():
    edit = SetSources(
        (
            SourceEntry("s4", "s4"),
            SourceEntry("book", "s1", ((("note", None), "Seen 2026."), (("title", "de"), "Quelle eins"))),
            SourceEntry("new", None, ((("title", None), "New"), (("url", None), "https://e.org/n"))),
        )
    )
    with pytest.raises(EditRefused, match="take it out"):
        SetSources((SourceEntry("s2", "s2"),)).apply(DOCUMENT)  # the zones name s1
    applied = edit.apply(DOCUMENT)
    assert applied.problems == ()
    text = applied.document.text
    assert text.count("sources: [book]") == 5 and "[s1]" not in text
    assert "  - id: new\n    title: 'New'\n    url: 'https://e.org/n'\n# the views follow" in text  # as s4
    assert '    url: "https://example.org/one"\n    note: "Seen 2026."\n    translations:\n' in text
    assert applied.inverse.apply(applied.document, check=False).document.text == TEXT


@pytest.mark.parametrize(
    ("entries", "why"),
    [
        ((SourceEntry("s1", "s1"), SourceEntry("s1", "s2")), "already a source"),
        ((SourceEntry("S 1", "s1"),), "not a source id"),
        ((SourceEntry("s1", "s1", ((("title", None), None),)),), "needs a title"),
        ((SourceEntry("s1", "s1", ((("url", None), "ftp://x"),)),), "web address"),
        ((SourceEntry("s1", "nope"),), "no source"),
    ],
)
def test_a_list_that_cannot_be_is_refused(entries, why):
    with pytest.raises(EditRefused, match=why):
        SetSources(entries).apply(DOCUMENT)
