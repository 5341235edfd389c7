"""Dashboards, exports and the model card, as the roles that may see them."""

import io
from datetime import date

import pytest
from django.utils.html import escape
from openpyxl import load_workbook

from saumaton.analytics.fairness import Tolerances
from saumaton.insight.models import MetricValue, ProfilingRun
from saumaton.insight.profiling import train_and_store
from saumaton.insight.refresh import refresh
from saumaton.jobseekers.models import EmploymentStatusPeriod
from tests.factories import CustomershipFactory


@pytest.fixture
def refreshed(world):
    for _ in range(6):
        person = CustomershipFactory(organisation=world.authority).person
        EmploymentStatusPeriod.objects.create(
            person=person, status="unemployed", start=date(2024, 1, 1)
        )
    refresh(date(2026, 3, 15), months=2)
    return world


def test_the_overview_shows_figures_with_links_to_definitions(refreshed, login):
    response = login(refreshed.users["unit_lead"]).get("/insight/")
    body = response.content.decode()
    assert "Unemployed jobseekers" in body
    assert "/insight/definitions/#long_term_unemployed" in body
    for metric in ("stalled_referrals", "plans_up_to_date"):  # key figures and every cut
        assert body.count(f"/insight/definitions/#{metric}") == 4, metric
    assert "<svg" in body and '<table aria-labelledby="t-trend">' in body
    assert '<abbr title="not shown' in body  # the single in-flow of the month is suppressed


def test_the_definitions_page_has_an_anchor_per_metric(world, login):
    body = login(world.users["analyst"]).get("/insight/definitions/").content.decode()
    assert 'id="structural_unemployment"' in body


def test_the_overview_speaks_finnish_and_swedish(refreshed, client):
    client.force_login(refreshed.users["analyst"])
    finnish = client.get("/insight/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Työttömät työnhakijat" in finnish and "Kuukausittain" in finnish
    swedish = client.get("/insight/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Arbetslösa arbetssökande" in swedish and "Månad för månad" in swedish


def test_csv_and_xlsx_exports_hold_the_table(refreshed, login):
    client = login(refreshed.users["analyst"])
    csv = client.get("/insight/export/trend.csv").content.decode("utf-8-sig")
    header, first = csv.splitlines()[:2]
    assert header.startswith("Month;Unemployed jobseekers")
    assert first.startswith("2026-01;6")
    xlsx = client.get("/insight/export/key_figures.xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet["A1"].value == "Figure"
    assert sheet.max_row > 10


def test_an_unknown_table_is_not_found(world, login):
    assert login(world.users["analyst"]).get("/insight/export/people.csv").status_code == 404


def test_another_areas_figures_are_not_shown(refreshed, login):
    other = refreshed.other_area
    MetricValue.objects.filter(area=other).delete()
    response = login(refreshed.users["analyst"]).get(f"/insight/?area={other.pk}")
    assert response.context["area"] == refreshed.area


def test_a_municipality_outside_the_area_is_not_found(refreshed, login):
    code = refreshed.other_area.lead_municipality_id
    response = login(refreshed.users["analyst"]).get(f"/insight/municipality/?code={code}")
    assert response.status_code == 404


def test_the_model_card_says_advisory_and_shows_the_refusal(world, login):
    ProfilingRun.objects.create(
        version="profiling-x",
        data_source="test",
        published=False,
        refusal_reasons=["AUC 0.5 below 0.65"],
        card={
            "model": "logit",
            "calibration": "isotonic",
            "features": ["education"],
            "training_data": {"rows": 10},
            "audit": {
                "auc": 0.5,
                "expected_calibration_error": 0.01,
                "calibration_curve": [],
                "policies": {"threshold:0.5": {}},
                "groups": [],
            },
        },
    )
    body = login(world.users["analyst"]).get("/insight/model-card/").content.decode()
    assert "Advisory only." in body and "AUC 0.5 below 0.65" in body


LENIENT = Tolerances(
    max_false_high_risk_ratio=10,
    max_fnr_gap=1,
    min_group_size=100_000,
    max_expected_calibration_error=1,
)


@pytest.mark.parametrize("tolerances", [Tolerances(), LENIENT], ids=["refused", "published"])
def test_the_model_card_shows_the_latest_runs_audit_published_or_not(world, login, tolerances):
    run = train_and_store(
        date(2026, 3, 1), tolerances, force_synthetic=True, synthetic_rows=3000
    ).run
    body = login(world.users["analyst"]).get("/insight/model-card/").content.decode()
    assert run.version in body and "synthetic registration cohort" in body
    assert "mother_tongue = other" in body and "Audit by group" in body
    assert ("Not published." in body) is (not run.published)
    assert bool(run.refusal_reasons) is (not run.published)
    for reason in run.refusal_reasons:
        assert escape(reason) in body
