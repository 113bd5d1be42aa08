"""The set-up proof's browser stand-in: what a newcomer does first on a portal `make run` serves.

Standard library only (it runs before, and without, the project's virtualenv). Given the base
URL and the README, it waits until the portal serves, signs in as each demo user the README
lists and checks each lands on their home page, then, as the LA officer, asks for one highlight
report through the reports page's form (with its CSRF token), polls its status until it is
ready and downloads the PDF. Each step has its own time limit; a failure says which step and
why, and exits 1.

    python3 scripts/ci/setup_proof_client.py http://127.0.0.1:PORT README.md
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

# Where each demo user lands after signing in (see send_portal/core/views.py: home).
HOME_PAGES = {
    "admin@demo.test": "/officer/",
    "officer@demo.test": "/officer/",
    "head@demo.test": "/areas/north-east/",
    "head.south@demo.test": "/areas/south/",
    "board@demo.test": "/board/",
}
REQUEST_TIMEOUT = 30


class StepFailed(Exception):
    pass


class FormParser(HTMLParser):
    """The fields of the forms on a page: inputs (checked radios), selects and their options."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "inputs": [], "selects": {}})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            self.forms[-1]["inputs"].append(a)
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1]["selects"][self._select] = []
        elif tag == "option" and self._select:
            self.forms[-1]["selects"][self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def forms_of(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def form_with_action(html: str, action: str) -> dict:
    for form in forms_of(html):
        if form["action"] == action:
            return form
    raise StepFailed(f"the page has no form posting to {action}")


def field(form: dict, name: str) -> str:
    for item in form["inputs"]:
        if item["name"] == name:
            return item.get("value", "")
    raise StepFailed(f"the form has no {name!r} field")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Browser:
    """A cookie jar and two openers: one follows redirects, one does not."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.follow = urllib.request.build_opener(cookies)
        self.stay = urllib.request.build_opener(cookies, NoRedirect)

    def get(self, path: str):
        response = self.follow.open(self.base + path, timeout=REQUEST_TIMEOUT)
        return response, response.read()

    def post(self, path: str, data: list[tuple[str, str]], follow: bool = True):
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.base + path, "Origin": self.base},
            method="POST",
        )
        opener = self.follow if follow else self.stay
        try:
            response = opener.open(request, timeout=REQUEST_TIMEOUT)
        except urllib.error.HTTPError as exc:
            if not follow and 300 <= exc.code < 400:
                return exc, b""
            raise
        return response, response.read()


def wait_until_serving(base: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    last = "no answer yet"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz/", timeout=5) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(1)
    raise StepFailed(f"/healthz/ did not answer 200 within {seconds:.0f}s ({last})")


def readme_logins(readme: Path) -> tuple[list[str], str]:
    text = readme.read_text(encoding="utf-8")
    emails = re.findall(r"^\| `([^`]+@demo\.test)` \|", text, flags=re.MULTILINE)
    password = re.search(r"The password for all of them is `([^`]+)`", text)
    if not emails or not password:
        raise StepFailed("the README's demo logins table or password was not found")
    if sorted(emails) != sorted(HOME_PAGES):
        raise StepFailed(f"the README lists {emails}, this proof knows {sorted(HOME_PAGES)}")
    return emails, password.group(1)


def sign_in(base: str, email: str, password: str) -> Browser:
    browser = Browser(base)
    _, body = browser.get("/sign-in/")
    form = form_with_action(body.decode(), "")  # the sign-in form posts to its own URL
    token = field(form, "csrfmiddlewaretoken")
    response, body = browser.post(
        "/sign-in/",
        [("csrfmiddlewaretoken", token), ("username", email), ("password", password)],
    )
    path = urllib.parse.urlsplit(response.geturl()).path
    if path != HOME_PAGES[email]:
        raise StepFailed(f"{email} landed on {path}, not their home page {HOME_PAGES[email]}")
    if b"Sign out" not in body:
        raise StepFailed(f"{email}'s home page {path} does not offer to sign out")
    return browser


def request_report(officer: Browser) -> int:
    _, body = officer.get("/reports/")
    form = form_with_action(body.decode(), "/reports/generate/")
    periods = [value for value in form["selects"].get("period", []) if value]
    programmes = [value for value in form["selects"].get("programme", []) if value]
    if not periods or not programmes:
        raise StepFailed("the reports page offers no locked month or no programme")
    # The demo has the latest month's portfolio report ready; one programme's is new.
    response, _ = officer.post(
        "/reports/generate/",
        [
            ("csrfmiddlewaretoken", field(form, "csrfmiddlewaretoken")),
            ("period", periods[0]),
            ("scope", "programme"),
            ("programme", programmes[0]),
        ],
        follow=False,
    )
    location = response.headers.get("Location", "")
    match = re.search(r"#report-(\d+)$", location)
    if response.status != 302 or not match:
        raise StepFailed(f"asking for the report answered {response.status} {location!r}")
    return int(match.group(1))


def wait_for_pdf(officer: Browser, report_id: int, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    state = "unknown"
    while time.monotonic() < deadline:
        _, body = officer.get(f"/reports/{report_id}/status/")
        status = json.loads(body)
        state = status["state"]
        if state == "failed":
            raise StepFailed(f"report {report_id} failed: {status['failure_reason']}")
        if state == "ready":
            response, pdf = officer.get(status["download_url"])
            if response.headers.get_content_type() != "application/pdf":
                raise StepFailed(f"the download is {response.headers.get_content_type()}")
            if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
                raise StepFailed("the download is not a whole PDF")
            return pdf
        time.sleep(1)
    raise StepFailed(f"report {report_id} was still {state} after {seconds:.0f}s")


def main(base: str, readme: str) -> int:
    step = "read the README's demo logins"
    try:
        emails, password = readme_logins(Path(readme))
        step = "wait until the portal serves"
        wait_until_serving(base, 60)
        browsers = {}
        for email in emails:
            step = f"sign in as {email}"
            browsers[email] = sign_in(base, email, password)
            print(f"setup proof:   signed in as {email}: {HOME_PAGES[email]}")
        step = "ask for a highlight report as the officer"
        report_id = request_report(browsers["officer@demo.test"])
        step = f"wait for report {report_id} and download its PDF"
        pdf = wait_for_pdf(browsers["officer@demo.test"], report_id, 90)
        print(f"setup proof:   report {report_id}: a PDF of {len(pdf):,} bytes")
    except (StepFailed, urllib.error.URLError, OSError, ValueError, KeyError) as exc:
        print(f"setup proof FAILED at step '{step}': {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
