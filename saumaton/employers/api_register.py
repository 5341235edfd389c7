"""API v1 of the employer register: employers (with their profile), locations and contact
persons. Same error contract as the vacancy writes (``api.Refusals``): a stale ``version`` is
409, any other refusal 400 listing every problem with its field; an unknown key is refused
rather than ignored; nothing is written on a refusal.

Locations and contact persons are flat sub-resources (``employer-locations/``,
``employer-contacts/``) naming their ``employer``, like ``assigned-vacancies/`` names its
person: each has its own ``version``, so one contact's edit never races another's.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from saumaton.api.pathway import REFUSED
from saumaton.casework.errors import CaseworkError
from saumaton.organisations.models import Organisation
from saumaton.organisations.roles import Perm

from . import api_serializers as s
from . import register
from .api import Refusals
from .models import EmployerContact, EmployerLocation
from .scoping import employers_kept_by, employers_visible_to, employers_writable_by

READ = (Perm.VIEW_VACANCIES, Perm.ACT_FOR_EMPLOYER)
WRITE_PARTS = (Perm.MANAGE_VACANCIES, Perm.ACT_FOR_EMPLOYER)
STALE = {409: REFUSED[400]}


def body(data, *, allowed) -> dict:
    """The JSON object sent; every unknown key is a problem (listed, nothing written)."""
    if not isinstance(data, dict):
        raise CaseworkError(_("Send a JSON object."), None)
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise register.RegisterError(
            [
                register.FieldProblem(key, _("Unknown field %(name)s.") % {"name": key})
                for key in unknown
            ]
        )
    return dict(data)


def version_of(data: dict) -> int:
    version = data.pop("version", None)
    if not isinstance(version, int) or isinstance(version, bool):
        raise CaseworkError(_("Give the version you read, a whole number."), "version")
    return version


class EmployerViewSet(
    Refusals, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Employer organisations of the user's area (staff) or their own (employer users), with
    their locations and contact persons. Area staff with ``MANAGE_VACANCIES`` create employers
    and edit the profile; employer users may not (industry and account manager are the area's)."""

    serializer_class = s.EmployerSerializer
    required_permissions = {
        "list": READ,
        "retrieve": READ,
        "create": Perm.MANAGE_VACANCIES,
        "partial_update": Perm.MANAGE_VACANCIES,
    }

    def get_queryset(self):
        scope = employers_kept_by if self.action == "partial_update" else employers_visible_to
        return _with_parts(scope(self.request.user, Organisation.objects.all())).order_by(
            "name", "pk"
        )

    @extend_schema(
        request=s.EmployerWriteSerializer, responses={201: s.EmployerSerializer, **REFUSED}
    )
    def create(self, request):
        """A new employer: ``name``, ``business_id`` (valid, not yet in the area), ``industry``,
        ``account_manager`` (a user id among the area's business-services staff) and ``area``
        (may be left out by a user who serves employers in one area)."""
        data = body(request.data, allowed={*register.PROFILE_FIELDS, "area"})
        employer = register.create_employer(request.user, data)
        return Response(self._shown(employer), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.EmployerWriteSerializer, responses={200: s.EmployerSerializer, **REFUSED, **STALE}
    )
    def partial_update(self, request, pk=None):
        """Change the fields given; ``version`` (the one read) is required, a stale one is 409."""
        employer = self.get_object()
        data = body(request.data, allowed={*register.PROFILE_FIELDS, "version"})
        version = version_of(data)
        merged = {**register.values_of(employer), **data}
        register.update_employer(request.user, employer, merged, expected_version=version)
        return Response(self._shown(employer))

    def _shown(self, employer):
        return s.EmployerSerializer(_with_parts(Organisation.objects).get(pk=employer.pk)).data


def _with_parts(organisations):
    return organisations.select_related("employer_profile").prefetch_related(
        Prefetch("employer_locations", EmployerLocation.objects.order_by("pk")),
        Prefetch("employer_contacts", EmployerContact.objects.order_by("pk")),
    )


class _PartViewSet(
    Refusals, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """A location or contact person: read in the employer's visibility, written in its
    writability (area staff, or the employer's own users)."""

    model: type
    fields: tuple
    save_part: staticmethod  # register.save_location or save_contact
    values_of: staticmethod  # the part as input: the starting point of a partial edit
    keyword: str  # the save's keyword for the part edited
    required_permissions = {
        "list": READ,
        "retrieve": READ,
        "create": WRITE_PARTS,
        "partial_update": WRITE_PARTS,
    }

    def _employers(self):
        scope = (
            employers_visible_to if self.action in ("list", "retrieve") else employers_writable_by
        )
        return scope(self.request.user, Organisation.objects.all())

    def get_queryset(self):
        return self.model.objects.filter(organisation__in=self._employers().values("pk")).order_by(
            "organisation_id", "pk"
        )

    def create(self, request):
        data = body(request.data, allowed={*self.fields, "employer"})
        chosen = data.pop("employer", None)
        writable = self._employers()
        if chosen is None and writable.count() == 1:
            employer = writable.get()
        else:
            is_id = isinstance(chosen, int) and not isinstance(chosen, bool)
            employer = writable.filter(pk=chosen).first() if is_id else None
        if employer is None:
            raise CaseworkError(_("No such employer."), "employer")
        saved = self.save_part(employer, data)
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        part = self.get_object()
        data = body(request.data, allowed={*self.fields, "version"})
        version = version_of(data)
        merged = {**self.values_of(part), **data}
        saved = self.save_part(
            part.organisation, merged, **{self.keyword: part}, expected_version=version
        )
        return Response(self.get_serializer(saved).data)


class LocationViewSet(_PartViewSet):
    """Workplaces: ``name``, ``street_address``, ``postcode`` and/or ``municipality`` (code;
    coordinates follow from reference data), ``active`` (false = no longer in use)."""

    model = EmployerLocation
    serializer_class = s.LocationSerializer
    fields = register.LOCATION_FIELDS
    save_part = staticmethod(register.save_location)
    values_of = staticmethod(register.location_values)
    keyword = "location"

    @extend_schema(
        request=s.LocationWriteSerializer, responses={201: s.LocationSerializer, **REFUSED}
    )
    def create(self, request):
        return super().create(request)

    @extend_schema(
        request=s.LocationWriteSerializer, responses={200: s.LocationSerializer, **REFUSED, **STALE}
    )
    def partial_update(self, request, pk=None):
        return super().partial_update(request, pk)


class ContactViewSet(_PartViewSet):
    """Contact persons: ``name``, ``title``, ``email``, ``phone``, ``language`` (fi, sv, en),
    ``active`` (false = no longer in use)."""

    model = EmployerContact
    serializer_class = s.ContactSerializer
    fields = register.CONTACT_FIELDS
    save_part = staticmethod(register.save_contact)
    values_of = staticmethod(register.contact_values)
    keyword = "contact"

    @extend_schema(
        request=s.ContactWriteSerializer, responses={201: s.ContactSerializer, **REFUSED}
    )
    def create(self, request):
        return super().create(request)

    @extend_schema(
        request=s.ContactWriteSerializer, responses={200: s.ContactSerializer, **REFUSED, **STALE}
    )
    def partial_update(self, request, pk=None):
        return super().partial_update(request, pk)
