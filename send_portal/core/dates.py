"""The one ``today()``: the date in the portal's time zone (``TIME_ZONE``, Europe/London).

Not ``date.today()``, which is the server's own zone: between midnight and 1 a.m. in British
Summer Time a UTC server would still say yesterday.
"""

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()
