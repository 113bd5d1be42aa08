"""Reports in the Django admin, to look into (state, leases, failure reasons); they are asked
for and tried again through the reports page."""

from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "state",
        "progress",
        "attempts",
        "sweeps",
        "requested_at",
        "lease_expires_at",
        "finished_at",
    ]
    list_filter = ["state", "scope", "awaiting_broker"]
    list_select_related = ["period", "programme", "area"]
    search_fields = ["failure_reason"]
    readonly_fields = [field.name for field in Report._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
