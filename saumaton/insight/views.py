"""Insight pages: area overview, municipality report, service effectiveness, financing, model
card, metric definitions; Kela upload; the personal financing watchlist; exports.

Aggregate pages need ``VIEW_INSIGHT`` and show one of the user's own areas (``?area=``), from
the summary tables only. The watchlist names people: it needs ``VIEW_FINANCING_WATCHLIST``,
shows only people visible to the user and logs every read (:mod:`saumaton.insight.financing`).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from saumaton.analytics.catalogue import METRICS
from saumaton.analytics.csvio import CsvImportError
from saumaton.analytics.fairness import Tolerances
from saumaton.core.access import requires
from saumaton.organisations.models import AreaMunicipality, EmploymentArea
from saumaton.organisations.resolver import area_ids_with, roles_of
from saumaton.organisations.roles import Perm, Role

from . import export, svg, tables
from .caveats import caveat_text
from .financing import area_financing, import_kela, watchlist_for
from .forms import KelaUploadForm
from .models import KelaImport, ProfilingRun, ServiceImpact
from .refresh import definition_version


def _area(request, perm: Perm) -> EmploymentArea:
    allowed = area_ids_with(request.user, perm)
    if not allowed:
        raise Http404
    wanted = request.GET.get("area", "")
    area_id = int(wanted) if wanted.isdigit() and int(wanted) in allowed else min(allowed)
    return EmploymentArea.objects.get(pk=area_id)


def _areas(request, perm):
    return EmploymentArea.objects.filter(pk__in=area_ids_with(request.user, perm)).order_by("name")


def _trend_chart(table: tables.Table, metrics) -> object:
    labels = [row[0][1] for row in table.rows]
    positions = {c.key: i for i, c in enumerate(table.columns)}
    series = {tables.metric_name(m): [row[positions[m]][1] for row in table.rows] for m in metrics}
    return svg.line_chart(table.title, labels, series)


@requires(Perm.VIEW_INSIGHT)
def overview(request):
    area = _area(request, Perm.VIEW_INSIGHT)
    trend = tables.trend(area.pk)
    municipalities = tables.by_cut(area.pk, "municipality")
    sections = [
        (tables.key_figures(area.pk), None),
        (
            trend,
            _trend_chart(
                trend,
                ("unemployed_jobseekers", "long_term_unemployed", "structural_unemployment"),
            ),
        ),
        (
            municipalities,
            svg.bar_chart(
                municipalities.title,
                [row[0][1][1] for row in municipalities.rows],
                [row[1][1] for row in municipalities.rows],
            ),
        ),
        (tables.by_cut(area.pk, "unit"), None),
        (tables.by_cut(area.pk, "target_group"), None),
        (tables.placement(area.pk), None),
    ]
    return render(
        request,
        "insight/overview.html",
        {"area": area, "areas": _areas(request, Perm.VIEW_INSIGHT), "sections": sections},
    )


@requires(Perm.VIEW_INSIGHT)
def municipality(request):
    area = _area(request, Perm.VIEW_INSIGHT)
    members = list(
        AreaMunicipality.objects.filter(area=area)
        .select_related("municipality")
        .order_by("municipality__name_fi")
    )
    codes = [m.municipality_id for m in members]
    code = request.GET.get("code") or (codes[0] if codes else "")
    sections = []
    if code:
        if code not in codes:
            raise Http404
        trend = tables.trend(area.pk, "municipality", code)
        sections = [
            (tables.key_figures(area.pk, "municipality", code), None),
            (trend, _trend_chart(trend, ("unemployed_jobseekers", "long_term_unemployed"))),
        ]
    return render(
        request,
        "insight/municipality.html",
        {"area": area, "members": members, "code": code, "sections": sections},
    )


@requires(Perm.VIEW_INSIGHT)
def effectiveness(request):
    area = _area(request, Perm.VIEW_INSIGHT)
    table = tables.effectiveness(area.pk)
    impacts = ServiceImpact.objects.filter(area=area).order_by("service_type", "target_group")
    details = [
        {
            "impact": impact,
            "caveats": [caveat_text(c) for c in impact.report["caveats"]],
            "overlap": impact.report["overlap"],
        }
        for impact in impacts
    ]
    return render(
        request,
        "insight/effectiveness.html",
        {
            "area": area,
            "areas": _areas(request, Perm.VIEW_INSIGHT),
            "table": table,
            "details": details,
        },
    )


@requires(Perm.VIEW_INSIGHT)
def financing(request):
    area = _area(request, Perm.VIEW_INSIGHT)
    found = area_financing(area.pk)
    liability = tables.liability(area.pk, found)
    forecast = tables.forecast(area.pk, found)
    chart = None
    if found is not None:
        monthly = found.forecast.groupby("month", as_index=False)["expected_eur"].sum()
        chart = svg.bar_chart(
            _("Expected municipal share per month, whole area"),
            [f"{m:%m/%y}" for m in monthly["month"]],
            list(monthly["expected_eur"]),
        )
    return render(
        request,
        "insight/financing.html",
        {
            "area": area,
            "areas": _areas(request, Perm.VIEW_INSIGHT),
            "sections": [(liability, None), (forecast, chart)],
            "flagged": found.flagged_rows if found else 0,
            "imports": KelaImport.objects.filter(area=area)[:5],
            "can_upload": request.user.can(Perm.IMPORT_KELA_DATA),
            "can_watch": request.user.can(Perm.VIEW_FINANCING_WATCHLIST),
        },
    )


@requires(Perm.IMPORT_KELA_DATA)
def kela_upload(request):
    area = _area(request, Perm.IMPORT_KELA_DATA)
    errors = []
    form = KelaUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name, text = form.cleaned_data["file"]
        try:
            upload = import_kela(text, name, area, request.user)
        except CsvImportError as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                _("Imported %(rows)s rows for %(first)s–%(last)s.")
                % {
                    "rows": upload.rows,
                    "first": f"{upload.first_month:%m/%Y}",
                    "last": f"{upload.last_month:%m/%Y}",
                },
            )
            return redirect("insight:financing")
    return render(
        request, "insight/kela_upload.html", {"area": area, "form": form, "errors": errors}
    )


@requires(Perm.VIEW_FINANCING_WATCHLIST)
def watchlist(request):
    area = _area(request, Perm.VIEW_FINANCING_WATCHLIST)
    own = request.GET.get("scope") != "all" and Role.COACH in roles_of(request.user)
    return render(
        request,
        "insight/watchlist.html",
        {"area": area, "own": own, "people": watchlist_for(request.user, area.pk, own)},
    )


@requires(Perm.VIEW_INSIGHT)
def model_card(request):
    run = ProfilingRun.objects.first()
    published = ProfilingRun.objects.filter(published=True).first()
    card = run.card if run else None
    groups, policy = [], ""
    if card:
        policy = next(iter(card["audit"]["policies"]), "")
        groups = [{**g, "rates": g["policies"].get(policy, {})} for g in card["audit"]["groups"]]
    return render(
        request,
        "insight/model_card.html",
        {
            "run": run,
            "published": published,
            "card": card,
            "groups": groups,
            "policy": policy,
            "tolerances": Tolerances(),
        },
    )


@requires(Perm.VIEW_INSIGHT)
def definitions(request):
    language = tables.language()
    metrics = [
        {
            "id": m.id,
            "name": m.name(language),
            "unit": m.unit,
            "definition": m.definition,
            "source": m.source,
            "version": definition_version(m.id),
        }
        for m in METRICS.values()
    ]
    return render(request, "insight/definitions.html", {"metrics": metrics})


@requires(Perm.VIEW_INSIGHT)
def export_table(request, table, fmt):
    area = _area(request, Perm.VIEW_INSIGHT)
    builder = tables.BUILDERS.get(table)
    if builder is None or fmt not in ("csv", "xlsx"):
        raise Http404
    code = request.GET.get("code") or None
    if code and not AreaMunicipality.objects.filter(area=area, municipality_id=code).exists():
        raise Http404
    built = builder(area.pk, code)
    if fmt == "csv":
        response = HttpResponse(export.to_csv(built), content_type=export.CSV_TYPE)
    else:
        response = HttpResponse(export.to_xlsx(built), content_type=export.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{area.code}-{table}.{fmt}"'
    return response
