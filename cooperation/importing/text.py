"""From uploaded bytes to plain text: format sniffed from the content, encoding detected, limits enforced.

Every refusal is an ``UnreadableDocument`` whose message is written for a protocol officer, not a developer.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
# Files kept beside a record (``cooperation.attachments``): what imports read, and photos.
ATTACHMENT_EXTENSIONS = {**ALLOWED_EXTENSIONS, ".jpg": "jpg", ".jpeg": "jpg", ".png": "png"}
# Formats whose content must start with their own signature; the rest must be text.
_SIGNED_FORMATS = ("pdf", "docx", "jpg", "png")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A .docx is a zip; one that inflates past this is a zip bomb, not an article.
MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 200


class UnreadableDocument(Exception):
    """The file cannot be imported; the message says why in words an officer understands."""


@dataclass
class ReadText:
    text: str
    file_format: str
    encoding: str = ""
    title: str = ""
    # The day the page says it was published (an HTML page's or a PDF's metadata, never a guess from the body's
    # years): what "today" and "on Tuesday" mean when the upload form leaves the date empty and the text has no
    # dateline.
    published: dt.date | None = None


def clean_name(name: str) -> str:
    """A file name as the officer should see it.

    Control characters (NUL, escape sequences, line breaks) and bidirectional overrides in a file name only
    hide what it says ("annual\u202etxt.exe" shows as "annualexe.txt", and the override spills into the page
    around it); PostgreSQL refuses NUL outright.
    """
    return "".join(char for char in name if unicodedata.category(char) != "Cc" and char not in _BIDI_CONTROLS)


def check_upload(*, name: str, size: int, allowed: Mapping[str, str] = ALLOWED_EXTENSIONS) -> str:
    """The format named by the file's extension, or an error before anything is stored."""
    extension = PurePath(name).suffix.lower()
    if extension not in allowed:
        if allowed is ATTACHMENT_EXTENSIONS:
            message = _(
                "“%(name)s” is not a supported file type. Attach .pdf, .docx, .txt, .md, .html, .jpg or .png files."
            )
        else:
            message = _("“%(name)s” is not a supported file type. Upload .txt, .md, .html, .pdf or .docx files.")
        raise UnreadableDocument(message % {"name": name})
    if size == 0:
        raise UnreadableDocument(_("“%(name)s” is empty.") % {"name": name})
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    if size > limit:
        raise UnreadableDocument(
            _("“%(name)s” is %(size)s MB; the limit is %(limit)s MB.")
            % dict(zip(("size", "limit"), _megabytes(size, limit), strict=True), name=name)
        )
    return allowed[extension]


def _megabytes(size: int, limit: int) -> tuple[float, float]:
    # As many decimals as it takes for a file just over the limit not to read "10.0 MB; the limit is 10.0 MB".
    for digits in range(1, 7):
        shown = round(size / 1024 / 1024, digits), round(limit / 1024 / 1024, digits)
        if shown[0] != shown[1]:
            break
    return shown


def check_content(data: bytes, *, name: str, allowed: Mapping[str, str] = ALLOWED_EXTENSIONS) -> str:
    """Cheap checks at upload time (type, size, and whether the bytes are what the name says)."""
    file_format = check_upload(name=name, size=len(data), allowed=allowed)
    _check_sniffed(data, name=name, file_format=file_format)
    return file_format


def read_text(data: bytes, *, name: str) -> ReadText:
    file_format = check_content(data, name=name)
    reader = {"pdf": _read_pdf, "docx": _read_docx, "html": _read_html}.get(file_format, _read_plain)
    result = reader(data)
    result.text = _tidy(result.text)
    if not result.text.strip():
        raise UnreadableDocument(_("No text could be read from “%(name)s”.") % {"name": name})
    if not result.title:
        result.title = next((line.strip(" #*") for line in result.text.splitlines() if line.strip(" #*")), "")[:400]
    return result


def _check_sniffed(data: bytes, *, name: str, file_format: str) -> None:
    sniffed = _sniff(data)
    if file_format in _SIGNED_FORMATS and sniffed != file_format:
        raise UnreadableDocument(
            _("“%(name)s” is named .%(ext)s but its content is not a %(kind)s file.")
            % {"name": name, "ext": file_format, "kind": file_format.upper()}
        )
    if file_format not in _SIGNED_FORMATS and sniffed != "text":
        raise UnreadableDocument(_("“%(name)s” looks like a binary file, not text.") % {"name": name})


def _sniff(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    sample = data[:4096]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "binary"
    return "text"


def _decode(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableDocument(_("The text encoding of this file could not be recognised."))
    return str(best), best.encoding


def _read_plain(data: bytes) -> ReadText:
    text, encoding = _decode(data)
    return ReadText(text=text, file_format="txt", encoding=encoding)


def _read_html(data: bytes) -> ReadText:
    import trafilatura

    html, encoding = _decode(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata and metadata.title else "") or ""
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return ReadText(text=text, file_format="html", encoding=encoding, title=title, published=_published(html))


def _published(html: str) -> dt.date | None:
    """The page's own publication date from its markup (``article:published_time``, ``<time>``, JSON-LD ...).
    No extensive search: a copyright line or a year in the body is not the day of the report."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):  # malformed markup or an impossible date: no date rather than a failed import
        return None
    return dt.date.fromisoformat(found) if found else None


def _read_pdf(data: bytes) -> ReadText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument(_("This PDF is password-protected; upload an unprotected copy."))
        pages = [page.extract_text() or "" for page in reader.pages[:200]]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableDocument(_("This PDF is damaged and cannot be read.")) from exc
    if not "".join(pages).strip():
        raise UnreadableDocument(_("This PDF has no text layer (a scan?); upload a text PDF or a Word file."))
    return ReadText(text="\n\n".join(pages), file_format="pdf", published=_pdf_created(reader))


def _pdf_created(reader) -> dt.date | None:
    """The day the PDF was made (``/CreationDate``): a ministry's release is exported on the day it is issued,
    so it dates "today" like a web page's metadata does. (A Word file's dates are its template's or its last
    edit's, so none is taken from it.) A malformed date is no date, never a failed import."""
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return created.date() if created else None


def _read_docx(data: bytes) -> ReadText:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(_("This Word file is damaged and cannot be read.")) from exc
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos) or 1
    if total > MAX_DOCX_UNCOMPRESSED or total / compressed > MAX_DOCX_RATIO:
        raise UnreadableDocument(_("This Word file expands to an implausible size and was refused as unsafe."))
    if "word/document.xml" not in {info.filename for info in infos}:
        raise UnreadableDocument(_("This file is a zip archive but not a Word document."))
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds (KeyError, XMLSyntaxError, ...): all mean "damaged".
        raise UnreadableDocument(_("This Word file is damaged and cannot be read.")) from exc
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    title = document.core_properties.title or ""
    return ReadText(text="\n".join(parts), file_format="docx", title=title)


def _tidy(text: str) -> str:
    # NUL is never meaningful in a document, and PostgreSQL refuses to store it in a text column.
    text = text.replace("\x00", "")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()
