"""Keeping the employer register: the employer and its profile, locations, contact persons.

One place says what a valid entry is, for the staff and employer pages and the API alike: the
input is a dict of plain values (form fields or JSON keys of the same names), every problem is
collected and raised together as ``RegisterError`` (field, message), and nothing is written
unless the whole input is clean. Edits name the ``version`` they started from; a stale one is a
``ConcurrentEditError`` and the other person's save stands (optimistic lock, as for vacancies).

Who may do what is the callers' (views and API) business through ``scoping``; this module only
checks what depends on the data: the account manager must be business-services staff of the
employer's area, and a new employer's area one where the user holds ``MANAGE_VACANCIES``.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from saumaton.accounts.models import User
from saumaton.casework.errors import ConcurrentEditError
from saumaton.organisations.models import Membership, Organisation
from saumaton.organisations.resolver import area_ids_with
from saumaton.organisations.roles import Perm, roles_granting
from saumaton.reference.models import Municipality, Postcode
from saumaton.rules.identifiers import validate_business_id

from .models import EmployerContact, EmployerLocation, EmployerProfile
from .scoping import employers_visible_to

PROFILE_FIELDS = ("name", "business_id", "industry", "account_manager")
LOCATION_FIELDS = ("name", "street_address", "postcode", "municipality", "active")
CONTACT_FIELDS = ("name", "title", "email", "phone", "language", "active")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,30}$")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    existing: Organisation | None = None  # the duplicate's employer, when the user may see it


class RegisterError(Exception):
    """Every problem of one input; nothing was written."""

    def __init__(self, problems: list[FieldProblem]):
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


class _Problems:
    def __init__(self):
        self.found: list[FieldProblem] = []

    def add(self, field: str, message: str, existing=None) -> None:
        self.found.append(FieldProblem(field, message, existing))

    def raise_any(self) -> None:
        if self.found:
            raise RegisterError(self.found)

    def text(self, data, field, *, required=False, max_length=200) -> str:
        value = data.get(field)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(field, _("Give text."))
            return ""
        value = value.strip()
        if required and not value:
            self.add(field, _("This field is required."))
        elif len(value) > max_length:
            self.add(field, _("At most %(n)d characters.") % {"n": max_length})
        return value

    def flag(self, data, field) -> bool:
        value = data.get(field, True)
        if not isinstance(value, bool):
            self.add(field, _("Give true or false."))
            return True
        return value


def area_staff(area_ids):
    """The areas' business-services staff: who may be an employer's account manager."""
    granting = [role.value for role in roles_granting(Perm.MANAGE_VACANCIES)]
    members = Membership.objects.filter(
        active=True, role__in=granting, organisation__area_id__in=area_ids
    )
    return User.objects.filter(pk__in=members.values("user_id"), is_active=True).order_by(
        "last_name", "first_name", "pk"
    )


# --- the employer and its profile ----------------------------------------------------------


def profile_of(employer: Organisation) -> EmployerProfile:
    """The employer's profile; employers that came from the directory get one on first use."""
    profile, _created = EmployerProfile.objects.get_or_create(organisation=employer)
    return profile


def values_of(employer: Organisation) -> dict[str, Any]:
    """The employer as input: the starting point of a partial edit."""
    profile = profile_of(employer)
    return {
        "name": employer.name,
        "business_id": employer.business_id,
        "industry": profile.industry,
        "account_manager": profile.account_manager_id,
    }


@transaction.atomic
def create_employer(user, data: dict[str, Any]) -> Organisation:
    """A new employer of an area where the user keeps the register (``MANAGE_VACANCIES``)."""
    problems = _Problems()
    areas = area_ids_with(user, Perm.MANAGE_VACANCIES)
    area_id = data.get("area")
    if area_id in (None, "") and len(areas) == 1:
        area_id = next(iter(areas))
    if isinstance(area_id, str) and area_id.isdigit():
        area_id = int(area_id)
    if isinstance(area_id, bool) or area_id not in areas:
        problems.add("area", _("Choose an employment area where you serve employers."))
        area_id = None
    checked = _check_profile(user, data, problems, area_id=area_id, own_pk=None)
    problems.raise_any()
    with _duplicate_refused(user, checked["business_id"], area_id, own_pk=None):
        employer = Organisation.objects.create(
            area_id=area_id,
            kind=Organisation.Kind.EMPLOYER,
            name=checked["name"],
            business_id=checked["business_id"],
        )
    EmployerProfile.objects.create(
        organisation=employer,
        industry=checked["industry"],
        account_manager=checked["account_manager"],
    )
    return employer


@transaction.atomic
def update_employer(user, employer: Organisation, data: dict[str, Any], *, expected_version):
    """Replace name, business ID, industry and account manager; refused if saved since.

    The profile's ``version`` guards the organisation's name and business ID too: they are
    edited together on one page. The area is not edited (moving an employer between tenants is
    not a register edit)."""
    profile_of(employer)
    profile = EmployerProfile.objects.select_for_update().get(organisation=employer)
    if profile.version != expected_version:
        raise ConcurrentEditError(
            _("Someone else changed this employer meanwhile; reload the page."), "version"
        )
    problems = _Problems()
    checked = _check_profile(user, data, problems, area_id=employer.area_id, own_pk=employer.pk)
    problems.raise_any()
    employer.name, employer.business_id = checked["name"], checked["business_id"]
    with _duplicate_refused(user, checked["business_id"], employer.area_id, own_pk=employer.pk):
        employer.save(update_fields=["name", "business_id"])
    profile.industry, profile.account_manager = checked["industry"], checked["account_manager"]
    profile.version += 1
    profile.save()
    return employer


#: The rules engine's reasons (``rules.identifiers``, English) as the user reads them.
_BUSINESS_ID_REASONS = {
    "format must be seven digits, a hyphen and a check digit": gettext_lazy(
        "give seven digits, a hyphen and the check digit, for example 1572860-0"
    ),
    "no valid check digit exists for this number": gettext_lazy(
        "no business ID has these seven digits"
    ),
    "check digit does not match": gettext_lazy("the check digit does not match"),
}


def _check_profile(user, data, problems: _Problems, *, area_id, own_pk) -> dict[str, Any]:
    name = problems.text(data, "name", required=True)
    industry = problems.text(data, "industry")
    business_id = problems.text(data, "business_id", required=True, max_length=9)
    if business_id:
        result = validate_business_id(business_id)
        if not result.valid:
            problems.add(
                "business_id",
                _("Invalid business ID (Y-tunnus): %(reason)s")
                % {"reason": _BUSINESS_ID_REASONS.get(result.reason, result.reason)},
            )
        elif area_id is not None:
            _unique_business_id(user, business_id, area_id, own_pk, problems)
    manager = None
    manager_id = data.get("account_manager")
    if manager_id not in (None, ""):
        if isinstance(manager_id, str) and manager_id.isdigit():
            manager_id = int(manager_id)
        manager = (
            area_staff([area_id]).filter(pk=manager_id).first()
            if isinstance(manager_id, int) and not isinstance(manager_id, bool) and area_id
            else None
        )
        if manager is None:
            problems.add(
                "account_manager",
                _("Choose the account manager among the area's business-services staff."),
            )
    return {
        "name": name,
        "business_id": business_id,
        "industry": industry,
        "account_manager": manager,
    }


def _unique_business_id(user, business_id, area_id, own_pk, problems: _Problems) -> None:
    """One organisation per business ID in an area (the database constraint says so too); the
    message names the existing employer only if the user may see it."""
    existing = (
        Organisation.objects.filter(area_id=area_id, business_id=business_id)
        .exclude(pk=own_pk)
        .first()
    )
    if existing is None:
        return
    visible = employers_visible_to(user, Organisation.objects.filter(pk=existing.pk)).first()
    if visible is not None:
        problems.add(
            "business_id",
            _("%(name)s already has this business ID in the register.") % {"name": visible.name},
            existing=visible,
        )
    else:
        problems.add("business_id", _("An organisation of the area already has this business ID."))


@contextmanager
def _duplicate_refused(user, business_id, area_id, *, own_pk):
    """The write inside, in a savepoint; when another save took the business ID between the
    check and the write (the database's constraint fires), the same clear refusal as the
    check's, and nothing written."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        problems = _Problems()
        _unique_business_id(user, business_id, area_id, own_pk, problems)
        problems.raise_any()
        raise


# --- locations ------------------------------------------------------------------------------


def location_values(location: EmployerLocation) -> dict[str, Any]:
    """The location as input. The municipality is left out when a postcode gives it, so an edit
    that changes only the postcode moves the municipality along instead of contradicting it."""
    return {
        "name": location.name,
        "street_address": location.street_address,
        "postcode": location.postcode,
        "municipality": "" if location.postcode else location.municipality_id,
        "active": location.active,
    }


@transaction.atomic
def save_location(employer, data, *, location=None, expected_version=None) -> EmployerLocation:
    """Add (``location`` None) or edit a workplace; the municipality and coordinates follow
    from the postcode or the municipality code (reference data). ``active`` False retires it."""
    if location is not None:
        location = _locked(
            EmployerLocation,
            location,
            expected_version,
            _("Someone else changed this location meanwhile; reload the page."),
        )
    problems = _Problems()
    name = problems.text(data, "name", required=True)
    street = problems.text(data, "street_address")
    postcode = problems.text(data, "postcode", max_length=5)
    code = problems.text(data, "municipality", max_length=3)
    active = problems.flag(data, "active")
    municipality = _place(code, postcode, problems)
    problems.raise_any()
    location = location or EmployerLocation(organisation=employer)
    location.name, location.street_address, location.postcode = name, street, postcode
    location.municipality, location.active = municipality, active
    location.lat, location.lon = municipality.lat, municipality.lon
    _save_versioned(location)
    return location


def _place(code: str, postcode: str, problems: _Problems) -> Municipality | None:
    if postcode:
        found = Postcode.objects.filter(postcode=postcode).first()
        if found is None:
            problems.add("postcode", _("Unknown postcode %(code)s.") % {"code": postcode})
            return None
        if code and code != found.municipality_id:
            problems.add("postcode", _("The postcode is not in this municipality."))
            return None
        code = found.municipality_id
    municipality = Municipality.objects.filter(code=code).first() if code else None
    if municipality is None:
        problems.add("municipality", _("Give a known municipality code or postcode."))
    return municipality


# --- contact persons ------------------------------------------------------------------------


def contact_values(contact: EmployerContact) -> dict[str, Any]:
    return {field: getattr(contact, field) for field in CONTACT_FIELDS}


@transaction.atomic
def save_contact(employer, data, *, contact=None, expected_version=None) -> EmployerContact:
    """Add (``contact`` None) or edit a contact person; ``active`` False retires them."""
    if contact is not None:
        contact = _locked(
            EmployerContact,
            contact,
            expected_version,
            _("Someone else changed this contact person meanwhile; reload the page."),
        )
    problems = _Problems()
    name = problems.text(data, "name", required=True)
    title = problems.text(data, "title")
    email = problems.text(data, "email", max_length=254)
    phone = problems.text(data, "phone", max_length=32)
    language = problems.text(data, "language", max_length=2) or EmployerContact.Language.FI
    active = problems.flag(data, "active")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.add("email", _("Enter a valid e-mail address."))
    if phone and not PHONE.match(phone):
        problems.add("phone", _("Give a phone number of digits, for example +358 40 123 4567."))
    if language not in EmployerContact.Language.values:
        problems.add("language", _("Choose Finnish, Swedish or English."))
    problems.raise_any()
    contact = contact or EmployerContact(organisation=employer)
    contact.name, contact.title, contact.email, contact.phone = name, title, email, phone
    contact.language, contact.active = language, active
    _save_versioned(contact)
    return contact


# --- shared ---------------------------------------------------------------------------------


def _locked(model, instance, expected_version, stale_message: str):
    current = model.objects.select_for_update().get(pk=instance.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(stale_message, "version")
    return current


def _save_versioned(instance) -> None:
    if instance.pk is not None:
        instance.version += 1
    instance.save()
