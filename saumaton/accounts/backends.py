"""Local password login, loading the user's own person record in the same query.

Every request asks whether the user is also a jobseeker (the role comes from a linked person,
not a membership); joining it here saves a query on every page.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend


class SaumatonModelBackend(ModelBackend):
    def get_user(self, user_id):
        user = self._user_model().objects.select_related("person").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def _user_model():
        from django.contrib.auth import get_user_model

        return get_user_model()
