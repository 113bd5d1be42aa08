"""The dashboards on the demo local area: each role's home answers, with real content, in at
most 15 queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from send_portal.core.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("officer@demo.test", ["My actions", "Monthly updates due", "Highlight reports"]),
        ("board@demo.test", ["Overall RAG", "RAG by workstream", "Exceptions", "Indicator trends"]),
        ("head@demo.test", ["Programme actions in North East", "Key indicators for North East"]),
    ],
)
def test_demo_dashboards(demo, client, email, expected):
    client.force_login(User.objects.get(email=email))
    home = client.get(reverse("home"))
    assert home.status_code == 302
    client.get(home.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(home.url)
    assert response.status_code == 200
    page = response.content.decode()
    for text in expected:
        assert text in page, f"{text!r} missing from {home.url}"
    assert len(captured) <= 15, f"{home.url}: {len(captured)} queries"
