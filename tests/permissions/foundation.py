"""Foundation URLs: front page, accounts, people, organisations, audit, API skeleton."""

from . import CASEWORK, DIRECTORY, everyone, only

EXPECTED = {
    "core:front": everyone(302, anon=200),
    "core:home": everyone(302),
    "core:set_language": everyone(405),
    "core:healthz": everyone(200),
    "core:readiness": everyone(200),
    "accounts:login": everyone(302, anon=200),
    "accounts:logout": everyone(405),
    "jobseekers:list": only(CASEWORK),
    "jobseekers:me": only({"jobseeker"}),
    "jobseekers:detail": only(CASEWORK),
    "organisations:directory": only(DIRECTORY),
    "organisations:detail": only(DIRECTORY),
    "organisations:area": only({"area_admin"}),
    "organisations:staff": only({"area_admin"}),
    "audit:index": only({"auditor"}),
    "audit:find": everyone(405),
    "audit:staff": only({"auditor"}),
    "audit:person": only({"auditor"}),
    "api:schema": everyone(200),
    "api:area-list": only({"area_admin"}, anon=401),
    "api:area-detail": only({"area_admin"}, anon=401),
    "api:municipality-list": only(DIRECTORY, anon=401),
    "api:municipality-detail": only(DIRECTORY, anon=401),
    "api:organisation-list": only(DIRECTORY, anon=401),
    "api:organisation-detail": only(DIRECTORY, anon=401),
    "api:rules-eval": only(CASEWORK | {"analyst"}, ok=405, anon=401),  # GET: POST only
}

DETAIL_PK = {
    "api:area-detail": lambda world: world.area.pk,
    "api:municipality-detail": lambda world: world.area.lead_municipality_id,
    "api:organisation-detail": lambda world: world.authority.pk,
}


def url_kwargs(name, world, objects):
    if name in DETAIL_PK:
        return {"pk": DETAIL_PK[name](world)}
    return None
