"""Reading an indicator's values from CSV: every bad row is reported, nothing half-read.

The columns are exactly ``period, value, region, statistical_neighbours, england, area``.
``period`` and ``value`` are required; the comparators and ``area`` may be blank (a blank area
is the whole local area). A pure function over the file's bytes, read by the one tabular reader
(``send_portal.core.tabular``): the service saves the rows only when there is no error at all.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from send_portal.core.meaning import value_problem
from send_portal.core.tabular import CSV, RowError, TableFileError, read_table

from .periods import PeriodError, parse_period

COLUMNS = ["period", "value", "region", "statistical_neighbours", "england", "area"]
MAX_ROWS = 5000
MAX_VALUE = Decimal("9999999999.99")


@dataclass(frozen=True)
class ValueRow:
    row: int
    period: str
    period_start: object
    value: Decimal
    region: Decimal | None
    statistical_neighbours: Decimal | None
    england: Decimal | None
    area_id: int | None


def parse_number(
    text: str, *, required: bool, column: str, unit: str | None = None
) -> tuple[Decimal | None, str | None]:
    """A figure from a cell ("11.7" or "11.7%"); returns (number, reason it is wrong).

    With the indicator's ``unit`` the figure is also checked by meaning (a percentage is 0 to
    100, a count whole and not negative, days and weeks not negative)."""
    text = (text or "").strip().removesuffix("%").replace(",", "").strip()
    if not text:
        name = column.replace("_", " ")
        return None, (f"Enter the {name[:1].lower()}{name[1:]}" if required else None)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, f"“{text}” is not a number"
    if not number.is_finite():
        return None, f"“{text}” is not a number"
    if abs(number) > MAX_VALUE:
        return None, "The number is too large"
    if number.as_tuple().exponent < -2:
        return None, "Use no more than 2 decimal places"
    if unit and (problem := value_problem(number, unit=unit, label=column.replace("_", " "))):
        return None, problem
    return number, None


def parse_indicator_csv(
    data: bytes, *, period_kind: str, areas: dict[str, int], unit: str | None = None
) -> tuple[list[ValueRow], list[RowError]]:
    """Rows and errors from a CSV file's bytes. ``areas`` maps lower-case area names and slugs to ids."""
    try:
        table = read_table(data, columns=COLUMNS, ordered=True, formats=(CSV,), what="values")
    except TableFileError as exc:
        return [], [exc.as_row_error()]
    if len(table.rows) > MAX_ROWS:
        return [], [RowError(MAX_ROWS + 2, "", f"The file has more than {MAX_ROWS} rows")]

    rows: list[ValueRow] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    for line in table.rows:
        number, cell = line.number, line.values
        if line.extra:
            errors.append(RowError(number, "", "This row has more cells than there are columns"))
            continue
        row_errors: list[RowError] = []
        period = None
        try:
            period = parse_period(cell["period"], period_kind)
        except PeriodError as exc:
            row_errors.append(RowError(number, "period", str(exc)))
        figures = {}
        for column in ("value", "region", "statistical_neighbours", "england"):
            figures[column], reason = parse_number(
                cell[column], required=column == "value", column=column, unit=unit
            )
            if reason:
                row_errors.append(RowError(number, column, reason))
        area_text = cell["area"].strip()
        area_id = None
        if area_text:
            area_id = areas.get(area_text.lower())
            if area_id is None:
                row_errors.append(
                    RowError(number, "area", f"“{area_text}” is not one of the portal's areas")
                )
        if period is not None and not any(e.column == "area" for e in row_errors):
            key = (period.start, area_id)
            if key in seen:
                row_errors.append(
                    RowError(
                        number, "period", f"{period.label} appears twice (also on row {seen[key]})"
                    )
                )
            else:
                seen[key] = number
        if row_errors:
            errors.extend(row_errors)
            continue
        rows.append(
            ValueRow(
                row=number,
                period=period.label,
                period_start=period.start,
                area_id=area_id,
                **figures,
            )
        )
    return (rows if not errors else []), errors
