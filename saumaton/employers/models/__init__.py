"""Employers, vacancies, assigned vacancies and the matching journal (issue 6)."""

from .assignments import AssignedVacancy, ProfilePublication
from .employers import EmployerContact, EmployerContactLog, EmployerLocation, EmployerProfile
from .journal import IndexChange
from .subsidies import WageSubsidy, WageSubsidyClaim
from .vacancies import Vacancy

__all__ = [
    "AssignedVacancy",
    "EmployerContact",
    "EmployerContactLog",
    "EmployerLocation",
    "EmployerProfile",
    "IndexChange",
    "ProfilePublication",
    "Vacancy",
    "WageSubsidy",
    "WageSubsidyClaim",
]
