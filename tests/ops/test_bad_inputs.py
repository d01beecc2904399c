"""The bad input corpus through the real pipeline: every hostile upload ends as a failed import with a message
an officer can act on, or as a clean import; and nothing else in the database changes.

The corpus itself is in ``bad_inputs.py``; ``tests/importing`` covers the readers one by one, this is the
end-to-end proof (``document_submit`` + the Celery task run eagerly, and the admin upload form).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.importing.models import Candidate, ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit

from .bad_inputs import CLEAN, CORPUS, DUPLICATE, EXECUTABLE_MARKUP, FAILED, SCRIPT, Case

# What a message for an officer must not look like: a traceback, a Python exception, a raw byte.
DEVELOPER_TALK = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|\\x[0-9a-f]{2}|File \"|line \d+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
BIDI_OVERRIDE = re.compile("[\u202a-\u202e\u2066-\u2069]")

pytestmark = pytest.mark.usefixtures("eager_tasks")


def row_counts() -> dict[str, int]:
    """Rows of every model of the records (cooperation, with their history) and of the import pipeline."""
    models = [*apps.get_app_config("cooperation").get_models(), *apps.get_app_config("importing").get_models()]
    return {model._meta.label: model._default_manager.count() for model in models}


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


@pytest.fixture
def submit(db, django_capture_on_commit_callbacks):
    def _submit(case: Case, data: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return document_submit(data=data, name=case.name)

    return _submit


def assert_an_officer_can_read(message: str) -> None:
    assert message.strip(), "an empty message tells the officer nothing"
    assert not DEVELOPER_TALK.search(message), message
    assert not CONTROL.search(message), repr(message)
    assert len(message) < 400, message


def test_the_corpus_has_at_least_25_distinct_hostile_uploads():
    assert len(CORPUS) >= 25
    assert len({case.id for case in CORPUS}) == len(CORPUS)
    assert {FAILED, CLEAN, DUPLICATE} == {case.outcome for case in CORPUS}


@pytest.mark.parametrize("case", CORPUS, ids=[case.id for case in CORPUS])
def test_each_hostile_upload_ends_failed_or_clean_and_changes_nothing_else(case, submit, settings):
    if case.max_upload_bytes is not None:
        settings.IMPORT_MAX_UPLOAD_BYTES = case.max_upload_bytes
    data = case.data
    if case.outcome == DUPLICATE:
        first = submit(case, data).document
    before = row_counts()
    files_before = stored_files(Path(settings.MEDIA_ROOT))

    result = submit(case, data)
    document = ImportedDocument.objects.get(pk=result.document.pk)
    after = row_counts()

    expected = dict(before)
    if case.outcome == DUPLICATE:
        assert not result.created and document.pk == first.pk
        assert case.expect in result.message
    else:
        assert result.created
        expected[ImportedDocument._meta.label] += 1
        expected[Candidate._meta.label] += document.candidates.count()
    # Exactly one new import row (with its candidates when it was read); not one record, history row or
    # orphan anywhere else.
    assert after == expected

    if case.outcome == FAILED:
        assert document.status == ImportStatus.FAILED, document.text[:200]
        assert case.expect in document.error
        assert_an_officer_can_read(document.error)
        assert_an_officer_can_read(result.message)
        assert document.candidates.count() == 0 and document.text == ""
    elif case.outcome == CLEAN:
        assert document.status == ImportStatus.READY_FOR_REVIEW, document.error
        assert case.expect in document.text
        assert "\x00" not in document.text and not document.text.startswith("\ufeff")
        if document.file_format == "html":
            for markup in EXECUTABLE_MARKUP:
                assert markup not in document.text.lower() and markup not in document.title.lower()
        # Whatever a file is called, its bytes are stored under a name govex chose, inside MEDIA_ROOT.
        stored = Path(document.file.path).resolve()
        assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
        assert ".." not in document.file.name and not CONTROL.search(document.file.name)
        assert not CONTROL.search(document.original_name), repr(document.original_name)
        assert not BIDI_OVERRIDE.search(document.original_name), repr(document.original_name)

    # A type or size refused at upload leaves no bytes on disk; a file that failed while being read keeps its
    # one stored copy (so it can be queued again); a repeated upload stores nothing.
    new_files = set(stored_files(Path(settings.MEDIA_ROOT))) - set(files_before)
    if case.outcome == DUPLICATE:
        assert new_files == set()
    else:
        assert new_files == ({Path(document.file.path)} if document.file else set())


def test_the_zip_with_traversal_names_writes_nothing_outside_the_media_folder(submit):
    case = next(case for case in CORPUS if case.id == "zip with path traversal names as .docx")
    submit(case, case.data)
    assert not Path("/tmp/govex-evil.sh").exists() and not Path("/etc/govex-evil").exists()


ADMIN_CASES = [
    case
    for case in CORPUS
    if case.id
    in {
        "binary garbage named .pdf",
        "docx zip bomb",
        "double extension",
        "HTML with scripts, onerror and javascript: links",
        "markdown with embedded script",
        "file name with ../ and separators",
        "empty file",
    }
]


@pytest.mark.parametrize("case", ADMIN_CASES, ids=[case.id for case in ADMIN_CASES])
def test_the_admin_upload_form_answers_every_hostile_file_without_a_server_error(
    case, staff_client, django_capture_on_commit_callbacks
):
    url = reverse("admin:importing_importeddocument_upload")
    upload = SimpleUploadedFile(case.name, case.data, content_type="application/octet-stream")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"files": [upload]})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        # Django's form refuses an empty upload itself, and says so on the form.
        assert "The submitted file is empty" in response.content.decode()
        assert ImportedDocument.objects.count() == 0
        return
    page = staff_client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert SCRIPT not in html and 'onerror="window.__xss' not in html
    document = ImportedDocument.objects.get()
    if case.outcome == FAILED:
        assert case.expect in html
    else:
        assert document.status == ImportStatus.READY_FOR_REVIEW
        review = staff_client.get(reverse("admin:importing_importeddocument_review", args=[document.pk]))
        assert review.status_code == 200
        assert SCRIPT not in review.content.decode()
        if "<script" in document.text:
            # Markdown keeps what it says as text; the page shows it escaped.
            assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in review.content.decode()
