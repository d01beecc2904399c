from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cooperation.importing.models import ImportedDocument, ImportStatus
from cooperation.models import Official, SourceDocument

from .conftest import DOCUMENTS


def test_extract_json_prints_everything_with_evidence_and_writes_nothing(db):
    out = StringIO()
    call_command("extract", str(DOCUMENTS / "ru_meeting_kyrgyzstan.txt"), "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["language"] == "ru"
    for section in ("people", "countries", "dates", "delegations", "events", "agreements", "programmes", "topics"):
        assert section in result
    person = result["people"][0]
    assert set(person["evidence"]) == {"start", "end", "passage"} and 0 < person["confidence"] <= 1
    assert result["delegations"][0]["value"]["start"] == "2024-11-12"
    assert not ImportedDocument.objects.exists() and not Official.objects.exists()
    assert not SourceDocument.objects.exists()


def test_extract_explains_an_unreadable_file(tmp_path):
    bad = tmp_path / "report.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(CommandError, match="not a PDF file"):
        call_command("extract", str(bad), "--no-known")


def test_import_documents_queues_a_folder_and_waits_for_the_result(db, tmp_path, django_capture_on_commit_callbacks):
    for name in ("en_visit_mongolia.txt", "ar_mou_jordan.txt"):
        (tmp_path / name).write_bytes((DOCUMENTS / name).read_bytes())
    (tmp_path / "notes.xyz").write_text("ignored: not an importable type")
    out, err = StringIO(), StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_documents", str(tmp_path), stdout=out, stderr=err)
    call_command("import_documents", str(tmp_path), "--wait", "--timeout", "5", stdout=out, stderr=err)
    assert ImportedDocument.objects.filter(status=ImportStatus.READY_FOR_REVIEW).count() == 2
    assert "2/2" in err.getvalue() + out.getvalue()
    assert "already imported" in out.getvalue()


def test_import_documents_refuses_a_missing_path(db):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_documents", "/no/such/folder")
