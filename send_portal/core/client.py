"""The address of the client behind the trusted proxies in front of the portal.

``settings.PORTAL_PROXY_COUNT`` (env ``PORTAL_PROXY_COUNT``, default 0) says how many proxies
of our own stand in front of the portal (for example 1: the TLS proxy). Each appends the
address it received the request from to ``X-Forwarded-For``; anything further left may have
been written by the client itself. So with N proxies the client is the N-th address from the
right, and with none it is the socket's address (``REMOTE_ADDR``).
"""

from django.conf import settings


def client_address(request) -> str:
    socket_address = request.META.get("REMOTE_ADDR", "") or "unknown"
    count = int(getattr(settings, "PORTAL_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return socket_address
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        # The request did not come through every proxy we expect: trust only the socket.
        return socket_address
    return forwarded[-count]
