from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Monthly reporting periods, their locked snapshots and the PDF highlight reports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "workstreams.reporting"
    label = "reporting"
    verbose_name = "Reporting periods and highlight reports"
