"""The ecosystem's seam finder: referrals that nobody answers or that stall.

Registered in ``SAUMATON_SEAM_FINDERS``; the casework sweep turns the findings into attention
items for the person's coach, resolves them when they stop holding and escalates old ones. A
referral is where people drop between organisations, so each of these is a seam (380/2023
§§31–33: the authority keeps the process going).

- *unanswered*: still ``sent`` after its response due date;
- *stalled*: ``accepted`` but not started ``STALL_AFTER_DAYS`` after the agreed start date (or
  after the response due date when no start date was agreed), or ``started`` and past its
  expected end without an outcome;
- an open multisectoral case whose plan or review deadline has passed (381/2023 §§4, 6).

One finding per person and kind (the sweep's key); the detail names the referral by key only.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from saumaton.casework.models import AttentionItem
from saumaton.casework.sweep import Finding
from saumaton.rules.ecosystem import TYP_IN_FORCE

from .models import MultisectoralCase, Referral

STALL_AFTER_DAYS = 5
Kind = AttentionItem.Kind
State = Referral.State


def find_referral_seams(today: date) -> list[Finding]:
    findings: dict[tuple, Finding] = {}

    def keep(f: Finding) -> None:
        key = (f.person_id, f.kind)
        if key not in findings or (f.due or today) < (findings[key].due or today):
            findings[key] = f

    for pk, person_id, due in Referral.objects.filter(
        state=State.SENT, response_due__lt=today
    ).values_list("pk", "person_id", "response_due"):
        keep(Finding(person_id, Kind.REFERRAL_UNANSWERED, due, f"referral {pk}"))
    limit = today - timedelta(days=STALL_AFTER_DAYS)
    stalled = Referral.objects.filter(
        Q(state=State.ACCEPTED, start_date__lt=limit)
        | Q(state=State.ACCEPTED, start_date__isnull=True, response_due__lt=limit)
        | Q(state=State.STARTED, expected_end__lt=today)
    ).values_list("pk", "person_id", "state", "start_date", "response_due", "expected_end")
    for pk, person_id, state, start, due, end in stalled:
        when = end if state == State.STARTED else (start or due) + timedelta(STALL_AFTER_DAYS)
        keep(Finding(person_id, Kind.REFERRAL_STALLED, when, f"referral {pk}"))
    for case in MultisectoralCase.objects.filter(
        ended_on__isnull=True, assessment_started__gte=TYP_IN_FORCE
    ).only("person_id", "assessment_started", "plan_made_on", "last_reviewed_on"):
        if case.next_deadline < today:
            keep(Finding(case.person_id, Kind.MULTISECTORAL_DEADLINE, case.next_deadline))
    return list(findings.values())
