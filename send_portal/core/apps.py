from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: areas, settings (schools), people and roles, RAG, layout, permissions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "send_portal.core"
    label = "core"
    verbose_name = "People, areas and settings"

    def ready(self) -> None:
        from celery.signals import task_postrun
        from django.db.models.signals import m2m_changed, post_save

        from . import (
            pagecache,
            permissions,  # noqa: F401  (registers the rules)
        )

        # Any save starts a new page-cache generation. Deletions are not listened to: a receiver
        # of post_delete for every model would cost Django its fast deletes (it would load every
        # row a cascade removes); they come from form posts, tasks or commands, which bump.
        for signal in (post_save, m2m_changed):
            signal.connect(pagecache.data_changed, dispatch_uid=f"pagecache-{signal}")
        task_postrun.connect(pagecache.task_finished, dispatch_uid="pagecache-task", weak=False)
