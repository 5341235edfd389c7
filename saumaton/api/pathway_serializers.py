"""Serializers of the pathway API: what is shown, and the shape of what may be sent.

Output serializers never include the henkilötunnus: people are addressed by UUID, and the API
has no use for the identity code that would justify sending it. Input serializers only parse;
the casework services decide what the law and the record allow (one set of rules for both
doors), so a refusal reads the same in the UI and in the API.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from saumaton.casework.models import (
    ApplicationReport,
    DutyPeriod,
    EmploymentPlan,
    Failure,
    Meeting,
    Statement,
)
from saumaton.jobseekers import target_groups
from saumaton.jobseekers.models import (
    Education,
    EmploymentStatusPeriod,
    JobseekerCustomership,
    LanguageSkill,
    Licence,
    Person,
    Preferences,
    WorkAbilityLimitation,
    WorkExperience,
)
from saumaton.rules.sanctions import VALID_REASONS


class ErrorSerializer(serializers.Serializer):
    """The error contract: a message for people and the input field it concerns."""

    error = serializers.CharField()
    field = serializers.CharField(allow_null=True)


class CoachSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="get_full_name")


class CustomershipSerializer(serializers.ModelSerializer):
    coach = CoachSerializer(allow_null=True)

    class Meta:
        model = JobseekerCustomership
        fields = [
            "id",
            "organisation",
            "unit",
            "coach",
            "start_date",
            "end_date",
            "end_reason",
            "status",
        ]


class PersonListSerializer(serializers.ModelSerializer):
    customership = CustomershipSerializer(
        source="active_customership", allow_null=True, read_only=True
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "first_name",
            "last_name",
            "birth_date",
            "language",
            "home_municipality",
            "customership",
        ]


class TargetGroupSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class PersonDetailSerializer(PersonListSerializer):
    """The person with the facts of the overall picture: status, duration and target groups.

    Expects the person's customerships, status periods, limitations and assessments prefetched.
    """

    unemployed_since = serializers.SerializerMethodField()
    unemployed_days = serializers.SerializerMethodField()
    target_groups = serializers.SerializerMethodField()

    class Meta(PersonListSerializer.Meta):
        fields = [
            *PersonListSerializer.Meta.fields,
            "email",
            "phone",
            "mother_tongue",
            "citizenship",
            "postcode",
            "education_level",
            "last_occupation",
            "unemployed_since",
            "unemployed_days",
            "target_groups",
        ]

    def _since(self, person):
        return target_groups.unemployed_since(
            person.status_periods.all(), person.active_customership
        )

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_unemployed_since(self, person):
        return self._since(person)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_unemployed_days(self, person):
        since = self._since(person)
        return (timezone.localdate() - since).days if since else None

    @extend_schema_field(TargetGroupSerializer(many=True))
    def get_target_groups(self, person):
        assessment = next(iter(person.assessments.all()), None)  # newest first
        codes = target_groups.derive(
            person,
            timezone.localdate(),
            status_periods=person.status_periods.all(),
            customership=person.active_customership,
            has_limitations=bool(person.limitations.all()),
            multisectoral_need=bool(assessment and assessment.multisectoral_need),
        )
        return [{"code": c, "label": str(target_groups.LABELS[c])} for c in codes]


class StatusPeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmploymentStatusPeriod
        fields = ["id", "status", "service_type", "start", "end"]


class PeriodsSerializer(serializers.Serializer):
    job_search_periods = CustomershipSerializer(many=True, source="customerships")
    status_periods = StatusPeriodSerializer(many=True)


class StatusChangeSerializer(serializers.Serializer):
    """A change of employment status (``jobseekers.status_changes.change_status``); the values
    are checked by the service, so the API and the page refuse alike."""

    status = serializers.CharField(help_text="an EmploymentStatusPeriod status")
    service_type = serializers.CharField(
        required=False, default="", allow_blank=True, help_text="with in_service only"
    )
    start = serializers.DateField()
    reason = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    expected_period = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="the open status period the client saw; refused if it changed meanwhile",
    )


class EndJobSearchSerializer(serializers.Serializer):
    """Ending the job search (380/2023 §28; ``jobseekers.status_changes.end_job_search``)."""

    end_date = serializers.DateField()
    reason = serializers.CharField(help_text="a JobseekerCustomership end reason, not merged")
    status_after = serializers.CharField(
        required=False,
        default="",
        allow_blank=True,
        help_text="employed, studying or outside_labour_force",
    )


class EducationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Education
        fields = ["level", "field", "degree", "completed_year"]


class WorkExperienceSerializer(serializers.ModelSerializer):
    occupation_label = serializers.CharField(source="occupation.label_en")

    class Meta:
        model = WorkExperience
        fields = ["occupation", "occupation_label", "employer_name", "start", "end"]


class SkillSerializer(serializers.Serializer):
    uri = serializers.CharField(source="skill.uri")
    label = serializers.CharField(source="skill.preferred_label_en")


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = LanguageSkill
        fields = ["language", "level"]


class LicenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Licence
        fields = ["kind", "valid_until"]


class LimitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkAbilityLimitation
        fields = ["code", "source"]


class PreferencesSerializer(serializers.ModelSerializer):
    work_time = serializers.ListField(
        child=serializers.ChoiceField(choices=Preferences.WorkTime.choices)
    )

    class Meta:
        model = Preferences
        fields = ["occupations", "municipalities", "max_commute_km", "accepts_remote", "work_time"]


class ProfileSerializer(serializers.Serializer):
    """The profile; ``limitations`` is null for a reader who may not see work-ability data
    (the view annotates ``health_visible``), and [] when none are recorded."""

    educations = EducationSerializer(many=True)
    work_history = WorkExperienceSerializer(many=True)
    skills = SkillSerializer(many=True)
    languages = LanguageSerializer(many=True)
    licences = LicenceSerializer(many=True)
    limitations = serializers.SerializerMethodField()
    preferences = PreferencesSerializer(allow_null=True, read_only=True)

    @extend_schema_field(LimitationSerializer(many=True, allow_null=True))
    def get_limitations(self, person):
        if not person.health_visible:
            return None
        return LimitationSerializer(person.limitations.all(), many=True).data


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmploymentPlan
        fields = [
            "id",
            "person",
            "version",
            "content",
            "duty_periods",
            "duty_required",
            "follow_up_method",
            "follow_up_deadline",
            "accepted_at",
            "acceptance",
            "updated_at",
            "updated_by",
        ]


class PlanUpdateSerializer(serializers.Serializer):
    """A new version of the plan; ``version`` is the one the client read (optimistic lock)."""

    version = serializers.IntegerField(min_value=1)
    content = serializers.JSONField(help_text="survey (text), goals (list), actions (list)")
    follow_up_method = serializers.CharField(max_length=200)
    follow_up_deadline = serializers.DateField()
    duty_start = serializers.DateField(required=False, allow_null=True, default=None)


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting; also parses a booking (the writable fields), so the schema has one component
    per choice set. ``person`` is parsed as a plain UUID: the view looks it up among the people
    the user may see, so a person outside the scope reads the same as one that does not exist."""

    person = serializers.UUIDField(source="person_id")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "person",
            "customership",
            "kind",
            "starts_at",
            "duration_minutes",
            "channel",
            "place",
            "coach",
            "due_date",
            "due_basis",
            "late_reason",
            "outcome",
            "outcome_note",
        ]
        read_only_fields = [
            "customership",
            "coach",
            "due_date",
            "due_basis",
            "outcome",
            "outcome_note",
        ]
        extra_kwargs = {"duration_minutes": {"min_value": 5, "max_value": 480}}


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[c for c in Meeting.Outcome.choices if c[0] != Meeting.Outcome.SCHEDULED]
    )
    note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)


class DutyPeriodSerializer(serializers.ModelSerializer):
    reported = serializers.IntegerField(read_only=True, help_text="applications reported")

    class Meta:
        model = DutyPeriod
        fields = [
            "id",
            "person",
            "start",
            "end",
            "required",
            "reported",
            "basis",
            "evaluation",
            "evaluated_at",
            "counted",
        ]


class ApplicationSerializer(serializers.ModelSerializer):
    """A reported application; also parses a report (see ``MeetingSerializer`` on ``person``)."""

    person = serializers.UUIDField(source="person_id")

    class Meta:
        model = ApplicationReport
        fields = [
            "id",
            "person",
            "period",
            "employer",
            "job_title",
            "applied_on",
            "channel",
            "reported_by",
            "reported_at",
        ]
        read_only_fields = ["period", "reported_by"]


class FailureSerializer(serializers.ModelSerializer):
    """``valid_reason_text`` is null for a reader who may not see health data (the view
    annotates ``health_visible``): a person's account of a failure often names an illness
    (``audit.personal_data``: HEALTH)."""

    valid_reason_text = serializers.SerializerMethodField()
    statement = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Failure
        fields = [
            "id",
            "person",
            "kind",
            "date",
            "meeting",
            "duty_period",
            "state",
            "consequence",
            "valid_reason",
            "valid_reason_text",
            "statement",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_valid_reason_text(self, failure):
        if not failure.health_visible:
            return None
        return failure.valid_reason_text


class ValidReasonSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=sorted(VALID_REASONS))
    account = serializers.CharField(required=False, default="", allow_blank=True)


class StatementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statement
        fields = [
            "id",
            "person",
            "failure",
            "kind",
            "issuer",
            "issuer_organisation",
            "deadline",
            "state",
            "issued_at",
            "issued_by",
        ]
