"""Serializers of the employers API. The vacancy's ``matching`` field is the export schema the
matching CLI reads (``saumaton.matching.records.Vacancy.to_json``), so a file of those lines
can be fed to ``saumaton match`` unchanged."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from saumaton.casework.models import ApplicationReport
from saumaton.organisations.models import Organisation

from .adapter import vacancy_record
from .models import AssignedVacancy, EmployerContact, EmployerLocation, Vacancy


class LocationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmployerLocation
        fields = [
            "id",
            "employer",
            "name",
            "street_address",
            "postcode",
            "municipality",
            "lat",
            "lon",
            "active",
            "version",
        ]

    employer = serializers.IntegerField(source="organisation_id")


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmployerContact
        fields = [
            "id",
            "employer",
            "name",
            "title",
            "email",
            "phone",
            "language",
            "active",
            "version",
        ]

    employer = serializers.IntegerField(source="organisation_id")


class EmployerSerializer(serializers.ModelSerializer):
    """The employer with its profile; ``version`` is the profile's (send it with a PATCH)."""

    industry = serializers.CharField(source="employer_profile.industry", default="")
    account_manager = serializers.IntegerField(
        source="employer_profile.account_manager_id", default=None
    )
    version = serializers.IntegerField(source="employer_profile.version", default=1)
    locations = LocationSerializer(source="employer_locations", many=True, read_only=True)
    contacts = ContactSerializer(source="employer_contacts", many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "business_id",
            "area",
            "industry",
            "account_manager",
            "version",
            "locations",
            "contacts",
        ]


class EmployerWriteSerializer(serializers.Serializer):
    """The body of an employer POST or PATCH (for the schema; ``register`` checks it)."""

    area = serializers.IntegerField(
        required=False,
        help_text="POST only; may be left out by a user who serves employers in one area",
    )
    version = serializers.IntegerField(required=False, help_text="PATCH only, required there")
    name = serializers.CharField(required=False)
    business_id = serializers.CharField(required=False, help_text="Y-tunnus, 1234567-8")
    industry = serializers.CharField(required=False)
    account_manager = serializers.IntegerField(required=False, allow_null=True)


class LocationWriteSerializer(serializers.Serializer):
    employer = serializers.IntegerField(required=False, help_text="POST only")
    version = serializers.IntegerField(required=False, help_text="PATCH only, required there")
    name = serializers.CharField(required=False)
    street_address = serializers.CharField(required=False)
    postcode = serializers.CharField(required=False)
    municipality = serializers.CharField(required=False, help_text="municipality code")
    active = serializers.BooleanField(required=False)


class ContactWriteSerializer(serializers.Serializer):
    employer = serializers.IntegerField(required=False, help_text="POST only")
    version = serializers.IntegerField(required=False, help_text="PATCH only, required there")
    name = serializers.CharField(required=False)
    title = serializers.CharField(required=False)
    email = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)
    language = serializers.ChoiceField(choices=EmployerContact.Language.choices, required=False)
    active = serializers.BooleanField(required=False)


class VacancySerializer(serializers.ModelSerializer):
    matching = serializers.SerializerMethodField()

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "employer",
            "reference",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "occupation",
            "required_skills",
            "preferred_skills",
            "languages",
            "licences",
            "education_level_min",
            "location",
            "municipality",
            "postcode",
            "lat",
            "lon",
            "remote",
            "work_time",
            "demands",
            "duration_months",
            "start_date",
            "deadline",
            "wage_subsidy_eligible",
            "status",
            "version",
            "matching",
        ]

    @extend_schema_field(serializers.DictField())
    def get_matching(self, vacancy) -> dict:
        return vacancy_record(vacancy).to_json()


class VacancyWriteSerializer(serializers.Serializer):
    """The body of a vacancy POST or PATCH (for the schema; the checking is the import's, so a
    field's format is that of its import column in docs/employers.md). PATCH needs ``version``.
    The writable keys are ``editing.WRITABLE``; a test keeps this schema in step with it."""

    employer = serializers.IntegerField(required=False, help_text="POST only")
    version = serializers.IntegerField(required=False, help_text="PATCH only, required there")
    reference = serializers.CharField(required=False)
    title_fi = serializers.CharField(required=False)
    title_sv = serializers.CharField(required=False)
    title_en = serializers.CharField(required=False)
    description_fi = serializers.CharField(required=False)
    description_sv = serializers.CharField(required=False)
    description_en = serializers.CharField(required=False)
    occupation = serializers.CharField(required=False, help_text="ISCO-08 unit group")
    required_skills = serializers.ListField(child=serializers.CharField(), required=False)
    preferred_skills = serializers.ListField(child=serializers.CharField(), required=False)
    languages = serializers.ListField(child=serializers.DictField(), required=False)
    licences = serializers.ListField(child=serializers.CharField(), required=False)
    education_level_min = serializers.IntegerField(required=False, allow_null=True)
    location = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="id of one of the employer's locations in use, which gives the place; "
        "null = another place, given by municipality and/or postcode",
    )
    municipality = serializers.CharField(required=False)
    postcode = serializers.CharField(required=False)
    remote = serializers.ChoiceField(choices=Vacancy.Remote.choices, required=False)
    work_time = serializers.ChoiceField(choices=Vacancy.WorkTime.choices, required=False)
    demands = serializers.ListField(child=serializers.CharField(), required=False)
    duration_months = serializers.IntegerField(required=False, allow_null=True)
    start_date = serializers.DateField(required=False, allow_null=True)
    deadline = serializers.DateField(required=False, allow_null=True)
    wage_subsidy_eligible = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=Vacancy.Status.choices, required=False)


class MatchSerializer(serializers.Serializer):
    """One suggestion: the other side's id, the score 0–1, and the reasons as sentences."""

    id = serializers.UUIDField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class AssignedVacancySerializer(serializers.ModelSerializer):
    person_id = serializers.UUIDField()
    vacancy_id = serializers.UUIDField()

    class Meta:
        model = AssignedVacancy
        fields = [
            "id",
            "person_id",
            "vacancy_id",
            "assigned_on",
            "deadline",
            "state",
            "decided_on",
            "version",
        ]
        read_only_fields = ["id", "assigned_on", "state", "decided_on", "version"]


class AppliedSerializer(serializers.Serializer):
    applied_on = serializers.DateField()
    channel = serializers.ChoiceField(choices=ApplicationReport.Channel.choices)


class OutcomeSerializer(serializers.Serializer):
    hired = serializers.BooleanField()
    on = serializers.DateField()
    version = serializers.IntegerField(min_value=1)


class MatchingProfileSerializer(serializers.Serializer):
    """A person's id and their record in the matching schema (null when unmatchable)."""

    id = serializers.UUIDField()
    profile = serializers.DictField(allow_null=True)
