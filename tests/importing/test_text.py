from __future__ import annotations

import datetime as dt

import pytest

from cooperation.importing.text import UnreadableDocument, read_text

from .conftest import document, make_docx, make_pdf, make_zip_bomb


def test_plain_text_in_windows_1251_is_decoded_by_detection():
    data = document("ru_meeting_kyrgyzstan.txt").decode().encode("cp1251")
    read = read_text(data, name="note.txt")
    assert "делегация Кыргызской Республики" in read.text
    assert read.encoding.replace("_", "").lower() in ("cp1251", "windows1251")


def test_html_keeps_the_article_and_drops_menus_and_footers():
    read = read_text(document("en_menu_page.html"), name="page.html")
    assert "Dilnoza Karimova" in read.text
    assert "Contact us" not in read.text and "Subscribe" not in read.text
    assert read.title == "Uzbek officials complete innovation leadership course"


def test_word_documents_are_read_paragraph_by_paragraph():
    read = read_text(make_docx(document("ar_mou_jordan.txt").decode()), name="mou.docx")
    assert "ليلى منصور الخطيب" in read.text and read.file_format == "docx"


def test_pdf_text_layer_is_read():
    read = read_text(
        make_pdf("A note on the visit\nH.E. Paul Dupont, Minister of Finance, met the delegation."), name="n.pdf"
    )
    assert "Paul Dupont, Minister of Finance" in read.text
    assert read.published is None  # no metadata, no date


@pytest.mark.parametrize(
    ("created", "published"),
    [("D:20241105093000+04'00'", dt.date(2024, 11, 5)), ("D:2024-not-a-date", None)],
)
def test_a_pdfs_creation_day_is_its_date_and_a_malformed_one_is_none(created, published):
    read = read_text(make_pdf("The delegation arrived today.", created=created), name="release.pdf")
    assert read.published == published and "arrived today" in read.text


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "is empty"),
        (b"Hello, this is plain text.", "report.pdf", "is not a PDF file"),
        (b"%PDF-1.4\n1 0 obj garbage", "broken.pdf", "damaged"),
        (b"PK\x03\x04not really a zip", "broken.docx", "damaged"),
        (make_zip_bomb(), "bomb.docx", "implausible size"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "virus.exe", "not a supported file type"),
        (b"\x00\x01\x02\x03binary", "data.txt", "binary"),
    ],
)
def test_bad_files_are_refused_with_a_message_an_officer_understands(data, name, message):
    with pytest.raises(UnreadableDocument, match=message):
        read_text(data, name=name)


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(UnreadableDocument, match="the limit is"):
        read_text(b"x" * 1001, name="long.txt")
