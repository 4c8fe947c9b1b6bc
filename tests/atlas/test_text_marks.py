"""Invisible and stacked text is refused by `reflexmap check`, at the character it is about: a
zone name of 3,000 zero-width joiners and a "Z" passed and drew an empty label; a letter with 30
combining marks stacked them far above its label in the window and in exports. Real scripts
keep working: an emoji joined by ZWJ, a flag of tag characters, a Devanagari conjunct, pointed
Hebrew, Arabic with harakat, Vietnamese, Myanmar."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap.atlas import char_classes, read_atlas
from reflexmap.atlas.text import (
    MAX_INVISIBLE_RUN,
    MAX_STACKED_MARKS,
    first_text_problem,
    text_problem,
)
from reflexmap.cli import main

DATA = Path(__file__).parents[1] / "data"
SMALL = (DATA / "small.yaml").read_text(encoding="utf-8")

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), which unicodedata lacks
_DEFAULT_IGNORABLE = [
    (0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
]  # fmt: skip
# Format characters that draw (Arabic number signs and the like, "prepended concatenation marks")
_PREPENDED = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD}


def invisible(char: str) -> bool:
    """The reference for char_classes.INVISIBLE: default-ignorable, or a format character
    that does not draw."""
    code = ord(char)
    if any(low <= code <= high for low, high in _DEFAULT_IGNORABLE):
        return True
    return unicodedata.category(char) == "Cf" and code not in _PREPENDED


def _members(body: str) -> set[int]:
    """The code points of a regular-expression class body ("a-cx" -> a, b, c, x)."""
    codes: set[int] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            codes.update(range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            codes.add(ord(body[i]))
            i += 1
    return codes


def _reference_classes() -> dict[str, set[int]]:
    """The classes as the running Python's unicodedata has them: the generator of
    char_classes.py (print each with its ranges as \\uXXXX escapes to regenerate it)."""
    every = [chr(code) for code in range(0x110000)]
    return {
        "STACKING": {ord(c) for c in every if unicodedata.category(c) in ("Mn", "Me")},
        "SPACING_MARKS": {ord(c) for c in every if unicodedata.category(c) == "Mc"},
        "INVISIBLE": {ord(c) for c in every if invisible(c)},
    }


def test_the_character_classes_are_unicodes():
    reference = _reference_classes()
    for name, codes in reference.items():
        written = _members(getattr(char_classes, name))
        if unicodedata.unidata_version == "14.0.0":  # the version they were generated from
            assert written == codes, (name, sorted(written ^ codes)[:10])
        else:  # a later Unicode only adds characters
            assert written <= codes | {c for c in written if unicodedata.category(chr(c)) == "Cn"}, name


REAL = [
    "Vi\u1ec7t Nam",  # Vietnamese, precomposed
    "Vie\u0323\u0302t Nam",  # Vietnamese, decomposed: two marks on the e
    "\u0915\u094d\u200d\u0937\u0947\u0924\u094d\u0930",  # Devanagari, a half form by ZWJ
    "\u0915\u093c\u0947\u0901\u0951",  # Devanagari: nukta, vowel sign, candrabindu, Vedic accent
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 family",  # emoji joined by ZWJ
    "\U0001f441\ufe0f\u200d\U0001f5e8\ufe0f eye",  # variation selector, ZWJ, variation selector
    "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",  # tag flag
    "\u05e9\u05bc\u05c1\u05b8\u0591\u05dc\u05d5\u05b9\u05dd",  # Hebrew: dagesh, shin dot, qamats, accent
    "\u0628\u0650\u0633\u0652\u0645\u0650 \u0627\u0644\u0644\u0651\u064e\u0670\u0647\u0650",  # Arabic
    "\u1000\u103b\u103d\u1032\u1037",  # Myanmar: spacing and non-spacing marks on one letter
    "1\ufe0f\u20e3 keycap",
    # Tibetan: subjoined consonants are letters (issue 14: 5 and more were refused as marks)
    "\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66",  # བསྒྲུབས
    "\u0f67\u0f71\u0f74\u0f83",  # ཧཱུྃ
    "\u0f40\u0fb5\u0fa8\u0fb1\u0f71\u0f80",  # ཀྵྨྱཱྀ: 3 subjoined, 2 vowel signs
    "\u0f67\u0fa8\u0fb1\u0f71\u0f74\u0f83\u0f0b\u0f68\u0f7c\u0f7e",  # ཧྨྱཱུྃ་ཨོཾ
    "\u0f40\u0fb5\u0fa8\u0fb1\u0fad\u0f71\u0f80\u0f7e",  # 4 subjoined, 3 marks
    "\u0e19\u0e49\u0e33 \u0e17\u0e35\u0e48 \u0e01\u0e34\u0e4a",  # Thai: vowels and tone marks
    "\u0939\u093f\u0928\u094d\u0926\u0940",  # Devanagari: हिन्दी
    "\u05d1\u05bc\u05b0\u05e8\u05b5\u05d0\u05e9\u05c1\u05b4\u0596\u05d9\u05ea",  # Hebrew, tipcha
    "\u05e9\u05bc\u05c1\u05b8\u0594\u05bd\u05dc",  # Hebrew: dagesh, shin dot, qamats, accent, meteg
]


@pytest.mark.parametrize("text", REAL)
def test_real_scripts_pass(text):
    assert text_problem("name", text) is None


@pytest.mark.parametrize("text", REAL)
def test_a_chart_named_in_a_real_script_loads(tmp_path, text):
    path = tmp_path / "chart.yaml"
    path.write_text(SMALL.replace('name: "Heel"', f'name: "{text}"', 1), encoding="utf-8")
    result = read_atlas(path)
    assert result.ok, result.errors
    assert result.atlas.zone("heel").name == text


ZWJ_RUN = "\u200d" * 3000 + "Z"
STACKED = "Z" + "\u0301" * 30


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Z\u0337\u0322\u031b\u034e\u033c\u0331\u032c\u0318\u030e\u0344\u0313\u0351a", "12 combining marks"),
        ("\u0f40" + "\u0f90" * 30, "30 letters subjoined below one character"),  # a tower of Tibetan ka
        ("\u0f40" + "\u0f90\u0f74" * 7, "7 combining marks"),  # marks between them
        (
            "\u0f40\u0fb5\u0fa8\u0fb1" + "\u0f71\u0f80\u0f7e\u0f82\u0f83",
            "5 combining marks",
        ),  # Zalgo on a stack
        ("\u0e01" + "\u0e48\u0e49" * 4, "8 combining marks"),  # Thai tone marks piled up
        ("\u05e9" + "\u0591" * 9, "9 combining marks"),  # Hebrew accents piled up
    ],
    ids=["zalgo", "tibetan-tower", "tibetan-tower-marked", "marks-on-a-stack", "thai", "hebrew"],
)
def test_abuse_in_any_script_is_refused(text, said):
    problem = text_problem("name", text)
    assert problem is not None and said in problem, problem


def test_the_subjoined_letters_are_tibetan_letters_that_are_marks():
    letters = _members(char_classes.SUBJOINED)
    assert len(letters) == 47
    for code in letters:
        assert unicodedata.category(chr(code)) == "Mn"
        assert unicodedata.name(chr(code)).startswith("TIBETAN SUBJOINED"), hex(code)


# Every kind of chart text the rules see: a zone's name, claim and technique, a guide line's
# name, a source's title, the chart's title and tradition, a translation
PLACES = [
    ('name: "Heel"', "Heel"),
    ('claim: "the pelvis"', "the pelvis"),
    ('technique: "Thumb-walk."', "Thumb-walk."),
    ('name: "Waistline"', "Waistline"),
    ('title: "Source one"', "Source one"),
    ('title: "Small test chart"', "Small test chart"),
    ('tradition: "Test"', "Test"),
    ("translations", "Becken"),
]


def _chart_with(tmp_path: Path, place: str, text: str, escaped: bool) -> tuple[Path, str]:
    """small.yaml with `text` at `place`, written in double quotes as it is or with every
    character escaped; the file and its text."""
    written = json.dumps(text, ensure_ascii=escaped)
    if place == "translations":
        chart = SMALL.replace(
            'claim: "the pelvis"', f'claim: "the pelvis"\n    translations: {{de: {{claim: {written}}}}}', 1
        )
    else:
        chart = SMALL.replace(place, place.split(":")[0] + ": " + written, 1)
    path = tmp_path / "chart.yaml"
    path.write_text(chart, encoding="utf-8")
    return path, chart


@pytest.mark.parametrize("escaped", [False, True], ids=["literal", "escaped"])
@pytest.mark.parametrize(("place", "_was"), PLACES, ids=[p[1] for p in PLACES])
@pytest.mark.parametrize(
    ("text", "said", "before"),
    [
        (ZWJ_RUN, "3,000 invisible characters in a row", 0),  # at the run's first character
        (STACKED, "30 combining marks stacked on one character", 1 + MAX_STACKED_MARKS),  # the 5th mark
        ("Heel " + "\u0301" * 3 + "x\u0301" + "\u0301" * 5, "6 combining marks", 13),  # not the first mark
        ("a\u200db" + "\u2060" * 9 + "c", "9 invisible characters in a row", 3),  # not the first ZWJ
    ],
    ids=["zwj-run", "stacked", "second-stack", "second-run"],
)
def test_invisible_and_stacked_text_is_refused_at_its_character(
    tmp_path, capsys, place, _was, text, said, before, escaped
):
    path, chart = _chart_with(tmp_path, place, text, escaped)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr()
    told = out.out + out.err
    assert said in told and "Traceback" not in told, told
    (error,) = read_atlas(path).errors
    line = chart.splitlines()[error.line - 1]
    quote = line.index('"', line.index("translations") if place == "translations" else 0)
    if place == "translations":
        quote = line.index('"', line.index("claim:"))
    written = json.dumps(text[before], ensure_ascii=escaped)[1:-1]  # the character as written
    expected = quote + 1 + len(json.dumps(text[:before], ensure_ascii=escaped)) - 2
    assert line[error.column - 1 :].startswith(written), (line, error)
    assert error.column - 1 == expected, (line, error)
    assert f"{path}:{error.line}:{error.column}:" in told


def test_the_messages_say_the_limits_in_german(tmp_path):
    from reflexmap import i18n

    before = i18n.language()
    try:
        i18n.set_language("de")
        run = text_problem("name", ZWJ_RUN)
        stacked = text_problem("name", STACKED)
    finally:
        i18n.set_language(before)
    assert "3.000" in run and str(MAX_INVISIBLE_RUN) in run and "unsichtbar" in run, run
    assert "30" in stacked and str(MAX_STACKED_MARKS) in stacked and "Zeichen" in stacked, stacked


_ODD = "\u200d\u200b\ufe0f\u0301\u0323\u093e\u0915\U000e0067 aZ\x07\n"


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["name", "note", "claim", "title"]),
        st.lists(st.text(alphabet=st.sampled_from(_ODD), max_size=16), max_size=4),
        max_size=3,
    )
)
def test_the_cache_check_refuses_what_the_text_rules_refuse(by_key):
    """first_text_problem (a cached chart's texts, joined for speed) answers as text_problem
    asked of each text in turn."""
    expected = next(
        (found for key, texts in by_key.items() for text in texts if (found := text_problem(key, text))),
        None,
    )
    assert first_text_problem(by_key) == expected
