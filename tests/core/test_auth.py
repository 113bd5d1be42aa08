import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_address_in_any_case(client, officer):
    response = client.post(
        reverse("login"), {"username": "OFFICER@Test.Example", "password": "demo-pass-2026"}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("officer_home")).status_code == 200


def test_wrong_password_gets_a_plain_english_error(client, officer):
    response = client.post(reverse("login"), {"username": officer.email, "password": "nope"})
    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_empty_form_says_what_to_enter(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    body = response.content.decode()
    assert "Enter your email address" in body
    assert "Enter your password" in body


def test_sign_out_needs_post_and_ends_the_session(client, officer):
    client.force_login(officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_with_a_clear_message(client, officer, settings):
    for _ in range(settings.SIGN_IN_CLIENT_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": officer.email, "password": "wrong"})
    # Even the right password is refused while locked.
    response = client.post(
        reverse("login"), {"username": officer.email, "password": "demo-pass-2026"}
    )
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_an_email_with_a_working_link(client, officer, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": officer.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = next(line for line in body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert "Choose a new password" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a-Much-better-pass-2026", "new_password2": "a-Much-better-pass-2026"},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-Much-better-pass-2026")


def test_the_admin_sign_in_page_sends_people_to_the_limited_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=/admin/"


def test_sign_in_is_closed_with_a_clear_message_when_the_limits_cannot_be_read(
    client, officer, monkeypatch
):
    from django.db import OperationalError

    from send_portal.core import signin

    def unreadable(**kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(signin, "current_lock", unreadable)
    response = client.post(
        reverse("login"), {"username": officer.email, "password": "demo-pass-2026"}
    )
    assert response.status_code == 503
    assert "you cannot sign in at the moment" in response.content.decode()
    assert "_auth_user_id" not in client.session
