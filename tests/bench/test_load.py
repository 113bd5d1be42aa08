"""`make bench`'s load generator against a tiny local server: bounded, counted, open loop."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scripts.bench import load, run


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 500 if self.path == "/broken/" else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.server.posted.append(self.rfile.read(length))
        self.send_response(302)
        self.send_header("Location", "/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.posted = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_the_table_has_the_columns_the_issue_names():
    assert run.COLUMNS == (
        "page | alone p50 ms | alone / signed-in floor | req/s at 20 users "
        "| req/s / floor req/s | mixed p95 ms | errors"
    )


def test_percentile_is_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert load.percentile(values, 50) == 50
    assert load.percentile(values, 95) == 95
    assert load.percentile([7.0], 95) == 7


def test_alone_and_busy_are_bounded_and_count_errors(server):
    port = server.server_address[1]
    alone = load.alone("127.0.0.1", port, load.Request("page", "/page/"), repeats=30)
    assert alone.errors == 0 and alone.size == 2 and alone.p50 > 0
    broken = load.alone("127.0.0.1", port, load.Request("broken", "/broken/"), repeats=30)
    assert broken.errors == 30
    busy = load.closed_loop(
        "127.0.0.1", port, load.Request("page", "/page/"), users=5, seconds=5, max_requests=40
    )
    assert busy.requests == 40 and busy.errors == 0  # stopped by the request bound, not time


def test_open_loop_sends_the_rate_for_the_time_and_posts_forms(server):
    port = server.server_address[1]
    read = load.Request("page", "/page/")
    write = load.Request("write", "/form/", form={"status": "behind"}, ok=(302,))

    def pick(rng, n):
        return write if n % 10 == 9 else read

    mixed = load.open_loop("127.0.0.1", port, pick, rate=50, seconds=1)
    assert 25 <= mixed.sent <= 80  # Poisson arrivals at 50 a second for 1 s
    assert sum(len(v) for v in mixed.latencies.values()) == mixed.sent
    assert mixed.errors == {"page": 0, "write": 0} or mixed.errors == {"page": 0}
    assert len(server.posted) == len(mixed.latencies.get("write", []))
    assert all(body == b"status=behind" for body in server.posted)
