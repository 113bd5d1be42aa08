"""Owners are people: a typed owner is linked to the portal's account when one matches (by
email address or full name, ignoring case), and kept as a free name only when none does.
The importer and every form that names an action's owner use this one matching rule."""

from django.db.models.functions import Lower

from send_portal.core.models import User


def owner_lookup() -> dict[str, int]:
    """Lower-case email addresses and full names of active accounts → their ids."""
    users: dict[str, int] = {}
    for pk, email, name in User.objects.filter(is_active=True).values_list(
        "pk", "email", Lower("full_name")
    ):
        users[email.lower()] = pk
        users.setdefault(name.strip(), pk)
    return users


def match_owner(text: str, lookup: dict[str, int] | None = None) -> tuple[int | None, str]:
    """``(account id, "")`` when ``text`` names an account, else ``(None, text)``."""
    text = (text or "").strip()
    if not text:
        return None, ""
    owner_id = (lookup if lookup is not None else owner_lookup()).get(text.lower())
    return (owner_id, "") if owner_id else (None, text)
