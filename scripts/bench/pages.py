"""The main pages `make bench` measures, resolved against the benchmark database.

Each page is measured on the large local area that `load_scale` builds (its biggest programme,
workstream, action, area and meeting), viewed by the demo user of the role that uses it.
"""

from __future__ import annotations

import contextlib

from django.urls import NoReverseMatch, reverse

OFFICER, BOARD, HEAD = "officer@demo.test", "board@demo.test", "head@demo.test"


HEALTHZ = "floor: /healthz/"
SIGNED_IN_FLOOR = "floor: signed-in page"


def floor_pages() -> list[tuple[str, str, str]]:
    """The floors every page is compared with: the app's one-line answer, and the full layout
    and navigation of a signed-in officer around an empty main."""
    return [
        (HEALTHZ, reverse("healthz"), ""),
        (SIGNED_IN_FLOOR, reverse("signed_in_floor"), OFFICER),
    ]


def all_pages() -> list[tuple[str, str, str]]:
    return floor_pages() + main_pages()


def main_pages() -> list[tuple[str, str, str]]:
    """(label, path, email of the demo user who views it; empty for the public)."""
    from send_portal.demo import scale
    from workstreams.meetings.models import Meeting
    from workstreams.models import Action, Programme

    programme = Programme.objects.get(slug=f"{scale.PREFIX}programme-1")
    workstream = programme.workstreams.order_by("pk").first()
    action = (
        Action.objects.filter(workstream=workstream).order_by("-pk").first()
    )  # the most updates
    area = f"{scale.PREFIX}{scale.AREA_NAMES[0].lower()}"
    meeting = Meeting.objects.filter(group__slug__startswith=scale.PREFIX).order_by("-date").first()
    pages = [
        (
            "programme overview",
            reverse("workstreams:programme_detail", args=[programme.slug]),
            OFFICER,
        ),
        (
            "workstream",
            reverse("workstreams:workstream_detail", args=[programme.slug, workstream.code]),
            OFFICER,
        ),
        ("action list", reverse("workstreams:action_list"), OFFICER),
        ("action page", reverse("workstreams:action_detail", args=[action.pk]), OFFICER),
        ("area dashboard", reverse("area_dashboard", args=[area]), BOARD),
        ("area dashboard (headteacher)", reverse("area_dashboard", args=["north-east"]), HEAD),
        ("board dashboard", reverse("board_dashboard"), BOARD),
        ("officer home", reverse("officer_home"), OFFICER),
        ("Local Offer search", reverse("localoffer:search"), ""),
        (
            "Local Offer search, filtered",
            reverse("localoffer:search") + f"?q=service&area={area}",
            "",
        ),
        ("meeting page", reverse("meetings:meeting_detail", args=[meeting.pk]), OFFICER),
    ]
    pages += _optional_pages()
    return pages


def _optional_pages() -> list[tuple[str, str, str]]:
    """Pages of apps that may not be installed yet (inspections' weakness page, reports)."""
    from send_portal.demo import scale

    pages = []
    try:
        from inspections.models import AreaOfWeakness

        weakness = AreaOfWeakness.objects.filter(inspection__local_area=scale.NAME).first()
        if weakness is not None:
            pages.append(
                (
                    "weakness page",
                    reverse("inspections:weakness_detail", args=[weakness.pk]),
                    OFFICER,
                )
            )
    except NoReverseMatch:
        pass
    with contextlib.suppress(NoReverseMatch):
        pages.append(("reports page", reverse("reporting:list"), BOARD))
    return pages
