"""API v1 of the ecosystem: the catalogue, referrals, consents and the open catalogue feed.

Scoped exactly as the pages (principle 8): referrals through ``referrals_visible_to`` (a
partner sees those to their organisation while active; a closed one is a 404 at once), consents
through the casework scope; every response that names people writes the access log. The open
feed carries no personal data and needs no login.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from saumaton.api.pathway import PathwayViewSet
from saumaton.core.access import PUBLIC
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import area_ids_of
from saumaton.organisations.roles import Perm

from . import catalogue, consents, referrals
from .access import onward_consents, referrals_visible_to
from .errors import EcosystemError
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


class ReferralCreateSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    service = serializers.IntegerField(required=False, allow_null=True)
    organisation = serializers.IntegerField(required=False, allow_null=True)
    purpose = serializers.CharField()
    categories = serializers.ListField(child=serializers.CharField())
    legal_basis = serializers.CharField()
    consent = serializers.IntegerField(required=False, allow_null=True)


class OnwardSerializer(serializers.Serializer):
    service = serializers.IntegerField(required=False, allow_null=True)
    organisation = serializers.IntegerField(required=False, allow_null=True)
    purpose = serializers.CharField()
    categories = serializers.ListField(child=serializers.CharField())
    legal_basis = serializers.CharField()
    consent = serializers.IntegerField(required=False, allow_null=True)


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=referrals.TRANSITIONS)
    version = serializers.IntegerField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    on = serializers.DateField(required=False, allow_null=True, default=None)
    start_date = serializers.DateField(required=False, allow_null=True, default=None)
    expected_end = serializers.DateField(required=False, allow_null=True, default=None)
    outcome = serializers.CharField(required=False, allow_blank=True, default="")
    own_fault = serializers.BooleanField(required=False, default=False)


class ConsentCreateSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    purpose = serializers.CharField()
    categories = serializers.ListField(child=serializers.CharField())
    recipients = serializers.ListField(child=serializers.IntegerField())
    legal_basis = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(required=False, allow_null=True, default=None)
    evidence = serializers.CharField()


def _in_area(user, queryset, pk, *, area_lookup: str, field: str, message: str):
    """A service or organisation of the user's areas, or the refusal naming the field."""
    if pk is None:
        return None
    found = queryset.filter(pk=pk, **{f"{area_lookup}__in": area_ids_of(user)}).first()
    if found is None:
        raise EcosystemError(message, field)
    return found


class ReferralViewSet(PathwayViewSet):
    """Referrals: a partner sees those to their organisation while active, casework roles those
    of their people. ``POST`` refers a person (casework roles); ``POST .../transition/``
    moves a referral on (the receiving organisation), with the version seen (409 if stale)."""

    serializer_class = ReferralSerializer
    required_permissions = {
        "list": Perm.VIEW_REFERRALS,
        "retrieve": Perm.VIEW_REFERRALS,
        "create": Perm.MANAGE_CASEWORK,
        "transition": Perm.MANAGE_REFERRALS,
        "refer_onward": Perm.MANAGE_REFERRALS,
    }

    def get_queryset(self):
        return referrals_visible_to(self.request.user).select_related("person").order_by("id")

    def _receiver_and_consent(self, data, consents) -> dict:
        """The named service, organisation and consent as records, or the refusal naming the
        field (an id outside the user's areas or not visible is "no such")."""
        user = self.request.user
        service = _in_area(
            user,
            Service.objects.filter(active=True),
            data.get("service"),
            area_lookup="provider__area_id",
            field="service",
            message=_("No such service."),
        )
        organisation = _in_area(
            user,
            Organisation.objects.all(),
            data.get("organisation"),
            area_lookup="area_id",
            field="organisation",
            message=_("No such organisation."),
        )
        consent_id = data.get("consent")
        consent = None
        if consent_id is not None:
            consent = consents.filter(pk=consent_id).first()
            if consent is None:
                raise EcosystemError(_("No such consent."), "consent")
        return {
            "service": service,
            "organisation": organisation,
            "consent": consent,
            "purpose": data["purpose"],
            "categories": data["categories"],
            "legal_basis": data["legal_basis"],
        }

    @extend_schema(request=ReferralCreateSerializer, responses={201: ReferralSerializer})
    def create(self, request):
        data = self.parse(ReferralCreateSerializer)
        person = self.visible_person(data["person"])
        fields = self._receiver_and_consent(data, Consent.objects.filter(person=person))
        referral = referrals.refer(request.user, person, **fields)
        return self.shown(referral, status.HTTP_201_CREATED)

    @extend_schema(request=OnwardSerializer, responses={201: ReferralSerializer})
    @action(detail=True, methods=["post"], url_path="refer-onward", url_name="refer-onward")
    def refer_onward(self, request, pk=None):
        """A partner refers the person of this referral onward (``referrals.refer_onward``); a
        referral the user does not serve is a 404, the same as one that does not exist."""
        source = self.get_object()
        if not referrals.may_refer_onward(request.user, source):
            raise NotFound
        data = self.parse(OnwardSerializer)
        consents = onward_consents(request.user, source.person)
        fields = self._receiver_and_consent(data, consents)
        referral = referrals.refer_onward(request.user, source, **fields)
        return self.shown(referral, status.HTTP_201_CREATED)

    @extend_schema(request=TransitionSerializer, responses={200: ReferralSerializer})
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        data = self.parse(TransitionSerializer)
        step, version = data.pop("action"), data.pop("version")
        referral = referrals.transition(
            request.user, self.get_object(), step, version=version, **data
        )
        return self.shown(referral)


class ConsentViewSet(PathwayViewSet):
    """Consents of the people in the user's casework scope; ``POST`` records one,
    ``POST .../withdraw/`` withdraws one (staff for a visible person, a jobseeker their own)."""

    serializer_class = ConsentSerializer
    required_permissions = {
        "list": Perm.VIEW_PERSON,
        "retrieve": Perm.VIEW_PERSON,
        "create": Perm.MANAGE_CASEWORK,
        "withdraw": (Perm.MANAGE_CASEWORK, Perm.VIEW_OWN_RECORD),
    }

    def get_queryset(self):
        return (
            Consent.objects.visible_to(self.request.user)
            .select_related("person")
            .prefetch_related("recipients")
            .order_by("id")
        )

    @extend_schema(request=ConsentCreateSerializer, responses={201: ConsentSerializer})
    def create(self, request):
        data = self.parse(ConsentCreateSerializer)
        person = self.visible_person(data.pop("person"))
        wanted = set(data.pop("recipients"))
        recipients = list(
            Organisation.objects.filter(pk__in=wanted, area_id__in=area_ids_of(request.user))
        )
        if len(recipients) != len(wanted):
            raise EcosystemError(_("No such organisation."), "recipients")
        consent = consents.record_consent(request.user, person, recipients=recipients, **data)
        return self.shown(self.get_queryset().get(pk=consent.pk), status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: ConsentSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        consent = consents.withdraw_consent(request.user, self.get_object())
        return self.shown(self.get_queryset().get(pk=consent.pk))


class CatalogueFeedView(APIView):
    """``GET /api/v1/catalogue-feed/``: the open feed, no login, no personal data."""

    required_permission = PUBLIC
    authentication_classes = []

    def get(self, request):
        return Response(catalogue_feed(timezone.localdate()))
