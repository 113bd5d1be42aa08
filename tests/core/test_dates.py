from datetime import UTC, date, datetime

from django.utils import timezone

from send_portal.core.dates import today


def test_today_is_the_local_date_not_the_servers(monkeypatch, settings):
    settings.TIME_ZONE = "Europe/London"
    # 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    assert today() == date(2026, 7, 1)
