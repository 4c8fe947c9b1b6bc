"""Fuzzing the zone-file loader for the kind of its messages: whatever is wrong with a file's
text, each error is placed at a real line and column inside the text (never 0:0, which is
kept for a problem with the file as a whole), and in the German app none of PyYAML's or
jsonschema's own English reaches the reader.

    REFLEXMAP_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz/test_message_places.py -q
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap import i18n
from reflexmap.atlas import builtin_chart_path, parse_atlas

EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
CHART = builtin_chart_path().read_bytes()[:6000]  # the header, sources, views and first zones

# what PyYAML and jsonschema say in their own English
ENGLISH = re.compile(
    r"\b(expected|found|could not|while (parsing|scanning)|not allowed|is not of type|"
    r"does not match|is a required property|should be|unacceptable character)\b"
)


@pytest.fixture(autouse=True, scope="module")
def german():
    i18n.set_language("de")
    yield
    i18n.set_language("en")


def _placed_in_german(raw: bytes) -> None:
    text = raw.decode("utf-8", errors="replace")
    lines = max(1, len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text)) + 1)
    for error in parse_atlas(raw, "fuzz.yaml").errors:
        assert 1 <= error.line <= lines and error.column >= 1, str(error)
        assert not ENGLISH.search(error.message), str(error)


@FUZZ
@given(st.data())
def test_every_error_of_a_damaged_chart_is_placed_and_said_in_german(data):
    raw = bytearray(CHART)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "splice", "token"]))
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 40))]
        elif op == "splice":
            j = data.draw(st.integers(0, len(raw) - 1))
            raw[i:i] = raw[j : j + data.draw(st.integers(1, 200))]
        else:
            token = data.draw(
                st.sampled_from(
                    ["{", "}", "[", "]", ",", ":", "- ", "\n", "\t", "  ", "&a ", "*a", "*b", "!!str ", "!x ",
                     "'", '"', "\\q", "#", "---", "...", "? ", "|", "|0", ">", ".nan", "1e9", "~", "@", "`",
                     "%YAML 1.1\n", "<<: *a\n", "\ufeff", "\x00", "\x07"]
                )
            )  # fmt: skip
            raw[i:i] = token.encode()
        if not raw:
            raw = bytearray(b"x")
    _placed_in_german(bytes(raw))
