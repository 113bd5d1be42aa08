"""Requests refused before a view sees them: bodies too large, query strings no database takes."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import render


class RequestBodyLimitMiddleware:
    """Refuses, with 413 and a plain page, a body larger than the portal accepts, before any of
    it is read: ``PORTAL_REQUEST_MAX_BYTES`` for a signed-in person (evidence uploads), the much
    smaller ``PORTAL_ANONYMOUS_REQUEST_MAX_BYTES`` for anyone else (sign-in, feedback). The
    proxy in front should refuse them first (see README, "Docker compose")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            size = int(length)
        except ValueError:
            return HttpResponseBadRequest("The Content-Length header is not a number.")
        if size < 0:
            return HttpResponseBadRequest("The Content-Length header is not a number.")
        signed_in = request.user.is_authenticated
        limit = (
            settings.PORTAL_REQUEST_MAX_BYTES
            if signed_in
            else settings.PORTAL_ANONYMOUS_REQUEST_MAX_BYTES
        )
        if size > limit:
            return render(
                request,
                "413.html",
                {"limit_mb": max(1, round(limit / (1024 * 1024)))},
                status=413,
            )
        return self.get_response(request)


class QueryStringGuardMiddleware:
    """A query string holding a NUL character (which PostgreSQL refuses in any text) gets the
    portal's 400 page, whatever view it was meant for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in value for values in request.GET.lists() for value in values[1]) or any(
            "\x00" in key for key in request.GET
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)
