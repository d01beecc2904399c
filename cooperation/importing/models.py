"""Imported documents and the candidate records extracted from them, waiting for an officer's review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    PROCESSING = "processing", _("processing")
    READY_FOR_REVIEW = "ready_for_review", _("ready for review")
    REVIEWED = "reviewed", _("reviewed")
    FAILED = "failed", _("failed")


class ImportedDocument(models.Model):
    """One uploaded file, identified by the SHA-256 of its bytes: the same file twice is one document."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED, db_index=True
    )
    error = models.TextField(_("error"), blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=400, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    document_date = models.DateField(
        _("document date"), null=True, blank=True, help_text=_("Dates without a year take it from here.")
    )
    extractor_version = models.CharField(_("extractor version"), max_length=20, blank=True)
    extraction = models.JSONField(_("full extraction"), default=dict, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.ForeignKey(
        "cooperation.SourceDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("source document"),
        help_text=_("Created when the first candidate is accepted."),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    queued_at = models.DateTimeField(
        _("last sent to a worker"),
        null=True,
        blank=True,
        help_text=_("When the import was last handed to the task queue; stalled imports are sent again."),
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "queued_at"], name="importeddocument_stall_idx")]
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ImportStatus.FAILED) | ~Q(error=""), name="importeddocument_failure_has_message"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("admin:importing_importeddocument_status", args=[self.pk])

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.PROCESSING)


class CandidateKind(models.TextChoices):
    PERSON = "person", _("official")
    DELEGATION = "delegation", _("delegation")
    EVENT = "event", _("event")
    AGREEMENT = "agreement", _("agreement")
    PROGRAMME = "programme", _("training programme")
    TOPIC = "topic", _("topic")


class Decision(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted (created)")
    MERGED = "merged", _("merged into an existing record")
    REJECTED = "rejected", _("rejected")


class Candidate(models.Model):
    """A record the document suggests, with its evidence and the existing records it may be."""

    document = models.ForeignKey(ImportedDocument, on_delete=models.CASCADE, related_name="candidates")
    kind = models.CharField(_("kind"), max_length=12, choices=CandidateKind.choices, db_index=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=400)
    value = models.JSONField(_("extracted value"), default=dict)
    evidence_start = models.PositiveIntegerField(_("evidence start"))
    evidence_end = models.PositiveIntegerField(_("evidence end"))
    passage = models.TextField(_("passage"))
    more_evidence = models.JSONField(_("further evidence"), default=list, blank=True)
    confidence = models.FloatField(_("confidence"))
    matches = models.JSONField(
        _("matching records"), default=list, blank=True, help_text=_("[{id, label, score}] best first.")
    )
    preselected_id = models.PositiveBigIntegerField(_("preselected match"), null=True, blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    target_id = models.PositiveBigIntegerField(_("record created or merged into"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(fields=["document", "order"], name="candidate_order_unique"),
            models.CheckConstraint(condition=Q(evidence_end__gte=models.F("evidence_start")), name="candidate_span"),
            models.CheckConstraint(
                condition=Q(decision__in=[Decision.PENDING, Decision.REJECTED]) | Q(target_id__isnull=False),
                name="candidate_decision_has_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"
