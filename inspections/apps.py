from django.apps import AppConfig
from django.urls import reverse


class InspectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inspections"
    verbose_name = "Inspections and indicators"

    def ready(self):
        from send_portal.core.removal import register

        from .models import Indicator, IndicatorValue

        register(
            "indicator",
            Indicator,
            permission="inspections.edit_indicators",
            noun="indicator",
            back_url=lambda i: reverse("inspections:indicator_list"),
        )

        register(
            "indicator-value",
            IndicatorValue,
            permission="inspections.edit_indicators",
            noun="indicator value",
            back_url=lambda v: reverse("inspections:indicator_detail", args=[v.indicator_id]),
        )
