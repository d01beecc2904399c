from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import attachments, commitments, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("delegations", views.DelegationViewSet, basename="delegation")
router.register("events", views.EventViewSet, basename="event")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("programmes", views.TrainingProgrammeViewSet, basename="programme")
router.register("officials", views.OfficialViewSet, basename="official")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("sources", views.SourceDocumentViewSet, basename="source")
router.register("commitments", commitments.CommitmentViewSet, basename="commitment")
router.register("attachments", attachments.AttachmentViewSet, basename="attachment")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/changes/", views.ChangeListView.as_view(), name="changes"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "v1/docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema", template_name="partner_api/swagger_ui.html"),
        name="docs",
    ),
    path(
        "v1/redoc/",
        # ReDoc (styled-components) writes its styles into <style> elements it creates, without a nonce, and runs
        # its search in a worker made from a blob. Its footer's logo from cdn.redoc.ly stays blocked on purpose:
        # the docs make no third-party requests (the logo hides itself when it fails to load).
        csp_replace({"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema", template_name="partner_api/redoc.html")
        ),
        name="redoc",
    ),
]
