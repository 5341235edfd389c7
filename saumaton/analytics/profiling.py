"""Risk of unemployment lasting 12 months or more, estimated at registration: advisory only.

Why: 380/2023 §37(1)(4) names "the probability of unemployment becoming prolonged" as a
service-need assessment factor, and early help is cheaper than late help (RULES.md §12). The
score supports a coach's judgement; it never decides (STATISTICS.md §14.5).

How (STATISTICS.md §13–14):

- Inputs are registration-time facts only; the protected traits (:data:`PROTECTED`: sex, age
  band, citizenship, mother tongue) are never inputs — :data:`DEFAULT_FEATURES` leaves them
  out and the gate refuses any model that has one — but are kept to audit the scores.
- A logistic regression and a gradient-boosted model (scikit-learn) are fitted on 60 % of the
  cohort; the logit is preferred unless the boosted model's held-out AUC is better by at least
  :data:`GBM_MIN_GAIN` (a simpler model explains itself exactly).
- The chosen model is calibrated (isotonic, or Platt) on a separate 20 %, and audited on the
  last 20 % (:mod:`saumaton.analytics.fairness`).
- Top factors: for each input, the change in the model's log-odds when that input alone is
  replaced by the population reference (median or most common value); positive raises risk.
  For the logit this is exactly coefficient × (value − reference) summed over its columns.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from saumaton.analytics.fairness import DEFAULT_POLICIES, PROTECTED, Policy, audit

TARGET = "long_term_12m"
DEFAULT_FEATURES = (
    "education",
    "prior_unemployment_days_3y",
    "spells_last_year",
    "months_employed_3y",
    "reduced_work_capacity",
    "occupation_group",
    "regional_unemployment_rate",
)
GBM_MIN_GAIN = 0.01
SPLIT = (0.6, 0.2, 0.2)  # train, calibrate, audit
ADVICE = (
    "Advisory estimate for the coach's assessment (380/2023 §37(1)(4)); the coach decides. "
    "It is wrong for many individuals."
)


def _pipeline(kind: str, frame: pd.DataFrame, features: Sequence[str], seed: int) -> Pipeline:
    categorical = [f for f in features if not pd.api.types.is_numeric_dtype(frame[f])]
    numeric = [f for f in features if f not in categorical]
    encode = ColumnTransformer(
        [
            ("categories", OneHotEncoder(handle_unknown="ignore"), categorical),
            ("numbers", StandardScaler(), numeric),
        ],
        sparse_threshold=0,
    )
    if kind == "logit":
        model = LogisticRegression(max_iter=2000)
    else:
        model = HistGradientBoostingClassifier(
            max_iter=150, learning_rate=0.05, max_leaf_nodes=15, random_state=seed
        )
    return Pipeline([("encode", encode), ("model", model)])


def _logodds(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


@dataclass
class ProfilingModel:
    """A trained, calibrated, audited model and its card."""

    pipeline: Pipeline
    calibrator: object
    calibration: str
    features: tuple[str, ...]
    reference: dict
    card: dict = field(default_factory=dict)

    def _raw(self, frame: pd.DataFrame) -> np.ndarray:
        return self.pipeline.predict_proba(frame.loc[:, list(self.features)])[:, 1]

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        """Calibrated probabilities of unemployment lasting 12 months or more."""
        raw = self._raw(frame)
        if self.calibration == "isotonic":
            return self.calibrator.predict(raw)
        return self.calibrator.predict_proba(_logodds(raw)[:, None])[:, 1]

    def contributions(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Log-odds contribution of each input per person (replace-with-reference method)."""
        base = _logodds(self._raw(frame))
        out = {}
        for feature in self.features:
            swapped = frame.copy()
            swapped[feature] = self.reference[feature]
            out[feature] = base - _logodds(self._raw(swapped))
        return pd.DataFrame(out, index=frame.index)

    def top_factors(self, frame: pd.DataFrame, k: int = 3) -> list[list[dict]]:
        """The ``k`` inputs that move each person's risk most, with direction and value."""
        contributions = self.contributions(frame)
        result = []
        for index, row in contributions.iterrows():
            ranked = row.abs().sort_values(ascending=False).index[:k]
            result.append(
                [
                    {
                        "feature": f,
                        "value": _plain(frame.at[index, f]),
                        "log_odds": round(float(row[f]), 3),
                        "direction": "raises risk" if row[f] > 0 else "lowers risk",
                    }
                    for f in ranked
                ]
            )
        return result


def _plain(value):
    """A numpy scalar as the Python value, so a factor list serialises to JSON."""
    return value.item() if isinstance(value, np.generic) else value


def _split(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    a, b = int(SPLIT[0] * n), int((SPLIT[0] + SPLIT[1]) * n)
    return order[:a], order[a:b], order[b:]


def train(
    cohort: pd.DataFrame,
    features: Sequence[str] = DEFAULT_FEATURES,
    *,
    seed: int = 0,
    calibration: str = "isotonic",
    data_description: str = "synthetic registration cohort (saumaton.analytics.synthetic)",
    policies: Sequence[Policy] = DEFAULT_POLICIES,
    trained_on: date | None = None,
) -> ProfilingModel:
    """Fit both models, keep one, calibrate it and audit it; the card records everything.

    ``features`` may name any column, protected ones included, so that the gate can be shown
    refusing such a model; the defaults never do.
    """
    if calibration not in ("isotonic", "platt"):
        raise ValueError("calibration is 'isotonic' or 'platt'")
    features = tuple(features)
    y = cohort[TARGET].to_numpy().astype(int)
    fit_rows, calibrate_rows, audit_rows = _split(len(cohort), seed)
    x = cohort.loc[:, list(features)]
    comparison = {}
    fitted = {}
    for kind in ("logit", "gbm"):
        pipeline = _pipeline(kind, cohort, features, seed).fit(x.iloc[fit_rows], y[fit_rows])
        held_out = pipeline.predict_proba(x.iloc[audit_rows])[:, 1]
        comparison[kind] = {
            "auc": float(roc_auc_score(y[audit_rows], held_out)),
            "brier_uncalibrated": float(brier_score_loss(y[audit_rows], held_out)),
        }
        fitted[kind] = pipeline
    chosen = (
        "gbm" if comparison["gbm"]["auc"] >= comparison["logit"]["auc"] + GBM_MIN_GAIN else "logit"
    )
    pipeline = fitted[chosen]
    raw_calibrate = pipeline.predict_proba(x.iloc[calibrate_rows])[:, 1]
    if calibration == "isotonic":
        calibrator = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip")
        calibrator.fit(raw_calibrate, y[calibrate_rows])
    else:
        calibrator = LogisticRegression().fit(_logodds(raw_calibrate)[:, None], y[calibrate_rows])
    reference = {
        f: (x[f].median() if pd.api.types.is_numeric_dtype(x[f]) else x[f].mode().iloc[0])
        for f in features
    }
    model = ProfilingModel(pipeline, calibrator, calibration, features, reference)
    held = cohort.iloc[audit_rows]
    p = model.predict(held)
    protected = held.loc[:, [c for c in PROTECTED if c in held]]
    report = audit(y[audit_rows], p, protected, held.loc[:, list(features)], policies)
    model.card = _card(
        features,
        chosen,
        comparison,
        calibration,
        report,
        cohort,
        data_description,
        seed,
        trained_on or date.today(),
        (len(fit_rows), len(calibrate_rows), len(audit_rows)),
    )
    return model


def _card(
    features, chosen, comparison, calibration, report, cohort, description, seed, day, sizes
) -> dict:
    identity = json.dumps(
        {
            "features": features,
            "model": chosen,
            "calibration": calibration,
            "seed": seed,
            "rows": len(cohort),
            "base_rate": round(float(cohort[TARGET].mean()), 6),
        },
        sort_keys=True,
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:10]
    return {
        "version": f"profiling-{day.isoformat()}-{digest}",
        "trained_on": day.isoformat(),
        "target": "unemployment lasting 12 months or more from registration",
        "intended_use": ADVICE,
        "legal_basis": "380/2023 §37(1)(4): probability of prolonged unemployment",
        "training_data": {
            "description": description,
            "rows": len(cohort),
            "base_rate": float(cohort[TARGET].mean()),
            "split_fit_calibrate_audit": list(sizes),
            "seed": seed,
        },
        "features": list(features),
        "protected_traits_audited": [c for c in PROTECTED if c in cohort],
        "model": chosen,
        "model_comparison": comparison,
        "calibration": calibration,
        "top_factor_method": "log-odds change when one input is set to the population reference",
        "audit": report,
    }
