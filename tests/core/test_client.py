"""The client's address behind a configured number of trusted proxies."""

import pytest
from django.test import RequestFactory

from send_portal.core.client import client_address


def request(remote="10.0.0.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_no_proxies_means_the_socket_address_whatever_the_header_says(settings):
    settings.PORTAL_PROXY_COUNT = 0
    assert client_address(request(forwarded="203.0.113.7")) == "10.0.0.9"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client wrote 6.6.6.6 itself
        (2, "6.6.6.6, 203.0.113.7, 10.1.1.1", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.9"),  # fewer entries than proxies: only the socket is trusted
        (1, "", "10.0.0.9"),
    ],
)
def test_the_nth_address_from_the_right(settings, count, forwarded, expected):
    settings.PORTAL_PROXY_COUNT = count
    assert client_address(request(forwarded=forwarded)) == expected
