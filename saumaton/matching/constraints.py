"""The hard constraints of a (person, vacancy) pair, stated once on the plain records.

This is the readable definition the vectorised masks of the index must agree with (tests check
it by brute force) and the place that says *why* a pair is out. A pair with any violation is
never returned, whatever its score.
"""

from __future__ import annotations

from saumaton.matching import vocabulary as voc
from saumaton.matching.geo import haversine_km
from saumaton.matching.records import JobseekerProfile, Vacancy

# Float slack for the commute limit, so that a vacancy exactly at the limit is inside whichever
# way (haversine here, cosines in the index) the distance is computed.
COMMUTE_TOLERANCE_KM = 1e-6


def distance_km(profile: JobseekerProfile, vacancy: Vacancy) -> float:
    a, b = profile.location, vacancy.location
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def remote_exempt(profile: JobseekerProfile, vacancy: Vacancy) -> bool:
    """A fully remote job the person accepts is exempt from the commute limit."""
    return vacancy.remote == "remote" and profile.accepts_remote


def violations(profile: JobseekerProfile, vacancy: Vacancy) -> list[str]:
    """Codes of every hard constraint the pair breaks; empty when the pair is feasible."""
    found = []
    if (
        not remote_exempt(profile, vacancy)
        and distance_km(profile, vacancy) > profile.max_commute_km + COMMUTE_TOLERANCE_KM
    ):
        found.append("commute")
    held = {skill.code: skill.rank for skill in profile.languages}
    for required in vacancy.languages:
        if held.get(required.code, 0) < required.rank:
            found.append(f"language:{required.code}")
    for licence in vacancy.licences:
        if licence not in profile.licences:
            found.append(f"licence:{licence}")
    excluded = {voc.excluded_demand(limitation) for limitation in profile.limitations}
    for demand in vacancy.demands:
        if demand in excluded:
            found.append(f"demand:{demand}")
    if profile.work_time and vacancy.work_time not in profile.work_time:
        found.append("work_time")
    return found
