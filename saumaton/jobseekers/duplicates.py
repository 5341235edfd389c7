"""Finding records that may describe the same human being.

Two records of one person split their history: deadlines, duty and failures counted on the wrong
record, and a coach who does not see the overall picture (GDPR Art. 5(1)(d): data must be kept
accurate). The henkilötunnus identifies exactly; for people without one (e.g. newly arrived,
not yet in the Population Information System) the match is a normalised name, the birth date
and a shared e-mail address or phone number. A match is a *candidate*: a person decides.

Records already merged into another one (``merge.is_merged``) are never candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef

from .models import JobseekerCustomership, Person


def normalise_name(first_names: str, last_name: str) -> str:
    """First given name and last name, case-folded, with spacing and hyphens evened out.

    Only the first given name counts: the second and third are often left out when a person
    registers in a hurry, and are the most common difference between duplicate records.
    """
    first = _fold(first_names).split(" ")[0]
    return f"{first} {_fold(last_name)}".strip()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\s\-]+", " ", text).strip()


def normalise_phone(phone: str) -> str:
    """Digits only, with the Finnish country code written as a leading zero."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("358"):
        digits = "0" + digits[3:]
    return digits


def normalise_email(email: str) -> str:
    return (email or "").strip().casefold()


def shares_contact(email_a: str, phone_a: str, email_b: str, phone_b: str) -> bool:
    same_email = bool(normalise_email(email_a)) and normalise_email(email_a) == normalise_email(
        email_b
    )
    same_phone = bool(normalise_phone(phone_a)) and normalise_phone(phone_a) == normalise_phone(
        phone_b
    )
    return same_email or same_phone


def unmerged(queryset):
    """Leave out records that were merged into another one (they end with a merged search)."""
    merged = JobseekerCustomership.objects.filter(
        person=OuterRef("pk"), end_reason=JobseekerCustomership.EndReason.MERGED
    )
    return queryset.exclude(Exists(merged))


def candidates_for(
    *,
    hetu: str = "",
    first_name: str,
    last_name: str,
    birth_date: date | None,
    email: str = "",
    phone: str = "",
) -> list[Person]:
    """Existing records that may be the person being registered.

    An exact identity-code match is the person (a list of one). Otherwise, records with the same
    normalised name and birth date that share an e-mail address or phone number; with an
    identity code given, only records without one can match (two codes are two people).
    """
    people = unmerged(Person.objects.all())
    if hetu:
        exact = list(people.filter(hetu=hetu))
        if exact:
            return exact
        people = people.filter(hetu__isnull=True)
    if birth_date is None:
        return []
    name = normalise_name(first_name, last_name)
    return [
        p
        for p in people.filter(birth_date=birth_date).select_related("home_municipality")
        if normalise_name(p.first_name, p.last_name) == name
        and shares_contact(email, phone, p.email, p.phone)
    ]


@dataclass(frozen=True)
class Pair:
    """Two records that look like one person; ``survivor`` is the suggested record to keep."""

    survivor: Person
    duplicate: Person


def duplicate_pairs(queryset) -> list[Pair]:
    """Candidate pairs within ``queryset`` (the people the unit lead may see).

    The suggested survivor is the record with an identity code, else the older one.
    """
    rows = unmerged(queryset).values_list(
        "pk", "first_name", "last_name", "birth_date", "email", "phone", "hetu", "created_at"
    )
    groups = defaultdict(list)
    for row in rows:
        groups[(normalise_name(row[1], row[2]), row[3])].append(row)
    found = []
    for members in groups.values():
        members.sort(key=lambda r: (r[6] is None, r[7]))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not (a[6] and b[6]) and shares_contact(a[4], a[5], b[4], b[5]):
                    found.append((a[0], b[0]))
    people = Person.objects.in_bulk({pk for pair in found for pk in pair})
    return [Pair(people[a], people[b]) for a, b in found]
