"""Forms of the casework pages; the services do the checking, forms only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from saumaton.rules.sanctions import VALID_REASONS

from .models import ApplicationReport, EmploymentPlan, Meeting, ServiceNeedAssessment


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class BookMeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    day = forms.DateField(label=_("Date"), widget=DateInput)
    time = forms.TimeField(label=_("Time"), widget=TimeInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=Meeting.Channel.choices)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    late_reason = forms.CharField(
        label=_("Reason, if booked after the statutory due date"), required=False, max_length=300
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in Meeting.Outcome.choices if c[0] != "scheduled"]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class PlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    survey = forms.CharField(
        label=_("Survey part: service need and summary"), widget=forms.Textarea, required=False
    )
    goals = forms.CharField(label=_("Goals (one per line)"), widget=forms.Textarea, required=False)
    actions = forms.CharField(
        label=_("Actions and services (one per line: text | start | end)"),
        widget=forms.Textarea,
        required=False,
    )
    follow_up_method = forms.CharField(label=_("Follow-up method"), max_length=200)
    follow_up_deadline = forms.DateField(label=_("Follow-up deadline"), widget=DateInput)
    duty_start = forms.DateField(
        label=_("Job-search duty starts (leave empty to keep the current periods)"),
        widget=DateInput,
        required=False,
    )

    def clean_actions(self):
        actions = []
        for number, line in enumerate(self.cleaned_data["actions"].splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            text, start, end = [*parts, "", ""][:3]
            for value in (start, end):
                if value:
                    try:
                        forms.DateField().clean(value)
                    except forms.ValidationError as exc:
                        raise forms.ValidationError(
                            _("Line %(n)s: %(value)s is not a date (YYYY-MM-DD).")
                            % {"n": number, "value": value}
                        ) from exc
            actions.append({"text": text, "start": start or None, "end": end or None})
        return actions

    def content(self) -> dict:
        data = self.cleaned_data
        return {
            "survey": data["survey"],
            "goals": [g.strip() for g in data["goals"].splitlines() if g.strip()],
            "actions": data["actions"],
        }


class AcceptPlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    method = forms.ChoiceField(label=_("Accepted how"), choices=EmploymentPlan.Acceptance.choices)


class ValidReasonForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Valid reason"), choices=[(k, k.replace("_", " ")) for k in VALID_REASONS]
    )
    account = forms.CharField(label=_("Account"), widget=forms.Textarea, required=False)


class ApplicationForm(forms.Form):
    employer = forms.CharField(label=_("Employer"), max_length=200)
    job_title = forms.CharField(label=_("Job"), max_length=200)
    applied_on = forms.DateField(label=_("Applied on"), widget=DateInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=ApplicationReport.Channel.choices)


class ReassignForm(forms.Form):
    person = forms.UUIDField(widget=forms.HiddenInput)
    coach = forms.IntegerField(label=_("New coach"))


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = ServiceNeedAssessment
        fields = [
            "assessed_on",
            "skills_and_goals",
            "work_capacity",
            "job_search_skills",
            "prolonged_unemployment_risk",
            "multisectoral_need",
        ]
        widgets = {"assessed_on": DateInput}
