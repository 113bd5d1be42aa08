"""Which uploaded files may be kept as evidence: PDF, Office documents and images, size-limited.

The content is checked, not only the name: a file's first bytes must match the kind of file its
extension claims (a renamed executable called ``report.pdf`` is refused).
"""

import io
import zipfile

PDF, OLE, ZIP, PNG, JPEG, GIF = "pdf", "ole", "zip", "png", "jpeg", "gif"

# extension → the content it must have
ALLOWED_EXTENSIONS: dict[str, str] = {
    "pdf": PDF,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "gif": GIF,
}

_SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
    (b"PK\x03\x04", ZIP),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
]

ALLOWED_DESCRIPTION = (
    "a PDF, a Word, Excel or PowerPoint document (or OpenDocument), or an image (PNG, JPEG or GIF)"
)


def sniff(head: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def _is_office_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names or "mimetype" in names


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def evidence_file_problem(*, name: str, data: bytes, max_bytes: int) -> str | None:
    """Why this file cannot be kept as evidence, in plain English (None when it can)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        return f"The selected file must be {ALLOWED_DESCRIPTION}"
    if len(data) == 0:
        return "The selected file is empty"
    if len(data) > max_bytes:
        return f"The selected file must be smaller than {human_size(max_bytes)}"
    expected = ALLOWED_EXTENSIONS[extension]
    if sniff(data[:16]) != expected or (expected == ZIP and not _is_office_zip(data)):
        return (
            f"The selected file is called .{extension} but its content is not a "
            f".{extension} file. Upload {ALLOWED_DESCRIPTION}"
        )
    return None
