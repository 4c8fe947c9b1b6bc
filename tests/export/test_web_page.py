"""The web page (`reflexmap export -o chart.html`) in a real browser: Debian's Chromium, headless,
driven by Selenium. Clicks land at chart points computed from the zone geometry."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point as ShapelyPoint

from reflexmap import load_atlas, read_atlas
from reflexmap.atlas.geometry import to_shapely
from reflexmap.export.html import along_foot, export_page, page_html
from reflexmap.i18n import set_language

from .browser import DESKTOP, PHONE, browser, click_mm, client_point, network_requests

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="document.title=1">&amp; \u202e'


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(scope="module")
def page(atlas, tmp_path_factory) -> Path:
    set_language("en")
    return export_page(atlas, tmp_path_factory.mktemp("page") / "chart.html")


@pytest.fixture(scope="module")
def desktop():
    driver = browser(DESKTOP)
    yield driver
    driver.quit()


def _open(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.get_log("performance")  # start each test's network log afresh


def _card(driver) -> str:
    return driver.execute_script(
        "const c = document.querySelector('article.card:not([hidden])'); return c ? c.innerText : '';"
    )


def _shown_zone(driver) -> str | None:
    return driver.execute_script(
        "const c = document.querySelector('article.card:not([hidden])'); return c ? c.dataset.zone : null;"
    )


def _click_zone(driver, atlas, view_id: str, zone_id: str) -> None:
    click_mm(driver, view_id, *atlas.anchors(view_id)[zone_id])


def test_page_is_small_self_contained_and_locked_down(atlas, page):
    text = page.read_text(encoding="utf-8")
    assert page.stat().st_size < 400_000
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    stated = int(re.search(r"\(([\d,]+)\s+bytes in English", readme)[1].replace(",", ""))
    assert abs(stated - page.stat().st_size) < 0.05 * stated, "README's page size is out of date"
    assert "default-src 'none'" in text
    assert not re.search(r"""(src|href)=["'](?!#)(?!https?://)""", text), "no file or relative references"
    assert text.count("<script") == 2  # the strings (JSON, not run) and the page's own script
    for zone in atlas.zones:
        assert f'id="card-{zone.id}"' in text


def test_page_builder_needs_no_qt():
    code = (
        "import sys, reflexmap; from reflexmap.export.html import page_html;"
        "page_html(reflexmap.load_atlas());"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_click_sacrum_reads_the_card_and_steps_through_overlaps(desktop, atlas, page):
    _open(desktop, page)
    _click_zone(desktop, atlas, "plantar-left", "sacrum")
    card = _card(desktop)
    assert card.startswith("Sacrum")
    assert "Charts place the sacrum here." in card
    assert "Technique" in card and "Sources" in card
    under = desktop.find_element("id", "under").text
    under_here = [z.id for z in atlas.zones_at("plantar-left", *atlas.anchors("plantar-left")["sacrum"])]
    assert under_here[0] == "sacrum" and len(under_here) > 1
    for other in under_here[1:]:
        assert atlas.zone(other).name in under
    _click_zone(desktop, atlas, "plantar-left", "sacrum")  # the same point again: the next zone
    assert _shown_zone(desktop) == under_here[1]
    # every zone of the view answers a click at its label anchor (where the app selects it first)
    for zone in atlas.zones_in("plantar-right"):
        _click_zone(desktop, atlas, "plantar-right", zone.id)
        assert _shown_zone(desktop) in {
            z.id for z in atlas.zones_at("plantar-right", *atlas.anchors("plantar-right")[zone.id])
        }
    assert network_requests(desktop) == []


def test_notes_open_from_a_zone_on_another_view(desktop, atlas, page):
    _open(desktop, page)
    desktop.find_element("css selector", ".tab[data-aspect=medial]").click()
    view = atlas.views_of("medial")[0].id
    zone_id = next(iter(atlas.anchors(view)))
    _click_zone(desktop, atlas, view, zone_id)
    assert _shown_zone(desktop) in {z.id for z in atlas.zones_at(view, *atlas.anchors(view)[zone_id])}
    card = desktop.find_element("css selector", "article.card:not([hidden])")
    card.find_element("css selector", ".note-open[data-note=red-flags]").click()
    dialog = desktop.find_element("id", "note-red-flags")
    assert dialog.get_attribute("open") is not None
    assert "both" in dialog.text and "legs" in dialog.text
    dialog.find_element("css selector", "button").click()
    assert dialog.get_attribute("open") is None
    card.find_element("css selector", ".note-open[data-note=evidence]").click()
    assert "reviews" in desktop.find_element("id", "note-evidence").text


def test_sources_with_web_addresses_are_links(desktop, tmp_path):
    source = (ROOT / "tests" / "data" / "small.yaml").read_text(encoding="utf-8")
    source = source.replace(
        '{id: s1, title: "Source one"}', '{id: s1, title: "Source one", url: "https://example.org/a?b=1&c=2"}'
    )
    chart = tmp_path / "linked.yaml"
    chart.write_text(source, encoding="utf-8")
    set_language("en")
    page = export_page(read_atlas(chart).atlas, tmp_path / "linked.html")
    _open(desktop, page)
    click_mm(desktop, "plantar-left", 0, 25)
    card = desktop.find_element("css selector", "article.card:not([hidden])")
    [link] = card.find_elements("css selector", "ul.sources a")
    assert link.text == "Source one"
    assert link.get_attribute("href") == "https://example.org/a?b=1&c=2"
    assert network_requests(desktop) == []  # showing a link fetches nothing


def test_keyboard_tabs_along_the_foot_and_enter_opens(desktop, atlas, page):
    from selenium.webdriver.common.keys import Keys

    _open(desktop, page)
    body = desktop.find_element("tag name", "body")
    body.click()
    for _ in range(40):
        active = desktop.switch_to.active_element
        if active.get_attribute("class") == "k":
            break
        active.send_keys(Keys.TAB)
    first = desktop.switch_to.active_element
    order = along_foot(atlas, atlas.views_of("plantar")[0])
    assert first.get_attribute("data-zone") == order[0]
    label = first.get_attribute("aria-label")
    assert atlas.zone(order[0]).name in label and "Charts place" in label
    first.send_keys(Keys.TAB)
    second = desktop.switch_to.active_element
    assert second.get_attribute("data-zone") == order[1]
    second.send_keys(Keys.ENTER)
    assert _shown_zone(desktop) == order[1]


def test_search_finds_a_zone_on_another_view(desktop, atlas, page):
    _open(desktop, page)
    medial_only = [
        z for z in atlas.zones if not any(v.aspect == "plantar" for v in atlas.views if z.in_view(v.id))
    ]
    target = medial_only[0] if medial_only else atlas.zone("sacrum")
    box = desktop.find_element("id", "search")
    box.send_keys(target.name[:5])
    buttons = desktop.find_elements("css selector", "#results button")
    [button] = [b for b in buttons if b.text == target.name]
    button.click()
    assert _shown_zone(desktop) == target.id
    shown = desktop.execute_script(
        "return document.querySelector('figure.aspect:not([hidden])').dataset.aspect"
    )
    assert any(target.in_view(v.id) for v in atlas.views_of(shown))


def test_search_finds_a_zone_by_a_word_a_little_longer_than_its_own(desktop, atlas, page):
    """ "sciatica" typed finds the sciatic nerve, as in the app (it found nothing: tryout);
    "heartburn" still finds nothing."""
    _open(desktop, page)
    box = desktop.find_element("id", "search")
    box.send_keys("sciatica")
    names = [b.text for b in desktop.find_elements("css selector", "#results button")]
    assert names == [atlas.zone("sciatic-nerve").name], names
    box.clear()
    box.send_keys("heartburn")
    assert not desktop.find_elements("css selector", "#results button")


def test_quiz_round_right_wrong_and_score(desktop, atlas, page):
    _open(desktop, page)
    desktop.find_element("id", "quiz-start").click()
    claims = {z.claim.lower(): z.id for z in atlas.zones}

    def target() -> str:
        prompt = desktop.find_element("id", "quiz-prompt").text.lower()  # "place the coccyx (tailbone)?"
        return claims[max((c for c in claims if c in prompt), key=len)]

    def foot_of(zone_id: str) -> str:  # the question may name a zone on one foot only
        return next(v.id for v in atlas.views_of("plantar") if zone_id in atlas.anchors(v.id))

    right_zone = target()
    _click_zone(desktop, atlas, foot_of(right_zone), right_zone)
    assert desktop.find_element("id", "quiz-mark").text.startswith("✔")
    assert "Score: 1 of 1" in desktop.find_element("id", "quiz-score").text
    desktop.find_element("id", "quiz-next").click()
    wrong_target = target()
    view = foot_of(wrong_target)
    # a zone away from the target: its anchor more than 4 mm from it (nearer is a near miss, ≈)
    target_shape = to_shapely(atlas.zone(wrong_target).shapes[view])
    elsewhere = next(
        z for z, at in atlas.anchors(view).items() if target_shape.distance(ShapelyPoint(*at)) > 5
    )
    _click_zone(desktop, atlas, view, elsewhere)
    mark = desktop.find_element("id", "quiz-mark").text
    assert mark.startswith("✖") and atlas.zone(wrong_target).name.lower() in mark.lower()
    assert "Score: 1 of 2" in desktop.find_element("id", "quiz-score").text
    outlined = desktop.execute_script(
        "return [...document.querySelectorAll('path.z.answer')].map(p => p.dataset.zone)"
    )
    assert set(outlined) == {wrong_target}
    assert network_requests(desktop) == []


def test_hostile_chart_text_is_shown_and_never_run(desktop, tmp_path):
    source = (ROOT / "tests" / "data" / "small.yaml").read_text(encoding="utf-8")
    hostile = source.replace('"Heel"', json.dumps(HOSTILE)).replace(
        '"the pelvis"', '"</script><script>document.title=2</script>\\u202e"'
    )
    hostile = hostile.replace('"Source one"', '"<a href=javascript:alert(1)>x</a>"')
    chart = tmp_path / "hostile.yaml"
    chart.write_text(hostile, encoding="utf-8")
    result = read_atlas(chart)
    assert result.ok, result.errors
    set_language("en")
    html = page_html(result.atlas)
    assert "<img" not in html and "<script>document" not in html
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    _open(desktop, page)
    view = "plantar-left"
    click_mm(desktop, view, 0, 25)  # the heel zone, away from the strip and the band
    heading = desktop.execute_script(
        "return document.querySelector('article.card:not([hidden]) h2').textContent"
    )
    assert heading == HOSTILE.replace("\u202e", "\\u202e")  # its override shown, never obeyed
    # the claim carries a right-to-left override: shown as its escape, it cannot turn "here." round
    assert "</script><script>document.title=2</script>\\u202e here." in _card(desktop)
    assert desktop.title == "Small test chart"
    assert desktop.execute_script("return document.scripts.length") == 2
    assert desktop.execute_script("return document.images.length") == 0
    assert desktop.execute_script("return document.querySelectorAll('a[href^=javascript]').length") == 0


@pytest.mark.parametrize("size, name", [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_screenshots_at_phone_and_desktop_sizes(atlas, page, tmp_path, size, name):
    driver = browser(size, mobile=size == PHONE)
    try:
        _open(driver, page)
        assert driver.execute_script("return document.documentElement.scrollWidth") <= size[0]
        _click_zone(driver, atlas, "plantar-left", "sacrum")
        assert _shown_zone(driver) == "sacrum"
        panel = driver.find_element("id", "panel")
        assert panel.is_displayed()
        shot = tmp_path / f"{name}.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 20_000
    finally:
        driver.quit()


def test_cli_writes_a_german_page_for_a_user_chart(desktop, tmp_path):
    out = tmp_path / "alternative.html"
    chart = ROOT / "zones" / "alternative-placements.yaml"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reflexmap",
            "export",
            "--chart",
            str(chart),
            "--language",
            "de",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    _open(desktop, out)
    assert desktop.find_element("tag name", "html").get_attribute("lang") == "de"
    assert desktop.find_element("id", "quiz-start").text == "Quiz: Zone finden"  # was "Finden: Quiz"
    atlas = read_atlas(chart).atlas.localized("de")
    view = atlas.views_of(atlas.aspects()[0])[0].id
    if atlas.aspects()[0] != "plantar":
        desktop.find_element("css selector", f".tab[data-aspect={atlas.aspects()[0]}]").click()
    zone_id = next(iter(atlas.anchors(view)))
    _click_zone(desktop, atlas, view, zone_id)
    assert "Karten verorten hier " in _card(desktop)


def test_labels_toggle_and_zoom_buttons(desktop, atlas, page):
    _open(desktop, page)

    def labels_shown() -> bool:
        return desktop.execute_script(
            "const g = document.querySelector('figure:not([hidden]) g.labels');"
            "return getComputedStyle(g).display !== 'none';"
        )

    def chart_width() -> float:
        return desktop.execute_script(
            "return document.querySelector('figure:not([hidden]) svg.chart').getBoundingClientRect().width"
        )

    assert labels_shown()
    desktop.find_element("id", "labels").click()
    assert not labels_shown()
    desktop.find_element("id", "labels").click()
    assert labels_shown()
    fitted = chart_width()
    desktop.find_element("id", "zoom-in").click()
    assert chart_width() > 1.8 * fitted
    # zoomed in, the chart scrolls in its pane, and a click still lands on the zone under the pointer
    view = "plantar-left"
    x, y = client_point(desktop, view, *atlas.anchors(view)["coccyx"])
    desktop.execute_script(
        "document.getElementById('chart').scrollBy(arguments[0], arguments[1])", x - 400, y - 400
    )
    _click_zone(desktop, atlas, view, "coccyx")
    assert _shown_zone(desktop) == "coccyx"
    desktop.find_element("id", "zoom-out").click()
    assert abs(chart_width() - fitted) < 1
    _click_zone(desktop, atlas, view, "sacrum")
    assert _shown_zone(desktop) == "sacrum"


@pytest.mark.parametrize("size", [(390, 844), (1024, 768)])
def test_the_sciatica_note_opens_at_its_top_with_the_emergency_signs_in_view(atlas, page, size):
    """The note's first link is in its sources line at the end: it took the focus and the
    note opened scrolled to the bottom, the emergency signs out of sight (tryout S14-19)."""
    driver = browser(size, mobile=size[0] < 500)
    try:
        _open(driver, page)
        view = atlas.views_of("plantar")[0].id
        _click_zone(
            driver,
            atlas,
            view,
            "lumbar-spine" if "lumbar-spine" in atlas.anchors(view) else next(iter(atlas.anchors(view))),
        )
        card = driver.find_element("css selector", "article.card:not([hidden])")
        card.find_element("css selector", ".note-open[data-note=red-flags]").click()
        dialog = driver.find_element("id", "note-red-flags")
        assert dialog.get_attribute("open") is not None
        scrolled = driver.execute_script(
            "const d = arguments[0]; const b = d.querySelector('.note-body');"
            "return [d.scrollTop, b ? b.scrollTop : 0];",
            dialog,
        )
        assert scrolled == [0, 0], scrolled
        first = driver.execute_script(
            "const d = arguments[0]; const h = d.querySelector('h1, h2, h3, p');"
            "const r = h.getBoundingClientRect(), box = d.getBoundingClientRect();"
            "return [r.top >= box.top - 1, r.bottom <= Math.min(box.bottom, innerHeight) + 1, h.innerText];",
            dialog,
        )
        assert first[0] and first[1], first
    finally:
        driver.quit()
