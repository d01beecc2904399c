"""Reads behind the manager reports, one module per report and ``common`` for what they share.

Every function runs a fixed number of queries whatever the data size: lists are fetched with
``select_related``/``prefetch_related`` and figures come from grouped aggregates, never from a query per row.
Records are shown in the reader's language (``localized``/``display_name`` over prefetched name forms).
Views import this package (``selectors.dashboard(...)``), so the names below are its public surface.
"""

from __future__ import annotations

from .annual import AnnualReport, annual_report
from .calendar import CalendarEntry, calendar_entries
from .common import (
    ACTIVE_AGREEMENT,
    OPEN_AGREEMENT,
    ROW_LIMIT,
    StatusStep,
    admin_url,
    agreements_with_parties,
    country_name,
    country_url,
    delegations_with_people,
    direction,
    head_of,
    home_country,
    party_names,
    signatory_lines,
    signature_date,
    status_history,
)
from .country import (
    CountryProfile,
    TimelineItem,
    countries_with_records,
    country_agreements,
    country_events,
    country_profile,
    country_programmes,
    is_known_country,
)
from .dashboard import Dashboard, dashboard
from .officials import officials_directory, with_involvement
from .tracker import AgreementTracker, agreement_tracker

__all__ = [
    "ACTIVE_AGREEMENT",
    "OPEN_AGREEMENT",
    "ROW_LIMIT",
    "AgreementTracker",
    "AnnualReport",
    "CalendarEntry",
    "CountryProfile",
    "Dashboard",
    "StatusStep",
    "TimelineItem",
    "admin_url",
    "agreement_tracker",
    "agreements_with_parties",
    "annual_report",
    "calendar_entries",
    "countries_with_records",
    "country_agreements",
    "country_events",
    "country_name",
    "country_profile",
    "country_programmes",
    "country_url",
    "dashboard",
    "delegations_with_people",
    "direction",
    "head_of",
    "home_country",
    "is_known_country",
    "officials_directory",
    "party_names",
    "signatory_lines",
    "signature_date",
    "status_history",
    "with_involvement",
]
