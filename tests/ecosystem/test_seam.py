"""The seam guard catches unanswered and stalled referrals and passed TYP deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from saumaton.casework.models import AttentionItem
from saumaton.casework.sweep import sweep
from saumaton.ecosystem import referrals
from saumaton.ecosystem.models import MultisectoralCase, Referral
from saumaton.ecosystem.seam import STALL_AFTER_DAYS, find_referral_seams


def _kinds(person, today):
    return {f.kind for f in find_referral_seams(today) if f.person_id == person.pk}


def test_unanswered_after_the_due_date(world, referral):
    assert _kinds(world.person, referral.response_due) == set()
    day_after = referral.response_due + timedelta(days=1)
    assert _kinds(world.person, day_after) == {"referral_unanswered"}


def test_accepted_but_not_started(world, referral):
    start = timezone.localdate() + timedelta(days=3)
    referrals.accept(world.users["partner"], referral, expected_version=0, start_date=start)
    assert _kinds(world.person, start + timedelta(days=STALL_AFTER_DAYS)) == set()
    assert _kinds(world.person, start + timedelta(days=STALL_AFTER_DAYS + 1)) == {
        "referral_stalled"
    }


def test_started_and_past_expected_end(world, referral):
    partner, today = world.users["partner"], timezone.localdate()
    r = referrals.accept(partner, referral, expected_version=0)
    r = referrals.start(partner, r, expected_version=1, on=today, expected_end=today)
    assert _kinds(world.person, today) == set()
    assert _kinds(world.person, today + timedelta(days=1)) == {"referral_stalled"}
    referrals.complete(partner, r, expected_version=2, outcome="studies", on=today)
    assert _kinds(world.person, today + timedelta(days=1)) == set()


def test_sweep_turns_findings_into_items_and_resolves_them(world, referral):
    late = referral.response_due + timedelta(days=1)
    sweep(late)
    item = AttentionItem.objects.get(person=world.person, kind="referral_unanswered")
    assert item.resolved_on is None and item.due == referral.response_due
    referrals.decline(world.users["partner"], referral, expected_version=0, reason="Full")
    sweep(late)
    item.refresh_from_db()
    assert item.resolved_on == late


def test_every_stalled_referral_is_caught(world, service):
    """Whatever the state and dates, an active referral past its limit yields a finding."""
    today = timezone.localdate()
    states = [
        (Referral.State.SENT, {"response_due": today - timedelta(days=1)}),
        (Referral.State.ACCEPTED, {"start_date": today - timedelta(days=STALL_AFTER_DAYS + 1)}),
        (
            Referral.State.ACCEPTED,
            {"start_date": None, "response_due": today - timedelta(days=STALL_AFTER_DAYS + 1)},
        ),
        (Referral.State.STARTED, {"expected_end": today - timedelta(days=1)}),
    ]
    from tests.factories import CustomershipFactory

    people = []
    for state, fields in states:
        person = CustomershipFactory(organisation=world.authority).person
        people.append(person)
        Referral.objects.create(
            person=person,
            service=service,
            organisation=service.provider,
            sender_organisation=world.authority,
            purpose="x",
            categories=["contact"],
            legal_basis="380/2023 §116",
            sent_on=today - timedelta(days=30),
            response_due=fields.pop("response_due", today - timedelta(days=20)),
            sender_owner=world.users["coach"],
            state=state,
            **fields,
        )
    found = {f.person_id for f in find_referral_seams(today)}
    assert all(p.pk in found for p in people)


def test_multisectoral_plan_deadline(world, provider):
    MultisectoralCase.objects.create(
        person=world.person,
        employment_authority=world.authority,
        wellbeing_county=provider,
        assessment_started=date(2026, 1, 15),
    )
    assert _kinds(world.person, date(2026, 4, 15)) == set()
    assert _kinds(world.person, date(2026, 4, 16)) == {"multisectoral_deadline"}


def test_a_person_whose_job_search_ended_is_not_followed_up(world, referral):
    """Another app's seam (here an unanswered referral) holds only while the job search is
    open: once it has ended, the sweep makes no item of it and resolves the one it made."""
    from saumaton.jobseekers.status_changes import end_job_search

    late = referral.response_due + timedelta(days=1)
    sweep(late)
    assert AttentionItem.objects.filter(person=world.person, resolved_on__isnull=True).exists()
    end_job_search(world.users["coach"], world.person, timezone.localdate(), "employed")
    sweep(late)
    assert not AttentionItem.objects.filter(person=world.person, resolved_on__isnull=True).exists()
