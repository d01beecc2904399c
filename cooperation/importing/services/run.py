"""The run: read the stored file, extract, match, and write the candidates in one transaction, once.

A run refuses to start on a document that is not queued (or left processing by a killed worker), and its final
transaction re-checks the status under a row lock, so two runs write once.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import matching
from ..extraction import EXTRACTOR_VERSION, extract_all
from ..handlers import HANDLERS
from ..models import Candidate, CandidateKind, ImportedDocument, ImportStatus
from ..text import UnreadableDocument, read_text

logger = logging.getLogger(__name__)

# The extraction's sections, each becoming candidates of one kind (also read by ops/stress_helper.py).
CANDIDATE_SECTIONS = tuple((handler.section, handler.kind) for handler in HANDLERS.values())


def document_import_run(*, document_id: int) -> ImportedDocument | None:
    """Extract and match one document; writes its candidates in one transaction, once.

    Queued documents and documents left ``processing`` by a killed worker are (re)run; any other status
    means the work is done and the call does nothing.
    """
    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status not in (ImportStatus.QUEUED, ImportStatus.PROCESSING):
            return document
        document.status = ImportStatus.PROCESSING
        document.started_at = timezone.now()
        document.attempts += 1
        document.save(update_fields=["status", "started_at", "attempts"])

    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        read = read_text(data, name=document.original_name)
        extraction = extract_all(
            read.text, document_date=document.document_date or read.published, known_aliases=matching.known_aliases()
        )
        candidates = candidates_build(document=document, extraction=extraction)
    except UnreadableDocument as exc:
        return _fail(document_id, str(exc))
    except (FileNotFoundError, ValueError) as exc:
        logger.warning("import %s: stored file unreadable: %s", document_id, exc)
        return _fail(document_id, _("The stored file could not be read; upload it again."))

    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().get(pk=document_id)
        if document.status != ImportStatus.PROCESSING:
            return document  # another worker finished first
        Candidate.objects.filter(document=document).delete()
        for candidate in candidates:
            candidate.document = document
        Candidate.objects.bulk_create(candidates)
        document.text = read.text
        document.title = read.title[:400]
        document.encoding = read.encoding
        document.language = extraction["language"]
        if not document.document_date and extraction["document_date"]:
            document.document_date = dt.date.fromisoformat(extraction["document_date"])
        document.extraction = extraction
        document.extractor_version = EXTRACTOR_VERSION
        document.status = ImportStatus.READY_FOR_REVIEW
        document.finished_at = timezone.now()
        document.error = ""
        document.save()
    return document


def _fail(document_id: int, message: str) -> ImportedDocument:
    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().get(pk=document_id)
        document.status = ImportStatus.FAILED
        document.error = message
        document.finished_at = timezone.now()
        document.save(update_fields=["status", "error", "finished_at"])
    return document


def document_mark_failed(*, document_id: int, message: str) -> None:
    """Used by the task when retries are exhausted or a time limit hits: the officer sees a failure."""
    ImportedDocument.objects.filter(pk=document_id).exclude(
        status__in=[ImportStatus.READY_FOR_REVIEW, ImportStatus.REVIEWED]
    ).update(status=ImportStatus.FAILED, error=message, finished_at=timezone.now())


def candidates_build(*, document: ImportedDocument, extraction: dict[str, Any]) -> list[Candidate]:
    """Unsaved candidates for an extraction, section by section (the order relations by index rely on)."""
    candidates: list[Candidate] = []
    for handler in HANDLERS.values():
        for item in extraction.get(handler.section, []):
            value = dict(item["value"])
            # the article's language as read now: the document row only records it once the run is written
            handler.prepare(value, language=extraction.get("language") or document.language)
            if handler.kind == CandidateKind.EVENT:
                _copy_host_officials(value, extraction)
            matches = handler.match(value)
            candidates.append(
                Candidate(
                    document=document,
                    kind=handler.kind,
                    order=len(candidates),
                    label=handler.label(value)[:400],
                    value=value,
                    evidence_start=item["evidence"]["start"],
                    evidence_end=item["evidence"]["end"],
                    passage=item["evidence"]["passage"],
                    more_evidence=item.get("also_at", []),
                    confidence=item["confidence"],
                    matches=matches,
                    preselected_id=matching.preselect(matches),
                )
            )
    return candidates


def _copy_host_officials(value: dict[str, Any], extraction: dict[str, Any]) -> None:
    """Host officials are named on the delegation but host its events: each event keeps its own copy, so an
    officer can drop one from an event without touching the delegation."""
    index = value.get("delegation")
    delegations = extraction.get("delegations", [])
    if isinstance(index, int) and 0 <= index < len(delegations):
        value.setdefault("host_officials", list(delegations[index]["value"].get("host_officials") or []))
