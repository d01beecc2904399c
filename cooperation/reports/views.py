"""Manager reports: thin views that validate filters, call one selector and lay the result out as tables.

Every report answers ``?export=csv|xlsx&table=<key>`` with that table, ``?export=xlsx`` with all of them,
and ``?export=pdf`` with the whole page rendered by WeasyPrint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cooperation.attachments import attachments_by_record

from . import charts, exports, presenters, selectors
from .bidi import joined
from .filters import ReportFilterForm, ReportFilters
from .selectors.commitments import commitment_counts
from .services import REPORTS_PERMISSION
from .tables import Table, cell

# The record lists several reports show, laid out the same way wherever they appear.


def delegations_table(key: str, caption: str, delegations, home: str) -> Table:
    return Table(key, caption, presenters.delegation_columns(), presenters.delegation_rows(delegations, home))


def events_table(key: str, caption: str, events) -> Table:
    return Table(key, caption, presenters.event_columns(), presenters.event_rows(events))


def agreements_table(key: str, caption: str, agreements, *, last_moved=None, files=None, **options) -> Table:
    """With ``last_moved`` (the tracker's), a column says when each agreement last moved; with ``files``, which
    files each has (download links)."""
    return Table(
        key,
        caption,
        presenters.agreement_columns(with_moved=last_moved is not None, with_files=files is not None),
        presenters.agreement_rows(agreements, last_moved=last_moved, files=files),
        **options,
    )


class ReportAccessMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users outside both staff groups get 403."""

    permission_required = REPORTS_PERMISSION


class ReportView(ReportAccessMixin, TemplateView):
    name: str = "report"
    title = gettext_lazy("Report")
    with_country_filter = True

    def today(self) -> dt.date:
        return timezone.localdate()

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        raise NotImplementedError

    def export_name(self) -> str:
        return self.name

    def filter_form(self, data):
        return ReportFilterForm(data, with_country=self.with_country_filter)

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = self.filter_form(request.GET or None)
        filters = form.filters()  # an unbound form (no query string) gives no filters
        context = self.get_context_data(**kwargs)
        context.update(self.get_report(filters))
        context.update(form=form, report_name=self.name, rtl=get_language_bidi())
        context.setdefault("title", self.title)
        tables: list[Table] = context.get("tables", [])
        context["tables_by_key"] = {t.key: t for t in tables}
        export = request.GET.get("export", "")
        if export in ("csv", "xlsx"):
            wanted = request.GET.get("table", "")
            chosen = [t for t in tables if t.key == wanted] if wanted else tables
            if not chosen or (export == "csv" and len(chosen) != 1):
                raise Http404(_("No such table in this report."))
            name = f"{self.export_name()}-{chosen[0].key}" if len(chosen) == 1 else self.export_name()
            if export == "csv":
                return exports.csv_response(chosen[0], name=name)
            return exports.xlsx_response(chosen, name=name, rtl=context["rtl"])
        if export == "pdf":
            context.update(pdf=True, inline_css=exports.stylesheet_text())
            html = render_to_string(self.template_name, context, request=request)
            return exports.pdf_response(html, name=self.export_name(), base_url=request.build_absolute_uri("/"))
        return self.render_to_response(context)


class DashboardView(ReportView):
    template_name = "reports/dashboard.html"
    name = "dashboard"
    title = gettext_lazy("Dashboard")

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        data = selectors.dashboard(today=self.today(), filters=filters)
        home = selectors.home_country()
        rtl = get_language_bidi()
        years = [str(y) for y in data.years]
        tables = [
            delegations_table("upcoming_delegations", _("Coming delegations"), data.upcoming_delegations, home),
            events_table("upcoming_events", _("Coming events"), data.upcoming_events),
            delegations_table("recent_delegations", _("Latest delegations"), data.recent_delegations, home),
            events_table("recent_events", _("Latest events"), data.recent_events),
            Table(
                "agreements_by_status",
                _("Agreements by status"),
                [_("Status"), _("Agreements")],
                [[capfirst(label), n] for _value, label, n in data.agreements_by_status],
                numeric=frozenset({1}),
            ),
            Table(
                "by_year",
                _("Activity by year"),
                [_("Year"), _("Incoming delegations"), _("Outgoing delegations"), _("Events"), _("Agreements signed")],
                [
                    [
                        y,
                        data.incoming_by_year[i],
                        data.outgoing_by_year[i],
                        data.events_by_year[i],
                        data.signed_by_year[i],
                    ]
                    for i, y in enumerate(data.years)
                ],
                numeric=frozenset({1, 2, 3, 4}),
            ),
            Table(
                "by_country",
                _("Activity by country"),
                [_("Country"), _("Incoming delegations"), _("Outgoing delegations"), _("Agreements")],
                [
                    [presenters.country_link(r["code"]), r["incoming"], r["outgoing"], r["agreements"]]
                    for r in data.countries
                ],
                numeric=frozenset({1, 2, 3}),
            ),
        ]
        return {
            "data": data,
            "commitments": commitment_counts(today=self.today()),
            "tables": tables,
            "chart_years": charts.bar_chart(
                title=_("Delegations by year"),
                labels=years,
                series=[
                    charts.Series(_("Incoming"), data.incoming_by_year),
                    charts.Series(_("Outgoing"), data.outgoing_by_year),
                ],
                rtl=rtl,
            ),
            "chart_status": charts.hbar_chart(
                title=_("Agreements by status"),
                items=[(capfirst(label), n) for _value, label, n in data.agreements_by_status],
                rtl=rtl,
            ),
            "chart_countries": charts.hbar_chart(
                title=_("Busiest partner countries"),
                items=[(r["name"], r["total"]) for r in data.countries[:8]],
                rtl=rtl,
            ),
        }


class CountryIndexView(ReportView):
    template_name = "reports/country_index.html"
    name = "countries"
    title = gettext_lazy("Country profiles")

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        code = request.GET.get("code", "").strip()
        if code and selectors.is_known_country(code):
            return redirect("reports:country", code=code.lower())
        return super().get(request, *args, **kwargs)

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        return {"countries": selectors.countries_with_records(), "tables": []}


class CountryProfileView(ReportView):
    template_name = "reports/country.html"
    name = "country"
    with_country_filter = False

    def export_name(self) -> str:
        return f"country-{self.kwargs['code'].lower()}"

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        code = self.kwargs["code"]
        if not selectors.is_known_country(code):
            raise Http404(_("Unknown country code."))
        # ?all=<table> lists that table in full, a page at a time; the profile itself shows the latest rows.
        profile = selectors.country_profile(
            code=code, filters=filters, expand=self.request.GET.get("all", ""), page=self.request.GET.get("page")
        )
        home = selectors.home_country()
        history_lines = {
            pk: " → ".join(f"{step.label} ({step.since})" for step in steps)
            for pk, steps in profile.agreement_history.items()
        }
        agreement_rows = presenters.agreement_rows(profile.agreements)
        for row, agreement in zip(agreement_rows, profile.agreements, strict=True):
            row.append(history_lines.get(agreement.pk, ""))
        officials_rows = []
        for o in profile.officials:
            posts = [
                f"{p.localized_title()}" + (f" ({p.dates_display})" if p.start_date else "") for p in o.positions.all()
            ]
            officials_rows.append(
                [
                    cell(o.display_name(), selectors.admin_url("official", o.pk)),
                    "; ".join(posts),
                    o.n_delegations,
                    o.n_events,
                    o.n_signatures,
                    o.n_programmes,
                ]
            )
        tables = [
            Table(
                "timeline",
                _("Timeline"),
                [_("Date"), _("Kind"), _("Record"), _("Details")],
                [[i.date or "", i.kind, cell(i.title, i.url), i.detail] for i in profile.timeline],
            ),
            delegations_table("delegations", _("Delegations"), profile.delegations, home),
            events_table("events", _("Meetings and events"), profile.events),
            Table(
                "agreements", _("Agreements"), [*presenters.agreement_columns(), _("Status history")], agreement_rows
            ),
            Table(
                "programmes",
                _("Training programmes"),
                [_("Programme"), _("Year"), _("Provider"), _("Participants"), _("Status")],
                [
                    [
                        presenters.record_link(p.localized("title"), "trainingprogramme", p.pk),
                        p.year or "",
                        p.provider.display_name() if p.provider_id else selectors.country_name(p.provider_country),
                        p.participant_count if p.participant_count is not None else "",
                        capfirst(p.get_status_display()),
                    ]
                    for p in profile.programmes
                ],
                numeric=frozenset({3}),
            ),
            Table(
                "officials",
                _("Officials met"),
                [_("Official"), _("Positions"), _("Delegations"), _("Events"), _("Signatures"), _("Training")],
                officials_rows,
                numeric=frozenset({2, 3, 4, 5}),
            ),
            Table(
                "trainees",
                _("Training participants"),
                [_("Participant"), _("Position at the time"), _("Programme"), _("Role")],
                [
                    [
                        t.official.display_name(),
                        t.position.localized_title() if t.position_id else "",
                        t.programme.localized("title"),
                        capfirst(t.get_role_display()),
                    ]
                    for t in profile.trainees
                ],
            ),
            Table(
                "topics",
                _("Topics discussed"),
                [_("Topic"), _("Records")],
                [[str(topic), n] for topic, n in profile.topics],
                numeric=frozenset({1}),
            ),
        ]
        for table in tables:
            table.total = profile.totals.get(table.key)
        return {"profile": profile, "tables": tables, "title": profile.name}


class AnnualReportView(ReportView):
    template_name = "reports/annual.html"
    name = "annual"
    title = gettext_lazy("Annual report")

    def year(self) -> int:
        raw = self.request.GET.get("year", "")
        try:
            year = int(raw) if raw else self.today().year
        except ValueError:
            year = self.today().year
        return min(max(year, 1900), 2200)

    def export_name(self) -> str:
        return f"annual-{self.year()}"

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        year = self.year()
        report = selectors.annual_report(year=year, filters=filters)
        labels = {
            "incoming": _("Incoming delegations"),
            "outgoing": _("Outgoing delegations"),
            "signed": _("Agreements signed"),
            "in_force": _("Agreements entered into force"),
            "events": _("Events"),
            "trained": _("Civil servants trained"),
        }
        summary_rows = [
            [labels[key], current, previous, presenters.change(current, previous)]
            for key, (current, previous) in report.totals.items()
        ]
        tables = [
            Table(
                "summary",
                _("Figures for %(year)s compared with %(previous)s") % {"year": year, "previous": year - 1},
                [_("Figure"), str(year), str(year - 1), _("Change")],
                summary_rows,
                numeric=frozenset({1, 2, 3}),
            ),
            Table(
                "countries",
                _("Delegations per country"),
                [
                    _("Country"),
                    _("Incoming"),
                    _("Incoming, previous year"),
                    _("Outgoing"),
                    _("Outgoing, previous year"),
                ],
                [
                    [
                        presenters.country_link(r["code"]),
                        r["incoming"],
                        r["incoming_previous"],
                        r["outgoing"],
                        r["outgoing_previous"],
                    ]
                    for r in report.countries
                ],
                numeric=frozenset({1, 2, 3, 4}),
            ),
            agreements_table("signed", _("Agreements signed"), report.signed),
            agreements_table("in_force", _("Agreements entered into force"), report.in_force),
            events_table("events", _("Events"), report.events),
            Table(
                "programmes",
                _("Training programmes"),
                [_("Programme"), _("Provider"), _("Participants"), _("Status")],
                [
                    [
                        presenters.record_link(p.localized("title"), "trainingprogramme", p.pk),
                        p.provider.display_name() if p.provider_id else "",
                        p.participant_count if p.participant_count is not None else "",
                        capfirst(p.get_status_display()),
                    ]
                    for p in report.programmes
                ],
                numeric=frozenset({2}),
            ),
        ]
        for table in tables:
            table.total = {k: v[0] for k, v in report.totals.items()}.get(table.key)
        rtl = get_language_bidi()
        chart = charts.bar_chart(
            title=_("This year and the previous one"),
            labels=[labels[k] for k in report.totals],
            series=[
                charts.Series(str(year - 1), [v[1] for v in report.totals.values()]),
                charts.Series(str(year), [v[0] for v in report.totals.values()]),
            ],
            rtl=rtl,
        )
        return {
            "report": report,
            "year": year,
            "years": list(range(self.today().year + 1, self.today().year - 11, -1)),
            "tables": tables,
            "chart": chart,
            "title": _("Annual report %(year)s") % {"year": year},
        }


class AgreementTrackerView(ReportView):
    template_name = "reports/tracker.html"
    name = "agreements"
    title = gettext_lazy("Agreement tracker")

    def _int(self, key: str, default: int) -> int:
        try:
            return min(max(int(self.request.GET.get(key, default)), 1), 120)
        except ValueError:
            return default

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        stale, horizon = self._int("stale", 6), self._int("horizon", 12)
        tracker = selectors.agreement_tracker(
            today=self.today(), filters=filters, stale_months=stale, horizon_months=horizon
        )
        shown = [a for a, _moved in tracker.stalled] + list(tracker.expiring)
        shown += [a for _status, _label, agreements in tracker.pipeline for a in agreements]
        files = attachments_by_record("agreement", shown)
        tables = [
            agreements_table(
                "stalled",
                _("Negotiations without movement for %(months)s months or more") % {"months": stale},
                [a for a, _moved in tracker.stalled],
                last_moved=tracker.last_moved,
                files=files,
            ),
            agreements_table(
                "expiring",
                _("Expiring or due for renewal within %(months)s months") % {"months": horizon},
                tracker.expiring,
                last_moved=tracker.last_moved,
                files=files,
            ),
        ]
        for status, label, agreements in tracker.pipeline:
            tables.append(
                agreements_table(
                    f"status_{status}",
                    label,
                    agreements,
                    last_moved=tracker.last_moved,
                    files=files,
                    total=tracker.counts[status],
                )
            )
        chart = charts.hbar_chart(
            title=_("Agreements by status"),
            items=[(label, tracker.counts[status]) for status, label, _agreements in tracker.pipeline],
            rtl=get_language_bidi(),
        )
        return {"tracker": tracker, "tables": tables, "chart": chart, "stale": stale, "horizon": horizon}


class OfficialsDirectoryView(ReportView):
    template_name = "reports/officials.html"
    name = "officials"
    title = gettext_lazy("Officials directory")
    page_size = 50

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        q = self.request.GET.get("q", "").strip()[:200]
        paginator = Paginator(selectors.officials_directory(filters=filters, q=q), self.page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        officials = selectors.with_involvement(list(page.object_list))
        rows = []
        for o in officials:
            records = []
            for m in o.delegation_memberships.all():
                records.append(
                    presenters.involvement(m.delegation, "delegation", capfirst(m.get_role_display()), m.position)
                )
            for p in o.event_participations.all():
                records.append(presenters.involvement(p.event, "event", capfirst(p.get_role_display()), p.position))
            for s in o.signatures.all():
                records.append(presenters.involvement(s.agreement, "agreement", _("signatory"), s.position))
            for t in o.programme_participations.all():
                records.append(
                    presenters.involvement(t.programme, "trainingprogramme", capfirst(t.get_role_display()), t.position)
                )
            roles = sorted({r["role"] for r in records})
            rows.append(
                [
                    cell(o.display_name(), selectors.admin_url("official", o.pk)),
                    presenters.country_link(o.country),
                    "; ".join(p.localized_title() for p in o.positions.all()),
                    o.n_delegations + o.n_events + o.n_signatures + o.n_programmes,
                    joined(roles),
                    [cell(r["label"], r["url"]) for r in records],
                ]
            )
        table = Table(
            "officials",
            _("Officials we have met"),
            [_("Official"), _("Country"), _("Positions"), _("Encounters"), _("Roles"), _("Records")],
            rows,
            numeric=frozenset({3}),
        )
        return {"tables": [table], "page": page, "q": q}
