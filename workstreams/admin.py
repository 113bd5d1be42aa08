"""Django admin for administrators: programmes, workstreams and their members, actions, risks."""

from django.contrib import admin
from django.db import transaction
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Evidence,
    Milestone,
    MonthlyUpdate,
    Programme,
    ProgressUpdate,
    Representative,
    Risk,
    Workstream,
)


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "start_date", "end_date", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 1


class RiskInline(admin.TabularInline):
    model = Risk
    extra = 0
    readonly_fields = ["score"]


@admin.register(Workstream)
class WorkstreamAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "programme", "lead_name", "stated_rag"]
    list_filter = ["programme"]
    inlines = [RepresentativeInline, RiskInline]
    filter_horizontal = ["weaknesses"]
    readonly_fields = ["version"]

    def save_model(self, request, obj, form, change):
        """An administrator's save raises the version too, so an officer's workstream form or a
        lead's monthly update opened before it is refused and merged, never overwrites it."""
        if change:
            with transaction.atomic():
                locked = Workstream.objects.select_for_update().get(pk=obj.pk)
                obj.version = locked.version + 1
                super().save_model(request, obj, form, change)
            return
        super().save_model(request, obj, form, change)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 1


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "title", "programme", "workstream", "status", "due_date"]
    list_filter = ["programme", "status"]
    search_fields = ["ref", "title"]
    filter_horizontal = ["areas", "weaknesses"]
    inlines = [MilestoneInline]
    readonly_fields = ["version"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["action", "date", "author", "status", "rag"]
    inlines = [EvidenceInline]


@admin.register(MonthlyUpdate)
class MonthlyUpdateAdmin(admin.ModelAdmin):
    list_display = ["workstream", "month", "rag", "submitted_by"]
