"""The demo's ecosystem: providers, 60–120 services per area, plausible referral histories."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from saumaton.ecosystem.models import Referral, Service
from saumaton.organisations.models import EmploymentArea, Organisation


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo", no_serve=True, stdout=StringIO(), stderr=StringIO())
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo_db(demo, db):
    return None


def test_each_area_has_its_ecosystem(demo_db):
    for area in EmploymentArea.objects.all():
        kinds = Counter(Organisation.objects.filter(area=area).values_list("kind", flat=True))
        assert kinds["wellbeing_county"] == 1 and kinds["kela"] == 1
        assert kinds["education"] == 2 and kinds["third_sector"] == 4 and kinds["employer"] >= 2
        services = Service.objects.filter(provider__area=area)
        assert 60 <= services.count() <= 120
        assert services.filter(type="work_trial", provider__kind="employer").exists()


def test_referral_histories_have_realistic_rates(demo_db):
    states = Counter(Referral.objects.values_list("state", flat=True))
    total = sum(states.values())
    assert total > 200
    answered = total - states["sent"]
    assert 0.75 <= (answered - states["declined"]) / answered <= 0.92  # acceptance
    assert states["completed"] > states["interrupted"] > 0
    # Health referrals rest on a consent naming the receiving organisation.
    for r in Referral.objects.filter(categories__icontains="health")[:50]:
        assert r.consent.recipients.filter(pk=r.organisation_id).exists()


def test_demo_partner_has_a_queue(demo_db, client):
    assert client.login(username="partner", password="saumaton-demo")
    response = client.get(reverse("ecosystem:queue"))
    assert response.status_code == 200 and len(response.context["incoming"]) > 0
