"""Server-rendered SVG charts: no JavaScript, no vendored library, printable and cacheable.

Each chart is drawn from the same :class:`~saumaton.insight.tables.Table` as the accessible
data table printed under it; the SVG carries ``role="img"`` and a title that points the reader
to the table (WCAG 1.1.1: the table is the text alternative).
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 12, 36
# Colour-blind-safe palette (Okabe–Ito); series also differ by dash pattern.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4")


def _numbers(values) -> list[float | None]:
    return [v if isinstance(v, int | float) else None for v in values]


def _scale(top: float) -> float:
    if top <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    return (int(top / magnitude) + 1) * magnitude


def line_chart(title: str, labels: list[str], series: dict[str, list]) -> SafeString:
    """Lines over ``labels`` (e.g. months); suppressed or missing points leave a gap."""
    clean = {name: _numbers(values) for name, values in series.items()}
    peak = max((v for vs in clean.values() for v in vs if v is not None), default=0)
    top = _scale(peak)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels) - 1, 1)

    def xy(i, v):
        return LEFT + i * step, TOP + plot_h * (1 - v / top)

    parts = [_frame(title, top)]
    for i, label in enumerate(labels):
        if len(labels) <= 12 or i % 2 == 0:
            x = LEFT + i * step
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - 16}" text-anchor="middle">{escape(label)}</text>'
            )
    for n, (name, values) in enumerate(clean.items()):
        segments, current = [], []
        for i, v in enumerate(values):
            if v is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(xy(i, v))
        if current:
            segments.append(current)
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        for points in segments:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-dasharray="{dash}"><title>{escape(name)}</title></polyline>'
            )
    parts.append(_legend(list(clean)))
    return _wrap(title, parts, len(clean))


def bar_chart(title: str, labels: list[str], values: list) -> SafeString:
    """Horizontal-axis bars, one per label; a suppressed value has no bar."""
    clean = _numbers(values)
    top = _scale(max((v for v in clean if v is not None), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(labels), 1)
    parts = [_frame(title, top)]
    for i, (label, v) in enumerate(zip(labels, clean, strict=True)):
        x = LEFT + i * slot
        if v is not None:
            h = plot_h * v / top
            parts.append(
                f'<rect x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - h:.1f}" '
                f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{COLOURS[0]}">'
                f"<title>{escape(label)}: {v:g}</title></rect>"
            )
        parts.append(
            f'<text x="{x + slot / 2:.1f}" y="{HEIGHT - 16}" text-anchor="middle">'
            f"{escape(label[:14])}</text>"
        )
    return _wrap(title, parts, 0)


def _frame(title: str, top: float) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    ticks = []
    for k in range(5):
        value = top * k / 4
        y = TOP + plot_h * (1 - k / 4)
        ticks.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    return "".join(ticks)


def _legend(names: list[str]) -> str:
    items = []
    for n, name in enumerate(names):
        y = HEIGHT + 14 + 16 * n
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        items.append(
            f'<line x1="{LEFT}" x2="{LEFT + 24}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{LEFT + 30}" y="{y}">{escape(name)}</text>'
        )
    return "".join(items)


def _wrap(title: str, parts: list[str], legend_rows: int) -> SafeString:
    height = HEIGHT + (16 * legend_rows + 8 if legend_rows else 0)
    # Every text drawn above went through escape().
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'font-size="11" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(parts)
        + "</svg>"
    )
