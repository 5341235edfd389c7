"""The 2026-01-01 rule-set switch end to end: the person page shows each person the
initial-interview deadline of the rule set in force when their job search started
(380/2023 §31: 5 working days until 2025-12-31, 10 working days from 2026-01-01)."""

from datetime import date

from django.urls import reverse

from tests.factories import CustomershipFactory


def _deadline_shown(client, person):
    response = client.get(reverse("jobseekers:detail", args=[person.pk]))
    (item,) = [i for i in response.context["o"].due.items if i.kind == "initial_interview"]
    return item.due, item.basis


def test_december_and_january_registrations_get_their_own_deadlines(world, login):
    december = CustomershipFactory(
        organisation=world.authority, coach=world.users["coach"], start_date=date(2025, 12, 15)
    ).person
    january = CustomershipFactory(
        organisation=world.authority, coach=world.users["coach"], start_date=date(2026, 1, 12)
    ).person
    client = login(world.users["coach"])
    due_december, basis_december = _deadline_shown(client, december)
    due_january, basis_january = _deadline_shown(client, january)
    # 15.12.2025 + 5 working days = 22.12.2025 (Mon–Fri, no holidays in between).
    assert due_december == date(2025, 12, 22)
    # 12.1.2026 + 10 working days = 26.1.2026.
    assert due_january == date(2026, 1, 26)
    assert "380/2023 §31" in basis_december
    assert any("§31" in b and "2025" in b for b in basis_january)  # the December 2025 amendment
