"""Service impact from the database timeline: cohort, treatment window, outcome, storage."""

from datetime import date

import pytest

from saumaton.insight.effectiveness import refresh_impacts
from saumaton.insight.models import ServiceImpact
from saumaton.jobseekers.models import EmploymentStatusPeriod
from tests.factories import CustomershipFactory

START = date(2024, 1, 1)


def _periods(person, *rows):
    for status, start, end, service in rows:
        EmploymentStatusPeriod.objects.create(
            person=person, status=status, start=start, end=end, service_type=service
        )


@pytest.fixture
def cohort(world):
    """25 took a work trial in their first months (15 then employed), 30 did not (10 employed)."""
    for i in range(25):
        person = CustomershipFactory(organisation=world.authority).person
        after = "employed" if i < 15 else "unemployed"
        _periods(
            person,
            ("unemployed", START, date(2024, 1, 31), ""),
            ("in_service", date(2024, 2, 1), date(2024, 4, 30), "work_trial"),
            (after, date(2024, 5, 1), None, ""),
        )
    for i in range(30):
        person = CustomershipFactory(organisation=world.authority).person
        if i < 10:
            _periods(
                person,
                ("unemployed", START, date(2024, 6, 30), ""),
                ("employed", date(2024, 7, 1), None, ""),
            )
        else:
            _periods(person, ("unemployed", START, None, ""))
    return world


def test_the_estimate_is_stored_with_the_hand_computed_naive_difference(cohort):
    assert refresh_impacts(date(2026, 3, 1), n_bootstrap=20) == 1
    impact = ServiceImpact.objects.get(area=cohort.area)
    assert (impact.service_type, impact.target_group) == ("work_trial", "*")
    report = impact.report
    assert (report["n_treated"], report["n_comparison"]) == (25, 30)
    assert report["naive"]["effect"] == pytest.approx(15 / 25 - 10 / 30)
    assert report["ipw"]["ci_low"] <= report["ipw"]["effect"] <= report["ipw"]["ci_high"]
    codes = {c["code"] for c in report["caveats"]}
    assert "small_sample" in codes


def test_too_few_participants_give_no_estimate(world):
    person = CustomershipFactory(organisation=world.authority).person
    _periods(
        person,
        ("unemployed", START, date(2024, 1, 31), ""),
        ("in_service", date(2024, 2, 1), None, "work_trial"),
    )
    assert refresh_impacts(date(2026, 3, 1), n_bootstrap=20) == 0


def test_the_page_shows_the_estimate_and_translated_caveats(cohort, login):
    refresh_impacts(date(2026, 3, 1), n_bootstrap=20)
    body = login(cohort.users["analyst"]).get("/insight/effectiveness/").content.decode()
    assert "work_trial" in body and "Few participants: the interval is wide." in body
