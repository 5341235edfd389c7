"""The permission matrix, one module per area of the product, merged here.

Each module in this package defines ``EXPECTED`` (URL name -> role -> status) and may define
``make_objects(world) -> dict`` (records its URLs need) and ``url_kwargs(name, world, objects)``
(kwargs for a URL, or None). ``tests/foundation/test_permission_matrix.py`` walks the URL conf
and fails for any URL that no module lists.
"""

from __future__ import annotations

import importlib
import pkgutil

from saumaton.organisations.roles import Role

ANON = "anonymous"
ROLES = [r.value for r in Role]
CASEWORK = {"coach", "unit_lead", "statement_officer"}
DIRECTORY = set(ROLES) - {"jobseeker"}


def only(allowed, ok=200, denied=403, anon=302):
    return {ANON: anon, **{role: ok if role in allowed else denied for role in ROLES}}


def everyone(status, anon=None):
    return {ANON: status if anon is None else anon, **dict.fromkeys(ROLES, status)}


def modules():
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
    ]


def expected() -> dict:
    merged: dict = {}
    for module in modules():
        overlap = set(merged) & set(module.EXPECTED)
        assert not overlap, f"{module.__name__} repeats {overlap}"
        merged.update(module.EXPECTED)
    return merged


def make_objects(world) -> dict:
    objects: dict = {}
    for module in modules():
        if hasattr(module, "make_objects"):
            objects.update(module.make_objects(world))
    return objects


def url_kwargs(name: str, world, objects: dict) -> dict | None:
    for module in modules():
        if hasattr(module, "url_kwargs"):
            found = module.url_kwargs(name, world, objects)
            if found is not None:
                return found
    return None
