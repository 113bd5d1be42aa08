"""The roles people hold. Each is a Django group of the same name; anonymous visitors hold none."""

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "Administrator", "Administrator"
    OFFICER = "LA officer", "LA officer"
    HEADTEACHER = "Headteacher", "Headteacher"
    BOARD_MEMBER = "Board member", "Board member"


ALL_ROLES: tuple[Role, ...] = tuple(Role)
