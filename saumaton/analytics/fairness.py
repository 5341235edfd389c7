"""Fairness audit of a risk score and the gate that refuses to publish a failing model.

Why: STATISTICS.md §13–14 — profiling tools were found discriminatory (AMS Austria: gender and
citizenship lowered scores; Flanders: jobseekers of foreign origin who did find work were 2.6×
more likely to be flagged high-risk, Desiere & Struyven 2021), and the classification policy
changes the picture (Kern et al. 2021). So the audit reports, per protected group and for both a
probability threshold and a capacity top-k policy: calibration, AUC, false-positive and
false-negative rates and the *false high-risk rate among those who found work*, plus score
histograms (bimodality, §14.8) and how strongly each input predicts a protected trait (proxies,
§14.4). The gate turns configured tolerances into a yes/no with reasons.

Positive class = long-term unemployment (the event the score predicts). "Found work" = negative.
The false high-risk rate is therefore the false-positive rate; its ratio to the rest of the
population is the Desiere & Struyven disparity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

PROTECTED = ("sex", "age_band", "citizenship", "mother_tongue")


@dataclass(frozen=True)
class Policy:
    """``kind`` "threshold": flag p >= value; "top_k": flag the ``value`` share with highest p."""

    kind: str
    value: float

    def flags(self, p: np.ndarray) -> np.ndarray:
        if self.kind == "threshold":
            return p >= self.value
        k = round(self.value * len(p))
        flagged = np.zeros(len(p), dtype=bool)
        flagged[np.argsort(-p, kind="stable")[:k]] = True
        return flagged

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.value:g}"


DEFAULT_POLICIES = (Policy("threshold", 0.5), Policy("top_k", 0.3))


@dataclass(frozen=True)
class Tolerances:
    """What the gate accepts. Defaults and their reasons are in docs/analytics.md."""

    min_auc: float = 0.65
    max_expected_calibration_error: float = 0.05
    max_group_calibration_gap: float = 0.10
    max_false_high_risk_ratio: float = 1.5
    max_fnr_gap: float = 0.15
    max_proxy_auc: float = 0.75
    min_group_size: int = 50


def _auc(y: np.ndarray, score: np.ndarray) -> float | None:
    return float(roc_auc_score(y, score)) if 0 < y.sum() < len(y) else None


def _rate(numerator: np.ndarray, denominator: np.ndarray) -> float | None:
    return float(numerator.sum() / denominator.sum()) if denominator.sum() else None


def calibration_curve(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict]:
    """Mean predicted vs observed rate in ``bins`` equal-count bins of the score."""
    order = np.argsort(p, kind="stable")
    return [
        {"n": len(part), "mean_predicted": float(p[part].mean()), "observed": float(y[part].mean())}
        for part in np.array_split(order, bins)
        if len(part)
    ]


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    curve = calibration_curve(y, p, bins)
    return float(sum(b["n"] * abs(b["mean_predicted"] - b["observed"]) for b in curve) / len(y))


def _error_rates(y: np.ndarray, flagged: np.ndarray, rows: np.ndarray) -> dict:
    found_work = rows & (y == 0)
    long_term = rows & (y == 1)
    return {
        "flagged_share": _rate(flagged & rows, rows),
        "false_high_risk_rate": _rate(flagged & found_work, found_work),  # FPR
        "false_negative_rate": _rate(~flagged & long_term, long_term),
    }


def group_audit(
    y: np.ndarray, p: np.ndarray, groups: pd.DataFrame, policies: Sequence[Policy]
) -> list[dict]:
    """One entry per protected trait and level: calibration, AUC, histogram and error rates."""
    flags = {policy.name: policy.flags(p) for policy in policies}
    result = []
    for trait in groups.columns:
        values = groups[trait].astype(str).to_numpy()
        for level in sorted(set(values)):
            rows = values == level
            entry = {
                "trait": trait,
                "level": level,
                "n": int(rows.sum()),
                "base_rate": float(y[rows].mean()),
                "mean_predicted": float(p[rows].mean()),
                "calibration_gap": float(p[rows].mean() - y[rows].mean()),
                "auc": _auc(y[rows], p[rows]),
                "histogram": np.histogram(p[rows], bins=10, range=(0, 1))[0].tolist(),
                "policies": {},
            }
            for name, flagged in flags.items():
                own, rest = _error_rates(y, flagged, rows), _error_rates(y, flagged, ~rows)
                own["false_high_risk_ratio"] = (
                    own["false_high_risk_rate"] / rest["false_high_risk_rate"]
                    if own["false_high_risk_rate"] is not None and rest["false_high_risk_rate"]
                    else None
                )
                own["fnr_gap"] = (
                    own["false_negative_rate"] - rest["false_negative_rate"]
                    if None not in (own["false_negative_rate"], rest["false_negative_rate"])
                    else None
                )
                entry["policies"][name] = own
            result.append(entry)
    return result


def proxy_strength(features: pd.DataFrame, protected: pd.DataFrame) -> dict[str, dict]:
    """For each input, the best AUC with which it alone separates a level of a protected trait.

    Categorical inputs score each row by the level's share within the input's category; numeric
    inputs by their value (AUC folded to >= 0.5). 0.5 = no information, 1.0 = a perfect proxy.
    """
    out: dict[str, dict] = {}
    for name in features.columns:
        column = features[name]
        numeric = pd.api.types.is_numeric_dtype(column)
        best = {"auc": 0.5, "trait": None, "level": None}
        for trait in protected.columns:
            values = protected[trait].astype(str)
            for level in values.unique():
                target = (values == level).to_numpy().astype(int)
                if not 0 < target.sum() < len(target):
                    continue
                if numeric:
                    score = column.to_numpy(dtype=float)
                else:
                    score = (
                        pd.Series(target).groupby(column.astype(str).to_numpy()).transform("mean")
                    )
                auc = roc_auc_score(target, score)
                auc = max(auc, 1 - auc)
                if auc > best["auc"]:
                    best = {"auc": float(auc), "trait": trait, "level": level}
        out[name] = best
    return out


def audit(
    y: np.ndarray,
    p: np.ndarray,
    protected: pd.DataFrame,
    features: pd.DataFrame,
    policies: Sequence[Policy] = DEFAULT_POLICIES,
) -> dict:
    """The full audit of calibrated scores ``p`` on held-out people with outcomes ``y``."""
    y = np.asarray(y).astype(int)
    return {
        "n": len(y),
        "base_rate": float(y.mean()),
        "auc": _auc(y, p),
        "brier": float(np.mean((p - y) ** 2)),
        "expected_calibration_error": expected_calibration_error(y, p),
        "calibration_curve": calibration_curve(y, p),
        "policies": {
            policy.name: {
                **asdict(policy),
                **_error_rates(y, policy.flags(p), np.ones(len(y), bool)),
            }
            for policy in policies
        },
        "groups": group_audit(y, p, protected, policies),
        "proxies": proxy_strength(features, protected),
    }


@dataclass(frozen=True)
class Decision:
    publish: bool
    reasons: tuple[str, ...]


def publish_decision(card: dict, tolerances: Tolerances = Tolerances()) -> Decision:
    """Whether a model card's audit is within ``tolerances``, and every reason if not."""
    reasons: list[str] = []
    used = [f for f in card["features"] if f in PROTECTED]
    reasons += [f"protected trait {f!r} is an input" for f in used]
    a = card["audit"]
    for feature, proxy in a["proxies"].items():
        if proxy["auc"] > tolerances.max_proxy_auc:
            reasons.append(
                f"input {feature!r} is a proxy for {proxy['trait']}={proxy['level']} "
                f"(AUC {proxy['auc']:.2f} > {tolerances.max_proxy_auc})"
            )
    if a["auc"] is None or a["auc"] < tolerances.min_auc:
        reasons.append(f"AUC {a['auc']} below {tolerances.min_auc}")
    if a["expected_calibration_error"] > tolerances.max_expected_calibration_error:
        reasons.append(
            f"calibration error {a['expected_calibration_error']:.3f} > "
            f"{tolerances.max_expected_calibration_error}"
        )
    for g in a["groups"]:
        if g["n"] < tolerances.min_group_size:
            continue
        label = f"{g['trait']}={g['level']}"
        if abs(g["calibration_gap"]) > tolerances.max_group_calibration_gap:
            reasons.append(f"{label}: calibration gap {g['calibration_gap']:+.3f}")
        for name, rates in g["policies"].items():
            ratio = rates["false_high_risk_ratio"]
            if ratio is not None and ratio > tolerances.max_false_high_risk_ratio:
                reasons.append(f"{label} at {name}: found work but flagged {ratio:.2f}× as often")
            gap = rates["fnr_gap"]
            if gap is not None and gap > tolerances.max_fnr_gap:
                reasons.append(f"{label} at {name}: false-negative rate {gap:+.2f} above the rest")
    return Decision(not reasons, tuple(reasons))
