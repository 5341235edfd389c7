from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing further tries after too many failures in the window."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed login attempts. Wait a while before trying again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = self.request.META.get("REMOTE_ADDR") if self.request else None
        if throttle.is_locked(username, address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record(username, address, succeeded=False)
            raise
        throttle.record(username, address, succeeded=True)
        return cleaned
