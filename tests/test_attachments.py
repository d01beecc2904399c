"""Attachments: files checked like imports, kept on the media volume beside their record, in the admin, the
reports and the partner API (never an internal one to a partner)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from cooperation import models as m
from cooperation.admin.attachments import AttachmentForm
from cooperation.attachments import attachment_add
from tests import factories as f
from tests.admin.conftest import change_form_data
from tests.api.conftest import follow_to_sync, make_token

PDF = f.PDF_BYTES
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return sorted(path for path in media.rglob("*") if path.is_file()) if media.exists() else []


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def partner(db, django_user_model) -> APIClient:
    user = django_user_model.objects.create_user("partner.crm", password=None)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(user)[1]}")
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "content_type"), [("Signed MoU.PDF", PDF, "application/pdf"), ("team.png", PNG, "image/png")]
)
def test_a_pdf_and_a_png_are_kept_beside_their_record(media, protocol_staff, name, data, content_type):
    delegation = f.DelegationFactory()

    attachment = attachment_add(record=delegation, upload=upload(name, data), kind="photo", user=protocol_staff)

    attachment.refresh_from_db()
    assert (attachment.content_type, attachment.size) == (content_type, len(data))
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.uploaded_by == protocol_staff
    assert attachment.title == Path(name).stem
    assert attachment.file.name.startswith("attachments/")
    assert Path(attachment.file.path).read_bytes() == data
    assert Path(attachment.file.path).resolve().is_relative_to(Path(media).resolve())
    assert list(delegation.attachments.all()) == [attachment]


@pytest.mark.django_db
def test_the_same_file_twice_on_a_record_is_kept_once():
    event = f.EventFactory()
    first = attachment_add(record=event, upload=upload("programme.pdf", PDF))

    assert attachment_add(record=event, upload=upload("programme (1).pdf", PDF)) == first
    assert m.Attachment.objects.count() == 1


@pytest.mark.django_db
def test_the_stored_name_is_one_govex_chose(media):
    agreement = f.AgreementFactory()

    attachment = attachment_add(record=agreement, upload=upload("../../etc/annual\u202etxt.exe\x00 копия.pdf", PDF))

    stored = Path(attachment.file.name)
    assert stored.parts[0] == "attachments" and ".." not in stored.parts
    assert stored.name.endswith(".pdf") and "\u202e" not in attachment.title and "\x00" not in attachment.title
    assert Path(attachment.file.path).resolve().is_relative_to(Path(media).resolve())


@pytest.mark.django_db
def test_an_exe_renamed_pdf_is_refused_with_a_message_and_nothing_is_saved(media):
    delegation = f.DelegationFactory()

    with pytest.raises(ValidationError) as refused:
        attachment_add(record=delegation, upload=upload("programme.pdf", EXE))

    assert refused.value.messages == ["“programme.pdf” is named .pdf but its content is not a PDF file."]
    assert m.Attachment.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_type_that_is_not_allowed_is_refused_in_the_readers_language(media):
    delegation = f.DelegationFactory()

    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        attachment_add(record=delegation, upload=upload("setup.exe", EXE))

    assert "setup.exe" in refused.value.messages[0]
    assert "Attach" not in refused.value.messages[0], "the message is translated"
    assert m.Attachment.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_file_over_the_import_limit_is_refused(settings, media):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    delegation = f.DelegationFactory()

    with pytest.raises(ValidationError, match="the limit is"):
        attachment_add(record=delegation, upload=upload("photo.png", PNG + b"\x00" * 2048))

    assert m.Attachment.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.django_db
def test_the_admin_form_refuses_a_disguised_file_and_keeps_a_good_one(media, protocol_staff):
    delegation = f.DelegationFactory()
    bad = AttachmentForm(
        data={"kind": "signed_text", "title": ""},
        files={"file": upload("signed.pdf", EXE)},
        instance=m.Attachment(delegation=delegation),
    )
    assert not bad.is_valid()
    assert bad.errors["file"] == ["“signed.pdf” is named .pdf but its content is not a PDF file."]
    assert stored_files(media) == []

    form_class = type("Form", (AttachmentForm,), {"user": protocol_staff})
    good = form_class(
        data={"kind": "signed_text", "title": ""},
        files={"file": upload("signed.pdf", PDF)},
        instance=m.Attachment(delegation=delegation),
    )
    assert good.is_valid(), good.errors
    saved = good.save()
    assert (saved.title, saved.size, saved.uploaded_by) == ("signed", len(PDF), protocol_staff)

    twin = AttachmentForm(
        data={"kind": "other", "title": "again"},
        files={"file": upload("copy.pdf", PDF)},
        instance=m.Attachment(delegation=delegation),
    )
    assert not twin.is_valid()
    assert twin.errors["file"] == ["This file is already attached here."]


@pytest.mark.django_db
@pytest.mark.parametrize("links", [{}, {"event": True}])
def test_the_database_holds_an_attachment_to_exactly_one_record(links):
    delegation = f.DelegationFactory()
    extra = {"event": f.EventFactory()} if links else {}
    attachment = m.Attachment(
        file="attachments/x.pdf", delegation=None if not links else delegation, **extra, size=1, sha256="0" * 64
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        attachment.save()


@pytest.mark.django_db
def test_a_change_is_kept_in_history():
    attachment = f.AttachmentFactory(title="Draft")

    attachment.title = "Signed text"
    attachment.internal = True
    attachment.save()

    history = attachment.history.order_by("history_date")
    assert [(row.history_type, row.title, row.internal) for row in history] == [
        ("+", "Draft", False),
        ("~", "Signed text", True),
    ]


# --- Download by the office -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_download_needs_a_signed_in_user_who_may_view_attachments(client, django_user_model, manager):
    attachment = f.AttachmentFactory()
    url = reverse("reports:attachment_download", kwargs={"uid": attachment.uid})

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/admin/login/")

    client.force_login(django_user_model.objects.create_user("no.groups", password=None, is_staff=True))
    assert client.get(url).status_code == 403

    client.force_login(manager)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert b"".join(response.streaming_content) == PDF


# --- Partner API -----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_partner_never_lists_nor_downloads_an_internal_attachment(partner):
    shared = f.AttachmentFactory(title="Programme")
    internal = f.AttachmentFactory(title="Our notes", internal=True)

    listed = partner.get("/api/v1/attachments/").json()["results"]
    assert [item["id"] for item in listed] == [str(shared.uid)]
    assert partner.get(f"/api/v1/attachments/{internal.uid}/").status_code == 404
    assert partner.get(f"/api/v1/attachments/{internal.uid}/download/").status_code == 404

    download = partner.get(f"/api/v1/attachments/{shared.uid}/download/")
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db
def test_the_list_and_the_detail_give_the_same_attachment(partner):
    delegation = f.DelegationFactory(slug="uae-visit", title="Visit to the UAE", title_ru="Визит в ОАЭ")
    attachment = f.AttachmentFactory(delegation=delegation, title="Signed text", kind="signed_text")
    base = f"http://testserver/api/v1/attachments/{attachment.uid}/"

    detail = partner.get(base).json()
    listed = partner.get("/api/v1/attachments/?delegation=uae-visit").json()["results"]

    assert listed == [detail]
    assert detail == {
        "id": str(attachment.uid),
        "url": base,
        "kind": "signed_text",
        "title": "Signed text",
        "size": len(PDF),
        "content_type": "application/pdf",
        "sha256": hashlib.sha256(PDF).hexdigest(),
        "record": {
            "record_type": "delegation",
            "slug": "uae-visit",
            "url": "http://testserver/api/v1/delegations/uae-visit/",
            "title": {"en": "Visit to the UAE", "ru": "Визит в ОАЭ", "ar": None},
        },
        "download": f"{base}download/",
        "created_at": detail["created_at"],
        "updated_at": detail["updated_at"],
    }


@pytest.mark.django_db
def test_a_deleted_attachment_is_gone(partner):
    attachment = f.AttachmentFactory()
    uid = attachment.uid
    attachment.delete()

    assert partner.get(f"/api/v1/attachments/{uid}/").status_code == 410


@pytest.mark.django_db
def test_the_sync_link_brings_a_new_attachment_and_a_removed_one(partner):
    old = f.AttachmentFactory(title="Old programme")
    walked, sync_link = follow_to_sync(partner, "/api/v1/attachments/?page_size=1")
    assert [item["id"] for item in walked] == [str(old.uid)]

    new = f.AttachmentFactory(title="Signed text")
    old_uid = str(old.uid)
    old.delete()
    changed, _next_sync = follow_to_sync(partner, sync_link)

    removed = [item for item in changed if "removed" in item]
    assert [(item["id"], item["removed"]["reason"]) for item in removed] == [(old_uid, "deleted")]
    assert str(new.uid) in [item["id"] for item in changed if "removed" not in item]


# --- Admin and reports -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_attach_a_file_on_the_delegation_page_and_a_disguised_one_is_refused(client, protocol_staff, media):
    delegation = f.DelegationFactory()
    url = reverse("admin:cooperation_delegation_change", args=[delegation.pk])
    client.force_login(protocol_staff)
    page = client.get(url)
    assert page.status_code == 200
    prefix = next(s.formset.prefix for s in page.context["inline_admin_formsets"] if s.formset.model is m.Attachment)
    data = change_form_data(page)
    row = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-kind": "signed_text", f"{prefix}-0-title": ""}

    refused = client.post(url, data | row | {f"{prefix}-0-file": upload("mou.pdf", EXE)})
    assert refused.status_code == 200, "the form comes back with the error"
    assert "is named .pdf but its content is not a PDF file" in refused.content.decode()
    assert m.Attachment.objects.count() == 0 and stored_files(media) == []

    saved = client.post(url, data | row | {f"{prefix}-0-file": upload("mou.pdf", PDF)})
    assert saved.status_code == 302, saved.context and [
        s.formset.errors for s in saved.context["inline_admin_formsets"]
    ]
    attachment = delegation.attachments.get()
    assert (attachment.title, attachment.uploaded_by, attachment.content_type) == (
        "mou",
        protocol_staff,
        "application/pdf",
    )
    assert attachment.get_absolute_url() in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_agreement_tracker_links_each_agreements_files(client, manager):
    agreement = f.AgreementFactory(status=m.AgreementStatus.SIGNED)
    attachment = f.AttachmentFactory(delegation=None, agreement=agreement, title="Signed text")
    client.force_login(manager)

    page = client.get(reverse("reports:agreements")).content.decode()

    assert f'<a href="{attachment.get_absolute_url()}">' in page
    assert "Signed text" in page
