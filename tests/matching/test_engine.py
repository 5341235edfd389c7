"""The engine against its readable definitions: constraints, scores, ranking, updates, batch."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saumaton.matching import MatchIndex, batch
from saumaton.matching.batch import vacancies_for_all
from saumaton.matching.constraints import violations
from saumaton.matching.reasons import pair_score

from .strategies import open_worlds, profile_json, vacancy_json, worlds

YEAR = 2026
K = 4


def reference_top(query, candidates, score, k):
    """Brute force: every feasible candidate, sorted by rounded score and then id text."""
    feasible = [c for c in candidates if not violations(*score.pair(query, c))]
    ranked = sorted(feasible, key=lambda c: (-round(score(query, c), 9), str(c.id)))
    return [c.id for c in ranked[:k]]


class _Scorer:
    def __init__(self, index, query_is_profile):
        self.index, self.query_is_profile = index, query_is_profile

    def pair(self, query, candidate):
        return (query, candidate) if self.query_is_profile else (candidate, query)

    def __call__(self, query, candidate):
        return pair_score(*self.pair(query, candidate), self.index.skill_idf, YEAR)


@settings(max_examples=100, deadline=None)
@given(worlds())
def test_results_are_feasible_and_equal_brute_force(world):
    profiles, vacancies = world
    index = MatchIndex(profiles, vacancies, current_year=YEAR)
    for profile in profiles:
        matches = index.vacancies_for(profile.id, K)
        for match in matches:
            assert violations(profile, index.vacancy_records[match.id]) == []
            total = sum(r.contribution for r in match.reasons)
            assert abs(total - match.score) < 1e-9
        expected = reference_top(profile, vacancies, _Scorer(index, True), K)
        assert [m.id for m in matches] == expected
    for vacancy in vacancies:
        matches = index.jobseekers_for(vacancy.id, K)
        for match in matches:
            assert violations(index.profile_records[match.id], vacancy) == []
        expected = reference_top(vacancy, profiles, _Scorer(index, False), K)
        assert [m.id for m in matches] == expected


@pytest.mark.parametrize("preselect", [1, 4])
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(world=st.one_of(worlds(), open_worlds()))
def test_batch_equals_single_queries(world, preselect, monkeypatch):
    """Also with the bar set from the k best-overlapping pairs alone (``preselect=1``), and in
    open worlds where people have many feasible jobs, so that the pruning of
    ``batch._contenders`` is exercised."""
    monkeypatch.setattr(batch, "PRESELECT_PER_K", preselect)
    profiles, vacancies = world
    index = MatchIndex(profiles, vacancies, current_year=YEAR)
    result = vacancies_for_all(index, K)
    for profile_id, found in result.matches(index):
        single = index.vacancies_for(profile_id, K)
        assert [v for v, _ in found] == [m.id for m in single]


@settings(max_examples=60, deadline=None)
@given(worlds(), st.data())
def test_incremental_updates_equal_rebuild(world, data):
    profiles, vacancies = world
    index = MatchIndex(profiles, vacancies, current_year=YEAR)
    live_p = {p.id: p for p in profiles}
    live_v = {v.id: v for v in vacancies}
    for step in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["up_p", "up_v", "rm_p", "rm_v", "new_p", "new_v"]))
        if action in ("up_p", "new_p"):
            pid = data.draw(st.sampled_from(sorted(live_p))) if action == "up_p" else f"n{step}"
            live_p[pid] = data.draw(profile_json(pid))
            index.upsert_profile(live_p[pid])
        elif action in ("up_v", "new_v"):
            vid = data.draw(st.sampled_from(sorted(live_v))) if action == "up_v" else f"w{step}"
            live_v[vid] = data.draw(vacancy_json(vid))
            index.upsert_vacancy(live_v[vid])
        elif action == "rm_p" and len(live_p) > 1:
            index.remove_profile(live_p.pop(data.draw(st.sampled_from(sorted(live_p)))).id)
        elif action == "rm_v" and len(live_v) > 1:
            index.remove_vacancy(live_v.pop(data.draw(st.sampled_from(sorted(live_v)))).id)
    rebuilt = MatchIndex(live_p.values(), live_v.values(), current_year=YEAR)

    def ranked(matches):
        return [(m.id, round(m.score, 9)) for m in matches]

    for pid in live_p:
        assert ranked(index.vacancies_for(pid, K)) == ranked(rebuilt.vacancies_for(pid, K))
    for vid in live_v:
        assert ranked(index.jobseekers_for(vid, K)) == ranked(rebuilt.jobseekers_for(vid, K))


def test_removed_records_cannot_be_queried():
    index = MatchIndex([], [], current_year=YEAR)
    with pytest.raises(KeyError):
        index.vacancies_for("nobody")


@settings(max_examples=40, deadline=None)
@given(st.one_of(worlds(), open_worlds()))
def test_one_pair_at_a_time_agrees_with_the_record_level_constraints(world):
    from saumaton.matching.pairs import feasible

    profiles, vacancies = world
    index = MatchIndex(profiles, vacancies, current_year=YEAR)
    for profile in profiles:
        for vacancy in vacancies:
            ok = feasible(
                index.profiles,
                index.profiles.row_of[profile.id],
                index.vacancies,
                index.vacancies.row_of[vacancy.id],
            )
            assert bool(ok) == (violations(profile, vacancy) == [])
