"""The employment plan: saved with optimistic locking, every version kept, duty from rules.

Two coaches editing one plan at once is normal in a shared caseload; the second save names the
version it started from, finds it is no longer current, and is refused with nothing lost
(``ConcurrentEditError``). Accepting the plan records the method (VNA 385/2024 §2).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event

from .duty import schedule_duty_periods
from .errors import CaseworkError, ConcurrentEditError
from .models import EmploymentPlan, PlanRevision

PLAN_BASIS = "380/2023 §§35–38; VNA 385/2024 §§1–2"
CONTENT_KEYS = ("survey", "goals", "actions")


def _validate_content(content: dict) -> dict:
    if not isinstance(content, dict):
        raise CaseworkError(_("The plan content must be an object."), "content")
    unknown = set(content) - set(CONTENT_KEYS)
    if unknown:
        raise CaseworkError(
            _("Unknown plan parts: %(p)s") % {"p": ", ".join(sorted(unknown))}, "content"
        )
    for index, action in enumerate(content.get("actions", [])):
        start, end = action.get("start"), action.get("end")
        if start and end and end < start:
            raise CaseworkError(
                _("Action %(n)s ends before it starts.") % {"n": index + 1}, f"actions[{index}].end"
            )
    return {key: content.get(key, "" if key == "survey" else []) for key in CONTENT_KEYS}


def _snapshot(plan: EmploymentPlan) -> dict:
    return {
        "content": plan.content,
        "duty_periods": plan.duty_periods,
        "duty_required": plan.duty_required,
        "follow_up_method": plan.follow_up_method,
        "follow_up_deadline": plan.follow_up_deadline.isoformat()
        if plan.follow_up_deadline
        else None,
    }


@transaction.atomic
def save_plan(
    actor,
    person,
    *,
    expected_version: int,
    content: dict,
    follow_up_method: str,
    follow_up_deadline: date | None,
    duty_start: date | None = None,
) -> EmploymentPlan:
    """Save a new version; ``expected_version`` is 0 for a new plan."""
    content = _validate_content(content)
    if follow_up_deadline and follow_up_deadline < timezone.localdate():
        raise CaseworkError(_("The follow-up deadline is in the past."), "follow_up_deadline")
    plan = EmploymentPlan.objects.select_for_update().filter(person=person).first()
    current = plan.version if plan else 0
    if current != expected_version:
        raise ConcurrentEditError(
            _(
                "Someone else saved this plan (version %(current)s) after you opened it "
                "(version %(expected)s). Your changes were not saved: reload and apply them again."
            )
            % {"current": current, "expected": expected_version},
            "version",
        )
    if plan is None:
        plan = EmploymentPlan(person=person, version=0)
    plan.version += 1
    plan.content = content
    plan.follow_up_method = follow_up_method
    plan.follow_up_deadline = follow_up_deadline
    plan.accepted_at = None
    plan.acceptance = ""
    plan.updated_by = actor
    plan.save()
    PlanRevision.objects.create(
        plan=plan, version=plan.version, snapshot=_snapshot(plan), saved_by=actor
    )
    customership = person.customerships.filter(end_date__isnull=True).first()
    if duty_start and customership:
        schedule_duty_periods(person, customership, duty_start)
    record_event(
        person,
        Event.Type.PLAN_SAVED,
        actor=actor,
        organisation=customership.organisation if customership else None,
        legal_basis=PLAN_BASIS,
        payload={"plan_version": plan.version},
    )
    return plan


@transaction.atomic
def accept_plan(
    actor, plan: EmploymentPlan, *, method: str, expected_version: int
) -> EmploymentPlan:
    plan = EmploymentPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.version != expected_version:
        raise ConcurrentEditError(
            _("The plan changed after you opened it; review it again."), "version"
        )
    if method not in EmploymentPlan.Acceptance.values:
        raise CaseworkError(_("Unknown acceptance method."), "acceptance")
    plan.accepted_at = timezone.now()
    plan.acceptance = method
    plan.save(update_fields=["accepted_at", "acceptance"])
    record_event(
        plan.person,
        Event.Type.PLAN_ACCEPTED,
        actor=actor,
        legal_basis="VNA 385/2024 §2",
        payload={"plan_version": plan.version, "method": method},
    )
    return plan
