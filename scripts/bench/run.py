"""`make bench`: what users meet on each main page of the large local area, on PostgreSQL.

Loads the demo and the large local area (`load_scale`) into a benchmark database, starts
gunicorn on 127.0.0.1 (a free port), then for every main page and the two floors:

- *alone*: p50 of BENCH_ALONE (at least 30) requests one after another by one client;
- *req/s at 20 users*: BENCH_USERS clients asking again as soon as they are answered, for
  BENCH_SECONDS or BENCH_MAX_REQUESTS requests, whichever comes first;

and then a *mixed* open-loop load: BENCH_RATE requests a second (Poisson arrivals) for
BENCH_MIXED_SECONDS, spread over every main page and every role that may open it, one request in
ten a write (a status change, a progress update, a Local Offer feedback form), each latency
counted from its arrival time. Prints one table, the HTML size of each page, the aims met or
not, the EXPLAIN plans of the three slowest queries, and writes it all to
bench-results/latest.md.

The floors: `/healthz/` (a one-line answer, no query) and the signed-in floor (`/signed-in/`:
the full layout and navigation of a signed-in officer around an empty main). Ratios are to the
signed-in floor.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/send_portal_bench,
created if missing), BENCH_PORT (default: a free port), BENCH_WORKERS (gunicorn workers, 3),
BENCH_ALONE (30), BENCH_USERS (20), BENCH_SECONDS (5), BENCH_MAX_REQUESTS (1000), BENCH_RATE
(10), BENCH_MIXED_SECONDS (60), BENCH_RESET=1 (rebuild the large area), BENCH_EXPLAIN=0 (skip
the plans).
"""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.bench import load  # noqa: E402

PY = sys.executable
HOST = "127.0.0.1"
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
ALONE = max(30, int(os.environ.get("BENCH_ALONE", "30")))
USERS = int(os.environ.get("BENCH_USERS", "20"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "1000"))
RATE = float(os.environ.get("BENCH_RATE", "10"))
MIXED_SECONDS = float(os.environ.get("BENCH_MIXED_SECONDS", "60"))
WRITE_EVERY = 10  # one request in ten of the mixed load is a write
MAX_PAGE_KB = 150
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/send_portal_bench"
)
COLUMNS = (
    "page | alone p50 ms | alone / signed-in floor | req/s at 20 users "
    "| req/s / floor req/s | mixed p95 ms | errors"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or free_port())

ENV = {
    **os.environ,
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": HOST,
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SESSION_COOKIE_SECURE": "0",
    "DJANGO_CSRF_COOKIE_SECURE": "0",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
    "DJANGO_LOG_LEVEL": "WARNING",
    "DATABASE_URL": DATABASE_URL,
    # The bench's clients stand behind one proxy (each feedback form from its own address).
    "PORTAL_PROXY_COUNT": "1",
    "PYTHONWARNINGS": "ignore:No directory at",  # whitenoise: static files are not measured
}


def manage(*args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def ensure_database() -> None:
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(DATABASE_URL)
    conn = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"],
        port=config["PORT"] or 5432,
    )
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("select 1 from pg_database where datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'create database "{config["NAME"]}"')
    conn.close()


def setup_django() -> None:
    os.environ.update(ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "send_portal.settings")
    import django

    django.setup()


def session_for(email: str) -> str:
    """A signed-in session of that demo user (made once, outside the measurement)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from send_portal.core.models import User

    user = User.objects.get(email=email)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


class People:
    """Cookies of each demo user (a session and a CSRF secret), made before the measurement."""

    def __init__(self):
        from django.conf import settings
        from django.utils.crypto import get_random_string

        self.csrf = get_random_string(32)
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.csrf_cookie = settings.CSRF_COOKIE_NAME
        self._sessions: dict[str, str] = {}

    def cookies(self, email: str) -> dict:
        if not email:
            return {self.csrf_cookie: self.csrf}
        if email not in self._sessions:
            self._sessions[email] = session_for(email)
        return {self.session_cookie: self._sessions[email], self.csrf_cookie: self.csrf}


class Writes:
    """The writes of the mixed load, each on its own action (no version conflict): a status
    change, a progress update, a Local Offer feedback form (each from its own address)."""

    KINDS = ("write: status change", "write: progress update", "write: Local Offer feedback")

    def __init__(self, people: People, count: int):
        from django.urls import reverse

        from scripts.bench.pages import OFFICER
        from send_portal.demo import scale
        from workstreams.models import Action
        from workstreams.status import ActionStatus

        actions = list(
            Action.objects.filter(programme__slug__startswith=scale.PREFIX)
            .exclude(status=ActionStatus.COMPLETED)
            .order_by("pk")
            .values_list("pk", "version", "status")[: 2 * count + 2]
        )
        self.status_pool = actions[0::2]
        self.update_pool = actions[1::2]
        self.cookies = people.cookies(OFFICER)
        self.public = people.cookies("")
        self.csrf = people.csrf
        self.reverse = reverse
        self.statuses = (ActionStatus.ON_TARGET, ActionStatus.BEHIND)
        self.n = 0

    def next(self) -> load.Request:
        kind = self.KINDS[self.n % 3]
        index = self.n // 3
        self.n += 1
        if kind == self.KINDS[0]:
            pk, version, status = self.status_pool[index % len(self.status_pool)]
            new = self.statuses[0] if status != self.statuses[0] else self.statuses[1]
            return load.Request(
                kind,
                self.reverse("workstreams:action_status", args=[pk]),
                self.cookies,
                {"csrfmiddlewaretoken": self.csrf, "status": new, "version": version},
                ok=(302,),
            )
        if kind == self.KINDS[1]:
            pk = self.update_pool[index % len(self.update_pool)][0]
            return load.Request(
                kind,
                self.reverse("workstreams:progress_update_new", args=[pk]),
                self.cookies,
                {
                    "csrfmiddlewaretoken": self.csrf,
                    "narrative": f"Benchmark progress update {index}: the review met and agreed.",
                    "link": "",
                    "link_description": "",
                },
                ok=(302,),
            )
        return load.Request(
            kind,
            self.reverse("localoffer:feedback"),
            self.public,
            {
                "csrfmiddlewaretoken": self.csrf,
                "you_said": f"Benchmark feedback {index}: the opening times were clear.",
                "service": "",
                "name": "",
                "email": "",
                "website": "",
            },
            headers={"X-Forwarded-For": f"10.14.{index // 250}.{index % 250 + 1}"},
            ok=(302,),
        )


def readers_of(path: str, people: People) -> list[str]:
    """The demo users (empty: anonymous) who may open ``path``: asked of the server itself."""
    from scripts.bench.pages import BOARD, HEAD, OFFICER

    client = load.Client(HOST, PORT)
    allowed = []
    for email in ("", OFFICER, BOARD, HEAD):
        outcome = client.send(load.Request("probe", path, people.cookies(email)))
        if outcome.status == 200:
            allowed.append(email)
    client.close()
    return allowed


def wait_for_server(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url} within {timeout:.0f} s")


def measure() -> tuple[list[dict], dict[str, dict], load.Mixed]:
    from scripts.bench.pages import SIGNED_IN_FLOOR, all_pages, floor_pages

    people = People()
    targets = all_pages()
    floors = {label for label, _p, _e in floor_pages()}
    rows = []
    for label, path, email in targets:
        request = load.Request(label, path, people.cookies(email))
        print(f"  {label}: {path} alone ...", flush=True)
        single = load.alone(HOST, PORT, request, ALONE)
        print(f"  {label}: {USERS} users ...", flush=True)
        busy = load.closed_loop(
            HOST, PORT, request, users=USERS, seconds=SECONDS, max_requests=MAX_REQUESTS
        )
        rows.append(
            {
                "label": label,
                "path": path,
                "email": email,
                "floor": label in floors,
                "alone": single,
                "busy": busy,
            }
        )
    mains = [r for r in rows if not r["floor"]]
    readers = {r["label"]: readers_of(r["path"], people) for r in mains}
    writes = Writes(people, count=int(RATE * MIXED_SECONDS / WRITE_EVERY) + 3)
    choices = [
        load.Request(r["label"], r["path"], people.cookies(email))
        for r in mains
        for email in readers[r["label"]]
    ]

    def pick(rng, n: int) -> load.Request:
        if n % WRITE_EVERY == WRITE_EVERY - 1:
            return writes.next()
        return rng.choice(choices)

    print(f"  mixed: {RATE:g} requests a second for {MIXED_SECONDS:g} s ...", flush=True)
    mixed = load.open_loop(HOST, PORT, pick, rate=RATE, seconds=MIXED_SECONDS)
    floor = next(r for r in rows if r["label"] == SIGNED_IN_FLOOR)
    return rows, {"floor": floor, "readers": readers}, mixed


def _ms(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.0f}"


def report(rows: list[dict], extra: dict, mixed: load.Mixed, load_before, load_after) -> str:
    floor = extra["floor"]
    floor_alone, floor_rps = floor["alone"].p50, floor["busy"].per_second
    when = datetime.now(UTC).strftime("%d %B %Y %H:%M UTC")
    lines = [
        f"`make bench`, {when}: gunicorn ({WORKERS} sync workers) on {HOST}:{PORT}, PostgreSQL, "
        f"the large local area (`load_scale`). {os.cpu_count()} CPUs; load average "
        f"{load_before[0]:.1f} before and {load_after[0]:.1f} after (what else the machine ran).",
        "",
        f"Alone: p50 of {ALONE} sequential requests. Busy: {USERS} clients with no pause, "
        f"{SECONDS:g} s or {MAX_REQUESTS} requests. Mixed: open loop, {RATE:g} requests a second "
        f"for {MIXED_SECONDS:g} s over every main page and every role that may open it, one in "
        f"{WRITE_EVERY} a write; latency from arrival. Ratios are to the signed-in floor. "
        "Errors: failed requests in all three runs.",
        "",
        f"| {COLUMNS} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    aims = []
    for r in rows:
        single, busy = r["alone"], r["busy"]
        times = mixed.latencies.get(r["label"], [])
        p95 = load.percentile(times, 95)
        errors = single.errors + busy.errors + mixed.errors.get(r["label"], 0)
        ratio_alone = single.p50 / floor_alone if floor_alone else math.nan
        ratio_rps = busy.per_second / floor_rps if floor_rps else math.nan
        lines.append(
            f"| {r['label']} | {single.p50:.0f} | {ratio_alone:.1f} | {busy.per_second:.1f} "
            f"| {ratio_rps:.2f} | {_ms(p95)} | {errors} |"
        )
        if r["floor"]:
            continue
        if ratio_alone > 4:
            aims.append(f"{r['label']}: alone {ratio_alone:.1f} x the floor (aim at most 4 x)")
        if ratio_rps < 0.25:
            aims.append(
                f"{r['label']}: {ratio_rps:.0%} of the floor's throughput (aim at least 25 %)"
            )
        if times and p95 > 2 * single.p50:
            aims.append(
                f"{r['label']}: mixed p95 {p95:.0f} ms = {p95 / single.p50:.1f} x its alone p50 "
                "(aim at most 2 x)"
            )
        if errors:
            aims.append(f"{r['label']}: {errors} errors (aim 0)")
    for kind in Writes.KINDS:
        times = mixed.latencies.get(kind, [])
        errors = mixed.errors.get(kind, 0)
        lines.append(f"| {kind} | – | – | – | – | {_ms(load.percentile(times, 95))} | {errors} |")
        if errors:
            aims.append(f"{kind}: {errors} errors of {len(times)} (aim 0)")
    lines += [
        "",
        f"Mixed: {mixed.sent} requests sent; {mixed.late_starts} started more than 100 ms after "
        "their arrival time (the client waited for a free connection).",
        "",
        "HTML of each page (the aim: at most 150 KB at this size):",
        "",
        "| page | HTML KB |",
        "| --- | ---: |",
    ]
    for r in rows:
        kb = r["alone"].size / 1024
        lines.append(f"| {r['label']} | {kb:.0f} |")
        if kb > MAX_PAGE_KB:
            aims.append(f"{r['label']}: {kb:.0f} KB of HTML (aim at most {MAX_PAGE_KB} KB)")
    lines += ["", "Aims (at most 4 x floor alone; at least 25 % of its throughput; mixed p95 at"]
    lines += ["most 2 x own alone p50; 0 errors; at most 150 KB):", ""]
    lines += [f"- not met: {aim}" for aim in aims] or ["- every aim met"]
    return "\n".join(lines)


def main() -> None:
    ensure_database()
    manage("createcachetable")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo", "--force")
    manage("load_scale", "--reset" if os.environ.get("BENCH_RESET") == "1" else "--if-missing")
    setup_django()
    load_before = os.getloadavg()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "send_portal.wsgi",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    try:
        wait_for_server(f"http://{HOST}:{PORT}/healthz/")
        rows, extra, mixed = measure()
    finally:
        server.terminate()
        server.wait(timeout=20)
    text = report(rows, extra, mixed, load_before, os.getloadavg())
    if os.environ.get("BENCH_EXPLAIN", "1") != "0":
        from scripts.bench.explain import slowest_queries_report

        text += "\n\n" + slowest_queries_report(
            [(r["label"], r["path"], r["email"]) for r in rows if not r["floor"]]
        )
    print()
    print(text)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
