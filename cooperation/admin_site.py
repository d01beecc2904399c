"""The admin site the protocol office works in: its title and an index ordered by how staff work.

Kept apart from ``cooperation/admin/`` because ``INSTALLED_APPS`` names ``GovexAdminConfig`` and this module
must import without touching models.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Who reads rather than enters (a manager): may see the reports but change no visit. They land on the reports
# after signing in, where their work is, unless the sign-in page was asked for with a page to return to.
ENTERS_RECORDS = "cooperation.change_delegation"

# The cooperation app's index, split into the sections a protocol officer thinks in, each in working order
# (a new visit starts with the delegation; sources and topics are reference data; the change feed partners sync
# from is a read-only log kept with them).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        _("Visits, events and agreements"),
        ("delegation", "event", "agreement", "trainingprogramme", "commitment", "attachment"),
    ),
    (_("People and organisations"), ("official", "organisation", "position")),
    (_("Sources and reference data"), ("sourcedocument", "citation", "topic", "change")),
)


class GovexAdminSite(admin.AdminSite):
    site_header = _("govex — protocol office records")
    site_title = _("govex — protocol office records")
    index_title = _("Records")
    index_template = "admin/govex_index.html"

    def login(self, request, extra_context=None):
        from cooperation.reports.services import REPORTS_PERMISSION  # models: not at import time (see above)

        response = super().login(request, extra_context)
        index = reverse("admin:index", current_app=self.name)
        user = request.user
        if (
            request.method == "POST"
            and isinstance(response, HttpResponseRedirect)
            and response.url == index
            and user.is_authenticated
            and user.has_perm(REPORTS_PERMISSION)
            and not user.has_perm(ENTERS_RECORDS)
        ):
            return HttpResponseRedirect(reverse("reports:dashboard"))
        return response

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        sectioned: list[dict] = []
        for app in app_list:
            if app["app_label"] != "cooperation":
                sectioned.append(app)
                continue
            by_name = {model["object_name"].lower(): model for model in app["models"]}
            placed: set[str] = set()
            for title, names in SECTIONS:
                models = [by_name[name] for name in names if name in by_name]
                placed.update(name for name in names if name in by_name)
                if models:
                    sectioned.append({**app, "name": title, "models": models})
            rest = [model for name, model in by_name.items() if name not in placed]
            if rest:
                sectioned.append({**app, "models": rest})
        # The records first; imports, reports and user accounts after them.
        sectioned.sort(key=lambda app: app["app_label"] != "cooperation")
        return sectioned


class GovexAdminConfig(AdminConfig):
    default_site = "cooperation.admin_site.GovexAdminSite"
