"""Attachments: an inline on the delegation, event or agreement they document, and their own list."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cooperation.attachments import attachment_check, attachment_fill
from cooperation.models import Attachment
from cooperation.models.attachments import RECORDS

from .base import RecordAdmin, TabularInline, admin_link

ACCEPT = ".pdf,.docx,.txt,.md,.html,.htm,.jpg,.jpeg,.png"


class AttachmentForm(forms.ModelForm):
    """Checks a new file as imports are checked; nothing is stored unless the whole form is valid."""

    user = None  # the uploader, set per request by the admin

    class Meta:
        model = Attachment
        fields = ("file", "kind", "title", "internal")
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ACCEPT})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checked = None
        if "file" in self.fields:
            self.fields["file"].help_text = _(
                "PDF, Word, text, HTML, JPEG or PNG, up to %(limit)s; checked by content, not only by name."
            ) % {"limit": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES)}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not isinstance(upload, UploadedFile):
            return cleaned  # the stored file is kept
        try:
            self.checked = attachment_check(upload)
        except ValidationError as error:
            self.add_error("file", error)
            return cleaned
        # The record is the inline's parent, or the one chosen on the attachment's own page.
        links = {name: cleaned.get(name) or getattr(self.instance, f"{name}_id") for name in RECORDS}
        links = {name: record for name, record in links.items() if record}
        if len(links) == 1:
            twins = Attachment.objects.filter(sha256=self.checked.sha256, **links).exclude(pk=self.instance.pk)
            if twins.exists():
                self.add_error("file", _("This file is already attached here."))
        return cleaned

    def save(self, commit=True):
        if self.checked is not None:
            attachment_fill(self.instance, self.checked)
            if self.user is not None and self.user.is_authenticated:
                self.instance.uploaded_by = self.user
        return super().save(commit)


class _WithUploader:
    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type(formset.form.__name__, (formset.form,), {"user": request.user})
        return formset


def download_link(attachment: Attachment) -> str:
    if not attachment.pk or not attachment.file:
        return "—"
    return format_html('<a href="{}" download>{}</a>', attachment.get_absolute_url(), attachment.file_name)


class AttachmentInline(_WithUploader, TabularInline):
    """The record's files on its own page: the signed text, the programme, photos."""

    model = Attachment
    form = AttachmentForm
    fields = ("file", "kind", "title", "internal", "download", "size_display", "content_type")
    readonly_fields = ("download", "size_display", "content_type")
    extra = 0
    verbose_name_plural = _("attachments (signed text, programme, photos)")

    @admin.display(description=_("download"))
    def download(self, obj: Attachment) -> str:
        return download_link(obj)

    @admin.display(description=_("size"))
    def size_display(self, obj: Attachment) -> str:
        return filesizeformat(obj.size) if obj.pk else "—"


@admin.register(Attachment)
class AttachmentAdmin(_WithUploader, RecordAdmin):
    form = AttachmentForm
    list_display = ("__str__", "kind", "linked_record", "download", "size_display", "content_type", "internal")
    list_filter = ("kind", "internal", "content_type")
    list_select_related = ("delegation", "event", "agreement")
    search_fields = ("title", "file", "sha256", "delegation__title", "event__title", "agreement__title")
    search_by_name_forms = False  # a file is found by its title or name, not by a person's name forms
    autocomplete_fields = RECORDS
    fieldsets = (
        (None, {"fields": ("file", "kind", "title", "internal")}),
        (_("Attached to (one of)"), {"fields": RECORDS}),
        (_("File"), {"fields": ("download", "size_display", "content_type", "sha256", "uploaded_by")}),
    )
    readonly_fields = ("download", "size_display", "content_type", "sha256", "uploaded_by")

    def get_form(self, request, obj=None, **kwargs):
        # The record links are on this page only, not on the inline (whose record is the page's own).
        kwargs["fields"] = ("file", "kind", "title", "internal", *RECORDS)
        return super().get_form(request, obj, **kwargs)

    @admin.display(description=_("attached to"))
    def linked_record(self, obj: Attachment) -> str:
        return admin_link(obj.record)

    @admin.display(description=_("download"))
    def download(self, obj: Attachment) -> str:
        return download_link(obj)

    @admin.display(description=_("size"), ordering="size")
    def size_display(self, obj: Attachment) -> str:
        return filesizeformat(obj.size) if obj.pk else "—"
