"""The single registry of personal-data fields (architecture principle 6).

Every field of a model that holds personal data is declared here with its category; the masking
in lists and logs, the data-subject export and anonymisation read this registry. A test fails
when a personal-data model gains a field that is not classified here (as personal or not).
"""

from __future__ import annotations

import re
from enum import StrEnum


class Category(StrEnum):
    IDENTITY_CODE = "identity_code"
    NAME = "name"
    CONTACT = "contact"
    BIRTH_DATE = "birth_date"
    BACKGROUND = "background"  # language, citizenship, education, occupation
    LOCATION = "location"
    HEALTH = "health"  # work ability: special category (GDPR Art. 9; 380/2023 §§114, 116, 118)
    CASE = "case"  # the content of the person's case: plans, meetings, failures, notes


PERSONAL_DATA: dict[str, dict[str, Category]] = {
    "jobseekers.Person": {
        "hetu": Category.IDENTITY_CODE,
        "first_name": Category.NAME,
        "last_name": Category.NAME,
        "birth_date": Category.BIRTH_DATE,
        "email": Category.CONTACT,
        "phone": Category.CONTACT,
        "postcode": Category.LOCATION,
        "home_municipality": Category.LOCATION,
        "language": Category.BACKGROUND,
        "mother_tongue": Category.BACKGROUND,
        "citizenship": Category.BACKGROUND,
        "education_level": Category.BACKGROUND,
        "last_occupation": Category.BACKGROUND,
    },
    "jobseekers.JobseekerCustomership": {
        "start_date": Category.BACKGROUND,
        "end_date": Category.BACKGROUND,
        "end_reason": Category.CASE,
        "status": Category.BACKGROUND,
    },
    "jobseekers.EmploymentStatusPeriod": {
        "status": Category.CASE,
        "service_type": Category.CASE,
        "start": Category.CASE,
        "end": Category.CASE,
    },
    "jobseekers.Education": {
        "level": Category.BACKGROUND,
        "field": Category.BACKGROUND,
        "degree": Category.BACKGROUND,
        "completed_year": Category.BACKGROUND,
    },
    "jobseekers.WorkExperience": {
        "occupation": Category.BACKGROUND,
        "employer_name": Category.BACKGROUND,
        "start": Category.BACKGROUND,
        "end": Category.BACKGROUND,
    },
    "jobseekers.PersonSkill": {"skill": Category.BACKGROUND},
    "jobseekers.LanguageSkill": {"language": Category.BACKGROUND, "level": Category.BACKGROUND},
    "jobseekers.Licence": {"kind": Category.BACKGROUND, "valid_until": Category.BACKGROUND},
    "jobseekers.WorkAbilityLimitation": {"code": Category.HEALTH, "source": Category.HEALTH},
    "jobseekers.Preferences": {
        "occupations": Category.BACKGROUND,
        "municipalities": Category.LOCATION,
        "max_commute_km": Category.BACKGROUND,
        "accepts_remote": Category.BACKGROUND,
        "work_time": Category.BACKGROUND,
    },
    "casework.Meeting": {
        "kind": Category.CASE,
        "starts_at": Category.CASE,
        "duration_minutes": Category.CASE,
        "channel": Category.CASE,
        "place": Category.CASE,
        "due_date": Category.CASE,
        "due_basis": Category.CASE,
        "late_reason": Category.CASE,
        "outcome": Category.CASE,
        "outcome_note": Category.CASE,
    },
    "casework.ServiceNeedAssessment": {
        "assessed_on": Category.CASE,
        "skills_and_goals": Category.CASE,
        "work_capacity": Category.HEALTH,
        "job_search_skills": Category.CASE,
        "prolonged_unemployment_risk": Category.CASE,
        "multisectoral_need": Category.CASE,
    },
    "casework.EmploymentPlan": {
        "content": Category.CASE,
        "duty_periods": Category.CASE,
        "duty_required": Category.CASE,
        "follow_up_method": Category.CASE,
        "follow_up_deadline": Category.CASE,
        "accepted_at": Category.CASE,
        "acceptance": Category.CASE,
    },
    "casework.DutyPeriod": {
        "start": Category.CASE,
        "end": Category.CASE,
        "required": Category.CASE,
        "evaluation": Category.CASE,
        "evaluated_at": Category.CASE,
        "counted": Category.CASE,
    },
    "casework.ApplicationReport": {
        "employer": Category.CASE,
        "job_title": Category.CASE,
        "applied_on": Category.CASE,
        "channel": Category.CASE,
    },
    "casework.Failure": {
        "kind": Category.CASE,
        "date": Category.CASE,
        "valid_reason": Category.CASE,
        "valid_reason_text": Category.HEALTH,  # an account often names an illness
        "state": Category.CASE,
        "consequence": Category.CASE,
    },
    "casework.Statement": {
        "kind": Category.CASE,
        "issuer": Category.CASE,
        "deadline": Category.CASE,
        "state": Category.CASE,
        "issued_at": Category.CASE,
    },
    "casework.AttentionItem": {
        "kind": Category.CASE,
        "due": Category.CASE,
        "detail": Category.CASE,
        "first_seen": Category.CASE,
        "last_seen": Category.CASE,
        "escalated_on": Category.CASE,
        "resolved_on": Category.CASE,
    },
    "employers.AssignedVacancy": {
        "vacancy": Category.CASE,
        "assigned_on": Category.CASE,
        "deadline": Category.CASE,
        "state": Category.CASE,
        "application": Category.CASE,
        "failure": Category.CASE,
        "decided_on": Category.CASE,
    },
    "employers.ProfilePublication": {
        "published_at": Category.CASE,
        "shares_identity": Category.CASE,
        "pseudonym": Category.CASE,
    },
    "employers.WageSubsidy": {
        "employer": Category.CASE,
        "vacancy": Category.CASE,
        "employer_kind": Category.CASE,
        "start": Category.CASE,
        "months_requested": Category.CASE,
        "monthly_pay_cost": Category.CASE,
        "payment_period_months": Category.CASE,
        "reduced_work_ability": Category.HEALTH,
        "state": Category.CASE,
        "answer": Category.CASE,
        "percent": Category.CASE,
        "end": Category.CASE,
        "decided_on": Category.CASE,
        "applied_at": Category.CASE,
    },
    # The ecosystem: who was referred where, for what, and what they agreed to share.
    "ecosystem.Referral": {
        "purpose": Category.CASE,
        "categories": Category.CASE,
        "legal_basis": Category.CASE,
        "sent_on": Category.CASE,
        "response_due": Category.CASE,
        "state": Category.CASE,
        "decline_reason": Category.CASE,
        "start_date": Category.CASE,
        "started_on": Category.CASE,
        "expected_end": Category.CASE,
        "ended_on": Category.CASE,
        "outcome": Category.CASE,
        "interruption_reason": Category.HEALTH,  # a reason often names an illness
        "own_fault": Category.CASE,
    },
    "ecosystem.Consent": {
        "purpose": Category.CASE,
        "categories": Category.CASE,
        "recipients": Category.CASE,
        "legal_basis": Category.CASE,
        "valid_from": Category.CASE,
        "valid_to": Category.CASE,
        "withdrawn_at": Category.CASE,
        "evidence": Category.CASE,
    },
    "ecosystem.MultisectoralCase": {
        "assessment_started": Category.CASE,
        "plan_made_on": Category.CASE,
        "last_reviewed_on": Category.CASE,
        "ended_on": Category.CASE,
    },
    "audit.Event": {"type": Category.CASE, "occurred_at": Category.CASE, "payload": Category.CASE},
    "audit.AccessLog": {"at": Category.CASE, "purpose": Category.CASE},
    # Kela's rows: benefit paid to a pseudonymous key, linked to a person when the key is theirs.
    "insight.KelaPayment": {
        "person_key": Category.IDENTITY_CODE,
        "municipality_code": Category.LOCATION,
        "benefit": Category.CASE,
        "payment_month": Category.CASE,
        "paid_days": Category.CASE,
        "cumulative_paid_days": Category.CASE,
        "amount_eur": Category.CASE,
        "municipal_share_eur": Category.CASE,
    },
    # The profiling model's advisory estimate (380/2023 §37(1)(4)).
    "insight.RiskScore": {"p_long_term": Category.CASE, "top_factors": Category.CASE},
    # The outbox's texts and documents speak about the person's case.
    "outbox.OutboxMessage": {
        "recipient": Category.CONTACT,
        "language": Category.BACKGROUND,
        "subject": Category.BACKGROUND,
        "body": Category.BACKGROUND,
        "attachment": Category.BACKGROUND,
        "attachment_filename": Category.BACKGROUND,
        "payload": Category.BACKGROUND,
    },
}

# Fields of the registered models that are not personal data (keys, flags, bookkeeping).
NOT_PERSONAL: dict[str, set[str]] = {
    "jobseekers.Person": {"id", "user", "is_synthetic", "created_at", "updated_at"},
    "jobseekers.JobseekerCustomership": {
        "id",
        "person",
        "organisation",
        "unit",
        "coach",
        "is_synthetic",
    },
    "jobseekers.EmploymentStatusPeriod": {"id", "person", "is_synthetic"},
    "jobseekers.Education": {"id", "person"},
    "jobseekers.WorkExperience": {"id", "person"},
    "jobseekers.PersonSkill": {"id", "person"},
    "jobseekers.LanguageSkill": {"id", "person"},
    "jobseekers.Licence": {"id", "person"},
    "jobseekers.WorkAbilityLimitation": {"id", "person"},
    "jobseekers.Preferences": {"id", "person"},
    "casework.Meeting": {"id", "person", "customership", "coach", "is_synthetic"},
    "casework.ServiceNeedAssessment": {"id", "person", "assessed_by"},
    "casework.EmploymentPlan": {"id", "person", "version", "updated_at", "updated_by"},
    "casework.DutyPeriod": {"id", "person", "basis", "is_synthetic"},
    "casework.ApplicationReport": {
        "id",
        "person",
        "period",
        "reported_by",
        "reported_at",
        "is_synthetic",
    },
    "casework.Failure": {"id", "person", "meeting", "duty_period", "recorded_by", "is_synthetic"},
    "casework.Statement": {"id", "failure", "person", "issuer_organisation", "issued_by"},
    "casework.AttentionItem": {"id", "person"},
    "employers.AssignedVacancy": {"id", "person", "assigned_by", "version", "is_synthetic"},
    "employers.ProfilePublication": {"id", "person"},
    "employers.WageSubsidy": {
        "id",
        "person",
        "applied_by",
        "decided_by",
        "version",
        "is_synthetic",
    },
    "ecosystem.Referral": {
        "id",
        "person",
        "service",
        "organisation",
        "sender_organisation",
        "consent",
        "sender_owner",
        "receiver_owner",
        "version",
        "is_synthetic",
    },
    "ecosystem.Consent": {"id", "person", "recorded_by", "created_at"},
    "ecosystem.MultisectoralCase": {
        "id",
        "person",
        "employment_authority",
        "wellbeing_county",
        "kela",
    },
    "audit.Event": {"id", "recorded_at", "actor", "organisation", "person", "legal_basis"},
    "audit.AccessLog": {"id", "actor", "area", "person"},
    "insight.KelaPayment": {"id", "upload", "person"},
    "insight.RiskScore": {"id", "run", "person"},
    "outbox.OutboxMessage": {
        "id",
        "created_at",
        "channel",
        "person",
        "attachment_content_type",
        "status",
        "attempts",
        "last_error",  # scrubbed of identity codes, e-mail addresses and phone numbers
        "sent_at",
        "idempotency_key",
    },
}


def mask(value: object, category: Category) -> str:
    """A display form that shows enough to recognise, not enough to identify."""
    if value in (None, ""):
        return ""
    text = str(value)
    if category is Category.IDENTITY_CODE:
        return text[:6] + "*****" if len(text) == 11 else "***"
    if category is Category.NAME:
        return text[0] + "***"
    if category is Category.CONTACT:
        return "***" + text[-3:] if len(text) > 6 else "***"
    if category is Category.BIRTH_DATE:
        return text[:4] + "-**-**"
    return "***"


_HETU_IN_TEXT = re.compile(r"\b\d{6}[-+YXWVUABCDEF]\d{3}[0-9A-FHJ-NPR-Y]\b")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d ()-]{7,}\d")


def scrub(text: str) -> str:
    """Remove identity codes, e-mail addresses and phone numbers from free text (log lines)."""
    text = _HETU_IN_TEXT.sub("[hetu]", text)
    text = _EMAIL_IN_TEXT.sub("[email]", text)
    return _PHONE_IN_TEXT.sub("[phone]", text)
