"""One page under load: BENCH_PATH, signed in as BENCH_EMAIL (empty: anonymous)."""

import os
import re

from locust import HttpUser, constant, task

PATH = os.environ["BENCH_PATH"]
EMAIL = os.environ.get("BENCH_EMAIL", "")
PASSWORD = os.environ.get("BENCH_PASSWORD", "demo-pass-2026")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        if not EMAIL:
            return
        page = self.client.get("/sign-in/", name="sign-in")
        token = CSRF.search(page.text).group(1)
        response = self.client.post(
            "/sign-in/",
            {"csrfmiddlewaretoken": token, "username": EMAIL, "password": PASSWORD},
            headers={"Referer": f"{self.host}/sign-in/"},
            name="sign-in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"could not sign in as {EMAIL}: {response.status_code}")

    @task
    def page(self):
        with self.client.get(PATH, name="page", allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{PATH} answered {r.status_code}")
