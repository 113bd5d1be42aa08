"""Values checked by what they mean: a percentage is 0 to 100, a count is a whole number and
not negative, days and weeks are not negative. Pure functions; the messages name the field and
the range allowed, in plain English ("Value must be between 0 and 100 for a percentage")."""

from decimal import Decimal

PERCENT, NUMBER, DAYS, WEEKS = "percent", "number", "days", "weeks"


def value_problem(number: Decimal | int | None, *, unit: str, label: str) -> str | None:
    """Why ``number`` cannot be a figure in ``unit`` (the indicator units), or ``None``."""
    if number is None:
        return None
    number = Decimal(number)
    name = label[:1].upper() + label[1:]
    if unit == PERCENT and not 0 <= number <= 100:
        return f"{name} must be between 0 and 100 for a percentage"
    if unit == NUMBER and (number < 0 or number != number.to_integral_value()):
        return f"{name} must be a whole number, 0 or more, for a count"
    if unit in {DAYS, WEEKS} and number < 0:
        return f"{name} must be 0 or more {unit}"
    return None
