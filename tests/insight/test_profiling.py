"""The profiling command: trains, audits, publishes only within tolerances, scores when it does."""

from datetime import date

import pytest
from django.core.management import call_command

from saumaton.insight import profiling
from saumaton.insight.models import ProfilingRun, RiskScore
from saumaton.jobseekers.models import EmploymentStatusPeriod


@pytest.fixture
def small_synthetic(monkeypatch):
    monkeypatch.setattr(profiling, "SYNTHETIC_ROWS", 3000)


@pytest.fixture
def jobseeker(world):
    EmploymentStatusPeriod.objects.create(
        person=world.person, status="unemployed", start=date(2026, 1, 5)
    )
    return world.person


def test_a_small_database_trains_on_the_synthetic_cohort_and_says_so(
    world, jobseeker, small_synthetic
):
    result = profiling.train_and_store(date(2026, 3, 1), seed=0)
    assert result.run.data_source == profiling.SYNTHETIC_SOURCE
    assert 0.65 <= result.run.card["audit"]["auc"] <= 0.85


def test_the_gate_refuses_and_nobody_is_scored(world, jobseeker, small_synthetic):
    call_command("train_profiling", "--today", "2026-03-01", "--min-auc", "0.99")
    run = ProfilingRun.objects.get()
    assert not run.published
    assert any("AUC" in reason for reason in run.refusal_reasons)
    assert not RiskScore.objects.exists()


def test_a_published_model_scores_current_jobseekers_with_factors(
    world, jobseeker, small_synthetic
):
    lenient = [
        "--max-false-high-risk-ratio",
        "10",
        "--max-fnr-gap",
        "1",
        "--min-group-size",
        "100000",
        "--max-expected-calibration-error",
        "1",
    ]
    call_command("train_profiling", "--today", "2026-03-01", *lenient)
    run = ProfilingRun.objects.get()
    assert run.published, run.refusal_reasons
    score = RiskScore.objects.get(person=jobseeker)
    assert 0 <= score.p_long_term <= 1
    assert len(score.top_factors) == 3
