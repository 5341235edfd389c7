"""Impact estimation recovers planted effects where the naive comparison does not."""

import io
import json

import numpy as np
import pytest

from saumaton.analytics.cli import main
from saumaton.analytics.impact import estimate_impact
from saumaton.analytics.synthetic import (
    REGISTRATION_COVARIATES,
    SERVICES,
    registration_cohort,
    true_att,
)


@pytest.fixture(scope="module")
def cohort():
    return registration_cohort(16_000, seed=2)


@pytest.mark.parametrize("service", ["wage_subsidy", "rehabilitative_work_activity"])
def test_ipw_and_matching_cover_the_planted_effect_and_naive_does_not(cohort, service):
    rows = cohort[cohort["service"].isin(["none", service])]
    report = estimate_impact(
        rows, f"service_{service}", "employed_6m", REGISTRATION_COVARIATES, n_bootstrap=100
    )
    truth = true_att(cohort, service)
    assert report.ipw.covers(truth)
    assert report.matching.covers(truth)
    assert not report.naive.covers(truth)  # cream-skimming biases it
    assert max(abs(b.after_ipw) for b in report.balance) < 0.1
    assert max(abs(b.before) for b in report.balance) > 0.3


def test_selection_is_cream_skimming(cohort):
    mean = cohort.groupby("service")["prognosis"].mean()
    assert mean["wage_subsidy"] > mean["none"] > mean["rehabilitative_work_activity"]


def test_generator_is_deterministic_and_plants_every_service():
    a, b = registration_cohort(500, seed=7), registration_cohort(500, seed=7)
    assert a.equals(b)
    assert not a.equals(registration_cohort(500, seed=8))
    assert set(a["service"]) == {"none", *SERVICES}


def test_diagnostics_flag_poor_overlap():
    rng = np.random.default_rng(0)
    frame = registration_cohort(2_000, seed=3)
    # treatment decided almost entirely by one covariate -> poor overlap, few comparisons
    frame["treated"] = (frame["months_employed_3y"] + rng.normal(0, 0.5, len(frame)) > 33).astype(
        int
    )
    report = estimate_impact(
        frame, "treated", "employed_6m", ["months_employed_3y"], n_bootstrap=20
    )
    codes = {c.code for c in report.caveats}
    assert "measured_confounders_only" in codes
    assert codes & {"poor_overlap", "few_effective_comparisons", "small_sample"}


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, io.StringIO(), out, err), out.getvalue(), err.getvalue()


def test_cli_demo_data_then_impact_json(tmp_path):
    path = tmp_path / "demo.csv"
    code, out, _ = run(["impact-demo-data", "--out", str(path), "--seed", "4", "--size", "3000"])
    assert code == 0 and "wrote 3000" in out
    code, out, err = run(
        ["impact", "--input", str(path), "--treatment", "service_wage_subsidy",
         "--outcome", "employed_6m", "--bootstrap", "20", "--json"]
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    assert result["n_treated"] + result["n_comparison"] == 3000
    assert result["ipw"]["ci_low"] <= result["ipw"]["effect"] <= result["ipw"]["ci_high"]
    assert result["covariates"] == list(REGISTRATION_COVARIATES)


def test_cli_human_output_names_methods_and_caveats(tmp_path):
    path = tmp_path / "demo.csv"
    registration_cohort(1_000, seed=5).to_csv(path, index=False)
    code, out, _ = run(
        ["impact", "--input", str(path), "--treatment", "service_coaching",
         "--outcome", "employed_6m", "--covariates", "age,education", "--bootstrap", "10"]
    )  # fmt: skip
    assert code == 0
    assert "inverse-probability weighting" in out and "Caveats:" in out and " pp" in out


def test_cli_reports_bad_lines_and_exits_2(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("treated,employed,age\n1,1,30\n2,0,40\n0,x,\n", encoding="utf-8")
    code, out, err = run(
        ["impact", "--input", str(path), "--treatment", "treated", "--outcome", "employed",
         "--covariates", "age"]
    )  # fmt: skip
    assert code == 2 and out == ""
    assert "line 3, column treated: treatment must be 0 or 1" in err
    assert "line 4, column employed" in err and "line 4, column age: empty value" in err


@pytest.mark.parametrize(
    "argv",
    [[], ["impact"], ["impact", "--input", "x.csv"], ["nonsense"], ["impact-demo-data"]],
)
def test_cli_usage_errors_exit_2(argv):
    code, _, err = run(argv)
    assert code == 2 and "usage" in err
