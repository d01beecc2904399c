"""Imports in the admin: upload one or many files, follow a document's status, review its candidates."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from . import selectors
from .forms import DecisionForm, UploadForm
from .handlers import DocumentContext, handler_for
from .models import Candidate, ImportedDocument, ImportStatus
from .services import intake, review


class CandidateInline(admin.TabularInline):
    model = Candidate
    extra = 0
    can_delete = False
    fields = ("kind", "label", "confidence", "decision", "target_id")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImportedDocument)
class ImportedDocumentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status_badge", "language", "file_format", "candidate_count", "created_at", "review")
    list_filter = ("status", "language", "file_format")
    search_fields = ("original_name", "title", "sha256")
    readonly_fields = [f.name for f in ImportedDocument._meta.fields if f.name != "document_date"]
    exclude = ("extraction",)
    inlines = [CandidateInline]
    change_list_template = "admin/importing/importeddocument/change_list.html"
    actions = ["run_again"]

    def get_queryset(self, request):
        return selectors.documents_with_counts()

    def has_add_permission(self, request):
        return False  # documents arrive through the upload page, which checks the same permission below

    def add_view(self, request, form_url="", extra_context=None):
        # "Add imported document" (a bookmark, the admin's habit) leads to the upload page, not a bare 403.
        if self._can_import(request):
            return HttpResponseRedirect(reverse("admin:importing_importeddocument_upload"))
        return super().add_view(request, form_url, extra_context)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj: ImportedDocument):
        return format_html('<span class="import-status import-{}">{}</span>', obj.status, obj.get_status_display())

    @admin.display(description=_("candidates"))
    def candidate_count(self, obj: ImportedDocument):
        return obj.candidate_total

    @admin.display(description="")
    def review(self, obj: ImportedDocument):
        if obj.status in (ImportStatus.READY_FOR_REVIEW, ImportStatus.REVIEWED):
            return format_html(
                '<a href="{}">{}</a>', reverse("admin:importing_importeddocument_review", args=[obj.pk]), _("review")
            )
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:importing_importeddocument_status", args=[obj.pk]), _("status")
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="importing_importeddocument_upload"),
            path("<int:pk>/status/", view(self.status_view), name="importing_importeddocument_status"),
            path("<int:pk>/status.json", view(self.status_json_view), name="importing_importeddocument_status_json"),
            path("<int:pk>/review/", view(self.review_view), name="importing_importeddocument_review"),
            *super().get_urls(),
        ]

    def has_import_permission(self, request: HttpRequest) -> bool:
        return self._can_import(request)

    @admin.action(description=_("Run the selected failed imports again"), permissions=["import"])
    def run_again(self, request: HttpRequest, queryset) -> None:
        # After a fix to the extractor or a passing fault (the database away): the same stored file, a new run.
        failed = list(queryset.filter(status=ImportStatus.FAILED).values_list("pk", flat=True))
        for pk in failed:
            intake.document_requeue(document_id=pk)
        if failed:
            self.message_user(
                request,
                ngettext("%(count)d import runs again.", "%(count)d imports run again.", len(failed))
                % {"count": len(failed)},
                messages.SUCCESS,
            )
        if len(failed) < len(queryset):
            self.message_user(request, _("Only failed imports can be run again; the others were left as they are."),
                              messages.WARNING)  # fmt: skip

    def _can_import(self, request: HttpRequest) -> bool:
        return request.user.has_perm("importing.add_importeddocument")

    def _can_review(self, request: HttpRequest) -> bool:
        return request.user.has_perm("importing.change_candidate")

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self._can_import(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            submitted = [
                intake.document_submit(
                    data=upload.read(),
                    name=upload.name,
                    user=request.user,
                    document_date=form.cleaned_data["document_date"],
                    size=upload.size,
                )
                for upload in form.cleaned_data["files"]
            ]
            for result in submitted:
                level = messages.ERROR if result.document.status == ImportStatus.FAILED else messages.SUCCESS
                if not result.created:
                    level = messages.WARNING
                self.message_user(request, result.message, level)
            if len(submitted) == 1:
                return HttpResponseRedirect(
                    reverse("admin:importing_importeddocument_status", args=[submitted[0].document.pk])
                )
            return HttpResponseRedirect(reverse("admin:importing_importeddocument_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import documents"),
            "form": form,
        }
        return TemplateResponse(request, "admin/importing/upload.html", context)

    def status_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        document = get_object_or_404(ImportedDocument, pk=pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import of “%(name)s”") % {"name": document.original_name},
            "document": document,
            "counts": selectors.candidate_counts(document=document),
        }
        return TemplateResponse(request, "admin/importing/status.html", context)

    def status_json_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        document = get_object_or_404(ImportedDocument, pk=pk)
        return JsonResponse(selectors.document_status(document=document))

    def review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        document = get_object_or_404(ImportedDocument, pk=pk)
        if request.method == "POST":
            if not self._can_review(request):
                raise PermissionDenied
            form = DecisionForm(request.POST)
            if form.is_valid():
                self._apply(request, document, form.cleaned_data)
            else:
                self.message_user(request, _("The decision was incomplete; nothing was changed."), messages.ERROR)
            return HttpResponseRedirect(request.path + f"#candidate-{form.data.get('candidate', '')}")
        candidates = list(selectors.review_queryset(document=document))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Review “%(name)s”") % {"name": document},
            "document": document,
            "highlighted": selectors.highlighted_text(document=document, candidates=candidates),
            "candidates": selectors.review_candidates(document=document, candidates=candidates),
            "can_review": self._can_review(request),
            "countries": list(countries),
        }
        return TemplateResponse(request, "admin/importing/review.html", context)

    def _apply(self, request: HttpRequest, document: ImportedDocument, data: dict) -> None:
        candidate = document.candidates.filter(pk=data["candidate"]).first()
        if candidate is None:
            self.message_user(request, _("That candidate is not part of this document."), messages.ERROR)
            return
        try:
            if data["action"] == "accept":
                corrections = self._corrections(request, candidate)
                if corrections is None:
                    return
                accepted = review.candidate_accept(candidate_id=candidate.pk, user=request.user, **corrections)
                self.message_user(request, _("Created: %(label)s") % {"label": accepted.label}, messages.SUCCESS)
            elif data["action"] == "merge":
                if not data.get("target"):
                    self.message_user(request, _("Choose the record to merge into."), messages.ERROR)
                    return
                review.candidate_merge(candidate_id=candidate.pk, target_id=data["target"], user=request.user)
                self.message_user(request, _("Merged: %(label)s") % {"label": candidate.label}, messages.SUCCESS)
            else:
                review.candidate_reject(candidate_id=candidate.pk, user=request.user)
                self.message_user(request, _("Rejected: %(label)s") % {"label": candidate.label}, messages.INFO)
        except review.ReviewError as exc:
            self.message_user(request, str(exc), messages.ERROR)

    def _corrections(self, request: HttpRequest, candidate: Candidate) -> dict | None:
        """The officer's corrections and the relations left checked, when the review page's form was used (the
        ``edit`` marker); None, with a message, when a correction is invalid."""
        if not request.POST.get("edit"):
            return {}
        handler = handler_for(candidate.kind)
        form = handler.edit_form(candidate.value, data=request.POST)
        if not form.is_valid():
            errors = "; ".join(
                f"{form.fields[name].label if name in form.fields else name}: {' '.join(e)}"
                for name, e in form.errors.items()
            )
            self.message_user(request, _("Nothing was created: %(errors)s") % {"errors": errors}, messages.ERROR)
            return None
        keep = {
            relation.key: {int(i) for i in request.POST.getlist(f"keep-{relation.key}") if i.isdigit()}
            for relation in handler.relations(candidate.value, DocumentContext.of(candidate.document))
        }
        return {"edits": form.cleaned_data, "keep": keep}
