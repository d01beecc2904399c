from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

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

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/changes/", views.ChangeListView.as_view(), name="changes"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path(
        "v1/redoc/",
        SpectacularRedocView.as_view(url_name="api:schema", template_name="partner_api/redoc.html"),
        name="redoc",
    ),
]
