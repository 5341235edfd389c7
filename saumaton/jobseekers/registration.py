"""Starting a job search: a coach registers a person, or the person starts it themself.

380/2023 §27: the job search starts when the person registers with the employment authority;
the authority is the one of the person's home municipality (380/2023 §17), so a coach can
register only residents of their own area, and self-service routes the person to the authority
of the municipality they give. The identity code is checked (Government Decree 128/2010 §2)
and gives the birth date; a person without one is registered with name and birth date.

Everything is checked before anything is written, and written in one transaction: a refusal
names the field and leaves no trace. A registration writes the person (if new), the job-search
period, an employment-status period and a ``job_search_started`` event with its legal basis.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.organisations.models import AreaMunicipality, Membership, Organisation
from saumaton.organisations.roles import Role
from saumaton.reference.models import Municipality
from saumaton.rules.identifiers import validate_hetu

from . import duplicates
from .errors import JobseekerError
from .models import EmploymentStatusPeriod, JobseekerCustomership, Person

LEGAL_BASIS = "380/2023 §27"
COACHING_ROLES = (Role.COACH, Role.UNIT_LEAD)


@dataclass(frozen=True)
class Registration:
    """What the form gives; the identity code is optional for staff, required for self."""

    first_name: str
    last_name: str
    birth_date: date | None
    home_municipality: Municipality
    language: str
    start_date: date
    status: str
    hetu: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""


def birth_date_of(reg: Registration) -> date:
    """The birth date, from the identity code when there is one."""
    if reg.hetu:
        result = validate_hetu(reg.hetu)
        if not result.valid:
            raise JobseekerError(
                _("Invalid personal identity code: %(reason)s") % {"reason": result.reason},
                "hetu",
            )
        if reg.birth_date and reg.birth_date != result.birth_date:
            raise JobseekerError(
                _("The birth date does not match the identity code."), "birth_date"
            )
        return result.birth_date
    if reg.birth_date is None:
        raise JobseekerError(_("Give the identity code or the birth date."), "birth_date")
    return reg.birth_date


def coaches_of(organisation):
    """Users who may be a person's responsible coach in ``organisation``."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__organisation=organisation,
            memberships__role__in=COACHING_ROLES,
            memberships__active=True,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def register_by_staff(
    actor,
    organisation: Organisation,
    reg: Registration,
    *,
    coach=None,
    existing: Person | None = None,
    confirmed_new: bool = False,
    today: date | None = None,
) -> JobseekerCustomership:
    """A coach registers a resident of their area; the coach is responsible unless chosen.

    A possible duplicate must be resolved first: use the existing record (``existing``, one of
    the candidates) or confirm that this is a new person (``confirmed_new``).
    """
    today = today or timezone.localdate()
    birth = birth_date_of(reg)
    _check_dates(reg, birth, today)
    _check_municipality(organisation, reg.home_municipality)
    coach = coach or actor
    if not coaches_of(organisation).filter(pk=coach.pk).exists():
        raise JobseekerError(_("The coach does not work in this organisation."), "coach")
    candidates = duplicates.candidates_for(
        hetu=reg.hetu,
        first_name=reg.first_name,
        last_name=reg.last_name,
        birth_date=birth,
        email=reg.email,
        phone=reg.phone,
    )
    person = _resolve(reg, candidates, existing, confirmed_new)
    unit = (
        Membership.objects.filter(user=coach, organisation=organisation, unit__isnull=False)
        .values_list("unit", flat=True)
        .first()
    )
    return _register(
        actor,
        organisation,
        reg,
        birth,
        person,
        coach=coach,
        unit_id=unit,
        channel="staff",
        today=today,
    )


def _resolve(reg, candidates, existing, confirmed_new) -> Person | None:
    if reg.hetu and candidates and candidates[0].hetu == reg.hetu:
        return candidates[0]  # the identity code is the person
    if existing is not None:
        if existing not in candidates:
            raise JobseekerError(_("Choose one of the records shown."), "existing")
        return existing
    if candidates and not confirmed_new:
        raise JobseekerError(
            _(
                "A record with the same name, birth date and contact details exists: use it, or "
                "confirm that this is a different person."
            ),
            "confirm_new",
        )
    return None


def start_own_job_search(
    user, hetu: str, reg: Registration, *, today: date | None = None
) -> JobseekerCustomership:
    """Self-service: the identity code comes from strong identification, not from the form.

    The authority is the employment authority of the home municipality's area; no coach is
    assigned yet (the seam guard flags it for the unit lead).
    """
    today = today or timezone.localdate()
    if user.memberships.filter(active=True).exists():
        raise JobseekerError(
            _("A work account cannot start a job search: log in with your own identification.")
        )
    if Person.objects.filter(user=user).exists():
        raise JobseekerError(_("You are already registered."))
    reg = replace(reg, hetu=hetu, birth_date=None)
    birth = birth_date_of(reg)
    _check_dates(reg, birth, today)
    organisation = (
        Organisation.objects.filter(
            kind=Organisation.Kind.EMPLOYMENT_AUTHORITY,
            area__areamunicipality__municipality=reg.home_municipality,
        )
        .order_by("pk")
        .first()
    )
    if organisation is None:
        raise JobseekerError(
            _("No employment authority of this service covers your home municipality."),
            "home_municipality",
        )
    person = Person.objects.filter(hetu=hetu).first()
    if person is not None and person.user_id:
        raise JobseekerError(_("Your record is already linked to another login."))
    return _register(
        user,
        organisation,
        reg,
        birth,
        person,
        coach=None,
        unit_id=None,
        channel="self_service",
        today=today,
        login=user,
    )


def _check_dates(reg: Registration, birth: date, today: date) -> None:
    if birth > today:
        raise JobseekerError(_("The birth date is in the future."), "birth_date")
    if reg.start_date > today:
        raise JobseekerError(_("A job search cannot start in the future."), "start_date")
    if reg.start_date < birth:
        raise JobseekerError(_("The job search cannot start before birth."), "start_date")


def _check_municipality(organisation, municipality) -> None:
    if not AreaMunicipality.objects.filter(
        area_id=organisation.area_id, municipality=municipality
    ).exists():
        raise JobseekerError(
            _(
                "%(municipality)s belongs to another employment area: the person is a customer "
                "of the employment authority of their home municipality (380/2023 §17)."
            )
            % {"municipality": municipality.name},
            "home_municipality",
        )


def _check_history(person: Person, start: date) -> None:
    """An existing person: no open search, and no start before the previous search ended."""
    searches = list(person.customerships.select_related("organisation"))
    open_search = next((c for c in searches if c.end_date is None), None)
    if open_search is not None:
        raise JobseekerError(
            _("The person already has an open job search (since %(date)s, %(organisation)s).")
            % {
                "date": date_format(open_search.start_date, "j.n.Y"),
                "organisation": open_search.organisation.name,
            }
        )
    last_end = max((c.end_date for c in searches), default=None)
    if last_end is not None and start < last_end:
        raise JobseekerError(
            _("The job search cannot start before the previous one ended (%(date)s).")
            % {"date": date_format(last_end, "j.n.Y")},
            "start_date",
        )
    if person.status_periods.filter(end__isnull=True, start__gte=start).exists():
        raise JobseekerError(
            _("The person's current employment status starts on or after this date."),
            "start_date",
        )


def _register(
    actor, organisation, reg, birth, person, *, coach, unit_id, channel, today, login=None
):
    if person is not None:
        _check_history(person, reg.start_date)
    try:
        with transaction.atomic():
            new = person is None
            person = _save_person(person, reg, birth, login)
            customership = JobseekerCustomership.objects.create(
                person=person,
                organisation=organisation,
                unit_id=unit_id,
                coach=coach,
                start_date=reg.start_date,
                status=reg.status,
            )
            person.status_periods.filter(end__isnull=True).update(
                end=reg.start_date - timedelta(days=1)
            )
            EmploymentStatusPeriod.objects.create(
                person=person, status=reg.status, start=reg.start_date
            )
            record_event(
                person,
                Event.Type.JOB_SEARCH_STARTED,
                actor=actor,
                organisation=organisation,
                legal_basis=LEGAL_BASIS,
                payload={"status": reg.status, "channel": channel, "new_person": new},
                occurred_at=_moment(reg.start_date, today),
            )
    except IntegrityError as exc:
        raise JobseekerError(
            _("The person was registered by someone else at the same moment: reload the page.")
        ) from exc
    return customership


def _save_person(person, reg: Registration, birth: date, login) -> Person:
    """A new record, or the existing one with its identity kept and its contact data updated."""
    if person is None:
        person = Person(
            hetu=reg.hetu or None,
            first_name=reg.first_name,
            last_name=reg.last_name,
            birth_date=birth,
        )
    if reg.hetu and not person.hetu:
        person.hetu = reg.hetu  # a record without a code chosen as the same person gets it
    for name in ("email", "phone", "postcode"):
        if getattr(reg, name):
            setattr(person, name, getattr(reg, name))
    person.home_municipality = reg.home_municipality
    person.language = reg.language
    if login is not None:
        person.user = login
    person.save()
    return person


def _moment(start: date, today: date) -> datetime:
    """A back-dated registration sits on the timeline at its start date."""
    if start == today:
        return timezone.now()
    return timezone.make_aware(datetime.combine(start, datetime.min.time()))
