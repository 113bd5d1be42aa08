"""Periods an indicator is measured over, read from what people type.

Each kind of period has one written form the portal keeps (left) and accepts a few others:

| kind | kept as | also accepted | first day |
| --- | --- | --- | --- |
| year | ``2018`` | | 1 January |
| academic year | ``2018/19`` | ``2018-19``, ``2018/2019``, ``2018 to 2019`` | 1 September 2018 |
| financial year | ``2018-19`` | ``2018/19``, ``2018-2019``, ``2018 to 2019`` | 1 April 2018 |
| term | ``Autumn 2018`` | ``autumn 2018`` | 1 Sep, 1 Jan (Spring), 1 Apr (Summer) |
| quarter | ``2019 Q1`` | ``Q1 2019``, ``2019-Q1`` (calendar quarters: Q1 is January to March) | |
| month | ``March 2019`` | ``2019-03``, ``Mar 2019``, ``03/2019`` | 1st of the month |
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date


class PeriodError(ValueError):
    """The text is not a period of the kind expected; the message says what is."""


@dataclass(frozen=True)
class Period:
    label: str
    start: date

    def __str__(self) -> str:
        return self.label  # as the form shows it, so an edit form compares it with the saved one


EXAMPLES: dict[str, str] = {
    "year": "2018",
    "academic_year": "2018/19",
    "financial_year": "2018-19",
    "term": "Autumn 2018",
    "quarter": "2019 Q1",
    "month": "March 2019",
}

_TERMS = {"autumn": 9, "spring": 1, "summer": 4}
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_YEAR_PAIR = re.compile(r"^(\d{4})\s*(?:/|-|to)\s*(\d{2}|\d{4})$")


def _year(text: str) -> int:
    year = int(text)
    if not 1990 <= year <= 2100:
        raise PeriodError(f"{year} is not a year the programme could have measured")
    return year


def _year_pair(text: str, kind_name: str, example: str) -> int:
    match = _YEAR_PAIR.match(text)
    if not match:
        raise PeriodError(f"Enter the {kind_name} like {example}")
    first = _year(match.group(1))
    second = match.group(2)
    matches = int(second) == first + 1 if len(second) == 4 else int(second) == (first + 1) % 100
    if not matches:
        raise PeriodError(f"The {kind_name} must run over two years in a row, like {example}")
    return first


def parse_period(text: str, kind: str) -> Period:
    """The period ``text`` names, for an indicator measured in periods of ``kind``."""
    text = " ".join((text or "").split())
    if not text:
        raise PeriodError("Enter the period")
    example = EXAMPLES[kind]
    lowered = text.lower()
    if kind == "year":
        if not re.fullmatch(r"\d{4}", text):
            raise PeriodError(f"Enter the year as 4 digits, like {example}")
        year = _year(text)
        return Period(str(year), date(year, 1, 1))
    if kind == "academic_year":
        first = _year_pair(lowered, "academic year", example)
        return Period(f"{first}/{(first + 1) % 100:02d}", date(first, 9, 1))
    if kind == "financial_year":
        first = _year_pair(lowered, "financial year", example)
        return Period(f"{first}-{(first + 1) % 100:02d}", date(first, 4, 1))
    if kind == "term":
        match = re.fullmatch(r"(autumn|spring|summer)\s+(\d{4})", lowered)
        if not match:
            raise PeriodError(f"Enter the term and year, like {example}")
        year = _year(match.group(2))
        return Period(f"{match.group(1).title()} {year}", date(year, _TERMS[match.group(1)], 1))
    if kind == "quarter":
        match = re.fullmatch(r"(\d{4})\s*-?\s*q([1-4])", lowered) or re.fullmatch(
            r"q([1-4])\s+(\d{4})", lowered
        )
        if not match:
            raise PeriodError(f"Enter the quarter like {example}")
        groups = match.groups()
        year_text, quarter = (groups[0], groups[1]) if len(groups[0]) == 4 else groups[::-1]
        year, q = _year(year_text), int(quarter)
        return Period(f"{year} Q{q}", date(year, 3 * (q - 1) + 1, 1))
    if kind == "month":
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", lowered)
        if match:
            year, month = _year(match.group(1)), int(match.group(2))
        elif match := re.fullmatch(r"(\d{1,2})/(\d{4})", lowered):
            year, month = _year(match.group(2)), int(match.group(1))
        elif (match := re.fullmatch(r"([a-z]+)\s+(\d{4})", lowered)) and match.group(1) in _MONTHS:
            year, month = _year(match.group(2)), _MONTHS[match.group(1)]
        else:
            raise PeriodError(f"Enter the month and year, like {example}")
        if not 1 <= month <= 12:
            raise PeriodError(f"Enter a month from 1 to 12, like {example}")
        return Period(f"{calendar.month_name[month]} {year}", date(year, month, 1))
    raise PeriodError(f"Unknown kind of period: {kind}")
