"""Keep the partner view of the data honest.

- A deleted record leaves a tombstone (``Change``) so that partners delete it too; a merge leaves a
  ``merged`` one instead (the merge service marks the instance before deleting it).
- A changed slug is a new public identifier: the old one gets a ``renamed`` tombstone.
- A change to a record's rows (members, parties, actions, names ...) moves the record's ``updated_at``, because
  those rows are nested in its API representation and ``updated_since`` must see the change.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone

from cooperation import models as m
from cooperation.fixture_loading import is_being_loaded

from .models import Change, ChangeAction

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


def record_deleted(sender, instance, **kwargs) -> None:
    merged_into = getattr(instance, MERGED_INTO, None)
    Change.objects.create(
        record_type=RECORD_TYPES[sender],
        slug=instance.slug,
        action=ChangeAction.MERGED if merged_into else ChangeAction.DELETED,
        replaced_by=merged_into.slug if merged_into else "",
    )


def record_saving(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    old_slug = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug is not None and old_slug != instance.slug:
        Change.objects.create(
            record_type=RECORD_TYPES[sender], slug=old_slug, action=ChangeAction.RENAMED, replaced_by=instance.slug
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
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"partner_api.deleted.{model.__name__}")
        pre_save.connect(record_saving, sender=model, dispatch_uid=f"partner_api.renamed.{model.__name__}")
    for model in [*CHILD_PARENTS, m.AgreementAction, m.Citation]:
        for signal in (post_save, post_delete):
            signal.connect(child_changed, sender=model, dispatch_uid=f"partner_api.child.{model.__name__}.{id(signal)}")
    for model in (m.Delegation, m.Event, m.Agreement, m.TrainingProgramme, m.ProgrammeStage):
        for field in ("topics",):
            through = model._meta.get_field(field).remote_field.through
            m2m_changed.connect(topics_changed, sender=through, dispatch_uid=f"partner_api.m2m.{through.__name__}")
    through = m.TrainingProgramme._meta.get_field("partners").remote_field.through
    m2m_changed.connect(topics_changed, sender=through, dispatch_uid="partner_api.m2m.partners")
