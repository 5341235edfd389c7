"""Every staff read of a person's data is logged; nothing else is."""

from django.urls import reverse

from saumaton.audit.models import AccessLog


def test_coach_opening_a_person_writes_exactly_one_access_row(world, login):
    client = login(world.users["coach"])
    response = client.get(reverse("jobseekers:detail", args=[world.person.pk]))
    assert response.status_code == 200
    rows = list(AccessLog.objects.all())
    assert len(rows) == 1
    assert (rows[0].actor, rows[0].person, rows[0].purpose) == (
        world.users["coach"],
        world.person,
        "jobseekers:detail",
    )
    assert rows[0].area == world.area


def test_anonymous_request_writes_nothing_and_gets_the_login_page(world, client):
    url = reverse("jobseekers:detail", args=[world.person.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert b'name="password"' in response.content
    assert AccessLog.objects.count() == 0


def test_person_of_another_area_is_not_found_and_not_logged(world, login):
    client = login(world.users["coach"])
    response = client.get(reverse("jobseekers:detail", args=[world.other_person.pk]))
    assert response.status_code == 404
    assert AccessLog.objects.count() == 0


def test_list_page_logs_one_row_per_person_shown(world, login):
    client = login(world.users["unit_lead"])
    response = client.get(reverse("jobseekers:list"))
    assert response.status_code == 200
    shown = {world.person.pk, world.own_person.pk}
    assert set(AccessLog.objects.values_list("person_id", flat=True)) == shown
    assert AccessLog.objects.count() == len(shown)


def test_each_row_of_a_many_person_read_names_reader_area_purpose_and_time(world, login):
    # Many-person reads take one INSERT … SELECT on PostgreSQL and bulk_create elsewhere:
    # both must write the same rows as the single-person path.
    client = login(world.users["unit_lead"])
    client.get(reverse("jobseekers:list"))
    rows = list(AccessLog.objects.all())
    assert len(rows) == 2
    for row in rows:
        assert (row.actor, row.area, row.purpose) == (
            world.users["unit_lead"],
            world.area,
            "jobseekers:list",
        )
        assert row.at is not None


def test_jobseeker_reading_themself_is_not_a_staff_read(world, login):
    client = login(world.users["jobseeker"])
    response = client.get(reverse("jobseekers:me"))
    assert response.status_code == 200
    assert world.own_person.first_name.encode() in response.content
    assert AccessLog.objects.count() == 0


def test_auditor_sees_reads_by_person_and_by_staff(world, login):
    login(world.users["coach"]).get(reverse("jobseekers:detail", args=[world.person.pk]))
    client = login(world.users["auditor"])
    index = client.get(reverse("audit:index"))
    assert world.users["coach"].username.encode() in index.content
    assert world.person.last_name.encode() in index.content
    by_person = client.get(reverse("audit:person", args=[world.person.pk]))
    assert world.users["coach"].username.encode() in by_person.content
    by_staff = client.get(reverse("audit:staff", args=[world.users["coach"].pk]))
    assert world.person.last_name.encode() in by_staff.content


def test_auditor_finds_a_person_by_hetu_without_it_entering_a_url(world, login):
    login(world.users["coach"]).get(reverse("jobseekers:detail", args=[world.person.pk]))
    client = login(world.users["auditor"])
    response = client.post(reverse("audit:find"), {"hetu": world.person.hetu})
    assert response.status_code == 302
    assert response["Location"] == reverse("audit:person", args=[world.person.pk])
    assert world.person.hetu not in response["Location"]


def test_auditor_of_another_area_sees_nothing_of_this_area(world, login):
    from tests.factories import MembershipFactory, OrganisationFactory

    login(world.users["coach"]).get(reverse("jobseekers:detail", args=[world.person.pk]))
    outsider = MembershipFactory(
        organisation=OrganisationFactory(area=world.other_area), role="auditor"
    ).user
    client = login(outsider)
    assert world.person.last_name.encode() not in client.get(reverse("audit:index")).content
    assert client.get(reverse("audit:person", args=[world.person.pk])).status_code == 404


def test_person_page_shows_what_is_due_and_why(world, login):
    client = login(world.users["coach"])
    response = client.get(reverse("jobseekers:detail", args=[world.person.pk]))
    # No interview is recorded yet, so the initial interview is due (380/2023 §31), with its basis.
    (item,) = response.context["o"].due.items
    assert item.label == "Initial interview"
    assert "§31" in " ".join(item.basis)
    assert "§31" in response.content.decode()
