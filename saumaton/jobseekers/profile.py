"""Editing the profile: education, work history, skills, languages, licences, work-ability
limitations and preferences.

380/2023 §27(2): the authority records the person's work experience, education, skills and work
ability; §114 lets it process work-ability (health) data only as far as the service needs, so
limitations are edited by staff only and shown with a note that they are special-category data
(GDPR Art. 9). The person may edit the rest of their profile in self-service.

Every change writes a ``person_updated`` event naming the section and what was done (no values:
the timeline says *that* the profile changed, the record says how).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf.locale import LANG_INFO
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from saumaton.audit.events import record_event
from saumaton.audit.models import Event

from .errors import JobseekerError
from .models import (
    Education,
    LanguageSkill,
    Licence,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)

LEGAL_BASIS = "380/2023 §27(2)"
HEALTH_BASIS = "380/2023 §114; GDPR Art. 9"


@dataclass(frozen=True)
class Section:
    key: str
    model: type
    label: object
    staff_only: bool = False


SECTIONS = {
    s.key: s
    for s in (
        Section("education", Education, gettext_lazy("Education")),
        Section("work", WorkExperience, gettext_lazy("Work history")),
        Section("skills", PersonSkill, gettext_lazy("Skills (ESCO)")),
        Section("languages", LanguageSkill, gettext_lazy("Languages")),
        Section("licences", Licence, gettext_lazy("Licences and cards")),
        Section(
            "limitations",
            WorkAbilityLimitation,
            gettext_lazy("Work-ability limitations"),
            staff_only=True,
        ),
    )
}


def sections_for(*, staff: bool) -> list[Section]:
    return [s for s in SECTIONS.values() if staff or not s.staff_only]


def entries(person, section: Section):
    related = {"work": ["occupation"], "skills": ["skill"]}.get(section.key, [])
    return section.model.objects.filter(person=person).select_related(*related).order_by("pk")


def describe(section_key: str, row) -> str:
    """One line per entry, the same on the person page and the edit page."""
    if section_key == "education":
        parts = [row.get_level_display(), row.field, row.degree, row.completed_year]
    elif section_key == "work":
        parts = [row.occupation, row.employer_name, _period(row.start, row.end)]
    elif section_key == "skills":
        parts = [row.skill.preferred_label_en]
    elif section_key == "languages":
        parts = [_language_name(row.language), row.get_level_display()]
    elif section_key == "licences":
        valid = row.valid_until and _("valid until %(date)s") % {"date": _d(row.valid_until)}
        parts = [row.get_kind_display(), valid]
    else:
        parts = [row.get_code_display(), row.source]
    return " · ".join(str(p) for p in parts if p)


def _d(day) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _period(start, end) -> str:
    return f"{_d(start)} – {_d(end) if end else ''}"


def _language_name(code: str) -> str:
    return LANG_INFO.get(code, {}).get("name", code)


def add_entry(actor, person, section_key: str, values: dict, *, staff: bool):
    """Add one row to a section; refused with the field named, nothing written."""
    section = _section(section_key, staff)
    _check(section_key, person, values)
    try:
        with transaction.atomic():
            row = section.model.objects.create(person=person, **values)
            _event(actor, person, section, "added")
    except IntegrityError as exc:
        raise JobseekerError(
            _("This is already in the profile."), _unique_field(section_key)
        ) from exc
    return row


def remove_entry(actor, person, section_key: str, entry_id: int, *, staff: bool) -> None:
    section = _section(section_key, staff)
    with transaction.atomic():
        deleted, _rows = section.model.objects.filter(person=person, pk=entry_id).delete()
        if not deleted:
            raise JobseekerError(_("The entry no longer exists."))
        _event(actor, person, section, "removed")


def save_preferences(actor, person, form) -> Preferences:
    """Save a bound, valid ``PreferencesForm`` of the person's (possibly new) preferences."""
    with transaction.atomic():
        preferences = form.save(commit=False)
        preferences.person = person
        preferences.save()
        form.save_m2m()
        _event(actor, person, Section("preferences", Preferences, ""), "updated")
    return preferences


def _section(key: str, staff: bool) -> Section:
    section = SECTIONS.get(key)
    if section is None or (section.staff_only and not staff):
        raise JobseekerError(_("This part of the profile cannot be edited here."))
    return section


def _check(section_key: str, person, values: dict) -> None:
    today = timezone.localdate()
    if section_key == "work":
        if values["start"] > today:
            raise JobseekerError(_("Work history cannot start in the future."), "start")
        if values.get("end") and values["end"] < values["start"]:
            raise JobseekerError(_("The end date is before the start date."), "end")
    if section_key == "education":
        year = values.get("completed_year")
        if year and not person.birth_date.year < year <= today.year + 1:
            raise JobseekerError(_("The year is not possible for this person."), "completed_year")


def _unique_field(section_key: str) -> str | None:
    return {"skills": "skill", "languages": "language"}.get(section_key)


def _event(actor, person, section: Section, action: str) -> None:
    customership = person.customerships.filter(end_date__isnull=True).first()
    record_event(
        person,
        Event.Type.PERSON_UPDATED,
        actor=actor,
        organisation=customership.organisation if customership else None,
        legal_basis=HEALTH_BASIS if section.staff_only else LEGAL_BASIS,
        payload={"section": section.key, "action": action},
    )
