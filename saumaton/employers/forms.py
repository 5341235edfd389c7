"""Forms of the employers pages; the services do the checking, forms only parse."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from saumaton.casework.forms import DateInput
from saumaton.casework.models import ApplicationReport
from saumaton.matching import vocabulary as voc
from saumaton.rules.subsidies import EMPLOYER_KINDS, PAYMENT_PERIOD_MONTHS

from .models import EmployerContact, EmployerContactLog, Vacancy


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


def _codes(text: str) -> list[str]:
    """Codes typed with commas, semicolons or spaces between them."""
    return [part for part in re.split(r"[\s,;]+", text) if part]


def workplace_label(location) -> str:
    """A location as the vacancy form lists it: name, street address, and whether retired."""
    label = ", ".join(part for part in (location.name, location.street_address) if part)
    if not location.active:
        label = _("%(location)s (no longer in use)") % {"location": label}
    return label


class VacancyForm(forms.Form):
    """Every typed field of a vacancy. The form only parses into an import row; the rules of a
    valid vacancy are the import's (``importing.check_one``), whose problems come back as errors
    on these fields (same names as the import's columns)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    reference = forms.CharField(label=_("Employer's reference"), required=False, max_length=64)
    title_fi = forms.CharField(label=_("Title (Finnish)"), required=False, max_length=200)
    title_sv = forms.CharField(label=_("Title (Swedish)"), required=False, max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), required=False, max_length=200)
    description_fi = forms.CharField(
        label=_("Description (Finnish)"), required=False, widget=forms.Textarea
    )
    description_sv = forms.CharField(
        label=_("Description (Swedish)"), required=False, widget=forms.Textarea
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea
    )
    occupation = forms.CharField(
        label=_("Occupation (ISCO-08)"),
        max_length=4,
        help_text=_("The four-digit ISCO-08 unit group, for example 5120 for cooks."),
    )
    required_skills = forms.CharField(
        label=_("Required skills"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("ESCO skill ids, separated by commas."),
    )
    preferred_skills = forms.CharField(
        label=_("Preferred skills"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("ESCO skill ids, separated by commas."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        help_text=_("Language and minimum level, separated by commas, for example fi:B2, en:B1."),
    )
    licences = forms.MultipleChoiceField(
        label=_("Licences and cards"),
        required=False,
        choices=[(c, c.replace("_", " ")) for c in voc.LICENCES],
        widget=forms.CheckboxSelectMultiple,
    )
    education_level_min = forms.TypedChoiceField(
        label=_("Minimum education (ISCED)"),
        required=False,
        choices=[("", "–"), *((str(n), str(n)) for n in range(9))],
    )
    location = forms.CharField(  # a choice, but checked by the import's rules with the others
        label=_("Workplace"),
        required=False,
        widget=forms.Select,
        help_text=_(
            "One of the employer's locations gives the municipality, postcode and coordinates."
        ),
    )
    municipality = forms.CharField(
        label=_("Municipality code"),
        required=False,
        max_length=3,
        help_text=_("Give the municipality code, the postcode or both."),
    )
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=5)
    remote = forms.ChoiceField(label=_("Remote work"), choices=Vacancy.Remote.choices)
    work_time = forms.ChoiceField(label=_("Working time"), choices=Vacancy.WorkTime.choices)
    demands = forms.MultipleChoiceField(
        label=_("Physical and schedule demands"),
        required=False,
        choices=[(c, c.replace("_", " ")) for c in voc.DEMANDS],
        widget=forms.CheckboxSelectMultiple,
    )
    duration_months = forms.IntegerField(
        label=_("Duration (months, empty = permanent)"), required=False, min_value=1, max_value=600
    )
    start_date = forms.DateField(label=_("Start"), required=False, widget=DateInput)
    deadline = forms.DateField(label=_("Application deadline"), required=False, widget=DateInput)
    wage_subsidy_eligible = forms.BooleanField(label=_("Wage subsidy possible"), required=False)
    status = forms.ChoiceField(label=_("Status"))

    def __init__(self, *args, statuses=(), locations=(), **kwargs):
        """``locations``: the employer's locations that may be chosen (those in use, and a
        retired one the vacancy already points at, which it may keep)."""
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label) for value, label in Vacancy.Status.choices if value in statuses
        ]
        self.fields["location"].widget.choices = [
            ("", _("Another place: give the municipality or postcode")),
            *((str(location.pk), workplace_label(location)) for location in locations),
        ]

    @staticmethod
    def initial_from(row: dict) -> dict:
        """Form values from an import row (``editing.row_of``)."""
        return {
            **row,
            "required_skills": ", ".join(row["required_skills"]),
            "preferred_skills": ", ".join(row["preferred_skills"]),
            "languages": ", ".join(f"{x['code']}:{x['level']}" for x in row["languages"]),
            "wage_subsidy_eligible": row["wage_subsidy_eligible"] == "true",
        }

    def row(self) -> dict:
        """The cleaned form as an import row."""
        data = self.cleaned_data
        return {
            **{k: v for k, v in data.items() if k != "version"},
            "required_skills": _codes(data["required_skills"]),
            "preferred_skills": _codes(data["preferred_skills"]),
            "languages": ";".join(_codes(data["languages"])),
            "education_level_min": data["education_level_min"] or "",
            "duration_months": "" if data["duration_months"] is None else data["duration_months"],
            "start_date": data["start_date"].isoformat() if data["start_date"] else "",
            "deadline": data["deadline"].isoformat() if data["deadline"] else "",
            "wage_subsidy_eligible": "true" if data["wage_subsidy_eligible"] else "false",
        }

    def add_import_errors(self, errors) -> None:
        for error in errors:
            field = error.column if error.column in self.fields else None
            self.add_error(field, error.message)


class RegisterForm(forms.Form):
    """A register form parses only; ``register`` checks and reports problems by field name."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    def add_problems(self, problems) -> None:
        for problem in problems:
            field = problem.field if problem.field in self.fields else None
            message = problem.message
            if problem.existing is not None:
                message = format_html(
                    '{} <a href="{}">{}</a>',
                    message,
                    reverse("employers:employer", args=[problem.existing.pk]),
                    _("Open the employer"),
                )
            self.add_error(field, message)


class EmployerForm(RegisterForm):
    """The employer and its profile (area staff); the area is chosen when it is created."""

    name = forms.CharField(label=_("Name"), max_length=200)
    business_id = forms.CharField(
        label=_("Business ID (Y-tunnus)"), max_length=9, help_text=_("For example 1572860-0.")
    )
    industry = forms.CharField(label=_("Industry"), max_length=200, required=False)
    account_manager = forms.TypedChoiceField(
        label=_("Account manager"), required=False, coerce=int, empty_value=None
    )
    area = forms.TypedChoiceField(label=_("Employment area"), coerce=int)

    def __init__(self, *args, areas=(), managers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account_manager"].choices = [
            ("", "–"),
            *((u.pk, u.get_full_name() or u.username) for u in managers),
        ]
        if areas:
            self.fields["area"].choices = [(a.pk, a.name) for a in areas]
        else:
            del self.fields["area"]


class LocationForm(RegisterForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    street_address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=5, required=False)
    municipality = forms.CharField(
        label=_("Municipality code"),
        max_length=3,
        required=False,
        help_text=_("Give the postcode, the municipality code or both."),
    )
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)


class ContactForm(RegisterForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    language = forms.CharField(  # checked by the register with the other fields
        label=_("Preferred language"),
        widget=forms.Select(choices=EmployerContact.Language.choices),
    )
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)
