"""The law as dated data: one rule set per effective date (*voimaantulopäivä*).

Why: a case is judged by the law in force on the date of the fact (start of job search, date of
the failure, payment day), and the law changed on 2022-05-02, 2025-01-01, 2026-01-01, 2026-03-01,
2026-05-01 and 2026-09-01. Each rule set is a complete, frozen snapshot; a later set is written as
"the previous one, with these changes" so a reader sees exactly what each amendment switched on.

Every value is a :class:`Cited` value: the number, the act and section it comes from, and
``verified``. ``verified=False`` marks rules the project's statutory notes label UNCONFIRMED
(RULES.md §1); answers that use one say so, so a human checks the case.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

from saumaton.rules.errors import RuleInputError

T = TypeVar("T")


@dataclass(frozen=True)
class Cited(Generic[T]):
    """A rule value with its legal source; ``verified=False`` for UNCONFIRMED rules."""

    value: T
    basis: str
    verified: bool = True


@dataclass(frozen=True)
class LadderStep:
    """One step of the sanction ladder (*seuraamusporras*)."""

    consequence: str  # "reminder" | "benefit_loss" | "work_requirement"
    days: int | None = None  # length of the benefit-loss period (*korvaukseton määräaika*)
    weeks: int | None = None  # length of the work requirement (*työssäolovelvoite*)


@dataclass(frozen=True)
class ShareStep:
    """Municipal share (*kunnan rahoitusosuus*) up to and including ``upto`` paid days."""

    upto: int | None  # None = no upper bound
    share: float


@dataclass(frozen=True)
class Duty:
    """A job-search duty pattern: ``periods`` review periods of ``months`` each, ``required``."""

    periods: int
    months: int
    required: int


@dataclass(frozen=True)
class RuleSet:
    """All rules in force from ``effective`` until the next rule set."""

    effective: date
    name: str
    # --- service process, 380/2023 ch. 4 -----------------------------------------------------
    initial_interview_working_days: Cited[int]
    phase1_supplementary: Cited[tuple[int, int] | None]  # (count, interval in days) or None
    job_search_conversation_months: Cited[int]
    jsc_anchor_includes_phase1: bool  # 2025: 3 months from the latest of interview/jsc/phase-1
    six_month_block: Cited[tuple[int, int] | None]  # (months between blocks, conversations)
    laid_off_phase1_only_on_request: Cited[bool]
    short_remaining_unemployment_skip: Cited[bool]
    long_service_rule: Cited[bool]
    # --- job-search duty, 380/2023 ch. 5 -----------------------------------------------------
    duty_default: Cited[Duty]
    duty_part_time: Cited[Duty]
    duty_shortened_hours_layoff: Cited[Duty]
    duty_self_study: Cited[Duty]
    duty_laid_off_start_months: Cited[int]
    duty_exemptions: Cited[tuple[str, ...]]
    # --- sanctions, TTL ch. 2 a and 380/2023 §41 ---------------------------------------------
    ladder: Cited[tuple[LadderStep, ...]]
    ladder_beyond_last_step_verified: bool
    memory_window_months: Cited[int]
    resignation_days: Cited[tuple[int, int, int]]  # (days, short-job days, short-job limit)
    refusal_days: Cited[tuple[int, int, int, int]]  # (days, short days, limit, start delay)
    assigned_job_binding_after_months: Cited[int | None]  # None = binding from the start
    assigned_job_excused_by_met_count: Cited[bool]
    statement_issuer: Cited[str]  # "employment_authority" | "keha"
    statement_deadline_days: Cited[int | None]
    work_requirement_restoration_weeks: Cited[int]
    # --- financing, TTL ch. 14 and 555/1998 §4 -----------------------------------------------
    share_ladders: Cited[dict[str, tuple[ShareStep, ...]]]
    general_support_share: Cited[tuple[ShareStep, ...] | None]
    abolished_benefits: Cited[tuple[str, ...]]
    share_stops_during_services: Cited[bool]
    full_basic_daily_amount: Cited[float | None]
    # --- subsidies and services, 380/2023 ch. 6–10 -------------------------------------------
    wage_subsidy_in_scope: Cited[bool]
    job_search_profile_duty: Cited[bool]


# ---- 2022-05-02: the Nordic job-search model (Acts 1379/2021 and 1380/2021) ---------------

_NORDIC = RuleSet(
    effective=date(2022, 5, 2),
    name="Nordic job-search model (pohjoismainen työvoimapalvelumalli)",
    initial_interview_working_days=Cited(5, "916/2012 ch. 2 as amended by 1379/2021; HE 167/2021"),
    phase1_supplementary=Cited(
        (5, 14), "916/2012 as amended by 1379/2021 (every 2 weeks, first 3 months)", False
    ),
    job_search_conversation_months=Cited(3, "916/2012 as amended by 1379/2021; HE 167/2021"),
    jsc_anchor_includes_phase1=True,
    six_month_block=Cited((6, 2), "HE 167/2021 (two conversations every six months)", False),
    laid_off_phase1_only_on_request=Cited(True, "916/2012 as amended by 1379/2021", False),
    short_remaining_unemployment_skip=Cited(True, "916/2012 as amended by 1379/2021", False),
    long_service_rule=Cited(True, "916/2012 as amended by 1379/2021", False),
    duty_default=Cited(Duty(3, 1, 4), "916/2012 as amended by 1379/2021; HE 167/2021"),
    duty_part_time=Cited(Duty(1, 3, 1), "916/2012 as amended by 1379/2021"),
    duty_shortened_hours_layoff=Cited(Duty(1, 3, 1), "916/2012 as amended by 1379/2021"),
    duty_self_study=Cited(Duty(1, 3, 3), "916/2012 as amended by 1379/2021", False),
    duty_laid_off_start_months=Cited(3, "916/2012 as amended by 1379/2021", False),
    duty_exemptions=Cited(
        (
            "multisectoral_support_need",
            "not_work_capable",
            "literacy_studies",
            "joint_procurement_training",
            "prevented_from_labour_market",
        ),
        "916/2012 as amended by 1379/2021 (carried into 380/2023 §48)",
        False,
    ),
    ladder=Cited(
        (
            LadderStep("reminder"),
            LadderStep("benefit_loss", days=7),
            LadderStep("benefit_loss", days=14),
            LadderStep("work_requirement", weeks=12),
        ),
        "TTL 2a:9–2a:10 (1380/2021); reminder: 916/2012 as amended by 1379/2021",
    ),
    ladder_beyond_last_step_verified=True,
    memory_window_months=Cited(12, "TTL 2a:9–2a:10 (1380/2021): 12 months from the first failure"),
    resignation_days=Cited((45, 30, 5), "TTL 2a:1 (1380/2021)"),
    refusal_days=Cited((45, 30, 14, 30), "TTL 2a:4 (1380/2021)"),
    assigned_job_binding_after_months=Cited(6, "TTL 2a:9(1)(6) (1380/2021)"),
    assigned_job_excused_by_met_count=Cited(True, "TTL 2a:13 (1380/2021)"),
    statement_issuer=Cited(
        "employment_authority",
        "TTL 11:4 (TE office as the state employment authority before 2025)",
        False,
    ),
    statement_deadline_days=Cited(None, "no decree on statement time limits before 512/2024"),
    work_requirement_restoration_weeks=Cited(12, "TTL 2a:10(2) (1380/2021)"),
    share_ladders=Cited(
        {
            "labour_market_subsidy": (
                ShareStep(300, 0.0),
                ShareStep(1000, 0.5),
                ShareStep(None, 0.7),
            )
        },
        "TTL 14:3a (old model, 2015–2024): state 100 % to day 300, 50/50 to day 1,000, then 30/70",
    ),
    general_support_share=Cited(None, "general support does not exist before 2026-05-01"),
    abolished_benefits=Cited(("general_support",), "general support starts on 2026-05-01"),
    share_stops_during_services=Cited(True, "TTL 14:3a (old model): no share during services"),
    full_basic_daily_amount=Cited(None, "amount not tabulated before 2025 (give daily_amount)"),
    wage_subsidy_in_scope=Cited(False, "916/2012 ch. 7 (not modelled)"),
    job_search_profile_duty=Cited(False, "voluntary profile"),
)

# ---- 2025-01-01: TE24, the municipal employment authority (380/2023, 385/2023, 387/2023) ---

_TE24 = replace(
    _NORDIC,
    effective=date(2025, 1, 1),
    name="TE24: municipal employment authorities (380/2023)",
    initial_interview_working_days=Cited(5, "380/2023 §31"),
    phase1_supplementary=Cited((5, 14), "380/2023 §32(1)(1) (435/2024)"),
    job_search_conversation_months=Cited(3, "380/2023 §32(1)(2), §35"),
    six_month_block=Cited((6, 2), "380/2023 §32(1)(3)"),
    laid_off_phase1_only_on_request=Cited(True, "380/2023 §32(4)"),
    short_remaining_unemployment_skip=Cited(True, "380/2023 §32(3) (435/2024)"),
    long_service_rule=Cited(True, "380/2023 §33"),
    duty_default=Cited(Duty(3, 1, 4), "380/2023 §44(1)"),
    duty_part_time=Cited(Duty(1, 3, 1), "380/2023 §47(1)"),
    duty_shortened_hours_layoff=Cited(Duty(1, 3, 1), "380/2023 §47(1)"),
    duty_self_study=Cited(Duty(1, 3, 3), "380/2023 §47(2)"),
    duty_laid_off_start_months=Cited(3, "380/2023 §46 (435/2024)"),
    duty_exemptions=Cited(_NORDIC.duty_exemptions.value, "380/2023 §48 (697/2023, 435/2024)"),
    ladder=Cited(_NORDIC.ladder.value, "380/2023 §41 (691/2023); TTL 2a:9–2a:10 (385/2023)"),
    statement_issuer=Cited("keha", "TTL 11:4a(1) (438/2024): ch. 2 a statements by KEHA"),
    statement_deadline_days=Cited(
        30, "TEM decree 512/2024 §1 (30 days for TTL 11:4a(1) statements)", False
    ),
    share_ladders=Cited(
        {
            "labour_market_subsidy": (
                ShareStep(100, 0.0),
                ShareStep(200, 0.10),
                ShareStep(300, 0.20),
                ShareStep(400, 0.30),
                ShareStep(700, 0.40),
                ShareStep(None, 0.50),
            ),
            "basic_allowance": (
                ShareStep(100, 0.0),
                ShareStep(200, 0.10),
                ShareStep(300, 0.20),
                ShareStep(400, 0.30),
                ShareStep(None, 0.40),
            ),
            "earnings_related_allowance": (
                ShareStep(100, 0.0),
                ShareStep(200, 0.10),
                ShareStep(300, 0.20),
                ShareStep(400, 0.30),
                ShareStep(None, 0.40),
            ),
        },
        "TTL 14:3a–3b (385/2023); 555/1998 §4 (387/2023)",
    ),
    share_stops_during_services=Cited(False, "TTL 14:3a (385/2023): not interrupted by services"),
    full_basic_daily_amount=Cited(37.21, "TTL 6:1, index-adjusted (Kela: €37.21/day in 2025–2026)"),
    wage_subsidy_in_scope=Cited(True, "380/2023 §§81–94 (1098/2024, 1101/2024)"),
)

# ---- 2026-01-01: HE 108/2025, service process (amendments of December 2025) ---------------

_HE108 = "380/2023 as amended in December 2025 (HE 108/2025; TyVM 9/2025)"

_TYKE = replace(
    _TE24,
    effective=date(2026, 1, 1),
    name="Lighter service process (HE 108/2025)",
    initial_interview_working_days=Cited(10, f"{_HE108} §31"),
    phase1_supplementary=Cited(None, f"{_HE108} §32: need-based only, no fixed schedule"),
    job_search_conversation_months=Cited(3, f"{_HE108} §32: every 3 months from the interview"),
    jsc_anchor_includes_phase1=False,
    six_month_block=Cited(None, f"{_HE108} §32 (removal inferred)", False),
    laid_off_phase1_only_on_request=Cited(False, f"{_HE108} §32: no phase 1 to request"),
    short_remaining_unemployment_skip=Cited(True, f"{_HE108} §32(3) (survival unconfirmed)", False),
    long_service_rule=Cited(True, f"{_HE108} §33 (survival unconfirmed)", False),
    duty_part_time=Cited(Duty(3, 1, 4), f"{_HE108} §47: full duty for part-time workers"),
    duty_shortened_hours_layoff=Cited(Duty(1, 3, 1), f"{_HE108} §47(1) (unchanged?)", False),
    duty_self_study=Cited(Duty(1, 3, 3), "380/2023 §47(2) (no 2026 change found)", False),
    assigned_job_binding_after_months=Cited(None, f"{_HE108}; TTL 2a:9: binding from the start"),
    assigned_job_excused_by_met_count=Cited(False, "TTL 2a:13 as amended (HE 108/2025)"),
)

# ---- 2026-03-01: the new sanction ladder (TyVM 9/2025 moved it from 1.1 to 1.3.2026) -------

_LADDER_2026 = replace(
    _TYKE,
    effective=date(2026, 3, 1),
    name="New sanction ladder (HE 108/2025, from 2026-03-01)",
    ladder=Cited(
        (LadderStep("benefit_loss", days=7), LadderStep("work_requirement", weeks=6)),
        "TTL 2a:9–2a:10 as amended in December 2025 (HE 108/2025; TyVM 9/2025)",
    ),
    ladder_beyond_last_step_verified=False,
    work_requirement_restoration_weeks=Cited(6, "TTL 2a:10 as amended (HE 108/2025)"),
)

# ---- 2026-05-01: general support (yleistuki) replaces TMT and PPR --------------------------

_GENERAL_SUPPORT = replace(
    _LADDER_2026,
    effective=date(2026, 5, 1),
    name="General support replaces labour market subsidy and basic allowance",
    general_support_share=Cited(
        (
            ShareStep(100, 0.0),
            ShareStep(200, 0.10),
            ShareStep(300, 0.20),
            ShareStep(400, 0.30),
            ShareStep(700, 0.40),
            ShareStep(None, 0.50),
        ),
        "UNCONFIRMED: general support act (HE 112/2025) and 555/1998 §4 as amended for "
        "2026-05-01 not verified; configured, not the law",
        False,
    ),
    abolished_benefits=Cited(
        ("labour_market_subsidy", "basic_allowance"),
        "general support act (HE 112/2025): TMT and PPR abolished from 2026-05-01",
    ),
    full_basic_daily_amount=Cited(37.21, "general support act (Kela: €37.21/day in 2026)"),
)

# ---- 2026-09-01: job-search profile obligation ---------------------------------------------

_PROFILE = replace(
    _GENERAL_SUPPORT,
    effective=date(2026, 9, 1),
    name="Job-search profile obligation",
    job_search_profile_duty=Cited(True, f"{_HE108}: §§127–131 (profile duty)"),
)

# ---- History: only the old financing model of TMT (2015-01-01 → 2024-12-31) ----------------

FINANCING_HISTORY = replace(
    _NORDIC,
    effective=date(2015, 1, 1),
    name="History: old labour market subsidy financing model (financing questions only)",
)

RULE_SETS: tuple[RuleSet, ...] = (_NORDIC, _TE24, _TYKE, _LADDER_2026, _GENERAL_SUPPORT, _PROFILE)
EFFECTIVE_DATES: tuple[date, ...] = tuple(rs.effective for rs in RULE_SETS)


def ruleset_for(fact_date: date, field: str = "date") -> RuleSet:
    """The rule set in force on ``fact_date`` (the date of the fact, not of processing).

    ``field`` names the input that carried the date, for the error when it predates 2022-05-02.
    """
    index = bisect_right(EFFECTIVE_DATES, fact_date) - 1
    if index < 0:
        raise RuleInputError(
            f"{fact_date.isoformat()} is before 2022-05-02: outside the rule sets", field
        )
    return RULE_SETS[index]


def financing_ruleset_for(payment_date: date, field: str = "payment_date") -> RuleSet:
    """Like :func:`ruleset_for`, reaching back to 2015 for the old TMT financing model."""
    if FINANCING_HISTORY.effective <= payment_date < RULE_SETS[0].effective:
        return FINANCING_HISTORY
    if payment_date < FINANCING_HISTORY.effective:
        raise RuleInputError(
            f"{payment_date.isoformat()} is before 2015-01-01: outside the rule sets", field
        )
    return ruleset_for(payment_date, field)
