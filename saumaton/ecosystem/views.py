"""Ecosystem pages: the catalogue, a provider's own services, referring a person, the partner's
queue and referral page, consents (recorded by a coach, seen and withdrawn by the person) and the
person's view of who read their data.

Partners reach people only through a referral page (a referral key in the URL, never a person
key): the referral must be active and to their organisation, and the page shows only the data
categories covered (``access.covered_categories``). Every staff read writes the access log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from saumaton.audit.access import log_reads
from saumaton.audit.models import AccessLog
from saumaton.casework.errors import CaseworkError
from saumaton.core.access import requires
from saumaton.core.display import choice_labels
from saumaton.jobseekers.models import Person
from saumaton.organisations.resolver import area_ids_of, organisation_ids_with
from saumaton.organisations.roles import Perm

from . import catalogue, consents, referrals
from .access import covered_categories, onward_consents, referrals_visible_to
from .forms import (
    LANGUAGES,
    CatalogueFilterForm,
    ConsentForm,
    MyConsentForm,
    OnwardForm,
    ReferForm,
    ServiceForm,
    TransitionForm,
)
from .models import Consent, LegalBasis, Referral, Service
from .person_data import partner_sections

QUEUE_PAGE = 25  # every row is a logged read: a page a person can work through, not the backlog


QUEUE_COLUMNS = (
    "state",
    "response_due",
    "person__first_name",
    "person__last_name",
    "service__name_fi",
    "service__name_sv",
    "service__name_en",
    "sender_organisation__name",
)


def _area_id(user):
    areas = area_ids_of(user)
    return min(areas) if areas else None


def _attempt(form, action):
    try:
        return action()
    except CaseworkError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None


# --- catalogue --------------------------------------------------------------------------------
@requires(Perm.BROWSE_CATALOGUE)
def catalogue_search(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(catalogue.search(filters, timezone.localdate()), 25).get_page(
        request.GET.get("page")
    )
    types = choice_labels(Service.Type.choices)
    for service in page.object_list:
        service.type_label = types[service.type]
    context = {
        "form": form,
        "page": page,
        "types": types,
        "target_groups": choice_labels(Service.TargetGroup.choices),
        "languages": choice_labels(LANGUAGES),
        "municipalities": form.fields["municipality"].queryset,
        "chosen": {name: request.GET.get(name, "") for name in form.fields},
    }
    return render(request, "ecosystem/catalogue.html", context)


@requires(Perm.BROWSE_CATALOGUE)
def service_detail(request, service_id):
    service = get_object_or_404(
        Service.objects.select_related("provider", "municipality"), pk=service_id, active=True
    )
    return render(request, "ecosystem/service.html", {"service": service})


@requires(Perm.MANAGE_CATALOGUE)
def my_services(request):
    """The provider's own entries, with those not reviewed for six months listed first."""
    today = timezone.localdate()
    services = list(
        Service.objects.filter(
            provider_id__in=organisation_ids_with(request.user, Perm.MANAGE_CATALOGUE)
        )
        .select_related("provider")
        .order_by("reviewed_at", "id")
    )
    limit = catalogue.review_due_before(today)
    stale = [s for s in services if s.reviewed_at <= limit]
    return render(
        request,
        "ecosystem/my_services.html",
        {"services": services, "stale": stale, "limit": limit},
    )


def _own_service(request, service_id):
    return get_object_or_404(
        Service,
        pk=service_id,
        provider_id__in=organisation_ids_with(request.user, Perm.MANAGE_CATALOGUE),
    )


@requires(Perm.MANAGE_CATALOGUE)
def service_edit(request, service_id=None):
    """Create or edit an entry; saving counts as a review. Optimistic: a stale form is refused."""
    service = _own_service(request, service_id) if service_id else None
    providers = sorted(organisation_ids_with(request.user, Perm.MANAGE_CATALOGUE))
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            entry = form.save(commit=False)
            if service is not None:
                stored = Service.objects.select_for_update().get(pk=service.pk)
                if stored.version != form.cleaned_data["version"]:
                    form.add_error(
                        None, _("Someone else changed this entry meanwhile. Reload and try again.")
                    )
                    return render(request, "ecosystem/service_form.html", {"form": form})
                entry.version = stored.version + 1
            else:
                entry.provider_id = providers[0]
            entry.reviewed_at = timezone.localdate()
            entry.save()
        messages.success(request, _("Service saved."))
        return redirect("ecosystem:my_services")
    return render(request, "ecosystem/service_form.html", {"form": form, "service": service})


# --- referring and consents (coach) -------------------------------------------------------------
def _person(request, person_id):
    return get_object_or_404(Person.objects.visible_to(request.user), pk=person_id)


@requires(Perm.MANAGE_CASEWORK)
def refer(request, person_id):
    person = _person(request, person_id)
    log_reads(request.user, [person], "ecosystem:refer")
    form = ReferForm(request.POST or None, person=person, area_id=_area_id(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _attempt(
            form,
            lambda: referrals.refer(
                request.user,
                person,
                service=data["service"],
                organisation=data["organisation"],
                purpose=data["purpose"],
                categories=data["categories"],
                legal_basis=data["legal_basis"],
                consent=data["consent"],
            ),
        )
        if done:
            messages.success(request, _("Referral sent."))
            return redirect("ecosystem:referral", referral_id=done.pk)
    return render(request, "ecosystem/refer.html", {"form": form, "person": person})


@requires(Perm.MANAGE_CASEWORK)
def record_consent(request, person_id):
    person = _person(request, person_id)
    log_reads(request.user, [person], "ecosystem:record_consent")
    form = ConsentForm(request.POST or None, area_id=_area_id(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _attempt(form, lambda: consents.record_consent(request.user, person, **data))
        if done:
            messages.success(request, _("Consent recorded."))
            return redirect("jobseekers:detail", person_id=person.pk)
    return render(request, "ecosystem/consent_form.html", {"form": form, "person": person})


# --- referrals (receiving side and followers) ----------------------------------------------------
@requires(Perm.VIEW_REFERRALS)
def queue(request):
    """Active referrals to the user's organisations, oldest due first. The only list of people a
    partner has: it shows who has been referred to them, nothing else."""
    org_ids = organisation_ids_with(request.user, Perm.VIEW_REFERRALS)
    page = Paginator(
        Referral.objects.filter(organisation_id__in=org_ids, state__in=Referral.ACTIVE)
        .select_related("person", "service", "sender_organisation")
        .only(*QUEUE_COLUMNS)
        .order_by("response_due", "id"),
        QUEUE_PAGE,
    ).get_page(request.GET.get("page"))
    incoming = list(page.object_list)
    states = choice_labels(Referral.State.choices)
    for referral in incoming:
        referral.state_label = states[referral.state]
    log_reads(request.user, {r.person for r in incoming}, "ecosystem:queue")
    return render(
        request,
        "ecosystem/queue.html",
        {"incoming": incoming, "page": page, "today": timezone.localdate()},
    )


def _referral(request, referral_id):
    return get_object_or_404(
        referrals_visible_to(request.user).select_related(
            "person", "service", "organisation", "sender_organisation", "consent"
        ),
        pk=referral_id,
    )


@requires(Perm.VIEW_REFERRALS)
def referral_detail(request, referral_id):
    referral = _referral(request, referral_id)
    person = referral.person
    log_reads(request.user, [person], "ecosystem:referral")
    partner = bool(organisation_ids_with(request.user, Perm.VIEW_REFERRED_PERSONS))
    categories = covered_categories(request.user, person) if partner else None
    sections = partner_sections(person, categories) if partner else None
    may_answer = referral.organisation_id in organisation_ids_with(
        request.user, Perm.MANAGE_REFERRALS
    )
    return render(
        request,
        "ecosystem/referral.html",
        {
            "r": referral,
            "person": person,
            "sections": sections,
            "partner": partner,
            "may_answer": may_answer and referral.is_active,
            "may_refer_onward": partner and referrals.may_refer_onward(request.user, referral),
            "form": TransitionForm(initial={"version": referral.version}),
            "today": timezone.localdate(),
        },
    )


@requires(Perm.MANAGE_REFERRALS)
def refer_onward(request, referral_id):
    """A partner refers the person of a referral to them onward (``referrals.refer_onward``).
    Reached from the referral page; a referral the user does not serve is not found."""
    source = _referral(request, referral_id)
    if not referrals.may_refer_onward(request.user, source):
        raise Http404
    person = source.person
    log_reads(request.user, [person], "ecosystem:refer_onward")
    form = OnwardForm(
        request.POST or None,
        consents=onward_consents(request.user, person),
        area_id=_area_id(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _attempt(form, lambda: referrals.refer_onward(request.user, source, **data))
        if done:
            messages.success(request, _("Referral sent."))
            return redirect("ecosystem:referral", referral_id=source.pk)
    return render(request, "ecosystem/refer_onward.html", {"form": form, "r": source})


@require_POST
@requires(Perm.MANAGE_REFERRALS)
def referral_transition(request, referral_id):
    referral = _referral(request, referral_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form."))
        return redirect("ecosystem:referral", referral_id=referral.pk)
    data = dict(form.cleaned_data)
    action, version = data.pop("action"), data.pop("version")
    try:
        referrals.transition(request.user, referral, action, version=version, **data)
        messages.success(request, _("Referral updated."))
    except CaseworkError as exc:
        messages.error(request, exc.message)
    if not referrals_visible_to(request.user).filter(pk=referral.pk).exists():
        return redirect("ecosystem:queue")  # closed: the partner's access ended with it
    return redirect("ecosystem:referral", referral_id=referral.pk)


# --- self-service ------------------------------------------------------------------------------
def _own_person(request):
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    return person


@requires(Perm.VIEW_OWN_RECORD)
def my_consents(request):
    person = _own_person(request)
    return render(
        request,
        "ecosystem/my_consents.html",
        {
            "consents": Consent.objects.filter(person=person).prefetch_related("recipients"),
            "referrals": Referral.objects.filter(person=person).select_related(
                "service", "organisation"
            ),
            "today": timezone.localdate(),
        },
    )


@requires(Perm.VIEW_OWN_RECORD)
def give_consent(request):
    """The person consents in self-service; the record's evidence is this electronic acceptance
    (written, so it may cover health data: 380/2023 §116(4), §118)."""
    person = _own_person(request)
    area_id = person.customerships.values_list("organisation__area_id", flat=True).first()
    form = MyConsentForm(request.POST or None, area_id=area_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = _attempt(
            form,
            lambda: consents.record_consent(
                request.user,
                person,
                legal_basis=LegalBasis.CONSENT,
                evidence=Consent.Evidence.ELECTRONIC,
                **data,
            ),
        )
        if done:
            messages.success(request, _("Consent recorded."))
            return redirect("ecosystem:my_consents")
    return render(request, "ecosystem/consent_form.html", {"form": form, "person": person})


@require_POST
@requires(Perm.VIEW_OWN_RECORD)
def withdraw_consent(request, consent_id):
    consent = get_object_or_404(Consent, pk=consent_id, person=_own_person(request))
    try:
        consents.withdraw_consent(request.user, consent)
        messages.success(request, _("Consent withdrawn. It no longer allows any sharing."))
    except CaseworkError as exc:
        messages.error(request, exc.message)
    return redirect("ecosystem:my_consents")


@requires(Perm.VIEW_OWN_RECORD)
def my_reads(request):
    """The data subject's view of who read their data (GDPR Art. 15; 380/2023 §§124–126)."""
    person = _own_person(request)
    reads = AccessLog.objects.filter(person=person).prefetch_related(
        "actor__memberships__organisation"
    )
    page = Paginator(reads.select_related("actor"), 50).get_page(request.GET.get("page"))
    return render(request, "ecosystem/my_reads.html", {"page": page})
