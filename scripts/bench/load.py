"""The load `make bench` puts on the server: one client alone, 20 clients with no pause, and an
open-loop arrival rate. Plain threads and ``http.client``; every phase bounded in time and in
requests; nothing here knows Django.
"""

from __future__ import annotations

import http.client
import math
import random
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode

TIMEOUT = 30  # seconds a request may take before it counts as an error


@dataclass(frozen=True)
class Request:
    """One request: GET a page, or POST a form (``form``), with the client's cookies."""

    label: str
    path: str
    cookies: dict = field(default_factory=dict)
    form: dict | None = None
    headers: dict = field(default_factory=dict)
    ok: tuple[int, ...] = (200,)


@dataclass
class Outcome:
    label: str
    ms: float
    status: int  # 0: no answer (refused, timed out)
    size: int

    def failed(self, ok: tuple[int, ...]) -> bool:
        return self.status not in ok


class Client:
    """One simulated person's connection (reopened when the server closes it)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)

    def send(self, request: Request) -> Outcome:
        headers = {"Host": self.host, **request.headers}
        if request.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in request.cookies.items())
        body = None
        method = "GET"
        if request.form is not None:
            method = "POST"
            body = urlencode(request.form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{request.path}"
        started = time.perf_counter()
        try:
            self.connection.request(method, request.path, body=body, headers=headers)
            response = self.connection.getresponse()
            size = len(response.read())
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            status, size = 0, 0
        return Outcome(request.label, (time.perf_counter() - started) * 1000, status, size)

    def close(self) -> None:
        self.connection.close()


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``; NaN when there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class Alone:
    p50: float
    size: int
    errors: int


def alone(host: str, port: int, request: Request, repeats: int) -> Alone:
    """``repeats`` requests one after another by one client, nobody else asking (after one
    unmeasured request: the worker's first request pays for imports and connections)."""
    client = Client(host, port)
    client.send(request)
    outcomes = [client.send(request) for _ in range(repeats)]
    client.close()
    return Alone(
        statistics.median(o.ms for o in outcomes),
        outcomes[-1].size,
        sum(o.failed(request.ok) for o in outcomes),
    )


@dataclass
class Throughput:
    requests: int
    seconds: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def closed_loop(
    host: str, port: int, request: Request, *, users: int, seconds: float, max_requests: int
) -> Throughput:
    """``users`` clients asking again as soon as they are answered, until ``seconds`` have
    passed or ``max_requests`` have been sent in all."""
    deadline = time.perf_counter() + seconds
    lock = threading.Lock()
    counts = {"sent": 0, "done": 0, "errors": 0}

    def user() -> None:
        client = Client(host, port)
        while time.perf_counter() < deadline:
            with lock:
                if counts["sent"] >= max_requests:
                    break
                counts["sent"] += 1
            outcome = client.send(request)
            with lock:
                counts["done"] += 1
                counts["errors"] += outcome.failed(request.ok)
        client.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=user, daemon=True) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + TIMEOUT + 5)
    return Throughput(counts["done"], time.perf_counter() - started, counts["errors"])


@dataclass
class Mixed:
    latencies: dict[str, list[float]]
    errors: dict[str, int]
    sent: int
    late_starts: int  # requests that started over 100 ms after their arrival time


def open_loop(
    host: str,
    port: int,
    pick: Callable[[random.Random, int], Request],
    *,
    rate: float,
    seconds: float,
    seed: int = 14,
    max_in_flight: int = 64,
) -> Mixed:
    """Requests arrive at ``rate`` a second (Poisson arrivals, seeded) for ``seconds``, whether
    or not earlier ones have been answered (open loop); ``pick(random, n)`` chooses the n-th.
    Each latency runs from the request's arrival time, so waiting for a free client counts."""
    rng = random.Random(seed)
    arrivals, at = [], 0.0
    while True:
        at += rng.expovariate(rate)
        if at >= seconds:
            break
        arrivals.append(at)
    requests = [pick(rng, n) for n in range(len(arrivals))]
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    late = 0
    lock = threading.Lock()
    local = threading.local()

    def run(request: Request, due: float) -> None:
        nonlocal late
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = Client(host, port)
        waited = (time.perf_counter() - due) * 1000
        outcome = client.send(request)
        with lock:
            late += waited > 100
            latencies.setdefault(request.label, []).append(waited + outcome.ms)
            errors.setdefault(request.label, 0)
            errors[request.label] += outcome.failed(request.ok)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max_in_flight) as pool:
        for request, offset in zip(requests, arrivals, strict=True):
            due = started + offset
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            pool.submit(run, request, due)
    return Mixed(latencies, errors, len(requests), late)
