"""The service-need assessment (palvelutarpeen arviointi, 380/2023 §37), one factor per field."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event

from .errors import CaseworkError
from .models import ServiceNeedAssessment

ASSESSMENT_BASIS = "380/2023 §37"


@transaction.atomic
def record_assessment(actor, person, *, assessed_on: date, **factors) -> ServiceNeedAssessment:
    if assessed_on > timezone.localdate():
        raise CaseworkError(_("An assessment cannot be dated in the future."), "assessed_on")
    if not any(str(v).strip() for k, v in factors.items() if k != "multisectoral_need"):
        raise CaseworkError(_("Record at least one of the assessment factors."), None)
    assessment = ServiceNeedAssessment.objects.create(
        person=person, assessed_on=assessed_on, assessed_by=actor, **factors
    )
    customership = person.customerships.filter(end_date__isnull=True).first()
    record_event(
        person,
        Event.Type.ASSESSMENT_RECORDED,
        actor=actor,
        organisation=customership.organisation if customership else None,
        legal_basis=ASSESSMENT_BASIS,
        payload={"assessment": assessment.pk, "risk": assessment.prolonged_unemployment_risk},
    )
    return assessment
