"""Small statistics and the results table: median and spread of repeated measurements."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    """One benchmark's samples in one unit, with its target and baseline when it has them."""

    name: str
    chart: str
    unit: str  # "ms", "µs" or "MiB"
    samples: list[float]
    target: str = ""
    baseline: str = ""
    met: bool | None = None
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> tuple[float, float]:
        """The middle half of the samples (25th to 75th percentile); min/max with few samples."""
        if len(self.samples) < 4:
            return min(self.samples), max(self.samples)
        q = statistics.quantiles(self.samples, n=4, method="inclusive")
        return q[0], q[2]

    @property
    def p90(self) -> float | None:
        """The 90th percentile, where there are enough samples for one to mean something."""
        if len(self.samples) < 10:
            return None
        return statistics.quantiles(self.samples, n=10, method="inclusive")[-1]

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(median=self.median, spread=list(self.spread), p90=self.p90, runs=len(self.samples))
        return data


def number(value: float, unit: str) -> str:
    if unit in ("widgets", "objects"):  # counts
        return f"{value:+,.0f} {unit}"
    if value >= 100:
        text = f"{value:,.0f}"
    elif value >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}"


def table(figures: list[Figure]) -> str:
    """A Markdown table, readable in a terminal and pasteable into the README."""
    rows = [
        ("Measure", "Chart", "Median", "Middle half", "90th pct", "Runs", "Target", "Baseline / peer", "Met")
    ]
    for f in figures:
        low, high = f.spread
        rows.append(
            (
                f.name,
                f.chart,
                number(f.median, f.unit),
                f"{number(low, f.unit)} – {number(high, f.unit)}",
                number(f.p90, f.unit) if f.p90 is not None else "",
                str(len(f.samples)),
                f.target,
                f.baseline,
                {True: "yes", False: "**no**", None: ""}[f.met],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
