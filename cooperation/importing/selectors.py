"""Reads for the import screens and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .handlers import DocumentContext, handler_for
from .models import Candidate, Decision, ImportedDocument, ImportStatus
from .services.review import first_choice, merge_previews


def documents_with_counts() -> QuerySet[ImportedDocument]:
    return ImportedDocument.objects.annotate(candidate_total=Count("candidates")).select_related("uploaded_by")


def documents_stalled(*, now: dt.datetime) -> list[int]:
    """Imports that a lost message or a dead worker left waiting, oldest first (500 at most per sweep):

    - ``queued`` for longer than ``IMPORT_STALL_SECONDS`` since it was last sent: the message was lost (Redis
      restarted without persistence, or the send failed);
    - ``processing`` for longer than the task's hard time limit plus that margin: its worker died without the
      broker redelivering (a redelivery would have finished or failed it by then).
    """
    stall = dt.timedelta(seconds=settings.IMPORT_STALL_SECONDS)
    hard_limit = dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return list(
        ImportedDocument.objects.filter(
            Q(status=ImportStatus.QUEUED, queued_at__lt=now - stall)
            | Q(status=ImportStatus.QUEUED, queued_at__isnull=True, created_at__lt=now - stall)
            | Q(status=ImportStatus.PROCESSING, started_at__lt=now - hard_limit - stall)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:500]
    )


def candidate_counts(*, document: ImportedDocument) -> dict[str, int]:
    rows = document.candidates.values("decision").annotate(n=Count("id"))
    counts = {row["decision"]: row["n"] for row in rows}
    return {"total": sum(counts.values()), **{d.value: counts.get(d.value, 0) for d in Decision}}


def document_status(*, document: ImportedDocument) -> dict[str, Any]:
    return {
        "id": document.pk,
        "name": document.original_name,
        "sha256": document.sha256,
        "status": document.status,
        "status_display": str(document.get_status_display()),
        "error": document.error,
        "language": document.language,
        "extractor_version": document.extractor_version,
        "attempts": document.attempts,
        "uploaded_at": document.created_at.isoformat() if document.created_at else None,
        "started_at": document.started_at.isoformat() if document.started_at else None,
        "finished_at": document.finished_at.isoformat() if document.finished_at else None,
        "duration_seconds": document.duration_seconds,
        "candidates": candidate_counts(document=document),
    }


def review_queryset(*, document: ImportedDocument) -> QuerySet[Candidate]:
    return document.candidates.select_related("decided_by").order_by("order")


def highlighted_text(*, document: ImportedDocument, candidates: list[Candidate] | None = None) -> SafeString:
    """The document's text, escaped, with every candidate's evidence wrapped in a linkable <mark>."""
    text = document.text
    spans: list[tuple[int, int, bool, int, str]] = []
    for c in candidates if candidates is not None else document.candidates.all():
        spans.append((c.evidence_start, c.evidence_end, False, c.pk, c.kind))
        # Further mentions ("Кириллом Залеским" after "Кирилла Залесского") are marked too, without an anchor.
        spans.extend((e["start"], e["end"], True, c.pk, c.kind) for e in c.more_evidence if e["end"] - e["start"] < 200)
    out: list[str] = []
    cursor = 0
    for start, end, further, pk, kind in sorted(spans):
        if start < cursor or end > len(text):  # overlapping evidence: the first span keeps the highlight
            continue
        out.append(escape(text[cursor:start]))
        anchor = "" if further else f' id="evidence-{pk}"'
        out.append(
            f'<mark{anchor} class="evidence evidence-{escape(kind)}{" further" if further else ""}">'
            f'<a href="#candidate-{pk}">{escape(text[start:end])}</a></mark>'
        )
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # every piece of document text above went through escape()


def review_candidates(*, document: ImportedDocument, candidates: list[Candidate] | None = None) -> list[dict[str, Any]]:
    """Each candidate with the record it would create, its relations, the corrections form, the merge diff and,
    once decided, the admin page of its record. A fixed number of queries whatever the number of candidates."""
    candidates = list(candidates if candidates is not None else review_queryset(document=document))
    context = DocumentContext(candidates)
    diffs = merge_previews(candidates)
    rows = []
    for candidate in candidates:
        handler = handler_for(candidate.kind)
        pending = candidate.decision == Decision.PENDING
        rows.append(
            {
                "candidate": candidate,
                "record": handler.preview(candidate.value),
                "relations": handler.relations(candidate.value, context),
                "form": handler.edit_form(candidate.value, auto_id=f"c{candidate.pk}-%s") if pending else None,
                "diff": diffs.get(candidate.pk, []),
                "diff_target": first_choice(candidate),
                "record_url": _admin_url(handler.model, candidate.target_id),
            }
        )
    return rows


def _admin_url(model, pk: int | None) -> str:
    if pk is None:
        return ""
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""
