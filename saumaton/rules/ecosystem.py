"""Statutory rules of the service ecosystem: data sharing with partners, referral response
times and the deadlines of the multisectoral support model (TYP).

Why a pure module: who may receive which data, and when a multisectoral plan is due, are rules of
law with a date and a citation, and they must answer the same in the web pages, the API and the
seam guard. Django code asks here; nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from saumaton.rules.calendar import add_months, add_working_days

# --- data categories a referral or a consent may cover ------------------------------------------
# The same names as ``audit.personal_data.Category`` where they overlap; ``health`` is the
# special category (GDPR Art. 9) the acts single out.
DATA_CATEGORIES = ("contact", "background", "case", "health")
HEALTH = "health"

BASIS_HEALTH_CONSENT = "380/2023 §116(4), §118"
"""Health data go to a service provider or an employer only with the customer's *specific
written* consent (380/2023 §116(4) for service providers, §118 for employers)."""

BASIS_MULTISECTORAL_SHARING = "381/2023 §15"
"""The parties of the multisectoral model may share the data the joint service needs without
consent (381/2023 §15)."""

BASIS_PROVIDER_DATA = "380/2023 §116"
"""A service provider receives the customer data it needs to deliver the service."""

LEGAL_BASES = {
    "consent": "GDPR Art. 6(1)(a); 380/2023 §§116, 118",
    "380/2023 §116": BASIS_PROVIDER_DATA,
    "381/2023 §15": BASIS_MULTISECTORAL_SHARING,
}

DEFAULT_RESPONSE_WORKING_DAYS = 5  # the project's service level for a referral (issue 5)


@dataclass(frozen=True)
class SharingAnswer:
    allowed: bool
    reason: str  # empty when allowed; otherwise the rule that refuses
    basis: str


def sharing_allowed(
    categories: Iterable[str], *, legal_basis: str, written_consent: bool
) -> SharingAnswer:
    """May these data categories go to a partner on this basis?

    - ``health`` needs a consent that is *specific and written* (380/2023 §116(4), §118): a
      consent given electronically in self-service or signed counts as written; a legal basis
      without consent does not open health data, except the multisectoral model's own basis
      (381/2023 §15), which is made for exactly this sharing between its three parties.
    - any other category needs a known legal basis or a consent.
    """
    categories = set(categories)
    unknown = categories - set(DATA_CATEGORIES)
    if unknown:
        return SharingAnswer(False, f"unknown data category: {sorted(unknown)[0]}", "")
    if legal_basis not in LEGAL_BASES:
        return SharingAnswer(False, "no consent or legal basis", "")
    if HEALTH in categories and legal_basis != "381/2023 §15":
        if legal_basis != "consent" or not written_consent:
            return SharingAnswer(
                False, "health data need a specific written consent", BASIS_HEALTH_CONSENT
            )
        return SharingAnswer(True, "", BASIS_HEALTH_CONSENT)
    return SharingAnswer(True, "", LEGAL_BASES[legal_basis])


def response_due(sent_on: date, working_days: int = DEFAULT_RESPONSE_WORKING_DAYS) -> date:
    """The day by which the receiving organisation answers a referral: ``working_days`` working
    days after sending, the sending day not counted (150/1930 §2; working days as in
    ``calendar``)."""
    if working_days < 1:
        raise ValueError("a response time is at least one working day")
    return add_working_days(sent_on, working_days)


# --- onward referrals: a partner passes a person on ------------------------------------------
BASIS_ONWARD_CONSENT = "GDPR Art. 6(1)(a), Art. 7; 380/2023 §116(4), §118"
"""A partner that received a person's data for its own service is not the employment authority:
it may pass them on to a third organisation only with the person's consent naming that
organisation and covering the data (the consent is the basis; all consents this platform
records are written, so they may cover health data: 380/2023 §116(4), §118)."""

ONWARD_MULTISECTORAL_FROM = date(2025, 1, 1)
"""381/2023 §15 (in force 2025-01-01) lets the parties of the multisectoral model share without
consent the data the joint service needs, but only between the parties of the person's case."""


def onward_sharing_allowed(
    categories: Iterable[str],
    *,
    legal_basis: str,
    consent_names_receiver_and_covers: bool,
    both_parties_of_open_case: bool,
    on: date,
) -> SharingAnswer:
    """May a partner pass these data categories on to another organisation on ``on``?

    - on the basis ``consent``: only when the person's consent in force names the receiving
      organisation and covers every category (``BASIS_ONWARD_CONSENT``);
    - on the basis ``381/2023 §15``: only within an open multisectoral case of the person where
      the sending and the receiving organisation are both parties, from 2025-01-01;
    - on any other basis (the employment authority's 380/2023 §116 included): refused, because a
      partner is not the authority that basis speaks of.
    """
    categories = set(categories)
    unknown = categories - set(DATA_CATEGORIES)
    if unknown:
        return SharingAnswer(False, f"unknown data category: {sorted(unknown)[0]}", "")
    if legal_basis == "consent":
        if consent_names_receiver_and_covers:
            return SharingAnswer(True, "", BASIS_ONWARD_CONSENT)
        return SharingAnswer(
            False, "no consent naming the receiver and covering the data", BASIS_ONWARD_CONSENT
        )
    if legal_basis == "381/2023 §15":
        if on < ONWARD_MULTISECTORAL_FROM:
            return SharingAnswer(False, "381/2023 is not in force", BASIS_MULTISECTORAL_SHARING)
        if both_parties_of_open_case:
            return SharingAnswer(True, "", BASIS_MULTISECTORAL_SHARING)
        return SharingAnswer(
            False, "not both parties of an open multisectoral case", BASIS_MULTISECTORAL_SHARING
        )
    return SharingAnswer(False, "no consent or legal basis for a partner", "")


# --- the multisectoral support model (381/2023, in force 2025-01-01) ----------------------------
TYP_IN_FORCE = date(2025, 1, 1)
TYP_PLAN_MONTHS = 3
BASIS_TYP_PLAN = "381/2023 §4(2)–(3)"
TYP_REVIEW_MONTHS = 3
BASIS_TYP_REVIEW = "381/2023 §6"


def typ_plan_deadline(assessment_started: date) -> date:
    """The multisectoral employment plan is drawn up within three months of the start of the
    joint service-need assessment (381/2023 §4(2)–(3); months counted as in 150/1930 §3)."""
    if assessment_started < TYP_IN_FORCE:
        raise ValueError("381/2023 applies from 2025-01-01; earlier cases follow 1369/2014")
    return add_months(assessment_started, TYP_PLAN_MONTHS)


def typ_next_review(last_plan_or_review: date) -> date:
    """The plan is reviewed at least every three months (381/2023 §6)."""
    return add_months(last_plan_or_review, TYP_REVIEW_MONTHS)


# --- statutory effects of a service --------------------------------------------------------------
BASIS_LONG_SERVICE = "380/2023 §33, §46"
LONG_SERVICE_TYPES = frozenset(
    {
        "labour_market_training",
        "work_trial",
        "pay_subsidised_work",
        "rehabilitative_work_activity",  # continuous rehabilitation (jatkuva kuntoutus)
    }
)
"""The services during which, when they last over one month, no job-search conversations are
held (380/2023 §33) and the job-search duty starts again only from the conversation one month
before their end (380/2023 §46)."""


def pauses_job_search_duty(service_type: str, duration_days: int | None) -> bool:
    """Whether a service of this type and length pauses the conversations and the job-search
    duty (380/2023 §33, §46): one of ``LONG_SERVICE_TYPES`` lasting over one month (the project
    reads "over one month" as more than 31 days, the longest month)."""
    return service_type in LONG_SERVICE_TYPES and (duration_days or 0) > 31
