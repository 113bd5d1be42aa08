"""Action status, in the words of Surrey's WSoA summary (seed 003)."""

from django.db import models


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Action not started"
    BEHIND = "underway_behind", "Action underway (but behind target)"
    ON_TARGET = "underway_on_target", "Action underway (on target)"
    COMPLETED = "completed", "Completed"
