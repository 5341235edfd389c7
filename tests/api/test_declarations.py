"""Per-action declarations: every action a route serves must be declared, or it is closed."""

from django.test import RequestFactory
from rest_framework import viewsets

from saumaton.api.pathway import MeetingViewSet
from saumaton.api.permissions import DeclaredPermission
from saumaton.core.access import declared_requirement
from saumaton.organisations.roles import Perm


class HalfDeclared(viewsets.GenericViewSet):
    required_permissions = {"list": Perm.VIEW_PERSON}

    def list(self, request):
        raise AssertionError("not reached")

    def create(self, request):
        raise AssertionError("not reached")


def test_a_route_declares_the_requirements_of_the_actions_it_serves():
    route = MeetingViewSet.as_view({"get": "list", "post": "create"})
    assert declared_requirement(route) == {
        "list": Perm.VIEW_PERSON,
        "create": Perm.MANAGE_CASEWORK,
    }


def test_a_route_with_an_undeclared_action_counts_as_undeclared():
    assert declared_requirement(HalfDeclared.as_view({"get": "list", "post": "create"})) is None
    assert declared_requirement(HalfDeclared.as_view({"get": "list"})) == {"list": Perm.VIEW_PERSON}


def test_an_undeclared_action_is_closed_even_to_a_caseworker(world):
    view = HalfDeclared(action="create", action_map={"get": "list", "post": "create"})
    request = RequestFactory().post("/")
    request.user = world.users["coach"]
    assert not DeclaredPermission().has_permission(request, view)
    view.action = "list"
    assert DeclaredPermission().has_permission(request, view)
