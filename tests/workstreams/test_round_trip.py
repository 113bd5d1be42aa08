"""Exporting the action list and importing the file unchanged changes nothing (CSV and XLSX)."""

import csv
import datetime
import io

import pytest
from django.core import serializers
from openpyxl import load_workbook

from send_portal.core.rag import RAG
from workstreams.exports import escape_csv_cell, unescape_cell
from workstreams.importer import import_actions
from workstreams.models import Action
from workstreams.status import ActionStatus

from .factories import ActionFactory

pytestmark = pytest.mark.django_db

TITLES = [
    "=SUM(A1:A3) is not a formula",
    "+1 more place in special schools",
    "-20% waiting times",
    "@SENCO network",
    "\tIndented title",
    "'Quoted' title",
    "Plain title",
]


@pytest.fixture
def tricky_actions(workstream, officer, area_ne):
    today = datetime.date.today()
    for n, title in enumerate(TITLES, start=1):
        ActionFactory(workstream=workstream, ref=f"T.{n}", title=title, areas=[area_ne])
    # An override that equals the suggestion today, with its written reason.
    ActionFactory(
        workstream=workstream,
        ref="T.99",
        title="Overridden",
        owner=officer,
        status=ActionStatus.ON_TARGET,
        start_date=today - datetime.timedelta(days=10),
        due_date=today + datetime.timedelta(days=100),
        rag_override=RAG.GREEN,
        rag_override_reason="Agreed at the board: on track",
    )


def _state():
    actions = Action.objects.order_by("pk")
    return serializers.serialize("json", actions), Action.history.count()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unchanged_export_imports_with_nothing_updated(client_for, tricky_actions, fmt):
    response = client_for("officer").get(f"/actions/export.{fmt}")
    before = _state()
    result = import_actions(name=f"actions.{fmt}", data=response.content)
    assert result.ok, result.problems
    assert (result.created, result.updated) == (0, 0)
    assert _state() == before  # titles, overrides, reasons and history all as they were
    kept = Action.objects.get(ref="T.99")
    assert (kept.rag_override, kept.rag_override_reason) == (
        RAG.GREEN,
        "Agreed at the board: on track",
    )
    assert sorted(Action.objects.values_list("title", flat=True)) == sorted([*TITLES, "Overridden"])


def test_csv_escapes_only_cells_that_would_start_a_formula(client_for, tricky_actions):
    text = client_for("officer").get("/actions/export.csv").content.decode("utf-8-sig")
    titles = {row["ref"]: row["title"] for row in csv.DictReader(io.StringIO(text))}
    assert titles["T.1"] == "'=SUM(A1:A3) is not a formula"
    assert titles["T.2"] == "'+1 more place in special schools"
    assert titles["T.3"] == "'-20% waiting times"
    assert titles["T.4"] == "'@SENCO network"
    assert titles["T.5"] == "'\tIndented title"
    assert titles["T.6"] == "'Quoted' title"  # no formula: left as it is
    assert titles["T.7"] == "Plain title"


def test_xlsx_cells_are_text_not_formulas(client_for, tricky_actions):
    content = client_for("officer").get("/actions/export.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(min_row=2))
    cells = {row[4].value: row[5] for row in rows}
    assert cells["T.1"].value == "=SUM(A1:A3) is not a formula"
    assert cells["T.1"].data_type == "s"
    assert cells["T.3"].value == "-20% waiting times"


@pytest.mark.parametrize("text", [*TITLES, "'", "", "'=", "'''=x", "x'=y"])
def test_escaping_and_unescaping_are_inverse(text):
    assert unescape_cell(escape_csv_cell(text)) == text
