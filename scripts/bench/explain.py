"""EXPLAIN plans for the three slowest queries the main pages run (for `make bench`)."""

from __future__ import annotations

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def slowest_queries_report(targets: list[tuple[str, str, str]]) -> str:
    from send_portal.core.models import User

    timed: list[tuple[float, str, str, list]] = []
    client = Client()
    for label, path, email in targets:
        client.logout()
        if email:
            client.force_login(User.objects.get(email=email))
        with CaptureQueriesContext(connection) as ctx:
            client.get(path, HTTP_HOST="127.0.0.1")
        for query in ctx.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql)
                cursor.fetchall()
            timed.append((time.perf_counter() - started, label, sql, []))
    timed.sort(reverse=True)
    seen, lines = set(), ["The three slowest queries of the main pages, with their plans:", ""]
    for seconds, label, sql, _ in timed:
        if sql in seen:
            continue
        seen.add(sql)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        lines += [
            f"{len(seen)}. {label}: {seconds * 1000:.1f} ms",
            "",
            "```sql",
            sql,
            "```",
            "",
            "```",
            plan,
            "```",
            "",
        ]
        if len(seen) == 3:
            break
    return "\n".join(lines)
