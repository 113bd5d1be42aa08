"""The inspection readiness PDF: tagged (PDF/UA-1), its text is the evidence narrative."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from inspections.models import AreaOfWeakness

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_readiness_pdf_holds_the_narrative(settings, client_for):
    settings.DEBUG = True
    call_command("load_demo")
    weakness = AreaOfWeakness.objects.get(inspection__local_area="Surrey", number=4)
    response = client_for("board").get(
        reverse("inspections:weakness_readiness_pdf", args=[weakness.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = response.content
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]  # tagged, as PDF/UA-1 requires
    assert "/StructTreeRoot" in root
    text = _text(pdf)
    assert "Evidence narrative: area of weakness 4" in text
    assert "The relatively low identification of need at school support level" in text
    assert "% of pupils with special educational needs (SEN) support" in text
    # the chart's legend and the data table: seed 003's Figure 1
    for name in ["Surrey", "South East", "Statistical neighbours", "England"]:
        assert name in text
    for figure in ["11.7%", "11.4%", "10.78%", "10.29%"]:
        assert figure in text
    assert "Not rated: no target set" in text
