"""The programme of a visit: one page to print or hand out as a PDF, day by day, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from . import exports
from .filters import ReportFilters
from .selectors.programme import visit_programme
from .views import ReportView


class VisitProgrammeView(ReportView):
    template_name = "reports/programme.html"
    name = "programme"
    title = gettext_lazy("Programme of the visit")
    with_country_filter = False

    def export_name(self) -> str:
        return f"programme-{self.kwargs['slug']}"

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        programme = visit_programme(slug=self.kwargs["slug"])
        context: dict[str, Any] = {
            "programme": programme,
            "delegation": programme.delegation,
            "tables": [],
        }
        if self.request.GET.get("export") == "pdf":
            context["programme_css"] = exports.stylesheet_text("reports/programme.css")
        return context
