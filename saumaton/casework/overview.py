"""The overall picture (kokonaiskuva) of one person: everything a coach needs on one page.

Gathered in a fixed number of queries (the page budget is 20), from the person's own records and
the rules engine; the timeline can be filtered by event type and by organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from saumaton.audit.models import Event
from saumaton.core.display import day_text, label_of
from saumaton.employers.overview import JobsSection, jobs_for
from saumaton.jobseekers import target_groups

from .models import (
    AttentionItem,
    DutyPeriod,
    EmploymentPlan,
    Failure,
    Meeting,
    ServiceNeedAssessment,
)
from .process import DueSummary, due_for

TIMELINE_LIMIT = 100
# Only what the timeline shows, as plain rows: a hundred model instances (and their
# organisation and actor) cost more than the query itself.
TIMELINE_FIELDS = (
    "occurred_at",
    "type",
    "legal_basis",
    "organisation__name",
    "actor__first_name",
    "actor__last_name",
)
# The referral rows the page shows, with the service's names in every language (``name``
# picks the reader's) instead of whole service and organisation rows.
REFERRAL_FIELDS = (
    "sent_on",
    "state",
    "outcome",
    "service__name_fi",
    "service__name_sv",
    "service__name_en",
    "organisation__name",
)


@dataclass
class Overview:
    customership: object
    status_text: str  # the open status period's (with its service), else the job search's
    unemployed_since: date | None
    unemployed_days: int | None
    target_groups: list[str]
    target_group_labels: list[str]
    due: DueSummary | None
    upcoming: list
    past_meetings: list
    items: list
    due_unbooked: list  # statutory meetings due that no upcoming booking covers yet
    plan: EmploymentPlan | None
    duty_periods: list
    failures: list
    timeline: list
    timeline_types: list
    timeline_organisations: list
    jobs: JobsSection  # assigned and suggested vacancies (employers app)
    referrals: list  # the ecosystem: hand-offs to other organisations, newest first
    consents: list[dict]  # purpose, recipients (names), categories, legal_basis_text
    multisectoral: object | None  # the open multisectoral (TYP) case


def with_overview_facts(people):
    """The person read of the overall picture, carrying what the page needs of the latest
    service-need assessment (its multisectoral need, a target group) as an annotation: one
    query fewer, within the page budget of 20 even when suggestions and consents are shown."""
    latest = ServiceNeedAssessment.objects.filter(person=OuterRef("pk")).order_by(
        "-assessed_on", "-pk"
    )
    return people.annotate(
        latest_multisectoral_need=Subquery(latest.values("multisectoral_need")[:1])
    )


def overview_for(person, today: date, *, event_type: str = "", organisation: str = "") -> Overview:
    """``person`` as the person pages read it: annotated with ``has_limitations`` and by
    ``with_overview_facts``."""
    customership = person.active_customership
    meetings = list(Meeting.objects.filter(person=person).order_by("starts_at"))
    now = timezone.now()
    held = [
        (m.kind, timezone.localtime(m.starts_at).date()) for m in meetings if m.outcome == "held"
    ]
    status_periods = list(person.status_periods.all())
    since = target_groups.unemployed_since(status_periods, customership)
    groups = target_groups.derive(
        person,
        today,
        status_periods=status_periods,
        customership=customership,
        has_limitations=person.has_limitations,  # annotated by the person's read
        multisectoral_need=bool(person.latest_multisectoral_need),
    )
    events = Event.objects.filter(person=person)
    # The timeline's filter choices in one read: each (type, organisation) pair once.
    pairs = set(
        Event.objects.filter(person=person)
        .values_list("type", "organisation_id", "organisation__name")
        .order_by()  # the model's ordering would put its columns into DISTINCT: a row per event
        .distinct()
    )
    types = sorted({(t, Event.Type(t).label) for t, _, _ in pairs}, key=lambda p: str(p[1]))
    organisations = sorted({(o, name) for _, o, name in pairs if o is not None}, key=str)
    if event_type:
        events = events.filter(type=event_type)
    if organisation.isdigit():
        events = events.filter(organisation_id=int(organisation))
    due = due_for(customership, today, held)
    upcoming = [m for m in meetings if m.outcome == "scheduled" and m.starts_at >= now]
    booked_kinds = {m.kind for m in upcoming}
    return Overview(
        customership=customership,
        status_text=_status_text(status_periods, customership),
        unemployed_since=since,
        unemployed_days=(today - since).days if since else None,
        target_groups=groups,
        target_group_labels=[str(target_groups.LABELS[g]) for g in groups],
        due=due,
        upcoming=upcoming,
        past_meetings=[m for m in meetings if m.outcome != "scheduled" or m.starts_at < now][-10:],
        items=list(AttentionItem.objects.filter(person=person, resolved_on__isnull=True)),
        due_unbooked=[i for i in (due.items if due else ()) if i.kind not in booked_kinds],
        plan=EmploymentPlan.objects.filter(person=person).first(),
        duty_periods=list(
            DutyPeriod.objects.filter(person=person).annotate(reported=Count("applications"))
        ),
        failures=list(Failure.objects.filter(person=person).select_related("statement")),
        timeline=_timeline(events.values(*TIMELINE_FIELDS)[:TIMELINE_LIMIT]),
        timeline_types=types,
        timeline_organisations=organisations,
        jobs=jobs_for(person),
        **_ecosystem(person),
    )


def _status_text(status_periods, customership) -> str:
    """What the person is doing now: the open status period (a service named), which a coach
    changes (``jobseekers.status_changes``); the job search's status when none is recorded."""
    from saumaton.ecosystem.models import Service

    current = next((p for p in status_periods if p.end is None), None)
    if current is None:
        return customership.get_status_display() if customership else ""
    text = str(current.get_status_display())
    if current.service_type:
        text += f": {label_of(Service.Type)(current.service_type)}"
    return text


def _timeline(rows) -> list[dict]:
    """The events as the page shows them: ``type_text``, ``day_text``, ``iso`` (local ISO
    8601), ``organisation`` and ``actor`` (names, or empty), ``legal_basis`` — computed once
    here (``core.display``), as a hundred rows of template filters cost more than the query."""
    type_text = label_of(Event.Type)
    return [
        {
            "type_text": type_text(row["type"]),
            "day_text": day_text(row["occurred_at"]),
            "iso": timezone.localtime(row["occurred_at"]).isoformat(),
            "organisation": row["organisation__name"] or "",
            "actor": " ".join(n for n in (row["actor__first_name"], row["actor__last_name"]) if n),
            "legal_basis": row["legal_basis"],
        }
        for row in rows
    ]


def _ecosystem(person) -> dict:
    from saumaton.ecosystem.models import Consent, MultisectoralCase, Referral

    return {
        "referrals": list(
            Referral.objects.filter(person=person)
            .select_related("service", "organisation")
            .only(*REFERRAL_FIELDS)
            .order_by("-sent_on", "-id")[:10]
        ),
        "consents": _consents(
            Consent.objects.filter(person=person, withdrawn_at__isnull=True)
            .order_by(*Consent._meta.ordering, "recipients__name")
            .values_list("pk", "purpose", "categories", "legal_basis", "recipients__name")
        ),
        "multisectoral": MultisectoralCase.objects.filter(
            person=person, ended_on__isnull=True
        ).first(),
    }


def _consents(rows) -> list[dict]:
    """The person's valid consents from one read of (consent, recipient) rows, in the model's
    order, each with its recipients' names (a prefetch would be a second query)."""
    from saumaton.ecosystem.models import LegalBasis

    basis_text = label_of(LegalBasis)
    consents: dict[int, dict] = {}
    for pk, purpose, categories, basis, recipient in rows:
        consent = consents.setdefault(
            pk,
            {
                "purpose": purpose,
                "recipients": [],
                "categories": categories,
                "legal_basis_text": basis_text(basis),
            },
        )
        if recipient:
            consent["recipients"].append(recipient)
    return list(consents.values())
