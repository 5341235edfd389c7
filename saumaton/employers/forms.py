"""Forms of the employers pages; the services do the checking, forms only parse."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from saumaton.casework.forms import DateInput
from saumaton.casework.models import ApplicationReport
from saumaton.rules.subsidies import EMPLOYER_KINDS, PAYMENT_PERIOD_MONTHS

from .models import EmployerContactLog, Vacancy


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or JSON file"))


class AssignForm(forms.Form):
    vacancy = forms.UUIDField(label=_("Vacancy"), widget=forms.HiddenInput)
    deadline = forms.DateField(label=_("Apply by"), widget=DateInput)


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    hired = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("1", _("Hired")), ("0", _("Not hired"))],
        coerce=lambda v: v == "1",
    )
    on = forms.DateField(label=_("Date"), widget=DateInput)


class AppliedForm(forms.Form):
    applied_on = forms.DateField(label=_("Applied on"), widget=DateInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=ApplicationReport.Channel.choices)


class PublicationForm(forms.Form):
    published = forms.BooleanField(
        label=_("Show my job-search profile to employers (without my name)"), required=False
    )
    shares_identity = forms.BooleanField(
        label=_("Employers may also see my name and contact details"), required=False
    )


class SubsidyApplicationForm(forms.Form):
    person = forms.ChoiceField(label=_("Person"))
    employer_kind = forms.ChoiceField(
        label=_("Employer type"), choices=[(k, k.replace("_", " ")) for k in EMPLOYER_KINDS]
    )
    start = forms.DateField(label=_("Employment starts"), widget=DateInput)
    months_requested = forms.IntegerField(label=_("Months applied for"), min_value=1, max_value=48)
    monthly_pay_cost = forms.DecimalField(
        label=_("Monthly pay cost (EUR)"), min_value=Decimal("0.01"), decimal_places=2
    )
    payment_period_months = forms.TypedChoiceField(
        label=_("Payment period (months)"),
        choices=[(m, str(m)) for m in PAYMENT_PERIOD_MONTHS],
        coerce=int,
    )
    reduced_work_ability = forms.BooleanField(
        label=_("The person's work ability is reduced"), required=False
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [
            (str(p.pk), f"{p.first_name} {p.last_name}") for p in people
        ]


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    grant = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Grant")), ("0", _("Refuse"))],
        coerce=lambda v: v == "1",
    )


class ClaimForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (EUR)"), min_value=Decimal("0.01"), decimal_places=2
    )


class VacancyStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    status = forms.ChoiceField(label=_("Status"), choices=Vacancy.Status.choices)


class ContactLogForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput)
    service = forms.ChoiceField(label=_("Service"), choices=EmployerContactLog.Service.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
