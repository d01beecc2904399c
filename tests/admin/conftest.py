"""A small visit built with the factories, and a helper that turns an admin change page into POST data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from cooperation.dates import DatePrecision
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementParty,
    Delegation,
    Event,
    GrammaticalCase,
    MemberRole,
    NameKind,
    Official,
    Organisation,
    ParticipantRole,
    Position,
    SourceDocument,
    TrainingProgramme,
)
from tests import factories as f


@dataclass
class Visit:
    shapkina: Official
    colleague: Official
    host: Official
    ministry: Organisation
    position: Position
    delegation: Delegation
    meeting: Event
    agreement: Agreement
    party: AgreementParty
    programme: TrainingProgramme
    source: SourceDocument


@pytest.fixture
def visit(db, settings, tmp_path) -> Visit:
    """A Belarusian delegation in the UAE in October 2025, headed by Yulia Shapkina, with its records."""
    settings.MEDIA_ROOT = tmp_path / "media"  # the signed text's file
    ministry = f.OrganisationFactory(name="Ministry of Labour and Social Protection", country="BY")
    office = f.OrganisationFactory(name="Government Experience Exchange Office", country="AE")
    shapkina = f.OfficialFactory(name="Yulia Shapkina", country="BY")
    f.OfficialNameFactory(official=shapkina, name="Шапкина Юлия Александровна", language="ru", kind=NameKind.NATIVE)
    f.OfficialNameFactory(
        official=shapkina,
        name="Шапкиной Ю.А.",
        language="ru",
        kind=NameKind.AS_WRITTEN,
        grammatical_case=GrammaticalCase.GENITIVE,
    )
    f.OfficialNameFactory(official=shapkina, name="يوليا شابكينا", language="ar", kind=NameKind.TRANSLITERATION)
    position = f.PositionFactory(official=shapkina, title="Deputy Minister", organisation=ministry)
    colleague = f.OfficialFactory(name="Sergei Kupitayenko", country="BY", names=["Купитаенко Сергей"])
    host = f.OfficialFactory(name="Abdulla Lootah", country="AE", names=["عبدالله لوتاه"])

    delegation = f.DelegationFactory(
        title="Belarusian delegation on government services",
        origin_country="BY",
        host_country="AE",
        host_organisation=office,
        topics=[f.TopicFactory(name="Digital transformation")],
    )
    f.DelegationMemberFactory(delegation=delegation, official=shapkina, role=MemberRole.HEAD, position=position)
    f.DelegationMemberFactory(delegation=delegation, official=colleague, role=MemberRole.MEMBER, order=1)
    meeting = f.EventFactory(title="Meeting at the exchange office", delegation=delegation)
    f.EventParticipantFactory(event=meeting, official=host, role=ParticipantRole.HOST)
    f.EventParticipantFactory(event=meeting, official=shapkina, role=ParticipantRole.HEAD_OF_DELEGATION)
    f.EventOrganiserFactory(event=meeting, organisation=office)
    f.EventCountryFactory(event=meeting, country="BY")

    agreement = f.AgreementFactory(title="Memorandum on government experience exchange", signed_at=meeting)
    party = f.AgreementPartyFactory(agreement=agreement, country="AE")
    f.AgreementActionFactory(party=party, kind=ActionKind.SIGNATURE, date=dt.date(2025, 10, 16))
    other = f.AgreementPartyFactory(agreement=agreement, country="BY", order=1)
    f.AgreementSignatoryFactory(agreement=agreement, official=shapkina, party=other, position=position)
    f.AgreementRelationFactory(source=f.AgreementFactory(title="Work plan 2026"), target=agreement)
    f.CommitmentFactory(delegation=None, agreement=agreement, text="Send the list of trainees", owner_official=shapkina)
    f.AttachmentFactory(delegation=None, agreement=agreement, title="Signed text of the memorandum")

    programme = f.TrainingProgrammeFactory(
        title="Government leadership programme", provider=office, agreement=agreement
    )
    f.ProgrammeStageFactory(programme=programme, number=1, title="Online modules")
    f.ProgrammeStageFactory(
        programme=programme,
        number=2,
        title="Sessions in Dubai",
        start_date=dt.date(2025, 10, 1),
        start_precision=DatePrecision.MONTH,
    )
    f.ProgrammeParticipantFactory(programme=programme, official=colleague)
    f.ProgrammeCountryFactory(programme=programme, country="BY")

    source = f.SourceDocumentFactory(title="Belarusian delegation visits the UAE", language="en")
    for record in (shapkina, ministry, delegation, meeting, agreement, programme):
        target = "programme" if record is programme else type(record)._meta.model_name
        f.CitationFactory(source=source, **{"official": None, target: record})
    return Visit(
        shapkina=shapkina,
        colleague=colleague,
        host=host,
        ministry=ministry,
        position=position,
        delegation=delegation,
        meeting=meeting,
        agreement=agreement,
        party=party,
        programme=programme,
        source=source,
    )


def change_form_data(response) -> dict:
    """The POST body a browser would send for an admin add/change page as rendered (main form and inlines)."""
    data: dict = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = value
    return data
