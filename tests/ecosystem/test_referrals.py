"""Referral services: the state machine, its events, and refusals that write nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.casework.models import Failure
from saumaton.ecosystem import referrals
from saumaton.ecosystem.errors import ConcurrentEditError, EcosystemError
from saumaton.ecosystem.models import Referral
from saumaton.rules.calendar import working_days_between

from .conftest import ServiceFactory


def _counts():
    return (Referral.objects.count(), Event.objects.count())


def test_referral_runs_to_its_outcome_with_an_event_per_step(world, referral):
    partner = world.users["partner"]
    assert referral.state == "sent"
    assert working_days_between(referral.sent_on, referral.response_due) == 5
    assert referral.sender_organisation == world.authority
    r = referrals.accept(partner, referral, expected_version=0)
    r = referrals.start(partner, r, expected_version=1, on=timezone.localdate())
    assert r.expected_end == r.started_on + timedelta(days=60)
    r = referrals.complete(partner, r, expected_version=2, outcome="work", on=timezone.localdate())
    assert (r.state, r.outcome, r.receiver_owner) == ("completed", "work", partner)
    types = list(
        Event.objects.filter(person=world.person, type__startswith="referral_").values_list(
            "type", flat=True
        )
    )
    assert sorted(types) == sorted(
        ["referral_sent", "referral_accepted", "referral_started", "referral_completed"]
    )


def test_decline_needs_a_reason(world, referral):
    with pytest.raises(EcosystemError):
        referrals.decline(world.users["partner"], referral, expected_version=0, reason=" ")
    r = referrals.decline(world.users["partner"], referral, expected_version=0, reason="No fit")
    assert (r.state, r.decline_reason) == ("declined", "No fit")


def test_stale_version_is_refused_and_nothing_changes(world, referral):
    partner = world.users["partner"]
    referrals.accept(partner, referral, expected_version=0)
    stale = Referral.objects.get(pk=referral.pk)
    stale.state = "sent"  # what the second user still sees on their page
    with pytest.raises(ConcurrentEditError):
        referrals.decline(partner, stale, expected_version=0, reason="late")
    assert Referral.objects.get(pk=referral.pk).state == "accepted"


def test_concurrent_transition_raises_concurrent_edit(world, referral):
    partner = world.users["partner"]
    Referral.objects.filter(pk=referral.pk).update(version=7)
    with pytest.raises(ConcurrentEditError):
        referrals.accept(partner, referral, expected_version=0)
    assert Referral.objects.get(pk=referral.pk).state == "sent"


def test_only_the_receiving_organisation_answers(world, referral, other_partner):
    for user in (other_partner, world.users["coach"]):
        with pytest.raises(EcosystemError):
            referrals.accept(user, referral, expected_version=0)
    assert Referral.objects.get(pk=referral.pk).state == "sent"


def test_own_fault_interruption_records_a_failure(world, referral):
    partner = world.users["partner"]
    today = timezone.localdate()
    r = referrals.accept(partner, referral, expected_version=0)
    r = referrals.start(partner, r, expected_version=1, on=today)
    referrals.interrupt(
        partner, r, expected_version=2, reason="Stopped coming", own_fault=True, on=today
    )
    failure = Failure.objects.get(person=world.person)
    assert failure.kind == "interrupted_service"


def test_interruption_without_fault_records_no_failure(world, referral):
    partner = world.users["partner"]
    today = timezone.localdate()
    r = referrals.accept(partner, referral, expected_version=0)
    r = referrals.start(partner, r, expected_version=1, on=today)
    referrals.interrupt(partner, r, expected_version=2, reason="Illness", own_fault=False, on=today)
    assert not Failure.objects.filter(person=world.person).exists()


def _refer(world, **kwargs):
    args = {
        "purpose": "x",
        "categories": ["contact"],
        "legal_basis": "380/2023 §116",
    }
    args.update(kwargs)
    return referrals.refer(world.users["coach"], world.person, **args)


def test_full_service_is_refused_and_nothing_is_written(world, provider):
    service = ServiceFactory(provider=provider, capacity=1)
    first = _refer(world, service=service)
    referrals.accept(world.users["partner"], first, expected_version=0)
    before = _counts()
    with pytest.raises(EcosystemError, match="full"):
        _refer(world, service=service)
    assert _counts() == before


def test_ended_service_is_refused_and_nothing_is_written(world, provider):
    service = ServiceFactory(provider=provider, ends_on=timezone.localdate() - timedelta(days=1))
    before = _counts()
    with pytest.raises(EcosystemError, match="ended"):
        _refer(world, service=service)
    assert _counts() == before


def test_consent_basis_without_consent_is_refused(world, service):
    before = _counts()
    with pytest.raises(EcosystemError, match="consent"):
        _refer(world, service=service, legal_basis="consent")
    assert _counts() == before


def test_health_data_without_specific_consent_is_refused(world, service):
    before = _counts()
    with pytest.raises(EcosystemError, match="written consent"):
        _refer(world, service=service, categories=["contact", "health"])
    assert _counts() == before


def test_consent_must_cover_recipient_and_categories(world, service, consent, other_partner):
    other_service = ServiceFactory(provider=other_partner.memberships.get().organisation)
    before = _counts()
    with pytest.raises(EcosystemError, match="receiving organisation"):
        _refer(world, service=other_service, legal_basis="consent", consent=consent)
    with pytest.raises(EcosystemError, match="cover"):
        _refer(world, service=service, legal_basis="consent", consent=consent, categories=["case"])
    assert _counts() == before


def test_withdrawn_consent_cannot_carry_a_referral(world, service, consent):
    from saumaton.ecosystem.consents import withdraw_consent

    withdraw_consent(world.users["jobseeker"], consent)
    with pytest.raises(EcosystemError, match="not in force"):
        _refer(world, service=service, legal_basis="consent", consent=consent)
