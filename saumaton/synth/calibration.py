"""Calibration targets of the synthetic population, each tied to its source and confidence.

Every figure the generator aims at lives here so that a new monthly bulletin changes one module.
Citations name the section of ``STATISTICS.md`` (S§) or ``RULES.md`` (R§) in
``/work/shared/domain`` and repeat the confidence label used there: *confirmed*, *reported*,
*derived* or *UNCONFIRMED* (a placeholder chosen for the generator, not a published figure).
Shares are fractions of the stock of unemployed jobseekers unless stated otherwise.
"""

from __future__ import annotations

from datetime import date

# --- Stock sizes -------------------------------------------------------------------------------

# S§12 suggests ≈ 7,500 for the demo area; the brief asks for about 8,000. derived.
SMALL_JOBSEEKERS = 8_000
# S§9: Helsinki had 50,290 unemployed jobseekers in Dec 2025, rounded. confirmed.
CITY_JOBSEEKERS = 50_000
# S§2 / S§11: January 2026 stock (Employment Bulletin). confirmed. Spread over municipalities by
# GeoNames place population, which is only a rough guide (S§9, "City sizes"). reported.
NATIONAL_JOBSEEKERS = 346_400

# --- Age ---------------------------------------------------------------------------------------

# (first age, last age, share). Under 25 = 12 % and 55+ = 25 % (S§2 Jan 2026: 12.2 % / 25.3 %;
# S§11). confirmed. The split of the middle 63 % and of the 17-year-olds is UNCONFIRMED.
AGE_BANDS: tuple[tuple[int, int, float], ...] = (
    (17, 17, 0.003),
    (18, 24, 0.117),
    (25, 34, 0.22),
    (35, 44, 0.21),
    (45, 54, 0.20),
    (55, 59, 0.13),
    (60, 64, 0.12),
)
UNDER_25_SHARE = 0.12
AGED_55_PLUS_SHARE = 0.25
# A job search cannot have started before this age (compulsory education ends at 18, but
# 16-year-olds may register); used to clamp long durations of the youngest. UNCONFIRMED.
MIN_AGE_AT_JOB_SEARCH_START = 16

# --- Duration of unemployment ---------------------------------------------------------------

# S§2 / S§11: 40 % long-term (≥ 12 months), of which half ≥ 24 months (Jan 2026: 40.3 % and
# 70,100 / 346,400 = 20.2 %). confirmed.
LONG_TERM_SHARE = 0.40
TWO_YEAR_SHARE = 0.20
# Relative odds of being long-term by age: young people's spells end sooner, the over-55s'
# later (S§4: 48.5 % of under-25 spells vs 43.7 % of 55+ spells end within 3 months). The
# direction is confirmed; the size of the factors is UNCONFIRMED. The base is rescaled so that
# the stock share stays at ``LONG_TERM_SHARE``.
LONG_TERM_AGE_FACTOR = {"under_25": 0.5, "25_54": 1.0, "55_plus": 1.4}
# Monthly exit hazard by elapsed month, used to shape the elapsed time within each duration
# band: ≈ 20 %/month in months 1–3 falling to ≈ 3 %/month after a year (S§4, S§11). derived.
# The 8 %/month of months 4–12 is an interpolation. UNCONFIRMED.
EXIT_HAZARD_BY_MONTH = ((3, 0.20), (12, 0.08), (None, 0.03))
# Longest generated job search (8 years). UNCONFIRMED.
MAX_DURATION_MONTHS = 96

# --- Foreign background and language ------------------------------------------------------------

# Foreign citizens (S§5, S§11): 16 % nationally, 10–16 % outside the capital region, 25–35 % in
# Helsinki. The rule below reproduces ≈ 16 % nationally: Helsinki 30 % (UNCONFIRMED, S§5
# "Helsinki"), the rest of Helsinki-Uusimaa 22 % (UNCONFIRMED), elsewhere 12 % (S§12 demo area).
FOREIGN_SHARE_HELSINKI = 0.30
FOREIGN_SHARE_REST_OF_UUSIMAA = 0.22
FOREIGN_SHARE_ELSEWHERE = 0.12
HELSINKI_CODE = "091"
UUSIMAA_REGION_CODE = "FI1B1"
# S§5: women are 49.5 % of the foreign unemployed (Dec 2025). confirmed.
FOREIGN_WOMEN_SHARE = 0.495
# Gender split of the whole stock: no published figure found (S§15). UNCONFIRMED placeholder.
MALE_SHARE = 0.54
# Finnish citizens with a foreign mother tongue, as a multiple of the local foreign-citizen
# share. Makes the foreign-language share higher than the foreign-citizen share (S§5 generator
# note, confirmed as a direction); the factor is UNCONFIRMED.
FOREIGN_LANGUAGE_CITIZEN_FACTOR = 0.35

# Citizenships of foreign jobseekers: Ukrainians and Russians are the largest groups (S§5, Jun
# 2024: ≈ 6,100 and ≈ 5,800 of 46,709, reported); the rest of the mix is UNCONFIRMED.
FOREIGN_CITIZENSHIPS: dict[str, float] = {
    "UA": 0.13,
    "RU": 0.12,
    "IQ": 0.08,
    "SO": 0.06,
    "EE": 0.07,
    "AF": 0.05,
    "SY": 0.05,
    "IR": 0.03,
    "TR": 0.03,
    "VN": 0.04,
    "CN": 0.03,
    "TH": 0.03,
    "PH": 0.03,
    "IN": 0.04,
    "BD": 0.02,
    "NG": 0.02,
    "SE": 0.03,
    "GB": 0.02,
    "PL": 0.03,
    "RO": 0.03,
    "ET": 0.02,
    "ER": 0.02,
    "US": 0.02,
}
# Mother tongue (ISO 639-1) by citizenship; drawn separately from citizenship (S§5 note).
# The splits are UNCONFIRMED.
MOTHER_TONGUES_BY_CITIZENSHIP: dict[str, dict[str, float]] = {
    "UA": {"uk": 0.7, "ru": 0.3},
    "RU": {"ru": 1.0},
    "IQ": {"ar": 0.7, "ku": 0.3},
    "SO": {"so": 1.0},
    "EE": {"et": 0.8, "ru": 0.2},
    "AF": {"fa": 0.8, "ps": 0.2},
    "SY": {"ar": 0.85, "ku": 0.15},
    "IR": {"fa": 1.0},
    "TR": {"tr": 0.8, "ku": 0.2},
    "VN": {"vi": 1.0},
    "CN": {"zh": 1.0},
    "TH": {"th": 1.0},
    "PH": {"tl": 0.8, "en": 0.2},
    "IN": {"hi": 0.5, "en": 0.3, "ta": 0.2},
    "BD": {"bn": 1.0},
    "NG": {"en": 1.0},
    "SE": {"sv": 1.0},
    "GB": {"en": 1.0},
    "PL": {"pl": 1.0},
    "RO": {"ro": 1.0},
    "ET": {"am": 1.0},
    "ER": {"ti": 1.0},
    "US": {"en": 1.0},
}
# Service language: Swedish speakers are served in Swedish, more often where Swedish is the
# majority; some foreign-language people choose English, and some in Swedish-majority
# municipalities Swedish. All three probabilities are UNCONFIRMED placeholders.
SV_SERVICE_FOR_SWEDISH_SPEAKERS = {"swedish_majority": 0.97, "finnish_majority": 0.85}
EN_SERVICE_FOR_FOREIGN_LANGUAGE = 0.25
SV_SERVICE_FOR_FOREIGN_LANGUAGE_IN_SWEDISH_MAJORITY = 0.30
# Share of foreign citizens whose identity code uses a 690/2022 century sign (Y, B): codes
# issued from 2023 on, so mostly recent arrivals (R§16.1 confirmed for the signs; shares
# UNCONFIRMED).
NEW_CENTURY_SIGN_SHARE = {"foreign": 0.45, "finnish": 0.01}

# --- Education --------------------------------------------------------------------------------

# S§6 / S§11 (Häme ELY, Mar 2025; regional proxy): confirmed (regional).
EDUCATION_SHARES = {"basic_or_unknown": 0.36, "upper_secondary": 0.52, "higher": 0.12}
# Nobody under 21 has a higher degree; their mix is UNCONFIRMED. The mix of the others is
# derived in ``education_mix_by_age`` so that the stock still meets ``EDUCATION_SHARES``.
YOUNGEST_WITH_HIGHER_EDUCATION = 21
EDUCATION_SHARES_UNDER_21 = {"basic_or_unknown": 0.6, "upper_secondary": 0.4, "higher": 0.0}

# --- Occupation of the last job (ISCO-08 major group) ------------------------------------------

# S§7: inflow to unemployment 2014→2015 by major group (Statistics Finland), used as a proxy
# for the stock (S§15). confirmed (2015 data). "X" = unknown → ``last_occupation_isco`` None.
OCCUPATION_MAJOR_SHARES: dict[str, float] = {
    "5": 0.202,
    "7": 0.179,
    "2": 0.125,
    "3": 0.121,
    "9": 0.116,
    "8": 0.111,
    "4": 0.068,
    "X": 0.044,
    "1": 0.018,
    "6": 0.017,
    "0": 0.001,
}
# The long-term unemployed lean toward groups 5, 7 and 9 (S§7 / S§15 work-around). The
# direction is from the source; the factor is UNCONFIRMED.
LONG_TERM_OCCUPATION_TILT = {"5": 1.3, "7": 1.3, "9": 1.3}
# Unit groups named in S§7 as the most common in the inflow (shop salespersons, house builders,
# office cleaners; confirmed) or where the unemployed found work (practical nurses, childcare and
# school assistants, construction, restaurant, transport, warehouse; confirmed). The weights
# relative to other unit groups of the same major group (weight 1) are UNCONFIRMED.
COMMON_UNIT_GROUP_WEIGHTS: dict[str, float] = {
    "5223": 8.0,
    "7111": 5.0,
    "9112": 8.0,
    "5321": 4.0,
    "5322": 3.0,
    "5311": 2.0,
    "5312": 2.0,
    "7115": 2.0,
    "9313": 2.0,
    "5120": 2.0,
    "5131": 2.0,
    "9412": 2.0,
    "8322": 2.0,
    "8332": 2.0,
    "9333": 3.0,
    "4110": 3.0,
    "4321": 2.0,
}

# --- Employment status --------------------------------------------------------------------------

# S§2 / S§12: fully laid-off persons are 5–8 % of the stock; demo default 6 %. confirmed.
# Lay-offs are short, so they are drawn among spells under one year only (UNCONFIRMED).
LAID_OFF_SHARE = 0.06
# Part-time workers seeking full-time work: "a few %". UNCONFIRMED.
PART_TIME_SHARE = 0.03

# --- Benefits (RULES.md §11–12) ---------------------------------------------------------------

# R§2 / R§11: general support replaces the labour market subsidy and the basic allowance on
# 2026-05-01. confirmed.
GENERAL_SUPPORT_FROM = date(2026, 5, 1)
# R§11: benefit paid 5 days a week; 7-day waiting period (TTL 5:13, 7:10). confirmed.
BENEFIT_DAYS_PER_WEEK = 5
WAITING_PERIOD_DAYS = 7
# R§11: maximum days of the earnings-related (and basic) allowance: 400; 300 with < 3 years of
# work history; 500 if the employment condition was met at 58+. confirmed.
MAX_ALLOWANCE_DAYS = 400
MAX_ALLOWANCE_DAYS_SHORT_HISTORY = 300
MAX_ALLOWANCE_DAYS_AGED = 500
AGE_FOR_LONGER_MAXIMUM = 58
SHORT_WORK_HISTORY_SHARE = 0.15  # UNCONFIRMED
# Who gets what: no published split of the stock by benefit was found. All UNCONFIRMED.
NO_BENEFIT_SHARE = 0.08  # needs test, sanctions, not entitled
FUND_MEMBER_SHARE = {"under_25": 0.25, "foreign": 0.35, "other": 0.60}
EMPLOYMENT_CONDITION_SHARE_NON_MEMBERS = 0.40  # basic allowance instead of the subsidy
# Share of elapsed benefit days actually paid (gaps, sanctions, services paid otherwise) and
# benefit days from earlier spells of the long-term unemployed within the same counter (S§4:
# 801 unemployment days in the previous 5 years on average, confirmed; the draw is UNCONFIRMED).
PAID_SHARE_OF_ELAPSED_DAYS = (0.85, 1.0)
EARLIER_HISTORY_DAYS_LONG_TERM = (0, 250)
# Adjusted (partial) benefit of part-time workers counts in proportion (R§12.2). The 50 % is a
# placeholder for the unknown working hours. UNCONFIRMED.
PART_TIME_DAY_FRACTION = 0.5

# --- Staff ------------------------------------------------------------------------------------

# S§8 / S§12: 100–200 jobseekers per coach, demo ≈ 170 (UNCONFIRMED working assumption).
CASELOAD_TARGET = 170
CASELOAD_MAX = 200
# Young people (under 25) go to the youth unit, foreign citizens to the integration unit.
YOUTH_UNIT_AGE_LIMIT = 25


def foreign_citizen_share(municipality_code: str, region_code: str) -> float:
    """Foreign-citizen share of the local stock (S§5, S§11; see the constants above)."""
    if municipality_code == HELSINKI_CODE:
        return FOREIGN_SHARE_HELSINKI
    if region_code == UUSIMAA_REGION_CODE:
        return FOREIGN_SHARE_REST_OF_UUSIMAA
    return FOREIGN_SHARE_ELSEWHERE


def male_share_of_finnish_citizens(foreign_share: float) -> float:
    """Male share among Finnish citizens that keeps the whole stock at ``MALE_SHARE``.

    Foreign jobseekers are split almost evenly (``FOREIGN_WOMEN_SHARE``), so the citizens carry
    the rest of the placeholder men's majority.
    """
    foreign_men = foreign_share * (1 - FOREIGN_WOMEN_SHARE)
    return (MALE_SHARE - foreign_men) / (1 - foreign_share)


def age_band_label(age: int) -> str:
    """The band used by ``LONG_TERM_AGE_FACTOR`` and ``FUND_MEMBER_SHARE``."""
    if age < 25:
        return "under_25"
    if age >= 55:
        return "55_plus"
    return "25_54"


def long_term_probability_by_age_band() -> dict[str, float]:
    """P(long-term | age band), scaled so the stock as a whole meets ``LONG_TERM_SHARE``."""
    band_shares = {"under_25": 0.0, "25_54": 0.0, "55_plus": 0.0}
    for first, _last, share in AGE_BANDS:
        band_shares[age_band_label(first)] += share
    mean_factor = sum(band_shares[b] * f for b, f in LONG_TERM_AGE_FACTOR.items())
    base = LONG_TERM_SHARE / mean_factor
    return {band: base * factor for band, factor in LONG_TERM_AGE_FACTOR.items()}


def education_mix_by_age() -> tuple[dict[str, float], dict[str, float]]:
    """(mix under 21, mix from 21) whose age-weighted sum is ``EDUCATION_SHARES``."""
    young = sum(
        share * (min(last, YOUNGEST_WITH_HIGHER_EDUCATION - 1) - first + 1) / (last - first + 1)
        for first, last, share in AGE_BANDS
        if first < YOUNGEST_WITH_HIGHER_EDUCATION
    )
    older = {
        level: (target - young * EDUCATION_SHARES_UNDER_21[level]) / (1 - young)
        for level, target in EDUCATION_SHARES.items()
    }
    return dict(EDUCATION_SHARES_UNDER_21), older


def occupation_mix_by_duration() -> tuple[dict[str, float], dict[str, float]]:
    """(mix of spells under a year, mix of long-term spells) averaging to the §7 shares.

    The long-term mix is the target tilted by ``LONG_TERM_OCCUPATION_TILT``; the short-term
    mix takes the remainder so the stock as a whole stays on ``OCCUPATION_MAJOR_SHARES``.
    """
    # The published shares add up to 100.2 % (rounding); normalise before splitting.
    total = sum(OCCUPATION_MAJOR_SHARES.values())
    target = {g: s / total for g, s in OCCUPATION_MAJOR_SHARES.items()}
    tilted = {g: s * LONG_TERM_OCCUPATION_TILT.get(g, 1.0) for g, s in target.items()}
    long_mix = {g: w / sum(tilted.values()) for g, w in tilted.items()}
    short_mix = {
        g: (target[g] - LONG_TERM_SHARE * long_mix[g]) / (1 - LONG_TERM_SHARE) for g in target
    }
    return short_mix, long_mix


def exit_hazard(months_elapsed: int) -> float:
    """The chance that a spell ends in its month ``months_elapsed`` (``EXIT_HAZARD_BY_MONTH``)."""
    return next(h for limit, h in EXIT_HAZARD_BY_MONTH if limit is None or months_elapsed < limit)


def monthly_survival_weights() -> list[float]:
    """Relative stock weight of each elapsed month 0 … ``MAX_DURATION_MONTHS`` − 1.

    In a steady state the stock at elapsed month m is proportional to the survival S(m), the
    product of (1 − hazard) over the earlier months (``EXIT_HAZARD_BY_MONTH``).
    """
    weights = []
    survival = 1.0
    for month in range(MAX_DURATION_MONTHS):
        weights.append(survival)
        survival *= 1 - exit_hazard(month)
    return weights
