from django.apps import AppConfig
from django.urls import reverse


def _version_page(version) -> str:
    return reverse("inclusion:version_detail", kwargs={"number": version.number})


def _not_editable(version) -> str:
    """Why a section or statement of ``version`` may not be removed ("" if it may)."""
    if version.is_editable:
        return ""
    return (
        f"Version {version.number} is {version.get_state_display().lower()}: its wording is "
        "kept as it was. Start a new version to change it."
    )


class InclusionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inclusion"
    verbose_name = "Inclusion statements and consultations"

    def ready(self):
        from send_portal.core.removal import register

        from .models import Statement, StatementSection

        register(
            "statement-section",
            StatementSection,
            permission="inclusion.edit_statement",
            noun="section",
            back_url=lambda s: _version_page(s.version),
            refuse=lambda s: _not_editable(s.version),
        )
        register(
            "statement",
            Statement,
            permission="inclusion.edit_statement",
            noun="statement",
            back_url=lambda s: _version_page(s.section.version),
            refuse=lambda s: _not_editable(s.section.version),
        )
