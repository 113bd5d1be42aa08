from django.contrib import admin

from . import services
from .models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    WeaknessJudgement,
)


class AreaOfWeaknessInline(admin.StackedInline):
    model = AreaOfWeakness
    extra = 0


class WeaknessJudgementInline(admin.TabularInline):
    model = WeaknessJudgement
    fk_name = "revisit"
    extra = 0


class MonitoringMilestoneInline(admin.TabularInline):
    model = MonitoringMilestone
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["local_area", "kind", "framework", "start_date", "end_date", "outcome"]
    list_filter = ["framework", "kind", "local_area"]
    inlines = [AreaOfWeaknessInline, WeaknessJudgementInline, MonitoringMilestoneInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # 2023 framework: the monitoring inspection and next full inspection follow the outcome
        # and the inspection's timescales.
        services.inspection_plan_follow_ups(inspection=form.instance)


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "weakness", "unit", "direction", "target", "monitoring_only"]
    list_filter = ["monitoring_only", "unit"]
    inlines = [IndicatorValueInline]
