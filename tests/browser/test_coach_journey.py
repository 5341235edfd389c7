"""A coach's day in a real browser: the Swedish UI, the work queue, a meeting, the plan, the PDF."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saumaton.casework.models import EmploymentPlan, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, username="coach"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/casework/queue/")


def test_coach_switches_to_swedish_and_opens_a_person(world, live_server, page):
    _log_in(page, live_server)
    page.select_option("#language-select", "sv")
    page.click("form.language button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"

    page.click("header nav >> text=Arbetssökande")
    page.wait_for_url(f"{live_server.url}/jobseekers/")
    assert page.locator("h1").inner_text() == "Arbetssökande"
    page.click(f"text={world.person.last_name}, {world.person.first_name}")
    page.wait_for_url(f"{live_server.url}/jobseekers/{world.person.pk}/")
    body = page.locator("main").inner_text()
    assert world.person.hetu in body
    assert "Grunduppgifter" in body
    assert "Personbeteckning" in body

    page.goto(f"{live_server.url}/jobseekers/")  # the choice sticks
    assert page.locator("html").get_attribute("lang") == "sv"


def test_coach_day_queue_meeting_plan_and_pdf(world, live_server, page):
    Meeting.objects.create(
        person=world.person,
        customership=world.person.customerships.get(),
        kind="initial_interview",
        starts_at=timezone.now() - timedelta(hours=3),
        channel="in_person",
        coach=world.users["coach"],
    )
    _log_in(page, live_server)
    page.select_option("#language-select", "en")
    page.click("form.language button[type=submit]")
    page.wait_for_load_state()

    # The work queue lists the meeting that still has no outcome; record it as held.
    page.click("text=Record outcome")
    page.select_option("#id_outcome", "held")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/jobseekers/{world.person.pk}/")
    assert "Outcome recorded." in page.locator(".messages").inner_text()

    # Draw up the plan.
    page.click("text=Draw up a plan")
    page.fill("#id_survey", "Experienced shop assistant; wants customer service work.")
    page.fill("#id_goals", "Customer service job within 3 months")
    page.fill("#id_actions", "Apply for 4 jobs a month\nCV workshop | 2026-12-01 | 2026-12-15")
    page.fill("#id_follow_up_method", "Report in self-service")
    page.fill("#id_follow_up_deadline", (timezone.localdate() + timedelta(days=30)).isoformat())
    page.fill("#id_duty_start", timezone.localdate().isoformat())
    page.click("main form.stacked.wide button[type=submit]")
    page.wait_for_url(f"{live_server.url}/jobseekers/{world.person.pk}/")
    assert "Plan saved as version 1." in page.locator(".messages").inner_text()
    plan = EmploymentPlan.objects.get(person=world.person)
    assert plan.content["goals"] == ["Customer service job within 3 months"]
    assert world.person.duty_periods.count() == 3

    # Download the plan as PDF.
    with page.expect_download() as download_info:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = 'plan.pdf';"
            " document.body.appendChild(a); a.click(); }",
            f"{live_server.url}/casework/people/{world.person.pk}/plan.pdf",
        )
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(4) == b"%PDF"
    page.goto(f"{live_server.url}/jobseekers/{world.person.pk}/")
    page.screenshot(path="var/browser-coach-day.png", full_page=True)
