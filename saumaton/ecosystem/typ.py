"""The multisectoral support model (TYP, 381/2023): start the joint assessment, name the joint
team, record the plan and its reviews; the deadlines come from ``rules.ecosystem`` (plan within
three months of the assessment's start, §4; review at least every three months, §6) and the seam
guard flags a passed one. While a case is open, the county's and Kela's partners see the person
under 381/2023 §15 (``access.partner_scope``).
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from saumaton.audit.access import log_reads
from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.casework.errors import CaseworkError
from saumaton.core.access import requires
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import Membership, Organisation
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm, Role
from saumaton.rules.ecosystem import BASIS_TYP_PLAN, BASIS_TYP_REVIEW, TYP_IN_FORCE

from .errors import EcosystemError
from .models import MultisectoralCase, TeamMember


@transaction.atomic
def start_case(actor, person, *, wellbeing_county, kela, started: date) -> MultisectoralCase:
    if started < TYP_IN_FORCE:
        raise EcosystemError(_("381/2023 applies from 1 January 2025."), "started")
    if person.multisectoral_cases.filter(ended_on__isnull=True).exists():
        raise EcosystemError(_("The person already has an open multisectoral case."))
    own = organisation_ids_with(actor, Perm.MANAGE_CASEWORK)
    authority = person.customerships.filter(organisation_id__in=own).first()
    if authority is None:
        raise EcosystemError(_("You cannot act for this person's employment authority."))
    case = MultisectoralCase.objects.create(
        person=person,
        employment_authority_id=authority.organisation_id,
        wellbeing_county=wellbeing_county,
        kela=kela,
        assessment_started=started,
    )
    record_event(
        person,
        Event.Type.MULTISECTORAL_STARTED,
        actor=actor,
        organisation=case.employment_authority,
        legal_basis="381/2023 §§3–4, §15",
        payload={"case": case.pk, "plan_deadline": case.plan_deadline.isoformat()},
    )
    return case


@transaction.atomic
def record_plan(actor, case: MultisectoralCase, *, on: date) -> MultisectoralCase:
    """The first call records the plan (§4), later ones a review (§6)."""
    case = MultisectoralCase.objects.select_for_update().get(pk=case.pk)
    if case.ended_on:
        raise EcosystemError(_("This case has ended."))
    if on < case.assessment_started:
        raise EcosystemError(_("The date is before the assessment started."), "on")
    basis = BASIS_TYP_REVIEW if case.plan_made_on else BASIS_TYP_PLAN
    if case.plan_made_on:
        case.last_reviewed_on = on
    else:
        case.plan_made_on = on
    case.save()
    record_event(
        case.person,
        Event.Type.MULTISECTORAL_PLAN,
        actor=actor,
        organisation=case.employment_authority,
        legal_basis=basis,
        payload={"case": case.pk, "next_review": case.review_due.isoformat()},
    )
    return case


@transaction.atomic
def add_member(actor, case: MultisectoralCase, *, membership: Membership, role: str) -> TeamMember:
    """Name a professional to the joint team (381/2023 §§2–3). Only a professional of one of
    the case's parties sits on it: the team is the parties, so nobody else gains the §15 basis
    through it. The employment authority keeps the team (it leads the case, §3)."""
    case = MultisectoralCase.objects.select_for_update().get(pk=case.pk)
    if case.ended_on:
        raise EcosystemError(_("This case has ended."))
    if case.employment_authority_id not in organisation_ids_with(actor, Perm.MANAGE_CASEWORK):
        raise EcosystemError(_("You cannot act for this person's employment authority."))
    if role not in TeamMember.Role.values:
        raise EcosystemError(_("Choose the member's role in the team."), "role")
    if not membership.active or membership.organisation_id not in case.party_ids:
        raise EcosystemError(
            _("Only professionals of the case's parties can be on the team."), "membership"
        )
    if case.team.filter(member_id=membership.user_id).exists():
        raise EcosystemError(_("This professional is already on the team."), "membership")
    member = TeamMember.objects.create(
        case=case,
        member_id=membership.user_id,
        organisation_id=membership.organisation_id,
        role=role,
        added_on=timezone.localdate(),
    )
    return member


class StartForm(forms.Form):
    wellbeing_county = forms.ModelChoiceField(
        label=_lazy("Wellbeing services county"), queryset=Organisation.objects.none()
    )
    kela = forms.ModelChoiceField(
        label=_lazy("Kela"), queryset=Organisation.objects.none(), required=False
    )
    started = forms.DateField(
        label=_lazy("Joint assessment started"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, area_id, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.filter(area_id=area_id)
        self.fields["wellbeing_county"].queryset = orgs.filter(kind="wellbeing_county")
        self.fields["kela"].queryset = orgs.filter(kind="kela")


class PlanForm(forms.Form):
    on = forms.DateField(label=_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class MemberForm(forms.Form):
    membership = forms.ModelChoiceField(
        label=_lazy("Professional"), queryset=Membership.objects.none()
    )
    role = forms.ChoiceField(label=_lazy("Role in the team"), choices=TeamMember.Role.choices)

    def __init__(self, *args, case: MultisectoralCase | None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["membership"].queryset = (
                Membership.objects.filter(organisation_id__in=case.party_ids, active=True)
                .exclude(role=Role.JOBSEEKER)
                .select_related("user", "organisation")
                .order_by("organisation__name", "user__last_name", "user__first_name")
            )
            self.fields["membership"].label_from_instance = _member_label


def _member_label(membership: Membership) -> str:
    name = membership.user.get_full_name() or membership.user.get_username()
    return f"{name} ({membership.organisation.name})"


@requires(Perm.MANAGE_CASEWORK)
def multisectoral(request, person_id):
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)
    log_reads(request.user, [person], "ecosystem:multisectoral")
    area_id = person.customerships.values_list("organisation__area_id", flat=True).first()
    case = person.multisectoral_cases.filter(ended_on__isnull=True).first()
    start_form = StartForm(
        request.POST if request.POST.get("step") == "start" else None, area_id=area_id
    )
    plan_form = PlanForm(request.POST if request.POST.get("step") == "plan" else None)
    member_form = MemberForm(
        request.POST if request.POST.get("step") == "member" else None, case=case
    )
    try:
        if member_form.is_bound and member_form.is_valid() and case:
            add_member(request.user, case, **member_form.cleaned_data)
            messages.success(request, _("Team member added."))
            return redirect("ecosystem:multisectoral", person_id=person.pk)
        if start_form.is_bound and start_form.is_valid():
            start_case(request.user, person, **start_form.cleaned_data)
            messages.success(request, _("Multisectoral assessment started."))
            return redirect("ecosystem:multisectoral", person_id=person.pk)
        if plan_form.is_bound and plan_form.is_valid() and case:
            record_plan(request.user, case, **plan_form.cleaned_data)
            messages.success(request, _("Plan date recorded."))
            return redirect("ecosystem:multisectoral", person_id=person.pk)
    except CaseworkError as exc:
        messages.error(request, exc.message)
    return render(
        request,
        "ecosystem/multisectoral.html",
        {
            "person": person,
            "case": case,
            "start_form": start_form,
            "plan_form": plan_form,
            "member_form": member_form,
            "team": case.team.select_related("member", "organisation") if case else (),
            "today": timezone.localdate(),
        },
    )
