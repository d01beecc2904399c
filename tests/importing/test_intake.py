from __future__ import annotations

import pytest
from django.db import IntegrityError

from cooperation.importing.models import Candidate, ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_requeue, document_submit
from cooperation.importing.services.run import document_import_run

from .conftest import document, make_pdf


@pytest.fixture
def submit(db, django_capture_on_commit_callbacks):
    def _submit(data: bytes, name: str, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return document_submit(data=data, name=name, **kwargs)

    return _submit


def test_an_uploaded_article_is_read_extracted_and_ready_for_review(submit):
    result = submit(document("en_visit_mongolia.txt"), "visit.txt")
    doc = ImportedDocument.objects.get(pk=result.document.pk)
    assert result.created
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    assert (doc.language, doc.extractor_version, doc.file_format) == ("en", "1.0", "txt")
    assert doc.started_at <= doc.finished_at and doc.attempts == 1
    assert doc.title == "Mongolian Delegation Studies UAE Approaches to Proactive Public Services"
    kinds = set(doc.candidates.values_list("kind", flat=True))
    assert {"person", "delegation", "agreement", "event", "topic"} <= kinds


def test_reimporting_the_same_file_creates_nothing_and_says_so(submit):
    first = submit(document("en_visit_mongolia.txt"), "visit.txt")
    candidates = Candidate.objects.count()
    again = submit(document("en_visit_mongolia.txt"), "copy of visit.txt")
    assert not again.created and again.document.pk == first.document.pk
    assert "already imported" in again.message
    assert ImportedDocument.objects.count() == 1 and Candidate.objects.count() == candidates


def test_a_concurrent_insert_of_the_same_content_is_found_not_duplicated(submit):
    # The other request won the race: its row exists by the time ours hits the unique constraint.
    data = document("ar_mou_jordan.txt")
    winner = submit(data, "mou.txt").document
    with pytest.raises(IntegrityError):
        ImportedDocument.objects.create(sha256=winner.sha256, original_name="mou (2).txt")


def test_a_file_that_is_not_what_its_name_says_ends_as_a_failed_import_with_a_message(submit):
    result = submit(b"This is plain text, not a PDF.", "minutes.pdf")
    doc = ImportedDocument.objects.get(pk=result.document.pk)
    assert doc.status == ImportStatus.FAILED
    assert "not a PDF file" in doc.error
    assert doc.candidates.count() == 0


def test_a_refused_type_is_recorded_as_failed_without_storing_the_bytes(submit):
    result = submit(b"MZ\x90\x00", "tool.exe")
    assert result.document.status == ImportStatus.FAILED and not result.document.file
    assert "not a supported file type" in result.message


def test_running_an_import_twice_writes_its_candidates_once(submit):
    doc = submit(document("ru_meeting_kyrgyzstan.txt"), "ru.txt").document
    count = Candidate.objects.filter(document=doc).count()
    assert document_import_run(document_id=doc.pk).status == ImportStatus.READY_FOR_REVIEW
    assert Candidate.objects.filter(document=doc).count() == count
    assert ImportedDocument.objects.get(pk=doc.pk).attempts == 1


def test_a_document_left_processing_by_a_killed_worker_completes_once_when_redelivered(submit, db):
    doc = submit(document("ar_mou_jordan.txt"), "ar.txt").document
    expected = Candidate.objects.filter(document=doc).count()
    # What a worker killed mid-run leaves behind: status processing, candidates not committed.
    Candidate.objects.filter(document=doc).delete()
    ImportedDocument.objects.filter(pk=doc.pk).update(status=ImportStatus.PROCESSING)
    document_import_run(document_id=doc.pk)
    document_import_run(document_id=doc.pk)
    assert Candidate.objects.filter(document=doc).count() == expected
    assert ImportedDocument.objects.get(pk=doc.pk).status == ImportStatus.READY_FOR_REVIEW


def test_a_stored_file_that_disappeared_fails_with_a_message(submit):
    # Outside the captured on_commit callbacks the task is not sent: the document stays queued.
    doc = document_submit(data=document("en_visit_mongolia.txt"), name="gone.txt").document
    doc.file.storage.delete(doc.file.name)
    result = document_import_run(document_id=doc.pk)
    assert result.status == ImportStatus.FAILED and "upload it again" in result.error


def test_a_failed_import_can_be_queued_again(submit, django_capture_on_commit_callbacks):
    doc = submit(document("en_visit_mongolia.txt"), "visit.txt").document
    ImportedDocument.objects.filter(pk=doc.pk).update(status=ImportStatus.FAILED, error="worker lost")
    with django_capture_on_commit_callbacks(execute=True):
        document_requeue(document_id=doc.pk)
    assert ImportedDocument.objects.get(pk=doc.pk).status == ImportStatus.READY_FOR_REVIEW


def test_dates_without_a_year_take_it_from_the_document_date_given_at_upload(submit):
    import datetime as dt

    doc = submit(b"A roundtable was held 3-5 February in Dubai.", "wgs.txt", document_date=dt.date(2025, 2, 6)).document
    dates = ImportedDocument.objects.get(pk=doc.pk).extraction["dates"]
    assert (dates[0]["value"]["start"], dates[0]["value"]["end"]) == ("2025-02-03", "2025-02-05")


_PAGE = """<html><head><title>Ministers meet</title>{meta}</head><body><article><h1>Ministers meet</h1>
<p>On Tuesday Foreign Minister Ana Ruiz of Chile held talks with Foreign Minister Kenji Sato of Japan in Tokyo.</p>
<p>The two ministers discussed trade and training for diplomats.</p></article>
<footer>Copyright 2026</footer></body></html>"""


@pytest.mark.parametrize(
    ("meta", "given", "day"),
    [
        # the page's own publication date says which Tuesday
        ('<meta property="article:published_time" content="2024-03-07T09:00:00Z">', None, "2024-03-05"),
        # the date typed at upload wins over the page's
        ('<meta property="article:published_time" content="2024-03-07T09:00:00Z">', "2024-03-14", "2024-03-12"),
        # no date in the markup: a copyright year is no publication date, so the talks stay undated
        ("", None, None),
    ],
)
def test_an_html_pages_own_publication_date_dates_what_it_tells(submit, meta, given, day):
    import datetime as dt

    given_date = dt.date.fromisoformat(given) if given else None
    doc = submit(_PAGE.format(meta=meta).encode(), "page.html", document_date=given_date).document
    doc = ImportedDocument.objects.get(pk=doc.pk)
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    assert [event["value"]["start"] for event in doc.extraction["events"]] == [day]


def test_a_pdfs_creation_day_dates_what_it_tells(submit):
    text = (
        "On Tuesday Foreign Minister Ana Ruiz of Chile held talks with Foreign Minister Kenji Sato of Japan in Tokyo."
    )
    doc = submit(make_pdf(text, created="D:20240307090000Z"), "release.pdf").document
    doc = ImportedDocument.objects.get(pk=doc.pk)
    assert [event["value"]["start"] for event in doc.extraction["events"]] == ["2024-03-05"]


def test_candidates_are_labelled_in_the_language_the_run_reads_the_article_in(submit):
    # The document row learns its language only when the run is written; the labels are made before that.
    text = "Министр торговли Беларуси Иван Петров обсудил с послом Китая вопросы торговли и инвестиций."
    doc = ImportedDocument.objects.get(pk=submit(text.encode(), "note.txt").document.pk)
    assert doc.language == "ru"
    assert doc.candidates.get(kind="topic").label == "Торговля и инвестиции"
