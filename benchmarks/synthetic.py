"""Synthetic charts of N zones, valid under the atlas rules, for benchmarks.

They reuse the built-in chart's views and sources and fill the two soles (the view the app
opens on, so every zone is on screen at once) with small round zones of `POINTS` points on
a grid inside the foot outline: the worst case for hit-testing and drawing.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml
from shapely.geometry import Point, Polygon

from reflexmap.atlas.loader import builtin_chart_path

POINTS = 20


def _ring(cx: float, cy: float, r: float) -> list[list[float]]:
    return [
        [
            round(cx + r * math.cos(2 * math.pi * k / POINTS), 2),
            round(cy + r * math.sin(2 * math.pi * k / POINTS), 2),
        ]
        for k in range(POINTS)
    ]


def _centres(outline: list[list[float]], count: int) -> list[tuple[float, float, float]]:
    """`count` (x, y, radius) discs inside `outline` on a grid, fine enough to fit them."""
    foot = Polygon(outline)
    minx, miny, maxx, maxy = foot.bounds
    step = math.sqrt(foot.area / count)
    while True:
        r = step * 0.42
        inner = foot.buffer(-(r + 0.6))
        centres = []
        y = miny + step / 2
        while y < maxy:
            x = minx + step / 2
            while x < maxx:
                if inner.contains(Point(x, y)):
                    centres.append((x, y, r))
                x += step
            y += step
        if len(centres) >= count:
            return centres[:count]
        step *= 0.95


def synthetic_chart(zones: int) -> dict:
    """The chart as plain data, ready for `yaml.safe_dump`."""
    base = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    views = [v for v in base["views"] if v["aspect"] == "plantar"]
    for view in views:
        if "outline" not in view:  # the right sole mirrors the left: give it its outline
            source = next(v for v in base["views"] if v["id"] == view.pop("mirror_of"))
            view["outline"] = [[-x, y] for x, y in source["outline"]]
            view["guides"] = [
                {**g, "points": [[-x, y] for x, y in g["points"]]} for g in source.get("guides", [])
            ]
    per_view = [zones // len(views) + (1 if i < zones % len(views) else 0) for i in range(len(views))]
    out = []
    for view, count in zip(views, per_view, strict=True):
        for n, (x, y, r) in enumerate(_centres(view["outline"], count)):
            out.append(
                {
                    "id": f"{view['id']}-{n}",
                    "name": f"Zone {n} of {view['id']}",
                    "region": "spine",
                    "claim": "a synthetic zone for benchmarks",
                    "technique": "none",
                    "sources": [base["sources"][0]["id"]],
                    "confidence": "estimate",
                    "shapes": {view["id"]: _ring(x, y, r)},
                }
            )
    base["id"] = f"synthetic-{zones}"
    # Its own texts in every language: the built-in chart's translations (its German title
    # and description) would otherwise name every synthetic chart "Westliche Fußkarte" in German.
    base["title"] = f"Synthetic chart of {zones:,} zones"
    base["description"] = "Small round zones on a grid inside the soles, for benchmarks and tests."
    base["translations"] = {
        "de": {
            "title": f"Synthetische Karte mit {zones:,} Zonen".replace(",", "."),
            "tradition": base["translations"]["de"]["tradition"],  # the zones' sources are its
            "description": "Kleine runde Zonen auf einem Raster in den Sohlen, für Messungen und Tests.",
        }
    }
    base["zones"] = out
    return base


def write_synthetic_chart(zones: int, folder: Path) -> Path:
    path = folder / f"synthetic-{zones}.yaml"
    if not path.exists():
        text = yaml.dump(
            synthetic_chart(zones), Dumper=yaml.CSafeDumper, sort_keys=False, width=200, allow_unicode=True
        )
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path
