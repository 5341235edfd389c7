"""People, their job-search periods and status periods, and their profile."""

from .periods import EmploymentStatusPeriod
from .person import JobseekerCustomership, Person, PersonRecordQuerySet, validate_hetu_field
from .profile import (
    Education,
    LanguageSkill,
    Licence,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)

__all__ = [
    "Education",
    "EmploymentStatusPeriod",
    "JobseekerCustomership",
    "LanguageSkill",
    "Licence",
    "Person",
    "PersonRecordQuerySet",
    "PersonSkill",
    "Preferences",
    "WorkAbilityLimitation",
    "WorkExperience",
    "validate_hetu_field",
]
