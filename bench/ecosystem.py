"""Benchmark: a partner's incoming-referrals queue and the catalogue search, 20 concurrent users.

Target (issue 5): p95 under 150 ms with 20 concurrent users on the ``city`` demo (PostgreSQL),
with bounded query counts. The peer is the framework's floor, ``/healthz`` (no database, full
middleware stack), served by the same server in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/saumaton_bench \\
        uv run python bench/ecosystem.py [--size city] [--prepare] [--seconds 20]

The demo has one partner login per partner organisation; the benchmark adds ``benchpartner<N>``
users (partner role) spread over the organisations with the most open incoming referrals, so
every simulated partner has a real queue. The catalogue users are the demo's coaches, each
running a rotation of searches (free text, type, language, municipality, remote). The server
and the load generator are those of ``bench/pages.py``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

from pages import (
    PASSWORD,
    USERS,
    django_setup,
    load_in_processes,
    prepare,
    start_server,
    summary,
)

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = [
    {},
    {"q": "työ"},
    {"type": "work_trial"},
    {"language": "sv"},
    {"remote": "on"},
    {"target_group": "young", "type": "coaching"},
    {"q": "kuntou", "language": "fi"},
]


def bench_partners(count: int) -> list[str]:
    """``count`` partner users over the organisations with the most open incoming referrals."""
    from django.contrib.auth.hashers import make_password
    from django.db.models import Count

    from saumaton.accounts.models import User
    from saumaton.ecosystem.models import Referral
    from saumaton.organisations.models import Membership

    busiest = list(
        Referral.objects.filter(state__in=Referral.ACTIVE)
        .values("organisation_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("organisation_id", "n")[:count]
    )
    if not busiest:
        return []
    password = make_password(PASSWORD)
    names = []
    for index in range(count):
        org_id, _n = busiest[index % len(busiest)]
        name = f"benchpartner{index + 1}"
        user, created = User.objects.get_or_create(
            username=name, defaults={"password": password, "is_synthetic": True}
        )
        if created:
            Membership.objects.create(user=user, organisation_id=org_id, role="partner")
        names.append(name)
    sizes = ", ".join(str(n) for _, n in busiest[:5])
    print(f"{len(busiest)} receiving organisations; largest open queues: {sizes}")
    return names


def coaches(count: int) -> list[str]:
    from saumaton.organisations.models import Membership

    return list(
        Membership.objects.filter(role="coach", active=True)
        .order_by("user__username")
        .values_list("user__username", flat=True)[:count]
    )


def count_queries(partner: str, coach: str) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from saumaton.accounts.models import User

    setup_test_environment()
    counts = {}
    for name, username, path in (
        ("queue", partner, "/ecosystem/referrals/"),
        ("catalogue", coach, "/ecosystem/catalogue/?" + urlencode({"q": "työ"})),
    ):
        client = Client()
        client.force_login(User.objects.get(username=username))
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="city")
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (the target is measured on PostgreSQL).")
        return 2
    if args.prepare:
        prepare(args.size)
    django_setup()
    partners, catalogue_users = bench_partners(USERS), coaches(USERS)
    if len(partners) < USERS or len(catalogue_users) < USERS:
        print("need referrals and 20 coaches — run with --prepare")
        return 2
    counts = count_queries(partners[0], catalogue_users[0])
    print(f"SQL queries per page: partner queue {counts['queue']}, catalogue {counts['catalogue']}")
    server = start_server(args.workers, args.threads)
    try:
        load_in_processes(partners, [["/healthz"]] * USERS, 2, 0)  # warm-up
        searches = ["/ecosystem/catalogue/?" + urlencode(s) for s in SEARCHES]
        runs = {
            "floor (/healthz)": (partners, [["/healthz"]] * USERS),
            "partner queue": (partners, [["/ecosystem/referrals/"]] * USERS),
            "catalogue search": (catalogue_users, [searches] * USERS),
        }
        floor, queue, search = (
            summary(name, load_in_processes(users, paths, args.seconds, args.think), args.seconds)
            for name, (users, paths) in runs.items()
        )
        print(
            f"ratio to the floor (p95): partner queue {queue / floor:.1f}x, "
            f"catalogue search {search / floor:.1f}x"
        )
        print(
            f"target p95 < 150 ms: partner queue {'met' if queue < 150 else 'NOT met'}, "
            f"catalogue search {'met' if search < 150 else 'NOT met'}"
        )
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
