"""The address of the client a request comes from, behind a known number of trusted proxies.

``settings.PORTAL_PROXY_COUNT`` (env ``PORTAL_PROXY_COUNT``) says how many proxies in front of the
portal append to ``X-Forwarded-For``. 0 (the default): the socket address (``REMOTE_ADDR``), and
``X-Forwarded-For`` is ignored, since anyone can send it. N: the N-th address from the right of
``X-Forwarded-For``, the one our outermost trusted proxy saw; addresses further left were written
by the client and are not trusted.

When the header holds fewer than N addresses (a proxy was bypassed or misconfigured), the
left-most address present is used; when it is missing or holds no valid address, the socket
address. Any address returned is a valid IPv4 or IPv6 address in its normal form.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"


def _normal(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    socket_address = _normal(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    count = int(getattr(settings, "PORTAL_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return socket_address
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in header.split(",") if hop.strip()]
    if not hops:
        return socket_address
    chosen = hops[-count] if len(hops) >= count else hops[0]
    return _normal(chosen) or socket_address
