"""A large local area beside the demo, for `make bench` (the size of Kent or Essex).

Everything here is generated from a seeded random source, so two builds are identical. Rows go in
with ``bulk_create`` in batches; django-simple-history rows with the historical model's
``bulk_create``. Every object carries the ``scale`` marker (a ``scale-`` slug, a "Scale" name or
belongs to one that does), so ``scale_delete`` removes the large area and never the demo.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from send_portal.core.models import Area, Setting, User
from workstreams.models import Action, Programme, ProgressUpdate, Workstream
from workstreams.status import ActionStatus

SEED = 20260901
BATCH = 2000
PREFIX = "scale-"
NAME = "Scale"

SIZES = {
    "areas": 8,
    "settings": 600,
    "programmes": 2,
    "workstreams": 40,
    "actions": 2000,
    "progress_updates": 50_000,
    "indicators": 120,
    "indicator_months": 120,
    "meetings": 200,
    "services": 1500,
    "reporting_periods": 24,
}

AREA_NAMES = [
    "Ashford",
    "Canterbury",
    "Dartford",
    "Maidstone",
    "Sevenoaks",
    "Swale",
    "Thanet",
    "Tonbridge",
]

STATUSES = [
    ActionStatus.NOT_STARTED,
    ActionStatus.ON_TARGET,
    ActionStatus.BEHIND,
    ActionStatus.COMPLETED,
]
RAGS = ["red", "amber", "green"]
WORDS = [
    "inclusion",
    "outreach",
    "transition",
    "annual",
    "review",
    "EHCP",
    "timeliness",
    "graduated",
    "response",
    "SENCO",
    "training",
    "speech",
    "language",
    "therapy",
    "early",
    "help",
    "parent",
    "carer",
    "forum",
    "co-production",
    "specialist",
    "provision",
    "attendance",
    "exclusion",
    "mental",
    "health",
    "sufficiency",
    "assessment",
    "panel",
    "audit",
]


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _bulk(model, objects: list, batch: int = BATCH) -> list:
    return model.objects.bulk_create(objects, batch_size=batch)


def analyse() -> None:
    """Refresh PostgreSQL's statistics after a bulk load, so plans fit the new sizes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def scale_exists() -> bool:
    return Area.objects.filter(slug=f"{PREFIX}{AREA_NAMES[0].lower()}").exists()


@transaction.atomic
def scale_delete() -> None:
    """Remove the large area only: the demo's rows never carry the scale marker."""
    for step in _optional_deletes():
        step()
    from inspections.models import Inspection

    Inspection.objects.filter(local_area=NAME).delete()
    programmes = Programme.objects.filter(slug__startswith=PREFIX)
    Action.history.model.objects.filter(programme_id__in=programmes.values("pk")).delete()
    programmes.delete()
    if apps.is_installed("workstreams.meetings"):
        from workstreams.meetings.models import Group

        Group.objects.filter(slug__startswith=PREFIX).delete()
    if apps.is_installed("localoffer"):
        from localoffer.models import Organisation, Service

        Service.objects.filter(slug__startswith=PREFIX).delete()
        Organisation.objects.filter(name__startswith=f"{NAME} ").delete()
    User.objects.filter(email__endswith="@scale.test").delete()
    Setting.objects.filter(area__slug__startswith=PREFIX).delete()
    Area.objects.filter(slug__startswith=PREFIX).delete()


def _optional_deletes() -> list[Callable[[], None]]:
    steps = []
    if _has_model("reporting", "ReportingPeriod"):
        period = apps.get_model("reporting", "ReportingPeriod")
        steps.append(
            lambda: period.objects.filter(opened_by__email__endswith="@scale.test").delete()
        )
    if _has_model("inspections", "Indicator"):
        from inspections.models import Indicator

        steps.append(lambda: Indicator.objects.filter(name__startswith=f"{NAME} ").delete())
    return steps


def _has_model(app_label: str, model_name: str) -> bool:
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True


@transaction.atomic
def scale_load(*, log: Callable[[str], None] = print) -> dict[str, int]:
    """Build the large area; return how many rows of each kind it made."""
    rng = random.Random(SEED)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    say = log

    def log(message: str) -> None:
        say(f"{message} ({time.perf_counter() - started:.0f} s)")

    today = timezone.localdate()

    areas = _bulk(
        Area,
        [Area(name=f"{NAME} {name}", slug=f"{PREFIX}{name.lower()}") for name in AREA_NAMES],
    )
    counts["areas"] = len(areas)
    phases = [c for c, _ in Setting.Phase.choices]
    kinds = [c for c, _ in Setting.Kind.choices]
    settings_ = _bulk(
        Setting,
        [
            Setting(
                name=f"{NAME} school {i:03d}",
                phase=rng.choice(phases),
                kind=rng.choice(kinds),
                area=areas[i % len(areas)],
            )
            for i in range(SIZES["settings"])
        ],
    )
    counts["settings"] = len(settings_)
    owners = _bulk(
        User,
        [
            User(
                email=f"owner{i:02d}@scale.test",
                full_name=f"Scale owner {i:02d}",
                password="!",  # unusable: no one signs in as them
            )
            for i in range(40)
        ],
    )
    log(f"  areas {len(areas)}, settings {len(settings_)}, owners {len(owners)}")

    programmes = _bulk(
        Programme,
        [
            Programme(
                name=f"{NAME} programme {n}",
                slug=f"{PREFIX}programme-{n}",
                kind=kind,
                start_date=date(today.year - 2, 1, 1),
            )
            for n, kind in ((1, Programme.Kind.WSOA), (2, Programme.Kind.STRATEGY))
        ],
    )
    counts["programmes"] = len(programmes)
    workstreams = _bulk(
        Workstream,
        [
            Workstream(
                programme=programmes[i % 2],
                code=str(i // 2 + 1),
                title=f"{NAME} workstream {i + 1}: {_sentence(rng, 5)}",
                lead=owners[i % len(owners)],
                current_position=_sentence(rng, 30),
                current_position_date=today - timedelta(days=rng.randint(0, 60)),
                stated_rag=rng.choice(RAGS),
                stated_rag_reason=_sentence(rng),
                objectives=[_sentence(rng) for _ in range(3)],
                outcomes=[_sentence(rng) for _ in range(3)],
            )
            for i in range(SIZES["workstreams"])
        ],
    )
    counts["workstreams"] = len(workstreams)

    per_ws = SIZES["actions"] // len(workstreams)
    actions = []
    for w, ws in enumerate(workstreams):
        for k in range(per_ws):
            start = today - timedelta(days=rng.randint(30, 700))
            actions.append(
                Action(
                    programme_id=ws.programme_id,
                    workstream=ws,
                    ref=f"{ws.code}.{k + 1}",
                    title=_sentence(rng, 10),
                    owner=owners[(w + k) % len(owners)],
                    start_date=start,
                    due_date=start + timedelta(days=rng.randint(60, 500)),
                    status=rng.choice(STATUSES),
                    evidence_of_impact=_sentence(rng, 20),
                )
            )
    actions = _bulk(Action, actions)
    counts["actions"] = len(actions)
    through = Action.areas.through
    links = []
    for i, action in enumerate(actions):
        if i % 5:  # four in five actions are for one or two areas; the rest are county-wide
            for area in rng.sample(areas, 1 + i % 2):
                links.append(through(action_id=action.pk, area_id=area.pk))
    _bulk(through, links)
    log(f"  programmes 2, workstreams {len(workstreams)}, actions {len(actions)}")

    counts["progress_updates"], counts["action_history"] = _progress_with_history(
        rng, actions, owners, today
    )
    log(f"  progress updates {counts['progress_updates']}, history {counts['action_history']}")

    found = _inspection(rng, workstreams, actions)
    weaknesses = found.pop("_weaknesses")
    counts.update(found)
    if _has_model("inspections", "Indicator"):
        counts.update(_indicators(rng, areas, weaknesses, today))
        log(f"  indicators {counts['indicators']}, values {counts['indicator_values']}")
    if apps.is_installed("workstreams.meetings"):
        counts.update(_meetings(rng, areas, today))
        log(f"  meetings {counts['meetings']}")
    if apps.is_installed("localoffer"):
        counts.update(_services(rng, areas))
        log(f"  Local Offer services {counts['services']}")
    if _has_model("reporting", "ReportingPeriod"):
        counts.update(_reporting_periods(owners[0], today))
        log(f"  locked reporting periods {counts['reporting_periods']}")
    return counts


def _progress_with_history(rng, actions, owners, today) -> tuple[int, int]:
    """Progress updates, and for each one the action's history row (the change it recorded)."""
    history_model = Action.history.model
    per_action = SIZES["progress_updates"] // len(actions)
    updates, history = [], []
    fields = [f.attname for f in Action._meta.concrete_fields]
    written = history_written = 0
    for action in actions:
        day = action.start_date
        for n in range(per_action):
            day = min(day + timedelta(days=rng.randint(7, 30)), today)
            status = ActionStatus.ON_TARGET if n < per_action - 1 else action.status
            updates.append(
                ProgressUpdate(
                    action=action,
                    date=day,
                    author=owners[n % len(owners)],
                    narrative=_sentence(rng, 25),
                    status=status,
                    rag=rng.choice(RAGS),
                )
            )
            row = {name: getattr(action, name) for name in fields}
            row["status"] = status
            row["version"] = n + 1
            history.append(
                history_model(
                    **row,
                    history_date=timezone.make_aware(datetime.combine(day, datetime.min.time())),
                    history_type="+" if n == 0 else "~",
                    history_user_id=action.owner_id,
                    history_change_reason="Progress update",
                )
            )
        if len(updates) >= BATCH * 5:
            written += len(ProgressUpdate.objects.bulk_create(updates, batch_size=BATCH))
            history_written += len(history_model.objects.bulk_create(history, batch_size=BATCH))
            updates, history = [], []
    written += len(ProgressUpdate.objects.bulk_create(updates, batch_size=BATCH))
    history_written += len(history_model.objects.bulk_create(history, batch_size=BATCH))
    return written, history_written


def _inspection(rng, workstreams, actions) -> dict[str, int]:
    """An inspection with 12 areas of weakness, each addressed by workstreams and actions."""
    from inspections.models import AreaOfWeakness, Inspection

    inspection = Inspection.objects.create(
        kind=Inspection.Kind.JOINT,
        local_area=NAME,
        start_date=date(2024, 1, 8),
        end_date=date(2024, 1, 12),
        wsoa_required=True,
    )
    weaknesses = _bulk(
        AreaOfWeakness,
        [
            AreaOfWeakness(inspection=inspection, number=n, wording=f"{NAME}: {_sentence(rng, 20)}")
            for n in range(1, 13)
        ],
    )
    Programme.objects.filter(slug=f"{PREFIX}programme-1").update(inspection=inspection)
    ws_through = Workstream.weaknesses.through
    _bulk(
        ws_through,
        [
            ws_through(areaofweakness_id=weaknesses[i % 12].pk, workstream_id=w.pk)
            for i, w in enumerate(workstreams)
        ],
    )
    action_through = Action.weaknesses.through
    _bulk(
        action_through,
        [
            action_through(action_id=a.pk, areaofweakness_id=weaknesses[i % 12].pk)
            for i, a in enumerate(actions)
        ],
    )
    return {"areas_of_weakness": len(weaknesses), "_weaknesses": weaknesses}


def _indicators(rng, areas, weaknesses, today) -> dict[str, int]:
    """120 indicators with 10 years of monthly values, for the local area and each area."""
    from inspections.models import Indicator, IndicatorValue

    units = [c for c, _ in Indicator.Unit.choices]
    directions = [c for c, _ in Indicator.Direction.choices]
    indicators = _bulk(
        Indicator,
        [
            Indicator(
                weakness=weaknesses[i % len(weaknesses)],
                name=f"{NAME} indicator {i + 1:03d}",
                unit=units[i % len(units)],
                direction=directions[i % len(directions)],
                target=Decimal(rng.randint(40, 90)),
                data_source="Generated for the benchmark",
                period_kind=Indicator.PeriodKind.MONTH,
            )
            for i in range(SIZES["indicators"])
        ],
    )
    months = []
    first = today.replace(day=1)
    for _ in range(SIZES["indicator_months"]):
        first = (first - timedelta(days=1)).replace(day=1)
        months.append(first)
    months.reverse()
    values, written = [], 0
    for indicator in indicators:
        level = rng.uniform(30, 80)
        for start in months:
            level = min(max(level + rng.uniform(-2, 2), 0), 100)
            common = {"indicator": indicator, "period": f"{start:%B %Y}", "period_start": start}
            values.append(
                IndicatorValue(
                    **common,
                    value=Decimal(f"{level:.2f}"),
                    region=Decimal(f"{rng.uniform(40, 70):.2f}"),
                    england=Decimal(f"{rng.uniform(40, 70):.2f}"),
                )
            )
            for area in areas:
                here = min(max(level + rng.uniform(-8, 8), 0), 100)
                values.append(IndicatorValue(**common, area=area, value=Decimal(f"{here:.2f}")))
        if len(values) >= BATCH * 10:
            written += len(_bulk(IndicatorValue, values, 5000))
            values = []
    written += len(_bulk(IndicatorValue, values, 5000))
    return {"indicators": len(indicators), "indicator_values": written}


def _reporting_periods(owner, today) -> dict[str, int]:
    """24 locked months before the demo's three, each with its snapshot, by the real service."""
    from workstreams.reporting import services
    from workstreams.reporting.periods import month_end, previous_month

    month = today.replace(day=1)
    for _ in range(3):  # the demo's months
        month = previous_month(month)
    months = []
    for _ in range(SIZES["reporting_periods"]):
        month = previous_month(month)
        months.append(month)
    for first in reversed(months):
        period = services.period_open(month=first, opened_by=owner)
        services.period_lock(period=period, locked_by=owner, today=month_end(first))
    return {"reporting_periods": len(months)}


def _meetings(rng, areas, today) -> dict[str, int]:
    from workstreams.meetings.models import Attendee, Decision, Group, Meeting, MinuteItem

    groups = _bulk(
        Group,
        [
            Group(
                name=f"{NAME} round table {area.name}", slug=f"{PREFIX}group-{area.slug}", area=area
            )
            for area in areas
        ],
    )
    meetings = _bulk(
        Meeting,
        [
            Meeting(
                group=groups[i % len(groups)],
                date=today - timedelta(days=14 * (i // len(groups)) + i % 7),
                venue="County Hall",
                status=Meeting.Status.PUBLISHED,
                published_at=timezone.now(),
            )
            for i in range(SIZES["meetings"])
        ],
    )
    items, attendees = [], []
    for meeting in meetings:
        for n in range(1, 7):
            items.append(
                MinuteItem(
                    meeting=meeting,
                    number=n,
                    title=_sentence(rng, 5),
                    discussion=f"<p>{_sentence(rng, 60)}</p>",
                )
            )
        for n in range(12):
            attendees.append(
                Attendee(
                    meeting=meeting,
                    position=n,
                    name=f"Attendee {n + 1}",
                    role="Headteacher",
                    organisation=f"{NAME} school {rng.randrange(SIZES['settings']):03d}",
                    area=meeting.group.area,
                )
            )
    items = _bulk(MinuteItem, items)
    _bulk(Attendee, attendees)
    _bulk(
        Decision,
        [
            Decision(
                meeting_id=item.meeting_id, item=item, position=item.number, text=_sentence(rng)
            )
            for item in items[::2]
        ],
    )
    return {"meetings": len(meetings), "minute_items": len(items)}


def _services(rng, areas) -> dict[str, int]:
    from localoffer.models import AreaOfNeed, Category, Organisation, Service

    categories = list(Category.objects.all()) or _bulk(
        Category, [Category(name=f"{NAME} category {i}", slug=f"{PREFIX}cat-{i}") for i in range(8)]
    )
    needs = list(AreaOfNeed.objects.all())
    organisations = _bulk(
        Organisation, [Organisation(name=f"{NAME} organisation {i:03d}") for i in range(150)]
    )
    services = _bulk(
        Service,
        [
            Service(
                organisation=organisations[i % len(organisations)],
                name=f"{NAME} service {i:04d}",
                slug=f"{PREFIX}service-{i:04d}",
                description=_sentence(rng, 40),
                status=Service.Status.ACTIVE if i % 20 else Service.Status.INACTIVE,
                min_age=0 if i % 3 else 5,
                max_age=25 if i % 4 else 16,
            )
            for i in range(SIZES["services"])
        ],
    )
    cat_links, need_links, area_links = [], [], []
    for i, service in enumerate(services):
        for category in rng.sample(categories, min(2, len(categories))):
            cat_links.append(
                Service.categories.through(service_id=service.pk, category_id=category.pk)
            )
        for need in rng.sample(needs, min(2, len(needs))):
            need_links.append(Service.needs.through(service_id=service.pk, areaofneed_id=need.pk))
        if i % 3:
            area_links.append(
                Service.areas.through(service_id=service.pk, area_id=areas[i % len(areas)].pk)
            )
    _bulk(Service.categories.through, cat_links)
    _bulk(Service.needs.through, need_links)
    _bulk(Service.areas.through, area_links)
    return {"services": len(services)}
