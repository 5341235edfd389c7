"""A synthetic registration cohort with planted service effects and realistic selection.

Why: an impact estimator and a profiling model can only be tested against a truth, and real
registers do not reveal one. This cohort is a pure, deterministic function of (size, seed): each
person registers as unemployed with covariates known at registration, may take part in one
service, and has two outcomes — employed 6 months after registration and unemployment lasting
12 months or more.

What is planted, and why it makes naive comparisons wrong:

- **Effects**: :data:`PLANTED_EFFECTS` adds a fixed number of percentage points to the
  probability of employment at 6 months, per service and target group (illustrative values,
  ordered roughly as the Nordic literature ranks services; not research figures). Potential
  outcomes share one uniform draw, so each person's own effect is known.
- **Selection (cream-skimming)**: the chance of each service depends on the person's observed
  prognosis; wage subsidy and training go more often to people likely to find work anyway,
  rehabilitative work activity to people least likely. Selection depends only on registration
  covariates (no hidden motivation), so IPW and matching on those covariates can recover the
  effect while a treated-vs-untreated comparison cannot.
- **Group barrier**: people whose mother tongue is not Finnish or Swedish face an extra hiring
  barrier that no legitimate covariate explains (STATISTICS.md §5: foreign jobseekers' spells
  lengthen). ``interpreter_needed`` tracks mother tongue closely: the proxy trap for the
  fairness audit (STATISTICS.md §14.4).
- **Discrimination**: noise is sized so that long-term unemployment is predictable with an
  AUC of about 0.75 from the non-protected covariates (STATISTICS.md §14.6: 0.70–0.80).

Shares follow STATISTICS.md §11 (under 25 12 %, 55+ 25 %, foreign 12 %, education 36/52/12 %).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SERVICES = (
    "wage_subsidy",
    "labour_market_training",
    "work_trial",
    "coaching",
    "rehabilitative_work_activity",
)
TARGET_GROUPS = ("youth", "foreign_language", "aged_55_plus", "other")
# Percentage points added to P(employed 6 months after registration); illustrative.
PLANTED_EFFECTS: dict[str, dict[str, float]] = {
    "wage_subsidy": {"youth": 0.12, "foreign_language": 0.15, "aged_55_plus": 0.08, "other": 0.10},
    "labour_market_training": {
        "youth": 0.06,
        "foreign_language": 0.10,
        "aged_55_plus": 0.03,
        "other": 0.05,
    },
    "work_trial": {"youth": 0.05, "foreign_language": 0.04, "aged_55_plus": 0.02, "other": 0.03},
    "coaching": {"youth": 0.04, "foreign_language": 0.02, "aged_55_plus": 0.0, "other": 0.02},
    "rehabilitative_work_activity": {g: 0.0 for g in TARGET_GROUPS},
}
# (base log-odds against no service, log-odds per SD of prognosis): positive = cream-skimming
SELECTION: dict[str, tuple[float, float]] = {
    "wage_subsidy": (-2.6, 0.9),
    "labour_market_training": (-2.4, 0.6),
    "work_trial": (-2.7, 0.2),
    "coaching": (-2.0, 0.0),
    "rehabilitative_work_activity": (-3.0, -1.0),
}
# Columns known at registration that impact estimation may adjust for (docs/analytics.md).
REGISTRATION_COVARIATES = (
    "age",
    "sex",
    "citizenship",
    "mother_tongue",
    "education",
    "prior_unemployment_days_3y",
    "spells_last_year",
    "months_employed_3y",
    "reduced_work_capacity",
    "occupation_group",
    "regional_unemployment_rate",
    "interpreter_needed",
)
EDUCATION = ("basic_or_unknown", "upper_secondary", "higher")
# STATISTICS.md §7 inflow shares by ISCO major group (X = unknown)
OCCUPATIONS = {
    "5": 20.2, "7": 17.9, "2": 12.5, "3": 12.1, "9": 11.6, "8": 11.1,
    "4": 6.8, "X": 4.4, "1": 1.8, "6": 1.7,
}  # fmt: skip
OCCUPATION_PROGNOSIS = {"1": 0.5, "2": 0.5, "3": 0.35, "4": 0.1, "5": 0.0, "6": -0.1,
                        "7": 0.05, "8": 0.0, "9": -0.3, "X": -0.4}  # fmt: skip
FOREIGN_LANGUAGE_BARRIER = 0.3  # log-odds; not explained by any legitimate covariate
LONG_TERM_NOISE_SD = 0.4


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def registration_cohort(size: int = 20_000, seed: int = 1) -> pd.DataFrame:
    """The cohort as one row per person (see the module docstring and docs/analytics.md).

    Ground-truth columns, absent from real data and never to be used as covariates:
    ``prognosis`` (the observed-covariate employability index), ``planted_effect`` (the
    person's own effect of the service taken, 0 without one) and ``employed_6m_untreated``.
    """
    rng = np.random.default_rng(seed)
    n = size
    age = np.concatenate(
        [
            rng.integers(18, 25, round(n * 0.12)),
            rng.integers(25, 55, round(n * 0.63)),
            rng.integers(55, 65, n - round(n * 0.12) - round(n * 0.63)),
        ]
    )
    rng.shuffle(age)
    sex = np.where(rng.random(n) < 0.54, "male", "female")
    foreign = rng.random(n) < 0.12
    citizenship = np.where(foreign, "foreign", "FI")
    other_tongue = np.where(foreign, rng.random(n) < 0.9, rng.random(n) < 0.04)
    swedish = ~other_tongue & (rng.random(n) < 0.06)
    mother_tongue = np.where(other_tongue, "other", np.where(swedish, "sv", "fi"))
    interpreter = np.where(other_tongue, rng.random(n) < 0.75, rng.random(n) < 0.01)
    edu_p = np.where(other_tongue[:, None], [0.5, 0.38, 0.12], [0.34, 0.54, 0.12])
    education_index = (rng.random(n)[:, None] > np.cumsum(edu_p, axis=1)).sum(axis=1)
    education = np.array(EDUCATION)[education_index]
    occupation = rng.choice(
        list(OCCUPATIONS), n, p=np.array(list(OCCUPATIONS.values())) / sum(OCCUPATIONS.values())
    )
    capacity = rng.random(n) < 0.10
    region_rate = rng.uniform(0.08, 0.16, n)
    # Foreign-language jobseekers have, on average, more unemployment behind them (S§5).
    history = (
        rng.normal(0, 1, n) - 0.3 * (education_index - 1) + 0.4 * capacity + 0.5 * other_tongue
    )
    prior_days = np.round(np.clip(np.exp(5.2 + 0.9 * history), 0, 1095)).astype(int)
    spells = rng.poisson(np.exp(-0.4 + 0.3 * history))
    months_employed = np.clip(np.round(24 - 8 * history + rng.normal(0, 4, n)), 0, 36).astype(int)

    # Employability from what is observed at registration, standardised.
    # Linear in the covariates as recorded, so that a logistic propensity score is correctly
    # specified: the test is of the estimators, not of the analyst's functional form.
    raw = (
        0.35 * (education_index - 1)
        - 0.5 * prior_days / 365
        + 0.03 * (months_employed - 20)
        - 0.5 * capacity
        - 6.0 * (region_rate - 0.12)
        + np.vectorize(OCCUPATION_PROGNOSIS.get)(occupation)
        - 0.015 * (age - 40)
        - 0.15 * spells
    )
    prognosis = (raw - raw.mean()) / raw.std()
    barrier = FOREIGN_LANGUAGE_BARRIER * other_tongue

    group = np.where(
        age < 25,
        "youth",
        np.where(other_tongue, "foreign_language", np.where(age >= 55, "aged_55_plus", "other")),
    )
    service = _assign_services(rng, prognosis)
    effect = np.zeros(n)
    for name, by_group in PLANTED_EFFECTS.items():
        for target, value in by_group.items():
            effect[(service == name) & (group == target)] = value

    p_employed = np.clip(_sigmoid(-0.9 + 0.8 * prognosis - barrier), 0.02, 0.80)
    u = rng.random(n)
    employed_untreated = u < p_employed
    employed = u < p_employed + effect
    p_long_term = _sigmoid(-0.45 - 1.2 * prognosis + barrier + rng.normal(0, LONG_TERM_NOISE_SD, n))
    long_term = rng.random(n) < p_long_term

    frame = pd.DataFrame(
        {
            "person_id": [f"S{i:06d}" for i in range(n)],
            "age": age,
            "age_band": np.where(age < 25, "under_25", np.where(age >= 55, "55_plus", "25_54")),
            "sex": sex,
            "citizenship": citizenship,
            "mother_tongue": mother_tongue,
            "education": education,
            "prior_unemployment_days_3y": prior_days,
            "spells_last_year": spells,
            "months_employed_3y": months_employed,
            "reduced_work_capacity": capacity.astype(int),
            "occupation_group": occupation,
            "regional_unemployment_rate": np.round(region_rate, 4),
            "interpreter_needed": interpreter.astype(int),
            "target_group": group,
            "service": service,
        }
    )
    for name in SERVICES:
        frame[f"service_{name}"] = (service == name).astype(int)
    frame["employed_6m"] = employed.astype(int)
    frame["long_term_12m"] = long_term.astype(int)
    frame["prognosis"] = np.round(prognosis, 4)
    frame["planted_effect"] = effect
    frame["employed_6m_untreated"] = employed_untreated.astype(int)
    return frame


def _assign_services(rng: np.random.Generator, prognosis: np.ndarray) -> np.ndarray:
    """At most one service per person by a multinomial logit on the prognosis."""
    scores = np.column_stack(
        [np.zeros(len(prognosis))]
        + [base + slope * prognosis for base, slope in (SELECTION[s] for s in SERVICES)]
    )
    p = np.exp(scores)
    p /= p.sum(axis=1, keepdims=True)
    choice = (rng.random(len(prognosis))[:, None] > np.cumsum(p, axis=1)).sum(axis=1)
    return np.array(("none", *SERVICES))[np.minimum(choice, len(SERVICES))]


def true_att(cohort: pd.DataFrame, service: str, target_group: str | None = None) -> float:
    """The planted average effect among those who took ``service`` (in ``target_group``)."""
    rows = cohort["service"] == service
    if target_group is not None:
        rows &= cohort["target_group"] == target_group
    return float(cohort.loc[rows, "planted_effect"].mean())
