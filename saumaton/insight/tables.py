"""The tables behind every dashboard: one builder per table, shared by pages and exports.

Why one place: a chart, its accessible data table and the CSV/XLSX download must show the same
numbers; each builder returns a :class:`Table` and the page, the chart and the export only
render it. Tables read the summary tables (aggregates, small cells already suppressed) or the
financing aggregates; none holds a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from saumaton.analytics.catalogue import METRICS
from saumaton.organisations.models import Unit
from saumaton.reference.models import Municipality

from .models import MetricValue, ServiceImpact

SUPPRESSED = ".."  # Statistics Finland's mark for a figure not published
TREND_METRICS = (
    "unemployed_jobseekers",
    "long_term_unemployed",
    "structural_unemployment",
    "in_active_services",
    "activation_rate",
    "inflow",
    "outflow",
)
CUT_METRICS = (
    "unemployed_jobseekers",
    "long_term_unemployed",
    "structural_unemployment",
    "activation_rate",
    "median_duration_ongoing",
    "without_next_step",
    "stalled_referrals",
    "plans_up_to_date",
)
TARGET_GROUP_LABELS = {
    "under_25": _("Under 25"),
    "age_55_plus": _("55 or over"),
    "foreign_language": _("Foreign-language speakers"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = (
        "text"  # text | persons | spells | meetings | referrals | share | days | eur | number
    )
    metric: str = ""  # a catalogued metric: the header links to its definition


@dataclass
class Table:
    slug: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    note: str = ""


def language() -> str:
    code = (get_language() or "fi")[:2]
    return code if code in ("fi", "sv", "en") else "en"


def metric_name(metric_id: str) -> str:
    return METRICS[metric_id].name(language())


def _figure(row: MetricValue):
    if row.suppressed:
        return SUPPRESSED
    return row.value


def latest_month(area_id: int) -> date | None:
    return (
        MetricValue.objects.filter(area_id=area_id)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


def _metric_columns(metrics) -> list[Column]:
    return [Column(m, metric_name(m), METRICS[m].unit, m) for m in metrics]


def _pivot(rows, key: str) -> dict[object, dict[str, object]]:
    """Stored figures as ``{row key: {metric: figure}}``, suppressed ones as their mark."""
    pivoted: dict[object, dict[str, object]] = {}
    for row in rows:
        pivoted.setdefault(getattr(row, key), {})[row.metric] = _figure(row)
    return pivoted


def _metric_cells(figures: dict[str, object], metrics) -> list[tuple]:
    return [(METRICS[m].unit, figures.get(m)) for m in metrics]


def _latest_by(area_id: int, key: str, metrics, **filters) -> dict[object, dict[str, object]]:
    """The latest month's ``metrics`` of the area, one entry per value of ``key``."""
    rows = MetricValue.objects.filter(
        area_id=area_id, month=latest_month(area_id), metric__in=metrics, **filters
    )
    return _pivot(rows, key)


def key_figures(area_id: int, dimension: str = "area", value: str = "*") -> Table:
    """Every catalogued figure of the latest month for the area or one cell of it."""
    month = latest_month(area_id)
    table = Table(
        "key_figures",
        str(_("Key figures, %(month)s") % {"month": f"{month:%m/%Y}" if month else "–"}),
        [
            Column("metric", str(_("Figure"))),
            Column("value", str(_("Value")), "number"),
            Column("numerator", str(_("Numerator")), "number"),
            Column("denominator", str(_("Denominator")), "number"),
        ],
    )
    rows = MetricValue.objects.filter(
        area_id=area_id, month=month, dimension=dimension, dimension_value=value, service_type="*"
    )
    by_metric = {r.metric: r for r in rows}
    for metric in METRICS:
        row = by_metric.get(metric)
        if row is None:
            continue
        kind = METRICS[metric].unit
        table.rows.append(
            [
                ("metric", (metric, metric_name(metric))),
                (kind, _figure(row)),
                ("number", SUPPRESSED if row.suppressed else row.numerator),
                ("persons", SUPPRESSED if row.suppressed else row.denominator),
            ]
        )
    return table


def trend(area_id: int, dimension: str = "area", value: str = "*") -> Table:
    """The main figures month by month."""
    table = Table(
        "trend",
        str(_("Month by month")),
        [Column("month", str(_("Month"))), *_metric_columns(TREND_METRICS)],
    )
    rows = MetricValue.objects.filter(
        area_id=area_id,
        dimension=dimension,
        dimension_value=value,
        service_type="*",
        metric__in=TREND_METRICS,
    ).order_by("month")
    for month, figures in _pivot(rows, "month").items():
        table.rows.append([("text", f"{month:%Y-%m}"), *_metric_cells(figures, TREND_METRICS)])
    return table


def _labels(dimension: str, values) -> dict[str, str]:
    """Display names of a dimension's cells, read in one query."""
    values = [str(v) for v in values]
    if dimension == "municipality":
        sv = language() == "sv"
        found = {
            m.code: (m.name_sv if sv and m.name_sv else m.name_fi)
            for m in Municipality.objects.filter(code__in=values)
        }
        return {v: found.get(v, v) for v in values}
    if dimension == "unit":
        names = dict(
            Unit.objects.filter(pk__in=[v for v in values if v.isdigit()]).values_list("pk", "name")
        )
        return {
            v: names.get(int(v), str(_("No unit"))) if v.isdigit() else str(_("No unit"))
            for v in values
        }
    if dimension == "target_group":
        return {v: str(TARGET_GROUP_LABELS.get(v, v)) for v in values}
    return {v: v for v in values}


def _cell_label(dimension: str, value: str) -> str:
    return _labels(dimension, [value])[str(value)]


def by_cut(area_id: int, dimension: str) -> Table:
    """The latest month's main figures per member municipality, unit or target group."""
    titles = {
        "municipality": _("By member municipality"),
        "unit": _("By unit"),
        "target_group": _("By target group"),
    }
    table = Table(
        f"by_{dimension}",
        str(titles[dimension]),
        [Column("cell", str(_("Cell"))), *_metric_columns(CUT_METRICS)],
    )
    cells = _latest_by(
        area_id, "dimension_value", CUT_METRICS, dimension=dimension, service_type="*"
    )
    labels = _labels(dimension, cells)
    for value in sorted(cells):
        table.rows.append(
            [("cell", (value, labels[value])), *_metric_cells(cells[value], CUT_METRICS)]
        )
    return table


def placement(area_id: int) -> Table:
    """Open-market employment 3 and 6 months after each service, latest month."""
    metrics = ("open_market_3m_after_service", "open_market_6m_after_service")
    table = Table(
        "placement",
        str(_("Employment after services")),
        [Column("service", str(_("Service"))), *_metric_columns(metrics)],
    )
    services = _latest_by(area_id, "service_type", metrics, dimension="area")
    services.pop("*", None)  # the placement metrics are reported per service only
    for service in sorted(services):
        table.rows.append([("text", service), *_metric_cells(services[service], metrics)])
    return table


def effectiveness(area_id: int) -> Table:
    """Estimated effect of each service on employment, with intervals and the naive contrast."""
    table = Table(
        "effectiveness",
        str(_("Estimated effect of services on employment 12 months after registration")),
        [
            Column("service", str(_("Service"))),
            Column("group", str(_("Target group"))),
            Column("treated", str(_("Participants")), "persons"),
            Column("comparison", str(_("Comparison")), "persons"),
            Column("naive", str(_("Naive difference")), "points"),
            Column("ipw", str(_("Effect (weighting)")), "points"),
            Column("ipw_ci", str(_("Confidence interval (weighting)")), "interval"),
            Column("matching", str(_("Effect (matching)")), "points"),
            Column("matching_ci", str(_("Confidence interval (matching)")), "interval"),
        ],
    )
    for impact in ServiceImpact.objects.filter(area_id=area_id).order_by(
        "service_type", "target_group"
    ):
        r = impact.report
        group = (
            str(_("All"))
            if impact.target_group == "*"
            else _cell_label("target_group", impact.target_group)
        )
        table.rows.append(
            [
                ("text", impact.service_type),
                ("text", group),
                ("persons", r["n_treated"]),
                ("persons", r["n_comparison"]),
                ("points", r["naive"]["effect"]),
                ("points", r["ipw"]["effect"]),
                ("interval", (r["ipw"]["ci_low"], r["ipw"]["ci_high"])),
                ("points", r["matching"]["effect"]),
                ("interval", (r["matching"]["ci_low"], r["matching"]["ci_high"])),
            ]
        )
    return table


def liability(area_id: int, found=None) -> Table:
    """The municipal share per member municipality and payment month: Kela's and recomputed."""
    from .financing import area_financing

    found = found if found is not None else area_financing(area_id)
    table = Table(
        "liability",
        str(_("Municipal share of benefits by month")),
        [
            Column("municipality", str(_("Municipality"))),
            Column("month", str(_("Month"))),
            Column("persons", str(_("Recipients")), "persons"),
            Column("paid_days", str(_("Paid days")), "number"),
            Column("amount", str(_("Benefits paid")), "eur"),
            Column("kela_share", str(_("Municipal share (Kela)")), "eur"),
            Column("computed_share", str(_("Municipal share (recomputed)")), "eur"),
            Column("flagged", str(_("Rows to check")), "number"),
        ],
    )
    if found is None:
        return table
    names = _labels("municipality", set(found.by_month["municipality_code"]))
    for r in found.by_month.itertuples(index=False):
        small = r.persons < 5
        table.rows.append(
            [
                ("text", names[r.municipality_code]),
                ("text", f"{r.payment_month:%Y-%m}"),
                ("persons", SUPPRESSED if small else r.persons),
                ("number", SUPPRESSED if small else r.paid_days),
                ("eur", SUPPRESSED if small else r.amount_eur),
                ("eur", SUPPRESSED if small else r.kela_share_eur),
                ("eur", SUPPRESSED if small else r.computed_share_eur),
                ("number", r.flagged_rows),
            ]
        )
    return table


def forecast(area_id: int, found=None) -> Table:
    """Expected municipal share for the next 12 months (``analytics.financing.forecast``)."""
    from .financing import area_financing

    found = found if found is not None else area_financing(area_id)
    table = Table(
        "forecast",
        str(_("Forecast of the municipal share, next 12 months")),
        [
            Column("municipality", str(_("Municipality"))),
            Column("month", str(_("Month"))),
            Column("expected", str(_("Expected")), "eur"),
            Column("ceiling", str(_("If nobody left")), "eur"),
            Column("from_inflow", str(_("Of which new recipients")), "eur"),
        ],
    )
    if found is None:
        return table
    names = _labels("municipality", set(found.forecast["municipality_code"]))
    for r in found.forecast.itertuples(index=False):
        table.rows.append(
            [
                ("text", names[r.municipality_code]),
                ("text", f"{r.month:%Y-%m}"),
                ("eur", r.expected_eur),
                ("eur", r.ceiling_eur),
                ("eur", r.from_inflow_eur),
            ]
        )
    return table


BUILDERS = {
    "key_figures": lambda area, code: key_figures(area, *_cell(code)),
    "trend": lambda area, code: trend(area, *_cell(code)),
    "by_municipality": lambda area, code: by_cut(area, "municipality"),
    "by_unit": lambda area, code: by_cut(area, "unit"),
    "by_target_group": lambda area, code: by_cut(area, "target_group"),
    "placement": lambda area, code: placement(area),
    "effectiveness": lambda area, code: effectiveness(area),
    "liability": lambda area, code: liability(area),
    "forecast": lambda area, code: forecast(area),
}


def _cell(code: str | None) -> tuple[str, str]:
    return ("municipality", code) if code else ("area", "*")


def plain(cell) -> object:
    """A cell as the value an export writes: numbers as numbers, labels as text."""
    kind, value = cell
    if kind in ("metric", "cell"):
        return value[1]
    if kind == "interval":
        return f"{value[0]:.4f} – {value[1]:.4f}"
    return "" if value is None else value
