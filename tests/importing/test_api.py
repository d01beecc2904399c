from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from cooperation.api.models import PartnerToken, TokenScope
from cooperation.importing.models import ImportedDocument

from .conftest import document

URL = "/api/v1/imports/"


def token_client(user, scope: str) -> APIClient:
    key = PartnerToken.new_key()
    token = PartnerToken(name="test", user=user, scope=scope)
    token.set_key(key)
    token.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    def _post(client, *files):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, {"file": [SimpleUploadedFile(n, c) for n, c in files]}, format="multipart")

    return _post


def test_staff_upload_through_the_api_with_a_session(staff_client, post):
    response = post(staff_client, ("visit.txt", document("en_visit_mongolia.txt")))
    assert response.status_code == 201
    body = response.json()[0]
    doc = ImportedDocument.objects.get()
    # The answer is given when the upload is stored; the import runs after the commit.
    assert (body["created"], body["id"], body["status"]) == (True, doc.pk, "queued")
    detail = staff_client.get(f"{URL}{doc.pk}/").json()
    assert (detail["status"], detail["sha256"], detail["language"]) == ("ready_for_review", doc.sha256, "en")
    assert detail["candidates"]["total"] == doc.candidates.count() > 0


def test_the_same_file_again_answers_200_and_creates_nothing(staff_client, post):
    post(staff_client, ("visit.txt", document("en_visit_mongolia.txt")))
    response = post(staff_client, ("visit-copy.txt", document("en_visit_mongolia.txt")))
    assert response.status_code == 200 and response.json()[0]["created"] is False
    assert ImportedDocument.objects.count() == 1


def test_a_bad_file_is_a_failed_import_not_a_server_error(staff_client, post):
    response = post(staff_client, ("scan.pdf", b"plain words"))
    assert response.status_code == 201
    assert response.json()[0]["status"] == "failed" and "not a PDF" in response.json()[0]["error"]


def test_a_write_token_of_protocol_staff_may_upload(protocol_staff, post):
    response = post(token_client(protocol_staff, TokenScope.WRITE), ("mou.txt", document("ar_mou_jordan.txt")))
    assert response.status_code == 201


def test_a_read_only_partner_token_may_not_upload(protocol_staff, post):
    response = post(token_client(protocol_staff, TokenScope.READ), ("mou.txt", document("ar_mou_jordan.txt")))
    assert response.status_code == 403 and not ImportedDocument.objects.exists()


def test_a_user_without_import_permission_may_not_upload(manager_client, post):
    response = post(manager_client, ("mou.txt", document("ar_mou_jordan.txt")))
    assert response.status_code == 403


def test_anonymous_requests_are_refused(client, db):
    assert client.get(URL).status_code in (401, 403)


def test_a_request_without_files_is_a_clear_400(staff_client):
    response = staff_client.post(URL, {}, format="multipart")
    assert response.status_code == 400 and "file" in response.json().get("errors", response.json()).__str__()
