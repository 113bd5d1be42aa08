from django.apps import AppConfig
from django.urls import reverse


class LocalOfferConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localoffer"
    verbose_name = "Local Offer"

    def ready(self):
        from send_portal.core.removal import register

        from .models import SenReportReview, Service

        register(
            "service",
            Service,
            permission="localoffer.manage_services",
            noun="service",
            back_url=lambda s: reverse("localoffer:manage"),
        )
        register(
            "sen-report-review",
            SenReportReview,
            permission="localoffer.review_sen_report",
            noun="SEN report review",
            back_url=lambda r: reverse("localoffer:sen_reports_area", args=[r.setting.area.slug]),
        )
