"""The calendar: a month grid or a list of events and visits, the personal feed link, and the iCalendar feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import exports, selectors, services
from .calendar_grid import grid_range, month_grid, parse_month
from .filters import ReportFilters
from .ical import calendar_feed
from .tables import Span, Table, cell
from .views import ReportAccessMixin, ReportView

LIST_PAST_DAYS, LIST_FUTURE_DAYS = 30, 180


def first_weekday() -> int:
    # Django's FIRST_DAY_OF_WEEK counts from Sunday (0), Python's calendar from Monday (0).
    return (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7


class CalendarView(ReportView):
    template_name = "reports/calendar.html"
    name = "calendar"
    title = gettext_lazy("Event calendar")

    def _url(self, **changes: str) -> str:
        """This page with the filters kept and some parameters changed (an empty value drops one)."""
        params = self.request.GET.copy()
        for key in ("export", "table", "page"):
            params.pop(key, None)
        for key, value in changes.items():
            params.pop(key, None)
            if value:
                params[key] = value
        return f"{self.request.path}?{params.urlencode()}"

    def get_report(self, filters: ReportFilters) -> dict[str, Any]:
        today = self.today()
        as_list = self.request.GET.get("view") == "list"
        grid = None
        if as_list:
            date_from = filters.date_from or today - dt.timedelta(days=LIST_PAST_DAYS)
            date_to = filters.date_to or today + dt.timedelta(days=LIST_FUTURE_DAYS)
            entries = selectors.calendar_entries(date_from=date_from, date_to=date_to, filters=filters)
        else:
            month = parse_month(self.request.GET.get("month"), default=filters.date_from or today)
            weekday = first_weekday()
            first, last = grid_range(month, first_weekday=weekday)
            in_grid = selectors.calendar_entries(date_from=first, date_to=last, filters=filters)
            grid = month_grid(month, in_grid, today=today, first_weekday=weekday)
            # The neighbouring months' days only fill the grid's weeks: the list and the exports hold this month.
            date_from, date_to = month, grid.next - dt.timedelta(days=1)
            entries = [e for e in in_grid if e.start.first_day <= date_to and (e.end or e.start).last_day >= date_from]
        months: dict[dt.date, list] = {}
        for entry in entries:
            months.setdefault(max(entry.start.first_day, date_from).replace(day=1), []).append(entry)
        table = Table(
            "calendar",
            _("Events and visits from %(start)s to %(end)s")
            % {"start": formats.date_format(date_from), "end": formats.date_format(date_to)},
            [_("Dates"), _("Kind"), _("Title"), _("Place"), _("Status")],
            [[Span(e.start, e.end), e.kind, cell(e.title, e.url), e.place, e.status] for e in entries],
        )
        token = services.calendar_token_active(user=self.request.user)
        context: dict[str, Any] = {
            "tables": [table],
            "entries": entries,
            "months": sorted(months.items()),
            "grid": grid,
            "as_list": as_list,
            "month_url": self._url(view=""),
            "list_url": self._url(view="list", month=""),
            "token": token,
            "feed_url": self.request.build_absolute_uri(token.get_absolute_url()) if token else "",
        }
        if grid is not None:
            context.update(
                previous_url=self._url(month=f"{grid.previous:%Y-%m}"),
                next_url=self._url(month=f"{grid.next:%Y-%m}"),
                this_month_url=self._url(month=f"{today:%Y-%m}"),
            )
        if self.request.GET.get("export") == "pdf":
            context["calendar_css"] = exports.stylesheet_text("reports/calendar.css")
        return context


class CalendarTokenView(ReportAccessMixin, View):
    """POST ``action=issue`` gives the user a new feed link (revoking the old one); ``action=revoke`` ends it."""

    def post(self, request: HttpRequest) -> HttpResponse:
        action = request.POST.get("action")
        if action == "issue":
            services.calendar_token_issue(user=request.user)
            messages.success(request, _("Your calendar link is ready. Anyone with the link can read the calendar."))
        elif action == "revoke":
            services.calendar_token_revoke(user=request.user)
            messages.success(request, _("Your calendar link no longer works."))
        else:
            messages.error(request, _("Unknown action."))
        return redirect("reports:calendar")


class CalendarFeedView(View):
    """The iCalendar feed; the token in the URL is the credential (calendar apps cannot log in)."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        if services.calendar_token_user(token=token) is None:
            raise Http404
        response = HttpResponse(
            calendar_feed(today=timezone.localdate(), base_url=request.build_absolute_uri("/")),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = 'inline; filename="govex.ics"'
        return response
