"""What the web-page tests share: the built-in chart's page in English and in German (a test
asking for `page` runs once with each; test_web_page.py keeps its own, English only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import load_atlas
from reflexmap.export.html import export_page
from reflexmap.i18n import set_language


@pytest.fixture(scope="module", params=["en", "de"])
def page(request, tmp_path_factory) -> Path:
    set_language(request.param)
    try:
        return export_page(load_atlas(), tmp_path_factory.mktemp("page") / f"chart-{request.param}.html")
    finally:
        set_language("en")
