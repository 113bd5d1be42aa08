"""The sign-in and password reset limits (send_portal/core/signin.py), through the pages."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from send_portal.core import signin
from send_portal.core.models import PasswordResetRequest, SignInAttempt, SignInLockout
from tests.core.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

PASSWORD = "demo-pass-2026"


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@test.example", role="LA officer")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@test.example", role="LA officer")


def attempt(client, user, password, address="192.0.2.1", **extra):
    client.logout()
    return client.post(
        reverse("login"),
        {"username": user.email, "password": password},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def age_everything(minutes: int) -> None:
    """As if that many minutes had passed."""
    delta = timedelta(minutes=minutes)
    for attempt_ in SignInAttempt.objects.all():
        SignInAttempt.objects.filter(pk=attempt_.pk).update(
            attempted_at=attempt_.attempted_at - delta
        )
    for lockout in SignInLockout.objects.all():
        SignInLockout.objects.filter(pk=lockout.pk).update(
            started_at=lockout.started_at - delta, ends_at=lockout.ends_at - delta
        )


def test_five_failures_from_one_client_lock_that_client_for_fifteen_minutes(client, alice, bob):
    for _ in range(4):
        assert attempt(client, alice, "wrong").status_code == 200
    response = attempt(client, alice, "wrong")
    assert response.status_code == 429
    assert "cannot sign in from this device" in response.content.decode()
    # Locked: even the right password, for any account, is refused from this client.
    for user in (alice, bob):
        response = attempt(client, user, PASSWORD)
        assert response.status_code == 429
        assert not signed_in(client)
    age_everything(minutes=14)
    assert attempt(client, bob, PASSWORD).status_code == 429
    age_everything(minutes=1)
    assert attempt(client, bob, PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_locked_client_does_not_stop_another_client(client, alice):
    for _ in range(5):
        attempt(client, alice, "wrong", address="192.0.2.1")
    # Another client: a wrong password is just a wrong password, the right one signs in.
    response = attempt(client, alice, "wrong", address="198.51.100.7")
    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()
    assert attempt(client, alice, PASSWORD, address="198.51.100.7").status_code == 302
    assert signed_in(client)


def test_ten_failures_for_one_account_from_many_clients_lock_it_and_email_the_holder(
    client, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(9):
            assert attempt(client, alice, "wrong", address=f"203.0.113.{n + 1}").status_code == 200
        assert mailoutbox == []
        response = attempt(client, alice, "wrong", address="203.0.113.50")
    assert response.status_code == 429
    assert "nobody can sign in to it" in response.content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [alice.email]
    assert "10 times" in mailoutbox[0].body
    # The account is locked from every client, a new one too, even with the right password.
    assert attempt(client, alice, PASSWORD, address="198.51.100.99").status_code == 429
    assert not signed_in(client)
    # Those clients are not locked: they sign in to other accounts normally.
    assert attempt(client, bob, PASSWORD, address="203.0.113.50").status_code == 302
    age_everything(minutes=15)
    assert attempt(client, alice, PASSWORD, address="198.51.100.99").status_code == 302


def test_an_unknown_account_is_counted_and_nobody_is_emailed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    ghost = UserFactory.build(email="nobody@test.example")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(10):
            response = attempt(client, ghost, "wrong", address=f"203.0.113.{n + 1}")
    assert response.status_code == 429
    assert mailoutbox == []


def test_signing_in_as_yourself_never_resets_the_count_against_another_account(client, alice, bob):
    """The attack: 4 wrong guesses at Bob's password, sign in as yourself, repeat."""
    for _ in range(4):
        attempt(client, bob, "guess")
    assert attempt(client, alice, PASSWORD).status_code == 302
    response = attempt(client, bob, "guess")
    assert response.status_code == 429
    # And Bob's own count keeps every guess: with another 5 from a second client, Bob is locked.
    for _ in range(4):
        attempt(client, bob, "guess", address="192.0.2.2")
    assert attempt(client, alice, PASSWORD, address="192.0.2.2").status_code == 302
    assert attempt(client, bob, "guess", address="192.0.2.2").status_code == 429
    assert attempt(client, bob, PASSWORD, address="192.0.2.3").status_code == 429
    assert SignInLockout.objects.filter(scope="account", key=bob.email).exists()


def test_signing_in_clears_your_own_mistakes_from_this_client(client, alice):
    for _ in range(4):
        attempt(client, alice, "typo")
    assert attempt(client, alice, PASSWORD).status_code == 302
    for _ in range(4):
        assert attempt(client, alice, "typo").status_code == 200
    assert attempt(client, alice, PASSWORD).status_code == 302
    assert not SignInLockout.objects.exists()


def test_behind_a_proxy_each_visitor_is_counted_on_their_own(client, alice, bob, settings):
    settings.PORTAL_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(5):
        attempt(client, alice, "wrong", address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert (
        attempt(
            client, alice, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
        ).status_code
        == 429
    )
    # Everyone else behind the same proxy signs in.
    response = attempt(client, bob, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert response.status_code == 302
    # The locked visitor cannot escape by writing their own X-Forwarded-For in front.
    response = attempt(
        client, bob, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9"
    )
    assert response.status_code == 429


def test_without_a_proxy_a_forged_header_changes_nothing(client, alice, settings):
    settings.PORTAL_PROXY_COUNT = 0
    for n in range(5):
        attempt(client, alice, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert attempt(client, alice, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.77").status_code == 429


def test_blank_fields_are_not_failures(client, alice):
    for _ in range(6):
        client.post(reverse("login"), {"username": alice.email, "password": ""})
    assert not SignInAttempt.objects.exists()
    assert attempt(client, alice, PASSWORD).status_code == 302


def test_the_sign_in_log_records_each_attempt(client, alice):
    attempt(client, alice, "wrong", address="192.0.2.8")
    attempt(client, alice, PASSWORD, address="192.0.2.8")
    log = list(SignInAttempt.objects.order_by("attempted_at").values_list("outcome", flat=True))
    assert log == ["failed", "succeeded"]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_failures_start_exactly_one_lock(alice):
    """Twelve wrong passwords at once from one client: exactly one of them starts the lock."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    barrier = threading.Barrier(12)
    started = []

    def fail(n):
        try:
            barrier.wait()
            started.append(signin.sign_in_failed(address="192.0.2.66", email=f"{n}@test.example"))
        finally:
            connection.close()

    threads = [threading.Thread(target=fail, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len([lock for lock in started if lock is not None]) == 1
    assert SignInLockout.objects.filter(scope="client", key="192.0.2.66").count() == 1


def reset(client, email, address="192.0.2.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_at_most_three_reset_emails_an_hour_to_one_address(client, alice, mailoutbox):
    for n in range(3):
        assert reset(client, alice.email, address=f"203.0.113.{n + 1}").status_code == 302
    assert len(mailoutbox) == 3
    # A fourth, from yet another client: the same page as ever, and no email.
    response = reset(client, alice.email, address="203.0.113.200")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 3
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=61))
    assert reset(client, alice.email, address="203.0.113.201").status_code == 302
    assert len(mailoutbox) == 4


def test_at_most_three_reset_requests_an_hour_from_one_client(client, alice, bob, mailoutbox):
    UserFactory(email="carol@test.example")
    for email in ("alice@test.example", "bob@test.example", "unknown@test.example"):
        assert reset(client, email).status_code == 302
    response = reset(client, "carol@test.example")
    assert response.status_code == 429
    assert "You have asked for too many reset links" in response.content.decode()
    assert [m.to for m in mailoutbox] == [["alice@test.example"], ["bob@test.example"]]
    # Another client is not affected.
    assert reset(client, "carol@test.example", address="198.51.100.1").status_code == 302
    assert mailoutbox[-1].to == ["carol@test.example"]
