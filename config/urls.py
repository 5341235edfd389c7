"""URL configuration. Every view declares its permission (see saumaton.core.access).

There is deliberately no Django admin: it would be a door that bypasses the role checks.
"""

from django.conf import settings
from django.urls import include, path

from saumaton.core.access import public

urlpatterns = [
    path("", include("saumaton.core.urls")),
    path("accounts/", include("saumaton.accounts.urls")),
    path("jobseekers/", include("saumaton.jobseekers.urls")),
    path("casework/", include("saumaton.casework.urls")),
    path("jobs/", include("saumaton.employers.urls")),
    path("ecosystem/", include("saumaton.ecosystem.urls")),
    path("organisations/", include("saumaton.organisations.urls")),
    path("audit/", include("saumaton.audit.urls")),
    path("insight/", include("saumaton.insight.urls")),
    path("api/", include("saumaton.api.urls")),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc import views as oidc_views

    # mozilla-django-oidc reverses these names without a namespace.
    urlpatterns += [
        path(
            "oidc/authenticate/",
            public(oidc_views.OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            public(oidc_views.OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]
