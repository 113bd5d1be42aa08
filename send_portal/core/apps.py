from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: areas, settings (schools), people and roles, RAG, layout, permissions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "send_portal.core"
    label = "core"
    verbose_name = "People, areas and settings"

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
