from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("reports/", views.report_list, name="list"),
    path("reports/generate/", views.report_generate, name="generate"),
    path("reports/<int:pk>/status/", views.report_status, name="status"),
    path("reports/<int:pk>/download/", views.report_download, name="download"),
    path("reports/<int:pk>/retry/", views.report_retry, name="retry"),
    path("reports/periods/", views.period_list, name="periods"),
    path("reports/periods/open/", views.period_open, name="period_open"),
    path("reports/periods/<int:pk>/lock/", views.period_lock, name="period_lock"),
    path("reports/periods/<int:pk>/reopen/", views.period_reopen, name="period_reopen"),
]
