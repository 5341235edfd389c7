"""The JSON interface contract: answers in order, specific errors with their field, exit 2."""

import io
import json

import pytest

from saumaton.rules.cli import main
from saumaton.rules.questions import QUESTIONS, answer


def run(text, argv=("eval",)):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), io.StringIO(text), out, err)
    return code, json.loads(out.getvalue()) if argv[0] == "eval" else out.getvalue(), err.getvalue()


GOOD = {"question": "add_working_days", "start": "2026-06-12", "days": 10}


def test_object_in_object_out():
    code, result, _ = run(json.dumps(GOOD))
    assert code == 0
    assert result["date"] == "2026-06-29" and "basis" in result and "ruleset" in result


def test_array_in_array_out_in_order_and_failures_do_not_stop_the_batch():
    batch = [
        GOOD,
        {"question": "initial_interview_deadline", "job_search_start": "2026-13-01"},
        {
            "question": "municipal_share",
            "benefit": "basic_allowance",
            "paid_day_number": 401,
            "payment_date": "2025-02-03",
        },
    ]
    code, result, err = run(json.dumps(batch))
    assert code == 2 and err
    assert result[0]["date"] == "2026-06-29"
    assert result[1] == {"error": "not a real calendar date", "field": "job_search_start"}
    assert result[2]["share"] == 0.4 and result[2]["ruleset"] == "2025-01-01"


@pytest.mark.parametrize(
    ("question", "error"),
    [
        ({"question": "what"}, "question"),
        ({"start": "2026-01-01"}, "question"),
        ({"question": "add_working_days", "start": "2026-01-01"}, "days"),
        ({"question": "add_working_days", "start": "1.1.2026", "days": 1}, "start"),
        ({"question": "add_working_days", "start": "2026-01-01", "days": "3"}, "days"),
        ({"question": "add_working_days", "start": "2026-01-01", "days": True}, "days"),
        ({"question": "add_working_days", "start": "2026-01-01", "days": 1, "dayz": 2}, "dayz"),
        (
            {
                "question": "municipal_share",
                "benefit": "pension",
                "paid_day_number": 1,
                "payment_date": "2025-01-01",
            },
            "benefit",
        ),
        (
            {
                "question": "municipal_share",
                "benefit": "basic_allowance",
                "paid_day_number": 0,
                "payment_date": "2025-01-01",
            },
            "paid_day_number",
        ),
        (
            {
                "question": "failure_consequence",
                "kind": "missed_meeting",
                "date": "2025-01-01",
                "earlier_failures": [
                    {"kind": "missed_meeting", "date": "2024-13-01", "consequence": "reminder"}
                ],
            },
            "earlier_failures[0].date",
        ),
        (
            {"question": "failure_consequence", "kind": "missed_meeting", "date": "2022-04-01"},
            "date",
        ),
        (
            {"question": "job_search_duty", "period_start": "2025-01-01", "situation": "laid_off"},
            "lay_off_start",
        ),
        (
            {
                "question": "wage_subsidy",
                "employer_kind": "company",
                "start": "2025-01-01",
                "age": 30,
                "unemployed_months_in_last_14": 20,
                "reduced_work_ability": False,
            },
            "unemployed_months_in_last_14",
        ),
        ({"question": "validate_hetu", "value": 131052}, "value"),
        (
            {
                "question": "meetings_due",
                "job_search_start": "2025-01-01",
                "on": "2025-02-01",
                "job_search_conversations": ["x"],
            },
            "job_search_conversations[0]",
        ),
        ({"question": "monthly_municipal_cost", "month": "2025-13", "spells": []}, "month"),
    ],
)
def test_errors_name_their_field(question, error):
    result = answer(question)
    assert set(result) == {"error", "field"} and result["field"] == error and result["error"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("{not json", "invalid JSON"), ("42", "input must be a JSON object"), ("", "invalid JSON")],
)
def test_bad_documents(text, message):
    code, result, _ = run(text)
    assert code == 2 and result["error"].startswith(message) and result["field"] is None


def test_non_object_in_array():
    code, result, _ = run(json.dumps([GOOD, 3]))
    assert code == 2 and result[1]["field"] is None and result[0]["date"]


def test_file_argument_and_missing_file(tmp_path):
    path = tmp_path / "q.json"
    path.write_text(json.dumps([GOOD]))
    assert run("", ("eval", str(path)))[1][0]["date"] == "2026-06-29"
    code, result, _ = run("", ("eval", str(tmp_path / "none.json")))
    assert code == 2 and result["error"].startswith("cannot read input")


def test_usage():
    assert run("", ("--help",))[0] == 0
    assert run("", ("frobnicate",))[0] == 2


def test_every_question_answers_its_documented_example():
    examples = {
        "working_days_between": {"start": "2025-12-19", "end": "2026-01-09"},
        "statutory_deadline": {"start": "2026-06-12", "days": 7},
        "initial_interview_deadline": {"job_search_start": "2026-06-12"},
        "meetings_due": {
            "job_search_start": "2025-03-03",
            "initial_interview": "2025-03-06",
            "on": "2025-03-10",
        },
        "municipal_share": {
            "benefit": "general_support",
            "paid_day_number": 250,
            "payment_date": "2026-06-01",
        },
        "monthly_municipal_cost": {
            "month": "2025-06",
            "spells": [
                {"start": "2025-01-01", "end": "2025-12-31", "benefit": "labour_market_subsidy"}
            ],
        },
        "failure_consequence": {
            "kind": "refused_job",
            "date": "2026-06-12",
            "job_duration_days": 10,
        },
        "work_requirement_restoration": {"imposed_on": "2026-03-02", "qualifying_weeks": 4},
        "job_search_duty": {"period_start": "2026-01-01", "situation": "part_time"},
        "evaluate_job_search_period": {
            "start": "2025-03-01",
            "end": "2025-03-31",
            "required": 4,
            "applications": ["2025-03-02"],
        },
        "wage_subsidy": {
            "employer_kind": "association",
            "start": "2025-03-03",
            "age": 40,
            "unemployed_months_in_last_14": 13,
            "reduced_work_ability": False,
            "unemployed_months_in_last_28": 25,
        },
        "service_limits": {"service": "work_trial", "on": "2025-03-03", "age": 22},
        "validate_hetu": {"value": "131052-308T"},
        "validate_business_id": {"value": "1572860-0"},
        "add_working_days": {"start": "2026-06-12", "days": 10},
    }
    assert set(examples) == set(QUESTIONS)
    for name, fields in examples.items():
        result = answer({"question": name, **fields})
        assert "error" not in result, (name, result)
        assert {"ruleset", "basis"} <= set(result)
