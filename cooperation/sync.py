"""Sync watermarks: which changes a partner has seen, in terms the database can answer exactly.

A partner walks a list once, then asks for what changed since. "Since a time" is not safe: a row carries the
time it was *written*, and a transaction that writes at 10:00:00 and commits at 10:00:03 is invisible to a walk
that starts at 10:00:01 and, by its timestamp, older than that walk. So the server issues the watermark itself.

**PostgreSQL (the guarantee).** Every synced row carries ``sync_xid``, the id of the last transaction that
wrote it, stamped by a trigger (migration ``0002``), so every writer is covered, ``QuerySet.update`` included.
A watermark is a transaction snapshot (``pg_current_snapshot()``): the set of transactions whose effects it
sees. A walk taken under watermark W shows only rows whose last write W sees; the next sync shows exactly the
rows whose last write W does not see and the new watermark W' does. A transaction in flight when W was taken is
not in W, so its rows come in the next sync however early their timestamps; a row is never delivered twice for
the same write. Snapshots are taken with no lock and no serialisation of writers.

**SQLite (the embedded demo).** No transaction ids; SQLite has one writer at a time. The watermark is a time,
and a sync repeats the last ``SQLITE_OVERLAP`` before it, so a write that was in flight is caught at the price
of delivering some records twice (key on ``id``). Good for a demo and for tests, not for a partner feed.

Watermarks travel inside URLs, signed so that a partner cannot hand the database a snapshot of its own making.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

SQLITE_OVERLAP = dt.timedelta(minutes=5)
_SALT = "govex.sync.watermark"


class BadWatermark(ValueError):
    """A sync link that govex did not issue (or that was cut)."""


@dataclass(frozen=True)
class Watermark:
    moment: dt.datetime  # when it was taken (the SQLite rule; shown to people on PostgreSQL)
    snapshot: str = ""  # PostgreSQL: "xmin:xmax:xip,…"

    def dumps(self) -> str:
        return signing.dumps({"t": self.moment.isoformat(), "s": self.snapshot}, salt=_SALT, compress=True)

    @classmethod
    def loads(cls, token: str) -> Watermark:
        try:
            data = signing.loads(token, salt=_SALT)
            return cls(moment=dt.datetime.fromisoformat(data["t"]), snapshot=str(data.get("s") or ""))
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise BadWatermark(str(error)) from error


def _exact() -> bool:
    return connection.vendor == "postgresql"


def current() -> Watermark:
    if not _exact():
        return Watermark(moment=timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text, clock_timestamp()")
        snapshot, moment = cursor.fetchone()
    return Watermark(moment=moment, snapshot=snapshot)


# The asking transaction's own writes count as seen, and as changed too: a snapshot lists its own transaction
# as in progress, so a transaction that wrote and then reads (a test; partner requests do not write records)
# would otherwise not see its own rows at all. At worst it sees them twice.
_OWN = "COALESCE({column} = pg_current_xact_id_if_assigned()::text::bigint, false)"


def _condition(queryset: QuerySet, template: str, watermark: Watermark) -> QuerySet:
    column = f'"{queryset.model._meta.db_table}"."sync_xid"'
    sql = template.format(
        column=column,
        xmin="pg_snapshot_xmin(%s::pg_snapshot)::text::bigint",
        visible=f"pg_visible_in_snapshot({column}::text::xid8, %s::pg_snapshot)",
        own=_OWN.format(column=column),
    )
    return queryset.filter(RawSQL(sql, [watermark.snapshot, watermark.snapshot], output_field=BooleanField()))


def seen_by(queryset: QuerySet, watermark: Watermark) -> QuerySet:
    """Rows whose last write the watermark sees (rows never stamped predate the stamping, so they are seen)."""
    if not _exact() or not watermark.snapshot:
        return queryset
    return _condition(queryset, "({column} IS NULL OR {column} < {xmin} OR {visible} OR {own})", watermark)


def unseen_by(queryset: QuerySet, watermark: Watermark, time_field: str) -> QuerySet:
    """Rows whose last write the watermark does not see: what changed since it was taken."""
    if not _exact() or not watermark.snapshot:
        return queryset.filter(**{f"{time_field}__gte": watermark.moment - SQLITE_OVERLAP})
    # The xmin bound lets the index on sync_xid skip everything older before the snapshot test runs.
    return _condition(queryset, "({column} >= {xmin} AND NOT {visible})", watermark)


def changed_between(queryset: QuerySet, since: Watermark, until: Watermark, time_field: str) -> QuerySet:
    return seen_by(unseen_by(queryset, since, time_field), until)


# The trigger that stamps sync_xid, installed on PostgreSQL by the migration for every synced table.
STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION govex_stamp_sync_xid() RETURNS trigger AS $$
BEGIN
    NEW.sync_xid := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


def stamp_trigger(table: str) -> str:
    return (
        f'DROP TRIGGER IF EXISTS govex_sync_xid ON "{table}";'
        f'CREATE TRIGGER govex_sync_xid BEFORE INSERT OR UPDATE ON "{table}" '
        "FOR EACH ROW EXECUTE FUNCTION govex_stamp_sync_xid();"
    )
