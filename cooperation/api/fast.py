"""Records built from ``values_list`` rows instead of model instances, for the list and the detail alike.

A page of 100 delegations holds about 2,500 nested rows; building a model instance for each (and running the
prefetch machinery) cost most of a request. These builders fetch each nested relation in one query for the
whole page, as tuples, and are the one definition of each record's JSON: a detail view is a page of one
(``views.FastRecordMixin``), the serializers only describe the shape for the schema (tests validate responses
against it), and the benchmark compares every list with the same JSON built by raw SQL (``bench/baseline.py``).
Agreements and programmes are in ``fast_agreements``. Officials and organisations, and the shapes every record type
nests (name forms, posts, sources), are declared in ``shapes`` and built from those declarations (``Declared``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

import orjson
from django.db.models import QuerySet, TextField
from django.db.models.expressions import RawSQL

from cooperation import models as m
from cooperation.times import hhmm, starts_at_iso

from . import shapes
from .prepared import AnyOf, compiled_once
from .serializers import country, partial_date

_NAMES = {"official": shapes.OFFICIAL_NAMES, "organisation": shapes.ORGANISATION_NAMES}


def _names(owner: str, ids: set[int], link) -> dict[int, list[dict]]:
    return _NAMES[owner].fetch(ids, link)


@compiled_once
def _organisation_rows(ids: set[int]) -> QuerySet:
    return m.Organisation.objects.filter(AnyOf("id", ids)).values_list(
        "id", "slug", "name", "abbreviation", "kind", "country"
    )


def _organisations(ids: set[int], link) -> dict[int, dict]:
    ids.discard(None)
    if not ids:
        return {}
    names = _names("organisation", ids, link)
    rows = _organisation_rows(ids)
    return {
        pk: {
            "slug": slug,
            "url": link("organisation", slug),
            "name": name,
            "abbreviation": abbreviation,
            "kind": kind,
            "country": country(code),
            "names": names.get(pk, []),
        }
        for pk, slug, name, abbreviation, kind, code in rows
    }


_PEOPLE_FIELDS = ("official_id", *(f"position__{lookup}" for lookup in shapes.POST.lookups))
# The post held, from the people rows' ``position__`` columns (``_PEOPLE_FIELDS``, after the parent and ``extra``):
# null when the row names none.
_POST_OF_PERSON = shapes.Shape(m.DelegationMember, position=shapes.Nested("position", shapes.POST))


@compiled_once
def _people_rows(model, parent: str, ids: list[int], ordering: tuple[str, ...], extra: tuple[str, ...]) -> QuerySet:
    return (
        model.objects.filter(AnyOf(f"{parent}_id", ids))
        .order_by(*ordering)
        .values_list(f"{parent}_id", *extra, *_PEOPLE_FIELDS)
    )


@compiled_once
def _official_rows(ids: set[int]) -> QuerySet:
    return m.Official.objects.filter(AnyOf("id", ids)).values_list("id", "slug", "name", "honorific_prefix", "country")


def _people(
    model, parent: str, ids: list[int], ordering: tuple[str, ...], link, extra: tuple[str, ...] = ("role",)
) -> dict[int, list[dict]]:
    """Members/participants/signatories with the official (every name form) and the post held at the time.

    ``extra`` names the row's own columns that come first in each dict (a member's ``role``).

    ``ordering`` names the parent by its column (``event_id``): ordering by ``event`` would join the events
    table to sort by *its* default ordering, which took 100 ms per page at 200,000 events.
    """
    rows = _people_rows(model, parent, ids, ordering, extra)
    width = len(extra)
    # Officials in their own query: joined in, PostgreSQL hashes the whole officials table (130 ms at 50,000).
    official_ids = {row[1 + width] for row in rows}
    names = _names("official", official_ids, link)
    officials = {pk: (slug, name, honorific, code) for pk, slug, name, honorific, code in _official_rows(official_ids)}
    post = _post_builder(width)
    found: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        parent_id, own = row[0], dict(zip(extra, row[1 : 1 + width], strict=True))
        official_id = row[1 + width]
        slug, name, honorific, official_country = officials[official_id]
        position = post(row, link, None)["position"]
        official = {
            "slug": slug,
            "url": link("official", slug),
            "name": name,
            "honorific_prefix": honorific,
            "country": country(official_country),
            "names": names.get(official_id, []),
        }
        found[parent_id].append({**own, "official": official, "position": position})
    return found


@functools.cache
def _post_builder(width: int):
    return _POST_OF_PERSON.builder(("parent_id", *("extra",) * width, *_PEOPLE_FIELDS))


@compiled_once
def _topic_rows(model, owner: str, ids: list[int]) -> QuerySet:
    return (
        model.topics.through.objects.filter(AnyOf(f"{owner}_id", ids))
        .order_by("topic__name")
        .values_list(f"{owner}_id", "topic__slug", "topic__name", "topic__name_ru", "topic__name_ar")
    )


def _topics(model, owner: str, ids: list[int], link) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, slug, name, name_ru, name_ar in _topic_rows(model, owner, ids):
        found[owner_id].append(
            {
                "slug": slug,
                "url": link("topic", slug),
                "name": {"en": name, "ru": name_ru or None, "ar": name_ar or None},
            }
        )
    return found


@compiled_once
def _country_rows(model, owner: str, ids: list[int]) -> QuerySet:
    return (
        model.objects.filter(AnyOf(f"{owner}_id", ids))
        .order_by(f"{owner}_id", "country")
        .values_list(f"{owner}_id", "country")
    )


def _countries(model, owner: str, ids: list[int]) -> dict[int, list[dict]]:
    """A record's list of countries (participating, beneficiary), in code order."""
    found: dict[int, list[dict]] = defaultdict(list)
    for owner_id, code in _country_rows(model, owner, ids):
        found[owner_id].append(country(code))
    return found


def _supports(owner: str, ids: list[int], link, *, partner: bool) -> dict[int, list[dict]]:
    """The records' ``sources``, one query for the page; partners never see the office's internal notes."""
    return shapes.SOURCES[owner].fetch(ids, link, partner=partner)


def _title(record) -> dict:
    return {"en": record.title, "ru": record.title_ru or None, "ar": record.title_ar or None}


def _record(record, basename: str, link, fields: dict, sources: dict[int, list[dict]]) -> dict:
    """The fields every record has around its own (``RecordSerializer``'s envelope)."""
    data = {"id": str(record.uid), "slug": record.slug, "url": link(basename, record.slug), **fields}
    data["identifiers"] = record.identifiers
    data["sources"] = sources.get(record.pk, [])
    data["created_at"] = record.created_at
    data["updated_at"] = record.updated_at
    return data


def _record_ref(record, basename: str, link) -> dict:
    """A pointer to another record (``RecordRefSerializer``): enough to show it and to fetch it."""
    return {"slug": record.slug, "url": link(basename, record.slug), "title": _title(record)}


def delegations(page: list[m.Delegation], link, *, partner: bool) -> list[dict]:
    ids = [d.pk for d in page]
    organisations = _organisations(
        {d.sending_organisation_id for d in page} | {d.host_organisation_id for d in page}, link
    )
    members = _people(m.DelegationMember, "delegation", ids, ("delegation_id", "order", "id"), link)
    topics = _topics(m.Delegation, "delegation", ids, link)
    sources = _supports("delegation", ids, link, partner=partner)
    result = []
    for d in page:
        people = members.get(d.pk, [])
        head = next((row["official"] for row in people if row["role"] == m.MemberRole.HEAD), None)
        fields = {
            "title": _title(d),
            "status": d.status,
            "approved_at": d.approved_at,
            "origin_country": country(d.origin_country),
            "host_country": country(d.host_country),
            "city": d.city,
            "start": partial_date(d.start_date, d.start_precision),
            "end": partial_date(d.end_date, d.end_precision),
            "dates_note": d.dates_note,
            "purpose": d.purpose,
            "summary": d.summary,
            "outcomes": d.outcomes,
            "sending_organisation": organisations.get(d.sending_organisation_id),
            "host_organisation": organisations.get(d.host_organisation_id),
            "head": head,
            "members": people,
            "topics": topics.get(d.pk, []),
        }
        result.append(_record(d, "delegation", link, fields, sources))
    return result


@compiled_once
def _organiser_rows(ids: list[int]) -> QuerySet:
    return (
        m.EventOrganiser.objects.filter(AnyOf("event_id", ids))
        .order_by("event_id", "id")
        .values_list("event_id", "role", "organisation_id")
    )


def events(page: list[m.Event], link, *, partner: bool) -> list[dict]:
    ids = [e.pk for e in page]
    organisers = _organiser_rows(ids)
    organisations = _organisations({e.venue_organisation_id for e in page} | {row[2] for row in organisers}, link)
    by_event: dict[int, list[dict]] = defaultdict(list)
    for event_id, role, organisation_id in organisers:
        by_event[event_id].append({"role": role, "organisation": organisations[organisation_id]})
    participants = _people(m.EventParticipant, "event", ids, ("event_id", "id"), link)
    countries = _countries(m.EventCountry, "event", ids)
    topics = _topics(m.Event, "event", ids, link)
    sources = _supports("event", ids, link, partner=partner)
    result = []
    for e in page:
        fields = {
            "kind": e.kind,
            "title": _title(e),
            "status": e.status,
            "start": partial_date(e.start_date, e.start_precision),
            "end": partial_date(e.end_date, e.end_precision),
            "start_time": hhmm(e.start_time),
            "end_time": hhmm(e.end_time),
            "time_zone": e.time_zone,
            "starts_at": starts_at_iso(e.start_date, e.start_time, e.time_zone),
            "dates_note": e.dates_note,
            "summary": e.summary,
            "city": e.city,
            "country": country(e.country),
            "venue": e.venue,
            "venue_organisation": organisations.get(e.venue_organisation_id),
            "parent": _record_ref(e.parent, "event", link) if e.parent_id else None,
            "delegation": _record_ref(e.delegation, "delegation", link) if e.delegation_id else None,
            "participants": participants.get(e.pk, []),
            "organisers": by_event.get(e.pk, []),
            "participating_countries": countries.get(e.pk, []),
            "topics": topics.get(e.pk, []),
        }
        result.append(_record(e, "event", link, fields, sources))
    return result


# --- Declared record types: their fields are a ``shapes.Shape``, built in Python or, on PostgreSQL, in the database.

ENVELOPE = ("pk", "uid", "slug", "identifiers", "created_at", "updated_at")

OFFICIAL = shapes.Shape(
    m.Official,
    name=shapes.Column("name"),
    sort_name=shapes.Column("sort_name"),
    honorific_prefix=shapes.Column("honorific_prefix"),
    country=shapes.Country("country"),
    summary=shapes.Column("summary"),
    names=shapes.OFFICIAL_NAMES,
    positions=shapes.POSITIONS,
)

ORGANISATION = shapes.Shape(
    m.Organisation,
    name=shapes.Column("name"),
    abbreviation=shapes.Column("abbreviation"),
    kind=shapes.Column("kind"),
    country=shapes.Country("country"),
    city=shapes.Column("city"),
    parent=shapes.Nested("parent", shapes.ORGANISATION_REF),
    website=shapes.Blank("website"),
    summary=shapes.Column("summary"),
    names=shapes.ORGANISATION_NAMES,
)


class Declared:
    """A record type whose fields are declared (``shape``): the page's rows and the records built from them.

    ``rows`` turns the page query into value rows: the envelope's columns (``ENVELOPE``: what every record has
    around its own fields, and what the cursor reads), then either the shape's columns (the Python builder, any
    database) or, with ``in_database``, the shape and the sources as JSON made by PostgreSQL from the same
    declaration (``shapes.record_sql``). ``build`` makes the records from either kind of row.
    """

    def __init__(self, shape: shapes.Shape, basename: str, owner: str) -> None:
        self.shape, self.basename, self.sources = shape, basename, shapes.SOURCES[owner]
        self.python = shape.builder(ENVELOPE + shape.lookups)

    def rows(self, queryset: QuerySet, link, *, partner: bool, in_database: bool) -> QuerySet:
        if not in_database:
            return queryset.values_list(*ENVELOPE, *self.shape.lookups, named=True)
        model = self.shape.model
        fields, fields_params = shapes.record_sql(self.shape, model, partner=partner)
        sources, sources_params = shapes.record_sql(self.sources, model, partner=partner)
        return queryset.annotate(
            fields_json=RawSQL(fields, shapes.sql_params(fields_params, link), output_field=TextField()),
            sources_json=RawSQL(sources, shapes.sql_params(sources_params, link), output_field=TextField()),
        ).values_list(*ENVELOPE, "fields_json", "sources_json", named=True)

    def build(self, rows: list, link, *, partner: bool) -> list[dict]:
        if rows and hasattr(rows[0], "fields_json"):
            return [
                self._record(row, link, orjson.loads(row.fields_json), orjson.loads(row.sources_json)) for row in rows
            ]
        ids = [row.pk for row in rows]
        lists = self.shape.fetch_lists(ids, link, partner=partner)
        sources = self.sources.fetch(ids, link, partner=partner)
        python = self.python
        return [self._record(row, link, python(row, link, lists), sources.get(row.pk, [])) for row in rows]

    def _record(self, row, link, fields: dict, sources: list) -> dict:
        """``RecordSerializer``'s envelope around the record's own fields."""
        return {
            "id": str(row.uid),
            "slug": row.slug,
            "url": link(self.basename, row.slug),
            **fields,
            "identifiers": row.identifiers,
            "sources": sources,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }


officials = Declared(OFFICIAL, "official", "official")
organisations = Declared(ORGANISATION, "organisation", "organisation")


def positions_as_of(records: list[dict], rows: list, day: dt.date, link) -> None:
    """Adds ``position_as_of`` to officials' records: the post held on ``day`` (the domain's rule, ``held_on``, on
    the rows of ``shapes.POSITIONS``), after ``positions``."""
    many = shapes.POSITIONS
    posts: dict[int, list[tuple]] = defaultdict(list)
    for row in many.rows([row.pk for row in rows], partner=True):
        posts[row[0]].append(row)
    dates = [many.layout.index(lookup) for lookup in ("start_date", "start_precision", "end_date", "end_precision")]
    for record, row in zip(records, rows, strict=True):
        held = m.held_on(posts[row.pk], day, dates=lambda post: [post[index] for index in dates])
        as_of = many.build(held, link, None) if held else None
        items = list(record.items())
        at = [key for key, _value in items].index("positions") + 1
        record.clear()
        record.update([*items[:at], ("position_as_of", as_of), *items[at:]])
