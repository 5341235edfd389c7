"""Henkilötunnus and Y-tunnus validation as the models apply it (128/2010 §2 as amended by
690/2022; 288/2001). The rules engine has its own exhaustive tables; these check the wiring."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from saumaton.jobseekers.models import Person
from saumaton.organisations.models import validate_business_id_field
from saumaton.rules.identifiers import validate_business_id, validate_hetu


@pytest.mark.parametrize(
    ("value", "birth", "sex"),
    [
        ("131052-308T", date(1952, 10, 13), "female"),  # DVV worked example, old sign
        ("131052Y308T", date(1952, 10, 13), "female"),  # 690/2022: Y is another 1900s sign
        ("010101A123N", date(2001, 1, 1), "male"),
        ("010101B123N", date(2001, 1, 1), "male"),  # 690/2022: B..F for the 2000s
        ("010150+123A", date(1850, 1, 1), "male"),
    ],
)
def test_valid_hetu_in_both_century_sign_sets(value, birth, sex):
    result = validate_hetu(value)
    assert result.valid, result.reason
    assert (result.birth_date, result.sex) == (birth, sex)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("131052-308U", "check character does not match"),
        ("310252-308T", "the date part is not a real date"),  # 31 February
        ("131052G308T", "format must be DDMMYY, a century sign, NNN and a check character"),
        ("131052-308t", "letters must be upper case"),
        ("", "format must be DDMMYY, a century sign, NNN and a check character"),
    ],
)
def test_invalid_hetu_says_why(value, reason):
    result = validate_hetu(value)
    assert not result.valid
    assert result.reason == reason


def test_person_with_bad_checksum_is_refused_with_the_reason(db):
    person = Person(
        first_name="A", last_name="B", birth_date=date(1952, 10, 13), hetu="131052-308U"
    )
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "check character does not match" in str(excinfo.value.message_dict["hetu"])


def test_person_birth_date_must_match_the_hetu(db):
    person = Person(
        first_name="A", last_name="B", birth_date=date(1952, 10, 14), hetu="131052-308T"
    )
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "birth_date" in excinfo.value.message_dict


@pytest.mark.parametrize("value", ["1572860-0", "0737546-2"])
def test_valid_business_ids(value):
    assert validate_business_id(value).valid
    validate_business_id_field(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("0737546-1", "check digit does not match"),
        ("1572860", "format must be seven digits, a hyphen and a check digit"),
        ("0000006-0", "no valid check digit exists for this number"),  # 6 x 2 = 12: remainder 1
    ],
)
def test_invalid_business_ids(value, reason):
    assert validate_business_id(value).reason == reason
    with pytest.raises(ValidationError):
        validate_business_id_field(value)
