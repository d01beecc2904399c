"""A corpus of malformed and hostile uploads, built in memory when a test asks for it (no binaries in git).

Each case names the file as an attacker or a careless colleague would, and states what govex must do with it:
``failed`` (a failed import whose message contains ``expect``), ``clean`` (an import ready for review whose
text contains ``expect``), or ``duplicate`` (the same content again: nothing new, and the officer is told so).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from tests.importing.conftest import make_pdf

FAILED, CLEAN, DUPLICATE = "failed", "clean", "duplicate"

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: makes "exe.txt" display as "txt.exe"
# What must never survive into the text of an HTML import: these execute when a page forgets to escape.
EXECUTABLE_MARKUP = ("<script", "onerror=", "javascript:", "<img", "<iframe")

ARTICLE = (
    "Visit of a delegation on digital government\n"
    "On 12 March 2024 a delegation from Mongolia visited the United Arab Emirates.\n"
    "H.E. Batbayar Ganbold, Minister of Digital Development, led the delegation.\n"
)


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    build: Callable[[], bytes]
    outcome: str
    expect: str
    # Upload limit for this case only, so "too big" costs 64 KiB in a test, not 10 MB.
    max_upload_bytes: int | None = None

    @property
    def data(self) -> bytes:
        return self.build()


def _random(size: int, *, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _valid_pdf() -> bytes:
    return make_pdf("A note on the visit\nH.E. Paul Dupont, Minister of Finance, met the delegation.")


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_valid_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    # 20 MB of zeros deflate to about 20 KB: the ratio, not the size, gives it away.
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)})


def _traversal_zip() -> bytes:
    return _zip({"../../../../tmp/govex-evil.sh": b"#!/bin/sh\necho owned\n", "/etc/govex-evil": b"x"})


def _html_with_scripts() -> bytes:
    return (
        "<!doctype html><html><head><title>Visit of the delegation</title>"
        f'{SCRIPT}</head><body onload="window.__xss=1"><article><h1>Visit of the delegation</h1>'
        f"<p>On 12 March 2024 the minister received the delegation {IMG} and both sides agreed to work "
        'together on digital services. <a href="javascript:window.__xss=1">Read more</a></p>'
        "<p>The memorandum of understanding covers training of civil servants in both countries.</p>"
        f'<iframe src="javascript:window.__xss=1"></iframe>{SCRIPT}</article></body></html>'
    ).encode()


def _menus_only() -> bytes:
    links = "".join(f'<li><a href="/{word.lower()}">{word}</a></li>' for word in ("Home", "About", "Contact"))
    return (
        f"<html><head><title></title></head><body><nav><ul>{links}</ul></nav>"
        "<footer>© 2024 | Privacy | Terms</footer></body></html>"
    ).encode()


CORPUS: tuple[Case, ...] = (
    # --- nothing to read
    Case("empty file", "empty.txt", lambda: b"", FAILED, "is empty"),
    Case("whitespace only", "blank.txt", lambda: b"  \n\t\r\n   \n", FAILED, "No text could be read"),
    # --- content that is not what the name says
    Case("binary garbage named .pdf", "minutes.pdf", lambda: _random(4096, seed=1), FAILED, "not a PDF file"),
    Case(
        "PNG bytes named .txt",
        "notes.txt",
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random(512, seed=2),
        FAILED,
        "binary file, not text",
    ),
    Case("plain text named .docx", "agenda.docx", lambda: ARTICLE.encode(), FAILED, "not a DOCX file"),
    # --- damaged or hostile PDFs
    Case("truncated PDF", "cut.pdf", lambda: _valid_pdf()[: len(_valid_pdf()) // 2], FAILED, "damaged"),
    Case("PDF with no text layer", "scan.pdf", lambda: make_pdf(""), FAILED, "no text layer"),
    Case("password-protected PDF", "secret.pdf", _encrypted_pdf, FAILED, "password-protected"),
    Case("garbage after a PDF header", "forged.pdf", lambda: b"%PDF-1.7\n" + _random(3000, seed=3), FAILED, "damaged"),
    # --- hostile Word files
    Case("docx zip bomb", "bomb.docx", _zip_bomb, FAILED, "refused as unsafe"),
    Case("zip with path traversal names as .docx", "evil.docx", _traversal_zip, FAILED, "not a Word document"),
    # --- size and type
    Case(
        "file over the upload limit",
        "huge.txt",
        lambda: b"x" * (64 * 1024 + 1),
        FAILED,
        "is 0.063 MB; the limit is 0.062 MB",
        max_upload_bytes=64 * 1024,
    ),
    Case("Windows executable", "tool.exe", lambda: b"MZ\x90\x00" + _random(256, seed=4), FAILED, "not a supported"),
    Case("JavaScript file", "app.js", lambda: b"window.__xss=1;", FAILED, "not a supported file type"),
    Case("no extension", "README", lambda: ARTICLE.encode(), FAILED, "not a supported file type"),
    Case("double extension", "report.pdf.exe", lambda: b"MZ\x90\x00", FAILED, "not a supported file type"),
    Case(
        "right-to-left override hiding .exe",
        f"annual{RLO}txt.exe",
        lambda: b"MZ\x90\x00",
        FAILED,
        "not a supported file type",
    ),
    Case(
        "right-to-left override in a .txt name",
        f"invoice{RLO}fdp.txt",
        lambda: ARTICLE.encode() + b"An invoice, not a PDF.\n",
        CLEAN,
        "An invoice",
    ),
    Case("NUL bytes at the start of a text", "nul.txt", lambda: b"\x00\x00hello\x00world", FAILED, "binary"),
    # --- encodings: read, not refused
    Case("UTF-16 text with BOM", "utf16.txt", lambda: ARTICLE.encode("utf-16"), CLEAN, "a delegation from Mongolia"),
    Case(
        "Windows-1251 Russian text",
        "ru-1251.txt",
        lambda: (
            "Министр иностранных дел Киргизии встретился с делегацией в Москве 3 марта 2024 года. "
            "Стороны обсудили сотрудничество в области цифрового правительства.\n"
        ).encode("cp1251"),
        CLEAN,
        "Министр иностранных дел Киргизии",
    ),
    Case(
        "CP1256 Arabic text",
        "ar-1256.txt",
        lambda: (
            "التقى وزير الخارجية بوفد من الأردن في أبوظبي يوم الثالث من مارس. "
            "وناقش الجانبان التعاون في مجال الحكومة الرقمية.\n"
        ).encode("cp1256"),
        CLEAN,
        "التقى وزير الخارجية",
    ),
    Case(
        "invalid UTF-8 bytes",
        "broken-utf8.txt",
        lambda: b"Minutes of the meeting \xff\xfe\xc3\x28 with the \xa0\xa1 delegation\n",
        CLEAN,
        "Minutes of the meeting",
    ),
    Case(
        "NUL bytes deep inside a text",
        "late-nul.txt",
        lambda: ARTICLE.encode() + b"." * 5000 + b"\x00\x00 end of the minutes\n",
        CLEAN,
        "end of the minutes",
    ),
    # --- markup and scripts
    Case("HTML with scripts, onerror and javascript: links", "visit.html", _html_with_scripts, CLEAN, "training"),
    Case("HTML that is only menus and footer", "menus.html", _menus_only, CLEAN, "Home"),
    Case(
        "markdown with embedded script",
        "notes.md",
        lambda: f"# Visit notes\n\nThe delegation arrived. {SCRIPT}\n\n{IMG}\n".encode(),
        CLEAN,
        "The delegation arrived.",
    ),
    Case(
        "names with right-to-left overrides and scripts",
        "names.txt",
        lambda: (
            f"On 12 March 2024 H.E. {RLO}Ahmed Al Mansoori{SCRIPT}, Minister of Economy, "
            f"met H.E. Batbayar Ganbold {IMG}, Minister of Digital Development, in Abu Dhabi.\n"
        ).encode(),
        CLEAN,
        "Ahmed Al Mansoori",
    ),
    # --- sheer size within the limit
    Case(
        "a 100,000-line text",
        "register.txt",
        lambda: "\n".join(f"{i}." for i in range(100_000)).encode(),
        CLEAN,
        "99999.",
    ),
    Case("one extremely long line", "one-line.txt", lambda: b"word " * 50_000, CLEAN, "word word"),
    # --- hostile file names
    Case("file name with ../ and separators", "../../etc/passwd.txt", lambda: ARTICLE.encode(), CLEAN, "Mongolia"),
    Case(
        "file name with control characters",
        "minutes\x00\x1b[31m\r\n.txt",
        lambda: ARTICLE.encode() + b"Control characters in the name.\n",
        CLEAN,
        "Control characters",
    ),
    # --- the same content twice
    Case(
        "the same file twice",
        "copy of visit.txt",
        lambda: ARTICLE.encode() + b"Sent twice.\n",
        DUPLICATE,
        "already imported",
    ),
)
