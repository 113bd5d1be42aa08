"""Reading a CSV of services: every bad row reported (row, column, reason), nothing saved on error.

Validation is a pure step over the file (read by the one tabular reader,
``send_portal.core.tabular``) and the reference vocabularies; saving is done by
``services.services_import`` only when validation found no problem at all.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from send_portal.core.tabular import CSV, RowError, TableFileError, parse_date, read_table
from send_portal.core.validators import validate_web_address

from .models import MAX_AGE, MIN_AGE, Service

# The columns, in the order the template file gives them (README "The Local Offer").
COLUMNS = [
    "organisation",
    "name",
    "description",
    "categories",
    "needs",
    "areas",
    "min_age",
    "max_age",
    "cost",
    "fees",
    "status",
    "url",
    "email",
    "access",
    "referral_by",
    "assured_date",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
    "location_name",
    "location_address",
    "location_town",
    "location_postcode",
]
REQUIRED_COLUMNS = ["organisation", "name", "description", "categories"]
MAX_ROWS = 5000
MAX_LENGTHS = {
    "organisation": 200,
    "name": 200,
    "fees": 300,
    "referral_by": 300,
    "url": 200,
    "email": 254,
    "contact_name": 150,
    "contact_title": 150,
    "contact_email": 254,
    "contact_phone": 40,
    "location_name": 200,
    "location_address": 300,
    "location_town": 100,
    "location_postcode": 10,
}
COLUMN_WORDS = {
    "organisation": "organisation",
    "name": "service name",
    "description": "description",
    "categories": "categories",
    "fees": "cost details",
    "referral_by": "who can refer",
    "url": "website",
    "email": "email address",
    "contact_name": "contact's name",
    "contact_title": "contact's job title",
    "contact_email": "contact's email address",
    "contact_phone": "contact's phone number",
    "location_name": "location's name",
    "location_address": "location's address",
    "location_town": "location's town",
    "location_postcode": "location's postcode",
}
STATUS_WORDS = {
    "active": Service.Status.ACTIVE,
    "temporarily closed": Service.Status.TEMPORARILY_CLOSED,
    "inactive": Service.Status.INACTIVE,
}
ACCESS_WORDS = {
    "self-referral": Service.Access.SELF_REFERRAL,
    "referral": Service.Access.REFERRAL,
    "either": Service.Access.EITHER,
}
COST_WORDS = {"free": Service.Cost.FREE, "charge": Service.Cost.CHARGE}


@dataclass
class ServiceRow:
    row: int
    organisation: str
    name: str
    description: str
    category_ids: list[int]
    need_ids: list[int]
    area_ids: list[int]
    min_age: int
    max_age: int
    cost: str
    fees: str
    status: str
    url: str
    email: str
    access: str
    referral_by: str
    assured_date: date | None
    contact: dict[str, str] | None
    location: dict[str, str] | None


@dataclass
class ParsedFile:
    rows: list[ServiceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _age(value: str, default: int) -> int | None:
    if value == "":
        return default
    if not value.isdigit() or not MIN_AGE <= int(value) <= MAX_AGE:
        return None
    return int(value)


def parse_services_csv(
    content: bytes,
    *,
    categories: dict[str, int],
    needs: dict[str, int],
    areas: dict[str, int],
    today: date,
) -> ParsedFile:
    """Check every row of the file. Vocabularies map lower-case names (and slugs) to ids."""
    result = ParsedFile()
    try:
        table = read_table(
            content, columns=COLUMNS, required=REQUIRED_COLUMNS, formats=(CSV,), what="services"
        )
    except TableFileError as exc:
        result.errors.append(exc.as_row_error())
        return result
    if len(table.rows) > MAX_ROWS:
        result.errors.append(
            RowError(
                table.rows[MAX_ROWS].number,
                "",
                f"The file has more than {MAX_ROWS:,} services. Split it.",
            )
        )
        return result
    seen: dict[tuple[str, str], int] = {}
    url_ok, email_ok = validate_web_address, EmailValidator()
    for line in table.rows:
        number = line.number
        if line.extra:
            result.errors.append(
                RowError(number, "", "This row has more cells than there are columns")
            )
            continue
        cell = {c: str(line.values.get(c, "")).strip() for c in COLUMNS}
        errors: list[RowError] = []

        def bad(column: str, message: str, errors=errors, number=number) -> None:
            errors.append(RowError(number, column, message))

        for column in REQUIRED_COLUMNS:
            if not cell[column]:
                bad(column, f"Enter the {COLUMN_WORDS[column]}")
        for column, limit in MAX_LENGTHS.items():
            if len(cell[column]) > limit:
                bad(column, f"The {COLUMN_WORDS[column]} must be {limit} characters or fewer")
        key = (cell["organisation"].lower(), cell["name"].lower())
        if cell["organisation"] and cell["name"]:
            if key in seen:
                bad("name", f"This service is already in the file at row {seen[key]}")
            else:
                seen[key] = number

        def lookup(column: str, vocabulary: dict[str, int], word: str, cell=cell) -> list[int]:
            ids = []
            for name in _split(cell[column]):
                if name.lower() in vocabulary:
                    ids.append(vocabulary[name.lower()])
                else:
                    bad(column, f'There is no {word} called "{name}"')
            return ids

        category_ids = lookup("categories", categories, "category")
        need_ids = lookup("needs", needs, "area of need")
        area_ids = lookup("areas", areas, "area")
        min_age = _age(cell["min_age"], MIN_AGE)
        max_age = _age(cell["max_age"], MAX_AGE)
        if min_age is None:
            bad("min_age", f"The youngest age must be a whole number from {MIN_AGE} to {MAX_AGE}")
        if max_age is None:
            bad("max_age", f"The oldest age must be a whole number from {MIN_AGE} to {MAX_AGE}")
        if min_age is not None and max_age is not None and min_age > max_age:
            bad("max_age", "The oldest age must be the same as or more than the youngest age")
        cost = COST_WORDS.get(cell["cost"].lower() or "free")
        if cost is None:
            bad("cost", 'The cost must be "free" or "charge"')
        status = STATUS_WORDS.get(cell["status"].lower() or "active")
        if status is None:
            bad("status", 'The status must be "active", "temporarily closed" or "inactive"')
        access = ACCESS_WORDS.get(cell["access"].lower() or "self-referral")
        if access is None:
            bad("access", 'How to access must be "self-referral", "referral" or "either"')
        elif access == Service.Access.REFERRAL and not cell["referral_by"]:
            bad("referral_by", "Enter who can refer to this service")
        for column, validator, example in (
            ("url", url_ok, "like https://www.example.org"),
            ("email", email_ok, "like name@example.org"),
            ("contact_email", email_ok, "like name@example.org"),
        ):
            if cell[column]:
                try:
                    validator(cell[column])
                except ValidationError:
                    bad(
                        column, f"Enter the {COLUMN_WORDS[column]} in the correct format, {example}"
                    )
        assured = None
        if cell["assured_date"]:
            assured = parse_date(cell["assured_date"])
            if assured is None:
                bad(
                    "assured_date",
                    "The date last checked must be a real date, like 2026-03-31 or 31/03/2026",
                )
            else:
                if assured > today:
                    bad("assured_date", "The date last checked must be today or in the past")
        contact = {k: cell[f"contact_{k}"] for k in ("name", "title", "email", "phone")}
        if any(contact.values()) and not contact["name"]:
            bad("contact_name", "Enter the contact's name, or leave all the contact columns empty")
        location = {k: cell[f"location_{k}"] for k in ("name", "address", "town", "postcode")}
        if any(location.values()) and not location["name"]:
            bad(
                "location_name",
                "Enter the location's name, or leave all the location columns empty",
            )
        if errors:
            result.errors.extend(errors)
            continue
        result.rows.append(
            ServiceRow(
                row=number,
                organisation=cell["organisation"],
                name=cell["name"],
                description=cell["description"],
                category_ids=category_ids,
                need_ids=need_ids,
                area_ids=area_ids,
                min_age=min_age,
                max_age=max_age,
                cost=cost,
                fees=cell["fees"],
                status=status,
                url=cell["url"],
                email=cell["email"],
                access=access,
                referral_by=cell["referral_by"],
                assured_date=assured,
                contact=contact if any(contact.values()) else None,
                location=location if any(location.values()) else None,
            )
        )
    return result
