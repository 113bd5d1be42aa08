"""Request bodies are bounded: a huge anonymous post is refused before it is read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localoffer.models import Feedback

pytestmark = pytest.mark.django_db


def test_a_large_anonymous_post_is_refused_with_413(client, settings):
    big = "x" * (settings.PORTAL_ANONYMOUS_REQUEST_MAX_BYTES + 1)
    response = client.post(reverse("localoffer:feedback"), {"you_said": big})
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_claimed_200_mb_body_is_refused_without_reading_it(client):
    response = client.generic(
        "POST",
        reverse("localoffer:feedback"),
        data=b"you_said=hello",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert response.status_code == 413


def test_a_signed_in_upload_may_be_larger_up_to_its_own_limit(client, officer, settings):
    client.force_login(officer)
    upload = SimpleUploadedFile("big.csv", b"a" * (settings.PORTAL_ANONYMOUS_REQUEST_MAX_BYTES * 2))
    response = client.post(reverse("localoffer:import"), {"file": upload})
    assert response.status_code != 413
    settings.PORTAL_REQUEST_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.csv", b"a" * 4096)
    assert client.post(reverse("localoffer:import"), {"file": upload}).status_code == 413


def test_a_bad_content_length_is_a_bad_request(client):
    response = client.generic("POST", reverse("login"), data=b"", CONTENT_LENGTH="lots")
    assert response.status_code == 400


def test_field_data_is_bounded(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440


def test_a_nul_character_in_the_query_string_gets_the_400_page(client):
    response = client.get(reverse("localoffer:feedback"), {"service": "a\x00b"})
    assert response.status_code == 400
    assert "There is a problem with the web address" in response.content.decode()
