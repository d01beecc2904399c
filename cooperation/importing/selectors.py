"""Reads for the import screens and the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Candidate, Decision, ImportedDocument


def documents_with_counts() -> QuerySet[ImportedDocument]:
    return ImportedDocument.objects.annotate(candidate_total=Count("candidates")).select_related("uploaded_by")


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


def highlighted_text(*, document: ImportedDocument) -> SafeString:
    """The document's text, escaped, with every candidate's evidence wrapped in a linkable <mark>."""
    text = document.text
    spans: list[tuple[int, int, bool, int, str]] = []
    for c in document.candidates.all():
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


def review_candidates(*, document: ImportedDocument) -> list[dict[str, Any]]:
    from .services import merge_preview

    rows = []
    for candidate in document.candidates.all():
        diff_target = candidate.preselected_id or (candidate.matches[0]["id"] if candidate.matches else None)
        diff = []
        if candidate.decision == Decision.PENDING and diff_target:
            try:
                diff = merge_preview(candidate=candidate, target_id=diff_target)
            except ObjectDoesNotExist:  # the matched record was deleted since the import ran: show no diff
                diff = []
        rows.append({"candidate": candidate, "diff": diff, "diff_target": diff_target})
    return rows


def pending_candidates(*, document: ImportedDocument) -> QuerySet[Candidate]:
    return document.candidates.filter(decision=Decision.PENDING)
