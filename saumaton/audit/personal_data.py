"""The single registry of personal-data fields (architecture principle 6).

Every field of a model that holds personal data is declared here with its category; the masking
in lists and logs, the data-subject export and anonymisation read this registry. A test fails
when a personal-data model gains a field that is not classified here (as personal or not).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Category(StrEnum):
    IDENTITY_CODE = "identity_code"
    NAME = "name"
    CONTACT = "contact"
    BIRTH_DATE = "birth_date"
    BACKGROUND = "background"  # language, citizenship, education, occupation
    LOCATION = "location"


PERSONAL_DATA: dict[str, dict[str, Category]] = {
    "jobseekers.Person": {
        "hetu": Category.IDENTITY_CODE,
        "first_name": Category.NAME,
        "last_name": Category.NAME,
        "birth_date": Category.BIRTH_DATE,
        "email": Category.CONTACT,
        "phone": Category.CONTACT,
        "postcode": Category.LOCATION,
        "home_municipality": Category.LOCATION,
        "language": Category.BACKGROUND,
        "mother_tongue": Category.BACKGROUND,
        "citizenship": Category.BACKGROUND,
        "education_level": Category.BACKGROUND,
        "last_occupation": Category.BACKGROUND,
    },
    "jobseekers.JobseekerCustomership": {
        "start_date": Category.BACKGROUND,
        "end_date": Category.BACKGROUND,
        "status": Category.BACKGROUND,
    },
}

# Fields of the registered models that are not personal data (keys, flags, bookkeeping).
NOT_PERSONAL: dict[str, set[str]] = {
    "jobseekers.Person": {"id", "user", "is_synthetic", "created_at", "updated_at"},
    "jobseekers.JobseekerCustomership": {
        "id",
        "person",
        "organisation",
        "unit",
        "coach",
        "is_synthetic",
    },
}


def mask(value: object, category: Category) -> str:
    """A display form that shows enough to recognise, not enough to identify."""
    if value in (None, ""):
        return ""
    text = str(value)
    if category is Category.IDENTITY_CODE:
        return text[:6] + "*****" if len(text) == 11 else "***"
    if category is Category.NAME:
        return text[0] + "***"
    if category is Category.CONTACT:
        return "***" + text[-3:] if len(text) > 6 else "***"
    if category is Category.BIRTH_DATE:
        return text[:4] + "-**-**"
    return "***"


_HETU_IN_TEXT = re.compile(r"\b\d{6}[-+YXWVUABCDEF]\d{3}[0-9A-FHJ-NPR-Y]\b")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d ()-]{7,}\d")


def scrub(text: str) -> str:
    """Remove identity codes, e-mail addresses and phone numbers from free text (log lines)."""
    text = _HETU_IN_TEXT.sub("[hetu]", text)
    text = _EMAIL_IN_TEXT.sub("[email]", text)
    return _PHONE_IN_TEXT.sub("[phone]", text)
