"""Municipal financing from Kela's file: import (all or nothing), liability, forecast, watchlist.

The format and the maths are ``saumaton.analytics.kela`` and ``analytics.financing`` (shares
from ``saumaton.rules.financing``: TTL 14:3a–3d, 555/1998 §4). This module stores the rows,
checks what only the database knows (the municipality belongs to the area), and scopes the
person-level watchlist: a coach or unit lead sees only people visible to them
(``Person.objects.visible_to``), and every such read is written to the access log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Sum

from saumaton.analytics import financing
from saumaton.analytics.csvio import CsvImportError, LineError, read_csv
from saumaton.analytics.kela import COLUMNS, parse_kela_csv
from saumaton.audit.access import log_reads
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import AreaMunicipality

from .models import KelaImport, KelaPayment, ProfilingRun, RiskScore

WATCH_HORIZON_DAYS = 90
WATCHLIST_PURPOSE = "insight:watchlist"
CACHE_SECONDS = 24 * 3600


def import_kela(text: str, filename: str, area, user) -> KelaImport:
    """Store every row of ``text`` or none; raises :class:`CsvImportError` with every error.

    A file replaces the area's stored rows of the months it covers (Kela's monthly file is the
    invoice of record for its months), so re-importing a corrected file is safe.
    """
    try:
        frame, errors = parse_kela_csv(text), []
    except CsvImportError as exc:
        frame, errors = None, list(exc.errors)
    errors += _outside_area(text, area)
    if frame is not None and frame.empty:
        errors.append(LineError(1, "", "the file has no rows"))
    if errors:
        raise CsvImportError(errors)
    keys = set(frame["person_key"])
    known = {
        str(pk)
        for pk in Person.objects.filter(pk__in=[k for k in keys if _is_uuid(k)]).values_list(
            "pk", flat=True
        )
    }
    months = sorted(set(frame["payment_month"]))
    with transaction.atomic():
        KelaPayment.objects.filter(upload__area=area, payment_month__in=months).delete()
        upload = KelaImport.objects.create(
            area=area,
            uploaded_by=user,
            filename=filename[:200],
            rows=len(frame),
            matched_persons=len(known),
            first_month=months[0],
            last_month=months[-1],
        )
        KelaPayment.objects.bulk_create(
            (
                KelaPayment(
                    upload=upload,
                    person_key=r.person_key,
                    person_id=r.person_key if r.person_key in known else None,
                    municipality_code=r.municipality_code,
                    benefit=r.benefit,
                    payment_month=r.payment_month,
                    paid_days=r.paid_days,
                    cumulative_paid_days=r.cumulative_paid_days,
                    amount_eur=Decimal(f"{r.amount_eur:.2f}"),
                    municipal_share_eur=Decimal(f"{r.municipal_share_eur:.2f}"),
                )
                for r in frame.itertuples(index=False)
            ),
            batch_size=5000,
        )
    return upload


def _outside_area(text: str, area) -> list[LineError]:
    """Rows whose municipality is not a member of ``area``: the file is for the wrong area."""
    try:
        table = read_csv(text, COLUMNS)
    except CsvImportError:
        return []  # a bad header: the parser has reported it
    members = set(
        AreaMunicipality.objects.filter(area=area).values_list("municipality_id", flat=True)
    )
    return [
        LineError(line, "municipality_code", f"{code} is not a member municipality of this area")
        for line, raw in table.rows
        if (code := raw["municipality_code"]) not in members and len(code) == 3
    ]


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def payments(area_id: int) -> pd.DataFrame:
    """The area's stored rows in the shape of ``analytics.kela.parse_kela_csv``."""
    data = list(
        KelaPayment.objects.filter(upload__area_id=area_id).values_list(
            "person_key",
            "municipality_code",
            "benefit",
            "payment_month",
            "paid_days",
            "cumulative_paid_days",
            "amount_eur",
            "municipal_share_eur",
        )
    )
    frame = pd.DataFrame.from_records(
        data,
        columns=[
            "person_key",
            "municipality_code",
            "benefit",
            "payment_month",
            "paid_days",
            "cumulative_paid_days",
            "amount_eur",
            "municipal_share_eur",
        ],
    )
    for column in ("amount_eur", "municipal_share_eur"):
        frame[column] = frame[column].astype(float)
    return frame


@dataclass(frozen=True)
class Financing:
    by_month: pd.DataFrame  # liability per municipality and month, Kela's and recomputed
    forecast: pd.DataFrame  # expected cost per municipality for the next 12 months
    flagged_rows: int


def _cached(area_id: int, name: str, compute):
    """``compute()`` once per area and stored file: the figures change only with a new import
    (or a new published model, for the watchlist's prospects), and recomputing the forecast
    on every page view would cost a second on the small demo."""
    upload = KelaImport.objects.filter(area_id=area_id).values_list("pk", "uploaded_at").first()
    run = ProfilingRun.objects.filter(published=True).values_list("pk", "trained_at").first()
    key = f"insight:{name}:{area_id}:{upload}:{run}".replace(" ", "_")
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


def area_financing(area_id: int) -> Financing | None:
    def compute():
        rows = payments(area_id)
        if rows.empty:
            return None
        reconciled = financing.reconcile(rows)
        return Financing(
            financing.liability_by_month(reconciled),
            financing.forecast(rows),
            int(reconciled["flagged"].sum()),
        )

    return _cached(area_id, "financing", compute)


def _prospects() -> pd.DataFrame | None:
    run = ProfilingRun.objects.filter(published=True).first()
    if run is None:
        return None
    data = list(
        RiskScore.objects.filter(run=run).values_list("person_id", "p_long_term", "top_factors")
    )
    frame = pd.DataFrame.from_records(data, columns=["person_key", "p_long_term", "top_factors"])
    frame["person_key"] = frame["person_key"].astype(str)
    return frame


def _latest_share(area_id: int, keys: list[str]) -> dict[str, Decimal]:
    """Each person's municipal share (Kela's, all benefits) in the file's latest month: the
    per-person liability shown next to the step-up."""
    latest = KelaPayment.objects.filter(upload__area_id=area_id).aggregate(m=Max("payment_month"))
    rows = (
        KelaPayment.objects.filter(
            upload__area_id=area_id, payment_month=latest["m"], person_key__in=keys
        )
        .values("person_key")
        .annotate(total=Sum("municipal_share_eur"))
    )
    return {r["person_key"]: r["total"] for r in rows}


def _area_watchlist(area_id: int) -> pd.DataFrame:
    def compute():
        rows = payments(area_id)
        if rows.empty:
            return pd.DataFrame()
        return financing.watchlist(rows, WATCH_HORIZON_DAYS, _prospects())

    return _cached(area_id, "watchlist", compute)


def watchlist_for(user, area_id: int, own_caseload: bool = False) -> list[dict]:
    """People visible to ``user`` whose municipal share steps up within 90 days, with their
    advisory risk of long-term unemployment; ordered by step date, then higher risk first
    (``analytics.financing.watchlist``), never by cost. ``own_caseload`` keeps only people
    whose open job search names ``user`` as coach. The read is access-logged."""
    found = _area_watchlist(area_id)
    if found.empty:
        return []
    keys = [k for k in found["person_key"] if _is_uuid(k)]
    people = Person.objects.visible_to(user).filter(pk__in=keys)
    if own_caseload:
        people = people.filter(customerships__coach=user, customerships__end_date__isnull=True)
    visible = {str(p.pk): p for p in people.only("id", "first_name", "last_name")}
    shown = found[found["person_key"].isin(visible)]
    log_reads(user, [visible[k] for k in shown["person_key"]], WATCHLIST_PURPOSE)
    liability = _latest_share(area_id, list(shown["person_key"]))
    result = []
    for row in shown.to_dict("records"):
        row["person"] = visible[row["person_key"]]
        row["latest_share_eur"] = liability.get(row["person_key"])
        p = row.get("p_long_term")
        row["p_long_term"] = None if p is None or pd.isna(p) else p
        factors = row.get("top_factors")
        row["top_factors"] = factors if isinstance(factors, list) else []
        result.append(row)
    return result
