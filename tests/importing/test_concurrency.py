"""Races that only a real database with row locks can show: run on PostgreSQL (CI), skipped on SQLite."""

from __future__ import annotations

import threading

import pytest
from django.core.files.base import ContentFile
from django.db import connection, connections

from cooperation.importing.models import Candidate, ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from cooperation.importing.services.run import document_import_run

from .conftest import document

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers")


def _in_threads(target, count: int = 2) -> list:
    results: list = [None] * count
    barrier = threading.Barrier(count)

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except Exception as exc:  # surfaced to the test below
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_uploads_of_one_file_at_once_produce_one_document(transactional_db):
    data = document("en_visit_mongolia.txt")
    results = _in_threads(lambda: document_submit(data=data, name="visit.txt"))
    assert not any(isinstance(r, Exception) for r in results), results
    assert ImportedDocument.objects.count() == 1
    assert sorted(r.created for r in results) == [False, True]
    assert {r.document.pk for r in results} == {ImportedDocument.objects.get().pk}


def test_two_workers_running_one_import_at_once_write_its_candidates_once(transactional_db):
    # Stored directly (not through document_submit) so that no task runs the import before the two workers.
    doc = ImportedDocument.objects.create(sha256="b" * 64, original_name="mou.txt")
    doc.file.save("mou.txt", ContentFile(document("ar_mou_jordan.txt")))
    results = _in_threads(lambda: document_import_run(document_id=doc.pk))
    assert not any(isinstance(r, Exception) for r in results), results
    doc.refresh_from_db()
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    orders = list(Candidate.objects.filter(document=doc).values_list("order", flat=True))
    assert orders and len(orders) == len(set(orders))
