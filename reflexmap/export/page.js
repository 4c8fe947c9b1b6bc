"use strict";
// ReflexMap's web page: views, selection, overlaps, search, notes and a "find it" quiz.
// Chart text is read from the page's own (escaped) elements and only ever set as textContent.
(function () {
  const S = JSON.parse(document.getElementById("strings").textContent);
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const panel = $("#panel");
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const card = (id) => document.getElementById("card-" + id);
  const nameOf = (id) => (card(id) ? card(id).dataset.name : id);
  // in a sentence: between isolates when the name could reorder the words around it
  const said = (id) => (card(id) ? card(id).dataset.said : id);
  // inside a sentence, as the app words it ("the coccyx" in English; German keeps the capital)
  const mid = (id) => (card(id) ? card(id).dataset.mid : id);
  // the find-it question, worded as in the app and the Anki deck ("Where do charts place the coccyx?")
  const question = (id) => (card(id) ? card(id).dataset.ask : id);
  let selected = null;
  let lastUnder = [];
  let quiz = null;

  function currentFigure() { return $("figure.aspect:not([hidden])"); }
  function zonesInFigure(fig) {
    return Array.from(new Set($$("path.z", fig).map((p) => p.dataset.zone)));
  }

  function showAspect(aspect) {
    $$("figure.aspect").forEach((f) => { f.hidden = f.dataset.aspect !== aspect; });
    $$(".tab").forEach((t) => t.setAttribute("aria-selected", String(t.dataset.aspect === aspect)));
    if (quiz) stageReset();
    fitCharts();
    if (quiz && quiz.target) {
      // the question's feet whole beside its sheet again (they were left as the other view
      // had them: the heels under the sheet); a zone the new view does not draw is asked anew
      if (!zonesInFigure(currentFigure()).includes(quiz.target)) ask(); else feetInSight();
      return;
    }
    if (!selected) return;
    if (zonesInFigure(currentFigure()).includes(selected)) { mark(selected); reveal(selected); return; }
    // its card stood as a sheet over the new view's feet and names: back into the page
    document.body.classList.remove("carded");
  }

  function clearMarks() {
    $$(".sel, .answer, .wrong").forEach((e) => e.classList.remove("sel", "answer", "wrong"));
    $$(".qmark").forEach((e) => e.remove());
    $$(".under-mark").forEach((e) => e.classList.remove("under-mark"));
  }
  // A quiz's verdict on the feet in words, not colour alone: ✔ at the asked zone (on each foot
  // shown), ✖ (≈ when near) where the tap was. Sized to the verdict's text beside them (a
  // quarter larger, as a symbol drawn on colours needs), whatever the drawing's scale and the
  // reader's text size (they were 20 CSS px always: smaller than the words at a large text size).
  const SVGNS = "http://www.w3.org/2000/svg";
  const MARK_EM = 1.25;
  function symbolAt(svg, x, y, symbol) {
    const m = svg.getScreenCTM();
    if (!m) return;
    const px = MARK_EM * (parseFloat(getComputedStyle($("#quiz-mark")).fontSize) || 16);
    const p = new DOMPoint(x, y).matrixTransform(m.inverse());
    const t = document.createElementNS(SVGNS, "text");
    t.setAttribute("class", "qmark");
    t.setAttribute("x", p.x);
    t.setAttribute("y", p.y);
    t.setAttribute("dy", "0.35em");
    t.setAttribute("text-anchor", "middle");
    t.setAttribute("font-size", px / m.a);
    t.setAttribute("stroke-width", px / 5 / m.a);
    t.setAttribute("aria-hidden", "true");
    t.textContent = symbol;
    svg.appendChild(t);
    // a guide line's name under the mark gives way to it (the verdict is read first)
    const r = t.getBoundingClientRect();
    $$("text.gname", svg).forEach((n) => {
      const b = n.getBoundingClientRect();
      if (b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom) {
        n.classList.add("under-mark");
        if (n.previousElementSibling) n.previousElementSibling.classList.add("under-mark");
      }
    });
  }
  function markZone(id, symbol) {
    $$('path.z[data-zone="' + CSS.escape(id) + '"]', currentFigure()).forEach((path) => {
      const at = (path.dataset.at || "").split(" ").map(Number);
      const m = path.getScreenCTM();
      if (at.length !== 2 || !m) return;
      const q = new DOMPoint(at[0], at[1]).matrixTransform(m);
      symbolAt(path.ownerSVGElement, q.x, q.y, symbol);
    });
  }
  // How far (in the chart's millimetres) a tap at (x, y) on the screen is from a zone's edge,
  // over every place the zone is drawn in the view shown.
  function edgeMm(id, x, y) {
    let best = Infinity;
    $$('path.z[data-zone="' + CSS.escape(id) + '"]', currentFigure()).forEach((path) => {
      const m = path.getScreenCTM();
      if (!m) return;
      const p = new DOMPoint(x, y).matrixTransform(m.inverse());
      path.getAttribute("d").split("M").filter((r) => r.trim()).forEach((ring) => {
        const n = ring.match(/-?[0-9.]+/g).map(Number);
        for (let i = 0; i + 1 < n.length; i += 2) {
          const j = (i + 2) % (n.length - n.length % 2);
          const [ax, ay, bx, by] = [n[i], n[i + 1], n[j], n[j + 1]];
          const dx = bx - ax, dy = by - ay;
          const t = dx || dy ? Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy))) : 0;
          best = Math.min(best, Math.hypot(p.x - ax - t * dx, p.y - ay - t * dy));
        }
      });
    });
    return best;
  }
  function mark(id, cls) {
    $$('[data-zone="' + CSS.escape(id) + '"]', $("#chart")).forEach((e) => {
      if (e.matches(".z, .lab, .name")) e.classList.add(cls || "sel");
    });
  }
  // On a phone the zone card (or the quiz) is a sheet over the lower part of the screen
  // ("carded"); × puts it back in the page under the feet. Elsewhere the panel stands beside.
  function openPanel() { document.body.classList.add("carded"); }
  function sheetTop() {
    // a sheet beside the feet (a phone held sideways) leaves them the screen's whole height
    const r = panel.getBoundingClientRect();
    return getComputedStyle(panel).position === "fixed" && r.left <= 0 ? r.top : window.innerHeight;
  }
  function room() {
    // the part of the screen the feet may use: under a bar that stays (sideways), above a
    // sheet at the foot of the screen (upright) or left of one beside the feet (sideways)
    const r = panel.getBoundingClientRect();
    const header = $("header");
    const bar = ["sticky", "fixed"].includes(getComputedStyle(header).position) ? header.getBoundingClientRect().bottom : 0;
    const box = { top: Math.max(0, bar), bottom: window.innerHeight, right: window.innerWidth };
    if (getComputedStyle(panel).position === "fixed") {
      if (r.left <= 0) box.bottom = r.top; else box.right = r.left;
    }
    return box;
  }
  function zonesBox(fig) {
    const rects = $$("path.z", fig).map((p) => p.getBoundingClientRect()).filter((r) => r.height > 0);
    if (!rects.length) return null;
    return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)),
      right: Math.max(...rects.map((r) => r.right)) };
  }
  const MARGIN = 6;
  function feetFree() {
    $$("svg.chart").forEach((svg) => { svg.style.maxHeight = ""; svg.style.maxWidth = ""; svg.style.width = ""; });
  }
  function feetInSight() {
    // A question asks for any zone of the feet shown: all of them in sight beside the sheet,
    // the drawing made smaller where the room left is lower than the feet (it was 456 px
    // above the sheet on an upright phone, the heels under it).
    // (beside the feet on a desktop the panel takes no room from them: nothing to do)
    feetFree();
    fitCharts();
    if (getComputedStyle(panel).position !== "fixed") return;
    const fig = currentFigure();
    const svg = $("svg.chart", fig);
    let box = zonesBox(fig);
    if (!box) return;
    const space = room();
    const high = space.bottom - space.top - 2 * MARGIN;
    const tall = box.bottom - box.top;
    const svgBox = svg.getBoundingClientRect();
    let scale = Math.min(1, high / tall);
    if (box.right > space.right - MARGIN) scale = Math.min(scale, (space.right - MARGIN - svgBox.left) / (box.right - svgBox.left));
    const beside = panel.getBoundingClientRect().left > 0; // the sheet beside the feet (sideways)
    if (scale < 1 && !$("#chart").dataset.zoom) { // zoomed in, the reader chose the size: scrolled only
      svg.style.maxHeight = Math.floor(svgBox.height * scale) + "px";
      if (beside) svg.style.maxWidth = Math.floor(svgBox.width * scale) + "px";
      fitCharts();
      box = zonesBox(fig);
    }
    if (beside) {
      // the drawing as wide as the room left of the sheet (the feet centred in it): zoomed in
      // (the quiz's stage, below), the feet spread over all of it
      const now = svg.getBoundingClientRect();
      svg.style.width = Math.max(now.width, Math.floor(space.right - MARGIN - now.left)) + "px";
      svg.style.maxWidth = "none";
      fitCharts();
    }
    window.scrollBy(0, box.top - space.top - Math.max(MARGIN, (high - (box.bottom - box.top)) / 2));
  }
  function reveal(id) {
    // the marked zone scrolled into sight above the sheet, if the sheet or the screen's edge hides it
    const rects = $$('path.z[data-zone="' + CSS.escape(id) + '"]', currentFigure())
      .map((p) => p.getBoundingClientRect()).filter((r) => r.height > 0);
    if (!rects.length) return;
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const room = sheetTop();
    if (top >= 0 && bottom <= room) return;
    window.scrollBy(0, top - Math.max(8, (room - (bottom - top)) / 2));
  }

  function select(id, under) {
    if (!card(id)) return;
    clearMarks();
    selected = id;
    mark(id);
    $("#welcome").hidden = true;
    $$("article.card").forEach((c) => { c.hidden = c.dataset.zone !== id; });
    showUnder(id, under || []);
    openPanel();
    panel.scrollTop = 0;
    reveal(id);
  }

  function showUnder(id, under) {
    const box = $("#under");
    const others = under.filter((z) => z !== id);
    box.hidden = others.length === 0;
    if (box.hidden) return;
    $("#under-label").textContent = S.alsoHere;
    const list = $("#under-list");
    list.textContent = "";
    others.forEach((z) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = nameOf(z);
      b.addEventListener("click", () => select(z, under));
      list.appendChild(b);
    });
    $("#under-hint").textContent = fill(S.stepHint, { number: under.indexOf(id) + 1, count: under.length });
  }

  function zonesAt(x, y) {
    // Every zone under the point, smallest first (as the app's hit test orders them).
    const found = document.elementsFromPoint(x, y).filter((e) => e.matches && e.matches("path.z"));
    found.sort((a, b) => parseFloat(a.dataset.area) - parseFloat(b.dataset.area));
    return Array.from(new Set(found.map((e) => e.dataset.zone)));
  }

  function onChartClick(event) {
    if (quiz && dragged > 8) { dragged = 0; return; } // the end of a pan or a pinch, not a tap
    const under = zonesAt(event.clientX, event.clientY);
    if (quiz && quiz.target && !quiz.answered) { answer(under, [event.clientX, event.clientY]); return; }
    if (!under.length) return;
    let id = under[0];
    const same = under.length === lastUnder.length && under.every((z, i) => z === lastUnder[i]);
    if (same && selected && under.includes(selected)) id = under[(under.indexOf(selected) + 1) % under.length];
    lastUnder = under;
    select(id, under);
  }

  // --- the quiz: state in this page only ---------------------------------------------
  const ROUND = 10;
  // Hidden labels (a quiz, or the Labels box cleared) keep no room: the feet move together
  // (each view to its data-bare place) and the chart is fitted to them alone; the Labels box
  // says what is shown (cleared and off during a quiz).
  // Labels that would come out smaller than READABLE CSS px at the chart's width and zoom (a
  // phone: about 4 px; a 1280×720 screen: about 6) give way too: the feet are fitted alone and
  // the view's names are listed as buttons ("listed"), under the feet or, in a wide pane,
  // beside them. Zoomed in far enough, the labels return beside the feet.
  const READABLE = 12;
  function labelsTooSmall(svg) {
    const label = $("text.lab", svg);
    if (!label) return false;
    svg.closest("figure").classList.remove("listed"); // measured where the labels would stand
    svg.setAttribute("viewBox", svg.dataset.box);
    const matrix = svg.getScreenCTM();
    return Boolean(matrix) && matrix.a * parseFloat(getComputedStyle(label).fontSize) < READABLE;
  }
  function fitCharts() {
    const off = Boolean(quiz) || !$("#labels").checked;
    $$("figure.aspect:not([hidden])").forEach((fig) => {
      const svg = $("svg.chart", fig);
      const listed = labelsTooSmall(svg);
      // "listed": the names stand under or beside the feet; cleared (or in a quiz) the list
      // keeps no room either, and the feet take the pane (it was left white beside them)
      fig.classList.toggle("listed", listed && !off);
      // the box says what it shows or hides: the labels beside the feet, or the list of names
      $("#labels-text").textContent = listed ? S.namesBox : S.labelsBox;
      const bare = off || listed;
      $$("[data-bare]", svg).forEach((e) => e.setAttribute("transform", bare ? e.dataset.bare : e.dataset.placed));
      fitCaptions(svg, (bare ? svg.dataset.bareBox : svg.dataset.box).split(" ").map(Number));
      svg.dataset.fitted = svg.getAttribute("viewBox");
      placeGuideNames(svg);
      if (quiz) applyStage(svg);
    });
  }
  // --- a quiz's zoom and pan: the feet keep their place beside the question's sheet and the
  // drawing's viewBox shows a part of them, larger (two fingers spread, Ctrl+wheel or a
  // trackpad's pinch, the + and − buttons; a finger or the mouse dragged pans). The page itself
  // is not zoomed (the sheet kept its size and the feet stayed under it, only scrolled), and
  // a tap answers where the zone is drawn at any zoom.
  const MAX_ZOOM = 8;
  const stage = { zoom: 1, fx: 0.5, fy: 0.5 }; // the part in sight: zoom, centre (share of the drawing)
  function shownSvg() { const fig = currentFigure(); return fig && $("svg.chart", fig); }
  function applyStage(svg) {
    svg = svg || shownSvg();
    if (!svg || !svg.dataset.fitted) return;
    // zoomed in, a finger drags the drawing; at the whole feet it scrolls the page (page.css)
    svg.classList.toggle("zoomed", stage.zoom > 1);
    if (stage.zoom === 1) { svg.setAttribute("viewBox", svg.dataset.fitted); return; }
    const [x, y, w, h] = svg.dataset.fitted.split(" ").map(Number);
    const r = svg.getBoundingClientRect();
    if (!r.width || !r.height) return;
    // the box shown has the element's own shape, and stays inside what the whole feet showed
    // (the drawing and the margins it was centred in), so a pinch at the edge does not jump
    const fit = Math.min(r.width / w, r.height / h); // CSS px per unit, whole feet
    const wideW = r.width / fit / w, wideH = r.height / fit / h; // all of it, as shares of the drawing
    const seenW = r.width / fit / stage.zoom, seenH = r.height / fit / stage.zoom;
    const keep = (f, wide, seen) => Math.min(0.5 + wide / 2 - seen / 2, Math.max(0.5 - wide / 2 + seen / 2, f));
    stage.fx = keep(stage.fx, wideW, seenW / w);
    stage.fy = keep(stage.fy, wideH, seenH / h);
    svg.setAttribute("viewBox", [x + stage.fx * w - seenW / 2, y + stage.fy * h - seenH / 2, seenW, seenH].join(" "));
  }
  function zoomAt(px, py, factor) {
    // the point of the drawing under (px, py) stays there
    const svg = shownSvg();
    const m = svg && svg.getScreenCTM();
    if (!m || !svg.dataset.fitted) return;
    const [x, y, w, h] = svg.dataset.fitted.split(" ").map(Number);
    const p = new DOMPoint(px, py).matrixTransform(m.inverse());
    const r = svg.getBoundingClientRect();
    const z1 = Math.min(MAX_ZOOM, Math.max(1, stage.zoom * factor));
    const scale = Math.min(r.width / w, r.height / h) * z1; // CSS px per unit at the new zoom
    stage.zoom = z1;
    stage.fx = (p.x + (r.left + r.width / 2 - px) / scale - x) / w;
    stage.fy = (p.y + (r.top + r.height / 2 - py) / scale - y) / h;
    applyStage(svg);
  }
  function panBy(dx, dy) {
    const svg = shownSvg();
    const m = svg && svg.getScreenCTM();
    if (!m || !svg.dataset.fitted) return;
    const [, , w, h] = svg.dataset.fitted.split(" ").map(Number);
    stage.fx -= dx / m.a / w;
    stage.fy -= dy / m.d / h;
    applyStage(svg);
  }
  function stageReset() { stage.zoom = 1; stage.fx = 0.5; stage.fy = 0.5; }
  function stageShow(x, y) {
    // a point of the drawing (its own units) brought into sight, if the zoom left it out
    const svg = shownSvg();
    if (!svg || stage.zoom === 1 || !svg.dataset.fitted) return;
    const b = svg.viewBox.baseVal;
    if (x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return;
    const [fx, fy, w, h] = svg.dataset.fitted.split(" ").map(Number);
    stage.fx = (x - fx) / w;
    stage.fy = (y - fy) / h;
    applyStage(svg);
  }
  const touches = new Map();
  let dragged = 0;
  function onPointerDown(e) {
    if (!quiz) return;
    if (!touches.size) dragged = 0;
    touches.set(e.pointerId, [e.clientX, e.clientY]);
  }
  function onPointerMove(e) {
    if (!quiz || !touches.has(e.pointerId)) return;
    const [ox, oy] = touches.get(e.pointerId);
    if (touches.size >= 2) {
      const [a, b] = [...touches.values()];
      const d0 = Math.hypot(a[0] - b[0], a[1] - b[1]);
      const m0 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      touches.set(e.pointerId, [e.clientX, e.clientY]);
      const [c, d] = [...touches.values()];
      const d1 = Math.hypot(c[0] - d[0], c[1] - d[1]);
      const m1 = [(c[0] + d[0]) / 2, (c[1] + d[1]) / 2];
      if (d0 > 0) zoomAt(m1[0], m1[1], d1 / d0);
      panBy(m1[0] - m0[0], m1[1] - m0[1]);
      dragged = Infinity;
      return;
    }
    touches.set(e.pointerId, [e.clientX, e.clientY]);
    if (stage.zoom > 1) {
      dragged += Math.hypot(e.clientX - ox, e.clientY - oy);
      if (dragged > 8) panBy(e.clientX - ox, e.clientY - oy);
    }
  }
  function onPointerUp(e) { touches.delete(e.pointerId); }
  function onTouchStart(e) {
    // two fingers on the feet are a pinch of the drawing, not a scroll of the page (one
    // finger scrolls the page while the whole feet are shown: touch-action in page.css)
    if (quiz && e.touches.length >= 2 && e.cancelable) e.preventDefault();
  }
  function onWheel(e) {
    if (!quiz || !e.ctrlKey) return; // a trackpad's pinch arrives as Ctrl+wheel
    e.preventDefault();
    zoomAt(e.clientX, e.clientY, Math.exp(-e.deltaY / 150));
  }
  // The feet's captions ("Left foot") at least CAPTION_PX CSS px, however small the drawing:
  // a larger caption keeps its top under the heel and the drawing grows at its foot to hold it.
  const CAPTION_PX = 13;
  function fitCaptions(svg, box) {
    const caps = $$("text.cap", svg);
    const base = parseFloat(svg.dataset.caption);
    let [x, y, w, h] = box;
    let size = base;
    for (let turn = 0; turn < 3; turn++) {
      svg.setAttribute("viewBox", [x, y, w, h].join(" "));
      const matrix = svg.getScreenCTM();
      if (!matrix || !caps.length) return;
      const wanted = Math.max(base, CAPTION_PX / matrix.a);
      if (Math.abs(wanted - size) < 0.05 && turn) break;
      size = wanted;
      caps.forEach((c) => { c.setAttribute("font-size", size); c.setAttribute("dy", 0.8 * (size - base)); });
      h = box[3] + 1.1 * (size - base);
    }
  }
  // --- the guide lines' names on the feet (html.py _guide_names), as the app names them:
  // GUIDE_PX CSS px at any scale of the drawing (on a paper veil that keeps them legible over
  // the zones), each by its own line: a crosswise line's name just above it (or below), from
  // the foot's outer edge inwards; an upright line's or an ankle bone's above its top, below
  // its foot or beside it. None covers another name, a zone's label or a caption, and none
  // leaves the drawing; a name wider than the foot takes two lines.
  const GUIDE_PX = 12.5;
  const overlaps = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  function apart(line, box) { // how far a polyline comes to a box (the drawing's units)
    let best = Infinity;
    for (let i = 0; i + 1 < line.length; i++) {
      const [[ax, ay], [bx, by]] = [line[i], line[i + 1]];
      const n = Math.min(400, Math.ceil(Math.hypot(bx - ax, by - ay)));
      for (let k = 0; k <= n; k++) {
        const px = ax + (bx - ax) * k / n, py = ay + (by - ay) * k / n;
        best = Math.min(best, Math.hypot(Math.max(box[0] - px, 0, px - box[2]), Math.max(box[1] - py, 0, py - box[3])));
      }
    }
    return best;
  }
  function setRows(t, rows) {
    t.textContent = "";
    if (rows.length === 1) { t.textContent = rows[0]; return t.getComputedTextLength(); }
    rows.forEach((row, i) => {
      const span = document.createElementNS(SVGNS, "tspan");
      span.textContent = row;
      span.setAttribute("dy", i ? "1.15em" : "0");
      t.appendChild(span);
    });
    return Math.max(...$$("tspan", t).map((sp) => sp.getComputedTextLength()));
  }
  function twoRows(name) { // broken at the space nearest the middle
    const words = name.split(" ");
    if (words.length < 2) return null;
    let best = 1;
    const off = (k) => Math.abs(words.slice(0, k).join(" ").length - name.length / 2);
    for (let k = 2; k < words.length; k++) if (off(k) < off(best)) best = k;
    return [words.slice(0, best).join(" "), words.slice(best).join(" ")];
  }
  // Where one name may stand, best first: {tl: its top-left corner, u: the direction its
  // lines run} in its group's units (y down). A crosswise line's name runs along the line
  // (a sloping shoulder line's name slopes with it: level, it floated between two lines).
  function guideSpots(pts, w, h, gap, size, foot) {
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const closed = pts.length > 2 && Math.hypot(pts[0][0] - pts.at(-1)[0], pts[0][1] - pts.at(-1)[1]) < 0.5;
    const spots = [];
    const level = (x, y) => ({ tl: [x, y], u: [1, 0] });
    if (!closed && x1 - x0 >= y1 - y0) { // crosswise: above the line (or below), outer end first
      let [p, q] = [pts[0], pts.at(-1)];
      if (q[0] < p[0]) [p, q] = [q, p];
      const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
      const u = [(q[0] - p[0]) / length, (q[1] - p[1]) / length];
      const up = [u[1], -u[0]]; // (y down: this points up the page)
      const outerLeft = (x0 + x1) / 2 < (foot[0] + foot[2]) / 2;
      const room = Math.max(0, length - w - 2 * gap);
      const steps = Math.max(1, Math.ceil(room / (size * 0.5)));
      for (const above of [true, false]) {
        for (let i = 0; i <= steps; i++) {
          const s = outerLeft ? gap + i * room / steps : length - gap - w - i * room / steps;
          const off = above ? gap + h : -gap;
          spots.push({ tl: [p[0] + u[0] * s + up[0] * off, p[1] + u[1] * s + up[1] * off], u: u });
        }
      }
      return spots;
    }
    // upright, or an ankle bone: above its top, below its foot, across or beside it
    const cx = Math.min(Math.max((x0 + x1) / 2 - w / 2, foot[0] + gap), foot[2] - gap - w);
    spots.push(level(cx, y0 - gap - h), level(cx, y1 + gap));
    for (let i = 0; i <= 8; i++) {
      const y = y0 + (i / 8) * Math.max(0, y1 - y0 - h);
      spots.push(level(x1 + gap, y), level(x0 - gap - w, y), level((x0 + x1) / 2 - w / 2, y));
    }
    for (let k = 1; k <= 4; k++) spots.push(level(cx, y0 - gap - h - k * (h + gap)), level(cx, y1 + gap + k * (h + gap)));
    return spots;
  }
  // A spot's box: its corners, middle and the level box around it (the drawing's units)
  function spotBox(spot, w, h, pad) {
    const [ux, uy] = spot.u, [tx, ty] = spot.tl;
    const at = (x, y) => [tx + ux * x - uy * y, ty + uy * x + ux * y];
    const corners = [at(-pad, 0), at(w + pad, 0), at(w + pad, h), at(-pad, h), at(w / 2, 0), at(w / 2, h)];
    const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
    return { corners: corners, mid: at(w / 2, h / 2), level: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  }
  // On a small screen (a phone, either way up) the names at GUIDE_PX stood on a fifth of the
  // soles (a third held sideways): where those shown would cover more than FOLD_COVER of the
  // feet, they are off the feet ("gfolded"), the key names the lines, and its "Names on the
  // feet" toggle (aria-pressed) puts them on the feet and takes them off again. Decided at
  // every fitting: the page's zoom (+) may make the feet large enough for them.
  const SMALL_SCREEN = "(max-width: 600px), (max-height: 500px)";
  const FOLD_COVER = 0.08; // of the feet's bounds (a 1920×1080 screen's: 0.03 to 0.06)
  let guideNamesAsked = false;
  function namesCover(svg) { // the share of the feet's bounds the shown names' veils cover
    const feet = $$("g.view path.outline", svg).map((p) => p.getBoundingClientRect());
    const veils = $$("rect.gveil", svg).map((v) => v.getBoundingClientRect());
    let area = 0, covered = 0;
    for (const f of feet) {
      area += f.width * f.height;
      for (const v of veils) {
        const w = Math.min(f.right, v.right) - Math.max(f.left, v.left);
        const h = Math.min(f.bottom, v.bottom) - Math.max(f.top, v.top);
        if (w > 0 && h > 0) covered += w * h;
      }
    }
    return area ? covered / area : 0;
  }
  function foldGuideNames(svg) {
    const toggle = $(".gnames-show", svg.closest("figure"));
    const crowding = matchMedia(SMALL_SCREEN).matches && namesCover(svg) > FOLD_COVER;
    svg.classList.toggle("gfolded", crowding && !guideNamesAsked);
    if (!toggle) return;
    toggle.hidden = !crowding && !guideNamesAsked;
    toggle.setAttribute("aria-pressed", String(guideNamesAsked));
  }
  function placeGuideNames(svg) {
    svg.classList.remove("gfolded"); // (measured where they would stand: hidden, a name is 0 px wide)
    placeGuideNamesOnFeet(svg);
    foldGuideNames(svg);
  }
  function placeGuideNamesOnFeet(svg) {
    const m = svg.getScreenCTM();
    if (!m || !m.a) return;
    $$(".gveil", svg).forEach((v) => v.remove());
    const vb = svg.viewBox.baseVal;
    const inside = [vb.x, vb.y, vb.x + vb.width, vb.y + vb.height];
    const taken = $$("text.lab, text.cap", svg)
      .filter((t) => t.getClientRects().length && getComputedStyle(t).display !== "none")
      .map((t) => { const r = t.getBoundingClientRect(); const a = new DOMPoint(r.left, r.top).matrixTransform(m.inverse());
        const b = new DOMPoint(r.right, r.bottom).matrixTransform(m.inverse()); return [a.x, a.y, b.x, b.y]; });
    const size = GUIDE_PX / m.a;
    const gap = size * 0.25;
    const pad = size * 0.15;
    // every foot's bounds in the drawing's units: a name off its foot stands beside its outer
    // side, never in the gap towards another foot (sideways on a phone, a German name ran
    // across the gap onto the other foot) nor over it
    const feet = $$("g.view", svg).map((v) => {
      const r = ($("path.outline", v) || v).getBoundingClientRect();
      const a = new DOMPoint(r.left, r.top).matrixTransform(m.inverse());
      const b = new DOMPoint(r.right, r.bottom).matrixTransform(m.inverse());
      return { view: v.dataset.view, box: [a.x, a.y, b.x, b.y] };
    });
    $$("g.gnames", svg).forEach((g) => {
      const [tx, ty] = (g.getAttribute("transform").match(/-?[0-9.]+/g) || [0, 0]).map(Number);
      const [fx0, fy0, fx1, fy1] = g.dataset.foot.split(" ").map(Number);
      const foot = [fx0, -fy1, fx1, -fy0]; // the foot's bounds, the group's units (y down)
      // how far a name may reach each way (the group's units): on a side that faces another
      // foot to its own foot's edge (`gap` beyond at most, and never past the middle of the
      // space between the feet), on its outer sides to the drawing's edge
      const reach = [-Infinity, -Infinity, Infinity, Infinity];
      const own = [foot[0] + tx, foot[1] + ty, foot[2] + tx, foot[3] + ty];
      feet.filter((f) => f.view !== g.dataset.view).forEach(({ box: o }) => {
        const across = o[1] < own[3] && own[1] < o[3], along = o[0] < own[2] && own[0] < o[2];
        if (across && o[0] >= own[2] - gap) reach[2] = Math.min(reach[2], foot[2] + gap, (own[2] + o[0]) / 2 - tx);
        if (across && o[2] <= own[0] + gap) reach[0] = Math.max(reach[0], foot[0] - gap, (own[0] + o[2]) / 2 - tx);
        if (along && o[1] >= own[3] - gap) reach[3] = Math.min(reach[3], foot[3] + gap, (own[3] + o[1]) / 2 - ty);
        if (along && o[3] <= own[1] + gap) reach[1] = Math.max(reach[1], foot[1] - gap, (own[1] + o[3]) / 2 - ty);
      });
      const ownSide = (box) => box.level[0] >= reach[0] && box.level[1] >= reach[1]
        && box.level[2] <= reach[2] && box.level[3] <= reach[3];
      const names = $$("text.gname", g);
      const lines = names.map((t) => t.dataset.points.split(" ")
        .map((p) => p.split(",").map(Number)).map(([x, y]) => [x, -y]));
      const outline = $('g.view[data-view="' + CSS.escape(g.dataset.view) + '"] path.outline', svg); // (view mm, y up)
      names.forEach((t, index) => {
        if (!t.dataset.name) t.dataset.name = t.textContent;
        t.style.display = ""; // (a name hidden at the last placing measured 0 px wide: none is drawn)
        t.setAttribute("font-size", size);
        const pts = lines[index];
        const others = lines.filter((line) => line !== pts);
        const fits = (box) => box.level[0] + tx >= inside[0] && box.level[2] + tx <= inside[2]
          && box.level[1] + ty >= inside[1] && box.level[3] + ty <= inside[3]
          && !taken.some((o) => overlaps(o, [box.level[0] + tx, box.level[1] + ty, box.level[2] + tx, box.level[3] + ty]));
        // on the foot (a name across its outline hid the edge), where a place by the line is
        const onFoot = (box) => !outline || box.corners.every(([x, y]) => outline.isPointInFill(new DOMPoint(x, -y)));
        // its middle nearer its own line than any other guide line of the view: it names that one
        const ownNearest = (box) => {
          const mid = [box.mid[0], box.mid[1], box.mid[0], box.mid[1]];
          const own = apart(pts, mid);
          const reach = (box.level[2] - box.level[0]) / 2 + (box.level[3] - box.level[1]) / 2;
          return own < reach && others.every((line) => apart(line, mid) > own + gap);
        };
        const rules = [(b) => fits(b) && onFoot(b) && ownNearest(b), (b) => fits(b) && ownSide(b) && ownNearest(b),
          (b) => fits(b) && onFoot(b), fits];
        // one line, or two where a name does not find its place on one (a crowded foot)
        let best = null;
        for (const rows of [[t.dataset.name], twoRows(t.dataset.name)]) {
          if (!rows) continue;
          const w = setRows(t, rows);
          const h = size * (1.15 * rows.length + 0.1);
          const spots = guideSpots(pts, w, h, gap, size, foot);
          const boxes = spots.map((spot) => spotBox(spot, w, h, pad));
          const rule = rules.findIndex((r) => boxes.some(r));
          if (!best || (rule >= 0 && (best.rule < 0 || rule < best.rule))) {
            const k = rule >= 0 ? boxes.findIndex(rules[rule]) : 0;
            best = { rows, rule, w, h, spot: spots[k], box: boxes[k] };
          }
          if (best.rule === 0) break;
        }
        setRows(t, best.rows);
        t.dataset.rule = best.rule; // (0: by its own line, on the foot, as it should stand)
        // no place by its own line (a crowded drawing, the feet small): not said on the feet,
        // where it would name another line; the key under the feet names it
        t.style.display = best.box && best.rule <= 1 ? "" : "none";
        if (t.style.display) return;
        const [ux, uy] = best.spot.u;
        const place = `translate(${best.spot.tl[0]} ${best.spot.tl[1]}) rotate(${Math.atan2(uy, ux) * 180 / Math.PI})`;
        t.setAttribute("transform", place);
        t.setAttribute("x", 0);
        t.setAttribute("y", size * 0.95);
        $$("tspan", t).forEach((sp) => sp.setAttribute("x", 0));
        const veil = document.createElementNS(SVGNS, "rect");
        veil.setAttribute("class", "gveil");
        veil.setAttribute("transform", place);
        veil.setAttribute("x", -pad);
        veil.setAttribute("y", 0);
        veil.setAttribute("width", best.w + 2 * pad);
        veil.setAttribute("height", best.h);
        g.insertBefore(veil, t);
        const lv = best.box.level;
        taken.push([tx + lv[0], ty + lv[1], tx + lv[2], ty + lv[3]]);
      });
    });
  }
  let labelsBefore = null;
  let zoomBefore = null;
  function startQuiz() {
    quiz = { asked: 0, right: 0, target: null, answered: false, seen: [] };
    // the zone read before is put away: its card stood under the question in the sheet
    selected = null;
    $$("article.card").forEach((c) => { c.hidden = true; });
    $("#under").hidden = true;
    $("#welcome").hidden = false;
    stageReset();
    document.body.classList.add("quizzing");
    const box = $("#labels");
    if (labelsBefore === null) labelsBefore = box.checked;
    box.checked = false;
    box.disabled = true;
    fitCharts();
    $("#quiz").hidden = false;
    openPanel();
    if (getComputedStyle(panel).position === "fixed") {
      // on a phone the feet are fitted beside the sheet and zoomed in the quiz's own way
      // (the stage, above); the page's zoom is kept for after the round
      if (zoomBefore === null) zoomBefore = $("#chart").dataset.zoom || "";
      delete $("#chart").dataset.zoom;
    }
    ask();
  }
  function stopQuiz() {
    // Stopped during a round: the round ends and says how it went (with no answer given,
    // that there is no score, as the app says); stopped again, the quiz panel closes.
    const ended = quiz;
    quiz = null;
    document.body.classList.remove("quizzing");
    const box = $("#labels");
    box.disabled = false;
    if (labelsBefore !== null) box.checked = labelsBefore;
    labelsBefore = null;
    if (zoomBefore) $("#chart").dataset.zoom = zoomBefore;
    zoomBefore = null;
    stageReset();
    document.body.classList.toggle("nolabels", !box.checked);
    feetFree();
    fitCharts();
    clearMarks();
    if (!ended || $("#quiz").hidden) { $("#quiz").hidden = true; return; }
    $("#quiz-count").textContent = "";
    $("#quiz-mark").textContent = "";
    $("#quiz-score").textContent = "";
    $("#quiz-prompt").textContent = ended.asked
      ? fill(S.done, { right: ended.right, asked: ended.asked })
      : S.noAnswers;
    const next = $("#quiz-next");
    next.hidden = false;
    next.textContent = S.again;
  }
  function ask() {
    clearMarks();
    stageReset();
    const pool = zonesInFigure(currentFigure());
    const fresh = pool.filter((z) => !quiz.seen.includes(z));
    const from = fresh.length ? fresh : pool;
    quiz.target = from[Math.floor(Math.random() * from.length)];
    quiz.seen.push(quiz.target);
    quiz.answered = false;
    $("#quiz-count").textContent = fill(S.question, { number: quiz.asked + 1, count: ROUND });
    $("#quiz-prompt").textContent = fill(S.findPrompt, { question: question(quiz.target) });
    $("#quiz-mark").textContent = "";
    $("#quiz-next").hidden = true;
    $("#quiz-score").textContent = fill(S.score, { right: quiz.right, asked: quiz.asked });
    feetInSight();
  }
  function answer(under, point) {
    // The words are the app's (quiz/find_words.py, through the strings): a tap on another
    // zone says which it was and how far the asked zone was; where the question fits two
    // zones (a chart placing one claim twice), the nearer one is named and measured to.
    quiz.answered = true;
    quiz.asked += 1;
    // the question fits every zone it asks alike (a chart may place one claim at two zones)
    const fits = (z) => z === quiz.target || (card(z) && card(z).dataset.ask === question(quiz.target));
    const hit = under.find(fits);
    let text;
    if (hit) {
      quiz.right += 1;
      if (hit !== quiz.target) {
        text = fill(S.alike, { clicked: mid(hit), claim: card(quiz.target).dataset.claim, zone: mid(quiz.target) });
      } else {
        text = under[0] === hit ? fill(S.right, { zone: mid(hit) }) : fill(S.close, { name: said(hit) });
      }
      mark(hit, "answer");
      markZone(hit, "✔");
    } else {
      const asked = zonesInFigure(currentFigure()).filter(fits);
      let near = Infinity;
      let nearest = quiz.target;
      if (point) {
        asked.forEach((z) => { const d = edgeMm(z, point[0], point[1]); if (d < near) { near = d; nearest = z; } });
      }
      const close = near <= S.nearMm;
      const values = { clicked: under.length ? mid(under[0]) : "", zone: mid(nearest),
        distance: near.toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
      // (a zone with no anchor answered by Enter gives no point: no distance to say)
      const kind = under.length ? (close ? "near" : point ? "wrong" : "wrongElsewhere") : (close ? "nearOutside" : "wrongOutside");
      text = fill(S[kind], values);
      if (under.length) mark(under[0], "wrong");
      // ✔ at every zone the question fits alike
      asked.forEach((z) => { mark(z, "answer"); markZone(z, "✔"); });
      if (point) symbolAt(currentFigure().querySelector("svg.chart"), point[0], point[1], close ? "≈" : "✖");
      // zoomed in, the asked zone is brought into sight if none of its ✔ is
      const ticks = $$("text.qmark", currentFigure()).filter((t) => t.textContent === "✔")
        .map((t) => [parseFloat(t.getAttribute("x")), parseFloat(t.getAttribute("y"))]);
      const b = shownSvg().viewBox.baseVal;
      const inSight = ticks.some(([x, y]) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
      if (ticks.length && !inSight) stageShow(ticks[0][0], ticks[0][1]);
    }
    $("#quiz-mark").textContent = text;
    $("#quiz-score").textContent = fill(S.score, { right: quiz.right, asked: quiz.asked });
    const next = $("#quiz-next");
    next.hidden = false;
    if (quiz.asked >= ROUND) {
      $("#quiz-prompt").textContent = quiz.asked
        ? fill(S.done, { right: quiz.right, asked: quiz.asked })
        : S.noAnswers;
      next.textContent = S.again;
    } else {
      next.textContent = S.next;
    }
    openPanel();
    next.focus({ preventScroll: true });
  }
  function nextQuestion() {
    if (!quiz || quiz.asked >= ROUND) startQuiz(); else ask();
  }

  // --- search ------------------------------------------------------------------------
  function search() {
    const query = $("#search").value.trim().toLowerCase();
    const results = $("#results");
    results.textContent = "";
    if (!query) { results.hidden = true; return; }
    const words = query.split(/\s+/);
    // as the app finds (atlas/search.py): inside the zone's words, or a typed word a little
    // longer than one of them ("sciatica" finds "Sciatic nerve": it found nothing, tryout)
    const found = (text, w) => text.includes(w) || text.split(/[^\p{L}\p{N}]+/u)
      .some((x) => x.length >= S.stemMin && w.length - x.length <= S.stemExtra && w.startsWith(x));
    const hits = $$("article.card").filter((c) => words.every((w) => found(c.dataset.words, w)));
    if (!hits.length) {
      const li = document.createElement("li");
      li.className = "small";
      li.textContent = S.noMatch;
      results.appendChild(li);
    }
    hits.slice(0, 30).forEach((c) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = c.dataset.name;
      b.addEventListener("click", () => pick(c.dataset.zone));
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function pick(id) {
    $("#results").hidden = true;
    if (!zonesInFigure(currentFigure()).includes(id)) {
      const fig = $$("figure.aspect").find((f) => zonesInFigure(f).includes(id));
      if (fig) showAspect(fig.dataset.aspect);
    }
    select(id, []);
  }

  // --- wiring ------------------------------------------------------------------------
  $$("svg.chart").forEach((svg) => {
    svg.addEventListener("click", onChartClick);
    svg.addEventListener("pointerdown", onPointerDown);
    svg.addEventListener("pointermove", onPointerMove);
    ["pointerup", "pointercancel", "pointerleave"].forEach((kind) => svg.addEventListener(kind, onPointerUp));
    svg.addEventListener("wheel", onWheel, { passive: false });
    svg.addEventListener("touchstart", onTouchStart, { passive: false });
  });
  $("#quiz-zoom-in").addEventListener("click", () => zoom(1));
  $("#quiz-zoom-out").addEventListener("click", () => zoom(-1));
  // Enter on a zone answers at its label's anchor (as the app's Enter does): how far the
  // asked zone was is measured from there
  function anchorOf(k) {
    const view = k.parentNode.dataset.view;
    const path = $$('path.z[data-zone="' + CSS.escape(k.dataset.zone) + '"]', k.ownerSVGElement)
      .find((p) => p.parentNode.dataset.view === view && p.dataset.at);
    const m = path && path.getScreenCTM();
    if (!m) return undefined;
    const [x, y] = path.dataset.at.split(" ").map(Number);
    const q = new DOMPoint(x, y).matrixTransform(m);
    return [q.x, q.y];
  }
  $$("path.k").forEach((k) => {
    k.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        if (quiz && quiz.target && !quiz.answered) answer([k.dataset.zone], anchorOf(k));
        else select(k.dataset.zone, []);
      }
    });
  });
  $$(".tab").forEach((t) => t.addEventListener("click", () => showAspect(t.dataset.aspect)));
  $$(".names button").forEach((b) => b.addEventListener("click", () => {
    select(b.dataset.zone, []);
    $("svg.chart", b.closest("figure")).scrollIntoView({ block: "start" });
  }));
  // turned (not a bar of the browser sliding away as the page scrolls): the feet in sight again
  let wide = window.innerWidth;
  window.addEventListener("resize", () => {
    const turned = window.innerWidth !== wide;
    wide = window.innerWidth;
    if (turned && quiz && quiz.target) feetInSight(); else fitCharts();
  });
  $$(".gnames-show").forEach((b) => b.addEventListener("click", () => {
    guideNamesAsked = !guideNamesAsked;
    fitCharts();
  }));
  $("#labels").addEventListener("change", (e) => {
    document.body.classList.toggle("nolabels", !e.target.checked);
    fitCharts();
  });
  $("#zoom-in").addEventListener("click", () => zoom(1));
  $("#zoom-out").addEventListener("click", () => zoom(-1));
  function zoom(step) {
    if (quiz) {
      const r = shownSvg().getBoundingClientRect();
      const space = room();
      const x = (Math.max(r.left, 0) + Math.min(r.right, space.right)) / 2;
      const y = (Math.max(r.top, space.top) + Math.min(r.bottom, space.bottom)) / 2;
      zoomAt(x, y, step > 0 ? 1.6 : 1 / 1.6);
      return;
    }
    const chart = $("#chart");
    const level = Math.min(3, Math.max(1, (parseInt(chart.dataset.zoom || "1", 10)) + step));
    if (level === 1) delete chart.dataset.zoom; else chart.dataset.zoom = String(level);
    fitCharts();
  }
  $("#quiz-start").addEventListener("click", startQuiz);
  $("#quiz-stop").addEventListener("click", stopQuiz);
  $("#quiz-next").addEventListener("click", nextQuestion);
  $("#search").addEventListener("input", search);
  $("#search").addEventListener("keydown", (e) => {
    if (e.key === "Enter") { const first = $("#results button"); if (first) first.click(); }
    if (e.key === "Escape") { $("#results").hidden = true; }
  });
  $("#panel-close").addEventListener("click", () => document.body.classList.remove("carded"));
  // ☰ (shown on a low screen only) opens the tools under the bar; a tap elsewhere closes them
  function showTools(open) {
    $("header").classList.toggle("open", open);
    $("#tools-open").setAttribute("aria-expanded", String(open));
  }
  $("#tools-open").addEventListener("click", () => showTools(!$("header").classList.contains("open")));
  document.addEventListener("click", (e) => {
    if (e.target.closest && !e.target.closest("#tools, #tools-open")) showTools(false);
  });
  $("#quiz-start").addEventListener("click", () => showTools(false));
  document.addEventListener("click", (e) => {
    const opener = e.target.closest && e.target.closest(".note-open");
    if (opener) {
      const note = document.getElementById("note-" + opener.dataset.note);
      note.showModal();
      // It opens at its top: its first link (the sources, at the end of the sciatica note)
      // took the focus and scrolled the emergency signs out of sight.
      note.focus({ preventScroll: true });
      for (const box of [note, note.querySelector(".note-body")]) if (box) box.scrollTop = 0;
    }
    if (!e.target.closest || !e.target.closest(".search")) $("#results").hidden = true;
  });
  fitCharts();
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !document.querySelector("dialog[open]")) {
      if (quiz) stopQuiz();
      else { clearMarks(); selected = null; $("#quiz").hidden = true; $$("article.card").forEach((c) => { c.hidden = true; });
        $("#under").hidden = true; $("#welcome").hidden = false; document.body.classList.remove("carded"); }
    }
  });
})();
