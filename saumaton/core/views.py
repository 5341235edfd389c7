"""Front page, the logged-in landing page, language choice and health checks."""

from __future__ import annotations

from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.i18n import set_language as django_set_language

from saumaton.organisations.roles import Perm

from .access import authenticated, public


@public
def front(request):
    if request.user.is_authenticated:
        return redirect("core:home")
    return render(request, "core/front.html")


@authenticated
def home(request):
    """Send each user to the page of their main task."""
    user = request.user
    for perm, target in (
        (Perm.VIEW_WORK_QUEUE, "casework:queue"),
        (Perm.VIEW_PERSON, "jobseekers:list"),
        (Perm.VIEW_OWN_RECORD, "jobseekers:me"),
        (Perm.VIEW_AREA_STRUCTURE, "organisations:area"),
        (Perm.VIEW_ACCESS_LOG, "audit:index"),
        (Perm.VIEW_ORGANISATION_DIRECTORY, "organisations:directory"),
    ):
        if user.can(perm):
            return redirect(target)
    return render(request, "core/home.html")


@public
def set_language(request):
    """Switch the UI language; the choice sticks in a cookie and, when logged in, on the user."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in {"fi", "sv", "en"}:
        request.user.language = language
        request.user.save(update_fields=["language"])
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        response["Location"] = "/"
    return response


@public
def healthz(request):
    """Liveness: the process answers. No database access, so it stays cheap."""
    return JsonResponse({"status": "ok"})


@public
def readiness(request):
    """Readiness: the database answers and migrations have been applied."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "reason": type(exc).__name__}, status=503)
    if pending:
        return JsonResponse({"status": "unavailable", "reason": "migrations pending"}, status=503)
    return JsonResponse({"status": "ready"})
