"""The service navigation: which links each person sees, decided by the permissions module."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: str | None  # None: shown to everyone signed in
    prefix: str  # a request path under this prefix marks the item as current


# Apps append their entries here in the order they appear in the header.
NAV_ITEMS: list[NavItem] = [
    NavItem("My work", "officer_home", "core.view_officer_home", "/officer/"),
    NavItem("Programme dashboard", "board_dashboard", "core.view_board_dashboard", "/board/"),
    NavItem("Meetings", "meetings:group_list", "meetings.view_groups", "/meetings/"),
    NavItem(
        "Inclusion statement",
        "inclusion:version_list",
        "inclusion.view_statement_versions",
        "/inclusion/versions/",
    ),
    NavItem(
        "Consultations",
        "inclusion:consultation_list",
        "inclusion.view_consultations",
        "/inclusion/consultations/",
    ),
    NavItem("Search", "search:search", "search.search", "/search/"),
    NavItem(
        "Programmes", "workstreams:programme_list", "workstreams.view_programme", "/programmes/"
    ),
    NavItem("Actions", "workstreams:action_list", "workstreams.list_actions", "/actions/"),
    NavItem(
        "Inspections",
        "inspections:inspection_list",
        "inspections.view_inspections",
        "/inspections/",
    ),
    NavItem("Reports", "reporting:list", "reporting.view_reports", "/reports/"),
]


# The links each permission scope may see, worked out once per process: the rules decide on the
# scope alone (``permissions.cache_scope``), and they are code, fixed while the process runs.
_LINKS_BY_SCOPE: dict[str, list[tuple[str, str, str]]] = {}
_MAX_SCOPES = 1000


def _links_for(user) -> list[tuple[str, str, str]]:
    """(label, url, current-path prefix) of each link the user may see."""
    from .permissions import cache_scope

    area = user.area
    scope = f"{cache_scope(user)}:{area.name if area is not None else ''}"  # the link's label
    links = _LINKS_BY_SCOPE.get(scope)
    if links is not None:
        return links
    links = []
    if area is not None and user.has_perm("core.view_area_dashboard", area):
        url = area.get_absolute_url()
        links.append((f"{area.name} dashboard", url, url))
    for item in NAV_ITEMS:
        if item.perm is None or user.has_perm(item.perm):
            links.append((item.label, reverse(item.url_name), item.prefix))
    if len(_LINKS_BY_SCOPE) < _MAX_SCOPES:
        _LINKS_BY_SCOPE[scope] = links
    return links


def items_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    return [
        {"label": label, "url": url, "current": request.path.startswith(prefix)}
        for label, url, prefix in _links_for(user)
    ]
