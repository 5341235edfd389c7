"""API v1 of the ecosystem: the catalogue, referrals, consents and the open catalogue feed.

Scoped exactly as the pages (principle 8): referrals through ``referrals_visible_to`` (a
partner sees those to their organisation while active; a closed one is a 404 at once), consents
through the casework scope; every response that names people writes the access log. The open
feed carries no personal data and needs no login.
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework import serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from saumaton.audit.access import log_reads
from saumaton.core.access import PUBLIC
from saumaton.organisations.roles import Perm

from . import catalogue
from .access import referrals_visible_to
from .feed import catalogue_feed
from .models import Consent, Service


class ServiceSerializer(serializers.ModelSerializer):
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    pauses_job_search_duty = serializers.BooleanField(source="pauses_duty", read_only=True)

    class Meta:
        model = Service
        exclude = ["is_synthetic", "version"]


class ReferralSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = serializers.UUIDField(source="person_id")
    service = serializers.IntegerField(source="service_id", allow_null=True)
    organisation = serializers.IntegerField(source="organisation_id")
    sender_organisation = serializers.IntegerField(source="sender_organisation_id")
    purpose = serializers.CharField()
    categories = serializers.ListField(child=serializers.CharField())
    legal_basis = serializers.CharField()
    consent = serializers.IntegerField(source="consent_id", allow_null=True)
    state = serializers.CharField()
    sent_on = serializers.DateField()
    response_due = serializers.DateField()
    start_date = serializers.DateField(allow_null=True)
    started_on = serializers.DateField(allow_null=True)
    expected_end = serializers.DateField(allow_null=True)
    ended_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField()
    version = serializers.IntegerField()


class ConsentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consent
        fields = [
            "id",
            "person",
            "purpose",
            "categories",
            "recipients",
            "legal_basis",
            "valid_from",
            "valid_to",
            "withdrawn_at",
            "evidence",
        ]


class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue: active services; filters ``q``, ``type``, ``target_group``, ``language``,
    ``municipality`` and ``remote`` as on the search page."""

    required_permission = Perm.BROWSE_CATALOGUE
    serializer_class = ServiceSerializer

    def get_queryset(self):
        params = self.request.query_params
        filters = {k: params.get(k) for k in ("q", "type", "target_group", "language")}
        filters["municipality"] = params.get("municipality")
        filters["remote"] = params.get("remote") in ("1", "true")
        return catalogue.search(filters, timezone.localdate())


class _LoggedReads:
    purpose = ""

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        log_reads(request.user, {row.person for row in page}, self.purpose)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        row = self.get_object()
        log_reads(request.user, [row.person], self.purpose)
        return Response(self.get_serializer(row).data)


class ReferralViewSet(_LoggedReads, viewsets.ReadOnlyModelViewSet):
    required_permission = Perm.VIEW_REFERRALS
    serializer_class = ReferralSerializer
    purpose = "api:referrals"

    def get_queryset(self):
        return referrals_visible_to(self.request.user).select_related("person").order_by("id")


class ConsentViewSet(_LoggedReads, viewsets.ReadOnlyModelViewSet):
    required_permission = Perm.VIEW_PERSON
    serializer_class = ConsentSerializer
    purpose = "api:consents"

    def get_queryset(self):
        return (
            Consent.objects.visible_to(self.request.user)
            .select_related("person")
            .prefetch_related("recipients")
            .order_by("id")
        )


class CatalogueFeedView(APIView):
    """``GET /api/v1/catalogue-feed/``: the open feed, no login, no personal data."""

    required_permission = PUBLIC
    authentication_classes = []

    def get(self, request):
        return Response(catalogue_feed(timezone.localdate()))
