"""Local login (demo and tests; production may switch to OIDC) and logout."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils import translation

from saumaton.core.access import public

from .forms import ThrottledAuthenticationForm


class LoginView(auth_views.LoginView):
    required_permission = "public"
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        """Log in, and bring back the user's chosen UI language on any device."""
        response = super().form_valid(form)
        language = form.get_user().language
        translation.activate(language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context


class LogoutView(auth_views.LogoutView):
    required_permission = "public"


login = LoginView.as_view()
logout = public(LogoutView.as_view())
