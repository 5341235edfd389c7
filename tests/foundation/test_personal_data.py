"""The personal-data registry classifies every field; logs never carry identity codes."""

import logging

import pytest
from django.apps import apps

from saumaton.audit.logging import PersonalDataFilter
from saumaton.audit.personal_data import NOT_PERSONAL, PERSONAL_DATA, Category, mask


@pytest.mark.parametrize("label", sorted(PERSONAL_DATA))
def test_every_field_of_a_personal_data_model_is_classified(label):
    model = apps.get_model(label)
    fields = {f.name for f in model._meta.get_fields() if f.concrete}
    classified = set(PERSONAL_DATA[label]) | NOT_PERSONAL[label]
    assert fields == classified, f"classify {fields ^ classified} in audit/personal_data.py"


def test_masks_keep_identity_codes_unreadable():
    assert mask("131052-308T", Category.IDENTITY_CODE) == "131052*****"
    assert mask("Maija", Category.NAME) == "M***"
    assert mask("", Category.NAME) == ""


def test_log_filter_removes_hetu_email_and_phone():
    record = logging.LogRecord(
        "x",
        logging.WARNING,
        __file__,
        1,
        "lookup %s by %s at %s",
        ("131052-308T", "maija@example.invalid", "+358 40 123 4567"),
        None,
    )
    PersonalDataFilter().filter(record)
    message = record.getMessage()
    assert "131052-308T" not in message
    assert "maija@example.invalid" not in message
    assert "4567" not in message
    assert message == "lookup [hetu] by [email] at [phone]"


def test_person_changes_are_kept_in_history(world):
    person = world.person
    person.phone = "+358 40 000 0001"
    person.save()
    assert person.history.count() == 2
    assert person.history.first().phone == "+358 40 000 0001"


def test_every_model_that_refers_to_a_person_is_in_the_registry():
    from saumaton.jobseekers.models import Person

    holders = {
        model._meta.label
        for model in apps.get_models()
        if not model.__name__.startswith("Historical")
        and any(
            getattr(f, "related_model", None) is Person
            for f in model._meta.get_fields()
            if f.concrete
        )
    }
    assert holders - set(PERSONAL_DATA) == set()
