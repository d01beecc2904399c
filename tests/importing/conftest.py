"""Documents for the import tests: written for govex (fictional), plus PDF and Word files built from them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
GOLD = HERE / "gold"
REPO = HERE.parent.parent


@pytest.fixture(autouse=True)
def _media_and_eager_tasks(eager_tasks):
    """Every import test: uploads in a temporary folder, tasks in-process unless a test starts a real worker."""


def document(name: str) -> bytes:
    return (DOCUMENTS / name).read_bytes()


def make_docx(text: str) -> bytes:
    import docx

    word = docx.Document()
    for line in text.splitlines():
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def make_pdf(text: str, *, created: str = "") -> bytes:
    """A small valid PDF with a text layer (Helvetica, Latin text), written by hand to stay dependency-free;
    ``created`` is its ``/CreationDate`` as PDF writes it ("D:20241105093000+04'00'")."""
    lines = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in text.splitlines()]
    content = "BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if created:
        objects.append(f"<< /Producer (govex tests) /CreationDate ({created}) >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info = f" /Info {len(objects)} 0 R" if created else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_zip_bomb() -> bytes:
    """A .docx-shaped zip whose one member inflates to 60 MB of zeros (about 60 KB compressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


def item(value: dict, *, start: int = 0, end: int = 1, passage: str = "", confidence: float = 0.9) -> dict:
    """One extraction item around ``value``, as ``extract_all`` returns it."""
    return {
        "kind": "",
        "value": value,
        "evidence": {"start": start, "end": end, "passage": passage or str(value)[:120]},
        "confidence": confidence,
        "also_at": [],
    }


@pytest.fixture
def extracted(db):
    """A document ready for review whose candidates come from a hand-written extraction (sections of items):
    review tests do not depend on how well the extractor reads a file today."""
    from cooperation.importing.models import Candidate, ImportedDocument, ImportStatus
    from cooperation.importing.services.run import candidates_build

    def _extracted(*, text: str = "An imported text.", language: str = "en", **sections) -> ImportedDocument:
        number = ImportedDocument.objects.count() + 1
        document = ImportedDocument.objects.create(
            sha256=f"{number:064x}",
            original_name=f"extracted-{number}.txt",
            status=ImportStatus.READY_FOR_REVIEW,
            text=text,
            language=language,
        )
        extraction = {
            name: [entry if "value" in entry else item(entry) for entry in entries]
            for name, entries in sections.items()
        }
        Candidate.objects.bulk_create(candidates_build(document=document, extraction=extraction))
        return document

    return _extracted
