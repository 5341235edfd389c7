"""API v1: read endpoints for the area's structure, scoped exactly as the UI."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from saumaton.organisations.resolver import area_ids_with
from saumaton.organisations.roles import Perm
from saumaton.organisations.scoping import areas_visible_to, organisations_visible_to
from saumaton.reference.models import Municipality
from saumaton.rules.questions import answer

from . import serializers


class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    required_permission = Perm.VIEW_AREA_STRUCTURE
    serializer_class = serializers.EmploymentAreaSerializer

    def get_queryset(self):
        return (
            areas_visible_to(self.request.user).prefetch_related("municipalities").order_by("code")
        )


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """The municipalities of the areas the user works in (the organisation directory's scope)."""

    required_permission = Perm.VIEW_ORGANISATION_DIRECTORY
    serializer_class = serializers.MunicipalitySerializer

    def get_queryset(self):
        areas = area_ids_with(self.request.user, Perm.VIEW_ORGANISATION_DIRECTORY)
        return Municipality.objects.filter(areas__id__in=areas).order_by("code").distinct()


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    required_permission = Perm.VIEW_ORGANISATION_DIRECTORY
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        return organisations_visible_to(self.request.user).select_related("area").order_by("id")


class SchemaView(SpectacularAPIView):
    """The OpenAPI document is public: it describes the API, not anyone's data."""

    required_permission = "public"
    authentication_classes = []


class RulesEvalView(APIView):
    """``POST /api/v1/rules/eval``: the rules engine's questions, answered by the same function
    as ``saumaton rules eval``. An object gets an object, an array an array of answers; the
    status is 400 when any question failed (its answer carries ``error`` and ``field``)."""

    required_permission = Perm.USE_RULES

    @extend_schema(
        request={
            "application/json": {
                "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]
            }
        },
        responses={200: dict, 400: dict},
        description="See docs/rules-cli.md for every question and its fields.",
    )
    def post(self, request):
        batch = request.data if isinstance(request.data, list) else [request.data]
        answers = [answer(question) for question in batch]
        failed = any("error" in a for a in answers)
        body = answers if isinstance(request.data, list) else answers[0]
        return Response(body, status=400 if failed else 200)
