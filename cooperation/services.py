"""Writes that span several tables: merging duplicate officials and organisations.

A merge moves everything that points at the duplicate onto the record that stays, drops rows that would
then say the same thing twice, deletes the duplicate and leaves a ``merged`` tombstone so partner systems
re-point their copies. All in one transaction: a merge that fails halfway leaves both records as they were.
"""

from __future__ import annotations

from django.db import models, transaction

from cooperation.models import (
    AgreementAction,
    AgreementParty,
    AgreementSignatory,
    Citation,
    DelegationMember,
    EventOrganiser,
    EventParticipant,
    Official,
    OfficialName,
    Organisation,
    OrganisationName,
    Position,
    ProgrammeParticipant,
)
from cooperation.sync import MERGED_INTO

# Rows that may exist once per (parent, person): (model, parent field).
_PERSON_ROWS = (
    (DelegationMember, "delegation"),
    (EventParticipant, "event"),
    (AgreementSignatory, "agreement"),
    (ProgrammeParticipant, "programme"),
)
_POSITION_REFERENCES = (DelegationMember, EventParticipant, AgreementSignatory, ProgrammeParticipant)
_BLANK_FILLED = {
    Official: ("honorific_prefix", "country", "summary"),
    Organisation: ("abbreviation", "country", "city", "website", "summary"),
}


class MergeError(ValueError):
    pass


def _check(duplicate: models.Model, keep: models.Model) -> None:
    if type(duplicate) is not type(keep):
        raise MergeError("Only records of the same kind can be merged.")
    if duplicate.pk == keep.pk:
        raise MergeError("A record cannot be merged into itself.")


def _move_once(model: type[models.Model], field: str, *, parent: str, duplicate, keep) -> None:
    """Re-point ``model`` rows from ``duplicate`` to ``keep``, dropping those ``keep`` already has."""
    taken = set(model.objects.filter(**{field: keep}).values_list(f"{parent}_id", flat=True))
    rows = model.objects.filter(**{field: duplicate})
    rows.filter(**{f"{parent}_id__in": taken}).delete()
    rows.update(**{field: keep})


def _move_names(model: type[models.Model], field: str, *, duplicate, keep) -> None:
    existing = set(model.objects.filter(**{field: keep}).values_list("name", "language"))
    for name in model.objects.filter(**{field: duplicate}):
        if (name.name, name.language) in existing:
            name.delete()
        else:
            setattr(name, field, keep)
            name.save()


def _move_or_fold(model: type[models.Model], field: str, *, key: str, duplicate, keep, fold) -> None:
    """Re-point ``model`` rows from ``duplicate`` to ``keep``; a row whose ``key`` ``keep`` already has is
    folded into that one (``fold(row, same)`` moves what hangs off it) and deleted."""
    kept = {getattr(row, key): row for row in model.objects.filter(**{field: keep})}
    for row in model.objects.filter(**{field: duplicate}):
        same = kept.get(getattr(row, key))
        if same is None:
            setattr(row, field, keep)
            row.save()
            continue
        fold(row, same)
        row.delete()


def _fold_position(position: Position, same: Position) -> None:
    """The kept official already holds this post: what cited the duplicate's copy cites the kept one."""
    for model in _POSITION_REFERENCES:
        model.objects.filter(position=position).update(position=same)


def _fold_party(party: AgreementParty, same: AgreementParty) -> None:
    """The kept organisation is already a party: its actions stand, the duplicate's others and signatories join."""
    kinds = set(same.actions.values_list("kind", flat=True))
    AgreementAction.objects.filter(party=party).exclude(kind__in=kinds).update(party=same)
    AgreementSignatory.objects.filter(party=party).update(party=same)


def _fill_blanks(duplicate, keep) -> None:
    for field in _BLANK_FILLED[type(keep)]:
        if not getattr(keep, field) and getattr(duplicate, field):
            setattr(keep, field, getattr(duplicate, field))


def _move_remaining(duplicate, keep) -> None:
    """Anything else pointing at the duplicate (other apps' models) follows it to the kept record."""
    for relation in type(duplicate)._meta.related_objects:
        if relation.many_to_many or relation.related_model._meta.auto_created:
            continue
        name = relation.field.name
        relation.related_model._default_manager.filter(**{name: duplicate}).update(**{name: keep})


def _replace(duplicate, keep):
    """Every merge ends the same way: the rest follows, ``keep`` takes what it lacked, the duplicate goes with
    a ``merged`` tombstone (``MERGED_INTO`` tells the deletion signal where it went)."""
    _move_remaining(duplicate, keep)
    _fill_blanks(duplicate, keep)
    keep.save()
    setattr(duplicate, MERGED_INTO, keep)
    duplicate.delete()
    return keep


@transaction.atomic
def official_merge(*, duplicate: Official, keep: Official) -> Official:
    """Merge ``duplicate`` into ``keep``: names, posts, memberships, signatures, citations follow."""
    _check(duplicate, keep)
    _move_names(OfficialName, "official", duplicate=duplicate, keep=keep)
    _move_or_fold(Position, "official", key="title", duplicate=duplicate, keep=keep, fold=_fold_position)
    for model, parent in _PERSON_ROWS:
        _move_once(model, "official", parent=parent, duplicate=duplicate, keep=keep)
    _move_once(Citation, "official", parent="source", duplicate=duplicate, keep=keep)
    return _replace(duplicate, keep)


@transaction.atomic
def organisation_merge(*, duplicate: Organisation, keep: Organisation) -> Organisation:
    """Merge ``duplicate`` into ``keep``: names, posts, visits, events, parties, programmes follow."""
    _check(duplicate, keep)
    if keep.parent_id == duplicate.pk:
        # Done first: moving the duplicate's children would otherwise make ``keep`` its own parent.
        keep.parent_id = duplicate.parent_id if duplicate.parent_id != keep.pk else None
        keep.save(update_fields=["parent"])
    _move_names(OrganisationName, "organisation", duplicate=duplicate, keep=keep)
    _move_once(EventOrganiser, "organisation", parent="event", duplicate=duplicate, keep=keep)
    _move_once(Citation, "organisation", parent="source", duplicate=duplicate, keep=keep)
    _move_or_fold(AgreementParty, "organisation", key="agreement_id", duplicate=duplicate, keep=keep, fold=_fold_party)
    for programme in duplicate.programmes_partnered.all():
        programme.partners.remove(duplicate)
        programme.partners.add(keep)
    return _replace(duplicate, keep)
