"""API v1, the jobseeker's pathway: people, periods, profiles, plans, meetings, duty, failures
and statements, scoped exactly as the casework pages (architecture principle 8).

Why every endpoint is built the same way (``PathwayViewSet``):

- records come from ``visible_to``: a record outside the user's scope is a 404, the same as one
  that does not exist, and a person named in a request body outside it is "no such person";
- a response that shows personal data writes the access log, one row per person per request;
- every change goes through the service the UI uses, and its refusal (``CaseworkError``,
  ``JobseekerError``) becomes ``{"error": message, "field": field}`` with 400, or 409 for the
  plan's optimistic lock. The services are atomic and the view writes nothing before them, so a
  refused request changes nothing. Input that does not parse gets the same contract.
"""

from __future__ import annotations

import uuid

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from saumaton.audit.access import log_reads
from saumaton.casework import duty, failures, meetings, plans
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.casework.models import (
    ApplicationReport,
    DutyPeriod,
    EmploymentPlan,
    Failure,
    Meeting,
    Statement,
)
from saumaton.jobseekers import status_changes
from saumaton.jobseekers.errors import JobseekerError
from saumaton.jobseekers.models import JobseekerCustomership, Person
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm

from . import pathway_serializers as s

READ = Perm.VIEW_PERSON
WRITE = Perm.MANAGE_CASEWORK

PERSON_FILTER = OpenApiParameter(
    "person", OpenApiTypes.UUID, description="Only the records of this person."
)
REFUSED = {400: s.ErrorSerializer}


def health_visible(user, person_ref: str = "pk"):
    """Whether ``user`` may see a person's work-ability data: special-category health data
    (GDPR Art. 9; 380/2023 §114) is for the staff who handle the person's case, i.e. who hold
    ``MANAGE_CASEWORK`` in an organisation where the person is a customer, not for every role
    that may read the record. An annotation, so a list costs no extra query per row."""
    return Exists(
        JobseekerCustomership.objects.filter(
            person=OuterRef(person_ref),
            organisation_id__in=organisation_ids_with(user, Perm.MANAGE_CASEWORK),
        )
    )


def _first_error(errors) -> tuple[str | None, str]:
    """The first message of a serializer's errors and the field it belongs to."""
    field = None
    while isinstance(errors, dict | list):
        if isinstance(errors, dict):
            field, errors = next(iter(errors.items()))
        else:
            errors = errors[0]
    return (None if field == "non_field_errors" else field), str(errors)


class PathwayViewSet(viewsets.GenericViewSet):
    """Scoping, access logging and the error contract, shared by every pathway endpoint."""

    def person_of(self, record):
        return record.person

    def log(self, records) -> None:
        persons = {p.pk: p for p in map(self.person_of, records)}
        log_reads(self.request.user, persons.values(), f"api:{self.basename}-{self.action}")

    def shown(self, record, status_code=status.HTTP_200_OK) -> Response:
        data = self.get_serializer(record).data
        self.log([record])
        return Response(data, status=status_code)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        data = self.get_serializer(page, many=True).data
        self.log(page)
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        return self.shown(self.get_object())

    def parse(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        if not serializer.is_valid():
            field, message = _first_error(serializer.errors)
            raise CaseworkError(message, field)
        return serializer.validated_data

    def visible_person(self, person_id) -> Person:
        person = Person.objects.visible_to(self.request.user).filter(pk=person_id).first()
        if person is None:
            raise CaseworkError(_("No such person."), "person")
        return person

    def handle_exception(self, exc):
        if isinstance(exc, CaseworkError | JobseekerError):
            code = 409 if isinstance(exc, ConcurrentEditError) else 400
            return Response({"error": exc.message, "field": exc.field}, status=code)
        return super().handle_exception(exc)


@extend_schema_view(list=extend_schema(parameters=[PERSON_FILTER]))
class PersonRecordViewSet(PathwayViewSet):
    """Records of one person-owned model, visible when their person is; ``?person=<uuid>``."""

    model = None

    def get_queryset(self):
        """The model's own order, then the key: offset pages must not overlap or skip rows."""
        return (
            self.model.objects.visible_to(self.request.user)
            .select_related("person")
            .order_by(*self.model._meta.ordering, "pk")
        )

    def filter_queryset(self, queryset):
        person = self.request.query_params.get("person")
        if person is None:
            return queryset
        try:
            return queryset.filter(person_id=uuid.UUID(person))
        except ValueError:
            raise CaseworkError(_("Give the person as a UUID."), "person") from None


class PersonViewSet(PathwayViewSet):
    """People visible to the user; never looked up or filtered by identity code."""

    required_permissions = {
        **dict.fromkeys(["list", "retrieve", "periods", "profile"], READ),
        **dict.fromkeys(["change_status", "end_job_search"], WRITE),
    }
    serializers = {
        "list": s.PersonListSerializer,
        "retrieve": s.PersonDetailSerializer,
        "periods": s.PeriodsSerializer,
        "profile": s.ProfileSerializer,
        "change_status": s.PeriodsSerializer,
        "end_job_search": s.PeriodsSerializer,
    }

    def person_of(self, record):
        return record

    def get_serializer_class(self):
        return self.serializers.get(self.action, s.PersonListSerializer)

    def get_queryset(self):
        people = Person.objects.visible_to(self.request.user).order_by(
            "last_name", "first_name", "id"
        )
        customerships = Prefetch(
            "customerships", queryset=JobseekerCustomership.objects.select_related("coach")
        )
        if self.action == "profile":
            return (
                people.select_related("preferences")
                .prefetch_related(
                    "educations",
                    "work_history__occupation",
                    "skills__skill",
                    "languages",
                    "licences",
                    "limitations",
                    "preferences__occupations",
                    "preferences__municipalities",
                )
                .annotate(health_visible=health_visible(self.request.user))
            )
        if self.action == "retrieve":
            return people.prefetch_related(
                customerships, "status_periods", "limitations", "assessments"
            )
        if self.action in ("periods", "change_status", "end_job_search"):
            return people.prefetch_related(customerships, "status_periods")
        return people.prefetch_related(customerships)

    @extend_schema(responses=s.PeriodsSerializer)
    @action(detail=True)
    def periods(self, request, pk=None):
        """Job-search periods (customerships) and employment-status periods."""
        return self.shown(self.get_object())

    @extend_schema(responses=s.ProfileSerializer)
    @action(detail=True)
    def profile(self, request, pk=None):
        """Education, work history, skills, languages, licences, limitations, preferences."""
        return self.shown(self.get_object())

    def changed(self, person) -> Response:
        """The person's periods as they are after a change (read afresh, not the prefetch)."""
        return self.shown(self.get_queryset().get(pk=person.pk))

    @extend_schema(
        request=s.StatusChangeSerializer, responses={200: s.PeriodsSerializer, **REFUSED}
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        """Record a change of employment status: the open period ends the day before."""
        person = self.get_object()
        data = self.parse(s.StatusChangeSerializer)
        status_changes.change_status(request.user, person, **data)
        return self.changed(person)

    @extend_schema(
        request=s.EndJobSearchSerializer, responses={200: s.PeriodsSerializer, **REFUSED}
    )
    @action(detail=True, methods=["post"], url_path="end-job-search")
    def end_job_search(self, request, pk=None):
        """End the job search (380/2023 §28); future meetings are cancelled."""
        person = self.get_object()
        data = self.parse(s.EndJobSearchSerializer)
        status_changes.end_job_search(request.user, person, **data)
        return self.changed(person)


class PlanViewSet(PersonRecordViewSet):
    """Employment plans; PUT saves a new version of the plan through ``save_plan``."""

    model = EmploymentPlan
    serializer_class = s.PlanSerializer
    required_permissions = {"list": READ, "retrieve": READ, "update": WRITE}

    @extend_schema(
        request=s.PlanUpdateSerializer,
        responses={200: s.PlanSerializer, **REFUSED, 409: s.ErrorSerializer},
    )
    def update(self, request, *args, **kwargs):
        plan = self.get_object()
        data = self.parse(s.PlanUpdateSerializer)
        saved = plans.save_plan(
            request.user,
            plan.person,
            expected_version=data["version"],
            content=data["content"],
            follow_up_method=data["follow_up_method"],
            follow_up_deadline=data["follow_up_deadline"],
            duty_start=data["duty_start"],
        )
        return self.shown(saved)


class MeetingViewSet(PersonRecordViewSet):
    """Initial interviews and job-search conversations; booking and outcomes go through
    ``casework.meetings``."""

    model = Meeting
    serializer_class = s.MeetingSerializer
    required_permissions = {"list": READ, "retrieve": READ, "create": WRITE, "outcome": WRITE}

    @extend_schema(responses={201: s.MeetingSerializer, **REFUSED})
    def create(self, request):
        """Book a meeting: a working day, office hours, and after the statutory due date only
        with a ``late_reason``."""
        data = self.parse(s.MeetingSerializer)
        person = self.visible_person(data.pop("person_id"))
        meeting = meetings.book_meeting(request.user, person, **data)
        return self.shown(meeting, status.HTTP_201_CREATED)

    @extend_schema(request=s.OutcomeSerializer, responses={200: s.MeetingSerializer, **REFUSED})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        """Record the outcome once; a no-show becomes a failure with its consequence."""
        data = self.parse(s.OutcomeSerializer)
        meeting = meetings.record_outcome(request.user, self.get_object(), **data)
        return self.shown(meeting)


class DutyPeriodViewSet(PersonRecordViewSet):
    """Review periods of the job-search duty, with the number of applications reported."""

    model = DutyPeriod
    serializer_class = s.DutyPeriodSerializer
    required_permissions = {"list": READ, "retrieve": READ}

    def get_queryset(self):
        return super().get_queryset().annotate(reported=Count("applications"))


class ApplicationViewSet(PersonRecordViewSet):
    """Applications reported toward the duty: staff for visible people, a jobseeker for
    themself (the jobseeker role comes with a session; tokens need a membership)."""

    model = ApplicationReport
    serializer_class = s.ApplicationSerializer
    required_permissions = {
        "list": READ,
        "retrieve": READ,
        "create": (WRITE, Perm.RUN_OWN_PATHWAY),
    }

    @extend_schema(responses={201: s.ApplicationSerializer, **REFUSED})
    def create(self, request):
        data = self.parse(s.ApplicationSerializer)
        person = self.visible_person(data.pop("person_id"))
        user = request.user
        own = person.user_id == user.pk and user.can(Perm.RUN_OWN_PATHWAY)
        if not (own or user.can(WRITE)):
            raise PermissionDenied
        report = duty.report_application(user, person, **data)
        return self.shown(report, status.HTTP_201_CREATED)


class FailureViewSet(PersonRecordViewSet):
    """Failures with the rules engine's consequence; a valid reason recalculates it."""

    model = Failure
    serializer_class = s.FailureSerializer
    required_permissions = {"list": READ, "retrieve": READ, "valid_reason": WRITE}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("statement")
            .annotate(health_visible=health_visible(self.request.user, "person"))
        )

    @extend_schema(request=s.ValidReasonSerializer, responses={200: s.FailureSerializer, **REFUSED})
    @action(detail=True, methods=["post"], url_path="valid-reason")
    def valid_reason(self, request, pk=None):
        """Accept the person's valid reason; the rules engine recalculates the consequence."""
        data = self.parse(s.ValidReasonSerializer)
        failure = failures.record_valid_reason(request.user, self.get_object(), **data)
        return self.shown(self.get_queryset().get(pk=failure.pk))


class StatementViewSet(PersonRecordViewSet):
    """Written reminders and labour-policy statements drafted from failures."""

    model = Statement
    serializer_class = s.StatementSerializer
    required_permissions = {"list": READ, "retrieve": READ}
