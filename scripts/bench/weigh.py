"""Weigh each main page in-process: HTML size, SQL queries and build time, optionally profiled.

    python scripts/bench/weigh.py                 # every main page: KB, queries, ms (median of 3)
    python scripts/bench/weigh.py --profile "weakness page" --profile "board dashboard"

Runs against the database in DATABASE_URL, which must hold the demo and the large local area
(`load_demo`, then `load_scale`). Pages go through Django's whole request cycle (middleware,
session, permissions, templates) with the test client, signed in as the page's demo user. No
server, no network: what a page costs to build, not what it costs to serve. ``make bench`` uses
``weigh_pages`` for the HTML size column; ``--profile`` prints pyinstrument's call tree (or
cProfile's top functions with ``--cprofile``) for the pages named.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The most HTML any main page may send at the size of the largest areas (issue 14).
MAX_PAGE_BYTES = 150 * 1024


@dataclass
class Weight:
    label: str
    path: str
    status: int
    size: int
    queries: int
    ms: float

    @property
    def over(self) -> bool:
        return self.size > MAX_PAGE_BYTES


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "send_portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "weigh-only-secret-key-" + "x" * 40)
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    import django

    django.setup()


def _client(email: str):
    from django.test import Client

    from send_portal.core.models import User

    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def weigh(label: str, path: str, email: str, repeats: int = 3) -> Weight:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(email)
    times, response, queries = [], None, 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, SERVER_NAME="127.0.0.1")
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return Weight(
        label, path, response.status_code, len(response.content), queries, statistics.median(times)
    )


def weigh_pages(targets) -> list[Weight]:
    return [weigh(label, path, email) for label, path, email in targets]


def profile(label: str, path: str, email: str, *, use_cprofile: bool = False) -> str:
    client = _client(email)
    client.get(path, SERVER_NAME="127.0.0.1")  # warm: templates compiled, connection open
    if use_cprofile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        client.get(path, SERVER_NAME="127.0.0.1")
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        return f"== {label} ({path})\n{out.getvalue()}"
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    with profiler:
        client.get(path, SERVER_NAME="127.0.0.1")
    return f"== {label} ({path})\n" + profiler.output_text(unicode=False, color=False)


def table(weights: list[Weight]) -> str:
    lines = [
        "| page | status | HTML KB | queries | built in ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for w in weights:
        mark = " (over 150 KB)" if w.over else ""
        lines.append(
            f"| {w.label} | {w.status} | {w.size / 1024:.0f}{mark} | {w.queries} | {w.ms:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="append", default=[], help="a page's label")
    parser.add_argument("--cprofile", action="store_true", help="cProfile instead of pyinstrument")
    args = parser.parse_args()
    setup_django()
    from scripts.bench.pages import all_pages

    targets = all_pages()
    if args.profile:
        chosen = [t for t in targets if t[0] in args.profile]
        if not chosen:
            raise SystemExit(f"No page called {args.profile}; pages: {[t[0] for t in targets]}")
        for target in chosen:
            print(profile(*target, use_cprofile=args.cprofile))
        return
    weights = weigh_pages(targets)
    print(table(weights))
    if any(w.over for w in weights):
        raise SystemExit("Some pages are over 150 KB of HTML.")


if __name__ == "__main__":
    main()
