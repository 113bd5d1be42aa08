"""The browser harness: Playwright driving Debian's Chromium against Django's live server.

``page`` keeps the site's Content-Security-Policy in force and fails the test if the browser
reports a CSP violation or a JavaScript error. ``assert_accessible(page)`` runs axe-core with the
WCAG 2.x A and AA tags and fails on any violation.
"""

import os
from pathlib import Path

import pytest
from celery.contrib.pytest import (  # noqa: F401  (fixtures: a real in-process worker)
    celery_app,
    celery_class_tasks,
    celery_enable_logging,
    celery_parameters,
    celery_worker,
    celery_worker_pool,
    depends_on_current_app,
    use_celery_app_trap,
)
from django.conf import settings

from tests.conftest import CHROMIUM

# Django refuses ORM calls from an async context; Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def celery_config():
    """A test that asks for ``celery_worker`` gets a real worker on the project's broker."""
    return {
        "broker_url": settings.CELERY_BROKER_URL,
        "broker_transport_options": settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "result_backend": "cache+memory://",
        "task_acks_late": True,
        "worker_prefetch_multiplier": 1,
        "timezone": settings.CELERY_TIMEZONE,
    }


@pytest.fixture(scope="session")
def celery_includes():
    return ["workstreams.reporting.tasks"]


@pytest.fixture(scope="session")
def celery_worker_parameters():
    return {"queues": ("celery",), "perform_ping_check": True}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect

    # The machine is small and shared: give pages time before an expectation fails.
    expect.set_options(timeout=15_000)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(f"JavaScript error: {exc}"))
    yield page
    context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.x A/AA) on the current page; fail on any violation."""
    page.wait_for_load_state()  # after a click, the page it leads to, not one half-replaced
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())
    # Only the violations come back: axe then skips working out selectors for every node that
    # passed (its documented way to run faster), and the page sends back kilobytes, not megabytes.
    violations = page.evaluate(
        """async (tags) => (await axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
        })).violations""",
        AXE_TAGS,
    )
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe found accessibility violations on {page.url}:\n{report}"


def sign_in(page, email: str, password: str = "demo-pass-2026") -> None:
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
