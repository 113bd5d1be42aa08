"""Import actions from the spreadsheets councils already keep (CSV or XLSX).

Columns (a header row, any order): ``programme, workstream_code, workstream_title, weakness,
ref, title, owner, areas, start, due, status, rag, evidence``.

All or nothing: ``validate`` reads every row and reports every problem (row, column, reason);
``import_actions`` saves nothing unless there are none. Re-importing updates the actions it
finds by programme + ref, so the same file twice changes nothing the second time.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from send_portal.core.dates import today
from send_portal.core.models import Area
from send_portal.core.rag import RAG, parse_rag
from send_portal.core.tabular import DATE_HELP, TableFileError, parse_date
from send_portal.core.tabular import RowError as RowProblem
from send_portal.core.tabular import read_table as read_tabular

from .models import Action, Programme, Workstream
from .owners import AmbiguousOwner, OwnerLookup, match_owner, owner_lookup
from .rag import suggest_rag
from .services import COMPLETED_NEEDS_EVIDENCE
from .status import ActionStatus, parse_status

COLUMNS = [
    "programme",
    "workstream_code",
    "workstream_title",
    "weakness",
    "ref",
    "title",
    "owner",
    "areas",
    "start",
    "due",
    "status",
    "rag",
    "evidence",
]
REQUIRED_VALUES = {
    "programme": "Enter the programme's name",
    "workstream_code": "Enter the workstream code, for example A",
    "ref": "Enter the action's reference, for example C.3",
    "title": "Enter the action's title",
    "status": "Enter the status",
}
STATUS_WORDS = "not started, underway – on target, underway – behind target, or completed"
MAX_LENGTHS = {"ref": 20, "title": 500, "workstream_code": 10, "workstream_title": 300}

ImportFileError = TableFileError  # the file as a whole cannot be read: the views and command say so


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    workstreams_created: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    # What was (or, for a preview, would be) created and changed, for the preview's list.
    programmes_created: list[str] = field(default_factory=list)
    inspections_created: list[str] = field(default_factory=list)
    findings_created: list[str] = field(default_factory=list)
    workstreams_added: list[str] = field(default_factory=list)
    refs_created: list[str] = field(default_factory=list)
    refs_updated: list[str] = field(default_factory=list)
    missing_programmes: list[str] = field(default_factory=list)  # names the file gives
    preview: bool = False  # nothing was saved: it shows what an import would do

    @property
    def ok(self) -> bool:
        return not self.problems


# Reading ------------------------------------------------------------------------------------


def read_table(*, name: str, data: bytes) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(row number, {column: value})]) from a CSV or XLSX file's bytes."""
    from .exports import unescape_cell

    table = read_tabular(data, name=name, columns=COLUMNS, what="actions")
    rows = [
        (row.number, {k: unescape_cell(v) for k, v in row.values.items()}) for row in table.rows
    ]
    return table.header, rows


# Validating ---------------------------------------------------------------------------------

_NUMBERS = re.compile(r"^\s*\d+(?:\s*[;,]\s*\d+)*\s*$")
_NUMBERED_ITEM = re.compile(r"(?:^|\n|;)\s*(?=\d+[.)]\s)")
_LEADING_NUMBER = re.compile(r"^\s*\d+[.)]\s+")


def finding_items(text: str) -> list[int | str]:
    """The findings a ``weakness`` cell names: numbers ("1; 3") or words, one finding or
    several numbered ones ("1. The lack of co-production...; 3. The waiting times..."), their
    leading numbers dropped. Words without numbering stay whole (a finding may hold a ;)."""
    text = str(text).strip()
    if not text:
        return []
    if _NUMBERS.match(text):
        return [int(part) for part in re.split(r"[;,]", text) if part.strip()]
    parts = (
        [p for p in _NUMBERED_ITEM.split(text) if p.strip()]
        if _LEADING_NUMBER.match(text)
        else [p for p in text.split("\n") if p.strip()]
    )
    return [_LEADING_NUMBER.sub("", part).strip().rstrip(";").strip() for part in parts]


def normalise_words(text: str) -> str:
    """Words compared as people type them: any capitals, spaces, quotes or final full stop."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"')
    return " ".join(text.casefold().split()).rstrip(".").strip()


@dataclass
class _Lookups:
    programmes: dict[str, Programme]
    areas: dict[str, Area]
    users: OwnerLookup
    weaknesses: dict[int, dict[int, int]]  # programme id → {number: weakness id}
    finding_words: dict[int, dict[str, int]] = field(default_factory=dict)  # → {words: id}

    @classmethod
    def load(cls) -> "_Lookups":
        programmes = {}
        for programme in Programme.objects.all():
            programmes[programme.name.strip().lower()] = programme
            programmes.setdefault(programme.slug.lower(), programme)
        areas = {a.name.strip().lower(): a for a in Area.objects.all()}
        users = owner_lookup()
        weaknesses: dict[int, dict[int, int]] = {}
        from inspections.models import AreaOfWeakness

        finding_words: dict[int, dict[str, int]] = {}
        for programme in programmes.values():
            if programme.inspection_id and programme.pk not in weaknesses:
                findings = AreaOfWeakness.objects.filter(
                    inspection_id=programme.inspection_id
                ).values_list("number", "pk", "wording")
                weaknesses[programme.pk] = {number: pk for number, pk, _w in findings}
                finding_words[programme.pk] = {
                    normalise_words(wording): pk for _n, pk, wording in findings
                }
        return cls(programmes, areas, users, weaknesses, finding_words)


@dataclass
class ParsedRow:
    row: int
    programme: Programme
    workstream_code: str
    workstream_title: str
    ref: str
    title: str
    owner_id: int | None
    owner_name: str
    area_ids: list[int]
    weakness_ids: list[int]
    start: date | None
    due: date | None
    status: str
    rag: str  # the override to save: empty when the file's RAG is the suggested one
    evidence: str
    given_rag: str = ""  # the RAG as the file gives it


def validate(
    table: list[tuple[int, dict]], *, on: date
) -> tuple[list[ParsedRow], list[RowProblem]]:
    """Every row checked; every problem reported. Pure but for reading reference data."""
    lookups = _Lookups.load()
    existing_workstreams = set(Workstream.objects.values_list("programme_id", "code"))
    parsed: list[ParsedRow] = []
    problems: list[RowProblem] = []
    seen_refs: dict[tuple[int, str], int] = {}
    new_workstream_titles: dict[tuple[int, str], str] = {}
    for number, values in table:
        row_problems: list[RowProblem] = []

        def problem(column: str, reason: str, number=number, row_problems=row_problems):
            row_problems.append(RowProblem(number, column, reason))

        for column, message in REQUIRED_VALUES.items():
            if values.get(column, "") == "":
                problem(column, message)
        for column, limit in MAX_LENGTHS.items():
            if len(str(values.get(column, ""))) > limit:
                problem(column, f"Must be {limit} characters or fewer")

        programme = None
        if values.get("programme"):
            programme = lookups.programmes.get(str(values["programme"]).strip().lower())
            if programme is None:
                names = ", ".join(sorted(p.name for p in set(lookups.programmes.values())))
                problem(
                    "programme",
                    f'There is no programme called "{values["programme"]}". '
                    f"The programmes are: {names or '(none yet)'}. To make it from the file, "
                    "import with --create-missing (the upload page offers to)",
                )
        code = str(values.get("workstream_code", "")).strip()
        workstream_title = str(values.get("workstream_title", "")).strip()
        if programme and code and (programme.pk, code) not in existing_workstreams:
            if not workstream_title:
                problem(
                    "workstream_title",
                    f"Enter the title of workstream {code}: it is new to {programme.name}",
                )
            else:
                new_workstream_titles.setdefault((programme.pk, code), workstream_title)

        ref = str(values.get("ref", "")).strip()
        if programme and ref:
            key = (programme.pk, ref.lower())
            if key in seen_refs:
                problem(
                    "ref",
                    f"The reference {ref} is also on row {seen_refs[key]}: each action must "
                    "appear once",
                )
            else:
                seen_refs[key] = number

        dates = {}
        for column in ("start", "due"):
            raw = values.get(column, "")
            dates[column] = None
            if raw != "":
                dates[column] = parse_date(raw)
                if dates[column] is None:
                    problem(column, f'"{raw}" is not a date. {DATE_HELP}')
        if dates["start"] and dates["due"] and dates["due"] < dates["start"]:
            problem("due", "The due date must be the same as or after the start date")

        status = None
        if values.get("status", "") != "":
            status = parse_status(str(values["status"]))
            if status is None:
                problem(
                    "status", f'"{values["status"]}" is not a status. Use one of: {STATUS_WORDS}'
                )
        rag = ""
        if values.get("rag", "") != "":
            rag = parse_rag(str(values["rag"])) or ""
            if not rag:
                problem(
                    "rag",
                    f'"{values["rag"]}" is not a RAG rating. Use red, amber, green, blue or grey',
                )

        area_ids = []
        for name in str(values.get("areas", "")).split(";"):
            if not name.strip():
                continue
            area = lookups.areas.get(name.strip().lower())
            if area is None:
                known = ", ".join(a.name for a in sorted(lookups.areas.values(), key=str))
                problem(
                    "areas",
                    f'There is no area called "{name.strip()}". The areas are: {known}. '
                    "Leave it empty for a county-wide action",
                )
            else:
                area_ids.append(area.pk)

        weakness_ids = []
        weakness_text = str(values.get("weakness", "")).strip()
        if weakness_text and programme:
            numbers = lookups.weaknesses.get(programme.pk)
            if numbers is None:
                problem(
                    "weakness",
                    f"{programme.name} is not linked to an inspection, so it has no findings. "
                    "Leave the column empty, or import with --create-missing to make its "
                    "inspection",
                )
            else:
                words = lookups.finding_words.get(programme.pk, {})
                for item in finding_items(weakness_text):
                    if isinstance(item, int):
                        if item in numbers:
                            weakness_ids.append(numbers[item])
                            continue
                        problem(
                            "weakness",
                            f'"{item}" is not the number of one of the inspection\'s findings. '
                            + (
                                f"Use one of {', '.join(str(n) for n in sorted(numbers))}, "
                                "separated by ;, or the finding's words"
                                if numbers
                                else "The inspection has no findings yet: give their words"
                            ),
                        )
                    elif normalise_words(item) in words:
                        weakness_ids.append(words[normalise_words(item)])
                    else:
                        problem(
                            "weakness",
                            f'"{item[:80]}" does not match the words of any of the inspection\'s '
                            "findings. Use the finding's number or its exact words",
                        )

        evidence = str(values.get("evidence", "")).strip()
        if status == ActionStatus.COMPLETED and not evidence:
            problem("evidence", COMPLETED_NEEDS_EVIDENCE)

        owner_id, owner_name = None, ""
        try:
            owner_id, owner_name = match_owner(str(values.get("owner", "")), lookups.users)
        except AmbiguousOwner as exc:
            problem(
                "owner",
                f"{exc.count} people are called {exc.name}, so the owner is ambiguous: "
                "give the email address of the one who owns the action",
            )

        if row_problems:
            problems.extend(row_problems)
            continue
        suggested = suggest_rag(status=status, start=dates["start"], due=dates["due"], today=on)
        parsed.append(
            ParsedRow(
                row=number,
                programme=programme,
                workstream_code=code,
                workstream_title=workstream_title
                or new_workstream_titles.get((programme.pk, code), ""),
                ref=ref,
                title=str(values["title"]).strip(),
                owner_id=owner_id,
                owner_name=owner_name,
                area_ids=area_ids,
                weakness_ids=weakness_ids,
                start=dates["start"],
                due=dates["due"],
                status=status,
                rag="" if rag == suggested else rag,
                evidence=evidence,
                given_rag=rag,
            )
        )
    return parsed, problems


# Saving -------------------------------------------------------------------------------------

_FIELDS = [
    "workstream",
    "title",
    "owner",
    "owner_name",
    "start_date",
    "due_date",
    "status",
    "rag_override",
    "rag_override_reason",
    "evidence_of_impact",
]


class _Rollback(Exception):
    """Undo everything the import wrote (a preview, or problems found)."""


@dataclass(frozen=True)
class CreateMissing:
    """What to make for a programme the file names that the portal does not have yet."""

    kind: str = "wsoa"  # wsoa | pap | strategy (see PLAN_KINDS)
    framework: str | None = None  # "2016" or "2023"; None: 2016 (a strategy: no inspection)
    inspected: date | None = None  # the inspection's first day; None: the earliest start


# (kind, framework) → the programme's kind and whether it answers an inspection.
PLAN_KINDS = {
    ("wsoa", "2016"): (Programme.Kind.WSOA, True),
    ("pap", "2023"): (Programme.Kind.PRIORITY_ACTION_PLAN, True),
    ("strategy", "2016"): (Programme.Kind.STRATEGY, False),
    ("strategy", "2023"): (Programme.Kind.STRATEGIC_PLAN, True),
}


def create_missing_problem(options: CreateMissing) -> str | None:
    """Why the options cannot make a programme, or None."""
    if options.kind not in {"wsoa", "pap", "strategy"}:
        return "The kind must be wsoa, pap or strategy"
    if options.framework not in (None, "2016", "2023"):
        return "The framework must be 2016 or 2023"
    framework = options.framework or "2016"
    if (options.kind, framework) not in PLAN_KINDS:
        if options.kind == "wsoa":
            return (
                "A Written Statement of Action answers a 2016-framework inspection: for a 2023 "
                "inspection use kind pap (priority action plan) or strategy (updated strategic "
                "plan)"
            )
        return (
            "A priority action plan (pap) answers a 2023-framework inspection: add framework 2023"
        )
    return None


def import_actions(
    *,
    name: str,
    data: bytes,
    by=None,
    on: date | None = None,
    create_missing: CreateMissing | None = None,
    preview: bool = False,
) -> ImportResult:
    """Read, check and (only if every row is right) save the actions in one transaction.

    ``create_missing`` makes the programmes the file names that do not exist yet (and for a
    plan that answers an inspection, the inspection and, from the words in the weakness column,
    its findings). ``preview`` does everything and then undoes it: the result lists what an
    import would create and change. Raises ``ImportFileError`` when the file itself cannot be
    read.
    """
    on = on or today()
    _header, table = read_table(name=name, data=data)
    result = ImportResult(preview=preview)
    if create_missing is not None and (reason := create_missing_problem(create_missing)):
        raise ImportFileError(reason)
    try:
        with transaction.atomic():
            if create_missing is not None:
                _create_missing(table, create_missing, on=on, result=result)
            rows, problems = validate(table, on=on)
            result.problems = problems
            if problems:
                result.missing_programmes = _missing_programmes(table)
                raise _Rollback
            _save(rows, result, by=by, source=name)
            if preview:
                raise _Rollback
    except _Rollback:
        pass
    return result


def _programme_names(table) -> list[str]:
    names: dict[str, str] = {}
    for _number, values in table:
        text = str(values.get("programme", "")).strip()
        if text:
            names.setdefault(text.lower(), text)
    return list(names.values())


def _missing_programmes(table) -> list[str]:
    known = set()
    for programme_name, slug in Programme.objects.values_list("name", "slug"):
        known.update({programme_name.strip().lower(), slug.lower()})
    return [n for n in _programme_names(table) if n.lower() not in known]


def _create_missing(table, options: CreateMissing, *, on: date, result: ImportResult) -> None:
    """Make the programmes the file names that are missing, their inspection, and the findings
    given in words for an inspection that has none yet (in order of first appearance)."""
    from django.conf import settings
    from django.utils.text import slugify

    from inspections.models import AreaOfWeakness, Inspection

    framework = options.framework or "2016"
    kind, answers_inspection = PLAN_KINDS[(options.kind, framework)]
    missing = {n.lower() for n in _missing_programmes(table)}
    starts: dict[str, list[date]] = {}
    for _number, values in table:
        key = str(values.get("programme", "")).strip().lower()
        start = parse_date(values.get("start", "")) if values.get("start", "") != "" else None
        if start:
            starts.setdefault(key, []).append(start)
    inspections: dict[date, Inspection] = {}
    for programme_name in _programme_names(table):
        key = programme_name.lower()
        if key not in missing:
            continue
        first_day = min(starts.get(key, []), default=None)
        inspection = None
        if answers_inspection:
            day = options.inspected or first_day or on
            inspection = inspections.get(day)
            if inspection is None:
                inspection = Inspection.objects.create(
                    kind=Inspection.Kind.JOINT
                    if framework == "2016"
                    else Inspection.Kind.AREA_SEND,
                    framework=framework,
                    local_area=settings.COUNCIL_NAME,
                    start_date=day,
                    end_date=day,
                    wsoa_required=kind == Programme.Kind.WSOA,
                )
                inspections[day] = inspection
                result.inspections_created.append(str(inspection))
        slug, n = (slugify(programme_name)[:90] or "programme"), 1
        base = slug
        while Programme.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        programme = Programme.objects.create(
            name=programme_name[:200],
            slug=slug,
            kind=kind,
            start_date=first_day or options.inspected or on,
            inspection=inspection,
        )
        result.programmes_created.append(f"{programme.name} ({programme.get_kind_display()})")

    # Findings in words, for an inspection with none yet: in order of first appearance.
    finding_kind = (
        AreaOfWeakness.Kind.SIGNIFICANT_WEAKNESS
        if framework == "2016"
        else AreaOfWeakness.Kind.PRIORITY_ACTION
        if options.kind == "pap"
        else AreaOfWeakness.Kind.IMPROVEMENT
    )
    programmes = {}
    for programme in Programme.objects.exclude(inspection=None).select_related("inspection"):
        programmes[programme.name.strip().lower()] = programme
        programmes.setdefault(programme.slug.lower(), programme)
    new_words: dict[int, dict[str, str]] = {}  # inspection id → {normalised: words}
    empty = {}
    for _number, values in table:
        programme = programmes.get(str(values.get("programme", "")).strip().lower())
        if programme is None:
            continue
        inspection = programme.inspection
        if inspection.pk not in empty:
            empty[inspection.pk] = not inspection.weaknesses.exists()
        if not empty[inspection.pk]:
            continue
        for item in finding_items(values.get("weakness", "")):
            if isinstance(item, str):
                new_words.setdefault(inspection.pk, {}).setdefault(normalise_words(item), item)
    for inspection_id, words in new_words.items():
        for number, wording in enumerate(words.values(), start=1):
            finding = AreaOfWeakness.objects.create(
                inspection_id=inspection_id, number=number, kind=finding_kind, wording=wording
            )
            result.findings_created.append(f"{finding.label}: {wording}")


def _save(rows: list[ParsedRow], result: ImportResult, *, by, source: str) -> None:
    workstreams = {(w.programme_id, w.code): w for w in Workstream.objects.all()}
    for row in rows:
        key = (row.programme.pk, row.workstream_code)
        workstream = workstreams.get(key)
        if workstream is None:
            workstream = Workstream.objects.create(
                programme=row.programme, code=row.workstream_code, title=row.workstream_title
            )
            workstreams[key] = workstream
            result.workstreams_created += 1
            result.workstreams_added.append(f"{row.programme.name}: {workstream}")
        elif row.workstream_title and workstream.title != row.workstream_title:
            # Its version goes up, as on every write: a workstream form opened before is refused.
            workstream = Workstream.objects.select_for_update().get(pk=workstream.pk)
            workstream.title = row.workstream_title
            workstream.version += 1
            workstream.save(update_fields=["title", "version"])
            workstreams[key] = workstream

    programme_ids = {row.programme.pk for row in rows}
    existing = {
        (a.programme_id, a.ref.lower()): a
        for a in Action.objects.filter(programme_id__in=programme_ids)
    }
    reason = f"The RAG given in the imported file {source}"
    to_create, to_update, changed_ids = [], [], []
    for row in rows:
        values = {
            "workstream_id": workstreams[(row.programme.pk, row.workstream_code)].pk,
            "title": row.title,
            "owner_id": row.owner_id,
            "owner_name": row.owner_name,
            "start_date": row.start,
            "due_date": row.due,
            "status": row.status,
            "rag_override": row.rag,
            "rag_override_reason": reason if row.rag else "",
            "evidence_of_impact": row.evidence,
        }
        action = existing.get((row.programme.pk, row.ref.lower()))
        if action is None:
            action = Action(programme=row.programme, ref=row.ref, **values)
            to_create.append((action, row))
            continue
        if action.rag_override and row.given_rag == action.rag_override:
            # An unchanged row keeps its override and its reason, even when the override is
            # (today) the same as the suggestion.
            values["rag_override"] = action.rag_override
            values["rag_override_reason"] = action.rag_override_reason
        elif action.rag_override == row.rag and action.rag_override_reason:
            values["rag_override_reason"] = action.rag_override_reason
        for name in ("title", "owner_name", "evidence_of_impact"):
            if getattr(action, name).strip() == values[name]:
                values[name] = getattr(action, name)  # the file's cells are read trimmed
        differs = any(getattr(action, k) != v for k, v in values.items())
        if differs:
            for k, v in values.items():
                setattr(action, k, v)
            action.version += 1
            to_update.append(action)
        changed_ids.append((action, row))

    created = bulk_create_with_history(
        [a for a, _ in to_create], Action, batch_size=1000, default_user=by
    )
    if to_update:
        bulk_update_with_history(
            to_update,
            Action,
            [*_FIELDS, "version"],
            batch_size=1000,
            default_user=by,
        )
    result.created = len(created)
    result.updated = len(to_update)
    result.refs_created = [a.ref for a, _row in to_create]
    result.refs_updated = [a.ref for a in to_update]

    # Areas and weaknesses: replace the links of every imported action that differ.
    pairs = [(a, row) for a, (_, row) in zip(created, to_create, strict=True)] + changed_ids
    _replace_links(pairs, "areas", "area_id", lambda row: row.area_ids, result)
    _replace_links(pairs, "weaknesses", "areaofweakness_id", lambda row: row.weakness_ids, result)


def _replace_links(pairs, relation: str, column: str, wanted, result: ImportResult) -> None:
    through = getattr(Action, relation).through
    action_ids = [a.pk for a, _ in pairs]
    current: dict[int, set[int]] = {}
    for start in range(0, len(action_ids), 5000):
        for action_id, target in through.objects.filter(
            action_id__in=action_ids[start : start + 5000]
        ).values_list("action_id", column):
            current.setdefault(action_id, set()).add(target)
    stale, new = [], []
    for action, row in pairs:
        want = set(wanted(row))
        have = current.get(action.pk, set())
        if want != have:
            stale.append(action.pk)
            new.extend(through(action_id=action.pk, **{column: t}) for t in want)
    for start in range(0, len(stale), 5000):
        through.objects.filter(action_id__in=stale[start : start + 5000]).delete()
    through.objects.bulk_create(new, batch_size=2000)


RAG_WORDS = ", ".join(label.lower() for _v, label in RAG.choices)
