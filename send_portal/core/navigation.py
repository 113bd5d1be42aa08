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


def _links_for(user) -> list[tuple[str, str, str]]:
    """(label, url, current-path prefix) of each link the user may see, asked of the rules on
    every request."""
    links = []
    area = user.area
    if area is not None and user.has_perm("core.view_area_dashboard", area):
        url = area.get_absolute_url()
        links.append((f"{area.name} dashboard", url, url))
    for item in NAV_ITEMS:
        if item.perm is None or user.has_perm(item.perm):
            links.append((item.label, reverse(item.url_name), item.prefix))
    return links


def items_for(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    return [
        {"label": label, "url": url, "current": request.path.startswith(prefix)}
        for label, url, prefix in _links_for(user)
    ]
