"""Every source of every built-in chart is specific, linkable and used (issue 15).

A book names its author, title, publisher or year and a checksum-valid ISBN, and links to
that ISBN's record (or to a page for that book); a paper names its DOI and links to it; a web
page is the page itself, never a site's home page or a search. Content farms and sites that
could not be found (FACTS.md §9) are never cited. The checker is tested on bad examples too,
so it can fail."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from reflexmap.atlas import builtin_charts

CHARTS = {path.name: path for path in builtin_charts()}

# FACTS.md §9: content farms, and a site that could not be found; netplaces.com is offline.
BANNED_HOSTS = ("sportsrec.com", "leaf.tv", "riverviewvc.com", "netplaces.com")
ISBN = re.compile(r"\bISBN(?:-1[03])?[ :]*((?:97[89][ -]?)?\d[\d -]{7,14}[\dXx])\b")
DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s]+?)\.?(?:\s|$)", re.IGNORECASE)
# What marks a source as a book or as a paper in its citation.
BOOK = re.compile(r"\b(ISBN|Press|Publishing|Publishers|Media|Verlag|Kindersley|[Bb]ook)\b")
PAPER = re.compile(r"\b(Journal|J Altern|Med J|Maturitas|Complement|Rev)\b|\bdoi:", re.IGNORECASE)
SEARCH_KEYS = {"q", "query", "s", "search", "keyword", "keywords", "term"}


def isbn_is_valid(isbn: str) -> bool:
    digits = re.sub(r"[ -]", "", isbn).upper()
    if len(digits) == 10 and re.fullmatch(r"\d{9}[\dX]", digits):
        values = [10 if c == "X" else int(c) for c in digits]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


def source_problems(source: dict) -> list[str]:
    """What is wrong with one source entry of a zone file (an empty list: nothing)."""
    problems = []
    title, url_text = source.get("title", ""), source.get("url", "")
    url = urlparse(url_text)
    if url.scheme not in ("http", "https") or "." not in url.netloc:
        return ["no web address"]
    host = url.netloc.lower().removeprefix("www.")
    if any(host == banned or host.endswith("." + banned) for banned in BANNED_HOSTS):
        problems.append(f"cites {host}, which FACTS.md §9 drops")
    query = parse_qs(url.query)
    if "search" in url.path.lower() or SEARCH_KEYS & set(query):
        problems.append("links to a search, not to the source")
    elif url.path in ("", "/") and not re.fullmatch(r"(p|page_id)=\d+", url.query):
        problems.append("links to a home page, not to the page cited")
    if len(title) < 30:
        problems.append("the citation does not say what and whose it is")
    isbn = ISBN.search(title)
    doi = DOI.search(title)
    is_book = bool(BOOK.search(title)) and "e-book on" not in title
    if doi:
        if url_text != f"https://doi.org/{doi.group(1)}":
            problems.append("a paper links to its DOI")
    elif PAPER.search(title):
        problems.append("a paper names its DOI")
    elif is_book:
        if not isbn:
            problems.append("a book names its ISBN")
        elif not isbn_is_valid(isbn.group(1)):
            problems.append(f"ISBN {isbn.group(1)} fails its checksum")
        else:
            digits = re.sub(r"[ -]", "", isbn.group(1))
            by_isbn = digits in url_text.replace("-", "")
            if "openlibrary.org" in host and not by_isbn:
                problems.append("an Open Library link goes to the book's ISBN record")
        if not re.match(r"[A-Z][\w.'-]+( [A-Z][\w.'-]*)*,", title) and "translated by" not in title:
            problems.append("a book starts with its author")
    return problems


@pytest.fixture(scope="module", params=sorted(CHARTS))
def raw(request):
    return yaml.safe_load(CHARTS[request.param].read_text(encoding="utf-8"))


def test_every_source_is_specific_and_linkable(raw):
    found = {s["id"]: source_problems(s) for s in raw["sources"]}
    assert {k: v for k, v in found.items() if v} == {}


def test_every_source_defined_is_used_and_every_source_used_is_defined(raw):
    defined = [s["id"] for s in raw["sources"]]
    used = {s for zone in raw["zones"] for s in zone["sources"]}
    assert len(defined) == len(set(defined))
    assert set(defined) == used


def test_every_book_shows_publisher_year_or_its_isbn(raw):
    for source in raw["sources"]:
        title = source["title"]
        if ISBN.search(title):
            assert isbn_is_valid(ISBN.search(title).group(1)), source["id"]
            # the year, or a note that says the page cited does not give it
            assert re.search(r"\b(19|20)\d\d\b", title) or "year" in source.get("note", ""), title


@pytest.mark.parametrize(
    "isbn,valid",
    [
        ("978-1-59477-361-7", True),
        ("978-1-60550-522-0", True),
        ("983-9818-07-4", True),
        ("978-1-59477-361-8", False),
        ("0-9611804-3-6", False),
        ("12345", False),
    ],
)
def test_isbn_checksum(isbn, valid):
    assert isbn_is_valid(isbn) is valid


@pytest.mark.parametrize(
    "source,problem",
    [
        (
            {
                "title": "Dwight C. Byers, Better Health with Foot Reflexology. Ingham Publishing.",
                "url": "https://openlibrary.org/search?q=Better+Health",
            },
            "search",
        ),
        (
            {
                "title": "Zollicoffer, Reflexology, Massage & Bodywork, November/December 2018",
                "url": "https://www.abmp.com/",
            },
            "home page",
        ),
        (
            {
                "title": "Koukouan (koukouan.jp): Japanese foot reflexology chart",
                "url": "https://koukouan.jp/",
            },
            "home page",
        ),
        (
            {
                "title": "Valerie Voner, The Everything Reflexology Book. Adams Media, 2003.",
                "url": "https://openlibrary.org/works/OL123W",
            },
            "ISBN",
        ),
        (
            {
                "title": "V. Voner, The Everything Reflexology Book. Adams Media, 2003. ISBN 9781605505221.",
                "url": "https://openlibrary.org/isbn/9781605505221",
            },
            "checksum",
        ),
        (
            {
                "title": "H. Marquardt, Reflex Zone Therapy. Healing Arts Press. ISBN 978-1-59477-361-7.",
                "url": "https://openlibrary.org/isbn/9780000000000",
            },
            "ISBN record",
        ),
        (
            {
                "title": "Jones J. et al., Journal of Alternative and Complementary Medicine, 2013.",
                "url": "https://www.liebertpub.com/toc/acm/19/5",
            },
            "DOI",
        ),
        (
            {
                "title": "Jones J. et al., J Altern Complement Med, 2013. doi:10.1089/acm.2011.0854.",
                "url": "https://www.liebertpub.com/doi/10.1089/acm.2011.0854",
            },
            "DOI",
        ),
        (
            {
                "title": "SportsRec, reflexology foot zones for the lower back and sciatica",
                "url": "https://www.sportsrec.com/reflexology-foot-zones",
            },
            "FACTS",
        ),
        ({"title": "A chart", "url": "https://example.org/chart.svg"}, "what and whose"),
        ({"title": "A site about reflexology charts with numbered zones", "url": "koukouan.jp"}, "address"),
    ],
)
def test_the_checker_rejects_unspecific_sources(source, problem):
    assert any(problem in p for p in source_problems(source)), source_problems(source)


def test_the_checker_accepts_the_kinds_of_source_it_should():
    good = [
        {
            "title": "H. Marquardt, Reflex Zone Therapy. Healing Arts Press. ISBN 978-1-59477-361-7.",
            "url": "https://openlibrary.org/isbn/9781594773617",
        },
        {
            "title": "Jones J. et al., J Altern Complement Med, 2013. doi:10.1089/acm.2011.0854.",
            "url": "https://doi.org/10.1089/acm.2011.0854",
        },
        {
            "title": 'Kyo no Tsubo (foot-reflexology practice, Kyoto), "Foot reflexology: the hip joint"',
            "url": "https://kyonotsubo.com/?p=2883",
        },
    ]
    for source in good:
        assert source_problems(source) == [], source
