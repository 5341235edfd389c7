"""Forms of the ecosystem pages; the services decide what is allowed, the forms only parse."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from saumaton.jobseekers.models import Person
from saumaton.organisations.models import Organisation
from saumaton.reference.models import Municipality

from .models import Consent, DataCategory, LegalBasis, Referral, Service
from .referrals import TRANSITIONS

LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", "–"), *Service.Type.choices]
    )
    target_group = forms.ChoiceField(
        label=_("Target group"), required=False, choices=[("", "–"), *Service.TargetGroup.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", "–"), *LANGUAGES]
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.all()
    )
    remote = forms.BooleanField(label=_("Remote only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the municipalities where some service is: a short list instead of all of Finland.
        self.fields["municipality"].queryset = Municipality.objects.filter(
            code__in=Service.objects.filter(active=True).values("municipality_id")
        )


class ServiceForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=Service.TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    start_dates = forms.CharField(
        label=_("Start dates"),
        required=False,
        help_text=_("Dates as YYYY-MM-DD, separated by commas."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, initial=0)

    class Meta:
        model = Service
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "description_fi",
            "description_sv",
            "description_en",
            "type",
            "target_groups",
            "eligibility",
            "languages",
            "municipality",
            "address",
            "remote",
            "capacity",
            "start_dates",
            "duration_days",
            "unit_cost",
            "counts_as_activating",
            "response_days",
            "active",
            "ends_on",
        ]
        widgets = {"ends_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["start_dates"] = ", ".join(self.instance.start_dates)
            self.initial["version"] = self.instance.version

    def clean_start_dates(self) -> list[str]:
        values = []
        for part in filter(None, (p.strip() for p in self.cleaned_data["start_dates"].split(","))):
            try:
                values.append(date.fromisoformat(part).isoformat())
            except ValueError:
                raise forms.ValidationError(
                    _("%(value)s is not a date (YYYY-MM-DD)."), params={"value": part}
                ) from None
        return sorted(values)

    def clean_response_days(self) -> int:
        days = self.cleaned_data["response_days"]
        if not days or days < 1:
            raise forms.ValidationError(_("A response time is at least one working day."))
        return days

    def clean(self):
        data = super().clean()
        if not data.get("remote") and not data.get("municipality"):
            self.add_error("municipality", _("Give the municipality, or mark the service remote."))
        return data


class ReferForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Or an organisation"), queryset=Organisation.objects.none(), required=False
    )
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))
    categories = forms.MultipleChoiceField(
        label=_("Data shared"), choices=DataCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    legal_basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices)
    consent = forms.ModelChoiceField(
        label=_("Consent"), queryset=Consent.objects.none(), required=False
    )

    def __init__(self, *args, person: Person, area_id, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["service"].queryset = Service.objects.filter(
            active=True, provider__area_id=area_id
        ).select_related("provider")
        self.fields["organisation"].queryset = Organisation.objects.filter(area_id=area_id)
        self.fields["consent"].queryset = Consent.objects.filter(person=person).in_force(today)


class OnwardForm(forms.Form):
    """A partner's onward referral: a consent naming the receiver, or 381/2023 §15 in an open
    multisectoral case (the provider basis of 380/2023 §116 is the authority's, not offered)."""

    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.none(), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Or an organisation"), queryset=Organisation.objects.none(), required=False
    )
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))
    categories = forms.MultipleChoiceField(
        label=_("Data shared"), choices=DataCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"),
        choices=[
            (LegalBasis.CONSENT, LegalBasis.CONSENT.label),
            (LegalBasis.MULTISECTORAL, LegalBasis.MULTISECTORAL.label),
        ],
    )
    consent = forms.ModelChoiceField(
        label=_("Consent"), queryset=Consent.objects.none(), required=False
    )

    def __init__(self, *args, consents, area_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(
            active=True, provider__area_id=area_id
        ).select_related("provider")
        self.fields["organisation"].queryset = Organisation.objects.filter(area_id=area_id)
        self.fields["consent"].queryset = consents


class ConsentForm(forms.Form):
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    categories = forms.MultipleChoiceField(
        label=_("Data categories"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    recipients = forms.ModelMultipleChoiceField(
        label=_("Recipients"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    legal_basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices)
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence = forms.ChoiceField(label=_("Evidence"), choices=Consent.Evidence.choices)

    def __init__(self, *args, area_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = Organisation.objects.filter(area_id=area_id)
        self.fields["valid_from"].initial = timezone.localdate()


class TransitionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in TRANSITIONS], widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    start_date = forms.DateField(
        label=_("Agreed start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    expected_end = forms.DateField(
        label=_("Expected end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", "–"), *Referral.Outcome.choices]
    )
    own_fault = forms.BooleanField(label=_("Through the person's own fault"), required=False)


class MyConsentForm(ConsentForm):
    """The person's own consent in self-service: always a consent, accepted electronically."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["legal_basis"]
        del self.fields["evidence"]
