import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_form_pages_have_exactly_one_form_around_the_fields(client):
    body = client.get(reverse("login")).content.decode()
    main = body.split('id="main-content"', 1)[1]
    assert main.count("<form") == 1
    assert main.count("csrfmiddlewaretoken") == 1
