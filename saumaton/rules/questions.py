"""The JSON question interface: one plain dict in, one plain dict out.

Why: the CLI (``saumaton rules eval``), the API endpoint ``POST /api/v1/rules/eval`` and the UI
all call :func:`answer`, so a question gets the same answer and the same error through every
door. Input errors never raise: they come back as ``{"error": ..., "field": ...}`` naming the
offending field. The schema of every question is documented in ``docs/rules-cli.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from saumaton.rules import calendar, duty, financing, identifiers, process, sanctions, subsidies
from saumaton.rules.errors import RuleInputError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MISSING = object()


class _Fields:
    """Typed access to a question's fields; remembers which were read to reject the rest."""

    def __init__(self, question: dict[str, Any], prefix: str = "") -> None:
        self.question = question
        self.prefix = prefix
        self.used = {"question"}

    def _get(self, name: str, optional: bool) -> Any:
        self.used.add(name)
        value = self.question.get(name, _MISSING)
        if value is _MISSING or (value is None and optional):
            if optional:
                return None
            raise RuleInputError("missing required field", self.prefix + name)
        return value

    def date(self, name: str, *, optional: bool = False) -> date | None:
        value = self._get(name, optional)
        return None if value is None else _parse_date(value, self.prefix + name)

    def int(self, name: str, *, optional: bool = False, minimum: int | None = None) -> int | None:
        value = self._get(name, optional)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleInputError("must be an integer", self.prefix + name)
        if minimum is not None and value < minimum:
            raise RuleInputError(f"must be {minimum} or more", self.prefix + name)
        return value

    def number(self, name: str, *, optional: bool = False) -> float | None:
        value = self._get(name, optional)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RuleInputError("must be a number", self.prefix + name)
        return float(value)

    def bool(self, name: str, *, default: bool = False) -> bool:
        value = self._get(name, True)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise RuleInputError("must be true or false", self.prefix + name)
        return value

    def str(self, name: str, *, optional: bool = False) -> str | None:
        value = self._get(name, optional)
        if value is None:
            return None
        if not isinstance(value, str):
            raise RuleInputError("must be a string", self.prefix + name)
        return value

    def objects(self, name: str) -> list[_Fields]:
        value = self._get(name, True)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RuleInputError("must be a list", self.prefix + name)
        items = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise RuleInputError("must be an object", f"{self.prefix}{name}[{index}]")
            items.append(_Fields(item, f"{self.prefix}{name}[{index}]."))
        return items

    def dates(self, name: str) -> tuple[date, ...]:
        value = self._get(name, True)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise RuleInputError("must be a list of dates", self.prefix + name)
        return tuple(_parse_date(v, f"{self.prefix}{name}[{i}]") for i, v in enumerate(value))

    def done(self, *, nested: bool = False) -> None:
        for name in self.question:
            if name not in self.used and not (nested and name == "question"):
                raise RuleInputError("unknown field", self.prefix + name)


def _parse_date(value: Any, field: str) -> date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise RuleInputError("must be an ISO 8601 date YYYY-MM-DD", field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RuleInputError("not a real calendar date", field) from None


def _iso(value: Any) -> Any:
    """Dates to ISO strings, recursively, for JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_iso(v) for v in value]
    return value


def _ruled(ruleset: date | None, basis: tuple[str, ...], verified: bool, **fields: Any) -> dict:
    return {**fields, "ruleset": ruleset, "basis": list(basis), "verified": verified}


# ---- calendar ------------------------------------------------------------------------------

_CALENDAR_BASIS = (calendar.BASIS_WORKING_DAY, calendar.BASIS_COUNT_DAYS)


def _add_working_days(f: _Fields) -> dict:
    start, days = f.date("start"), f.int("days")
    f.done()
    return _ruled(None, _CALENDAR_BASIS, True, date=calendar.add_working_days(start, days))


def _working_days_between(f: _Fields) -> dict:
    start, end = f.date("start"), f.date("end")
    f.done()
    return _ruled(None, _CALENDAR_BASIS, True, days=calendar.working_days_between(start, end))


def _statutory_deadline(f: _Fields) -> dict:
    start, days = f.date("start"), f.int("days", minimum=0)
    f.done()
    basis = (calendar.BASIS_COUNT_DAYS, calendar.BASIS_MOVE_DEADLINE)
    return _ruled(None, basis, True, deadline=calendar.calendar_deadline(start, days))


# ---- service process -----------------------------------------------------------------------


def _initial_interview_deadline(f: _Fields) -> dict:
    start = f.date("job_search_start")
    f.done()
    result = process.initial_interview_deadline(start)
    return _ruled(result.ruleset, result.basis, result.verified, deadline=result.deadline)


def _meetings_due(f: _Fields) -> dict:
    history = process.History(
        job_search_start=f.date("job_search_start"),
        status=f.str("status", optional=True) or "unemployed",
        initial_interview=f.date("initial_interview", optional=True),
        supplementary_before_interview=f.bool("supplementary_before_interview"),
        job_search_conversations=f.dates("job_search_conversations"),
        supplementary_conversations=f.dates("supplementary_conversations"),
        requested_supplementary=f.bool("requested_supplementary"),
        unemployment_ends_within_3_months=f.bool("unemployment_ends_within_3_months"),
        long_service_end=f.date("long_service_end", optional=True),
    )
    on = f.date("on")
    f.done()
    result = process.meetings_due(history, on)
    meetings = [asdict(m) for m in result.meetings]
    basis = tuple(dict.fromkeys(b for m in result.meetings for b in m.basis))
    verified = all(m.verified for m in result.meetings)
    return _ruled(result.ruleset, basis, verified, meetings=meetings, notes=list(result.notes))


# ---- financing -----------------------------------------------------------------------------


def _municipal_share(f: _Fields) -> dict:
    benefit = f.str("benefit")
    day = f.int("paid_day_number", minimum=1)
    payment_date = f.date("payment_date")
    result = financing.municipal_share(
        benefit,
        day,
        payment_date,
        lay_off_day=f.bool("lay_off_day"),
        extra_day=f.bool("extra_day"),
        integration_window=f.bool("integration_window"),
        during_service=f.bool("during_service"),
    )
    f.done()
    return _ruled(
        result.ruleset, result.basis, result.verified, share=result.share, payer=financing.PAYER
    )


def _monthly_municipal_cost(f: _Fields) -> dict:
    spells = []
    for item in f.objects("spells"):
        spells.append(
            financing.BenefitSpell(
                start=item.date("start"),
                end=item.date("end"),
                benefit=item.str("benefit"),
                daily_amount=item.number("daily_amount", optional=True),
                lay_off=item.bool("lay_off"),
                new_entitlement=item.bool("new_entitlement"),
            )
        )
        item.done(nested=True)
    month = f.str("month")
    if month is None or not re.match(r"^\d{4}-\d{2}$", month) or not 1 <= int(month[5:]) <= 12:
        raise RuleInputError("must be a month YYYY-MM", "month")
    prior = f.int("prior_paid_days", optional=True, minimum=0) or 0
    f.done()
    result = financing.monthly_municipal_cost(
        spells, int(month[:4]), int(month[5:]), prior_paid_days=prior
    )
    ruleset = result.rulesets[-1] if result.rulesets else None
    return _ruled(
        ruleset,
        result.basis,
        result.verified,
        cost_eur=result.cost_eur,
        paid_days=result.paid_days,
        rulesets=list(result.rulesets),
        step_ups=[asdict(s) for s in result.step_ups],
    )


# ---- sanctions -----------------------------------------------------------------------------


def _failure_consequence(f: _Fields) -> dict:
    kind, failure_date = f.str("kind"), f.date("date")
    earlier = []
    for item in f.objects("earlier_failures"):
        consequence = item.str("consequence")
        if consequence not in sanctions.CONSEQUENCES:
            raise RuleInputError(
                f"one of {', '.join(sanctions.CONSEQUENCES)}", item.prefix + "consequence"
            )
        earlier_kind = item.str("kind")
        if earlier_kind not in sanctions.KINDS:
            raise RuleInputError(f"one of {', '.join(sanctions.KINDS)}", item.prefix + "kind")
        earlier.append(sanctions.EarlierFailure(earlier_kind, item.date("date"), consequence))
        item.done(nested=True)
    result = sanctions.failure_consequence(
        kind,
        failure_date,
        earlier,
        job_duration_days=f.int("job_duration_days", optional=True, minimum=1),
        valid_reason=f.str("valid_reason", optional=True),
        last_initial_interview=f.date("last_initial_interview", optional=True),
        month_count_reported=f.bool("month_count_reported"),
        clarification_received=f.date("clarification_received", optional=True),
    )
    f.done()
    return _ruled(
        result.ruleset,
        result.basis,
        result.verified,
        consequence=result.consequence,
        days=result.days,
        work_requirement_weeks=result.work_requirement_weeks,
        issuer=result.issuer,
        statement_deadline=result.statement_deadline,
        step=result.step,
        starts=result.starts,
        needs_review=result.needs_review,
        notes=list(result.notes),
    )


def _work_requirement_restoration(f: _Fields) -> dict:
    imposed_on, weeks = f.date("imposed_on"), f.int("qualifying_weeks", minimum=0)
    f.done()
    result = sanctions.work_requirement_restoration(imposed_on, weeks)
    return _ruled(
        result.ruleset,
        result.basis,
        result.verified,
        restored=result.restored,
        remaining_weeks=result.remaining_weeks,
        issuer=result.issuer,
    )


# ---- job-search duty -----------------------------------------------------------------------


def _job_search_duty(f: _Fields) -> dict:
    result = duty.job_search_duty(
        f.date("period_start"),
        f.str("situation"),
        lay_off_start=f.date("lay_off_start", optional=True),
        suitable_opportunities=f.int("suitable_opportunities", optional=True, minimum=0),
        exemption=f.str("exemption", optional=True),
        expected_unemployment_end=f.date("expected_unemployment_end", optional=True),
        work_end=f.date("work_end", optional=True),
        service_end=f.date("service_end", optional=True),
    )
    f.done()
    periods = [asdict(p) for p in result.periods]
    return _ruled(
        result.ruleset, result.basis, result.verified, periods=periods, exemption=result.exemption
    )


def _evaluate_job_search_period(f: _Fields) -> dict:
    period = duty.Period(f.date("start"), f.date("end"), f.int("required", minimum=0))
    if period.end < period.start:
        raise RuleInputError("the period ends before it starts", "end")
    result = duty.evaluate_period(period, f.dates("applications"), f.str("excuse", optional=True))
    f.done()
    return _ruled(
        None,
        result.basis,
        True,
        fulfilled=result.fulfilled,
        counted=result.counted,
        required=result.required,
        excuse=result.excuse,
    )


# ---- subsidies and services ----------------------------------------------------------------


def _wage_subsidy(f: _Fields) -> dict:
    result = subsidies.wage_subsidy(
        f.str("employer_kind"),
        f.date("start"),
        f.int("age"),
        f.int("unemployed_months_in_last_14"),
        f.bool("reduced_work_ability"),
        unemployed_months_in_last_28=f.int("unemployed_months_in_last_28", optional=True),
    )
    f.done()
    return _ruled(
        result.ruleset,
        result.basis,
        True,
        eligible=result.eligible,
        percent=result.percent,
        max_months=result.max_months,
        extension_months=result.extension_months,
        pay_cost_multiplier=result.pay_cost_multiplier,
        section=result.section,
        reason=result.reason,
    )


def _service_limits(f: _Fields) -> dict:
    result = subsidies.service_limits(
        f.str("service"), f.date("on"), age=f.int("age", optional=True)
    )
    f.done()
    return _ruled(
        result.ruleset, result.basis, result.verified, service=result.service, **result.limits
    )


# ---- identifiers ---------------------------------------------------------------------------


def _validate_hetu(f: _Fields) -> dict:
    value = f.str("value")
    f.done()
    result = identifiers.validate_hetu(value)
    out: dict[str, Any] = {"valid": result.valid}
    if result.valid:
        out.update(birth_date=result.birth_date, sex=result.sex, temporary=result.temporary)
    else:
        out["reason"] = result.reason
    return _ruled(None, (identifiers.HETU_BASIS,), True, **out)


def _validate_business_id(f: _Fields) -> dict:
    value = f.str("value")
    f.done()
    result = identifiers.validate_business_id(value)
    out: dict[str, Any] = {"valid": result.valid}
    if not result.valid:
        out["reason"] = result.reason
    return _ruled(None, (identifiers.BUSINESS_ID_BASIS,), True, **out)


QUESTIONS: dict[str, Callable[[_Fields], dict]] = {
    "add_working_days": _add_working_days,
    "working_days_between": _working_days_between,
    "statutory_deadline": _statutory_deadline,
    "initial_interview_deadline": _initial_interview_deadline,
    "meetings_due": _meetings_due,
    "municipal_share": _municipal_share,
    "monthly_municipal_cost": _monthly_municipal_cost,
    "failure_consequence": _failure_consequence,
    "work_requirement_restoration": _work_requirement_restoration,
    "job_search_duty": _job_search_duty,
    "evaluate_job_search_period": _evaluate_job_search_period,
    "wage_subsidy": _wage_subsidy,
    "service_limits": _service_limits,
    "validate_hetu": _validate_hetu,
    "validate_business_id": _validate_business_id,
}


def error(message: str, field: str | None) -> dict:
    """The error answer of the contract: ``{"error": ..., "field": ...}``."""
    return {"error": message, "field": field}


def answer(question: Any) -> dict:
    """Answer one question dict; never raises (errors come back as ``error(...)`` dicts)."""
    if not isinstance(question, dict):
        return error("a question must be a JSON object", None)
    name = question.get("question")
    if name is None:
        return error("missing required field", "question")
    if not isinstance(name, str) or name not in QUESTIONS:
        return error(f"unknown question; one of {', '.join(QUESTIONS)}", "question")
    try:
        return {"question": name, **_iso(QUESTIONS[name](_Fields(question)))}
    except RuleInputError as exc:
        return error(exc.message, exc.field)
    except Exception as exc:  # the contract: an answer, never a traceback
        return error(f"internal error ({type(exc).__name__}): {exc}", None)
