from django.contrib import admin

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
    list_display = ["local_area", "kind", "start_date", "end_date", "wsoa_required"]
    list_filter = ["kind", "local_area"]
    inlines = [AreaOfWeaknessInline, WeaknessJudgementInline, MonitoringMilestoneInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "weakness", "unit", "direction", "target", "monitoring_only"]
    list_filter = ["monitoring_only", "unit"]
    inlines = [IndicatorValueInline]
