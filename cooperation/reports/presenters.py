"""How the reports lay records out as table rows: one row builder and one column list per kind of record,
shared by every report that lists that kind (the views choose which tables a report shows)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import selectors
from .bidi import joined
from .tables import Change, cell, day, span


def record_link(title: str, model: str, pk: int) -> Any:
    return cell(title, selectors.admin_url(model, pk))


def country_link(code: str) -> Any:
    return cell(selectors.country_name(code), selectors.country_url(code)) if code else ""


def change(current: int, previous: int) -> Change:
    return Change(current - previous)


def delegation_rows(delegations, home: str) -> list[list[Any]]:
    return [
        [
            span(d),
            record_link(d.localized("title"), "delegation", d.pk),
            selectors.direction(d, home),
            country_link(d.origin_country),
            country_link(d.host_country),
            selectors.head_of(d),
            capfirst(d.get_status_display()),
        ]
        for d in delegations
    ]


def delegation_columns() -> list[str]:
    return [_("Dates"), _("Delegation"), _("Direction"), _("From"), _("To"), _("Head"), _("Status")]


def event_rows(events) -> list[list[Any]]:
    return [
        [
            span(e),
            record_link(e.localized("title"), "event", e.pk),
            capfirst(e.get_kind_display()),
            joined((e.city, selectors.country_name(e.country))),
            capfirst(e.get_status_display()),
        ]
        for e in events
    ]


def event_columns() -> list[str]:
    return [_("Dates"), _("Event"), _("Kind"), _("Place"), _("Status")]


def agreement_rows(
    agreements, *, last_moved: dict[int, dt.date] | None = None, files: dict[int, list] | None = None
) -> list[list[Any]]:
    rows = []
    for a in agreements:
        signed = selectors.signature_date(a)
        row = [
            record_link(a.localized("title"), "agreement", a.pk),
            capfirst(a.get_kind_display()),
            capfirst(a.get_status_display()),
            "; ".join(selectors.party_names(a)),
            "; ".join(selectors.signatory_lines(a)),
            signed or "",
            record_link(a.signed_at.localized("title"), "event", a.signed_at.pk) if a.signed_at_id else "",
            day(a.expires_on) or "",
        ]
        if last_moved is not None:
            row.append(day(last_moved.get(a.pk)) or "")
        if files is not None:
            row.append(attachment_links(files.get(a.pk, [])))
        rows.append(row)
    return rows


def agreement_columns(*, with_moved: bool = False, with_files: bool = False) -> list[str]:
    columns = [
        _("Agreement"),
        _("Kind"),
        _("Status"),
        _("Parties"),
        _("Signatories"),
        _("Signed"),
        _("Signed at"),
        _("Expires"),
    ]
    return [*columns, *([_("Status since")] if with_moved else []), *([_("Files")] if with_files else [])]


def attachment_links(attachments) -> list[Any]:
    """A record's files as download links (exports keep their titles); an empty cell when there are none."""
    return [cell(str(a), a.get_absolute_url()) for a in attachments] or ""


def involvement(record, model: str, role: str, position) -> dict[str, str]:
    title = record.localized("title")
    when = " ".join(x for x in (getattr(record, "dates_display", ""), getattr(record, "times_display", "")) if x)
    held = position.localized_title() if position is not None else ""
    label = " · ".join(x for x in (title, when, f"{role}" + (f", {held}" if held else "")) if x)
    return {"label": label, "url": selectors.admin_url(model, record.pk), "role": str(role)}
