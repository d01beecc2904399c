"""Writes of the import pipeline: submit a file, run the extraction, decide on candidates.

Each service is safe to call twice: a document is keyed by its content hash, a run refuses to start on a
document that is not queued (or left processing by a killed worker), and every decision is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cooperation.models import (
    Agreement,
    Citation,
    Delegation,
    DelegationMember,
    Event,
    MemberRole,
    NameKind,
    Official,
    OfficialName,
    Position,
    SourceDocument,
    Topic,
    TrainingProgramme,
)
from cooperation.names import script_of, transliterate

from . import matching
from .extraction import EXTRACTOR_VERSION, extract_all
from .models import Candidate, CandidateKind, Decision, ImportedDocument, ImportStatus
from .text import UnreadableDocument, check_content, check_upload, read_text

logger = logging.getLogger(__name__)
IMPORT_REASON = "import"
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ReviewError(Exception):
    """A decision that cannot be applied (already decided, wrong target); the message is for the officer."""


@dataclass
class Submitted:
    document: ImportedDocument
    created: bool

    @property
    def message(self) -> str:
        if not self.created:
            return _("“%(name)s” was already imported (same content as “%(existing)s”); nothing new was created.") % {
                "name": self.document.original_name,
                "existing": self.document,
            }
        if self.document.status == ImportStatus.FAILED:
            return _("“%(name)s” could not be imported: %(error)s") % {
                "name": self.document.original_name,
                "error": self.document.error,
            }
        return _("“%(name)s” was queued for import.") % {"name": self.document.original_name}


# --- intake ------------------------------------------------------------------------------------------------


def document_submit(
    *, data: bytes, name: str, user=None, document_date: dt.date | None = None, size: int | None = None
) -> Submitted:
    """Store a file once per content hash and queue its import after the transaction commits.

    A file refused by its size or type still leaves a failed document, so the officer sees why; its bytes
    are not stored. Two concurrent submissions of one file meet on the unique hash: one creates, the other
    finds it.
    """
    # Control characters (NUL, escape sequences, line breaks) and bidirectional overrides in a file name only
    # hide what it says ("annual\u202etxt.exe" shows as "annualexe.txt", and the override spills into the page
    # around it); PostgreSQL refuses NUL outright. What remains is the name the officer sees.
    name = "".join(char for char in name if unicodedata.category(char) != "Cc" and char not in _BIDI_CONTROLS)
    sha256 = hashlib.sha256(data).hexdigest()
    existing = ImportedDocument.objects.filter(sha256=sha256).first()
    if existing is not None:
        return Submitted(existing, created=False)
    error = ""
    file_format = ""
    try:
        file_format = check_upload(name=name, size=size if size is not None else len(data))
        file_format = check_content(data, name=name)
    except UnreadableDocument as exc:
        error = str(exc)
    try:
        with transaction.atomic():
            document = ImportedDocument.objects.create(
                sha256=sha256,
                original_name=name[:255],
                size=size if size is not None else len(data),
                file_format=file_format,
                uploaded_by=user if user is not None and user.is_authenticated else None,
                document_date=document_date,
                status=ImportStatus.FAILED if error else ImportStatus.QUEUED,
                error=error,
            )
            if not error:
                document.file.save(f"{sha256[:16]}-{slugify(name)[:60] or 'document'}", ContentFile(data), save=True)
                transaction.on_commit(lambda: _enqueue(document.pk))
    except IntegrityError:
        # Another request stored the same content between our check and our insert.
        return Submitted(ImportedDocument.objects.get(sha256=sha256), created=False)
    return Submitted(document, created=True)


def _enqueue(document_id: int) -> None:
    """Hand a committed document to the task queue.

    The database, not the broker, is the record of what is to be done: if Redis is away (restarting, full) the
    document stays ``queued`` and ``documents_resend_stalled`` sends it again later, so the upload itself still
    succeeds instead of answering 500 for a document that is already safely stored.
    """
    from cooperation.tasks import import_document

    ImportedDocument.objects.filter(pk=document_id).update(queued_at=timezone.now())
    try:
        import_document.delay(document_id)
    except Exception:
        logger.warning("import %s: the task queue is unreachable; it will be sent again", document_id, exc_info=True)


def documents_resend_stalled(*, now: dt.datetime | None = None) -> list[int]:
    """Send again every import that a lost message or a dead worker left waiting; returns their ids.

    - ``queued`` for longer than ``IMPORT_STALL_SECONDS`` since it was last sent: the message was lost (Redis
      restarted without persistence, or the send failed);
    - ``processing`` for longer than the task's hard time limit plus that margin: its worker died without the
      broker redelivering (a redelivery would have finished or failed it by then).

    A resend that meets a document another worker is finishing does nothing (``document_import_run``), so
    the worst case of a resend is a wasted extraction, never a second set of candidates.
    """
    now = now or timezone.now()
    stall = dt.timedelta(seconds=settings.IMPORT_STALL_SECONDS)
    hard_limit = dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    stalled = list(
        ImportedDocument.objects.filter(
            Q(status=ImportStatus.QUEUED, queued_at__lt=now - stall)
            | Q(status=ImportStatus.QUEUED, queued_at__isnull=True, created_at__lt=now - stall)
            | Q(status=ImportStatus.PROCESSING, started_at__lt=now - hard_limit - stall)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:500]
    )
    for document_id in stalled:
        logger.warning("import %s: stalled; sending it again", document_id)
        _enqueue(document_id)
    return stalled


def document_requeue(*, document_id: int) -> ImportedDocument:
    """Run a failed import again (after a fix to the extractor, or a transient failure)."""
    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().get(pk=document_id)
        if document.status != ImportStatus.FAILED or not document.file:
            return document
        document.status, document.error = ImportStatus.QUEUED, ""
        document.save(update_fields=["status", "error"])
        transaction.on_commit(lambda: _enqueue(document.pk))
    return document


# --- the run -----------------------------------------------------------------------------------------------


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
            read.text, document_date=document.document_date, known_aliases=matching.known_aliases()
        )
        candidates = _candidates(document, extraction)
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


# The extraction's sections, each becoming candidates of one kind (also read by ops/stress_helper.py).
CANDIDATE_SECTIONS = (
    ("people", CandidateKind.PERSON),
    ("delegations", CandidateKind.DELEGATION),
    ("events", CandidateKind.EVENT),
    ("agreements", CandidateKind.AGREEMENT),
    ("programmes", CandidateKind.PROGRAMME),
    ("topics", CandidateKind.TOPIC),
)


def _label(kind: str, value: dict[str, Any]) -> str:
    if kind == CandidateKind.PERSON:
        title = value.get("title_normal") or value.get("title") or ""
        return f"{value['normal']} — {title}" if title else value["normal"]
    if kind == CandidateKind.DELEGATION:
        dates = f" ({value['start']}{' – ' + value['end'] if value.get('end') else ''})" if value.get("start") else ""
        return f"{value['origin_country']} → {value.get('host_country') or '?'}{dates}"
    if kind == CandidateKind.EVENT:
        return f"{value['kind']}: {value['title']}"
    return value.get("title") or value.get("name") or "?"


def _candidates(document: ImportedDocument, extraction: dict[str, Any]) -> list[Candidate]:
    candidates: list[Candidate] = []
    for section, kind in CANDIDATE_SECTIONS:
        for item in extraction[section]:
            matches = matching.MATCHERS[kind](item["value"])
            candidates.append(
                Candidate(
                    kind=kind,
                    order=len(candidates),
                    label=_label(kind, item["value"])[:400],
                    value=item["value"],
                    evidence_start=item["evidence"]["start"],
                    evidence_end=item["evidence"]["end"],
                    passage=item["evidence"]["passage"],
                    more_evidence=item["also_at"],
                    confidence=item["confidence"],
                    matches=matches,
                    preselected_id=matching.preselect(matches),
                )
            )
    return candidates


# --- review ------------------------------------------------------------------------------------------------


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
            slug=_unique_slug(SourceDocument, document.title or document.original_name, prefix="source"),
        )
        _audit(source, user)
        source.save()
    document.source = source
    document.save(update_fields=["source"])
    return source


def _unique_slug(model, text: str, *, prefix: str) -> str:
    base = slugify(transliterate(text.lower()))[:100].strip("-") or prefix
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _audit(instance, user) -> None:
    """History rows of import writes name the officer who decided, and say they came from an import."""
    instance._history_user = user
    instance._change_reason = IMPORT_REASON


def hand_edited_fields(instance) -> set[str]:
    """Fields an officer set by hand (a history row by a user that is not an import): imports leave them be."""
    edited: set[str] = set()
    previous = None
    for record in instance.history.order_by("history_date", "history_id"):
        by_hand = record.history_user_id is not None and (record.history_change_reason or "") != IMPORT_REASON
        if by_hand:
            if previous is None or record.history_type == "+":
                edited |= {
                    f.attname
                    for f in record.instance_type._meta.concrete_fields
                    if getattr(record, f.attname, None) not in (None, "")
                }
            else:
                edited |= {change.field for change in record.diff_against(previous).changes}
        previous = record
    return edited


def merge_preview(*, candidate: Candidate, target_id: int) -> list[dict[str, Any]]:
    """What merging would change on the target: one row per field, with the reason a value is kept."""
    target = _target_model(candidate.kind).objects.get(pk=target_id)
    proposed = _proposed_fields(candidate)
    edited = hand_edited_fields(target) if hasattr(target, "history") else set()
    rows = []
    for field, new in proposed.items():
        old = getattr(target, field, None)
        old_text = "" if old in (None, "") else str(old)
        new_text = "" if new in (None, "") else str(new)
        if not new_text or old_text == new_text:
            continue
        if old_text and field in edited:
            action, reason = "keep", _("edited by hand")
        elif old_text:
            action, reason = "replace", ""
        else:
            action, reason = "fill", ""
        rows.append({"field": field, "old": old_text, "new": new_text, "action": action, "reason": reason})
    for extra in _additions(candidate, target):
        rows.append({"field": extra[0], "old": "", "new": extra[1], "action": "add", "reason": ""})
    return rows


def _target_model(kind: str):
    return {
        CandidateKind.PERSON: Official,
        CandidateKind.DELEGATION: Delegation,
        CandidateKind.EVENT: Event,
        CandidateKind.AGREEMENT: Agreement,
        CandidateKind.PROGRAMME: TrainingProgramme,
        CandidateKind.TOPIC: Topic,
    }[kind]


def _proposed_fields(candidate: Candidate) -> dict[str, Any]:
    value = candidate.value
    if candidate.kind == CandidateKind.PERSON:
        return {"country": value.get("country") or "", "honorific_prefix": value.get("honorific") or ""}
    if candidate.kind in (CandidateKind.DELEGATION, CandidateKind.EVENT):
        return {
            "start_date": value.get("start"),
            "end_date": value.get("end"),
            "start_precision": value.get("precision") if value.get("start") else None,
        }
    if candidate.kind == CandidateKind.AGREEMENT:
        return {"status": value.get("status") if value.get("status") != "proposed" else None}
    if candidate.kind == CandidateKind.PROGRAMME:
        return {"year": value.get("year"), "participant_count": value.get("participant_count")}
    return {}


def _additions(candidate: Candidate, target) -> list[tuple[str, str]]:
    if candidate.kind != CandidateKind.PERSON:
        return []
    known = {n.name for n in target.names.all()} | {target.name}
    titles = set(target.positions.values_list("title", flat=True))
    rows = [(_("name form"), form) for form in candidate.value.get("forms", []) if form not in known]
    title = candidate.value.get("title_normal") or candidate.value.get("title")
    if title and title not in titles:
        rows.append((_("position"), title))
    return rows


def _decide(candidate_id: int, user) -> Candidate:
    candidate = Candidate.objects.select_for_update().select_related("document").get(pk=candidate_id)
    if candidate.decision != Decision.PENDING:
        raise ReviewError(_("This candidate was already decided (%(decision)s).") % {"decision": candidate.decision})
    return candidate


@transaction.atomic
def candidate_accept(*, candidate_id: int, user) -> Candidate:
    """Create the record the candidate describes, with a citation to the document."""
    candidate = _decide(candidate_id, user)
    source = source_for_document(document=candidate.document, user=user)
    record = _CREATE[candidate.kind](candidate, user)
    _cite(candidate, record, source, user)
    return _finish(candidate, Decision.ACCEPTED, record.pk, user)


@transaction.atomic
def candidate_merge(*, candidate_id: int, target_id: int, user) -> Candidate:
    """Add what the candidate knows to an existing record; values edited by hand are kept."""
    candidate = _decide(candidate_id, user)
    model = _target_model(candidate.kind)
    try:
        target = model.objects.select_for_update().get(pk=target_id)
    except model.DoesNotExist as exc:
        raise ReviewError(_("The record to merge into no longer exists.")) from exc
    source = source_for_document(document=candidate.document, user=user)
    changed = False
    for row in merge_preview(candidate=candidate, target_id=target_id):
        if row["action"] in ("fill", "replace") and hasattr(target, row["field"]):
            value = _proposed_fields(candidate)[row["field"]]
            if row["field"] in ("start_date", "end_date") and value:
                value = dt.date.fromisoformat(value)
            setattr(target, row["field"], value)
            changed = True
    if changed:
        _audit(target, user)
        target.full_clean(validate_unique=False, validate_constraints=False)
        target.save()
    _ADD[candidate.kind](candidate, target, user)
    _cite(candidate, target, source, user)
    return _finish(candidate, Decision.MERGED, target.pk, user)


@transaction.atomic
def candidate_reject(*, candidate_id: int, user) -> Candidate:
    candidate = _decide(candidate_id, user)
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


def _cite(candidate: Candidate, record, source: SourceDocument, user) -> None:
    kind = {
        CandidateKind.PERSON: "official",
        CandidateKind.DELEGATION: "delegation",
        CandidateKind.EVENT: "event",
        CandidateKind.AGREEMENT: "agreement",
        CandidateKind.PROGRAMME: "programme",
    }.get(candidate.kind)
    if kind is None:  # topics are reference data, not cited
        return
    if Citation.objects.filter(source=source, **{kind: record}).exists():
        return
    citation = Citation(
        source=source,
        passage=candidate.passage[:2000],
        locator=f"characters {candidate.evidence_start}–{candidate.evidence_end}",
        **{kind: record},
    )
    _audit(citation, user)
    citation.save()


# --- creating and extending records per kind --------------------------------------------------------------


def _create_official(candidate: Candidate, user) -> Official:
    value = candidate.value
    latin = value["normal"] if script_of(value["normal"]) == "Latn" else transliterate(value["normal"]).title()
    official = Official(
        name=value["normal"],
        country=value.get("country") or "",
        honorific_prefix=(value.get("honorific") or "")[:60],
        slug=_unique_slug(Official, latin, prefix="official"),
    )
    _audit(official, user)
    official.save()
    _add_official(candidate, official, user)
    return official


def _add_official(candidate: Candidate, official: Official, user) -> None:
    value = candidate.value
    language = candidate.document.language or "en"
    for form in dict.fromkeys([value["normal"], *value.get("forms", [])]):
        kind = NameKind.PREFERRED if form == value["normal"] else NameKind.AS_WRITTEN
        if form == official.name or OfficialName.objects.filter(official=official, name=form).exists():
            continue
        name = OfficialName(official=official, name=form[:300], language=language, kind=kind)
        _audit(name, user)
        name.save()
    title = (value.get("title_normal") or value.get("title") or "").strip()[:300]
    if title and not Position.objects.filter(official=official, title=title).exists():
        position = Position(official=official, title=title)
        if language in ("ru", "ar"):
            setattr(position, f"title_{language}", title)
        _audit(position, user)
        position.save()


def _dates(value: dict[str, Any]) -> dict[str, Any]:
    if not value.get("start"):
        return {}
    return {
        "start_date": dt.date.fromisoformat(value["start"]),
        "start_precision": value.get("precision") or "day",
        "end_date": dt.date.fromisoformat(value["end"]) if value.get("end") else None,
        "end_precision": value.get("precision") or "day",
    }


def _create_delegation(candidate: Candidate, user) -> Delegation:
    value = candidate.value
    if not value.get("host_country") or value["host_country"] == value["origin_country"]:
        raise ReviewError(_("The host country is not known; create this delegation by hand or merge it."))
    title = f"{value['origin_country']} delegation to {value['host_country']}"
    delegation = Delegation(
        title=title,
        origin_country=value["origin_country"],
        host_country=value["host_country"],
        status="completed",
        slug=_unique_slug(Delegation, title + (f" {value['start'][:4]}" if value.get("start") else ""), prefix="d"),
        **_dates(value),
    )
    _audit(delegation, user)
    delegation.save()
    _add_delegation(candidate, delegation, user)
    return delegation


def _add_delegation(candidate: Candidate, delegation: Delegation, user) -> None:
    """Members are the people of this document already accepted or merged by the officer."""
    value = candidate.value
    people = candidate.document.candidates.filter(
        kind=CandidateKind.PERSON, decision__in=[Decision.ACCEPTED, Decision.MERGED]
    )
    has_head = delegation.members.filter(role=MemberRole.HEAD).exists()
    for person in people:
        name = person.value["normal"]
        if name not in value.get("members", []) and name != value.get("head"):
            continue
        if delegation.members.filter(official_id=person.target_id).exists():
            continue
        role = MemberRole.HEAD if name == value.get("head") and not has_head else MemberRole.MEMBER
        member = DelegationMember(delegation=delegation, official_id=person.target_id, role=role)
        _audit(member, user)
        member.save()


def _create_event(candidate: Candidate, user) -> Event:
    value = candidate.value
    countries = value.get("countries") or []
    event = Event(
        kind=value["kind"],
        title=value["title"][:400],
        status="held",
        country=countries[0] if len(countries) == 1 else "",
        slug=_unique_slug(Event, value["title"][:60], prefix="event"),
        **_dates(value),
    )
    _audit(event, user)
    event.save()
    return event


def _create_agreement(candidate: Candidate, user) -> Agreement:
    value = candidate.value
    language = candidate.document.language
    agreement = Agreement(
        kind=value.get("kind") or "agreement",
        title=value["title"][:400],
        status=value.get("status") or "proposed",
        slug=_unique_slug(Agreement, value["title"][:60], prefix="agreement"),
    )
    if language in ("ru", "ar"):
        setattr(agreement, f"title_{language}", value["title"][:400])
    _audit(agreement, user)
    agreement.save()
    return agreement


def _create_programme(candidate: Candidate, user) -> TrainingProgramme:
    value = candidate.value
    programme = TrainingProgramme(
        title=value["title"][:400],
        year=value.get("year"),
        participant_count=value.get("participant_count"),
        slug=_unique_slug(TrainingProgramme, value["title"][:60], prefix="programme"),
    )
    _audit(programme, user)
    programme.save()
    return programme


def _create_topic(candidate: Candidate, user) -> Topic:
    topic, _created = Topic.objects.get_or_create(
        slug=candidate.value["slug"], defaults={"name": candidate.value["name"]}
    )
    return topic


def _nothing(candidate: Candidate, target, user) -> None:
    return None


_CREATE = {
    CandidateKind.PERSON: _create_official,
    CandidateKind.DELEGATION: _create_delegation,
    CandidateKind.EVENT: _create_event,
    CandidateKind.AGREEMENT: _create_agreement,
    CandidateKind.PROGRAMME: _create_programme,
    CandidateKind.TOPIC: _create_topic,
}
_ADD = {
    CandidateKind.PERSON: _add_official,
    CandidateKind.DELEGATION: _add_delegation,
    CandidateKind.EVENT: _nothing,
    CandidateKind.AGREEMENT: _nothing,
    CandidateKind.PROGRAMME: _nothing,
    CandidateKind.TOPIC: _nothing,
}
