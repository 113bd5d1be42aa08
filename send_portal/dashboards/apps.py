from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """Each role's home page, drawn from every app's selectors (the daily reminders about
    actions are the programme's: workstreams/reminders.py).

    It sits above the apps: it may import their selectors; none of them imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "send_portal.dashboards"
    label = "dashboards"
    verbose_name = "Dashboards"
