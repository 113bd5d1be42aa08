"""Demo reference data and logins, from the Essex SEND headteacher round table (seed 000).

The minutes place each school in an Essex quadrant: North East, Mid, South or West. Honywood
School is listed as "North West", which is not one of the four quadrants; the demo keeps
it in West, its nearest quadrant; the minutes give no area for Tanglewood Nursery, which the
demo puts in Mid. URNs are left blank rather than invented.
"""

from django.contrib.auth.models import Group
from django.utils.text import slugify

from send_portal.core.models import Area, Setting, User
from send_portal.core.roles import Role

DEMO_PASSWORD = "demo-pass-2026"

AREAS = ["North East", "Mid", "South", "West"]

P, S, EY = Setting.Phase.PRIMARY, Setting.Phase.SECONDARY, Setting.Phase.EARLY_YEARS
ALL = Setting.Phase.ALL_THROUGH
MAIN, ENH, SPEC = Setting.Kind.MAINSTREAM, Setting.Kind.ENHANCED, Setting.Kind.SPECIAL

# (name, phase, kind, area) as the round-table minutes of 21 February 2018 name them.
SETTINGS = [
    ("Janet Duke Primary School", P, MAIN, "South"),
    ("Tanglewood Nursery", EY, MAIN, "Mid"),
    ("Bentfield Primary School and Enhanced Provision", P, ENH, "West"),
    ("Willow Brook Primary School", P, MAIN, "North East"),
    ("Thomas Willingale Primary School", P, MAIN, "West"),
    ("West Horndon Primary School", P, ENH, "South"),
    ("Honywood School", S, MAIN, "West"),
    ("Sweyne Park School", S, MAIN, "South"),
    ("The Thomas Lord Audley School", S, MAIN, "North East"),
    ("The Stanway School", S, MAIN, "North East"),
    ("Shorefields School", ALL, SPEC, "North East"),
    ("Philip Morant School and College", S, MAIN, "North East"),
    ("Lyons Hall School", P, MAIN, "Mid"),
    ("Edith Borthwick School", ALL, SPEC, "Mid"),
]

# (email, full name, job title, organisation, role, school)
USERS = [
    (
        "admin@demo.test",
        "Alex Admin",
        "Systems administrator",
        "Demo County Council",
        Role.ADMINISTRATOR,
        None,
    ),
    (
        "officer@demo.test",
        "Ruth Sturdy",
        "Lead School Effectiveness Partner – Inclusion",
        "Demo County Council",
        Role.OFFICER,
        None,
    ),
    (
        "head@demo.test",
        "Joanne Newitt",
        "Headteacher",
        "Willow Brook Primary School",
        Role.HEADTEACHER,
        "Willow Brook Primary School",
    ),
    (
        "head.south@demo.test",
        "Matt O'Grady",
        "Headteacher",
        "West Horndon Primary School",
        Role.HEADTEACHER,
        "West Horndon Primary School",
    ),
    (
        "board@demo.test",
        "Clare Kershaw",
        "Director of Education",
        "Demo County Council",
        Role.BOARD_MEMBER,
        None,
    ),
]


def load_reference_data() -> None:
    for name in AREAS:
        Area.objects.update_or_create(slug=slugify(name), defaults={"name": name})
    for name, phase, kind, area_name in SETTINGS:
        Setting.objects.update_or_create(
            name=name,
            defaults={"phase": phase, "kind": kind, "area": Area.objects.get(name=area_name)},
        )


def load_users() -> None:
    for email, full_name, job_title, organisation, role, school in USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "job_title": job_title,
                "organisation": organisation,
                "setting": Setting.objects.get(name=school) if school else None,
                "is_staff": role == Role.ADMINISTRATOR,
                "is_superuser": role == Role.ADMINISTRATOR,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=role.value))


def demo_logins() -> list[tuple[str, str]]:
    return [(email, role.label) for email, _name, _job, _org, role, _school in USERS]
