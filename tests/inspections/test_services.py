"""Services refuse what would corrupt the record."""

import pytest

from inspections.services import judgement_record
from tests.inspections.factories import AreaOfWeaknessFactory, RevisitFactory

pytestmark = pytest.mark.django_db


def test_a_judgement_needs_a_revisit_of_the_weaknesses_inspection():
    revisit = RevisitFactory()
    stranger = AreaOfWeaknessFactory()
    with pytest.raises(ValueError, match="belongs to a revisit"):
        judgement_record(
            revisit=revisit, weakness=stranger, sufficient_progress=True, inspectors_words=""
        )
    with pytest.raises(ValueError, match="belongs to a revisit"):
        judgement_record(
            revisit=revisit.revisit_of,
            weakness=AreaOfWeaknessFactory(inspection=revisit.revisit_of),
            sufficient_progress=True,
            inspectors_words="",
        )
