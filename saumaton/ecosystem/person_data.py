"""What a partner sees of a person: only the data categories their referral or consent covers.

Health data (work-ability limitations, the work-capacity part of the service-need assessment)
appear only when ``health`` is covered, which the services allow only on a specific written
consent or the multisectoral basis (380/2023 §116(4), §118; 381/2023 §15).
"""

from __future__ import annotations

from django.utils.translation import gettext as _


def partner_sections(person, categories) -> list[tuple[str, list[tuple[str, object]]]]:
    sections = []
    if "contact" in categories:
        sections.append(
            (_("Contact details"), [(_("E-mail"), person.email), (_("Phone"), person.phone)])
        )
    if "background" in categories:
        sections.append(
            (
                _("Background"),
                [
                    (_("Service language"), person.get_language_display()),
                    (_("Mother tongue"), person.mother_tongue),
                    (_("Education level"), person.get_education_level_display()),
                    (_("Home municipality"), person.home_municipality),
                ],
            )
        )
    assessment = person.assessments.first() if {"case", "health"} & set(categories) else None
    if "case" in categories:
        sections.append(
            (
                _("Case"),
                [
                    (_("Skills and goals"), assessment.skills_and_goals if assessment else ""),
                    (_("Job-search skills"), assessment.job_search_skills if assessment else ""),
                ],
            )
        )
    if "health" in categories:
        limitations = ", ".join(str(limit.get_code_display()) for limit in person.limitations.all())
        sections.append(
            (
                _("Health and work ability"),
                [
                    (_("Work capacity"), assessment.work_capacity if assessment else ""),
                    (_("Work-ability limitations"), limitations),
                ],
            )
        )
    return sections
