"""An indicator's RAG, from its latest value against its target and direction (a pure function).

The rule, as the indicator page explains it:

- monitoring only: grey, never rated;
- no values yet, or no target: not rated;
- the latest value meets the target or is better (higher when higher is better, lower when lower
  is better): green;
- it misses the target by no more than a tenth of the target: amber;
- it misses by more: red.
"""

from dataclasses import dataclass
from decimal import Decimal

from send_portal.core.rag import RAG

AMBER_BAND = Decimal("0.10")  # a miss within 10% of the target is amber, beyond it red


@dataclass(frozen=True)
class IndicatorRating:
    rag: str | None  # None: not rated
    reason: str


def indicator_rag(
    *,
    latest: Decimal | None,
    target: Decimal | None,
    higher_is_better: bool,
    monitoring_only: bool,
) -> IndicatorRating:
    if monitoring_only:
        return IndicatorRating(RAG.GREY, "Monitoring only: watched, never RAG-rated")
    if latest is None:
        return IndicatorRating(None, "Not rated: no values yet")
    if target is None:
        return IndicatorRating(None, "Not rated: no target set")
    latest, target = Decimal(latest), Decimal(target)
    shortfall = (target - latest) if higher_is_better else (latest - target)
    if shortfall <= 0:
        return IndicatorRating(RAG.GREEN, "Meets or beats the target")
    if shortfall <= abs(target) * AMBER_BAND:
        return IndicatorRating(RAG.AMBER, "Misses the target by no more than 10% of it")
    return IndicatorRating(RAG.RED, "Misses the target by more than 10% of it")
