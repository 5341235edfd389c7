"""The seam guard: after a sweep, every active jobseeker has a coach and a next step."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.casework.models import AttentionItem, Meeting
from saumaton.casework.sweep import ESCALATE_AFTER_DAYS, sweep
from saumaton.jobseekers.models import JobseekerCustomership
from tests.factories import CustomershipFactory

from .conftest import working_slot


def _items(person):
    return set(
        AttentionItem.objects.filter(person=person, resolved_on__isnull=True).values_list(
            "kind", flat=True
        )
    )


def _invariant_holds(organisation):
    """In an organisation that has coaches (one with none can only be flagged: NO_COACH)."""
    now = timezone.now()
    for c in JobseekerCustomership.objects.filter(end_date__isnull=True, organisation=organisation):
        assert c.coach_id is not None, c.person_id
        has_meeting = Meeting.objects.filter(
            person_id=c.person_id, outcome="scheduled", starts_at__gte=now
        ).exists()
        has_item = AttentionItem.objects.filter(
            person_id=c.person_id, resolved_on__isnull=True, due__isnull=False
        ).exists()
        assert has_meeting or has_item, c.person_id


def test_person_without_a_next_meeting_gets_an_attention_item(world):
    report = sweep()
    assert "no_next_step" in _items(world.person)
    assert "overdue_meeting" in _items(world.person)  # no initial interview since 2026-03-02
    assert report.without_next_step == report.active


def test_sweep_is_idempotent(world):
    sweep()
    count = AttentionItem.objects.count()
    second = sweep()
    assert (second.created, second.resolved) == (0, 0)
    assert AttentionItem.objects.count() == count


def test_booking_the_meeting_resolves_the_items(world):
    sweep()
    Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=working_slot(),
        channel="phone",
        coach=world.users["coach"],
    )
    sweep()
    assert "no_next_step" not in _items(world.person)
    assert "overdue_meeting" not in _items(world.person)


def test_person_without_coach_is_given_the_least_loaded_coach(world):
    c = world.person.customerships.get()
    c.coach = None
    c.save()
    report = sweep()
    c.refresh_from_db()
    assert c.coach == world.users["coach"]
    # The jobseeker's own customership had no coach either; the other area has no coaches at all,
    # so its person stays without one and is flagged instead.
    assert report.coaches_assigned == 2
    assert "no_coach" in _items(world.other_person)


def test_old_items_escalate_to_the_unit_lead(world):
    today = timezone.localdate()
    sweep(today - timedelta(days=ESCALATE_AFTER_DAYS))
    report = sweep(today)
    assert report.escalated > 0
    assert AttentionItem.objects.filter(person=world.person, escalated_on=today).exists()


def test_person_who_moved_out_of_the_area_is_flagged(world):
    from tests.factories import MunicipalityFactory

    world.person.home_municipality = MunicipalityFactory(code="999")  # outside the factory cycle
    world.person.save()
    sweep()
    assert "moved_out" in _items(world.person)


ACTIONS = st.lists(
    st.sampled_from(["new_person", "drop_coach", "book", "hold", "no_show", "end", "sweep"]),
    max_size=12,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS)
def test_random_event_sequences_never_leave_anyone_without_coach_and_next_step(world, actions):
    with transaction.atomic():
        people = [world.person]
        for action in actions:
            person = people[-1]
            open_c = person.customerships.filter(end_date__isnull=True).first()
            if action == "new_person":
                people.append(CustomershipFactory(organisation=world.authority).person)
            elif action == "drop_coach" and open_c:
                JobseekerCustomership.objects.filter(pk=open_c.pk).update(coach=None)
            elif action == "book" and open_c:
                Meeting.objects.create(
                    person=person,
                    customership=open_c,
                    kind="supplementary_conversation",
                    starts_at=working_slot(),
                    channel="phone",
                    coach=world.users["coach"],
                )
            elif action in ("hold", "no_show") and open_c:
                Meeting.objects.filter(person=person, outcome="scheduled").update(
                    outcome="held" if action == "hold" else "no_show"
                )
            elif action == "end" and open_c:
                JobseekerCustomership.objects.filter(pk=open_c.pk).update(
                    end_date=timezone.localdate()
                )
            elif action == "sweep":
                sweep()
        sweep()
        _invariant_holds(world.authority)
        transaction.set_rollback(True)


def test_a_missed_meeting_without_a_later_one_flags_the_job_search_as_lapsing(world, past_meeting):
    past_meeting(kind="supplementary_conversation", days_ago=2, outcome="no_show")
    sweep()
    assert "job_search_lapsing" in _items(world.person)
    past_meeting(kind="supplementary_conversation", days_ago=1, outcome="held")
    sweep()
    assert "job_search_lapsing" not in _items(world.person)


def test_integration_plan_ending_without_an_employment_plan_is_flagged(world):
    from saumaton.jobseekers.models import EmploymentStatusPeriod

    today = timezone.localdate()
    EmploymentStatusPeriod.objects.create(
        person=world.person,
        status="in_service",
        service_type="integration_training",
        start=today - timedelta(days=300),
        end=today + timedelta(days=20),
    )
    sweep()
    assert "integration_ending" in _items(world.person)


_CONTRIBUTED: list = []


def contributed_finder(today):
    """A seam finder as another app would register it (see SAUMATON_SEAM_FINDERS)."""
    from saumaton.casework.sweep import Finding

    return [Finding(person_id, "lapsing", today) for person_id in _CONTRIBUTED]


def test_findings_of_other_apps_become_items_and_resolve_when_they_stop_holding(world, settings):
    settings.SAUMATON_SEAM_FINDERS = [f"{__name__}.contributed_finder"]
    _CONTRIBUTED[:] = [world.other_person.pk]
    try:
        report = sweep()
        assert report.findings["lapsing"] >= 1
        assert "lapsing" in _items(world.other_person)
        _CONTRIBUTED.clear()
        sweep()
        assert "lapsing" not in _items(world.other_person)
    finally:
        _CONTRIBUTED.clear()


@pytest.mark.django_db(transaction=True)
def test_reads_on_a_second_connection_find_what_one_connection_finds(world, past_meeting):
    """The parallel path reads committed rows on another connection (PostgreSQL only)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the second-connection reads are used on PostgreSQL only")
    past_meeting(kind="initial_interview", days_ago=200, outcome="held")
    past_meeting(kind="job_search_conversation", days_ago=120, outcome="held")
    past_meeting(kind="supplementary_conversation", days_ago=3, outcome="no_show")
    with transaction.atomic():
        alone = sweep(parallel_reads=False)
        transaction.set_rollback(True)
    assert AttentionItem.objects.count() == 0
    together = sweep()  # its own transaction: the second connection is used
    assert together.findings == alone.findings and together.findings
    assert together.created == alone.created > 0
    again = sweep()
    assert (again.created, again.resolved) == (0, 0)  # open items were read on the other one
