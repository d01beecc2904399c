"""The practical floor: the same JSON as the partner API, from one hand-written SQL query per request.

A bare WSGI app (no Django) served by gunicorn like the API. PostgreSQL builds each record's nested JSON
(``json_build_object``/``json_agg``), psycopg hands it over parsed with orjson, and orjson writes the page.
It understands just what the benchmark asks: each of the six record lists with the one filter its scenario uses
(``ENDPOINTS``), ``page_size`` and ``cursor``, ordered by (updated_at, id) like the API.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
from urllib.parse import parse_qs, urlencode

import orjson
import psycopg
from psycopg.types.json import set_json_loads

set_json_loads(orjson.loads)

DSN = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/govex_bench")


def _country_names() -> bytes:
    # The same English names django-countries gives the API, without importing Django into the floor.
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=False)
    from django_countries import countries

    return orjson.dumps({code: str(name) for code, name in countries})


COUNTRIES = _country_names().decode()


def partial(column: str, date: str = "", precision: str = "") -> str:
    date, precision = date or f"{column}_date", precision or f"{column}_precision"
    return f"""CASE WHEN {date} IS NULL THEN NULL ELSE json_build_object(
        'date', CASE {precision} WHEN 'year' THEN to_char({date}, 'YYYY')
                                 WHEN 'month' THEN to_char({date}, 'YYYY-MM')
                                 ELSE to_char({date}, 'YYYY-MM-DD') END,
        'precision', {precision}) END"""


def stamp(column: str) -> str:
    """A timestamp as the API writes it (orjson): six digits of microseconds, none when they are zero.

    PostgreSQL's own JSON drops trailing zeros (``.81239``), which is a different string from the API's
    ``.812390`` for one timestamp in ten.
    """
    return f"""to_char({column} AT TIME ZONE 'UTC', CASE WHEN date_trunc('second', {column}) = {column}
        THEN 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"' END)"""


def local_time(column: str) -> str:
    """A time of day as the API writes it: "HH:MM", or null."""
    return f"to_char({column}, 'HH24:MI')"


def starts_at(date: str, time: str, zone: str) -> str:
    """The local wall clock with the zone's offset on that day, as Python's ``isoformat(timespec="seconds")``."""
    local = f"({date} + {time})"
    offset = f"({local} - (({local} AT TIME ZONE {zone}) AT TIME ZONE 'UTC'))"
    return f"""CASE WHEN {date} IS NULL OR {time} IS NULL OR {zone} = '' THEN NULL
        ELSE to_char({local}, 'YYYY-MM-DD"T"HH24:MI:SS')
            || CASE WHEN {offset} < interval '0' THEN '-' ELSE '+' END
            || to_char(CASE WHEN {offset} < interval '0' THEN -{offset} ELSE {offset} END, 'HH24:MI') END"""


def country(expression: str) -> str:
    return f"""CASE WHEN {expression} = '' THEN NULL
        ELSE json_build_object('code', {expression}, 'name', COALESCE(%(countries)s::jsonb ->> {expression},
        {expression})) END"""


def names(table: str, owner: str, alias: str) -> str:
    return f"""COALESCE((SELECT json_agg(json_build_object('name', n.name, 'language', n.language, 'script',
        n.script, 'kind', n.kind, 'grammatical_case', NULLIF(n.grammatical_case, '')) ORDER BY n.id)
        FROM {table} n WHERE n.{owner}_id = {alias}.id), '[]'::json)"""


def organisation(fk: str) -> str:
    return f"""(SELECT json_build_object('slug', o.slug, 'url', %(base)s || 'organisations/' || o.slug || '/',
        'name', o.name, 'abbreviation', o.abbreviation, 'kind', o.kind, 'country', {country("o.country")},
        'names', {names("cooperation_organisationname", "organisation", "o")})
        FROM cooperation_organisation o WHERE o.id = {fk})"""


OFFICIAL = f"""json_build_object('slug', p.slug, 'url', %(base)s || 'officials/' || p.slug || '/', 'name', p.name,
    'honorific_prefix', p.honorific_prefix, 'country', {country("p.country")},
    'names', {names("cooperation_officialname", "official", "p")})"""
POSITION = f"""CASE WHEN pos.id IS NULL THEN NULL ELSE json_build_object(
    'title', json_build_object('en', pos.title, 'ru', NULLIF(pos.title_ru, ''), 'ar', NULLIF(pos.title_ar, '')),
    'organisation', CASE WHEN po.id IS NULL THEN NULL ELSE json_build_object('slug', po.slug,
        'url', %(base)s || 'organisations/' || po.slug || '/', 'name', po.name) END,
    'start', {partial("pos.start")}, 'end', {partial("pos.end")}) END"""


def people(table: str, parent: str, order: str) -> str:
    return f"""COALESCE((SELECT json_agg(json_build_object('role', r.role, 'official', {OFFICIAL},
        'position', {POSITION}) ORDER BY {order})
        FROM {table} r JOIN cooperation_official p ON p.id = r.official_id
        LEFT JOIN cooperation_position pos ON pos.id = r.position_id
        LEFT JOIN cooperation_organisation po ON po.id = pos.organisation_id
        WHERE r.{parent}_id = x.id), '[]'::json)"""


def topics(through: str, owner: str, alias: str = "x") -> str:
    return f"""COALESCE((SELECT json_agg(json_build_object('slug', t.slug, 'url', %(base)s || 'topics/' || t.slug
        || '/', 'name', json_build_object('en', t.name, 'ru', NULLIF(t.name_ru, ''), 'ar', NULLIF(t.name_ar, '')))
        ORDER BY t.name) FROM {through} tt JOIN cooperation_topic t ON t.id = tt.topic_id
        WHERE tt.{owner}_id = {alias}.id), '[]'::json)"""


def supports(owner: str) -> str:
    """A record's sources as a partner sees them (no internal notes), in citation order."""
    return f"""COALESCE((SELECT json_agg(json_build_object('source', s.slug,
        'source_url', %(base)s || 'sources/' || s.slug || '/', 'title', s.title, 'published_url', s.url,
        'passage', c.passage, 'locator', c.locator) ORDER BY c.source_id, c.id)
        FROM cooperation_citation c JOIN cooperation_sourcedocument s ON s.id = c.source_id
        WHERE c.{owner}_id = x.id AND s.kind <> 'internal_note'), '[]'::json)"""


def title(alias: str) -> str:
    return f"""json_build_object('en', {alias}.title, 'ru', NULLIF({alias}.title_ru, ''),
        'ar', NULLIF({alias}.title_ar, ''))"""


def ref(table: str, basename: str, fk: str) -> str:
    """A pointer to another record (``RecordRefSerializer``): slug, url and the three titles."""
    return f"""(SELECT json_build_object('slug', r.slug, 'url', %(base)s || '{basename}s/' || r.slug || '/',
        'title', {title("r")}) FROM {table} r WHERE r.id = {fk})"""


def page(table: str, filter_column: str, fields: str, after: str = "") -> str:
    """One list page: the record's JSON, filtered by one column, in the API's keyset order.

    ``after``: the fields a record lists after its identifiers (delegations and events put their sources there).
    """
    after = f", {after}" if after else ""
    return f"""
SELECT x.id, x.updated_at, json_build_object('id', x.uid, 'slug', x.slug, {fields},
    'identifiers', x.identifiers{after}, 'created_at', {stamp("x.created_at")}, 'updated_at', {stamp("x.updated_at")})
FROM {table} x
WHERE x.{filter_column} = %(filter)s AND (%(after)s::timestamptz IS NULL OR x.updated_at > %(after)s
      OR (x.updated_at = %(after)s AND x.id > %(after_id)s))
ORDER BY x.updated_at, x.id LIMIT %(limit)s
"""


DELEGATIONS = page(
    "cooperation_delegation",
    "origin_country",
    f"""'url', %(base)s || 'delegations/' || x.slug || '/',
    'title', {title("x")}, 'status', x.status, 'approved_at', {stamp("x.approved_at")},
    'origin_country', {country("x.origin_country")}, 'host_country', {country("x.host_country")},
    'city', x.city, 'start', {partial("x.start")}, 'end', {partial("x.end")}, 'dates_note', x.dates_note,
    'purpose', x.purpose, 'summary', x.summary, 'outcomes', x.outcomes,
    'sending_organisation', {organisation("x.sending_organisation_id")},
    'host_organisation', {organisation("x.host_organisation_id")},
    'head', (SELECT {OFFICIAL} FROM cooperation_delegationmember r JOIN cooperation_official p
             ON p.id = r.official_id WHERE r.delegation_id = x.id AND r.role = 'head'),
    'members', {people("cooperation_delegationmember", "delegation", 'r."order", r.id')},
    'topics', {topics("cooperation_delegation_topics", "delegation")}""",
    f"""'sources', {supports("delegation")}""",
)

EVENTS = page(
    "cooperation_event",
    "kind",
    f"""'url', %(base)s || 'events/' || x.slug || '/', 'kind', x.kind,
    'title', {title("x")}, 'status', x.status, 'start', {partial("x.start")}, 'end', {partial("x.end")},
    'start_time', {local_time("x.start_time")}, 'end_time', {local_time("x.end_time")}, 'time_zone', x.time_zone,
    'starts_at', {starts_at("x.start_date", "x.start_time", "x.time_zone")},
    'dates_note', x.dates_note, 'summary', x.summary, 'city', x.city, 'country', {country("x.country")},
    'venue', x.venue, 'venue_organisation', {organisation("x.venue_organisation_id")},
    'parent', {ref("cooperation_event", "event", "x.parent_id")},
    'delegation', {ref("cooperation_delegation", "delegation", "x.delegation_id")},
    'participants', {people("cooperation_eventparticipant", "event", "r.id")},
    'organisers', COALESCE((SELECT json_agg(json_build_object('role', eo.role,
                  'organisation', {organisation("eo.organisation_id")}) ORDER BY eo.id)
                  FROM cooperation_eventorganiser eo WHERE eo.event_id = x.id), '[]'::json),
    'participating_countries', COALESCE((SELECT json_agg({country("ec.country")} ORDER BY ec.country)
                  FROM cooperation_eventcountry ec WHERE ec.event_id = x.id), '[]'::json),
    'topics', {topics("cooperation_event_topics", "event")}""",
    f"""'sources', {supports("event")}""",
)

OFFICIALS = page(
    "cooperation_official",
    "country",
    f"""'url', %(base)s || 'officials/' || x.slug || '/', 'name', x.name, 'sort_name', x.sort_name,
    'honorific_prefix', x.honorific_prefix, 'country', {country("x.country")}, 'summary', x.summary,
    'names', {names("cooperation_officialname", "official", "x")},
    'positions', COALESCE((SELECT json_agg({POSITION} ORDER BY pos.start_date DESC, pos.id)
        FROM cooperation_position pos LEFT JOIN cooperation_organisation po ON po.id = pos.organisation_id
        WHERE pos.official_id = x.id), '[]'::json),
    'sources', {supports("official")}""",
)

ORGANISATIONS = page(
    "cooperation_organisation",
    "country",
    f"""'url', %(base)s || 'organisations/' || x.slug || '/', 'name', x.name, 'abbreviation', x.abbreviation,
    'kind', x.kind, 'country', {country("x.country")}, 'city', x.city,
    'parent', (SELECT json_build_object('slug', o.slug, 'url', %(base)s || 'organisations/' || o.slug || '/',
               'name', o.name) FROM cooperation_organisation o WHERE o.id = x.parent_id),
    'website', NULLIF(x.website, ''), 'summary', x.summary,
    'names', {names("cooperation_organisationname", "organisation", "x")}, 'sources', {supports("organisation")}""",
)

AGREEMENTS = page(
    "cooperation_agreement",
    "status",
    f"""'url', %(base)s || 'agreements/' || x.slug || '/', 'kind', x.kind, 'level', x.level,
    'title', {title("x")}, 'summary', x.summary, 'status', x.status, 'status_date', x.status_date,
    'signed_at', {ref("cooperation_event", "event", "x.signed_at_id")}, 'expires_on', x.expires_on,
    'dates_note', x.dates_note,
    'parties', COALESCE((SELECT json_agg(json_build_object('country', {country("pa.country")},
        'organisation', {organisation("pa.organisation_id")},
        'actions', COALESCE((SELECT json_agg(json_build_object('kind', a.kind,
            'date', {partial("", "a.date", "a.date_precision")}, 'note', a.note) ORDER BY a.date, a.id)
            FROM cooperation_agreementaction a WHERE a.party_id = pa.id), '[]'::json))
        ORDER BY pa."order", pa.id) FROM cooperation_agreementparty pa WHERE pa.agreement_id = x.id), '[]'::json),
    'signatories', COALESCE((SELECT json_agg(json_build_object('official', {OFFICIAL}, 'position', {POSITION},
        'on_behalf_of', CASE WHEN sp.id IS NULL THEN NULL WHEN sp.organisation_id IS NOT NULL
            THEN (SELECT so.slug FROM cooperation_organisation so WHERE so.id = sp.organisation_id)
            ELSE sp.country END) ORDER BY r.id)
        FROM cooperation_agreementsignatory r JOIN cooperation_official p ON p.id = r.official_id
        LEFT JOIN cooperation_position pos ON pos.id = r.position_id
        LEFT JOIN cooperation_organisation po ON po.id = pos.organisation_id
        LEFT JOIN cooperation_agreementparty sp ON sp.id = r.party_id
        WHERE r.agreement_id = x.id), '[]'::json),
    'relations', COALESCE((SELECT json_agg(json_build_object('kind', rel.kind,
        'agreement', {ref("cooperation_agreement", "agreement", "rel.target_id")}) ORDER BY rel.id)
        FROM cooperation_agreementrelation rel WHERE rel.source_id = x.id), '[]'::json),
    'topics', {topics("cooperation_agreement_topics", "agreement")}, 'sources', {supports("agreement")}""",
)

PROGRAMMES = page(
    "cooperation_trainingprogramme",
    "status",
    f"""'url', %(base)s || 'programmes/' || x.slug || '/', 'title', {title("x")}, 'summary', x.summary,
    'status', x.status, 'start', {partial("x.start")}, 'end', {partial("x.end")},
    'provider', {organisation("x.provider_id")},
    'partners', COALESCE((SELECT json_agg({organisation("tp.organisation_id")} ORDER BY tp.organisation_id)
        FROM cooperation_trainingprogramme_partners tp WHERE tp.trainingprogramme_id = x.id), '[]'::json),
    'provider_country', {country("x.provider_country")}, 'beneficiary_country', {country("x.beneficiary_country")},
    'beneficiary_countries', COALESCE((SELECT json_agg({country("pc.country")} ORDER BY pc.country)
        FROM cooperation_programmecountry pc WHERE pc.programme_id = x.id), '[]'::json),
    'beneficiary_organisation', {organisation("x.beneficiary_organisation_id")},
    'agreement', {ref("cooperation_agreement", "agreement", "x.agreement_id")},
    'cohort', x.cohort, 'year', x.year, 'participant_count', x.participant_count,
    'stages', COALESCE((SELECT json_agg(json_build_object('number', st.number, 'title', st.title, 'mode', st.mode,
        'city', st.city, 'country', {country("st.country")}, 'start', {partial("st.start")},
        'end', {partial("st.end")}, 'event', {ref("cooperation_event", "event", "st.event_id")},
        'topics', {topics("cooperation_programmestage_topics", "programmestage", "st")}) ORDER BY st.number, st.id)
        FROM cooperation_programmestage st WHERE st.programme_id = x.id), '[]'::json),
    'participants', {people("cooperation_programmeparticipant", "programme", "r.id")},
    'topics', {topics("cooperation_trainingprogramme_topics", "trainingprogramme")},
    'sources', {supports("programme")}""",
)

ENDPOINTS = {
    "delegations": (DELEGATIONS, "origin_country"),
    "events": (EVENTS, "kind"),
    "officials": (OFFICIALS, "country"),
    "organisations": (ORGANISATIONS, "country"),
    "agreements": (AGREEMENTS, "status"),
    "programmes": (PROGRAMMES, "status"),
}

_connection: psycopg.Connection | None = None


def connection() -> psycopg.Connection:
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(DSN, autocommit=True)
        _connection.execute("SET TIME ZONE 'UTC'")
    return _connection


def decode_cursor(cursor: str) -> tuple[dt.datetime, int]:
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    stamp, pk = raw.split("|")[:2]  # the API's cursor goes on with the walk's watermark, which the floor ignores
    return dt.datetime.fromisoformat(stamp), int(pk)


def encode_cursor(updated_at: dt.datetime, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{updated_at.isoformat()}|{pk}".encode()).decode().rstrip("=")


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    name = path.strip("/").split("/")[-1]
    if name not in ENDPOINTS:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"error": "not found"}']
    sql, filter_name = ENDPOINTS[name]
    params = {key: values[-1] for key, values in parse_qs(environ.get("QUERY_STRING", "")).items()}
    limit = min(int(params.get("page_size", 50)), 500)
    after, after_id = decode_cursor(params["cursor"]) if params.get("cursor") else (None, 0)
    host = environ.get("HTTP_HOST", "127.0.0.1")
    base = f"http://{host}/api/v1/"
    rows = (
        connection()
        .execute(
            sql,
            {
                "base": base,
                "countries": COUNTRIES,
                "filter": params.get(filter_name, ""),
                "after": after,
                "after_id": after_id,
                "limit": limit + 1,
            },
        )
        .fetchall()
    )
    next_link = None
    if len(rows) > limit:
        rows = rows[:limit]
        last_id, last_updated, _ = rows[-1]
        params["cursor"] = encode_cursor(last_updated, last_id)
        next_link = f"http://{host}{path}?{urlencode(params)}"
    body = orjson.dumps({"next": next_link, "page_size": limit, "results": [row[2] for row in rows]})
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
