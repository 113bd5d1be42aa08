"""Home pages by role, the accessibility statement, and signing in."""

from datetime import date

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_safe

from .forms import ChooseNewPasswordForm, ResetPasswordForm, SignInForm
from .permissions import public
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
