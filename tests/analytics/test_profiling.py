"""Profiling: realistic discrimination, no protected inputs, an audit and a gate that refuses."""

from dataclasses import replace

import pytest

from saumaton.analytics.fairness import PROTECTED, Tolerances, publish_decision
from saumaton.analytics.profiling import DEFAULT_FEATURES, train
from saumaton.analytics.synthetic import registration_cohort


@pytest.fixture(scope="module")
def cohort():
    return registration_cohort(10_000, seed=1)


@pytest.fixture(scope="module")
def model(cohort):
    return train(cohort, seed=0)


@pytest.fixture(scope="module")
def proxy_model(cohort):
    return train(cohort, (*DEFAULT_FEATURES, "interpreter_needed"), seed=0)


def test_auc_is_realistic_not_high(model):
    audit = model.card["audit"]
    assert 0.70 <= audit["auc"] <= 0.80  # STATISTICS.md §14.6
    for kind in ("logit", "gbm"):
        assert 0.70 <= model.card["model_comparison"][kind]["auc"] <= 0.80
    assert audit["expected_calibration_error"] < 0.05


def test_protected_traits_are_not_inputs(model):
    assert not set(DEFAULT_FEATURES) & set(PROTECTED)
    encoded = model.pipeline.named_steps["encode"].get_feature_names_out()
    assert not [name for name in encoded if any(trait in name for trait in PROTECTED)]
    assert set(model.card["protected_traits_audited"]) == set(PROTECTED)


def test_audit_reports_every_group_and_both_policies(model):
    groups = model.card["audit"]["groups"]
    assert {g["trait"] for g in groups} == set(PROTECTED)
    for g in groups:
        assert set(g["policies"]) == {"threshold:0.5", "top_k:0.3"}
        assert sum(g["histogram"]) == g["n"]


def test_gate_refuses_protected_input_and_proxy(cohort, proxy_model):
    decision = publish_decision(proxy_model.card)
    assert not decision.publish
    assert any(
        "'interpreter_needed' is a proxy for mother_tongue=other" in r for r in decision.reasons
    )
    direct = train(cohort, (*DEFAULT_FEATURES, "citizenship"), seed=0)
    assert "protected trait 'citizenship' is an input" in publish_decision(direct.card).reasons


def test_gate_with_lenient_error_tolerances_still_refuses_the_proxy(model, proxy_model):
    lenient = replace(
        Tolerances(),
        max_false_high_risk_ratio=10.0,
        max_fnr_gap=1.0,
        max_group_calibration_gap=1.0,
    )
    assert publish_decision(model.card, lenient).publish
    assert not publish_decision(proxy_model.card, lenient).publish


def test_proxy_raises_the_false_high_risk_disparity(model, proxy_model):
    def ratio(card):
        [g] = [
            g
            for g in card["audit"]["groups"]
            if (g["trait"], g["level"]) == ("mother_tongue", "other")
        ]
        return g["policies"]["top_k:0.3"]["false_high_risk_ratio"]

    assert ratio(proxy_model.card) > ratio(model.card) > 1.0


def test_top_factors_explain_the_score(model, cohort):
    people = cohort.head(3)
    factors = model.top_factors(people, k=2)
    assert len(factors) == 3 and all(len(f) == 2 for f in factors)
    contributions = model.contributions(people)
    assert set(contributions.columns) == set(DEFAULT_FEATURES)
    p = model.predict(people)
    assert ((p >= 0) & (p <= 1)).all()


def test_model_card_has_version_and_training_data(model):
    card = model.card
    assert card["version"].startswith("profiling-")
    assert card["training_data"]["rows"] == 10_000
    assert card["model"] in ("logit", "gbm") and "coach decides" in card["intended_use"]
