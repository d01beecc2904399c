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

The bookkeeping that makes sync complete lives here too (connected in ``CooperationConfig.ready``):
- a deleted record leaves a tombstone (``Change``) so that partners delete it too; a merge leaves a ``merged``
  one instead (the merge service marks the instance before deleting it);
- a changed slug is a new public identifier: the old one gets a ``renamed`` tombstone;
- a change to a record's rows (members, parties, actions, names, stage topics, citations ...) moves the
  record, because those rows are nested in its representation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone

from cooperation import models as m
from cooperation.fixture_loading import is_being_loaded
from cooperation.models import Change, ChangeAction

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


# The asking transaction's own writes count as seen, and as changed too. A snapshot leaves its own xid out of
# the in-progress list, so pg_visible_in_snapshot answers for it by position alone: not visible while it is the
# newest xid, visible as soon as a later transaction has committed. A transaction that wrote and then reads (a
# test; partner requests do not write records) would otherwise see its own rows, or their changes, by chance.
# At worst it sees them twice.
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
    # The xmin bound lets the index on sync_xid skip everything older before the snapshot test runs; it holds for
    # the asking transaction's own rows too (a snapshot's xmin counts its own xid).
    return _condition(queryset, "({column} >= {xmin} AND (NOT {visible} OR {own}))", watermark)


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


def install_stamp_triggers(schema_editor, tables: list[str]) -> None:
    """For the migrations: PostgreSQL only (SQLite has no transaction ids; see the module docstring)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(STAMP_FUNCTION)
    for table in tables:
        schema_editor.execute(stamp_trigger(table))


def remove_stamp_triggers(schema_editor, tables: list[str]) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in tables:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS govex_sync_xid ON "{table}"')


def stamp_trigger(table: str) -> str:
    return (
        f'DROP TRIGGER IF EXISTS govex_sync_xid ON "{table}";'
        f'CREATE TRIGGER govex_sync_xid BEFORE INSERT OR UPDATE ON "{table}" '
        "FOR EACH ROW EXECUTE FUNCTION govex_stamp_sync_xid();"
    )


# --- bookkeeping ---------------------------------------------------------------------------------------

# Record types served by the API, by the name used in the change feed.
RECORD_TYPES: dict[type, str] = {
    m.Delegation: "delegation",
    m.Event: "event",
    m.Agreement: "agreement",
    m.TrainingProgramme: "programme",
    m.Official: "official",
    m.Organisation: "organisation",
    m.Topic: "topic",
    m.SourceDocument: "source",
    m.Commitment: "commitment",
    m.Attachment: "attachment",
}

# Child rows and the path from the row to the record whose representation nests it.
CHILD_PARENTS: dict[type, tuple[type, str]] = {
    m.DelegationMember: (m.Delegation, "delegation_id"),
    m.EventParticipant: (m.Event, "event_id"),
    m.EventOrganiser: (m.Event, "event_id"),
    m.EventCountry: (m.Event, "event_id"),
    m.AgreementParty: (m.Agreement, "agreement_id"),
    m.AgreementSignatory: (m.Agreement, "agreement_id"),
    m.AgreementRelation: (m.Agreement, "source_id"),
    m.ProgrammeStage: (m.TrainingProgramme, "programme_id"),
    m.ProgrammeParticipant: (m.TrainingProgramme, "programme_id"),
    m.ProgrammeCountry: (m.TrainingProgramme, "programme_id"),
    m.OfficialName: (m.Official, "official_id"),
    m.Position: (m.Official, "official_id"),
    m.OrganisationName: (m.Organisation, "organisation_id"),
}

MERGED_INTO = "_partner_api_merged_into"  # set on an instance by the merge services before deleting it


def touch(model: type, pk: int | None) -> None:
    """``QuerySet.update`` so that touching never fires save signals or history rows."""
    if pk is not None:
        model._default_manager.filter(pk=pk).update(updated_at=timezone.now())


def public_id(instance) -> str:
    """What partners address a record by: its slug, or its permanent id when it has none (a commitment)."""
    return getattr(instance, "slug", None) or str(instance.uid)


def record_deleted(sender, instance, **kwargs) -> None:
    merged_into = getattr(instance, MERGED_INTO, None)
    Change.objects.create(
        record_type=RECORD_TYPES[sender],
        slug=public_id(instance),
        action=ChangeAction.MERGED if merged_into else ChangeAction.DELETED,
        replaced_by=merged_into.slug if merged_into else "",
        record_uid=instance.uid,
    )


def record_saving(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    old_slug = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug is not None and old_slug != instance.slug:
        Change.objects.create(
            record_type=RECORD_TYPES[sender],
            slug=old_slug,
            action=ChangeAction.RENAMED,
            replaced_by=instance.slug,
            record_uid=instance.uid,
        )


def child_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if sender is m.AgreementAction:
        agreement_id = m.AgreementParty.objects.filter(pk=instance.party_id).values_list("agreement_id", flat=True)
        touch(m.Agreement, agreement_id.first())
        return
    if sender is m.Citation:  # nested in its source and in the record it supports
        touch(m.SourceDocument, instance.source_id)
        kind = instance.target_kind
        touch(m.CITABLE[kind], getattr(instance, f"{kind}_id"))
        return
    parent, attribute = CHILD_PARENTS[sender]
    touch(parent, getattr(instance, attribute))


def topics_changed(sender, instance, action, reverse, **kwargs) -> None:
    if is_being_loaded(instance):
        return  # loaddata sets m2m after a raw save: not an edit (keeps a second load a no-op)
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        if isinstance(instance, m.ProgrammeStage):  # a stage is nested in its programme
            touch(m.TrainingProgramme, instance.programme_id)
        else:
            touch(type(instance), instance.pk)


def connect() -> None:
    for model in RECORD_TYPES:
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"sync.deleted.{model.__name__}")
        if any(field.name == "slug" for field in model._meta.fields):  # an id cannot be renamed
            pre_save.connect(record_saving, sender=model, dispatch_uid=f"sync.renamed.{model.__name__}")
    for model in [*CHILD_PARENTS, m.AgreementAction, m.Citation]:
        for signal in (post_save, post_delete):
            signal.connect(child_changed, sender=model, dispatch_uid=f"sync.child.{model.__name__}.{id(signal)}")
    for model in (m.Delegation, m.Event, m.Agreement, m.TrainingProgramme, m.ProgrammeStage):
        through = model._meta.get_field("topics").remote_field.through
        m2m_changed.connect(topics_changed, sender=through, dispatch_uid=f"sync.m2m.{through.__name__}")
    through = m.TrainingProgramme._meta.get_field("partners").remote_field.through
    m2m_changed.connect(topics_changed, sender=through, dispatch_uid="sync.m2m.partners")
