from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.importing.models import CandidateKind, Decision, ImportedDocument, ImportStatus
from cooperation.models import Official

from .conftest import document

UPLOAD = reverse("admin:importing_importeddocument_upload")


@pytest.fixture
def upload(staff_client, django_capture_on_commit_callbacks):
    def _upload(*files: tuple[str, bytes], **data):
        # The import runs when the upload's transaction commits; the redirect is followed after that.
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_client.post(
                UPLOAD, {"files": [SimpleUploadedFile(name, content) for name, content in files], **data}
            )
        if response.status_code != 302:
            return response
        followed = staff_client.get(response["Location"])
        followed.redirect_chain = [(response["Location"], 302)]
        return followed

    return _upload


def test_the_upload_page_offers_many_files(staff_client):
    response = staff_client.get(UPLOAD)
    assert response.status_code == 200
    assert b"multiple" in response.content and b'name="files"' in response.content


def test_the_admin_add_link_leads_staff_to_the_upload_page_and_managers_nowhere(staff_client, manager):
    from django.test import Client

    add = reverse("admin:importing_importeddocument_add")
    response = staff_client.get(add)
    assert (response.status_code, response["Location"]) == (302, UPLOAD)
    manager_client = Client()
    manager_client.force_login(manager)
    assert manager_client.get(add).status_code == 403


def test_uploading_one_file_leads_to_its_status_page(upload):
    response = upload(("visit.txt", document("en_visit_mongolia.txt")))
    doc = ImportedDocument.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:importing_importeddocument_status", args=[doc.pk])
    assert "ready for review" in response.content.decode()


def test_uploading_several_files_reports_each_including_failures(upload):
    response = upload(
        ("visit.txt", document("en_visit_mongolia.txt")),
        ("mou.txt", document("ar_mou_jordan.txt")),
        ("scan.pdf", b"not a pdf at all"),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert ImportedDocument.objects.filter(status=ImportStatus.READY_FOR_REVIEW).count() == 2
    assert "is named .pdf but its content is not a PDF file" in content


def test_uploading_the_same_file_again_says_it_was_already_imported(upload):
    upload(("visit.txt", document("en_visit_mongolia.txt")))
    response = upload(("again.txt", document("en_visit_mongolia.txt")))
    assert "already imported" in response.content.decode()
    assert ImportedDocument.objects.count() == 1


def test_a_running_import_page_refreshes_itself(staff_client, db):
    doc = ImportedDocument.objects.create(sha256="a" * 64, original_name="slow.txt", status=ImportStatus.PROCESSING)
    page = staff_client.get(reverse("admin:importing_importeddocument_status", args=[doc.pk])).content.decode()
    assert "updates by itself" in page and "status.json" in page
    status = staff_client.get(reverse("admin:importing_importeddocument_status_json", args=[doc.pk])).json()
    assert (status["status"], status["name"]) == ("processing", "slow.txt")


def test_the_review_screen_highlights_evidence_and_escapes_document_text(upload, staff_client):
    upload(("note.txt", document("xss_note.txt")))
    doc = ImportedDocument.objects.get()
    page = staff_client.get(reverse("admin:importing_importeddocument_review", args=[doc.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert 'onmouseover="alert(1)"' not in page
    person = doc.candidates.get(kind=CandidateKind.PERSON)
    assert f'<mark id="evidence-{person.pk}" class="evidence evidence-person">' in page


def test_an_officer_accepts_and_rejects_from_the_review_screen(upload, staff_client):
    upload(("visit.txt", document("en_visit_mongolia.txt")))
    doc = ImportedDocument.objects.get()
    review = reverse("admin:importing_importeddocument_review", args=[doc.pk])
    person = doc.candidates.get(value__normal="Oyun Batbayar")
    topic = doc.candidates.filter(kind=CandidateKind.TOPIC).first()
    staff_client.post(review, {"candidate": person.pk, "action": "accept"})
    staff_client.post(review, {"candidate": topic.pk, "action": "reject"})
    person.refresh_from_db()
    topic.refresh_from_db()
    assert person.decision == Decision.ACCEPTED and Official.objects.filter(name="Oyun Batbayar").exists()
    assert topic.decision == Decision.REJECTED


def test_merge_shows_the_diff_and_needs_a_target(upload, staff_client):
    official = Official.objects.create(name="Oyun Batbayar", slug="oyun-batbayar")
    upload(("visit.txt", document("en_visit_mongolia.txt")))
    doc = ImportedDocument.objects.get()
    review = reverse("admin:importing_importeddocument_review", args=[doc.pk])
    page = staff_client.get(review).content.decode()
    assert "Merging into the first choice would change" in page and "Head of Service Design" in page
    candidate = doc.candidates.get(value__normal="Oyun Batbayar")
    assert candidate.preselected_id == official.pk
    response = staff_client.post(review, {"candidate": candidate.pk, "action": "merge"}, follow=True)
    assert "Choose the record to merge into" in response.content.decode()
    staff_client.post(review, {"candidate": candidate.pk, "action": "merge", "target": official.pk})
    candidate.refresh_from_db()
    assert (candidate.decision, candidate.target_id) == (Decision.MERGED, official.pk)


def test_a_manager_can_look_but_not_decide(manager, upload):
    from django.test import Client

    upload(("visit.txt", document("en_visit_mongolia.txt")))
    manager_client = Client()
    manager_client.force_login(manager)
    doc = ImportedDocument.objects.get()
    review = reverse("admin:importing_importeddocument_review", args=[doc.pk])
    assert manager_client.get(review).status_code == 200
    candidate = doc.candidates.first()
    assert manager_client.post(review, {"candidate": candidate.pk, "action": "accept"}).status_code == 403
    assert manager_client.get(UPLOAD).status_code == 403


def test_the_document_list_shows_status(upload, staff_client):
    upload(("visit.txt", document("en_visit_mongolia.txt")))
    page = staff_client.get(reverse("admin:importing_importeddocument_changelist")).content.decode()
    assert "import-ready_for_review" in page and "Import documents" in page


def test_the_document_change_page_shows_the_import_read_only(upload, staff_client):
    upload(("visit.txt", document("en_visit_mongolia.txt")))
    doc = ImportedDocument.objects.get()
    response = staff_client.get(reverse("admin:importing_importeddocument_change", args=[doc.pk]))
    assert response.status_code == 200
    assert doc.sha256 in response.content.decode() and "Bolormaa Tsendsuren" in response.content.decode()


def test_staff_run_a_failed_import_again_from_the_list(upload, staff_client, django_capture_on_commit_callbacks):
    article = document("en_visit_mongolia.txt")
    upload(("visit.txt", article), ("other.txt", article + b"\nA second file.\n"))
    failed, done = ImportedDocument.objects.order_by("pk")
    ImportedDocument.objects.filter(pk=failed.pk).update(status=ImportStatus.FAILED, error="worker lost")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/importing/importeddocument/",
            {"action": "run_again", "_selected_action": [failed.pk, done.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "1 import runs again." in page and "Only failed imports can be run again" in page
    failed.refresh_from_db()
    assert failed.status == ImportStatus.READY_FOR_REVIEW and failed.error == ""


def test_managers_are_not_offered_to_run_imports_again(manager, client):
    client.force_login(manager)
    page = client.get("/admin/importing/importeddocument/").content.decode()
    assert "run_again" not in page
