"""Daily reminders to action owners: actions due within 7 days, and overdue actions.

One email per owner per day. The ``ActionReminder`` row is written in the same transaction
as the email is sent, under a unique (owner, date) constraint, so a second run — or two runs
at once — sends nothing twice, and a failed send leaves no row and is retried next time.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Action, ActionReminder
from .status import ActionStatus

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class OwnerReminder:
    owner: object
    overdue: list[Action]
    due_soon: list[Action]


def reminders_due(*, today: date) -> list[OwnerReminder]:
    """Each active owner with overdue or soon-due actions, overdue first, by due date."""
    actions = (
        Action.objects.exclude(status=ActionStatus.COMPLETED)
        .filter(
            owner__isnull=False,
            owner__is_active=True,
            due_date__isnull=False,
            due_date__lte=today + timedelta(days=DUE_SOON_DAYS),
        )
        .select_related("owner", "workstream", "programme")
        .order_by("owner_id", "due_date", "ref")
    )
    reminders = []
    for _owner_id, owned in groupby(actions, key=lambda a: a.owner_id):
        owned = list(owned)
        reminders.append(
            OwnerReminder(
                owner=owned[0].owner,
                overdue=[a for a in owned if a.due_date < today],
                due_soon=[a for a in owned if a.due_date >= today],
            )
        )
    return reminders


def _link(action: Action) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "workstreams:action_detail", args=[action.pk]
    )


def reminders_send(*, today: date) -> int:
    """Email every owner who has not had today's reminder; return how many were sent."""
    sent = 0
    for reminder in reminders_due(today=today):
        with transaction.atomic():
            _, created = ActionReminder.objects.get_or_create(
                owner=reminder.owner,
                date=today,
                defaults={
                    "overdue_count": len(reminder.overdue),
                    "due_soon_count": len(reminder.due_soon),
                },
            )
            if not created:
                continue
            context = {
                "owner": reminder.owner,
                "today": today,
                "overdue": [(a, _link(a)) for a in reminder.overdue],
                "due_soon": [(a, _link(a)) for a in reminder.due_soon],
                "my_actions": settings.PORTAL_BASE_URL.rstrip("/")
                + reverse("workstreams:my_actions"),
            }
            subject = _subject(reminder)
            send_mail(
                subject,
                render_to_string("workstreams/action_reminder_email.txt", context),
                None,
                [reminder.owner.email],
            )
            sent += 1
    return sent


def _subject(reminder: OwnerReminder) -> str:
    parts = []
    if reminder.overdue:
        n = len(reminder.overdue)
        parts.append(f"{n} overdue action{'s' if n != 1 else ''}")
    if reminder.due_soon:
        n = len(reminder.due_soon)
        parts.append(f"{n} action{'s' if n != 1 else ''} due within {DUE_SOON_DAYS} days")
    return "SEND programme: " + " and ".join(parts)
