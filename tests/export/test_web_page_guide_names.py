"""The web page names the guide lines on the feet, as the app does on its map (the key under
the feet names them too): every guide line of the view shown has its name by its own line,
nearer it than any other guide line, readable (12 CSS px or more), inside the drawing, and
covering no other name, no zone's label and no caption, on a phone held upright, on a
1024×768 and on a 1920×1080 screen, in English and German, on every view. Before, the page
named them only in the key (and in SVG tooltips a phone never shows)."""

from __future__ import annotations

import pytest

from reflexmap import load_atlas

from .browser import browser

SIZES = {"phone": ((390, 844), True), "1024x768": ((1024, 768), False), "1920x1080": ((1920, 1080), False)}

NAMES = """
const fig = document.querySelector('figure.aspect:not([hidden])');
const svg = fig.querySelector('svg.chart');
const rect = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const shown = (e) => e.getClientRects().length && getComputedStyle(e).display !== 'none'
  && !e.closest('[hidden]') && getComputedStyle(e.closest('g')).display !== 'none';
const names = [...fig.querySelectorAll('g.gnames')].flatMap((g) => {
  const m = g.getScreenCTM();
  const lines = [...g.querySelectorAll('text.gname')].map((t) => t.dataset.points.split(' ')
    .map((p) => p.split(',').map(Number)).map(([x, y]) => { const q = new DOMPoint(x, -y).matrixTransform(m);
      return [q.x, q.y]; }));
  return [...g.querySelectorAll('text.gname')].map((t, i) => ({
    view: g.dataset.view, text: t.textContent, shown: Boolean(shown(t)), box: rect(t),
    px: parseFloat(t.getAttribute('font-size')) * m.a, own: lines[i],
    others: lines.filter((l, k) => k !== i)}));
});
const others = [...svg.querySelectorAll('text.lab, text.cap')].filter(shown)
  .map((e) => ({text: e.textContent, box: rect(e)}));
return {names: names, others: others, svg: rect(svg)};
"""


def ask_for_guide_names(driver) -> None:
    """Tap the key's "Names on the feet" (a phone shows the guide names off its small feet:
    test_web_page_guide_names_phone.py)."""
    from .browser import click_at

    toggle = driver.find_element("css selector", "figure.aspect:not([hidden]) .gnames-show")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", toggle)
    x, y = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
        toggle,
    )
    click_at(driver, x, y)
    assert toggle.get_attribute("aria-pressed") == "true"
    driver.execute_script("window.scrollTo(0, 0)")


def _apart(line, point) -> float:
    """CSS px from a point to a polyline."""
    (px, py), best = point, float("inf")
    for (ax, ay), (bx, by) in zip(line, line[1:], strict=False):
        dx, dy = bx - ax, by - ay
        t = (
            0.0
            if not (dx or dy)
            else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        )
        best = min(best, ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)
    return best


def _overlap(a, b, slack=0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


@pytest.fixture(scope="module", params=sorted(SIZES))
def driver(request):
    size, mobile = SIZES[request.param]
    d = browser(size, mobile=mobile, viewport=not mobile)
    d.size_name = request.param
    yield d
    d.quit()


def test_every_guide_line_is_named_by_its_own_line(driver, page):
    language = page.stem.rsplit("-", 1)[1]
    chart = load_atlas().localized(language)
    driver.get(page.as_uri())
    if driver.size_name == "phone":  # off the small feet until the key's toggle is tapped
        ask_for_guide_names(driver)
    for tab in driver.find_elements("css selector", ".tab"):
        driver.execute_script("arguments[0].click()", tab)
        aspect = tab.get_attribute("data-aspect")
        got = driver.execute_script(NAMES)
        where = f"{driver.size_name}, {language}, {aspect}"
        # (a name on two lines reads as its rows, each a tspan: compared without spaces)
        expected = sorted((v.id, "".join(g.name.split())) for v in chart.views_of(aspect) for g in v.guides)
        names = got["names"]
        strip = str.maketrans("", "", "\u2068\u2069 ")
        assert sorted((n["view"], n["text"].translate(strip)) for n in names) == expected, where
        assert all(n["shown"] for n in names), where
        left, top, right, bottom = got["svg"]
        for i, name in enumerate(names):
            box, text = name["box"], name["text"]
            assert name["px"] >= 12, (where, text, name["px"])
            assert (
                left - 0.5 <= box[0]
                and box[2] <= right + 0.5
                and top - 0.5 <= box[1]
                and box[3] <= bottom + 0.5
            ), (
                where,
                text,
            )
            for other in names[i + 1 :]:
                assert not _overlap(box, other["box"]), (where, text, other["text"])
            for other in got["others"]:  # the zones' labels and the feet's captions
                assert not _overlap(box, other["box"]), (where, text, other["text"])
            middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            own = _apart(name["own"], middle)
            # by its line: its middle nearer its own line than any other, and near it
            assert own <= (box[2] - box[0]) / 2 + (box[3] - box[1]) / 2, (where, text, own)
            assert all(_apart(line, middle) > own for line in name["others"]), (
                where,
                text,
                own,
                [_apart(line, middle) for line in name["others"]],
                box,
            )


def test_a_guide_name_is_plain_text_on_the_feet():
    """A chart's guide line named with markup and a direction override: written as text
    (escaped) on the feet, its override closed inside its isolate (label_text) when cut."""
    from dataclasses import replace

    from reflexmap.export.html import page_html

    atlas = load_atlas()
    hostile = '\u202e<img src=x onerror="alert(1)">' + " long" * 10
    views = tuple(
        replace(v, guides=(replace(v.guides[0], name=hostile), *v.guides[1:])) if v.guides else v
        for v in atlas.views
    )
    page = page_html(replace(atlas, views=views))
    assert "<img src=x" not in page and 'class="gname"' in page
    names = [part.split(">", 1)[1].split("</text>")[0] for part in page.split('<text class="gname"')[1:]]
    # cut as a label is, the override shown as its escape (i18n.shown_text), never obeyed
    assert any(n.startswith("\\u202e&lt;img src=x onerror=&quot;alert(1)") for n in names), names[:3]
    assert all("\u202e" not in n for n in names)


def test_a_guide_name_under_a_quiz_mark_gives_way(tmp_path):
    """A miss tapped on a guide line's name: the ✖ stands where the tap was, over the name,
    and the name fades under it (the verdict is read first); the next question shows it again."""
    from reflexmap.export.html import export_page

    from .browser import click_at

    page = export_page(load_atlas(), tmp_path / "page.html")
    driver = browser((1024, 768), viewport=True)
    try:
        driver.get(page.as_uri())
        driver.find_element("id", "quiz-start").click()
        spot = driver.execute_script(
            "const p = document.getElementById('quiz-prompt').textContent;"
            "const asked = [...document.querySelectorAll('article.card')].find((c) =>"
            " p.startsWith(c.dataset.ask.replace(/[\\u2068\\u2069]/g, ''))).dataset.ask;"
            "for (const t of document.querySelectorAll('figure:not([hidden]) text.gname')) {"
            "  const r = t.getBoundingClientRect();"
            "  const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;"
            "  const z = document.elementsFromPoint(x, y).find((e) => e.matches('path.z'));"
            "  if (z && document.getElementById('card-' + z.dataset.zone).dataset.ask !== asked)"
            "    return [x, y, t.dataset.name]; }"
            "return null;"
        )
        assert spot, "no guide name over a zone that is not asked"
        x, y, name = spot
        click_at(driver, x, y)
        assert driver.find_element("id", "quiz-mark").text[:1] in "✖≈"
        faded = driver.execute_script(
            "return [...document.querySelectorAll('text.gname')].filter((t) =>"
            " t.dataset.name === arguments[0] && getComputedStyle(t).opacity < 0.5).length",
            name,
        )
        assert faded >= 1
        driver.find_element("id", "quiz-next").click()
        assert driver.execute_script("return document.querySelectorAll('.under-mark').length") == 0
    finally:
        driver.quit()
