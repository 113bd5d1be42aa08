"""Official statistics in: an Explore Education Statistics (EES) tidy CSV or an OHID
Fingertips CSV, read into one figure per period for the council with its comparators.

EES tidy files start with ``time_period, time_identifier, geographic_level, country_code,
country_name, region_code, region_name, old_la_code, new_la_code, la_name`` (the order of the
geography columns varies between publications, so they are found by name), then filter
columns, then indicator columns. Fingertips files have ``Indicator ID, Indicator Name, Parent
Code, Parent Name, Area Code, Area Name, Area Type, ..., Time period, Value, ...``.

For each period the council's value (its ``new_la_code`` / ``Area Code``), its region's (the
region of the council's own rows), England's, the mean of its statistical neighbours (with how
many had a value) and, when the period holds every local authority, the council's rank and
quartile (1 is the best; lower-is-better indicators ranked accordingly).

A pure function over text: every problem is reported by row (the header is row 1) and column;
the service saves nothing unless there is none.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from send_portal.core.tabular import CSV, RowError, TableFileError, read_rows

from .imports import MAX_VALUE
from .periods import PeriodError, parse_period

MAX_BYTES = 20_000_000
MAX_ERRORS = 200

# Symbols the statistics use instead of a number (EES's and the GSS's), and what they mean.
SUPPRESSION = {
    "c": "confidential (suppressed to protect confidentiality)",
    "x": "not available",
    "z": "not applicable",
    "low": "rounds to zero but is not zero",
    "u": "low reliability",
    ":": "not available",
    "": "not given in the file",
}

EES_GEOGRAPHY = ["time_period", "time_identifier", "geographic_level"]
EES_LA_COLUMNS = ["new_la_code", "region_code"]
EES_TIME = {
    "academic year": "academic_year",
    "calendar year": "year",
    "financial year": "financial_year",
}
FINGERTIPS_REQUIRED = ["Area Code", "Area Type", "Time period", "Value"]
ENGLAND_CODE = "E92000001"
LA_CODE_PREFIXES = ("E06", "E08", "E09", "E10")  # unitary, metropolitan, London, county


@dataclass(frozen=True)
class Figure:
    number: Decimal | None
    symbol: str | None  # the suppression symbol when number is None


@dataclass
class PeriodFigures:
    label: str
    start: date
    council: Figure
    region: Figure | None = None
    england: Figure | None = None
    neighbours_mean: Decimal | None = None
    neighbours_with_value: int = 0
    neighbours_total: int = 0
    rank: int | None = None
    rank_of: int | None = None
    quartile: int | None = None


@dataclass
class OfficialFile:
    periods: list[PeriodFigures] = field(default_factory=list)
    region_name: str = ""
    la_name: str = ""
    rows_used: int = 0


def parse_where(items: list[str]) -> tuple[dict[str, str], list[str]]:
    """``["COLUMN=VALUE", ...]`` as a dict, and the problems with any item."""
    filters, problems = {}, []
    for item in items:
        column, sep, value = item.partition("=")
        if not sep or not column.strip():
            problems.append(f"“{item}” is not a filter: write it as COLUMN=VALUE")
        else:
            filters[column.strip()] = value.strip()
    return filters, problems


def ees_period(time_period: str, time_identifier: str, period_kind: str):
    """The period of an EES row: "202223" + "Academic year" → 2022/23 (first day 1 Sep 2022)."""
    text, identifier = time_period.strip(), " ".join(time_identifier.split()).lower()
    kind = EES_TIME.get(identifier)
    if kind is None:
        raise PeriodError(
            f"“{time_identifier}” periods cannot be read: use a file of academic, calendar or "
            "financial years"
        )
    if kind != period_kind:
        raise PeriodError(
            f"The file gives {identifier}s but the indicator's periods are "
            f"{period_kind.replace('_', ' ')}s: choose another file or indicator"
        )
    if kind == "year":
        return parse_period(text, "year")
    if len(text) != 6 or not text.isdigit():
        raise PeriodError(f"“{text}” is not a {identifier}: EES writes them like 202223")
    return parse_period(f"{text[:4]}/{text[4:]}", kind)


def _figure(text: str) -> tuple[Figure | None, str | None]:
    cell = (text or "").strip()
    if cell.lower() in SUPPRESSION:
        return Figure(None, cell.lower()), None
    try:
        number = Decimal(cell.replace(",", "").removesuffix("%"))
    except InvalidOperation:
        return None, (f"“{cell}” is neither a number nor a suppression symbol (c, x, z, low, u, :)")
    if not number.is_finite() or abs(number) > MAX_VALUE:
        return None, f"“{cell}” is not a number the portal can keep"
    return Figure(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), None), None


@dataclass
class _Row:
    row: int
    level: str  # "la", "region", "england", "other"
    code: str
    region_code: str
    name: str
    region_name: str
    period_label: str
    period_start: date
    figure: Figure


def _read(data: bytes) -> tuple[list[str], list[tuple[int, dict]]] | RowError:
    """The header and the rows as {column: cell}, read by the one tabular reader."""
    try:
        rows = read_rows(data, formats=(CSV,))
    except TableFileError as exc:
        return exc.as_row_error()
    (_number, header_cells), body = rows[0], rows[1:]
    header = [str(h).strip() for h in header_cells]
    width = len(header)
    table = []
    for number, cells in body:
        values = {h: str(cells[i]) if i < len(cells) else "" for i, h in enumerate(header) if h}
        if any(str(c).strip() for c in cells[width:]):
            values[None] = cells[width:]  # more cells than the header: reported by row
        table.append((number, values))
    return header, table


def parse_official_csv(
    data: bytes,
    *,
    file_format: str,
    value_column: str,
    filters: dict[str, str],
    la_code: str,
    neighbours: list[str],
    period_kind: str,
    higher_is_better: bool,
    rank_min: int,
) -> tuple[OfficialFile | None, list[RowError]]:
    """The figures per period, or every problem found (then no figures)."""
    read = _read(data)
    if isinstance(read, RowError):
        return None, [read]
    header, rows = read
    errors: list[RowError] = []
    fingertips = file_format == "fingertips"
    required = FINGERTIPS_REQUIRED if fingertips else [*EES_GEOGRAPHY, *EES_LA_COLUMNS]
    missing = [c for c in required if c not in header]
    if value_column not in header:
        missing.append(value_column)
    missing += [c for c in filters if c not in header and c not in missing]
    if missing:
        kind = "OHID Fingertips" if fingertips else "Explore Education Statistics tidy"
        return None, [
            RowError(
                1,
                column,
                f"The file has no column “{column}”"
                + (
                    f": is it the {kind} file? Its columns are: {', '.join(header[:40])}"
                    if column in required
                    else f". Its columns are: {', '.join(header[:40])}"
                ),
            )
            for column in missing
        ]
    if not la_code:
        return None, [
            RowError(0, "", "Set PORTAL_LA_CODE to the council's code, for example E10000016")
        ]

    wanted_filters = {k: v.lower() for k, v in filters.items()}
    kept: list[_Row] = []
    seen: dict[tuple, int] = {}
    for number, row in rows:
        if None in row:  # more cells than the header
            errors.append(RowError(number, "", "Has more cells than the header row has columns"))
            continue
        if any((row.get(c) or "").strip().lower() != v for c, v in wanted_filters.items()):
            continue
        if fingertips:
            code = (row.get("Area Code") or "").strip().upper()
            area_type = (row.get("Area Type") or "").strip().lower()
            if code == ENGLAND_CODE or area_type == "england":
                level = "england"
            elif area_type == "region" or code.startswith("E12"):
                level = "region"
            elif code.startswith(LA_CODE_PREFIXES):
                level = "la"
            else:
                level = "other"
            region_code = (row.get("Parent Code") or "").strip().upper()
            name = (row.get("Area Name") or "").strip()
            region_name = (row.get("Parent Name") or "").strip()
            try:
                period = parse_period(row.get("Time period") or "", period_kind)
            except PeriodError as exc:
                errors.append(RowError(number, "Time period", str(exc)))
                continue
        else:
            level = {
                "local authority": "la",
                "regional": "region",
                "national": "england",
            }.get((row.get("geographic_level") or "").strip().lower(), "other")
            code = (row.get("new_la_code") or "").strip().upper()
            region_code = (row.get("region_code") or "").strip().upper()
            if level == "region":
                code = region_code
            elif level == "england":
                code = (row.get("country_code") or ENGLAND_CODE).strip().upper()
            name = (row.get("la_name") or "").strip()
            region_name = (row.get("region_name") or "").strip()
            try:
                period = ees_period(
                    row.get("time_period") or "", row.get("time_identifier") or "", period_kind
                )
            except PeriodError as exc:
                errors.append(RowError(number, "time_period", str(exc)))
                continue
        if level == "other":
            continue
        figure, reason = _figure(row.get(value_column) or "")
        if reason:
            errors.append(RowError(number, value_column, reason))
            continue
        key = (period.start, level, code)
        if key in seen:
            errors.append(
                RowError(
                    number,
                    "",
                    f"A second row for {name or code or level} in {period.label} (also row "
                    f"{seen[key]}): add --where COLUMN=VALUE filters so one row is left for each "
                    "area and period",
                )
            )
            continue
        seen[key] = number
        kept.append(
            _Row(
                number,
                level,
                code,
                region_code,
                name,
                region_name,
                period.label,
                period.start,
                figure,
            )
        )
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        return None, errors

    council_rows = [r for r in kept if r.level == "la" and r.code == la_code]
    if not council_rows:
        return None, [
            RowError(
                0,
                "new_la_code" if not fingertips else "Area Code",
                f"No row for the council ({la_code}, PORTAL_LA_CODE) is left"
                + (" after the filters" if filters else "")
                + ": check the code and the --where filters",
            )
        ]
    result = OfficialFile(la_name=council_rows[0].name, rows_used=len(kept))
    by_period: dict[date, list[_Row]] = defaultdict(list)
    for r in kept:
        by_period[r.period_start].append(r)
    neighbour_set = [n.upper() for n in neighbours]
    for council in sorted(council_rows, key=lambda r: r.period_start):
        in_period = by_period[council.period_start]
        figures = PeriodFigures(council.period_label, council.period_start, council.figure)
        region = next(
            (r for r in in_period if r.level == "region" and r.code == council.region_code), None
        )
        if region is not None:
            figures.region = region.figure
            result.region_name = result.region_name or region.name or region.region_name
        elif council.region_name:
            result.region_name = result.region_name or council.region_name
        england = next((r for r in in_period if r.level == "england"), None)
        figures.england = england.figure if england else None
        las = {r.code: r for r in in_period if r.level == "la"}
        values = [
            las[code].figure.number
            for code in neighbour_set
            if code in las and las[code].figure.number is not None
        ]
        figures.neighbours_total = len(neighbour_set)
        figures.neighbours_with_value = len(values)
        if values:
            figures.neighbours_mean = (sum(values) / len(values)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
        numbered = [r.figure.number for r in las.values() if r.figure.number is not None]
        if len(las) >= rank_min and council.figure.number is not None:
            mine = council.figure.number
            better = sum(1 for v in numbered if (v > mine if higher_is_better else v < mine))
            figures.rank = better + 1
            figures.rank_of = len(numbered)
            figures.quartile = min(4, math.ceil(4 * figures.rank / len(numbered)))
        result.periods.append(figures)
    return result, []


def parse_neighbour_table(
    header: list[str], rows: list[tuple[int, list[str]]], *, la_code: str
) -> tuple[list[tuple[str, str]], list[RowError]]:
    """The council's neighbours, in order, from the statistical neighbour workbook's layout:
    one row per local authority (its code in a column named like "new_la_code", "LA code" or
    "ONS code"), then its neighbours' codes in order (columns "SN1", "SN2", ... or
    "Neighbour 1", ...). Returns [(code, name)] and the problems."""
    names = [h.strip().lower() for h in header]
    code_columns = [
        i for i, h in enumerate(names) if h in {"new_la_code", "la code", "ons code", "la_code"}
    ]
    neighbour_columns = [
        i
        for i, h in enumerate(names)
        if h.replace(" ", "").startswith(("sn", "neighbour", "statisticalneighbour"))
        and any(ch.isdigit() for ch in h)
        and "name" not in h
    ]
    if not code_columns or not neighbour_columns:
        return [], [
            RowError(
                1,
                "",
                "The first row must name a column of local authority codes (new_la_code, "
                "LA code or ONS code) and the neighbour columns in order (SN1, SN2, ...)",
            )
        ]
    code_at = code_columns[0]
    for number, cells in rows:
        padded = cells + [""] * (len(header) - len(cells))
        if padded[code_at].strip().upper() != la_code:
            continue
        found, errors = [], []
        for i in neighbour_columns:
            code = padded[i].strip().upper()
            if not code:
                continue
            if len(code) != 9 or not code[0].isalpha() or not code[1:].isdigit():
                errors.append(RowError(number, header[i], f"“{code}” is not a 9-character code"))
            else:
                found.append((code, ""))
        if not found and not errors:
            errors.append(RowError(number, "", "The council's row names no neighbours"))
        return found, errors
    return [], [RowError(0, "", f"The file has no row for the council ({la_code})")]
