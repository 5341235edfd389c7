"""Refusals of the ecosystem services: the casework error contract (a specific message naming
the field, nothing written), so the pages and the API show them the same way."""

from __future__ import annotations

from saumaton.casework.errors import CaseworkError, ConcurrentEditError


class EcosystemError(CaseworkError):
    """A referral or consent the law or the record does not allow."""


__all__ = ["ConcurrentEditError", "EcosystemError"]
