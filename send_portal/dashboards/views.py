"""The home page of each role: officer, board member, headteacher (their area)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from send_portal.core.models import Area
from send_portal.core.permissions import permission_required

from . import selectors


@permission_required("core.view_officer_home")
@require_safe
def officer_home(request):
    return render(request, "core/officer_home.html", selectors.officer_home(user=request.user))


@permission_required("core.view_board_dashboard")
@require_safe
def board_dashboard(request):
    return render(request, "core/board_dashboard.html", selectors.board_dashboard())


def _area(request, slug: str) -> Area:
    """The area asked for; a headteacher's own area is already loaded with them."""
    own = getattr(request.user, "area", None)
    if own is not None and own.slug == slug:
        return own
    return get_object_or_404(Area, slug=slug)


@permission_required("core.view_area_dashboard", get_object=_area)
@require_safe
def area_dashboard(request, slug: str):
    area = request.permission_object
    return render(request, "core/area_dashboard.html", selectors.area_dashboard(area=area))
