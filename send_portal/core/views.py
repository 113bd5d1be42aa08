"""Home pages by role, the accessibility statement, and signing in."""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView

from . import signin
from .client import client_address
from .forms import ChooseNewPasswordForm, ResetPasswordForm, SignInForm
from .permissions import permission_required, public
from .roles import Role

logger = logging.getLogger(__name__)


@public
@require_safe
def home(request):
    """Send each person to the page that answers their first question."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "core/home_public.html")
    if user.has_perm("core.view_officer_home"):
        return redirect("officer_home")
    if user.has_role(Role.BOARD_MEMBER):
        return redirect("board_dashboard")
    if user.area is not None and user.has_perm("core.view_area_dashboard", user.area):
        return redirect(user.area.get_absolute_url())
    return render(request, "core/home_no_role.html")


@public
@require_safe
def healthz(request):
    """For load balancers and docker compose: the app answers and reaches its database.

    It renders a one-line template and runs no query, so `make bench` uses it as the floor.
    """
    connection.ensure_connection()
    return render(request, "core/healthz.txt", content_type="text/plain")


@permission_required("core.view_signed_in_floor")
@require_safe
def signed_in_floor(request):
    """The full layout and service navigation of a signed-in person around an empty main: what
    every signed-in page costs before its own content (session, person, roles, navigation,
    layout). `make bench` measures every main page against it."""
    return render(request, "core/signed_in_floor.html")


def _database_answers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache_answers() -> None:
    key = "healthz:ready"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")


def _broker_answers() -> None:
    from send_portal.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)


READINESS_CHECKS = {
    "database": _database_answers,
    "cache": _cache_answers,
    "broker": _broker_answers,
}


@public
@require_safe
def healthz_ready(request):
    """Readiness, for a load balancer or docker compose: 200 when the database, the cache and
    the task queue's broker all answer; 503 naming each that does not. ``/healthz/`` stays the
    liveness check (the process answers), whatever its dependencies do."""
    failing = []
    for name, check in READINESS_CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure of a dependency is "not ready", named
            logger.warning("Readiness: %s does not answer: %s", name, exc)
            failing.append(name)
    if failing:
        body = "not ready: " + ", ".join(failing) + " not answering\n"
        return HttpResponse(body, status=503, content_type="text/plain")
    return HttpResponse("ready: database, cache, broker\n", content_type="text/plain")


@public
@require_safe
def privacy_notice(request):
    return render(
        request,
        "core/privacy.html",
        {
            "sign_in_log_days": settings.SIGN_IN_LOG_RETENTION_DAYS,
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "feedback_months": round(settings.FEEDBACK_CONTACT_RETENTION_DAYS / 30.4),
        },
    )


@public
@require_safe
def accessibility_statement(request):
    """The statement the Public Sector Bodies Accessibility Regulations 2018 ask for."""
    return render(
        request,
        "core/accessibility.html",
        {
            "email": settings.PORTAL_ACCESSIBILITY_EMAIL,
            "phone": settings.PORTAL_ACCESSIBILITY_PHONE,
            "prepared": date.fromisoformat(settings.PORTAL_ACCESSIBILITY_PREPARED),
            "reviewed": date.fromisoformat(settings.PORTAL_ACCESSIBILITY_REVIEWED),
        },
    )


def _locked_out(request, lock: signin.Lock):
    return render(
        request,
        "registration/locked_out.html",
        {"lock": lock, "ends_at": timezone.localtime(lock.ends_at)},
        status=429,
    )


class SignInView(auth_views.LoginView):
    """Django's sign-in page, with the limits of ``signin.py`` around the password check."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        address = client_address(request)
        email = signin.normalise_email(request.POST.get("username", ""))
        try:
            lock = signin.current_lock(address=address, email=email)
        except DatabaseError:
            logger.exception("Sign-in refused: the sign-in limits could not be read")
            return render(request, "registration/sign_in_unavailable.html", status=503)
        if lock is not None:
            signin.sign_in_refused(address=address, email=email)
            return _locked_out(request, lock)
        form = self.get_form()
        if form.is_valid():
            signin.sign_in_succeeded(address=address, email=email)
            return self.form_valid(form)
        if form.has_error(NON_FIELD_ERRORS, "invalid_login") or form.has_error(
            NON_FIELD_ERRORS, "inactive"
        ):
            lock = signin.sign_in_failed(address=address, email=email)
            if lock is not None:
                return _locked_out(request, lock)
        return self.form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page: at most ``PASSWORD_RESET_EMAILS_PER_HOUR`` emails to an address,
    and requests from a client, an hour."""

    form_class = ResetPasswordForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    extra_email_context = {"site_name": settings.SERVICE_NAME}

    def form_valid(self, form):
        email = signin.normalise_email(form.cleaned_data["email"])
        try:
            send = signin.password_reset_requested(
                address=client_address(self.request),
                email=email,
                has_account=any(True for _ in form.get_users(email)),
            )
        except signin.ResetRefused:
            form.add_error(
                "email",
                "You have asked for too many reset links. Wait an hour, then try again, or ask "
                "your administrator to reset your password.",
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        if not send:
            return redirect(self.get_success_url())
        return super().form_valid(form)


sign_in = public(SignInView.as_view())
# The Django admin's own sign-in page would skip the limits: it sends people here instead.
admin_sign_in = public(RedirectView.as_view(pattern_name="login", query_string=True))
sign_out = public(auth_views.LogoutView.as_view())
password_reset = public(PasswordResetView.as_view())
password_reset_done = public(auth_views.PasswordResetDoneView.as_view())
password_reset_confirm = public(
    auth_views.PasswordResetConfirmView.as_view(
        form_class=ChooseNewPasswordForm, success_url=reverse_lazy("password_reset_complete")
    )
)
password_reset_complete = public(auth_views.PasswordResetCompleteView.as_view())


# Removing a record, and undoing it (send_portal/core/removal.py) -----------------------------


def _removable(request, kind: str, pk: int, **kwargs):
    from django.http import Http404

    from .removal import KINDS

    found = KINDS.get(kind)
    if found is None:
        raise Http404("No such kind of record")
    if not request.user.has_perm(found.permission):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return found


def _record(request, kind: str, pk: int, **kwargs):
    from django.shortcuts import get_object_or_404

    found = _removable(request, kind, pk)
    return found, get_object_or_404(found.model._base_manager, pk=pk)


@permission_required("core.remove_record", get_object=_record)
def record_remove(request, kind: str, pk: int):
    """Ask for confirmation and a reason, saying what goes with the record, then remove it
    (kept in its history); or say plainly why it cannot be removed."""
    from django.contrib import messages

    from .forms import RemovalForm
    from .removal import CannotRemove, removal_check
    from .removal import record_remove as remove

    found, record = request.permission_object
    refused, with_it = removal_check(found, record)
    form = RemovalForm(request.POST if request.method == "POST" else None, noun=found.noun)
    if request.method == "POST" and not refused and form.is_valid():
        try:
            back = remove(
                kind=found, record=record, reason=form.cleaned_data["reason"], by=request.user
            )
        except CannotRemove as exc:
            refused = str(exc)
        else:
            messages.success(
                request,
                f"The {found.noun} “{record}” was removed. You can undo this from the history.",
            )
            return redirect(back)
    status = 200
    if request.method == "POST":
        status = 409 if refused else 400
    return render(
        request,
        "core/record_remove.html",
        {
            "form": form,
            "kind": found,
            "record": record,
            "back_url": found.back_url(record),
            "refused": refused,
            "with_it": with_it,
        },
        status=status,
    )


@permission_required("core.remove_record", get_object=_removable)
def record_restore(request, kind: str, pk: int):
    """Undo a removal (a POST from the history): the record comes back as it was."""
    from django.contrib import messages
    from django.core.exceptions import ObjectDoesNotExist
    from django.http import HttpResponseNotAllowed

    from .removal import CannotRestore, removal_record
    from .removal import record_restore as restore

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    found = request.permission_object
    try:
        record = restore(kind=found, pk=pk, by=request.user)
    except CannotRestore as exc:
        removed = removal_record(found, pk)
        messages.error(request, str(exc))
        if removed is None:
            from django.http import Http404

            raise Http404(str(exc)) from exc
        try:
            return redirect(found.back_url(removed.instance))
        except ObjectDoesNotExist:  # what its page belonged to is removed too
            return redirect("home")
    messages.success(request, f"The {found.noun} “{record}” is back.")
    return redirect(found.back_url(record))
