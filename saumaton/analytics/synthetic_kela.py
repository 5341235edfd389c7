"""A synthetic Kela municipal-share file built from a ``saumaton.synth`` population.

Why: the financing view, its tests and the demo need a file that looks like Kela's without real
people. Each synthetic jobseeker's day counter (``PersonRecord.paid_days_to_date``) is walked
back month by month; former recipients who left during the window are added (copies of current
ones that stop after a month, with the default exit hazards of ``financing``) so that exit
rates can be estimated from the file as from a real one. Kela's share equals the rules'
share, so a clean synthetic file reconciles without flags. Deterministic for a seed.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from saumaton.analytics.financing import BAND_EDGES, DEFAULT_HAZARDS, reconcile
from saumaton.rules.calendar import add_months, weekdays_between
from saumaton.rules.errors import RuleInputError
from saumaton.rules.financing import municipal_share
from saumaton.rules.rulesets import financing_ruleset_for
from saumaton.synth.records import SyntheticPopulation

EARNINGS_PART = 0.9  # APR pays about 1.9 × the basic amount on average (illustrative)
PAID_FRACTION = (0.8, 1.0)  # gaps, sanctions and adjusted days (illustrative)


def _benefit_in(benefit: str, month: date) -> str:
    """General support did not exist before 2026-05-01: earlier months paid the subsidy."""
    try:
        municipal_share(benefit, 1, month)
    except RuleInputError:
        return "labour_market_subsidy"
    return benefit


def kela_rows(population: SyntheticPopulation, months: int = 6, seed: int = 1) -> pd.DataFrame:
    """Rows of the Kela format for the ``months`` months before ``population.today``'s month."""
    rng = np.random.default_rng(seed)
    last = add_months(date(population.today.year, population.today.month, 1), -1)
    month_list = [add_months(last, -k) for k in range(months - 1, -1, -1)]
    weekdays = [weekdays_between(m, add_months(m, 1) - timedelta(days=1)) for m in month_list]
    records = []
    for person in population.people:
        if person.benefit is None or person.paid_days_to_date <= 0:
            continue
        fraction = rng.uniform(*PAID_FRACTION)
        history = []
        cumulative = person.paid_days_to_date
        for month, days in zip(reversed(month_list), reversed(weekdays), strict=True):
            if cumulative <= 0:
                break
            paid = min(cumulative, round(days * fraction))
            history.append((month, paid, cumulative))
            cumulative -= paid
        history.reverse()
        key = f"P{person.key:07d}"
        records += _rows(key, person, history)
        # Former recipients: a copy that left after some month, at the default hazard.
        for position, (_, _, count) in enumerate(history[:-1]):
            band = np.searchsorted(BAND_EDGES, count, side="right") - 1
            if rng.random() < DEFAULT_HAZARDS[band]:
                records += _rows(f"F{person.key:07d}-{position}", person, history[: position + 1])
    rows = pd.DataFrame(records)
    return reconcile(rows).assign(municipal_share_eur=lambda f: f["computed_share_eur"])[
        list(rows.columns)
    ]


def _rows(key: str, person, history) -> list[dict]:
    out = []
    for month, paid, cumulative in history:
        benefit = _benefit_in(person.benefit, month)
        basic = financing_ruleset_for(month).full_basic_daily_amount.value
        per_day = basic * (1 + EARNINGS_PART) if benefit == "earnings_related_allowance" else basic
        out.append(
            {
                "line": 0,
                "person_key": key,
                "municipality_code": person.home_municipality_code,
                "benefit": benefit,
                "payment_month": month,
                "paid_days": paid,
                "cumulative_paid_days": cumulative,
                "amount_eur": round(paid * per_day, 2),
                "municipal_share_eur": 0.0,
            }
        )
    return out
