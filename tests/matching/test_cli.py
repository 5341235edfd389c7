"""The ``saumaton match`` command: a good run, and bad input that writes nothing."""

from __future__ import annotations

import io
import json

from saumaton.matching.cli import main

PROFILE = {
    "id": "p1",
    "location": {"municipality": "091", "lat": 60.17, "lon": 24.94},
    "max_commute_km": 30,
    "accepts_remote": True,
    "occupations": [{"isco": "5223", "years": 4, "last_year": 2025}],
    "desired_occupations": ["5223"],
    "skills": ["00000000-0000-0000-0000-000000000001"],
    "languages": [{"code": "fi", "level": "native"}],
    "licences": ["driving_b"],
    "education_level": 3,
    "work_time": ["full_time"],
    "limitations": [],
}
VACANCY = {
    "id": "v1",
    "location": {"municipality": "049", "lat": 60.21, "lon": 24.66},
    "remote": "on_site",
    "occupation": "5223",
    "required_skills": ["00000000-0000-0000-0000-000000000001"],
    "preferred_skills": [],
    "languages": [{"code": "fi", "level": "B2"}],
    "licences": [],
    "education_level_min": 3,
    "work_time": "full_time",
    "demands": [],
}


def _files(tmp_path, profiles, vacancies):
    j, v = tmp_path / "j.jsonl", tmp_path / "v.jsonl"
    j.write_text("".join(json.dumps(p) + "\n" for p in profiles))
    v.write_text("".join(json.dumps(x) + "\n" for x in vacancies))
    return j, v


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(), out, err)
    return code, out.getvalue(), err.getvalue()


def test_good_run_both_directions(tmp_path):
    far = VACANCY | {"id": "v2", "location": {"municipality": "837", "lat": 61.5, "lon": 23.8}}
    j, v = _files(tmp_path, [PROFILE], [VACANCY, far])
    out = tmp_path / "out.jsonl"
    argv = ["--jobseekers", str(j), "--vacancies", str(v), "--k", "10", "--year", "2026"]
    code, _, err = _run([*argv, "--direction", "vacancies-for-jobseekers", "--out", str(out)])
    assert code == 0, err
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["id"] == "p1"
    assert [m["id"] for m in line["matches"]] == ["v1"]  # v2 is beyond the 30 km commute
    match = line["matches"][0]
    assert abs(sum(r["contribution"] for r in match["reasons"]) - match["score"]) < 1e-5
    assert {r["code"] for r in match["reasons"]} >= {"occupation_experience", "required_skills"}
    code, stdout, _ = _run([*argv, "--direction", "jobseekers-for-vacancies"])
    assert code == 0
    lines = [json.loads(x) for x in stdout.splitlines()]
    assert [(x["id"], [m["id"] for m in x["matches"]]) for x in lines] == [
        ("v1", ["p1"]),
        ("v2", []),
    ]


def test_bad_record_reports_line_and_field_and_writes_nothing(tmp_path):
    bad = PROFILE | {"id": "p2", "languages": [{"code": "fi", "level": "B3"}]}
    j, v = _files(tmp_path, [PROFILE, bad], [VACANCY | {"remote": "sometimes"}])
    out = tmp_path / "out.jsonl"
    code, stdout, err = _run(
        [
            *("--jobseekers", str(j), "--vacancies", str(v)),
            *("--direction", "vacancies-for-jobseekers", "--out", str(out)),
        ]
    )
    assert code == 2
    assert f"{j}:2: languages[0].level:" in err
    assert f"{v}:1: remote:" in err
    assert not out.exists() and stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.jsonl", "v.jsonl"]


def test_duplicate_ids_and_bad_json_are_reported(tmp_path):
    j, v = _files(tmp_path, [PROFILE, PROFILE], [VACANCY])
    with v.open("a") as handle:
        handle.write("{not json\n")
    code, _, err = _run(
        ["--jobseekers", str(j), "--vacancies", str(v), "--direction", "vacancies-for-jobseekers"]
    )
    assert code == 2
    assert f"{j}:2: id: duplicate" in err and f"{v}:2: invalid JSON" in err


def test_usage_error_exits_2():
    code, _, err = _run(["--direction", "sideways"])
    assert code == 2 and "usage" in err


def test_demo_data_export(tmp_path):
    code, _, _ = _run(
        ["demo-data", "--size", "small", "--scale", "0.02", "--today", "2026-06-01",
         "--out-dir", str(tmp_path)]
    )  # fmt: skip
    assert code == 0
    jobseekers = (tmp_path / "jobseekers.jsonl").read_text().splitlines()
    vacancies = (tmp_path / "vacancies.jsonl").read_text().splitlines()
    assert len(jobseekers) == 160 and len(vacancies) > 0
    code, _, err = _run(
        [
            *("--jobseekers", str(tmp_path / "jobseekers.jsonl")),
            *("--vacancies", str(tmp_path / "vacancies.jsonl")),
            *("--direction", "jobseekers-for-vacancies", "--out", str(tmp_path / "o.jsonl")),
        ]
    )
    assert code == 0, err
