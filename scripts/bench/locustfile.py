"""One page under load: BENCH_PATH, with the session cookie BENCH_SESSION (empty: anonymous).

run.py signs the demo user in once, outside the measurement (a password hash per simulated user
would measure PBKDF2, not the page), and gives every simulated user that session.
"""

import os

from locust import HttpUser, constant, task
from locust.exception import StopUser

PATH = os.environ["BENCH_PATH"]
SESSION = os.environ.get("BENCH_SESSION", "")
COOKIE = os.environ.get("BENCH_SESSION_COOKIE", "sessionid")
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "500"))


class Visitor(HttpUser):
    wait_time = constant(0)
    sent = 0

    def on_start(self):
        if SESSION:
            self.client.cookies.set(COOKIE, SESSION)

    @task
    def page(self):
        if self.sent >= MAX_REQUESTS:  # bounded in requests as well as in time
            raise StopUser()
        self.sent += 1
        with self.client.get(PATH, name="page", allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{PATH} answered {r.status_code}")
