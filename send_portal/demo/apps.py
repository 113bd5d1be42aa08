from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed only for its management commands: load_demo, demo_logins, load_scale."""

    name = "send_portal.demo"
    label = "demo"
    verbose_name = "Demo data"
