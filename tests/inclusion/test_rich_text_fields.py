"""Every rich-text field of inclusion statements and consultations, against the XSS payloads."""

import pytest
from django.urls import reverse

from inclusion.models import StatementVersion, TopicPoint
from tests.core.test_richtext import XSS_PAYLOADS
from tests.inclusion.factories import (
    ConsultationTopicFactory,
    StatementFactory,
    StatementSectionFactory,
    StatementVersionFactory,
    TopicPointFactory,
)

pytestmark = pytest.mark.django_db

# What must never reach a page from any payload (the payloads' executable parts).
FORBIDDEN = [
    "alert(1)",
    "javascript:",
    "onerror",
    "onclick",
    "onload",
    "<svg",
    "expression(",
    "<iframe",
    "evil.example",
    "display:none",
    "data:text",
]


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for bad in FORBIDDEN:
        assert bad not in lowered, bad


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_statement_fields_are_clean_on_the_public_and_officer_pages(client_for, payload):
    version = StatementVersionFactory(
        number=1, state=StatementVersion.State.ADOPTED, summary=f"<p>Summary</p>{payload}"
    )
    section = StatementSectionFactory(version=version, position=1, heading="We commit")
    StatementFactory(section=section, position=1, text=f"<p>Statement</p>{payload}")
    for stored in (version.summary, section.statements.get().text):
        assert_clean(stored)
    assert_clean(client_for("anonymous").get(reverse("inclusion:statement")).content.decode())
    page = client_for("officer").get(reverse("inclusion:version_detail", args=[1]))
    assert_clean(page.content.decode())
    assert "Statement" in page.content.decode()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_consultation_fields_are_clean_on_every_page(client_for, payload):
    topic = ConsultationTopicFactory(
        consultation__slug="kent",
        consultation__introduction=f"<p>Intro</p>{payload}",
        purpose=f"<p>Purpose</p>{payload}",
    )
    TopicPointFactory(topic=topic, text=f"Theme {payload}", we_did=f"Did {payload}")
    TopicPointFactory(topic=topic, kind=TopicPoint.Kind.NEXT_STEP, text=f"Step {payload}")
    client = client_for("officer")
    for url in (
        reverse("inclusion:consultation_detail", args=["kent"]),
        reverse("inclusion:you_said_we_did", args=["kent"]),
        reverse("search:search") + "?q=Theme",
    ):
        assert_clean(client.get(url).content.decode())


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_statement_written_through_the_form_is_cleaned(client_for, payload):
    version = StatementVersionFactory(number=1)
    section = StatementSectionFactory(version=version, position=1)
    client_for("officer").post(
        reverse("inclusion:statement_add", args=[1, 1]), {"text": f"Kept {payload}"}
    )
    stored = section.statements.get().text
    assert stored.startswith("Kept")
    assert_clean(stored)


def test_links_keep_their_target_and_get_rel_noopener(client_for):
    version = StatementVersionFactory(number=1, state=StatementVersion.State.ADOPTED)
    section = StatementSectionFactory(version=version, position=1)
    StatementFactory(section=section, text='<p>See <a href="https://example.org/x">this</a></p>')
    body = client_for("anonymous").get(reverse("inclusion:statement")).content.decode()
    assert '<a href="https://example.org/x" rel="noopener noreferrer">this</a>' in body
