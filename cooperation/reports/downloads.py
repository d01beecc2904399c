"""Attachments downloaded by the office: staff and managers who may view attachments (partners use the API)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.views import View

from cooperation.attachments import download_response
from cooperation.models import Attachment


class AttachmentDownloadView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "cooperation.view_attachment"

    def get(self, request, uid):
        return download_response(get_object_or_404(Attachment, uid=uid))
