"""The municipality's benefit liability from Kela's file: check, forecast and watchlist.

Why: since 2025 the home municipality pays a share of each benefit day that rises with the
person's cumulative paid days (RULES.md §12.2). The area must check Kela's invoice, know what
the next twelve months will cost, and see who is about to step up a share in time to offer
effective help. All share arithmetic comes from :mod:`saumaton.rules.financing`; this module
only sums it over day ranges.

Inputs are the rows of :func:`saumaton.analytics.kela.parse_kela_csv`.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from itertools import pairwise

import numpy as np
import pandas as pd

from saumaton.rules.calendar import add_months, weekdays_between
from saumaton.rules.errors import RuleInputError
from saumaton.rules.financing import municipal_share, nth_weekday
from saumaton.rules.rulesets import financing_ruleset_for

APR = "earnings_related_allowance"
SUCCESSOR = "general_support"  # replaces TMT and PPR from 2026-05-01 (RULES.md §11)
WATCH_THRESHOLDS = (100, 200, 300, 400, 700)  # the ladder steps of RULES.md §12.2
DEFAULT_TOLERANCE_EUR = 0.05
MEAN_WEEKDAYS_PER_MONTH = 261 / 12
# Duration bands by cumulative paid days and the default monthly exit hazard of each.
# ≈ 65 days ≈ 3 months and ≈ 260 days ≈ 12 months of five-day weeks. STATISTICS.md §4
# (derived): ≈ 20 %/month in months 1–3, a few %/month after 12 months; 8 % in between is an
# interpolation (UNCONFIRMED). Used only when the file has too few observations of a band.
BAND_EDGES = (0, 65, 260, 520)
DEFAULT_HAZARDS = (0.20, 0.08, 0.03, 0.03)
MIN_AT_RISK = 30


class ShareTable:
    """Cumulative municipal share by paid-day number, per benefit and rule set.

    ``cumulative(benefit, month, n)[k]`` is the sum of the shares of days 1..k, so the share of
    days ``a+1..b`` is ``c[b] - c[a]``. Built from :func:`municipal_share` day by day and cached
    by the rule set in force in ``month``, so every figure rests on the rules engine.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, date], np.ndarray] = {}

    def cumulative(self, benefit: str, month: date, upto: int) -> np.ndarray:
        key = (benefit, financing_ruleset_for(month).effective)
        table = self._cache.get(key)
        if table is None or len(table) <= upto:
            size = max(upto + 1, 2 * (len(table) if table is not None else 512))
            shares = [municipal_share(benefit, n, month).share for n in range(1, size)]
            table = np.concatenate([[0.0], np.cumsum(shares)])
            self._cache[key] = table
        return table

    def share_sum(self, benefit: str, month: date, before: np.ndarray, after: np.ndarray):
        """Sum of the shares of days ``before+1 .. after`` for each element."""
        table = self.cumulative(benefit, month, int(after.max(initial=0)))
        return table[after] - table[before]


def _daily_base(benefit: np.ndarray, amount: np.ndarray, days: np.ndarray, month: date):
    """€/day on which the share is taken: the paid amount per day (adjusted benefit in
    proportion, 555/1998 §4(3)); for APR only its basic-allowance component (555/1998 §4)."""
    per_day = np.divide(amount, days, out=np.zeros_like(amount, dtype=float), where=days > 0)
    full_basic = financing_ruleset_for(month).full_basic_daily_amount.value
    if full_basic is not None:
        per_day = np.where(benefit == APR, np.minimum(per_day, full_basic), per_day)
    return per_day


def reconcile(
    rows: pd.DataFrame,
    tolerance_eur: float = DEFAULT_TOLERANCE_EUR,
    table: ShareTable | None = None,
) -> pd.DataFrame:
    """Kela's rows with the share recomputed from the rules and differences flagged.

    Adds ``computed_share_eur``, ``difference_eur`` (Kela minus computed), ``flagged``
    (|difference| > ``tolerance_eur``) and ``verified`` (False where the rule used is
    UNCONFIRMED, e.g. general support). A flag asks for review, it is not an error: known
    legitimate causes are the integration window (TTL 14:3a(4)), APR lay-off days and a day
    counter restarted by a new entitlement, none of which the file shows.
    """
    table = table or ShareTable()
    out = rows.copy()
    computed = np.zeros(len(out))
    verified = np.ones(len(out), dtype=bool)
    for (benefit, month), index in out.groupby(["benefit", "payment_month"]).groups.items():
        part = out.loc[index]
        paid = part["paid_days"].to_numpy()
        after = part["cumulative_paid_days"].to_numpy()
        base = _daily_base(np.full(len(part), benefit), part["amount_eur"].to_numpy(), paid, month)
        positions = out.index.get_indexer(index)
        computed[positions] = table.share_sum(benefit, month, after - paid, after) * base
        verified[positions] = municipal_share(benefit, 1, month).verified
    out["computed_share_eur"] = np.round(computed, 2)
    out["difference_eur"] = np.round(out["municipal_share_eur"] - out["computed_share_eur"], 2)
    out["flagged"] = out["difference_eur"].abs() > tolerance_eur
    out["verified"] = verified
    return out


def liability_by_month(reconciled: pd.DataFrame) -> pd.DataFrame:
    """Per municipality and payment month: persons, days, amounts, Kela's and computed share."""
    grouped = reconciled.groupby(["municipality_code", "payment_month"], as_index=False)
    return grouped.agg(
        persons=("person_key", "nunique"),
        paid_days=("paid_days", "sum"),
        amount_eur=("amount_eur", "sum"),
        kela_share_eur=("municipal_share_eur", "sum"),
        computed_share_eur=("computed_share_eur", "sum"),
        difference_eur=("difference_eur", "sum"),
        flagged_rows=("flagged", "sum"),
    ).round({"amount_eur": 2, "kela_share_eur": 2, "computed_share_eur": 2, "difference_eur": 2})


def liability_by_person(reconciled: pd.DataFrame) -> pd.DataFrame:
    """Per person and payment month (benefits summed), with any flagged row carried over."""
    grouped = reconciled.groupby(
        ["person_key", "municipality_code", "payment_month"], as_index=False
    )
    return grouped.agg(
        paid_days=("paid_days", "sum"),
        cumulative_paid_days=("cumulative_paid_days", "max"),
        kela_share_eur=("municipal_share_eur", "sum"),
        computed_share_eur=("computed_share_eur", "sum"),
        difference_eur=("difference_eur", "sum"),
        flagged=("flagged", "any"),
    )


# ---- the stock at the latest month ------------------------------------------------------------


def _stock(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per person paid in the latest month: benefit, day count, €/day, paid fraction."""
    latest = max(rows["payment_month"])
    last = rows[rows["payment_month"] == latest].sort_values("cumulative_paid_days")
    last = last.drop_duplicates("person_key", keep="last")
    month_days = weekdays_between(latest, add_months(latest, 1) - timedelta(days=1))
    base = _daily_base(
        last["benefit"].to_numpy(),
        last["amount_eur"].to_numpy(),
        last["paid_days"].to_numpy(),
        latest,
    )
    return pd.DataFrame(
        {
            "person_key": last["person_key"].to_numpy(),
            "municipality_code": last["municipality_code"].to_numpy(),
            "benefit": last["benefit"].to_numpy(),
            "cumulative_paid_days": last["cumulative_paid_days"].to_numpy(),
            "daily_base_eur": base,
            "paid_fraction": np.clip(last["paid_days"].to_numpy() / month_days, 0.0, 1.0),
        }
    )


def _band(days: np.ndarray) -> np.ndarray:
    return np.searchsorted(BAND_EDGES, days, side="right") - 1


def exit_hazards(rows: pd.DataFrame) -> tuple[float, ...]:
    """Monthly exit hazard per duration band, estimated where the file allows.

    A person paid in month t exits if not paid in month t+1. Bands with fewer than
    ``MIN_AT_RISK`` observations keep :data:`DEFAULT_HAZARDS`. The last observed month gives
    no exits (its next month is unknown).
    """
    months = sorted(set(rows["payment_month"]))
    at_risk = np.zeros(len(BAND_EDGES))
    exits = np.zeros(len(BAND_EDGES))
    for month, following in pairwise(months):
        if following != add_months(month, 1):
            continue
        now = rows[rows["payment_month"] == month].drop_duplicates("person_key")
        stayed = now["person_key"].isin(rows.loc[rows["payment_month"] == following, "person_key"])
        bands = _band(now["cumulative_paid_days"].to_numpy())
        np.add.at(at_risk, bands, 1)
        np.add.at(exits, bands, (~stayed).to_numpy().astype(float))
    return tuple(
        exits[b] / at_risk[b] if at_risk[b] >= MIN_AT_RISK else DEFAULT_HAZARDS[b]
        for b in range(len(BAND_EDGES))
    )


def _payable(benefit: str, month: date) -> str:
    """The benefit paid in ``month``: TMT and PPR become general support when abolished."""
    try:
        municipal_share(benefit, 1, month)
    except RuleInputError:
        return SUCCESSOR
    return benefit


def forecast(
    rows: pd.DataFrame,
    months: int = 12,
    hazards: tuple[float, ...] | None = None,
    table: ShareTable | None = None,
) -> pd.DataFrame:
    """Expected municipal cost per municipality for the ``months`` after the latest month.

    Model (docs/analytics.md): each person paid in the latest month keeps their benefit, €/day
    and paid fraction of weekdays; each month they leave with the exit hazard of their duration
    band (:func:`exit_hazards`); their day count advances and the share of every projected day
    comes from the rules of that month. New recipients arrive at the mean monthly number seen in
    the file (rows whose count started that month) with the median €/day and the most common
    benefit. ``ceiling_eur`` is the cost if nobody left.
    """
    table = table or ShareTable()
    hazards = hazards or exit_hazards(rows)
    stock = _stock(rows)
    latest = max(rows["payment_month"])
    people = _with_inflow(stock, rows, months)
    n = len(people)
    day_count = people["cumulative_paid_days"].to_numpy().astype(int)
    survival = np.ones(n)
    hazard = np.asarray(hazards)
    results = []
    for step in range(1, months + 1):
        month = add_months(latest, step)
        active = people["starts"].to_numpy() <= step
        weekdays = weekdays_between(month, add_months(month, 1) - timedelta(days=1))
        new_days = np.where(
            active, np.rint(weekdays * people["paid_fraction"].to_numpy()).astype(int), 0
        )
        already = people["starts"].to_numpy() < step
        survival = np.where(already, survival * (1 - hazard[_band(day_count)]), survival)
        cost = np.zeros(n)
        benefits = people["benefit"].to_numpy()
        for benefit in np.unique(benefits):
            mine = benefits == benefit
            payable = _payable(benefit, month)
            cost[mine] = (
                table.share_sum(payable, month, day_count[mine], day_count[mine] + new_days[mine])
                * people["daily_base_eur"].to_numpy()[mine]
            )
        weight = people["weight"].to_numpy()
        frame = pd.DataFrame(
            {
                "municipality_code": people["municipality_code"],
                "expected_eur": cost * survival * weight,
                "ceiling_eur": cost * weight,
                "expected_paid_days": new_days * survival * weight,
                "from_inflow_eur": np.where(people["starts"] > 0, cost * survival * weight, 0.0),
            }
        )
        summary = frame.groupby("municipality_code", as_index=False).sum()
        summary.insert(1, "month", month)
        results.append(summary)
        day_count = day_count + new_days
    return pd.concat(results, ignore_index=True).round(2)


def _with_inflow(stock: pd.DataFrame, rows: pd.DataFrame, months: int) -> pd.DataFrame:
    """The stock (weight 1, starts 0) plus one weighted virtual newcomer per municipality and
    future month, ``starts`` being the month of arrival."""
    new = rows[rows["cumulative_paid_days"] == rows["paid_days"]]
    observed = rows["payment_month"].nunique()
    stock = stock.assign(weight=1.0, starts=0)
    if new.empty:
        return stock
    per_month = new.groupby("municipality_code").size() / observed
    base = _daily_base(
        new["benefit"].to_numpy(),
        new["amount_eur"].to_numpy(),
        new["paid_days"].to_numpy(),
        max(rows["payment_month"]),
    )
    newcomers = pd.DataFrame(
        [
            {
                "person_key": None,
                "municipality_code": municipality,
                "benefit": new["benefit"].mode().iloc[0],
                "cumulative_paid_days": 0,
                "daily_base_eur": float(np.median(base)),
                "paid_fraction": 1.0,
                "weight": float(count),
                "starts": step,
            }
            for municipality, count in per_month.items()
            for step in range(1, months + 1)
        ]
    )
    return pd.concat([stock, newcomers], ignore_index=True)


def watchlist(
    rows: pd.DataFrame,
    horizon_days: int = 90,
    prospects: pd.DataFrame | None = None,
    thresholds: tuple[int, ...] = WATCH_THRESHOLDS,
) -> pd.DataFrame:
    """People paid in the latest month whose share steps up within ``horizon_days``.

    The step date assumes they keep their paid fraction of weekdays from the first day after
    the latest month. ``prospects`` (from the profiling model: ``person_key``,
    ``p_long_term``, ``top_factors`` and anything else to show) is joined so that the list
    shows who needs which help; it is ordered by step date and then by higher risk first,
    never by cost, so that it does not steer towards the cheapest cases.
    """
    stock = _stock(rows)
    start = add_months(max(rows["payment_month"]), 1)
    horizon = start + timedelta(days=horizon_days - 1)
    reach = stock["cumulative_paid_days"] + np.floor(
        weekdays_between(start, horizon) * stock["paid_fraction"]
    ).astype(int)
    found = []
    for row, reached in zip(stock.itertuples(index=False), reach, strict=True):
        threshold = next((t for t in thresholds if row.cumulative_paid_days <= t < reached), None)
        if threshold is None:
            continue
        days_needed = math.ceil((threshold + 1 - row.cumulative_paid_days) / row.paid_fraction)
        on = nth_weekday(start, days_needed)
        benefit = _payable(row.benefit, on)
        before = municipal_share(benefit, threshold, on)
        after = municipal_share(benefit, threshold + 1, on)
        found.append(
            {
                "person_key": row.person_key,
                "municipality_code": row.municipality_code,
                "benefit": benefit,
                "cumulative_paid_days": row.cumulative_paid_days,
                "threshold": threshold,
                "step_date": on,
                "share_before": before.share,
                "share_after": after.share,
                "extra_eur_per_month": round(
                    (after.share - before.share)
                    * row.daily_base_eur
                    * row.paid_fraction
                    * MEAN_WEEKDAYS_PER_MONTH,
                    2,
                ),
                "verified": after.verified,
            }
        )
    result = pd.DataFrame(found)
    if result.empty:
        return result
    if prospects is not None:
        result = result.merge(prospects, on="person_key", how="left")
    order = ["step_date", "p_long_term"] if "p_long_term" in result else ["step_date"]
    ascending = [True, False][: len(order)]
    return result.sort_values(order, ascending=ascending, kind="stable").reset_index(drop=True)
