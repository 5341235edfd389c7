"""Journal every change that can alter a match (``employers.index`` catches up from it).

Profile rows belong to the jobseekers app; listening to their signals here keeps that app
unaware of matching. Bulk writes send no signals: code that bulk-writes vacancies or profiles
calls ``index.journal`` itself (the vacancy import does).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.jobseekers.models.profile import (
    Education,
    LanguageSkill,
    Licence,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)

from .index import journal
from .models import IndexChange, Vacancy

PROFILE_MODELS = (
    Education,
    WorkExperience,
    PersonSkill,
    LanguageSkill,
    Licence,
    WorkAbilityLimitation,
    Preferences,
    JobseekerCustomership,
)


def _person_changed(sender, instance, **kwargs):
    journal(IndexChange.Kind.PERSON, [instance.person_id])


def _vacancy_changed(sender, instance, **kwargs):
    journal(IndexChange.Kind.VACANCY, [instance.pk])


for _model in PROFILE_MODELS:
    post_save.connect(_person_changed, sender=_model, dispatch_uid=f"emp-idx-{_model.__name__}")
    post_delete.connect(_person_changed, sender=_model, dispatch_uid=f"emp-idxd-{_model.__name__}")
post_save.connect(_vacancy_changed, sender=Vacancy, dispatch_uid="emp-idx-vacancy")
post_delete.connect(_vacancy_changed, sender=Vacancy, dispatch_uid="emp-idxd-vacancy")


@receiver(post_save, sender=Person, dispatch_uid="emp-idx-person")
def _person_saved(sender, instance, **kwargs):
    journal(IndexChange.Kind.PERSON, [instance.pk])


@receiver(m2m_changed, sender=Preferences.occupations.through, dispatch_uid="emp-idx-desired")
def _desired_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Preferences):
        journal(IndexChange.Kind.PERSON, [instance.person_id])
