"""Charts drawn on the server as SVG with matplotlib, so no page needs a script from the internet."""

from __future__ import annotations

import io
import math
import threading

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

# Same input, same bytes: fixed SVG ids, no date in the metadata.
matplotlib.rcParams["svg.hashsalt"] = "kg"
matplotlib.rcParams["svg.fonttype"] = "none"
STAGE_LABELS = {
    "Requested": "beantragt",
    "Granted": "bewilligt",
    "Committed": "gebunden",
    "Paid": "ausgezahlt",
}
STAGE_COLOURS = {"Requested": "#9ecae1", "Granted": "#3182bd", "Committed": "#fd8d3c", "Paid": "#31a354"}
# Figure objects are independent, but font caches and rcParams are shared: draw one chart at a time.
_LOCK = threading.Lock()


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    return text[text.index("<svg") :]


def _euro(x: float, _pos: int | None = None) -> str:
    if abs(x) >= 1e6:
        return f"{x / 1e6:.1f} Mio. €".replace(".", ",")
    if abs(x) >= 1e3:
        return f"{x / 1e3:.0f} Tsd. €"
    return f"{x:.0f} €"


def money_chart(table: dict[str, dict[str, float]], title: str) -> str:
    """Grouped bars: one group per fiscal year, one bar per stage (requested, granted, committed, paid)."""
    with _LOCK:
        fig = Figure(figsize=(7, 3.6))
        ax = fig.add_subplot()
        years = list(table)
        stages = [s for s in STAGE_LABELS if any(s in table[y] for y in years)]
        width = 0.8 / max(1, len(stages))
        for i, stage in enumerate(stages):
            xs = [j + (i - (len(stages) - 1) / 2) * width for j in range(len(years))]
            ys = [table[y].get(stage, 0.0) for y in years]
            bars = ax.bar(xs, ys, width, label=STAGE_LABELS[stage], color=STAGE_COLOURS[stage])
            ax.bar_label(bars, labels=[_euro(v) if v else "" for v in ys], fontsize=7, rotation=90, padding=2)
        ax.set_xticks(range(len(years)), [y if y != "?" else "ohne Jahr" for y in years])
        ax.yaxis.set_major_formatter(_euro)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("Haushaltsjahr")
        if stages:
            ax.legend(fontsize=8, frameon=False)
        else:
            ax.text(0.5, 0.5, "keine Beträge", ha="center", va="center", transform=ax.transAxes)
        ax.margins(y=0.25)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def network_chart(centre: str, nodes: list[tuple[str, str]]) -> str:
    """The project in the middle and its (role, label) partners on a circle around it."""
    with _LOCK:
        fig = Figure(figsize=(7, 5))
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_xlim(-1.6, 1.6)
        ax.set_ylim(-1.3, 1.3)
        n = max(1, len(nodes))
        for i, (role, label) in enumerate(nodes):
            angle = math.pi / 2 - 2 * math.pi * i / n
            x, y = math.cos(angle), math.sin(angle)
            colour = "#d95f02" if role == "lead" else "#1b9e77"
            ax.plot([0, x], [0, y], color="#999999", linewidth=1, zorder=1)
            ax.scatter([x], [y], s=120, color=colour, zorder=2)
            text = label if len(label) <= 40 else label[:38] + "…"
            ax.annotate(
                f"{text}\n({'federführend' if role == 'lead' else 'Partner'})",
                (x, y),
                xytext=(0, -16 if y < 0 else 10),
                textcoords="offset points",
                ha="center",
                va="top" if y < 0 else "bottom",
                fontsize=8,
            )
        ax.scatter([0], [0], s=300, color="#7570b3", zorder=3)
        ax.annotate(
            centre, (0, 0), xytext=(0, 14), textcoords="offset points", ha="center", fontsize=9, weight="bold"
        )
        if not nodes:
            ax.text(0, -0.4, "keine Partner bekannt", ha="center", fontsize=9)
        return _svg(fig)


def fields_chart(counts: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars: number of projects per field of action."""
    with _LOCK:
        fig = Figure(figsize=(7, 0.5 + 0.4 * max(1, len(counts))))
        ax = fig.add_subplot()
        labels = [(c[0] or "ohne Handlungsfeld") for c in counts]
        ax.barh(range(len(counts)), [c[1] for c in counts], color="#3182bd")
        ax.set_yticks(range(len(counts)), labels, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("Projekte")
        ax.set_title(title, fontsize=10)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)
