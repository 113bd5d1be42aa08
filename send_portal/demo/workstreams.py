"""Demo programmes (called by `manage.py load_demo` after the inspections; idempotent).

- Kent's Written Statement of Action (source 004 in docs/domain.md): workstreams A–E linked to the inspection's nine
  areas of weakness (``send_portal/demo/inspections.py``: ``KENT_WEAKNESSES``), with actions taken from Kent's key
  updates by workstream, in their words.
- Hertfordshire's SEND strategy (source 002 in docs/domain.md): ten workstreams with their lead, representatives,
  what will be done, outcomes and summary of current position; one action per "what will be
  done" line, and progress updates from the current position's bullet points.

Statuses, RAG overrides and dates are the demo's own (the papers give none per action); dates are
relative to today so that overdue actions stay overdue. A second run changes nothing.
"""

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from send_portal.core.models import Area, User
from send_portal.core.rag import RAG
from workstreams.models import (
    Action,
    Evidence,
    Milestone,
    MonthlyUpdate,
    Programme,
    ProgressUpdate,
    Representative,
    Risk,
    Workstream,
)
from workstreams.reporting.periods import default_deadline, latest_month_past_deadline
from workstreams.status import ActionStatus

from .inspections import KENT_WEAKNESSES, demo_2023_inspection, kent_inspection
from .workstreams_data import (
    HERTS_PEOPLE,
    HERTS_TEXT,
    KENT_KEY_UPDATES,
    KENT_RISKS,
    KENT_WORKSTREAMS,
)

NS, BEHIND, ON, DONE = (
    ActionStatus.NOT_STARTED,
    ActionStatus.BEHIND,
    ActionStatus.ON_TARGET,
    ActionStatus.COMPLETED,
)

KENT_PROGRAMME = "Kent SEND Improvement Programme (WSoA)"
HERTS_PROGRAMME = "Hertfordshire SEND Strategy"

# Kent: (ref, index into the workstream's key updates, status, start offset, due offset in days
# from today, areas, owned by the demo officer). Evidence of impact for completed actions.
KENT_ACTIONS = [
    ("A.1", "A", 0, ON, -150, 60, [], True),
    ("A.2", "A", 1, NS, 30, 365, [], False),
    ("A.3", "A", 2, NS, -20, 120, [], True),
    ("A.4", "A", 3, BEHIND, -120, 20, [], False),
    ("A.5", "A", 4, DONE, -200, -40, [], False),
    ("B.1", "B", 0, DONE, -220, -60, [], False),
    ("B.2", "B", 1, ON, -160, -10, [], True),
    ("B.3", "B", 2, BEHIND, -140, -30, ["North East"], True),
    ("B.4", "B", 3, DONE, -180, -20, [], False),
    ("B.5", "B", 4, DONE, -90, -15, [], False),
    ("C.1", "C", 0, DONE, -200, -90, [], False),
    ("C.2", "C", 1, DONE, -170, -50, [], True),
    ("C.3", "C", 2, ON, -100, 90, ["South"], False),
    ("C.4", "C", 3, BEHIND, -150, 45, [], True),
    ("D.1", "D", 0, DONE, -210, -100, [], False),
    ("D.2", "D", 1, DONE, -190, -70, [], False),
    ("D.3", "D", 2, DONE, -160, -30, [], False),
    ("D.4", "D", 3, ON, -90, 30, ["Mid"], False),
    ("E.1", "E", 0, DONE, -180, -25, [], False),
    ("E.2", "E", 2, BEHIND, -130, -5, ["North East"], True),
]

# Herts: status, start and due offsets per "what will be done" line, cycling.
HERTS_PATTERN = [
    (ON, -150, 90),
    (BEHIND, -120, 40),
    (DONE, -200, -30),
    (NS, 20, 200),
    (ON, -90, -12),
    (NS, -30, 150),
]
HERTS_AREAS = {2: ["North East", "Mid"], 3: ["South"], 7: ["West"], 10: ["North East"]}

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _split_person(text: str) -> tuple[str, str]:
    name, _, role = text.partition(", ")
    return name, role


def _replace_ordered(model, workstream, rows: list[dict]) -> None:
    for order, values in enumerate(rows):
        model.objects.update_or_create(workstream=workstream, order=order, defaults=values)
    model.objects.filter(workstream=workstream, order__gte=len(rows)).delete()


def _action(programme, workstream, ref, defaults, areas, weaknesses) -> tuple[Action, bool]:
    action, created = Action.objects.get_or_create(
        programme=programme, ref=ref, defaults={"workstream": workstream, **defaults}
    )
    if created:
        action.areas.set(Area.objects.filter(name__in=areas))
        action.weaknesses.set(weaknesses)
    return action, created


def _updates(action: Action, narratives: list[str], *, today: date, author) -> None:
    """Progress updates over the last six months, oldest first, one a month."""
    for months_ago, narrative in zip(range(len(narratives), 0, -1), narratives, strict=False):
        on = today - timedelta(days=30 * months_ago - 3)
        ProgressUpdate.objects.get_or_create(
            action=action,
            narrative=narrative,
            defaults={
                "date": on,
                "author": author,
                "status": ActionStatus.ON_TARGET
                if action.status == ActionStatus.COMPLETED
                else action.status,
                "rag": RAG.GREEN if action.status != ActionStatus.BEHIND else RAG.AMBER,
            },
        )


def load_kent(*, today: date, officer, stdout=None) -> Programme:
    inspection = kent_inspection()
    programme, _ = Programme.objects.update_or_create(
        slug="kent-wsoa",
        defaults={
            "name": KENT_PROGRAMME,
            "kind": Programme.Kind.WSOA,
            "start_date": inspection.end_date,
            "inspection": inspection,
        },
    )
    weaknesses = {w.number: w for w in inspection.weaknesses.all()}
    workstreams = {}
    for code, title in KENT_WORKSTREAMS.items():
        workstream, _ = Workstream.objects.update_or_create(
            programme=programme, code=code, defaults={"title": title}
        )
        if not workstream.current_position:
            workstream.current_position = (
                "<ul>" + "".join(f"<li>{t}</li>" for t in KENT_KEY_UPDATES[code]) + "</ul>"
            )
            workstream.current_position_date = today - timedelta(days=20)
            workstream.save(update_fields=["current_position", "current_position_date"])
        workstreams[code] = workstream
    for number, code, _wording in KENT_WEAKNESSES:
        weaknesses[number].workstreams.add(workstreams[code])

    # The lead's judgement beside the roll-up (workstream C: amber while an action is red).
    Workstream.objects.filter(pk=workstreams["C"].pk, stated_rag="").update(
        stated_rag=RAG.AMBER,
        stated_rag_reason="Additional capacity to clear backlog. Aiming to compete assessments "
        "within statutory timescales by April 21",
    )
    # The leads' updates for the latest month the scheduled job has locked (its deadline has
    # passed), sent on time; risks and issues in the seed's words where it names them.
    month = latest_month_past_deadline(today)
    submitted = timezone.make_aware(datetime.combine(default_deadline(month), time(9)))
    submitted -= timedelta(days=2)
    for code, workstream in workstreams.items():
        update, created = MonthlyUpdate.objects.get_or_create(
            workstream=workstream,
            month=month,
            defaults={
                "current_position": workstream.current_position,
                "rag": RAG.AMBER if code in {"B", "C", "E"} else RAG.GREEN,
                "rag_reason": KENT_KEY_UPDATES[code][-1],
                "achievements": KENT_KEY_UPDATES[code][0],
                "planned_next": KENT_KEY_UPDATES[code][1],
                "risks_and_issues": KENT_RISKS.get(code, ""),
                "submitted_by": officer,
            },
        )
        if created:  # on time, as the demo's leads were
            MonthlyUpdate.objects.filter(pk=update.pk).update(submitted_at=submitted)
    Risk.objects.get_or_create(
        workstream=workstreams["E"],
        description="Significant Covid impact",
        defaults={
            "kind": Risk.Kind.ISSUE,
            "likelihood": 5,
            "impact": 4,
            "mitigation": "5 years SLCN plan developed along with short term action plan",
            "owner_name": "Workstream E lead",
        },
    )

    for ref, code, index, status, start, due, areas, mine in KENT_ACTIONS:
        title = KENT_KEY_UPDATES[code][index]
        workstream_weaknesses = [weaknesses[n] for n, c, _w in KENT_WEAKNESSES if c == code]
        defaults = {
            "title": title,
            "status": status,
            "start_date": today + timedelta(days=start),
            "due_date": today + timedelta(days=due),
            "owner": officer if mine else None,
            "owner_name": "" if mine else f"Workstream {code} lead",
            "evidence_of_impact": (
                f"Reported to the SEND Improvement Programme board: {title}"
                if status == DONE
                else ""
            ),
        }
        if ref == "C.4":
            defaults["rag_override"] = RAG.RED
            defaults["rag_override_reason"] = (
                "Aiming to compete assessments within statutory timescales by April 21; "
                "the backlog is not yet clear."
            )
        action, created = _action(
            programme, workstreams[code], ref, defaults, areas, workstream_weaknesses
        )
        if created and status in {ON, BEHIND, DONE}:
            Milestone.objects.create(
                action=action,
                title="Plan agreed by the workstream",
                due_date=action.start_date + timedelta(days=30),
                done=True,
            )
            Milestone.objects.create(
                action=action,
                title="Reported to the SEND Improvement Programme board",
                due_date=action.due_date,
                done=status == DONE,
            )
        narratives = [f"Workstream {code} update: {t}" for t in KENT_KEY_UPDATES[code][: index + 1]]
        _updates(action, narratives[-3:], today=today, author=officer)
    _kent_evidence(programme, officer)
    return programme


def _kent_evidence(programme: Programme, officer) -> None:
    update = (
        ProgressUpdate.objects.filter(action__programme=programme, action__ref="E.1")
        .order_by("-date")
        .first()
    )
    if update and not update.evidence.exists():
        Evidence.objects.create(
            progress_update=update,
            url="https://www.kent.gov.uk/education-and-children/special-educational-needs",
            description="Kent ND handbooks, available on the local offer",
        )
    update = (
        ProgressUpdate.objects.filter(action__programme=programme, action__ref="C.2")
        .order_by("-date")
        .first()
    )
    if update and not update.evidence.exists():
        evidence = Evidence(
            progress_update=update,
            description="New quality assurance framework (PDF)",
            original_name="quality-assurance-framework.pdf",
        )
        evidence.file.save("quality-assurance-framework.pdf", ContentFile(MINIMAL_PDF), save=False)
        evidence.save()


def load_herts(*, today: date, officer, stdout=None) -> Programme:
    programme, _ = Programme.objects.update_or_create(
        slug="herts-send-strategy",
        defaults={
            "name": HERTS_PROGRAMME,
            "kind": Programme.Kind.STRATEGY,
            "start_date": date(2015, 9, 1),
        },
    )
    pattern = 0
    for number, text in enumerate(HERTS_TEXT, start=1):
        lead, representatives = HERTS_PEOPLE[text["title"]]
        lead_name, lead_role = _split_person(lead)
        position = "<ul>" + "".join(f"<li>{t}</li>" for t in text["position"]) + "</ul>"
        workstream, _created = Workstream.objects.get_or_create(
            programme=programme,
            code=str(number),
            defaults={
                "title": text["title"],
                "lead_name": f"{lead_name}, {lead_role}" if lead_role else lead_name,
                "current_position": position,
                "current_position_date": today - timedelta(days=35),
            },
        )
        _replace_ordered(
            Representative,
            workstream,
            [
                {"name": name, "role_label": role, "organisation": ""}
                for name, role in map(_split_person, representatives)
            ],
        )
        if workstream.objectives != text["objectives"] or workstream.outcomes != text["outcomes"]:
            workstream.objectives = text["objectives"]
            workstream.outcomes = text["outcomes"]
            workstream.save(update_fields=["objectives", "outcomes"])
        for index, objective in enumerate(text["objectives"], start=1):
            status, start, due = HERTS_PATTERN[pattern % len(HERTS_PATTERN)]
            pattern += 1
            defaults = {
                "title": objective[:500],
                "status": status,
                "start_date": today + timedelta(days=start),
                "due_date": today + timedelta(days=due),
                "owner": officer if index == 1 and number % 3 == 0 else None,
                "owner_name": "" if index == 1 and number % 3 == 0 else lead_name,
                "evidence_of_impact": (
                    f"Reported to the SEND Executive: {text['position'][0]}"
                    if status == DONE
                    else ""
                ),
            }
            action, _created = _action(
                programme,
                workstream,
                f"{number}.{index}",
                defaults,
                HERTS_AREAS.get(number, []) if index == 1 else [],
                [],
            )
            if status != NS:
                _updates(action, text["position"][:6], today=today, author=officer)
    return programme


# Illustrative plans answering the illustrative 2023-framework inspection of the demo council:
# (slug, name, kind, [(code, title, [(ref, title, finding numbers, status, start, due)])]).
DEMO_2023_PLANS = [
    (
        "demo-pap",
        "Demo County priority action plan (area SEND) (illustrative)",
        Programme.Kind.PRIORITY_ACTION_PLAN,
        [
            (
                "P1",
                "Timely, good-quality EHC needs assessments and plans",
                [
                    ("P1.1", "Recruit and train additional EHC plan writers", [1], "on_target"),
                    (
                        "P1.2",
                        "Quality-assure every new EHC plan against the audit tool",
                        [1],
                        "not_started",
                    ),
                ],
            ),
            (
                "P2",
                "Shorter waits for neurodevelopmental assessment and therapy",
                [
                    (
                        "P2.1",
                        "Commission additional autism and ADHD assessment capacity",
                        [2],
                        "behind",
                    ),
                ],
            ),
        ],
    ),
    (
        "demo-strategic-plan",
        "Demo County updated strategic plan (illustrative)",
        Programme.Kind.STRATEGIC_PLAN,
        [
            (
                "S1",
                "Inclusion, alternative provision and the Local Offer",
                [
                    (
                        "S1.1",
                        "Termly review of every pupil on a reduced timetable",
                        [3],
                        "on_target",
                    ),
                    (
                        "S1.2",
                        "Review the Local Offer with the parent carer forum",
                        [4],
                        "not_started",
                    ),
                ],
            ),
            (
                "S2",
                "Preparing for adulthood",
                [
                    (
                        "S2.1",
                        "Agree a transition protocol for health services at 18",
                        [5],
                        "not_started",
                    )
                ],
            ),
        ],
    ),
]


def load_demo_2023(*, today: date) -> None:
    inspection = demo_2023_inspection()
    findings = {w.number: w for w in inspection.weaknesses.all()}
    statuses = {
        "not_started": ActionStatus.NOT_STARTED,
        "on_target": ActionStatus.ON_TARGET,
        "behind": ActionStatus.BEHIND,
    }
    start = date(2026, 1, 19)
    for slug, name, kind, workstreams in DEMO_2023_PLANS:
        programme, _ = Programme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "start_date": start,
                "inspection": inspection,
            },
        )
        for code, title, actions in workstreams:
            workstream, _ = Workstream.objects.update_or_create(
                programme=programme, code=code, defaults={"title": title}
            )
            numbers = {n for *_rest, ns, _s in actions for n in ns}
            workstream.weaknesses.set([findings[n] for n in sorted(numbers)])
            for ref, action_title, finding_numbers, status in actions:
                # get_or_create: a second load writes no history.
                action, _ = Action.objects.get_or_create(
                    programme=programme,
                    ref=ref,
                    defaults={
                        "workstream": workstream,
                        "title": action_title,
                        "owner_name": "Illustrative owner",
                        "start_date": start,
                        "due_date": date(2027, 3, 31),
                        "status": statuses[status],
                    },
                )
                action.weaknesses.set([findings[n] for n in finding_numbers])


def load(stdout) -> None:
    from django.utils import timezone

    today = timezone.localdate()
    officer = User.objects.filter(email="officer@demo.test").first()
    load_kent(today=today, officer=officer, stdout=stdout)
    load_herts(today=today, officer=officer, stdout=stdout)
    load_demo_2023(today=today)
