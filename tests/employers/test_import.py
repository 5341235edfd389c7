"""Vacancy import: every problem reported by line and column; nothing written unless clean."""

import json

import pytest
from django.core.management import CommandError, call_command

from saumaton.employers.importing import VacancyImportError, import_vacancies
from saumaton.employers.models import IndexChange, Vacancy

from .factories import SKILLS

HEADER = (
    "employer_business_id,title_fi,title_en,occupation,required_skills,languages,licences,"
    "education_level_min,municipality,remote,work_time,demands,deadline,wage_subsidy_eligible\n"
)


def _row(jobs, **change):
    values = {
        "employer_business_id": jobs.employer.business_id,
        "title_fi": "Siivooja",
        "title_en": "Cleaner",
        "occupation": "9112",
        "required_skills": f"{SKILLS[0]};{SKILLS[1]}",
        "languages": "fi:A2",
        "licences": "",
        "education_level_min": "",
        "municipality": jobs.municipality.code,
        "remote": "on_site",
        "work_time": "part_time",
        "demands": "prolonged_standing;repetitive_motion",
        "deadline": "2026-12-31",
        "wage_subsidy_eligible": "true",
    }
    values.update(change)
    return ",".join(values.values()) + "\n"


def test_a_clean_csv_is_imported_whole(world, jobs):
    before = Vacancy.objects.count()
    text = HEADER + _row(jobs) + _row(jobs, title_fi="Toimistosiivooja", work_time="full_time")
    created = import_vacancies(world.area, text, "jobs.csv")
    assert len(created) == 2
    assert Vacancy.objects.count() == before + 2
    cleaner = Vacancy.objects.get(title_fi="Siivooja")
    assert cleaner.languages == [{"code": "fi", "level": "A2"}]
    assert cleaner.demands == ["prolonged_standing", "repetitive_motion"]
    assert (cleaner.lat, cleaner.lon) == (60.17, 24.94)
    assert cleaner.wage_subsidy_eligible and cleaner.status == "published"
    assert IndexChange.objects.filter(key=cleaner.pk, kind="vacancy").exists()


def test_one_bad_line_writes_nothing_and_every_problem_is_named(world, jobs):
    before = Vacancy.objects.count()
    bad = _row(
        jobs,
        occupation="912",
        required_skills="not-a-skill",
        languages="fi:B7",
        deadline="31.12.2026",
        demands="juggling",
    )
    text = HEADER + _row(jobs) + bad + _row(jobs, employer_business_id="1234567-1")
    with pytest.raises(VacancyImportError) as caught:
        import_vacancies(world.area, text, "jobs.csv")
    found = {(e.line, e.column) for e in caught.value.errors}
    assert found == {
        (3, "occupation"),
        (3, "required_skills"),
        (3, "languages"),
        (3, "deadline"),
        (3, "demands"),
        (4, "employer_business_id"),
    }
    assert Vacancy.objects.count() == before


def test_an_employer_of_another_area_is_not_found(world, jobs):
    from tests.factories import OrganisationFactory

    stranger = OrganisationFactory(area=world.other_area, kind="employer")
    with pytest.raises(VacancyImportError) as caught:
        import_vacancies(
            world.area, HEADER + _row(jobs, employer_business_id=stranger.business_id), "x.csv"
        )
    assert [e.column for e in caught.value.errors] == ["employer_business_id"]


def test_json_records_are_numbered_by_position(world, jobs):
    good = {
        "employer_business_id": jobs.employer.business_id,
        "title_sv": "Kock",
        "occupation": "5120",
        "required_skills": SKILLS[:2],
        "languages": [{"code": "sv", "level": "B1"}],
        "municipality": jobs.municipality.code,
    }
    with pytest.raises(VacancyImportError) as caught:
        import_vacancies(world.area, json.dumps([good, {**good, "remote": "moon"}]), "x.json")
    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "remote")]
    assert len(import_vacancies(world.area, json.dumps([good]), "x.json")) == 1


def test_command_reports_lines_and_imports_nothing(world, jobs, tmp_path):
    path = tmp_path / "jobs.csv"
    path.write_text(HEADER + _row(jobs, occupation="x"), encoding="utf-8")
    before = Vacancy.objects.count()
    with pytest.raises(CommandError, match="line 2, occupation"):
        call_command("importvacancies", str(path), "--area", world.area.code)
    assert Vacancy.objects.count() == before
    path.write_text(HEADER + _row(jobs), encoding="utf-8")
    call_command("importvacancies", str(path), "--area", world.area.code)
    assert Vacancy.objects.count() == before + 1
