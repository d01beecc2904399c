from __future__ import annotations

from django.urls import path, re_path

from . import calendar_views, commitment_views, downloads, programme_views, views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("countries/", views.CountryIndexView.as_view(), name="countries"),
    re_path(r"^countries/(?P<code>[A-Za-z]{2})/$", views.CountryProfileView.as_view(), name="country"),
    path("annual/", views.AnnualReportView.as_view(), name="annual"),
    path("agreements/", views.AgreementTrackerView.as_view(), name="agreements"),
    path("officials/", views.OfficialsDirectoryView.as_view(), name="officials"),
    path("commitments/", commitment_views.CommitmentsView.as_view(), name="commitments"),
    path("attachments/<uuid:uid>/download/", downloads.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("calendar/", calendar_views.CalendarView.as_view(), name="calendar"),
    path("calendar/link/", calendar_views.CalendarTokenView.as_view(), name="calendar_token"),
    path("calendar/feed/<str:token>.ics", calendar_views.CalendarFeedView.as_view(), name="calendar_feed"),
    path("visits/<slug:slug>/programme/", programme_views.VisitProgrammeView.as_view(), name="visit_programme"),
]
