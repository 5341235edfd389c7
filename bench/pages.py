"""Benchmark: a coach's work queue and a person's overall picture under 20 concurrent users.

Targets (issue 4): p95 under 150 ms with 20 concurrent users, at most 20 SQL queries per page,
on PostgreSQL with the ``city`` demo (~50,000 jobseekers). The peer is the framework's floor:
``/healthz`` (no database, full middleware stack) served by the same server in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/saumaton_bench \\
        uv run python bench/pages.py [--size city] [--prepare] [--seconds 20]

``--prepare`` (re)creates the demo database of that size first. The server is gunicorn with
4 workers × 2 threads (the setting docs/operations.md recommends for 2 cores: it measured a
lower tail than 2 × 4, as fewer threads share each worker's interpreter lock); the load
generator runs in separate processes with 20 logged-in coach sessions with keep-alive. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
USERS = 20
PASSWORD = "saumaton-demo"


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SAUMATON_DEMO", "1")
    import django

    django.setup()


def prepare(size: str) -> None:
    print(f"preparing the '{size}' demo in {os.environ['DATABASE_URL']} …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "saumaton.cli", "demo", "--size", size, "--reset", "--no-serve"],
        check=True,
        cwd=ROOT,
    )


def pick_coaches_and_people(count: int):
    """The coaches with the largest caseloads, and people of each."""
    from django.db.models import Count

    from saumaton.jobseekers.models import JobseekerCustomership

    loads = (
        JobseekerCustomership.objects.filter(end_date__isnull=True, coach__isnull=False)
        .values("coach__username")
        .annotate(n=Count("id"))
        .order_by("-n")[:count]
    )
    chosen = []
    for row in loads:
        people = list(
            JobseekerCustomership.objects.filter(
                coach__username=row["coach__username"], end_date__isnull=True
            ).values_list("person_id", flat=True)[:50]
        )
        chosen.append((row["coach__username"], row["n"], [str(p) for p in people]))
    return chosen


def count_queries(username: str, person_id: str) -> dict[str, int]:
    """SQL queries per page, measured in-process with Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    from saumaton.accounts.models import User

    client.force_login(User.objects.get(username=username))
    counts = {}
    for name, path in (("queue", "/casework/queue/"), ("person", f"/jobseekers/{person_id}/")):
        client.get(path)  # warm caches the server would have warm too
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


class Session:
    """One logged-in coach over one keep-alive connection."""

    def __init__(self, username: str):
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        self.cookies: dict[str, str] = {}
        page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        status, _ = self.request(
            "POST", "/accounts/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        if status != 302:
            raise RuntimeError(f"login failed for {username}: {status}")

    def request(self, method, path, body=None, headers=None, retry=True):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Referer"] = f"http://127.0.0.1:{PORT}/accounts/login/"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle keep-alive connection: reconnect once, as a browser does.
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            if not retry:
                raise
            return self.request(method, path, body, headers, retry=False)
        data = response.read().decode(errors="replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data

    def get(self, path):
        status, data = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return data


def start_server(workers: int, threads: int) -> subprocess.Popen:
    """gunicorn serving the project on ``PORT``, once ``/healthz`` answers (the caller stops it)."""
    env = {**os.environ, "SAUMATON_DEMO": "1", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "-k",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
            break
        except OSError:
            time.sleep(0.1)
    return server


def wait_for_indexes(username: str, paths: list[str], in_a_row: int = 40) -> None:
    """Until ``in_a_row`` person pages in a row, each on a fresh connection (so any worker may
    answer), show suggestions rather than "being prepared": every worker's index is built."""
    session = Session(username)
    streak = 0
    while streak < in_a_row:
        session.conn.close()
        session.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        if 'data-suggestions="preparing"' in session.get(random.choice(paths)):
            streak = 0
            time.sleep(0.5)
        else:
            streak += 1


def load(sessions, paths_for, seconds: float, think: float = 0.0) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def user(index):
        rng = random.Random(index)
        session = sessions[index]
        mine = []
        while time.perf_counter() < deadline:
            path = rng.choice(paths_for(index))
            started = time.perf_counter()
            session.get(path)
            mine.append(time.perf_counter() - started)
            if think:
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=user, args=(i,)) for i in range(len(sessions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def _user_group(job) -> list[float]:
    """One load-generating process: its users log in, then browse until the time is up."""
    usernames, paths, seconds, think = job
    sessions = [Session(username) for username in usernames]
    return load(sessions, lambda i: paths[i], seconds, think)


def load_in_processes(usernames, paths, seconds: float, think: float, processes=2):
    """Spread the users over processes, so that the client's own GIL does not add latency."""
    jobs = [
        (usernames[i::processes], paths[i::processes], seconds, think) for i in range(processes)
    ]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return [latency for group in pool.map(_user_group, jobs) for latency in group]


def summary(name: str, latencies: list[float], seconds: float) -> float:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
    print(
        f"{name:<22} requests={len(ordered):>6} rps={len(ordered) / seconds:7.1f} "
        f"p50={p50:7.1f} ms p95={p95:7.1f} ms"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="city")
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean seconds a user waits between pages (0 = every user requests non-stop)",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=20,
        help="seconds of person pages before measuring, once every index is built",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (the target is measured on PostgreSQL).")
        return 2
    if args.prepare:
        prepare(args.size)
    django_setup()
    chosen = pick_coaches_and_people(USERS)
    if len(chosen) < USERS:
        print(f"need {USERS} coaches with people; found {len(chosen)} — run with --prepare")
        return 2
    print(
        f"{len(chosen)} coaches, caseloads {min(c[1] for c in chosen)}–{max(c[1] for c in chosen)}"
    )
    counts = count_queries(chosen[0][0], chosen[0][2][0])
    print(
        f"SQL queries per page: work queue {counts['queue']}, "
        f"overall picture {counts['person']} (target ≤ 20)"
    )

    server = start_server(args.workers, args.threads)
    try:
        usernames = [username for username, _, _ in chosen]
        load_in_processes(usernames, [["/healthz"]] * USERS, 2, 0)  # warm-up
        # Each worker builds the area's matching index once, in the background, at its first
        # person page (employers/index.py); measure the steady state after that, and say so.
        started = time.perf_counter()
        person_paths = [[f"/jobseekers/{p}/" for p in people] for _, _, people in chosen]
        wait_for_indexes(usernames[0], person_paths[0])
        print(f"every worker's matching index ready: {time.perf_counter() - started:.0f} s")
        load_in_processes(usernames, person_paths, args.warmup, args.think)
        print(f"warm-up on the person pages: {time.perf_counter() - started:.0f} s")
        print(
            f"{USERS} users in 2 client processes, think time {args.think:.1f} s on average "
            "between pages"
        )
        pages = {
            "floor (/healthz)": [["/healthz"]] * USERS,
            "coach work queue": [["/casework/queue/"]] * USERS,
            "overall picture": [[f"/jobseekers/{p}/" for p in people] for _, _, people in chosen],
        }
        floor, queue, person = (
            summary(
                name,
                load_in_processes(usernames, paths, args.seconds, args.think),
                args.seconds,
            )
            for name, paths in pages.items()
        )
        print(
            f"ratio to the floor (p95): work queue {queue / floor:.1f}x, "
            f"overall picture {person / floor:.1f}x"
        )
        print(
            f"target p95 < 150 ms: work queue {'met' if queue < 150 else 'NOT met'}, "
            f"overall picture {'met' if person < 150 else 'NOT met'}"
        )
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
