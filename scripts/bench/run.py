"""`make bench`: latency of each main page under 20 concurrent users, against PostgreSQL.

Starts gunicorn on loopback only, loads the demo and the large local area (`load_scale`) into a
benchmark database, then runs locust headless against one page at a time for a bounded time.
The floor is the same server's minimal view (`/healthz/`: a one-line template, no query).
Prints a table of p50 and p95 per page with the ratio page/floor, the EXPLAIN plans of the three
slowest queries, and writes the same to bench-results/latest.md.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/send_portal_bench),
BENCH_USERS (20), BENCH_SECONDS (10 per page), BENCH_WORKERS (gunicorn workers, 3),
BENCH_MAX_REQUESTS (per simulated user and page, 500), BENCH_RESET=1 (rebuild the large area).
"""

from __future__ import annotations

import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
USERS = int(os.environ.get("BENCH_USERS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/send_portal_bench"
)

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


def pages() -> list[tuple[str, str, str]]:
    """(label, path, email) for each main page, resolved against the benchmark database."""
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "send_portal.settings")
    import django

    django.setup()
    from scripts.bench.pages import main_pages

    return main_pages()


def session_for(email: str) -> str:
    """A signed-in session of that demo user (made once, outside the measurement)."""
    if not email:
        return ""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from send_portal.core.models import User

    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


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


def run_locust(path: str, session: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "stats"
        done = subprocess.run(
            [
                PY,
                "-m",
                "locust",
                "--headless",
                "--only-summary",
                "--loglevel",
                "ERROR",
                "-f",
                str(ROOT / "scripts" / "bench" / "locustfile.py"),
                "--host",
                f"http://{HOST}:{PORT}",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                f"{SECONDS}s",
                "--stop-timeout",
                "5",
                "--csv",
                str(prefix),
            ],
            cwd=ROOT,
            env={**ENV, "BENCH_PATH": path, "BENCH_SESSION": session},
            check=False,
            capture_output=True,
            text=True,
            timeout=SECONDS + 60,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            row = next((r for r in csv.DictReader(handle) if r["Name"] == "page"), None)
        if row is None:
            raise SystemExit(f"locust made no request to {path}:\n{done.stderr[-3000:]}")
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "p50": float(row["50%"]),
        "p95": float(row["95%"]),
        "rps": float(row["Requests/s"]),
    }


ALONE_REPEATS = 5


def single_requests(path: str, session: str) -> float:
    """Median milliseconds of one request at a time, nobody else asking."""
    headers = {"Cookie": f"sessionid={session}"} if session else {}

    def once() -> float:
        request = urllib.request.Request(f"http://{HOST}:{PORT}{path}", headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        return (time.perf_counter() - started) * 1000

    return statistics.median(once() for _ in range(ALONE_REPEATS))


def main() -> None:
    ensure_database()
    manage("createcachetable")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo", "--force")
    manage("load_scale", "--reset" if os.environ.get("BENCH_RESET") == "1" else "--if-missing")
    targets = [("floor (/healthz/)", "/healthz/", ""), *pages()]
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
        results = []
        for label, path, email in targets:
            print(f"  {label}: {path} ...", flush=True)
            session = session_for(email)
            alone = single_requests(path, session)
            results.append((label, path, {**run_locust(path, session), "alone": alone}))
    finally:
        server.terminate()
        server.wait(timeout=20)

    floor = results[0][2]
    lines = [
        f"Latency with {USERS} concurrent users, {SECONDS} s per page, gunicorn {WORKERS} "
        f"workers, PostgreSQL; floor = /healthz/ (one-line template, no query).",
        "",
        "One request alone: median of 5.",
        "",
        "| page | requests | failures | p50 ms | p95 ms | p50 / floor | p95 / floor | alone ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, _path, r in results:
        lines.append(
            f"| {label} | {r['requests']} | {r['failures']} | {r['p50']:.0f} | {r['p95']:.0f} "
            f"| {r['p50'] / max(floor['p50'], 1):.1f} | {r['p95'] / max(floor['p95'], 1):.1f} "
            f"| {r['alone']:.0f} |"
        )
    from scripts.bench.explain import slowest_queries_report

    lines += ["", slowest_queries_report(targets[1:])]
    report = "\n".join(lines)
    print()
    print(report)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
