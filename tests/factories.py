"""factory_boy factories for every core model, shared by all test areas.

Each factory builds a valid row with the fewest required relations; pass keyword arguments to pin what a test
is about. Slugs come from sequences so factories never collide with each other or with fixtures/govex.yaml.

    official = OfficialFactory(name="Yulia Shapkina", country="BY", names=["Шапкина Юлия", "Шапкиной Ю.А."])
    delegation = DelegationFactory(origin_country="BY", host_country="AE")
    DelegationMemberFactory(delegation=delegation, official=official, role=MemberRole.HEAD)
"""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cooperation.dates import DatePrecision
from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementAction,
    AgreementKind,
    AgreementParty,
    AgreementRelation,
    AgreementSignatory,
    AgreementStatus,
    Attachment,
    Citation,
    Commitment,
    Delegation,
    DelegationMember,
    DelegationStatus,
    Event,
    EventCountry,
    EventKind,
    EventOrganiser,
    EventParticipant,
    EventStatus,
    MemberRole,
    NameKind,
    Official,
    OfficialName,
    Organisation,
    OrganisationKind,
    OrganisationName,
    ParticipantRole,
    Position,
    ProgrammeCountry,
    ProgrammeParticipant,
    ProgrammeStage,
    ProgrammeStatus,
    RelationKind,
    SourceDocument,
    SourceKind,
    StageMode,
    Topic,
    TrainingProgramme,
)
from cooperation.names import script_of

PASSWORD = "correct-horse-battery-42"

_SCRIPT_LANGUAGE = {"Cyrl": "ru", "Arab": "ar", "Latn": "en"}


# --- Users ---------------------------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user; ``groups=["Protocol staff"]`` puts it in groups created by the post_migrate signal."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(Group.objects.get(name=name) if isinstance(name, str) else name for name in extracted))


class RecordFactory(factory.django.DjangoModelFactory):
    """A delegation, event, agreement or programme; ``topics=[topic, ...]`` tags it."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)


def _add_name_forms(name_factory, names, **owner) -> None:
    """``names=[...]`` of an official or organisation: alternative forms, language guessed from the script."""
    for name in names or ():
        name_factory(**owner, name=name, language=_SCRIPT_LANGUAGE.get(script_of(name), "en"))


# --- Topics, organisations, officials ------------------------------------------------------------------------


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Ministry of Examples {n}")
    kind = OrganisationKind.MINISTRY
    country = "AE"

    @factory.post_generation
    def names(self, create, extracted, **kwargs):
        """``names=["Министерство ...", ...]``: see ``_add_name_forms``."""
        _add_name_forms(OrganisationNameFactory, extracted, organisation=self)


class OrganisationNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationName

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Organisation name {n}")
    language = "en"
    kind = NameKind.PREFERRED


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"official-{n}")
    name = factory.Sequence(lambda n: f"Person Example{n}")
    country = "BY"

    @factory.post_generation
    def names(self, create, extracted, **kwargs):
        """``names=["Шапкина Юлия", "عهود الرومي"]``: see ``_add_name_forms``."""
        _add_name_forms(OfficialNameFactory, extracted, official=self)


class OfficialNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialName

    official = factory.SubFactory(OfficialFactory)
    name = factory.Sequence(lambda n: f"Name form {n}")
    language = "en"
    kind = NameKind.AS_WRITTEN


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    title = factory.Sequence(lambda n: f"Deputy Minister {n}")
    organisation = factory.SubFactory(OrganisationFactory, country=factory.SelfAttribute("..official.country"))
    start_date = dt.date(2024, 1, 1)
    start_precision = DatePrecision.YEAR


# --- Delegations ---------------------------------------------------------------------------------------------


class DelegationFactory(RecordFactory):
    class Meta:
        model = Delegation

    slug = factory.Sequence(lambda n: f"delegation-{n}")
    title = factory.Sequence(lambda n: f"Delegation {n}")
    origin_country = "BY"
    host_country = "AE"
    city = "Dubai"
    status = DelegationStatus.COMPLETED
    start_date = dt.date(2025, 10, 14)
    start_precision = DatePrecision.DAY
    end_date = dt.date(2025, 10, 17)
    end_precision = DatePrecision.DAY


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationMember

    delegation = factory.SubFactory(DelegationFactory)
    official = factory.SubFactory(OfficialFactory)
    role = MemberRole.MEMBER


# --- Events --------------------------------------------------------------------------------------------------


class EventFactory(RecordFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.MEETING
    title = factory.Sequence(lambda n: f"Meeting {n}")
    status = EventStatus.HELD
    city = "Dubai"
    country = "AE"
    start_date = dt.date(2025, 10, 15)


class EventParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventParticipant

    event = factory.SubFactory(EventFactory)
    official = factory.SubFactory(OfficialFactory)
    role = ParticipantRole.PARTICIPANT


class EventOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganiser

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class EventCountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCountry

    event = factory.SubFactory(EventFactory)
    country = "KZ"


# --- Agreements ----------------------------------------------------------------------------------------------


class AgreementFactory(RecordFactory):
    class Meta:
        model = Agreement

    slug = factory.Sequence(lambda n: f"agreement-{n}")
    kind = AgreementKind.MOU
    title = factory.Sequence(lambda n: f"Memorandum of understanding {n}")
    status = AgreementStatus.SIGNED


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    """A state party by default; pass ``organisation=...`` and ``country=""`` for an organisation or a bloc."""

    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    country = "AE"
    organisation = None


class AgreementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementAction

    party = factory.SubFactory(AgreementPartyFactory)
    kind = ActionKind.SIGNATURE
    date = dt.date(2025, 10, 16)


class AgreementSignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementSignatory

    agreement = factory.SubFactory(AgreementFactory)
    official = factory.SubFactory(OfficialFactory)


class AgreementRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementRelation

    source = factory.SubFactory(AgreementFactory)
    kind = RelationKind.IMPLEMENTS
    target = factory.SubFactory(AgreementFactory)


# --- Training programmes -------------------------------------------------------------------------------------


class TrainingProgrammeFactory(RecordFactory):
    class Meta:
        model = TrainingProgramme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = factory.Sequence(lambda n: f"Leadership programme {n}")
    status = ProgrammeStatus.RUNNING
    provider = factory.SubFactory(OrganisationFactory)
    provider_country = "AE"
    beneficiary_country = "BY"
    year = 2025
    participant_count = 20
    start_date = dt.date(2025, 2, 1)
    start_precision = DatePrecision.MONTH


class ProgrammeStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeStage

    programme = factory.SubFactory(TrainingProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Stage {n + 1}")
    mode = StageMode.ONLINE


class ProgrammeParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeParticipant

    programme = factory.SubFactory(TrainingProgrammeFactory)
    official = factory.SubFactory(OfficialFactory)


class ProgrammeCountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeCountry

    programme = factory.SubFactory(TrainingProgrammeFactory)
    country = "KZ"


# --- Sources -------------------------------------------------------------------------------------------------


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Press release {n}")
    language = "en"
    kind = SourceKind.PRESS_RELEASE
    publisher = "Example News"
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")
    publication_date = dt.date(2025, 10, 18)


class CitationFactory(factory.django.DjangoModelFactory):
    """Cites an official unless another target is given: ``CitationFactory(official=None, delegation=d)``."""

    class Meta:
        model = Citation

    source = factory.SubFactory(SourceDocumentFactory)
    official = factory.SubFactory(OfficialFactory)
    passage = "Named as head of the delegation."


# --- Commitments ---------------------------------------------------------------------------------------------


class CommitmentFactory(factory.django.DjangoModelFactory):
    """Follows up a delegation unless told otherwise: ``CommitmentFactory(delegation=None, event=e)``."""

    class Meta:
        model = Commitment

    text = factory.Sequence(lambda n: f"Send the draft programme {n}")
    delegation = factory.SubFactory(DelegationFactory)


# --- Attachments ---------------------------------------------------------------------------------------------

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class AttachmentFactory(factory.django.DjangoModelFactory):
    """A small PDF on a delegation; its bytes go to MEDIA_ROOT (give tests a temporary one)."""

    class Meta:
        model = Attachment

    delegation = factory.SubFactory(DelegationFactory)
    title = factory.Sequence(lambda n: f"Signed text {n}")
    file = factory.django.FileField(data=PDF_BYTES, filename="signed.pdf")
    size = len(PDF_BYTES)
    content_type = "application/pdf"
    sha256 = hashlib.sha256(PDF_BYTES).hexdigest()
