"""Import actions from the spreadsheets councils already keep (CSV or XLSX).

Columns (a header row, any order): ``programme, workstream_code, workstream_title, weakness,
ref, title, owner, areas, start, due, status, rag, evidence``.

All or nothing: ``validate`` reads every row and reports every problem (row, column, reason);
``import_actions`` saves nothing unless there are none. Re-importing updates the actions it
finds by programme + ref, so the same file twice changes nothing the second time.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models.functions import Lower
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from send_portal.core.dates import today
from send_portal.core.models import Area, User
from send_portal.core.rag import RAG, parse_rag
from send_portal.core.tabular import DATE_HELP, TableFileError, parse_date
from send_portal.core.tabular import RowError as RowProblem
from send_portal.core.tabular import read_table as read_tabular

from .models import Action, Programme, Workstream
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


@dataclass
class _Lookups:
    programmes: dict[str, Programme]
    areas: dict[str, Area]
    users: dict[str, int]
    weaknesses: dict[int, dict[int, int]]  # programme id → {number: weakness id}

    @classmethod
    def load(cls) -> "_Lookups":
        programmes = {}
        for programme in Programme.objects.all():
            programmes[programme.name.strip().lower()] = programme
            programmes.setdefault(programme.slug.lower(), programme)
        areas = {a.name.strip().lower(): a for a in Area.objects.all()}
        users = {}
        for pk, email, name in User.objects.filter(is_active=True).values_list(
            "pk", "email", Lower("full_name")
        ):
            users[email.lower()] = pk
            users.setdefault(name.strip(), pk)
        weaknesses: dict[int, dict[int, int]] = {}
        from inspections.models import AreaOfWeakness

        for programme in programmes.values():
            if programme.inspection_id and programme.pk not in weaknesses:
                weaknesses[programme.pk] = dict(
                    AreaOfWeakness.objects.filter(
                        inspection_id=programme.inspection_id
                    ).values_list("number", "pk")
                )
        return cls(programmes, areas, users, weaknesses)


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
                    f"The programmes are: {names or '(none yet: an administrator adds them)'}",
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
                    f"{programme.name} is not linked to an inspection, so it has no areas of "
                    "weakness. Leave the column empty",
                )
            else:
                for part in weakness_text.replace(",", ";").split(";"):
                    part = part.strip()
                    if not part:
                        continue
                    if not part.isdigit() or int(part) not in numbers:
                        problem(
                            "weakness",
                            f'"{part}" is not the number of an area of weakness. Use one of '
                            f"{', '.join(str(n) for n in sorted(numbers))}, separated by ;",
                        )
                    else:
                        weakness_ids.append(numbers[int(part)])

        evidence = str(values.get("evidence", "")).strip()
        if status == ActionStatus.COMPLETED and not evidence:
            problem("evidence", COMPLETED_NEEDS_EVIDENCE)

        if row_problems:
            problems.extend(row_problems)
            continue
        owner = str(values.get("owner", "")).strip()
        owner_id = lookups.users.get(owner.lower()) if owner else None
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
                owner_name="" if owner_id else owner,
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


def import_actions(*, name: str, data: bytes, by=None, on: date | None = None) -> ImportResult:
    """Read, check and (only if every row is right) save the actions in one transaction.

    Raises ``ImportFileError`` when the file itself cannot be read.
    """
    on = on or today()
    _header, table = read_table(name=name, data=data)
    rows, problems = validate(table, on=on)
    result = ImportResult(problems=problems)
    if problems:
        return result
    with transaction.atomic():
        _save(rows, result, by=by, source=name)
    return result


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
        elif row.workstream_title and workstream.title != row.workstream_title:
            workstream.title = row.workstream_title
            workstream.save(update_fields=["title"])

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
