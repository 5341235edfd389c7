"""Forms of the registration, merge, profile and status pages; the services do the checking."""

from __future__ import annotations

from django import forms
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from saumaton.reference.models import EscoSkill, IscoGroup, Municipality

from .models import (
    Education,
    EmploymentStatusPeriod,
    JobseekerCustomership,
    LanguageSkill,
    Licence,
    Person,
    PersonSkill,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)
from .status_changes import SERVICE_TYPES, STATUSES_AFTER


class DateInput(forms.DateInput):
    input_type = "date"


class _PersonFields(forms.Form):
    first_name = forms.CharField(label=_("First names"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    home_municipality = forms.ModelChoiceField(
        label=_("Home municipality"), queryset=Municipality.objects.all()
    )
    postcode = forms.RegexField(label=_("Postcode"), regex=r"^\d{5}$", required=False)
    language = forms.ChoiceField(label=_("Service language"), choices=Person.Language.choices)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.RegexField(
        label=_("Phone"), regex=r"^\+?[\d ()-]{5,20}$", required=False, max_length=32
    )
    start_date = forms.DateField(label=_("Job search starts"), widget=DateInput)
    status = forms.ChoiceField(
        label=_("Employment status"), choices=JobseekerCustomership.Status.choices
    )


class StaffRegistrationForm(_PersonFields):
    """A coach registers a person: with an identity code, or with name and birth date."""

    hetu = forms.CharField(
        label=_("Personal identity code (leave empty if the person has none)"),
        max_length=11,
        required=False,
        strip=True,
    )
    birth_date = forms.DateField(
        label=_("Birth date (only without an identity code)"), widget=DateInput, required=False
    )
    coach = forms.ModelChoiceField(label=_("Responsible coach"), queryset=None, required=False)
    existing = forms.UUIDField(required=False, widget=forms.HiddenInput)
    confirm_new = forms.BooleanField(
        label=_("None of the records shown is this person: register a new record"),
        required=False,
    )

    field_order = ["hetu", "first_name", "last_name", "birth_date"]

    def __init__(self, *args, coaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches

    def clean_hetu(self):
        return self.cleaned_data["hetu"].upper()


class SelfRegistrationForm(_PersonFields):
    """The person starts their own job search; the identity code comes from identification."""


class DemoIdentificationForm(forms.Form):
    hetu = forms.ChoiceField(label=_("Test identity code"), widget=forms.RadioSelect)

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hetu"].choices = [(h, h) for h in suggestions]


def _isco_units():
    return IscoGroup.objects.filter(level=4)


class EducationForm(forms.ModelForm):
    class Meta:
        model = Education
        fields = ["level", "field", "degree", "completed_year"]


class WorkExperienceForm(forms.ModelForm):
    occupation = forms.ModelChoiceField(
        label=_("Occupation (ISCO-08 unit group)"), queryset=_isco_units()
    )

    class Meta:
        model = WorkExperience
        fields = ["occupation", "employer_name", "start", "end"]
        widgets = {"start": DateInput, "end": DateInput}


class PersonSkillForm(forms.ModelForm):
    skill = forms.ModelChoiceField(queryset=EscoSkill.objects.all(), widget=forms.HiddenInput)

    class Meta:
        model = PersonSkill
        fields = ["skill"]


def _languages():
    return sorted(
        (
            (code, info["name"])
            for code, info in LANG_INFO.items()
            if "name" in info and "-" not in code
        ),
        key=lambda c: c[1],
    )


class LanguageSkillForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language"), choices=_languages)

    class Meta:
        model = LanguageSkill
        fields = ["language", "level"]


class LicenceForm(forms.ModelForm):
    class Meta:
        model = Licence
        fields = ["kind", "valid_until"]
        widgets = {"valid_until": DateInput}


class LimitationForm(forms.ModelForm):
    class Meta:
        model = WorkAbilityLimitation
        fields = ["code", "source"]


ADD_FORMS = {
    "education": EducationForm,
    "work": WorkExperienceForm,
    "skills": PersonSkillForm,
    "languages": LanguageSkillForm,
    "licences": LicenceForm,
    "limitations": LimitationForm,
}


class SkillSearchForm(forms.Form):
    q = forms.CharField(label=_("Search skills"), min_length=2, max_length=100)


class PreferencesForm(forms.ModelForm):
    occupations = forms.ModelMultipleChoiceField(
        label=_("Occupations sought"), queryset=_isco_units(), required=False
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"), queryset=Municipality.objects.all(), required=False
    )
    work_time = forms.MultipleChoiceField(
        label=_("Working time"),
        choices=Preferences.WorkTime.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Preferences
        fields = ["occupations", "municipalities", "max_commute_km", "accepts_remote", "work_time"]


class ChangeStatusForm(forms.Form):
    """A change of employment status; the service checks it against the open period."""

    status = forms.ChoiceField(
        label=_("New employment status"), choices=EmploymentStatusPeriod.Status.choices
    )
    service_type = forms.ChoiceField(
        label=_("Service (only with “In a service”)"),
        choices=[("", "–"), *SERVICE_TYPES.choices],
        required=False,
    )
    start = forms.DateField(label=_("Starts on"), widget=DateInput)
    reason = forms.CharField(label=_("Note"), max_length=300, required=False)
    expected_period = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EndJobSearchForm(forms.Form):
    """Ending the job search (380/2023 §28); ``merged`` is only for the merge."""

    end_date = forms.DateField(label=_("Job search ends on"), widget=DateInput)
    reason = forms.ChoiceField(
        label=_("End reason"),
        choices=[
            c
            for c in JobseekerCustomership.EndReason.choices
            if c[0] != JobseekerCustomership.EndReason.MERGED
        ],
    )
    status_after = forms.ChoiceField(
        label=_("Status after the job search (if known)"),
        choices=[
            ("", "–"),
            *[(s.value, s.label) for s in STATUSES_AFTER],
        ],
        required=False,
    )
