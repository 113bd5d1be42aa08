import pytest
from django.test import RequestFactory

from send_portal.core.client import client_address


def _request(remote="10.0.0.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_no_proxy_uses_the_socket_address_and_ignores_the_header(settings):
    settings.PORTAL_PROXY_COUNT = 0
    assert client_address(_request("192.0.2.7", "203.0.113.5")) == "192.0.2.7"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        # The client wrote the left-most value; the one proxy appended the real address.
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "1.2.3.4,203.0.113.5,10.0.0.2", "203.0.113.5"),
        # Shorter than the number of proxies: the left-most present.
        (3, "203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "2001:DB8::1", "2001:db8::1"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "203.0.113.5:5555", "203.0.113.5"),
    ],
)
def test_trusted_proxies_take_the_nth_address_from_the_right(settings, count, forwarded, expected):
    settings.PORTAL_PROXY_COUNT = count
    assert client_address(_request("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", " , ", "not-an-address", "1.2.3.4, junk"])
def test_missing_or_malformed_header_falls_back_to_the_socket_address(settings, forwarded):
    settings.PORTAL_PROXY_COUNT = 1
    assert client_address(_request("10.0.0.1", forwarded)) == "10.0.0.1"


def test_a_missing_socket_address_is_still_an_address(settings):
    settings.PORTAL_PROXY_COUNT = 0
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    assert client_address(request) == "0.0.0.0"
