"""The effect of a service on a later outcome for those who took part (ATT), with diagnostics.

Why: comparing participants with everybody else measures who was chosen, not what the service
did — coaches steer services to people who would have found work anyway (cream-skimming), or to
those who would not. Two standard estimators adjust for the registration-time covariates that
drove the choice; both target the average effect on the treated (ATT):

- **Inverse-probability weighting** (Hájek form): a logistic propensity score ``e(x)``, clipped
  to ``[clip, 1 - clip]``; treated weight 1, comparison weight ``e / (1 - e)``.
- **Nearest-neighbour matching**: each treated person is matched, with replacement, to the
  comparison person nearest on the logit of the propensity, within a caliper of 0.2 standard
  deviations (Austin 2011); treated people without a match are left out and counted.

Confidence intervals are 95 % percentile bootstrap intervals: rows are resampled within the
treated and comparison groups and the propensity model is refitted in every replicate, so the
interval includes the uncertainty of the score. (For matching the bootstrap is known to be
only approximately valid, Abadie & Imbens 2008; the caveats say so.)

Diagnostics: propensity ranges per group and the share of treated outside the comparison
range (overlap), Kish's effective sample size of the weighted comparison group, and the
standardised mean difference of every covariate before and after each adjustment (balance;
|SMD| < 0.1 is the usual target). Caveats are plain-language sentences with a stable code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

Z95 = 1.959964
SMD_TARGET = 0.1
OVERLAP_TOLERANCE = 0.05
MIN_EFFECTIVE_CONTROLS = 100
MIN_TREATED = 100


@dataclass(frozen=True)
class Estimate:
    method: str  # "naive" | "ipw" | "matching"
    effect: float
    ci_low: float
    ci_high: float

    def covers(self, value: float) -> bool:
        return self.ci_low <= value <= self.ci_high


@dataclass(frozen=True)
class Overlap:
    treated_range: tuple[float, float]
    comparison_range: tuple[float, float]
    treated_outside_share: float
    effective_comparison_size: float
    comparison_size: int
    clipped_scores: int
    unmatched_treated: int


@dataclass(frozen=True)
class Balance:
    covariate: str
    before: float
    after_ipw: float
    after_matching: float


@dataclass(frozen=True)
class Caveat:
    code: str
    text: str


@dataclass(frozen=True)
class ImpactReport:
    treatment: str
    outcome: str
    outcome_is_binary: bool
    covariates: tuple[str, ...]
    n_treated: int
    n_comparison: int
    naive: Estimate
    ipw: Estimate
    matching: Estimate
    overlap: Overlap
    balance: tuple[Balance, ...]
    caveats: tuple[Caveat, ...]

    def to_dict(self) -> dict:
        return asdict(self)


# ---- design matrix and propensity ----------------------------------------------------------


def design_matrix(frame: pd.DataFrame, covariates: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Numeric covariates as they are, others one-hot encoded (first level dropped)."""
    columns: list[np.ndarray] = []
    names: list[str] = []
    for name in covariates:
        values = frame[name]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            columns.append(values.to_numpy(dtype=float))
            names.append(name)
            continue
        levels = sorted(values.astype(str).unique())
        for level in levels[1:]:
            columns.append((values.astype(str) == level).to_numpy(dtype=float))
            names.append(f"{name}={level}")
    if not columns:
        return np.zeros((len(frame), 0)), names
    return np.column_stack(columns), names


@dataclass(frozen=True)
class Logit:
    """A fitted logistic regression on standardised columns."""

    mean: np.ndarray
    scale: np.ndarray
    beta: np.ndarray

    def predict(self, rows: np.ndarray) -> np.ndarray:
        scores = np.column_stack([np.ones(len(rows)), (rows - self.mean) / self.scale]) @ self.beta
        return 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))


def fit_logit(
    x: np.ndarray, y: np.ndarray, ridge: float = 1e-3, start: np.ndarray | None = None
) -> Logit:
    """Logistic regression by Newton's method on standardised columns with a small ridge.

    Written out (rather than scikit-learn) because the bootstrap refits it hundreds of times:
    warm-started from the full-sample fit it converges in two or three steps.
    """
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.column_stack([np.ones(len(x)), (x - mean) / scale])
    zt = np.ascontiguousarray(z.T)
    beta = np.zeros(z.shape[1]) if start is None else start.copy()
    penalty = ridge * len(x) * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        step = np.linalg.solve((zt * (p * (1 - p))) @ z + penalty, zt @ (y - p) - penalty @ beta)
        beta += step
        if np.abs(step).max() < 1e-6:
            break
    return Logit(mean, scale, beta)


# ---- estimators --------------------------------------------------------------------------


def _ipw(y: np.ndarray, t: np.ndarray, e: np.ndarray) -> tuple[float, np.ndarray]:
    w = e[~t] / (1 - e[~t])
    return y[t].mean() - np.sum(w * y[~t]) / w.sum(), w


def _match(t: np.ndarray, e: np.ndarray, caliper: float):
    """(treated indices kept, matched comparison indices) on the logit of the score."""
    logit = np.log(e / (1 - e))
    treated, controls = np.flatnonzero(t), np.flatnonzero(~t)
    order = controls[np.argsort(logit[controls])]
    sorted_logit = logit[order]
    position = np.clip(np.searchsorted(sorted_logit, logit[treated]), 1, len(order) - 1)
    left, right = order[position - 1], order[position]
    pick = np.where(
        np.abs(logit[left] - logit[treated]) <= np.abs(logit[right] - logit[treated]), left, right
    )
    width = caliper * logit.std()
    keep = np.abs(logit[pick] - logit[treated]) <= width
    return treated[keep], pick[keep]


def _matching(y, t, e, caliper) -> float:
    treated, matched = _match(t, e, caliper)
    return float(np.mean(y[treated] - y[matched])) if len(treated) else float("nan")


def _smd(x: np.ndarray, t: np.ndarray, w_control: np.ndarray | None = None) -> np.ndarray:
    xt, xc = x[t], x[~t]
    w = np.ones(len(xc)) if w_control is None else w_control
    mean_c = np.average(xc, axis=0, weights=w)
    var_c = np.average((xc - mean_c) ** 2, axis=0, weights=w)
    pooled = np.sqrt((xt.var(axis=0) + var_c) / 2)
    difference = xt.mean(axis=0) - mean_c
    return np.divide(difference, pooled, out=np.zeros_like(difference), where=pooled > 0)


def _smd_matched(x, t, caliper, e) -> np.ndarray:
    treated, matched = _match(t, e, caliper)
    if not len(treated):
        return np.full(x.shape[1], np.nan)
    stacked = np.vstack([x[treated], x[matched]])
    flag = np.r_[np.ones(len(treated), bool), np.zeros(len(matched), bool)]
    return _smd(stacked, flag)


def _replicate(rng, treated_rows, control_rows, scores, y, t, caliper) -> tuple[float, float]:
    """One bootstrap replicate: resample within groups, refit the score, re-estimate both."""
    rows = np.concatenate(
        [rng.choice(treated_rows, len(treated_rows)), rng.choice(control_rows, len(control_rows))]
    )
    e, _ = scores(rows)
    return _ipw(y[rows], t[rows], e)[0], _matching(y[rows], t[rows], e, caliper)


def estimate_impact(
    frame: pd.DataFrame,
    treatment: str,
    outcome: str,
    covariates: Sequence[str],
    *,
    n_bootstrap: int = 200,
    seed: int = 0,
    clip: float = 0.01,
    caliper: float = 0.2,
) -> ImpactReport:
    """Naive, IPW and matching estimates of the ATT of ``treatment`` (0/1) on ``outcome``."""
    t = frame[treatment].to_numpy().astype(bool)
    y = frame[outcome].to_numpy(dtype=float)
    if t.sum() < 2 or (~t).sum() < 2:
        raise ValueError("need at least two treated and two comparison people")
    x, names = design_matrix(frame, covariates)

    full = fit_logit(x, t.astype(float))

    def scores(rows: np.ndarray) -> tuple[np.ndarray, int]:
        raw = fit_logit(x[rows], t[rows].astype(float), start=full.beta).predict(x[rows])
        return np.clip(raw, clip, 1 - clip), int(((raw < clip) | (raw > 1 - clip)).sum())

    e, clipped = scores(np.arange(len(frame)))
    ipw_effect, weights = _ipw(y, t, e)
    match_effect = _matching(y, t, e, caliper)

    rng = np.random.default_rng(seed)
    treated_rows, control_rows = np.flatnonzero(t), np.flatnonzero(~t)
    draws = np.empty((n_bootstrap, 2))
    with threadpool_limits(1):  # small matrices: BLAS threads cost more than they save
        for b in range(n_bootstrap):
            draws[b] = _replicate(rng, treated_rows, control_rows, scores, y, t, caliper)
    low, high = np.nanpercentile(draws, [2.5, 97.5], axis=0)

    naive = y[t].mean() - y[~t].mean()
    se = np.sqrt(y[t].var(ddof=1) / t.sum() + y[~t].var(ddof=1) / (~t).sum())
    matched_treated, _ = _match(t, e, caliper)
    overlap = Overlap(
        treated_range=(float(e[t].min()), float(e[t].max())),
        comparison_range=(float(e[~t].min()), float(e[~t].max())),
        treated_outside_share=float(np.mean((e[t] < e[~t].min()) | (e[t] > e[~t].max()))),
        effective_comparison_size=float(weights.sum() ** 2 / np.sum(weights**2)),
        comparison_size=int((~t).sum()),
        clipped_scores=clipped,
        unmatched_treated=int(t.sum() - len(matched_treated)),
    )
    before = _smd(x, t)
    after_ipw = _smd(x, t, weights)
    after_matching = _smd_matched(x, t, caliper, e)
    balance = tuple(
        Balance(name, float(b), float(a), float(m))
        for name, b, a, m in zip(names, before, after_ipw, after_matching, strict=True)
    )
    ipw = Estimate("ipw", float(ipw_effect), float(low[0]), float(high[0]))
    matching = Estimate("matching", float(match_effect), float(low[1]), float(high[1]))
    return ImpactReport(
        treatment=treatment,
        outcome=outcome,
        outcome_is_binary=bool(np.isin(y, (0.0, 1.0)).all()),
        covariates=tuple(covariates),
        n_treated=int(t.sum()),
        n_comparison=int((~t).sum()),
        naive=Estimate("naive", float(naive), float(naive - Z95 * se), float(naive + Z95 * se)),
        ipw=ipw,
        matching=matching,
        overlap=overlap,
        balance=balance,
        caveats=tuple(_caveats(int(t.sum()), overlap, balance, ipw, matching)),
    )


def _caveats(n_treated, overlap: Overlap, balance, ipw: Estimate, matching: Estimate):
    yield Caveat(
        "measured_confounders_only",
        "The estimate assumes that, among people alike in the covariates used, taking part was "
        "as good as random. Motivation, health or a coach's judgement that the data do not "
        "show can still bias it.",
    )
    yield Caveat(
        "effect_on_participants",
        "It is the average effect for the kind of people who took part; it does not say what "
        "the service would do for others.",
    )
    yield Caveat(
        "comparison_not_yet_treated",
        "The comparison people did not take part during the follow-up; some took part in "
        "other services or later. The effect is relative to what they actually received.",
    )
    if overlap.treated_outside_share > OVERLAP_TOLERANCE:
        yield Caveat(
            "poor_overlap",
            f"{overlap.treated_outside_share:.0%} of participants have no comparable "
            "non-participant; the estimate for them rests on extrapolation.",
        )
    if overlap.effective_comparison_size < MIN_EFFECTIVE_CONTROLS:
        yield Caveat(
            "few_effective_comparisons",
            f"After weighting the comparison group counts as only "
            f"{overlap.effective_comparison_size:.0f} people; the estimate is fragile.",
        )
    worst = max((max(abs(b.after_ipw), abs(b.after_matching)) for b in balance), default=0.0)
    if worst > SMD_TARGET:
        yield Caveat(
            "imbalance_remains",
            f"Some covariates still differ after adjustment (largest |SMD| {worst:.2f} > 0.1).",
        )
    if n_treated < MIN_TREATED:
        yield Caveat("small_sample", f"Only {n_treated} participants: the interval is wide.")
    if overlap.unmatched_treated:
        yield Caveat(
            "unmatched_participants",
            f"{overlap.unmatched_treated} participants had no match within the caliper and are "
            "left out of the matching estimate.",
        )
    if not (ipw.ci_low <= matching.effect <= ipw.ci_high) and not (
        matching.ci_low <= ipw.effect <= matching.ci_high
    ):
        yield Caveat(
            "methods_disagree",
            "Weighting and matching disagree beyond their intervals; treat both with caution.",
        )
    yield Caveat(
        "bootstrap_for_matching",
        "The matching interval comes from a bootstrap, which is only approximately valid for "
        "nearest-neighbour matching.",
    )
