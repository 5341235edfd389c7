"""API v1 of the employers app: vacancies (with the matching export schema),
suggestions both ways, and assigned vacancies; the conventions of ``saumaton.api.pathway``
(scoped querysets, access log for personal data, services' refusals as 400/409). The
employer register (employers, locations, contact persons) is ``api_register``."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from saumaton.api.pathway import REFUSED, PersonRecordViewSet
from saumaton.audit.access import log_reads
from saumaton.casework.errors import CaseworkError, ConcurrentEditError
from saumaton.jobseekers.models import Person
from saumaton.organisations.models import Organisation
from saumaton.organisations.roles import Perm

from . import api_serializers as s
from . import assignments, editing
from .adapter import profile_records
from .importing import VacancyImportError
from .models import AssignedVacancy, Vacancy
from .register import RegisterError
from .scoping import employers_writable_by, vacancies_writable_by
from .suggestions import candidates_for_vacancy, vacancies_for_person

LANG = OpenApiParameter("lang", OpenApiTypes.STR, description="fi, sv or en (reasons' language)")
K = OpenApiParameter("k", OpenApiTypes.INT, description="how many, 1–50 (default 10)")
MAX_K = 50


def _k(request) -> int:
    text = request.query_params.get("k", "10")
    if not text.isdigit() or not 1 <= int(text) <= MAX_K:
        raise CaseworkError(_("k must be a whole number 1–50."), "k")
    return int(text)


class Refusals:
    """Services' refusals as the API's error contract: 400 listing every problem, 409 stale."""

    def handle_exception(self, exc):
        if isinstance(exc, RegisterError):
            first = exc.problems[0]
            problems = [
                {"field": p.field, "error": p.message}
                | ({"existing": p.existing.pk} if p.existing is not None else {})
                for p in exc.problems
            ]
            return Response(
                {"error": first.message, "field": first.field, "errors": problems}, status=400
            )
        if isinstance(exc, VacancyImportError):
            first = exc.errors[0]
            problems = [{"field": e.column, "error": e.message} for e in exc.errors]
            return Response(
                {"error": first.message, "field": first.column, "errors": problems}, status=400
            )
        if isinstance(exc, CaseworkError):
            code = 409 if isinstance(exc, ConcurrentEditError) else 400
            return Response({"error": exc.message, "field": exc.field}, status=code)
        return super().handle_exception(exc)


class VacancyViewSet(
    Refusals, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Vacancies in scope; ``?status=published``. ``matching`` is the CLI's export schema."""

    serializer_class = s.VacancySerializer
    required_permissions = {
        "list": (Perm.VIEW_VACANCIES, Perm.ACT_FOR_EMPLOYER),
        "retrieve": (Perm.VIEW_VACANCIES, Perm.ACT_FOR_EMPLOYER),
        "candidates": Perm.VIEW_PERSON,
        "create": (Perm.MANAGE_VACANCIES, Perm.ACT_FOR_EMPLOYER),
        "partial_update": (Perm.MANAGE_VACANCIES, Perm.ACT_FOR_EMPLOYER),
    }

    def get_queryset(self):
        if self.action == "partial_update":
            return vacancies_writable_by(self.request.user, Vacancy.objects.all())
        vacancies = Vacancy.objects.visible_to(self.request.user).order_by("deadline", "pk")
        status_filter = self.request.query_params.get("status")
        return vacancies.filter(status=status_filter) if status_filter else vacancies

    @extend_schema(
        request=s.VacancyWriteSerializer,
        responses={201: s.VacancySerializer, **REFUSED},
    )
    def create(self, request):
        """A new vacancy (draft or published) of ``employer``: an employer user's own
        organisation (may be left out when they act for one), or any of the area's for staff
        with ``MANAGE_VACANCIES``. Checked by the import's rules; every problem is listed."""
        row = _row(request.data, allowed=set(editing.WRITABLE) | {"employer"})
        writable = employers_writable_by(request.user, Organisation.objects.all())
        chosen = row.pop("employer", None)
        if chosen is None and writable.count() == 1:
            employer = writable.get()
        else:
            employer = writable.filter(pk=chosen).first() if str(chosen).isdigit() else None
        if employer is None:
            raise CaseworkError(_("No such employer."), "employer")
        created = editing.create_vacancy(employer, row)
        return Response(s.VacancySerializer(created).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.VacancyWriteSerializer,
        responses={200: s.VacancySerializer, **REFUSED, 409: REFUSED[400]},
    )
    def partial_update(self, request, pk=None):
        """Change the fields given; ``version`` (the one read) is required and a stale one is
        refused with 409, nothing written. Fields left out keep their values."""
        vacancy = self.get_object()
        row = _row(request.data, allowed=set(editing.WRITABLE) | {"version"})
        version = row.pop("version", None)
        if not isinstance(version, int) or isinstance(version, bool):
            raise CaseworkError(_("Give the version you read, a whole number."), "version")
        updated = editing.update_vacancy(
            vacancy, {**editing.row_of(vacancy), **row}, expected_version=version
        )
        return Response(s.VacancySerializer(updated).data)

    @extend_schema(parameters=[LANG, K], responses={200: s.MatchSerializer(many=True), **REFUSED})
    @action(detail=True)
    def candidates(self, request, pk=None):
        """The best people for the vacancy among those the user may see (reads are logged)."""
        found = candidates_for_vacancy(
            self.get_object(),
            Person.objects.visible_to(request.user),
            request.query_params.get("lang", "fi"),
            _k(request),
        )
        log_reads(request.user, [c.person for c in found], "api:vacancy-candidates")
        return Response(
            [{"id": c.person.pk, "score": round(c.score, 6), "reasons": c.reasons} for c in found]
        )


class AssignedVacancyViewSet(PersonRecordViewSet):
    """Assigned vacancies; ``suggestions`` lists vacancies for ``?person=`` with reasons."""

    model = AssignedVacancy
    serializer_class = s.AssignedVacancySerializer
    required_permissions = {
        "list": Perm.VIEW_PERSON,
        "retrieve": Perm.VIEW_PERSON,
        "create": Perm.MANAGE_CASEWORK,
        "applied": Perm.MANAGE_CASEWORK,
        "outcome": Perm.MANAGE_CASEWORK,
        "suggestions": Perm.VIEW_PERSON,
    }

    @extend_schema(responses={201: s.AssignedVacancySerializer, **REFUSED})
    def create(self, request):
        data = self.parse(s.AssignedVacancySerializer)
        person = self.visible_person(data["person_id"])
        vacancy = Vacancy.objects.visible_to(request.user).filter(pk=data["vacancy_id"]).first()
        if vacancy is None:
            raise CaseworkError(_("No such vacancy."), "vacancy_id")
        assigned = assignments.assign(
            request.user, person, vacancy, deadline=data["deadline"], today=timezone.localdate()
        )
        return self.shown(assigned, status.HTTP_201_CREATED)

    @extend_schema(request=s.AppliedSerializer, responses={200: s.AssignedVacancySerializer})
    @action(detail=True, methods=["post"])
    def applied(self, request, pk=None):
        """The person applied (reported by staff); counts toward the job-search duty."""
        data = self.parse(s.AppliedSerializer)
        return self.shown(assignments.report_applied(request.user, self.get_object(), **data))

    @extend_schema(request=s.OutcomeSerializer, responses={200: s.AssignedVacancySerializer})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        """Hired or not; a hire ends the unemployment status. ``version`` guards races."""
        data = self.parse(s.OutcomeSerializer)
        done = assignments.record_outcome(
            request.user,
            self.get_object(),
            hired=data["hired"],
            on=data["on"],
            expected_version=data["version"],
        )
        return self.shown(done)

    @extend_schema(
        parameters=[
            OpenApiParameter("person", OpenApiTypes.UUID, required=True),
            LANG,
            K,
        ],
        responses={200: s.MatchSerializer(many=True), **REFUSED},
    )
    @action(detail=False)
    def suggestions(self, request):
        """Suggested vacancies for a person the user may see, best first, with reasons."""
        person = self.visible_person(request.query_params.get("person") or None)
        found = vacancies_for_person(person, request.query_params.get("lang", "fi"), _k(request))
        log_reads(request.user, [person], "api:assigned-vacancy-suggestions")
        return Response(
            [{"id": x.vacancy.pk, "score": round(x.score, 6), "reasons": x.reasons} for x in found]
        )


class MatchingProfileViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """People in scope as the matching engine's jobseeker records (the CLI's export schema);
    ``profile`` is null for a person who cannot be matched (no home municipality).

    The records carry coded work-ability limitations, special-category health data (GDPR
    Art. 9; 380/2023 §114), so the export needs ``MANAGE_CASEWORK``: the staff who handle the
    person's case. Every person on a page is a logged read.
    """

    required_permissions = {"list": Perm.MANAGE_CASEWORK}
    serializer_class = s.MatchingProfileSerializer

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).order_by("pk")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        records = profile_records(
            Person.objects.filter(pk__in=[p.pk for p in page]), timezone.localdate()
        )
        log_reads(request.user, page, "api:matching-profile-list")
        data = [{"id": p.pk, "profile": _json(records.get(str(p.pk)))} for p in page]
        return self.get_paginated_response(data)


def _row(data, *, allowed: set[str]) -> dict:
    """The request body as an import row; an unknown key is refused rather than ignored.

    JSON null means "empty" to the import (no deadline, permanent, no minimum education);
    ``employer`` and ``version`` are not columns and are passed through for the caller."""
    if not isinstance(data, dict):
        raise CaseworkError(_("Send a JSON object."), None)
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise CaseworkError(_("Unknown field %(name)s.") % {"name": unknown[0]}, unknown[0])
    passed_through = {"employer", "version"}
    return {k: v if k in passed_through or v is not None else "" for k, v in data.items()}


def _json(record):
    return record.to_json() if record is not None else None
