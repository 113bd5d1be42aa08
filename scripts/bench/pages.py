"""The main pages `make bench` and the query-count test measure, resolved against the database."""

from __future__ import annotations


def main_pages() -> list[tuple[str, str, str]]:
    """(label, path, email of the demo user who views it)."""
    from send_portal.core.models import Area

    officer, board, head = "officer@demo.test", "board@demo.test", "head@demo.test"
    area = Area.objects.get(slug="north-east")
    return [
        ("officer home", "/officer/", officer),
        ("board dashboard", "/board/", board),
        ("area dashboard", area.get_absolute_url(), head),
    ]
