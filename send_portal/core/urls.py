from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("signed-in/", views.signed_in_floor, name="signed_in_floor"),
    path("healthz/ready/", views.healthz_ready, name="healthz_ready"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("records/<slug:kind>/<int:pk>/remove/", views.record_remove, name="record_remove"),
    path("records/<slug:kind>/<int:pk>/restore/", views.record_restore, name="record_restore"),
]
