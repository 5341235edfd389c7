"""Hypothesis strategies for random but valid profiles and vacancies in a small region.

Codes are drawn from small sets so that random records collide often enough (same ISCO groups,
shared skills, borderline languages and commutes) for the constraints and the ranking to matter.
"""

from __future__ import annotations

import uuid

from hypothesis import strategies as st

from saumaton.matching import vocabulary as voc
from saumaton.matching.records import JobseekerProfile, Vacancy

SKILLS = [str(uuid.UUID(int=i * 7919 + 1)) for i in range(12)]
ISCO = ["5223", "5221", "5230", "5120", "9112", "7111", "2512"]
LANGUAGES = ["fi", "sv", "en"]

locations = st.fixed_dictionaries(
    {
        "municipality": st.just("091"),
        "lat": st.floats(60.0, 60.6),
        "lon": st.floats(24.5, 25.5),
    }
)
language_lists = st.lists(
    st.fixed_dictionaries(
        {"code": st.sampled_from(LANGUAGES), "level": st.sampled_from(voc.CEFR_LEVELS)}
    ),
    max_size=3,
    unique_by=lambda d: d["code"],
)
education = st.one_of(st.none(), st.integers(0, 8))


def profile_json(identifier: str):
    return st.fixed_dictionaries(
        {
            "id": st.just(identifier),
            "location": locations,
            "max_commute_km": st.sampled_from([0.0, 5.0, 15.0, 30.0, 80.0]),
            "accepts_remote": st.booleans(),
            "occupations": st.lists(
                st.fixed_dictionaries(
                    {
                        "isco": st.sampled_from(ISCO),
                        "years": st.floats(0, 20),
                        "last_year": st.integers(2005, 2026),
                    }
                ),
                max_size=3,
            ),
            "desired_occupations": st.lists(st.sampled_from(ISCO), max_size=2, unique=True),
            "skills": st.lists(st.sampled_from(SKILLS), max_size=6, unique=True),
            "languages": language_lists,
            "licences": st.lists(st.sampled_from(voc.LICENCES[:4]), max_size=3, unique=True),
            "education_level": education,
            "work_time": st.lists(st.sampled_from(voc.WORK_TIMES), max_size=3, unique=True),
            "limitations": st.lists(st.sampled_from(voc.LIMITATIONS[:5]), max_size=2, unique=True),
        }
    ).map(JobseekerProfile.from_json)


def vacancy_json(identifier: str):
    return st.fixed_dictionaries(
        {
            "id": st.just(identifier),
            "location": locations,
            "remote": st.sampled_from(voc.REMOTE_MODES),
            "occupation": st.sampled_from(ISCO),
            "required_skills": st.lists(st.sampled_from(SKILLS), max_size=4, unique=True),
            "preferred_skills": st.lists(st.sampled_from(SKILLS), max_size=3, unique=True),
            "languages": language_lists,
            "licences": st.lists(st.sampled_from(voc.LICENCES[:4]), max_size=2, unique=True),
            "education_level_min": education,
            "work_time": st.sampled_from(voc.WORK_TIMES),
            "demands": st.lists(st.sampled_from(voc.DEMANDS[:5]), max_size=2, unique=True),
        }
    ).map(Vacancy.from_json)


@st.composite
def worlds(draw, max_profiles: int = 12, max_vacancies: int = 12):
    n_p = draw(st.integers(1, max_profiles))
    n_v = draw(st.integers(1, max_vacancies))
    profiles = [draw(profile_json(f"p{i}")) for i in range(n_p)]
    vacancies = [draw(vacancy_json(f"v{i}")) for i in range(n_v)]
    return profiles, vacancies


@st.composite
def open_worlds(draw, max_profiles: int = 10, max_vacancies: int = 40):
    """Everyone may take every job (no languages, licences or limitations in the way, any
    working time, a long commute), so that people have many feasible overlapping jobs: the
    case in which the batch prunes pairs it cannot rank in the top-k."""
    profiles = [
        JobseekerProfile.from_json(
            {
                "id": f"p{i}",
                "location": draw(locations),
                "max_commute_km": 200.0,
                "accepts_remote": draw(st.booleans()),
                "occupations": draw(
                    st.lists(
                        st.fixed_dictionaries(
                            {
                                "isco": st.sampled_from(ISCO),
                                "years": st.floats(0, 20),
                                "last_year": st.integers(2005, 2026),
                            }
                        ),
                        max_size=2,
                    )
                ),
                "desired_occupations": [],
                "skills": draw(
                    st.lists(st.sampled_from(SKILLS), min_size=1, max_size=6, unique=True)
                ),
                "languages": [],
                "licences": [],
                "education_level": draw(education),
                "work_time": [],
                "limitations": [],
            }
        )
        for i in range(draw(st.integers(1, max_profiles)))
    ]
    vacancies = [
        Vacancy.from_json(
            {
                "id": f"v{i}",
                "location": draw(locations),
                "remote": draw(st.sampled_from(voc.REMOTE_MODES)),
                "occupation": draw(st.sampled_from(ISCO)),
                "required_skills": draw(st.lists(st.sampled_from(SKILLS), max_size=3, unique=True)),
                "preferred_skills": draw(
                    st.lists(st.sampled_from(SKILLS), max_size=3, unique=True)
                ),
                "languages": [],
                "licences": [],
                "education_level_min": draw(education),
                "work_time": draw(st.sampled_from(voc.WORK_TIMES)),
                "demands": [],
            }
        )
        for i in range(draw(st.integers(1, max_vacancies)))
    ]
    return profiles, vacancies
