"""Identifier table tests: henkilötunnus (Decree 128/2010 §2, 690/2022) and Y-tunnus (288/2001)."""

from datetime import date

import pytest

from saumaton.rules.identifiers import (
    BusinessIdResult,
    HetuResult,
    make_business_id,
    make_hetu,
    validate_business_id,
    validate_hetu,
)


@pytest.mark.parametrize(
    ("value", "birth", "sex", "temporary"),
    [
        ("131052-308T", date(1952, 10, 13), "female", False),  # RULES.md §16.1 worked example
        ("131052Y308T", date(1952, 10, 13), "female", False),  # 690/2022: new 1900s sign
        ("131052U308T", date(1952, 10, 13), "female", False),
        ("010105A901T", date(2005, 1, 1), "male", True),  # 900–999 temporary range (reported)
        ("010105F901T", date(2005, 1, 1), "male", True),  # 690/2022: new 2000s sign
        ("010185+123B", date(1885, 1, 1), "male", False),  # 1800s sign +
    ],
)
def test_valid_hetu(value, birth, sex, temporary):
    result = validate_hetu(value)
    assert result == HetuResult(True, birth_date=birth, sex=sex, temporary=temporary)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("131052-308U", "check character does not match"),
        ("131052-308t", "letters must be upper case"),
        ("310252-308T", "the date part is not a real date"),  # 31 Feb
        ("131052G308T", "format must be DDMMYY, a century sign, NNN and a check character"),
        ("131052-308I", "format must be DDMMYY, a century sign, NNN and a check character"),
        ("", "format must be DDMMYY, a century sign, NNN and a check character"),
        (None, "must be a string"),
    ],
)
def test_invalid_hetu(value, reason):
    assert validate_hetu(value) == HetuResult(False, reason)


def test_individual_number_000_001_not_issued():
    body = "010190001"
    from saumaton.rules.identifiers import hetu_check_char

    assert validate_hetu(f"010190-001{hetu_check_char(body)}").reason == (
        "individual number 000–001 is not issued"
    )


@pytest.mark.parametrize("new_signs", [False, True])
@pytest.mark.parametrize("birth", [date(1899, 12, 31), date(1970, 6, 1), date(2024, 2, 29)])
def test_make_hetu_round_trips(birth, new_signs):
    result = validate_hetu(make_hetu(birth, 923, new_signs=new_signs))
    assert (result.valid, result.birth_date, result.sex, result.temporary) == (
        True,
        birth,
        "male",
        True,
    )


def test_make_hetu_rejects_bad_input():
    with pytest.raises(ValueError):
        make_hetu(date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_hetu(date(1799, 1, 1), 900)


@pytest.mark.parametrize(
    ("value", "result"),
    [
        ("1572860-0", BusinessIdResult(True)),  # RULES.md §16.2: r = 0 → 0
        ("0737546-2", BusinessIdResult(True)),  # r = 9 → 2
        ("0737546-1", BusinessIdResult(False, "check digit does not match")),
        (
            "737546-2",
            BusinessIdResult(False, "format must be seven digits, a hyphen and a check digit"),
        ),
        ("0000001-0", BusinessIdResult(False, "check digit does not match")),
        (12345, BusinessIdResult(False, "must be a string")),
    ],
)
def test_business_id(value, result):
    assert validate_business_id(value) == result


def test_make_business_id():
    assert make_business_id(1572860) == "1572860-0"
    assert make_business_id(737546) == "0737546-2"
    unissuable = next(n for n in range(1000) if make_business_id(n) is None)
    digits = f"{unissuable:07d}"
    assert all(validate_business_id(f"{digits}-{c}").valid is False for c in range(10))
