"""Evidence files: PDF, Office documents and images only, size-limited, content checked."""

import io
import zipfile

import pytest

from workstreams.evidence import evidence_file_problem

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "MZ")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", PDF),
        ("photo.PNG", PNG),
        ("plan.docx", _docx()),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 8),
    ],
)
def test_allowed_files(name, data):
    assert evidence_file_problem(name=name, data=data, max_bytes=1_000_000) is None


def test_other_kinds_of_file_are_refused():
    problem = evidence_file_problem(name="run.exe", data=b"MZ\x90\x00", max_bytes=1_000_000)
    assert problem.startswith("The selected file must be a PDF")


def test_a_renamed_file_is_refused_by_its_content():
    problem = evidence_file_problem(name="report.pdf", data=b"MZ\x90\x00 binary", max_bytes=10**6)
    assert "its content is not a .pdf file" in problem


def test_a_zip_that_is_not_an_office_document_is_refused():
    problem = evidence_file_problem(name="plan.docx", data=_plain_zip(), max_bytes=10**6)
    assert "its content is not a .docx file" in problem


def test_size_limit():
    problem = evidence_file_problem(
        name="big.pdf", data=PDF + b"x" * 3_000_000, max_bytes=2 * 1024 * 1024
    )
    assert problem == "The selected file must be smaller than 2 MB"


def test_empty_file():
    assert (
        evidence_file_problem(name="a.pdf", data=b"", max_bytes=100) == "The selected file is empty"
    )
