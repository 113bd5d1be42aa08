"""The home page of each role: officer, board member, headteacher (their area)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from send_portal.core import selectors as core_selectors
from send_portal.core.models import Area
from send_portal.core.permissions import permission_required


@permission_required("core.view_officer_home")
@require_safe
def officer_home(request):
    return render(request, "core/officer_home.html")


@permission_required("core.view_board_dashboard")
@require_safe
def board_dashboard(request):
    return render(request, "core/board_dashboard.html")


def _area(request, slug: str) -> Area:
    return get_object_or_404(Area, slug=slug)


@permission_required("core.view_area_dashboard", get_object=_area)
@require_safe
def area_dashboard(request, slug: str):
    area = request.permission_object
    return render(
        request,
        "core/area_dashboard.html",
        {"area": area, "settings_in_area": core_selectors.area_settings(area=area)},
    )
