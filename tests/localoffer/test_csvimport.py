"""CSV upload: all or nothing, every bad row reported with its row, column and reason."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from localoffer.csvimport import COLUMNS
from localoffer.models import Contact, Location, Organisation, Service
from localoffer.needs import ensure_areas_of_need
from localoffer.services import services_import
from tests.localoffer.factories import CategoryFactory, ServiceFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)
HEADER = ",".join(COLUMNS)


def row(**values) -> str:
    base = {
        "organisation": "IASK",
        "name": "Leaflet",
        "description": "A leaflet.",
        "categories": "Health and wellbeing",
    }
    base.update(values)
    cells = []
    for column in COLUMNS:
        value = str(base.get(column, ""))
        cells.append(f'"{value}"' if ("," in value or '"' in value) else value)
    return ",".join(cells)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


@pytest.fixture(autouse=True)
def vocabulary(area_ne, area_south):
    ensure_areas_of_need()
    CategoryFactory(name="Health and wellbeing")
    CategoryFactory(name="Support for children under 5")


def run(content: bytes):
    return services_import(content=content, today=TODAY)


def test_a_good_file_creates_services_with_everything(area_ne):
    result = run(
        csv_bytes(
            row(
                name="Portage",
                categories="Support for children under 5; health and wellbeing",
                needs="Cognition and learning;communication-and-interaction",
                areas="north east",
                min_age="0",
                max_age="5",
                cost="charge",
                fees="£5 a session",
                status="temporarily closed",
                url="https://portage.example",
                email="portage@provider.example",
                assured_date="31/03/2026",
                contact_name="Natalie Blower",
                contact_email="natalie@provider.example",
                contact_phone="03000 419555",
                location_name="Riverside Centre",
                location_postcode="ME14 1XX",
            ),
            row(name="Second leaflet"),
        )
    )
    assert result.ok and (result.created, result.updated) == (2, 0)
    portage = Service.objects.get(name="Portage")
    assert portage.organisation.name == "IASK"
    assert portage.categories.count() == 2 and portage.needs.count() == 2
    assert list(portage.areas.all()) == [area_ne]
    assert (portage.min_age, portage.max_age, portage.cost, portage.status) == (
        0,
        5,
        "charge",
        "temporarily closed",
    )
    assert portage.assured_date == date(2026, 3, 31)
    assert portage.contacts.get().phone == "03000 419555"
    assert portage.locations.get().postcode == "ME14 1XX"
    second = Service.objects.get(name="Second leaflet")
    assert (second.min_age, second.max_age, second.status, second.cost) == (0, 25, "active", "free")
    assert second.areas.count() == 0  # county-wide


def test_uploading_again_updates_instead_of_duplicating():
    run(csv_bytes(row(description="Old words", contact_name="Ann")))
    result = run(csv_bytes(row(description="New words", contact_name="Ann", contact_phone="1")))
    assert (result.created, result.updated) == (0, 1)
    service = Service.objects.get()
    assert service.description == "New words"
    assert Contact.objects.get().phone == "1"


BAD_ROWS = [
    ({"organisation": ""}, "organisation", "Enter the organisation"),
    ({"name": ""}, "name", "Enter the service name"),
    ({"description": ""}, "description", "Enter the description"),
    ({"categories": ""}, "categories", "Enter the categories"),
    ({"categories": "Cake"}, "categories", 'There is no category called "Cake"'),
    ({"needs": "Hunger"}, "needs", 'There is no area of need called "Hunger"'),
    ({"areas": "Atlantis"}, "areas", 'There is no area called "Atlantis"'),
    ({"min_age": "abc"}, "min_age", "The youngest age must be a whole number from 0 to 25"),
    ({"min_age": "-1"}, "min_age", "The youngest age must be a whole number from 0 to 25"),
    ({"max_age": "26"}, "max_age", "The oldest age must be a whole number from 0 to 25"),
    ({"max_age": "4.5"}, "max_age", "The oldest age must be a whole number from 0 to 25"),
    (
        {"min_age": "10", "max_age": "5"},
        "max_age",
        "The oldest age must be the same as or more than the youngest age",
    ),
    ({"cost": "cheap"}, "cost", 'The cost must be "free" or "charge"'),
    ({"status": "closed"}, "status", 'The status must be "active", "temporarily closed"'),
    ({"access": "sometimes"}, "access", 'How to access must be "self-referral", "referral"'),
    ({"access": "referral"}, "referral_by", "Enter who can refer to this service"),
    ({"url": "not a url"}, "url", "Enter the website in the correct format"),
    ({"url": "javascript:alert(1)"}, "url", "Enter the website in the correct format"),
    ({"email": "nobody"}, "email", "Enter the email address in the correct format"),
    ({"contact_name": "A", "contact_email": "x@"}, "contact_email", "in the correct format"),
    ({"assured_date": "31/02/2026"}, "assured_date", "must be a real date"),
    ({"assured_date": "tomorrow"}, "assured_date", "must be a real date"),
    ({"assured_date": "2027-01-01"}, "assured_date", "must be today or in the past"),
    ({"contact_email": "a@b.example"}, "contact_name", "Enter the contact's name"),
    ({"location_postcode": "ME1 1AA"}, "location_name", "Enter the location's name"),
    ({"name": "x" * 201}, "name", "must be 200 characters or fewer"),
    ({"location_postcode": "x" * 11, "location_name": "L"}, "location_postcode", "10 characters"),
]


@pytest.mark.parametrize(("values", "column", "message"), BAD_ROWS)
def test_each_bad_cell_is_reported_and_nothing_is_saved(values, column, message):
    result = run(
        csv_bytes(
            row(name="Good one"),
            row(**values) if "name" in values else row(name="Bad one", **values),
        )
    )
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert message in result.errors[0].reason
    assert not Service.objects.exists() and not Organisation.objects.exists()


def test_every_bad_row_is_reported_at_once():
    result = run(
        csv_bytes(
            row(name="A", min_age="x"),
            row(name="B"),
            row(name="C", categories="Cake", status="gone"),
            row(name="A"),
        )
    )
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "min_age"),
        (4, "categories"),
        (4, "status"),
        (5, "name"),
    ]
    assert "already in the file at row 2" in result.errors[-1].reason
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (HEADER.encode() + b"\n", "The file has a header row but no services"),
        (b"name,description\nA,B\n", "missing the columns organisation, categories"),
        (csv_bytes(row(), header=HEADER + ",colour"), "an unknown column colour"),
        (
            csv_bytes(header="name,name,organisation,description,categories"),
            "the column name more than once",
        ),
        ("organisation,name\n".encode("utf-16"), "Save it as CSV UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "not a CSV file: it looks like a binary file"),
    ],
)
def test_whole_file_problems(content, message):
    result = run(content)
    assert not result.ok
    assert message in result.errors[0].reason
    assert not Service.objects.exists()


def test_a_row_with_too_many_cells():
    result = run(csv_bytes(row() + ",extra"))
    assert result.errors[0].row == 2 and "more cells" in result.errors[0].reason


def test_excel_bom_and_header_case_are_accepted():
    content = "\ufeff".encode() + csv_bytes(row(), header=HEADER.upper())
    assert run(content).ok


def test_blank_lines_are_skipped():
    assert run(csv_bytes(row(name="A"), ",,,,", row(name="B"))).created == 2


def test_existing_services_are_untouched_when_the_file_is_bad():
    existing = ServiceFactory(name="Leaflet", organisation__name="IASK", description="Keep me")
    run(csv_bytes(row(description="Changed"), row(name="Broken", max_age="99")))
    existing.refresh_from_db()
    assert existing.description == "Keep me"


def upload(client, content: bytes, name: str = "services.csv"):
    return client.post(
        reverse("localoffer:import"), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def test_upload_page_lists_every_problem(client_for):
    client = client_for("officer")
    response = upload(client, csv_bytes(row(name="A", max_age="99"), row(name="B", cost="x")))
    body = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in body
    assert "Nothing was imported: the file has 2 problems" in body
    assert "The oldest age must be a whole number from 0 to 25" in body
    assert "The cost must be &quot;free&quot; or &quot;charge&quot;" in body
    assert not Service.objects.exists()


def test_upload_page_success(client_for):
    client = client_for("officer")
    response = upload(client, csv_bytes(row(name="A"), row(name="B")))
    assert response.status_code == 302
    assert Service.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("services.xlsx", b"a,b", "The file must be a CSV file (ending in .csv)"),
        ("services.csv", b"", "The submitted file is empty"),
    ],
)
def test_upload_form_errors(client_for, name, content, message):
    response = upload(client_for("officer"), content, name)
    assert message in response.content.decode()


def test_upload_without_a_file(client_for):
    response = client_for("officer").post(reverse("localoffer:import"), {})
    assert "Choose a CSV file to upload" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_all_or_nothing_on_postgresql_when_saving_fails_midway(monkeypatch):
    """A failure while saving row 3 rolls back rows 1 and 2 (a real transaction on PostgreSQL)."""
    from localoffer import services as services_module

    original = services_module.Location.objects.update_or_create
    calls = {"n": 0}

    def fail_on_second(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services_module.Location.objects, "update_or_create", fail_on_second)
    with pytest.raises(RuntimeError):
        run(
            csv_bytes(
                row(name="A", location_name="L1"),
                row(name="B", location_name="L2"),
            )
        )
    assert not Service.objects.exists()
    assert not Location.objects.exists()
    assert not Organisation.objects.exists()


@pytest.mark.postgres
@pytest.mark.parametrize(("values", "column", "message"), BAD_ROWS[:8])
def test_bad_rows_on_postgresql(values, column, message):
    result = run(
        csv_bytes(
            row(name="Good one"), row(**values) if "name" in values else row(name="Bad", **values)
        )
    )
    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert not Service.objects.exists()


def test_how_to_access_is_imported():
    result = run(csv_bytes(row(name="Wheelchairs", access="Referral", referral_by="Your GP")))
    assert result.ok, result.errors
    service = Service.objects.get(name="Wheelchairs")
    assert (service.access, service.referral_by) == ("referral", "Your GP")
