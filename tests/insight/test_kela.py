"""Kela's file: all-or-nothing import with line errors, and the scoped, logged watchlist."""

from datetime import date

import pytest

from saumaton.analytics.csvio import CsvImportError
from saumaton.audit.models import AccessLog
from saumaton.insight.financing import import_kela, watchlist_for
from saumaton.insight.models import KelaImport, KelaPayment
from tests.factories import CustomershipFactory, OrganisationFactory

HEADER = (
    "person_key,municipality_code,benefit,payment_month,paid_days,cumulative_paid_days,"
    "amount_eur,municipal_share_eur\n"
)


def _rows(key, municipality, days=(55, 75, 95)):
    months = ("2025-11", "2025-12", "2026-01")
    return "".join(
        f"{key},{municipality},labour_market_subsidy,{month},20,{count},744.20,0.00\n"
        for month, count in zip(months, days, strict=True)
    )


@pytest.fixture
def municipality(world):
    return world.area.lead_municipality_id


def test_a_good_file_is_stored_and_linked_to_the_person(world, municipality):
    text = HEADER + _rows(world.person.pk, municipality) + _rows("K-unknown", municipality)
    upload = import_kela(text, "kela.csv", world.area, world.users["analyst"])
    assert (upload.rows, upload.matched_persons) == (6, 1)
    assert (upload.first_month, upload.last_month) == (date(2025, 11, 1), date(2026, 1, 1))
    linked = KelaPayment.objects.filter(person=world.person)
    assert linked.count() == 3
    assert KelaPayment.objects.filter(person__isnull=True).count() == 3


def test_a_bad_file_writes_nothing_and_names_every_line(world, municipality):
    other_municipality = world.other_area.lead_municipality_id
    text = (
        HEADER
        + _rows(world.person.pk, municipality)
        + f"x,{municipality},labour_market_subsidy,2026-13,20,95,744.20,0.00\n"
        + _rows("y", other_municipality)
    )
    with pytest.raises(CsvImportError) as caught:
        import_kela(text, "kela.csv", world.area, world.users["analyst"])
    lines = {(e.line, e.column) for e in caught.value.errors}
    assert (5, "payment_month") in lines
    assert {(6, "municipality_code"), (7, "municipality_code"), (8, "municipality_code")} <= lines
    assert not KelaImport.objects.exists() and not KelaPayment.objects.exists()


def test_a_new_file_replaces_the_months_it_covers(world, municipality):
    import_kela(HEADER + _rows("a", municipality), "1.csv", world.area, None)
    import_kela(HEADER + _rows("b", municipality), "2.csv", world.area, None)
    assert set(KelaPayment.objects.values_list("person_key", flat=True)) == {"b"}


def test_the_upload_page_shows_line_errors(world, login, municipality):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(world.users["analyst"])
    bad = HEADER + f"x,{municipality},benefit_x,2026-01,20,95,744.20,0.00\n"
    response = client.post(
        "/insight/financing/upload/", {"file": SimpleUploadedFile("k.csv", bad.encode())}
    )
    assert response.status_code == 200
    assert b"benefit_x" in response.content and b"nothing was imported" in response.content
    good = HEADER + _rows("a", municipality)
    response = client.post(
        "/insight/financing/upload/", {"file": SimpleUploadedFile("k.csv", good.encode())}
    )
    assert response.status_code == 302 and KelaPayment.objects.count() == 3


def test_the_watchlist_shows_only_visible_people_and_logs_the_read(world, municipality):
    stranger = CustomershipFactory(organisation=OrganisationFactory(area=world.area)).person
    text = HEADER + _rows(world.person.pk, municipality) + _rows(stranger.pk, municipality)
    import_kela(text, "kela.csv", world.area, None)
    coach = world.users["coach"]
    found = watchlist_for(coach, world.area.pk)
    assert [row["person"] for row in found] == [world.person]
    assert found[0]["threshold"] == 100
    assert found[0]["latest_share_eur"] == 0  # the file's share for January
    logged = AccessLog.objects.filter(actor=coach, purpose="insight:watchlist")
    assert list(logged.values_list("person", flat=True)) == [world.person.pk]


def test_the_watchlist_page_lists_the_person(world, login, municipality):
    import_kela(HEADER + _rows(world.person.pk, municipality), "kela.csv", world.area, None)
    response = login(world.users["coach"]).get("/insight/financing/watchlist/")
    assert str(world.person).encode() in response.content


def test_the_financing_page_shows_liability_and_forecast(world, login, municipality):
    people = [CustomershipFactory(organisation=world.authority).person for _ in range(5)]
    text = HEADER + "".join(_rows(p.pk, municipality) for p in people)
    import_kela(text, "kela.csv", world.area, None)
    body = login(world.users["unit_lead"]).get("/insight/financing/").content.decode()
    assert "Municipal share of benefits by month" in body
    assert "2026-01" in body and "3,721.00 €" in body  # five people × 744.20 €
    assert "Forecast of the municipal share" in body and "<svg" in body
