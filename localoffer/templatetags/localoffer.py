"""Local Offer pieces other pages include: the officers' panel and an area's panel."""

from django import template

from localoffer import selectors
from localoffer.freshness import is_stale
from localoffer.models import SenReportItem

register = template.Library()

OFFICER_PANEL_LIMIT = 10


@register.filter
def is_out_of_date(service, today) -> bool:
    return service.status != "inactive" and is_stale(service.assured_date, today=today)


@register.inclusion_tag("localoffer/_officer_panel.html", takes_context=True)
def localoffer_officer_panel(context):
    """For the officers' home page: out-of-date services and feedback waiting for moderation."""
    stale = selectors.stale_services()
    return {
        "user": context.get("user"),
        "stale_services": list(stale[:OFFICER_PANEL_LIMIT]),
        "stale_count": stale.count(),
        "pending_count": selectors.pending_feedback().count(),
    }


@register.inclusion_tag("localoffer/_area_panel.html", takes_context=True)
def localoffer_area_panel(context, area):
    """For an area's dashboard: its SEN information report compliance and Local Offer services."""
    return {
        "user": context.get("user"),
        "area": area,
        "compliance": selectors.area_compliance(area=area),
        "area_services": list(selectors.area_services(area=area)[:20]),
        "county_wide_count": selectors.county_wide_service_count(),
        "item_count": len(SenReportItem),
    }
