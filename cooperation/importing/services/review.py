"""Review: an officer accepts, merges or rejects each candidate; each decision is one transaction.

Every record and citation is saved with the officer as history user and the change reason ``import``. What a
kind of candidate creates and links lives in its handler (``importing/handlers``); this module decides the order:
apply the officer's corrections, create or merge, cite, record the decision, then complete the relations that
this decision makes resolvable (a person accepted after the delegation that names it becomes its member).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation.models import SourceDocument

from ..handlers import IMPORT_REASON, DocumentContext, ReviewError, audit, handler_for, unique_slug
from ..handlers.base import DECIDED, save_checked
from ..models import Candidate, Decision, ImportedDocument, ImportStatus

__all__ = [
    "IMPORT_REASON",
    "ReviewError",
    "candidate_accept",
    "candidate_merge",
    "candidate_reject",
    "hand_edited_fields",
    "merge_preview",
    "merge_previews",
    "source_for_document",
]


def source_for_document(*, document: ImportedDocument, user) -> SourceDocument:
    """The SourceDocument every citation of this import points to (one per content hash)."""
    if document.source_id:
        return document.source
    source = SourceDocument.objects.filter(sha256=document.sha256).first()
    if source is None:
        source = SourceDocument(
            title=(document.title or document.original_name)[:400],
            language=document.language if document.language in ("en", "ru", "ar") else "en",
            publication_date=document.document_date,
            sha256=document.sha256,
            slug=unique_slug(SourceDocument, document.title or document.original_name, prefix="source"),
        )
        audit(source, user)
        source.save()
    document.source = source
    document.save(update_fields=["source"])
    return source


def hand_edited_fields(instance, history: Iterable | None = None) -> set[str]:
    """Fields an officer set by hand (a history row by a user that is not an import): imports leave them be.

    ``history`` is the instance's historical rows, oldest first, when the caller loaded them in bulk.
    """
    records = list(history) if history is not None else list(instance.history.order_by("history_date", "history_id"))
    edited: set[str] = set()
    previous = None
    for record in records:
        fields = [f.attname for f in record.instance_type._meta.concrete_fields]
        by_hand = record.history_user_id is not None and (record.history_change_reason or "") != IMPORT_REASON
        if by_hand:
            if previous is None or record.history_type == "+":
                edited |= {name for name in fields if getattr(record, name, None) not in (None, "")}
            else:
                edited |= {name for name in fields if getattr(record, name, None) != getattr(previous, name, None)}
        previous = record
    return edited


def merge_preview(*, candidate: Candidate, target_id: int) -> list[dict[str, Any]]:
    """What merging would change on the target: one row per field, with the reason a value is kept."""
    handler = handler_for(candidate.kind)
    target = handler.model.objects.prefetch_related(*handler.prefetch).get(pk=target_id)
    edited = hand_edited_fields(target) if hasattr(target, "history") else set()
    return _preview_rows(candidate, target, edited)


def merge_previews(candidates: Iterable[Candidate]) -> dict[int, list[dict[str, Any]]]:
    """``merge_preview`` of many candidates against their first choice, in a fixed number of queries (per kind:
    the targets, their prefetched relations, their history), for the review page."""
    wanted: dict[str, dict[int, int]] = defaultdict(dict)  # kind → candidate pk → target id
    for candidate in candidates:
        target_id = first_choice(candidate)
        if candidate.decision == Decision.PENDING and target_id:
            wanted[candidate.kind][candidate.pk] = target_id
    by_candidate = {c.pk: c for c in candidates}
    previews: dict[int, list[dict[str, Any]]] = {}
    for kind, targets in wanted.items():
        handler = handler_for(kind)
        records = handler.model.objects.prefetch_related(*handler.prefetch).in_bulk(set(targets.values()))
        histories: dict[int, list] = defaultdict(list)
        if hasattr(handler.model, "history"):
            rows = handler.model.history.filter(id__in=list(records)).order_by("history_date", "history_id")
            for row in rows:
                histories[row.id].append(row)
        for candidate_pk, target_id in targets.items():
            target = records.get(target_id)
            if target is None:  # the matched record was deleted since the import ran: show no diff
                continue
            edited = hand_edited_fields(target, histories[target_id]) if hasattr(target, "history") else set()
            previews[candidate_pk] = _preview_rows(by_candidate[candidate_pk], target, edited)
    return previews


def first_choice(candidate: Candidate) -> int | None:
    return candidate.preselected_id or (candidate.matches[0]["id"] if candidate.matches else None)


def _preview_rows(candidate: Candidate, target, edited: set[str]) -> list[dict[str, Any]]:
    handler = handler_for(candidate.kind)
    rows = []
    for name, new in handler.proposed_fields(candidate.value).items():
        old = getattr(target, name, None)
        old_text = "" if old in (None, "") else str(old)
        new_text = "" if new in (None, "") else str(new)
        if not new_text or old_text == new_text:
            continue
        if old_text and name in edited:
            action, reason = "keep", _("edited by hand")
        elif old_text:
            action, reason = "replace", ""
        else:
            action, reason = "fill", ""
        rows.append({"field": name, "old": old_text, "new": new_text, "action": action, "reason": reason})
    for label, text in handler.additions(candidate.value, target):
        rows.append({"field": label, "old": "", "new": text, "action": "add", "reason": ""})
    return rows


def _decide(candidate_id: int) -> Candidate:
    candidate = Candidate.objects.select_for_update().select_related("document").get(pk=candidate_id)
    if candidate.decision != Decision.PENDING:
        raise ReviewError(_("This candidate was already decided (%(decision)s).") % {"decision": candidate.decision})
    return candidate


@transaction.atomic
def candidate_accept(
    *,
    candidate_id: int,
    user,
    edits: dict[str, Any] | None = None,
    keep: dict[str, set[int]] | None = None,
) -> Candidate:
    """Create the record the candidate describes, with its relations and a citation to the document.

    ``edits`` are an officer's corrections of the extracted value (``Handler.edit_fields``); ``keep`` lists, per
    relation (members, participants, parties ...), the indices left checked: the others are dropped. Both are
    stored into the candidate's value first, so the candidate shows what was created.
    """
    candidate = _decide(candidate_id)
    handler = handler_for(candidate.kind)
    if edits or keep:
        candidate.value = handler.keep_relations(handler.apply_edits(candidate.value, edits or {}), keep or {})
        candidate.label = handler.label(candidate.value)[:400]
        candidate.save(update_fields=["value", "label"])
    context = DocumentContext.of(candidate.document)
    context.replace(candidate)
    source = source_for_document(document=candidate.document, user=user)
    record = handler.create(candidate, context, user)
    handler.cite(candidate, record, source, user)
    _finish(candidate, Decision.ACCEPTED, record.pk, user)
    _link(candidate, record, context, user)
    return candidate


@transaction.atomic
def candidate_merge(*, candidate_id: int, target_id: int, user) -> Candidate:
    """Add what the candidate knows to an existing record; values edited by hand are kept."""
    candidate = _decide(candidate_id)
    handler = handler_for(candidate.kind)
    try:
        target = handler.model.objects.select_for_update().get(pk=target_id)
    except handler.model.DoesNotExist as exc:
        raise ReviewError(_("The record to merge into no longer exists.")) from exc
    source = source_for_document(document=candidate.document, user=user)
    proposed = handler.proposed_fields(candidate.value)
    changed = False
    for row in merge_preview(candidate=candidate, target_id=target_id):
        if row["action"] in ("fill", "replace") and hasattr(target, row["field"]):
            value = proposed[row["field"]]
            if row["field"] in ("start_date", "end_date") and value:
                value = dt.date.fromisoformat(value)
            setattr(target, row["field"], value)
            changed = True
    if changed:
        save_checked(target, user)
    context = DocumentContext.of(candidate.document)
    context.replace(candidate)
    handler.merge(candidate, target, context, user)
    handler.cite(candidate, target, source, user)
    _finish(candidate, Decision.MERGED, target.pk, user)
    _link(candidate, target, context, user)
    return candidate


@transaction.atomic
def candidate_reject(*, candidate_id: int, user) -> Candidate:
    candidate = _decide(candidate_id)
    return _finish(candidate, Decision.REJECTED, None, user)


def _finish(candidate: Candidate, decision: str, target_id: int | None, user) -> Candidate:
    candidate.decision = decision
    candidate.target_id = target_id
    candidate.decided_by = user
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "target_id", "decided_by", "decided_at"])
    document = candidate.document
    if not document.candidates.filter(decision=Decision.PENDING).exists():
        document.status = ImportStatus.REVIEWED
        document.reviewed_at = timezone.now()
        document.save(update_fields=["status", "reviewed_at"])
    return candidate


def _link(candidate: Candidate, record, context: DocumentContext, user) -> None:
    """The decided record's own relations, then those of records already decided that name it: the review
    can go in any order, and each relation is made as soon as both ends exist."""
    context.replace(candidate)
    handler_for(candidate.kind).link(candidate, record, context, user)
    for other in context.candidates:
        if other.pk == candidate.pk or other.decision not in DECIDED or not other.target_id:
            continue
        handler = handler_for(other.kind)
        if not handler.refers_to(other.value, candidate, context):
            continue
        target = handler.model.objects.filter(pk=other.target_id).first()
        if target is not None:  # deleted by hand since: nothing to complete
            handler.link(other, target, context, user)
