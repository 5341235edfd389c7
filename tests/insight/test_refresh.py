"""The refresh on a small world against figures computed by hand (February 2026)."""

from datetime import date

import pytest

from saumaton.insight.models import MetricValue
from saumaton.insight.refresh import definition_version, refresh
from saumaton.jobseekers.models import EmploymentStatusPeriod
from tests.factories import CustomershipFactory

TODAY = date(2026, 3, 15)
FEB = date(2026, 2, 1)


def _period(person, status, start, end=None, service_type=""):
    EmploymentStatusPeriod.objects.create(
        person=person, status=status, start=start, end=end, service_type=service_type
    )


@pytest.fixture
def small_world(world):
    """Five long-term unemployed, one newly unemployed, one who found work, in ``world.area``;
    one unemployed person in the other area."""
    people = [CustomershipFactory(organisation=world.authority).person for _ in range(7)]
    for person in people[:5]:
        _period(person, "unemployed", date(2024, 1, 1))
    _period(people[5], "unemployed", date(2026, 2, 10))
    _period(people[6], "unemployed", date(2025, 12, 1), date(2026, 2, 15))
    _period(people[6], "employed", date(2026, 2, 16))
    _period(world.other_person, "unemployed", date(2026, 1, 5))
    return world


def _figure(area, metric, month=FEB, dimension="area", value="*"):
    return MetricValue.objects.get(
        area=area,
        month=month,
        metric=metric,
        dimension=dimension,
        dimension_value=value,
        service_type="*",
    )


def test_area_figures_match_the_hand_computation(small_world):
    refresh(TODAY, months=2)
    area = small_world.area
    assert _figure(area, "unemployed_jobseekers").value == 6
    assert _figure(area, "long_term_unemployed").value == 5
    assert _figure(area, "structural_unemployment").value == 5
    # 1.1.2024–28.2.2026 is 366 + 365 + 59 = 790 days for five of six; the sixth has 19.
    assert _figure(area, "median_duration_ongoing").value == 790
    assert _figure(area, "activation_rate").value == 0
    assert _figure(area, "activation_rate").denominator == 6
    january = _figure(area, "unemployed_jobseekers", month=date(2026, 1, 1))
    assert january.value == 6  # five long-term and the one who found work in February


def test_small_cells_are_suppressed_with_their_reason_kept(small_world):
    refresh(TODAY, months=2)
    area = small_world.area
    for metric in ("inflow", "outflow", "outflow_employed", "median_duration_ended"):
        cell = _figure(area, metric)
        assert cell.suppressed, metric
        assert (cell.value, cell.numerator, cell.denominator) == (None, None, None)
    other = _figure(small_world.other_area, "unemployed_jobseekers")
    assert other.suppressed
    zero = _figure(area, "in_active_services")
    assert (zero.suppressed, zero.value) == (False, 0)


def test_every_cut_is_stored_and_names_its_definition(small_world):
    refresh(TODAY, months=2)
    area = small_world.area
    dimensions = set(
        MetricValue.objects.filter(area=area).values_list("dimension", flat=True).distinct()
    )
    assert {"area", "municipality", "unit"} <= dimensions
    cell = _figure(area, "long_term_unemployed")
    assert cell.definition_version == definition_version("long_term_unemployed")
    months = set(MetricValue.objects.values_list("month", flat=True))
    assert months == {date(2026, 1, 1), FEB}


def test_refresh_is_idempotent(small_world):
    first = refresh(TODAY, months=2)
    before = sorted(
        MetricValue.objects.values_list(
            "area", "month", "metric", "dimension", "dimension_value", "service_type", "value"
        )
    )
    second = refresh(TODAY, months=2)
    after = sorted(
        MetricValue.objects.values_list(
            "area", "month", "metric", "dimension", "dimension_value", "service_type", "value"
        )
    )
    assert first.rows == second.rows
    assert before == after


def _meeting(person, coach, due, held_on=None):
    from datetime import datetime, time

    from django.utils import timezone

    from saumaton.casework.models import Meeting

    day = held_on or due
    Meeting.objects.create(
        person=person,
        customership=person.customerships.get(),
        kind="job_search_conversation",
        starts_at=timezone.make_aware(datetime.combine(day, time(10))),
        channel="phone",
        coach=coach,
        due_date=due,
        outcome="held" if held_on else "scheduled",
    )


def test_meeting_figures_count_old_unheld_meetings_and_ignore_old_held_ones(world):
    coach = world.users["coach"]
    people = [CustomershipFactory(organisation=world.authority).person for _ in range(5)]
    for person in people:
        _period(person, "unemployed", date(2024, 1, 1))
        _meeting(person, coach, date(2025, 6, 1))  # never held: overdue ever since
        _meeting(person, coach, date(2025, 5, 1), held_on=date(2025, 4, 28))  # long done
        _meeting(person, coach, date(2026, 2, 20), held_on=date(2026, 2, 18))  # on time in February
    refresh(TODAY, months=2)
    assert _figure(world.area, "overdue_meetings").value == 5
    on_time = _figure(world.area, "meetings_on_time")
    assert (on_time.value, on_time.denominator) == (1.0, 5)


def test_a_meeting_held_on_a_rebooking_before_the_window_is_not_overdue(world):
    """The refresh reads only meetings that can count from its first month on; the no-show
    of a meeting held later on a rebooking, both long before, is one held meeting."""
    from saumaton.casework.models import Meeting

    coach = world.users["coach"]
    person = CustomershipFactory(organisation=world.authority).person
    _period(person, "unemployed", date(2024, 1, 1))
    _meeting(person, coach, date(2025, 6, 2))
    Meeting.objects.filter(person=person).update(outcome="no_show")
    _meeting(person, coach, date(2025, 6, 2), held_on=date(2025, 6, 9))
    refresh(TODAY, months=2)
    assert _figure(world.area, "overdue_meetings").value == 0
