"""API: upload documents for import and follow their status. Thin: validate, call a service, serialize."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperation.api.permissions import is_partner

from . import selectors
from .models import ImportedDocument
from .services import intake


class UploadSerializer(serializers.Serializer):
    file = serializers.ListField(child=serializers.FileField(allow_empty_file=True), allow_empty=False)
    document_date = serializers.DateField(required=False, allow_null=True)


class ImportStatusSerializer(serializers.Serializer):
    """What the import endpoints return for a document (built by ``selectors.document_status``)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    sha256 = serializers.CharField()
    status = serializers.ChoiceField(choices=ImportedDocument._meta.get_field("status").choices)
    status_display = serializers.CharField()
    error = serializers.CharField(allow_blank=True)
    language = serializers.CharField(allow_blank=True)
    extractor_version = serializers.CharField(allow_blank=True)
    attempts = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField(allow_null=True)
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    duration_seconds = serializers.FloatField(allow_null=True)
    candidates = serializers.DictField(child=serializers.IntegerField())


class ImportSubmittedSerializer(ImportStatusSerializer):
    created = serializers.BooleanField(help_text="False when the same content was imported before.")
    message = serializers.CharField()


class _ImportsView(APIView):
    # Writes need the model permission (checked by the global ApiAccess); reads here too, because imports are
    # internal working material, not records shared with partners.
    required_permissions = ["importing.add_importeddocument"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if is_partner(request) or not request.user.has_perm("importing.view_importeddocument"):
            raise PermissionDenied("Imports are visible to protocol staff only.")


class ImportListView(_ImportsView):
    @extend_schema(operation_id="imports_list", responses=ImportStatusSerializer(many=True))
    def get(self, request):
        documents = selectors.documents_with_counts()[:100]
        return Response([selectors.document_status(document=d) for d in documents])

    @extend_schema(
        operation_id="imports_create",
        request={"multipart/form-data": UploadSerializer},
        responses={201: ImportSubmittedSerializer(many=True), 200: ImportSubmittedSerializer(many=True)},
    )
    def post(self, request):
        serializer = UploadSerializer(data={"file": request.FILES.getlist("file"), **_date(request)})
        serializer.is_valid(raise_exception=True)
        results = []
        for upload in serializer.validated_data["file"]:
            submitted = intake.document_submit(
                data=upload.read(),
                name=upload.name,
                user=request.user,
                document_date=serializer.validated_data.get("document_date"),
                size=upload.size,
            )
            submitted.document.refresh_from_db()
            results.append(
                {
                    "created": submitted.created,
                    "message": submitted.message,
                    **selectors.document_status(document=submitted.document),
                }
            )
        created = any(result["created"] for result in results)
        return Response(results, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ImportDetailView(_ImportsView):
    @extend_schema(operation_id="imports_retrieve", responses=ImportStatusSerializer)
    def get(self, request, pk: int):
        document = ImportedDocument.objects.filter(pk=pk).first()
        if document is None:
            return Response({"detail": "No such import."}, status=status.HTTP_404_NOT_FOUND)
        return Response(selectors.document_status(document=document))


def _date(request) -> dict:
    value = request.data.get("document_date")
    return {"document_date": value} if value else {}
