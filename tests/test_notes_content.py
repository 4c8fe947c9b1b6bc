"""The evidence note and the sciatica red flags say what the sources say, in both languages.

The red flags cover every group of NICE CKS (cauda equina, progressive weakness and foot drop,
possible cancer, infection and fracture) and say what needs an emergency department now and
what needs a doctor soon; the evidence note states the corrected facts and links its sources."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.content import note_html

CONTENT = Path(__file__).resolve().parents[1] / "reflexmap" / "content"


class _Note(HTMLParser):
    """Plain text per section (split at headings) and the links of one note."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = [["", ""]]  # [heading, text]
        self.links: list[str] = []
        self._in_heading = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.sections.append(["", ""])
            self._in_heading = True
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self._in_heading = False

    def handle_data(self, data):
        self.sections[-1][0 if self._in_heading else 1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(s) for s in self.sections)

    def section(self, heading: str) -> str:
        """The text under the first heading matching `heading` (a regex), up to the next one."""
        found = [s[1] for s in self.sections if re.search(heading, s[0], re.IGNORECASE)]
        assert found, f"no section headed {heading!r} in {[s[0] for s in self.sections]}"
        return re.sub(r"\s+", " ", found[0])


def note(name: str, language: str) -> _Note:
    suffix = "" if language == "en" else f".{language}"
    return _Note((CONTENT / f"{name}{suffix}.html").read_text(encoding="utf-8"))


# What each red-flag group must mention, per language: (section heading, [patterns]).
RED_FLAGS = {
    "en": {
        "emergency": (
            r"emergency.*(999|A&E)",
            [r"both.{0,5} legs", r"genitals", r"anus", r"pee", r"bowels", r"rectum is full", r"sex"],
        ),
        "urgent": (r"urgent.*same day", [r"weakness in one leg.*(severe|worse)", r"foot drop"]),
        "soon": (
            r"soon",
            [
                r"possible cancer.*had cancer.*weight.*night.*over 50",
                r"possible infection.*fever.*inject.*immune",
                r"possible fracture.*(fall|accident).*osteoporosis.*steroid",
            ],
        ),
        "gp": (r"^See your doctor \(GP\) if", [r"not getting better", r"worse", r"normal activities"]),
    },
    "de": {
        "emergency": (
            r"Notfall.*(112|Notaufnahme)",
            [
                r"beiden.{0,5} Beinen",
                r"Genitalien",
                r"Afters",
                r"Wasserlassen",
                r"Stuhlgang",
                r"Enddarm voll",
                r"Sex",
            ],
        ),
        "urgent": (
            r"Dringend.*selben Tag",
            [r"Schwäche in einem Bein.*(stark|zunimmt)", r"Fußheberschwäche"],
        ),
        "soon": (
            r"Bald",
            [
                r"möglicher Krebs.*Krebs.*ungewollt ab.*nachts.*über 50",
                r"mögliche Infektion.*Fieber.*Drogen.*Immunsystem",
                r"möglicher Knochenbruch.*(Sturz|Unfall).*Osteoporose.*Kortison",
            ],
        ),
        "gp": (r"Hausarzt, wenn", [r"nicht besser", r"schlimmer", r"normalen Tätigkeiten"]),
    },
}


@pytest.mark.parametrize("language", sorted(RED_FLAGS))
@pytest.mark.parametrize("group", ["emergency", "urgent", "soon", "gp"])
def test_red_flags_cover_each_group_under_its_own_heading(language, group):
    heading, patterns = RED_FLAGS[language][group]
    text = note("red_flags", language).section(heading)
    for pattern in patterns:
        assert re.search(pattern, text, re.IGNORECASE), (language, group, pattern)


def test_the_english_emergency_heading_gives_the_number_of_each_country_it_may_be_read_in():
    """Read in English in the US, Canada, Ireland or Australia as well as the UK: the heading
    that says to call gives each number where it is read, not the UK's 999 alone (tryout: "call
    999 or go to A&E now", the other countries said only at the foot of the note)."""
    parsed = note("red_flags", "en")
    heading = next(s[0] for s in parsed.sections if re.search(r"emergency", s[0], re.IGNORECASE))
    heading = re.sub(r"\s+", " ", heading)
    for number in ("999 in the UK", "911 in the US and Canada", "112 in the EU", "000 in Australia"):
        assert number in heading, heading
    assert "A&E" not in heading  # (a British word) said as "an emergency department"
    urgent = next(s[0] for s in parsed.sections if re.search(r"urgent", s[0], re.IGNORECASE))
    assert "in the UK, or call 111" in urgent  # 111 is the UK's alone


@pytest.mark.parametrize("language", sorted(RED_FLAGS))
def test_red_flags_go_from_most_to_least_urgent_and_cite_nice_cks(language):
    parsed = note("red_flags", language)
    headings = [s[0] for s in parsed.sections if s[0]]
    order = [
        next(i for i, h in enumerate(headings) if re.search(RED_FLAGS[language][g][0], h, re.IGNORECASE))
        for g in RED_FLAGS[language]
    ]
    assert order == sorted(order)
    assert any("cks.nice.org.uk" in link and "red-flag" in link for link in parsed.links)
    assert any("nhs.uk/conditions/sciatica" in link for link in parsed.links)
    assert any("nice.org.uk/guidance/ng59" in link for link in parsed.links)


def test_the_red_flags_shown_in_the_app_follow_the_language():
    i18n.set_language("de")
    try:
        assert "Fußheberschwäche" in note_html("red-flags")
        assert "Fußheberschwäche" in note_html("first-run")  # the first-run note includes it
    finally:
        i18n.set_language("en")
    assert "foot drop" in note_html("red-flags")


EVIDENCE = {
    "en": {
        "mccullough": r"Only 3 of the 17 trials",
        "cochrane": r"Cochrane has no review of reflexology for back pain or sciatica",
        "labour": r"labour",
    },
    "de": {
        "mccullough": r"Nur 3 der 17 Studien",
        "cochrane": r"Cochrane hat keinen Review zur Reflexzonentherapie bei Rückenschmerzen oder Ischias",
        "labour": r"Geburt",
    },
}


@pytest.mark.parametrize("language", sorted(EVIDENCE))
def test_evidence_note_states_the_corrected_facts(language):
    text = re.sub(r"\s+", " ", note("evidence", language).text)
    for fact, pattern in EVIDENCE[language].items():
        assert re.search(pattern, text), (language, fact)
    # the old misstatements are gone: 3 of 34 measures, and no Cochrane review "of reflexology itself"
    assert not re.search(r"(only|nur) (in|bei) 3 (of them|davon)", text, re.IGNORECASE)
    assert not re.search(r"reflexology itself|Reflexzonentherapie selbst", text)


@pytest.mark.parametrize("language", sorted(EVIDENCE))
def test_evidence_note_links_its_sources(language):
    links = set(note("evidence", language).links)
    for needed in (
        "https://pubmed.ncbi.nlm.nih.gov/19740047/",  # Ernst 2009
        "https://pubmed.ncbi.nlm.nih.gov/21111551/",  # Ernst, Posadzki & Lee 2011
        "https://doi.org/10.1155/2014/502123",  # McCullough 2014
        "https://doi.org/10.1016/j.ejpain.2007.01.006",  # Poole 2007
        "https://doi.org/10.1054/ctim.2000.0380",  # White 2000
        "https://doi.org/10.1002/14651858.CD009290.pub3",  # Smith 2018, the Cochrane labour review
        "https://www.nice.org.uk/guidance/ng59",
    ):
        assert needed in links, (language, needed)
    assert all(link.startswith("https://") for link in links)


def test_both_languages_link_the_same_sources():
    for name in ("evidence", "red_flags"):
        assert sorted(note(name, "en").links) == sorted(note(name, "de").links), name
