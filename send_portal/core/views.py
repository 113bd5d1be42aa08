"""Home pages by role, the accessibility statement, and signing in."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_safe

from .forms import ChooseNewPasswordForm, ResetPasswordForm, SignInForm
from .permissions import permission_required, public
from .roles import Role


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


@public
@require_safe
def accessibility_statement(request):
    return render(request, "core/accessibility.html")


sign_in = public(
    auth_views.LoginView.as_view(authentication_form=SignInForm, redirect_authenticated_user=True)
)
sign_out = public(auth_views.LogoutView.as_view())
password_reset = public(
    auth_views.PasswordResetView.as_view(
        form_class=ResetPasswordForm,
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
        extra_email_context={"site_name": settings.SERVICE_NAME},
    )
)
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
    """Ask for confirmation and a reason, then remove the record (kept in its history)."""
    from django.contrib import messages

    from .forms import RemovalForm
    from .removal import record_remove as remove

    found, record = request.permission_object
    form = RemovalForm(request.POST if request.method == "POST" else None, noun=found.noun)
    if request.method == "POST" and form.is_valid():
        back = remove(
            kind=found, record=record, reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(
            request,
            f"The {found.noun} “{record}” was removed. You can undo this from the history.",
        )
        return redirect(back)
    return render(
        request,
        "core/record_remove.html",
        {"form": form, "kind": found, "record": record, "back_url": found.back_url(record)},
        status=400 if form.errors else 200,
    )


@permission_required("core.remove_record", get_object=_removable)
def record_restore(request, kind: str, pk: int):
    """Undo a removal (a POST from the history): the record comes back as it was."""
    from django.contrib import messages
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
        return redirect(found.back_url(removed.instance))
    messages.success(request, f"The {found.noun} “{record}” is back.")
    return redirect(found.back_url(record))
