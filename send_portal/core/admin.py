from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Area, Setting, SignInAttempt, SignInLockout, User


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Setting)
class SettingAdmin(admin.ModelAdmin):
    list_display = ["name", "urn", "phase", "kind", "area"]
    list_filter = ["area", "phase", "kind"]
    search_fields = ["name", "urn"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name"]
    list_display = ["email", "full_name", "setting", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "setting__area"]
    search_fields = ["email", "full_name"]
    autocomplete_fields = ["setting"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("full_name", "job_title", "organisation", "setting")}),
        ("Roles", {"fields": ("groups", "is_active", "is_staff", "is_superuser")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )


@admin.register(SignInAttempt)
class SignInAttemptAdmin(admin.ModelAdmin):
    """The sign-in log, read only."""

    list_display = ["attempted_at", "email", "client_address", "outcome", "counted"]
    list_filter = ["outcome"]
    search_fields = ["email", "client_address"]
    date_hierarchy = "attempted_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignInLockout)
class SignInLockoutAdmin(admin.ModelAdmin):
    """Locks in force and past; an administrator may delete one to let someone in early."""

    list_display = ["scope", "key", "started_at", "ends_at"]
    list_filter = ["scope"]
    search_fields = ["key"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
