"""Finnish identifiers: the personal identity code (henkilötunnus) and the business ID (Y-tunnus).

Pure functions that explain *why* a value is invalid, so forms, the API, imports and
``saumaton rules eval`` all give the same specific message.

Sources:
- Henkilötunnus: Government Decree 128/2010 §2 on the Population Information System, as amended by
  690/2022 (new century signs from 2023-01-01; the sign is distinguishing and must be kept).
  The temporary range 900–999 is reported by DVV guidance, not stated in the decree.
- Y-tunnus: Government Decree 288/2001; check digit with weights 7, 9, 10, 5, 8, 4, 2 (mod 11).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HETU_BASIS = "Government Decree 128/2010 §2 (690/2022)"
BUSINESS_ID_BASIS = "Government Decree 288/2001"

_HETU_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+YXWVUABCDEF])(\d{3})([0-9A-FHJ-NPR-Y])$")
_HETU_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY_BY_SIGN = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}

_BUSINESS_ID_RE = re.compile(r"^(\d{7})-(\d)$")
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class HetuResult:
    """Outcome of checking a henkilötunnus: either valid with its facts, or a reason."""

    valid: bool
    reason: str | None = None
    birth_date: date | None = None
    sex: str | None = None  # "male" (odd individual number) or "female" (even)
    temporary: bool | None = None  # individual number 900–999


@dataclass(frozen=True)
class BusinessIdResult:
    valid: bool
    reason: str | None = None


def hetu_check_char(body: str) -> str:
    """Check character for ``DDMMYYNNN``; the century sign does not take part (128/2010 §2)."""
    return _HETU_CHECK_CHARS[int(body) % 31]


def validate_hetu(value: str) -> HetuResult:
    """Validate a henkilötunnus, accepting both the pre-2023 and the 690/2022 century signs."""
    if not isinstance(value, str):
        return HetuResult(False, "must be a string")
    match = _HETU_RE.match(value)
    if match is None:
        if _HETU_RE.match(value.upper()):
            return HetuResult(False, "letters must be upper case")
        return HetuResult(False, "format must be DDMMYY, a century sign, NNN and a check character")
    dd, mm, yy, sign, nnn, check = match.groups()
    try:
        birth = date(_CENTURY_BY_SIGN[sign] + int(yy), int(mm), int(dd))
    except ValueError:
        return HetuResult(False, "the date part is not a real date")
    expected = hetu_check_char(dd + mm + yy + nnn)
    if check != expected:
        return HetuResult(False, "check character does not match")
    number = int(nnn)
    if number < 2:
        return HetuResult(False, "individual number 000–001 is not issued")
    return HetuResult(
        True,
        birth_date=birth,
        sex="male" if number % 2 else "female",
        temporary=number >= 900,
    )


def make_hetu(birth: date, individual_number: int, *, new_signs: bool = False) -> str:
    """Compose a valid henkilötunnus; synthetic data uses individual numbers 900–999.

    ``new_signs`` picks the first 690/2022 sign (``Y`` or ``B``) instead of ``-`` or ``A``.
    """
    if not 2 <= individual_number <= 999:
        raise ValueError("individual number must be within 002–999")
    century = birth.year // 100 * 100
    signs = {1800: "+", 1900: "Y" if new_signs else "-", 2000: "B" if new_signs else "A"}
    if century not in signs:
        raise ValueError("birth year must be within 1800–2099")
    body = f"{birth:%d%m}{birth.year % 100:02d}{individual_number:03d}"
    return f"{body[:6]}{signs[century]}{body[6:]}{hetu_check_char(body)}"


def validate_business_id(value: str) -> BusinessIdResult:
    """Validate a Y-tunnus ``1234567-1`` (288/2001); remainder 1 is never issued."""
    if not isinstance(value, str):
        return BusinessIdResult(False, "must be a string")
    match = _BUSINESS_ID_RE.match(value)
    if match is None:
        return BusinessIdResult(False, "format must be seven digits, a hyphen and a check digit")
    digits, check = match.groups()
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return BusinessIdResult(False, "no valid check digit exists for this number")
    expected = 0 if remainder == 0 else 11 - remainder
    if int(check) != expected:
        return BusinessIdResult(False, "check digit does not match")
    return BusinessIdResult(True)


def make_business_id(seven_digits: int) -> str | None:
    """Compose a valid Y-tunnus from a 7-digit body, or None where remainder 1 forbids one."""
    digits = f"{seven_digits:07d}"
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"
