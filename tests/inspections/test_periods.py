from datetime import date

import pytest

from inspections.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "kind", "label", "start"),
    [
        ("2016", "year", "2016", date(2016, 1, 1)),
        ("2018/19", "academic_year", "2018/19", date(2018, 9, 1)),
        ("2018-2019", "academic_year", "2018/19", date(2018, 9, 1)),
        ("2018 to 2019", "academic_year", "2018/19", date(2018, 9, 1)),
        ("2018/19", "financial_year", "2018-19", date(2018, 4, 1)),
        ("1999-00", "financial_year", "1999-00", date(1999, 4, 1)),
        ("autumn 2018", "term", "Autumn 2018", date(2018, 9, 1)),
        ("Spring 2019", "term", "Spring 2019", date(2019, 1, 1)),
        ("Q2 2019", "quarter", "2019 Q2", date(2019, 4, 1)),
        ("2019-Q4", "quarter", "2019 Q4", date(2019, 10, 1)),
        ("2019-03", "month", "March 2019", date(2019, 3, 1)),
        ("feb 2019", "month", "February 2019", date(2019, 2, 1)),
        ("  March   2018 ", "month", "March 2018", date(2018, 3, 1)),
    ],
)
def test_periods_are_read_and_kept_in_one_form(text, kind, label, start):
    period = parse_period(text, kind)
    assert (period.label, period.start) == (label, start)


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("", "year", "Enter the period"),
        ("16", "year", "Enter the year as 4 digits, like 2018"),
        ("2018/20", "academic_year", "The academic year must run over two years in a row"),
        ("Winter 2018", "term", "Enter the term and year, like Autumn 2018"),
        ("2019 Q5", "quarter", "Enter the quarter like 2019 Q1"),
        ("2019-13", "month", "Enter a month from 1 to 12"),
        ("Smarch 2019", "month", "Enter the month and year"),
        ("1850", "year", "1850 is not a year"),
    ],
)
def test_bad_periods_say_what_is_wrong(text, kind, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text, kind)
