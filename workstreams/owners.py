"""Owners are people: a typed owner is linked to the portal's account when one matches (by
email address or full name, ignoring case), and kept as a free name only when none does.
The importer and every form that names an action's owner use this one matching rule.

A name that more than one active account has is never guessed: ``match_owner`` raises
``AmbiguousOwner`` and the form or importer asks for the email address instead (an email
address always names one account)."""

from dataclasses import dataclass, field

from django.db.models.functions import Lower

from send_portal.core.models import User


class AmbiguousOwner(ValueError):
    """The typed name is the full name of more than one active account."""

    def __init__(self, name: str, count: int):
        self.name = name
        self.count = count
        super().__init__(f"{count} people are called {name}: choose one by email address")


@dataclass
class OwnerLookup:
    """Active accounts by lower-case email address, and by lower-case full name (every
    account with that name, so a name two people share is known to be shared)."""

    emails: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[int]] = field(default_factory=dict)
    spelled: dict[str, str] = field(default_factory=dict)  # lower-case name → as spelled

    def shared_names(self) -> set[str]:
        """The lower-case full names more than one active account has."""
        return {name for name, ids in self.names.items() if len(ids) > 1}


def owner_lookup() -> OwnerLookup:
    lookup = OwnerLookup()
    for pk, email, lower_name, name in User.objects.filter(is_active=True).values_list(
        "pk", "email", Lower("full_name"), "full_name"
    ):
        lookup.emails[email.lower()] = pk
        if lower_name.strip():
            lookup.names.setdefault(lower_name.strip(), []).append(pk)
            lookup.spelled.setdefault(lower_name.strip(), name.strip())
    return lookup


def match_owner(text: str, lookup: OwnerLookup | None = None) -> tuple[int | None, str]:
    """``(account id, "")`` when ``text`` names one account, else ``(None, text)``.

    Raises ``AmbiguousOwner`` when ``text`` is the full name of more than one account."""
    text = (text or "").strip()
    if not text:
        return None, ""
    lookup = lookup if lookup is not None else owner_lookup()
    key = text.lower()
    if key in lookup.emails:
        return lookup.emails[key], ""
    ids = lookup.names.get(key, [])
    if len(ids) > 1:
        raise AmbiguousOwner(lookup.spelled.get(key, text), len(ids))
    return (ids[0], "") if ids else (None, text)


def owner_as_typed(user: User, lookup: OwnerLookup | None = None) -> str:
    """How a form shows a linked owner so that saving it again links the same account: the
    full name, or the email address when another active account has the same name."""
    name = user.full_name.strip()
    if lookup is not None:
        shared = len(lookup.names.get(name.lower(), [])) > 1
    else:
        namesakes = User.objects.filter(is_active=True, full_name__iexact=name)
        shared = namesakes.exclude(pk=user.pk).exists()
    return user.email if shared else user.full_name


def people_offered(people) -> list[tuple[str, str]]:
    """``(value, label)`` for each ``(full name, email)`` an owner field suggests: the name,
    or, for a name more than one person has, the email address (so picking it links them)."""
    people = list(people)
    counts: dict[str, int] = {}
    for name, _email in people:
        counts[name.strip().lower()] = counts.get(name.strip().lower(), 0) + 1
    return [
        (email, f"{name} ({email})") if counts[name.strip().lower()] > 1 else (name, email)
        for name, email in people
    ]
