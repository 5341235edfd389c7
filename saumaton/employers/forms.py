"""Forms of the employers pages; the services do the checking, forms only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from saumaton.casework.forms import DateInput
from saumaton.casework.models import ApplicationReport


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
