from django.apps import AppConfig


class InclusionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inclusion"
    verbose_name = "Inclusion statements and consultations"
