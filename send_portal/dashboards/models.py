from django.conf import settings
from django.db import models


class ActionReminder(models.Model):
    """One reminder email to an action owner on one day: the record that stops a duplicate."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_reminders"
    )
    date = models.DateField()
    overdue_count = models.PositiveIntegerField()
    due_soon_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "owner"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "date"], name="one_reminder_per_owner_per_day")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.owner} on {self.date}"
