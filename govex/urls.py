from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views import defaults
from django.views.generic import RedirectView

from govex.health import health

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("reports/", include("cooperation.reports.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/imports/", include("cooperation.importing.urls")),
    path("api/", include("cooperation.api.urls")),
    path("health/", health, name="health"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)


def _api_aware(default):
    """Under /api/, Django's own 404 and 500 answer in the API's error format (problem details), not HTML."""

    def handler(request, *args, **kwargs):
        if request.path.startswith("/api/"):
            from cooperation.api.exceptions import problem_response

            if default is defaults.page_not_found:
                return problem_response(404, "not_found", "No such address in the API; see /api/v1/docs/.")
            return problem_response(500, "error", "Something went wrong on our side; it has been logged.")
        return default(request, *args, **kwargs)

    return handler


handler404 = _api_aware(defaults.page_not_found)
handler500 = _api_aware(defaults.server_error)
