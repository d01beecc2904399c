"""Follow-up commitments: the late ones first, then what falls due next, with their own filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from cooperation.models import CommitmentStatus

from .selectors import admin_url
from .selectors.commitments import CommitmentFilters, commitments_report, deadline_years
from .tables import Table, cell, day
from .views import ReportView


class CommitmentFilterForm(forms.Form):
    """Status, country and year as in the other reports; the statuses are a commitment's own."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("any status")), *CommitmentStatus.choices],
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year of the deadline"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", gettext_lazy("all countries")), *countries]
        self.fields["year"].choices = [("", gettext_lazy("all years")), *((y, y) for y in deadline_years())]

    def filters(self) -> CommitmentFilters:
        if not self.is_valid():
            return CommitmentFilters()
        data = self.cleaned_data
        return CommitmentFilters(status=data["status"] or "", country=data["country"] or "", year=data["year"])


def _linked(commitment) -> Any:
    record = commitment.record
    kind = record._meta.model_name
    return cell(f"{capfirst(record._meta.verbose_name)}: {record.localized('title')}", admin_url(kind, record.pk))


def _owner(commitment) -> str:
    owner = commitment.owner  # an official, an organisation, a staff user or nobody
    if owner is None:
        return ""
    if hasattr(owner, "display_name"):
        return owner.display_name()
    return owner.get_full_name() or owner.get_username()


class CommitmentsView(ReportView):
    template_name = "reports/commitments.html"
    name = "commitments"
    title = gettext_lazy("Commitments")

    def filter_form(self, data):
        return CommitmentFilterForm(data)

    def get_report(self, filters) -> dict[str, Any]:
        report = commitments_report(today=self.today(), filters=filters)
        rows = [
            [
                cell(c.localized("text"), admin_url("commitment", c.pk)),
                _linked(c),
                _owner(c),
                day(c.deadline) or "",
                capfirst(c.get_status_display()),
                _("overdue") if c.late else "",
            ]
            for c in report.commitments
        ]
        table = Table(
            "commitments",
            _("Commitments, overdue first"),
            [_("Commitment"), _("Follows up"), _("Owner"), _("Deadline"), _("Status"), _("Overdue")],
            rows,
            total=report.total,
        )
        return {"report": report, "tables": [table]}
