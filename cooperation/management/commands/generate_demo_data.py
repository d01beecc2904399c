"""Fill the database with synthetic, reproducible records for demos and the benchmark.

``generate_demo_data --scale 100000 --seed 7`` makes 100,000 delegations and about ten times as many other
rows: officials with names in Latin, Cyrillic and Arabic, their posts, organisations, events with
participants and organisers, agreements with parties, dated actions and signatories, training programmes.
Rows are written with ``bulk_create`` in batches (no signals, no history rows), so 100,000 delegations take
minutes, not hours. Every slug starts with ``demo-``; the same seed gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cooperation import models as m
from cooperation.dates import DatePrecision
from cooperation.names import normalize, script_of, search_key, transliterate

# Country: (English, Russian, Arabic) names, and the script of its officials' native names.
COUNTRIES = {
    "AE": ("the United Arab Emirates", "ОАЭ", "الإمارات", "Arab"),
    "BY": ("Belarus", "Беларусь", "بيلاروس", "Cyrl"),
    "KZ": ("Kazakhstan", "Казахстан", "كازاخستان", "Cyrl"),
    "RU": ("Russia", "Россия", "روسيا", "Cyrl"),
    "UZ": ("Uzbekistan", "Узбекистан", "أوزبكستان", "Cyrl"),
    "KG": ("Kyrgyzstan", "Кыргызстан", "قيرغيزستان", "Cyrl"),
    "EG": ("Egypt", "Египет", "مصر", "Arab"),
    "JO": ("Jordan", "Иордания", "الأردن", "Arab"),
    "SA": ("Saudi Arabia", "Саудовская Аравия", "السعودية", "Arab"),
    "AZ": ("Azerbaijan", "Азербайджан", "أذربيجان", "Cyrl"),
}
CYRILLIC_FIRST = ["Юлия", "Сергей", "Анна", "Кирилл", "Ольга", "Дмитрий", "Наталья", "Алексей", "Марина", "Игорь"]
CYRILLIC_LAST = ["Шапкина", "Залесский", "Купитаенко", "Иванова", "Петров", "Смирнова", "Кузнецов", "Орлова"]
# Arabic names with the Latin spelling sources usually give.
ARABIC_FIRST = [
    ("عهود", "Ohood"),
    ("محمد", "Mohammed"),
    ("فاطمة", "Fatima"),
    ("عبدالله", "Abdulla"),
    ("مريم", "Mariam"),
]
ARABIC_LAST = [
    ("الرومي", "Al Roumi"),
    ("القرقاوي", "Al Gergawi"),
    ("الهاشمي", "Al Hashimi"),
    ("المنصوري", "Al Mansouri"),
]
TITLES = [
    ("Minister", "Министр", "وزير"),
    ("Deputy Minister", "Заместитель министра", "نائب الوزير"),
    ("Head of Department", "Начальник управления", "رئيس القسم"),
    ("Rector", "Ректор", "رئيس الجامعة"),
    ("Director", "Директор", "مدير"),
]
TOPICS = [
    ("Digital government", "Цифровое правительство", "الحكومة الرقمية"),
    ("Public service delivery", "Государственные услуги", "الخدمات الحكومية"),
    ("Leadership development", "Развитие лидерства", "تطوير القيادات"),
    ("Innovation", "Инновации", "الابتكار"),
    ("Artificial intelligence", "Искусственный интеллект", "الذكاء الاصطناعي"),
    ("Performance management", "Управление эффективностью", "إدارة الأداء"),
]
BATCH = 2000


class Command(BaseCommand):
    help = "Generate reproducible synthetic records: --scale delegations, about ten times as many other rows."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1000, help="Number of delegations (default 1000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same data.")

    def handle(self, *args, scale: int, seed: int, **options):
        if scale < 1:
            raise CommandError("--scale must be at least 1.")
        if m.Delegation.objects.filter(slug__startswith="demo-").exists():
            raise CommandError("Demo data already exists in this database; generate into a fresh database.")
        started = time.monotonic()
        generator = DemoData(scale=scale, seed=seed, log=lambda text: self.stdout.write(text))
        generator.run()
        self.stdout.write(
            self.style.SUCCESS(
                f"{generator.rows:,} rows for {scale:,} delegations in {time.monotonic() - started:.1f} s"
            )
        )


class DemoData:
    def __init__(self, *, scale: int, seed: int, log) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.log = log
        self.rows = 0
        self.now = timezone.now()
        self.codes = list(COUNTRIES)

    # --- helpers -------------------------------------------------------------------------------------------

    def stamp(self) -> dict:
        """Timestamps spread over three years, so that ``updated_since`` and cursors see realistic data."""
        created = self.now - dt.timedelta(seconds=self.rng.randint(0, 3 * 365 * 86400))
        # Never in the future: a partner syncing on updated_at would otherwise see records from tomorrow.
        updated = min(self.now, created + dt.timedelta(seconds=self.rng.randint(0, 86400 * 30)))
        return {"created_at": created, "updated_at": updated}

    def new(self, model, **fields):
        """An unsaved row with spread timestamps, drawn after its other random fields (the seed's sequence)."""
        return model(**fields, **self.stamp())

    def save(self, model, objects: list) -> list:
        created = model.objects.bulk_create(objects, batch_size=BATCH)
        self.rows += len(created)
        return created

    @staticmethod
    def name_row(model, owner: str, owner_id: int, name: str, language: str, kind: str, case: str = ""):
        return model(
            **{f"{owner}_id": owner_id},
            name=name,
            language=language,
            script=script_of(name),
            kind=kind,
            grammatical_case=case,
            normalized=normalize(name),
            search_key=search_key(name),
        )

    @staticmethod
    def titled(kind: str, i: int, en: str, ru: str, ar: str) -> dict:
        """A record's slug (every demo slug starts with ``demo-``) and its title in the three languages."""
        return {"slug": f"demo-{kind}-{i}", "title": en, "title_ru": ru, "title_ar": ar}

    def span(self) -> dict:
        start = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randint(0, 7 * 365))
        precision = self.rng.choices([DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR], weights=[85, 12, 3])[
            0
        ]
        if precision == DatePrecision.DAY:
            return {
                "start_date": start,
                "start_precision": precision,
                "end_date": start + dt.timedelta(days=self.rng.randint(0, 5)),
                "end_precision": precision,
            }
        start = start.replace(day=1) if precision == DatePrecision.MONTH else start.replace(month=1, day=1)
        return {"start_date": start, "start_precision": precision, "end_date": None}

    # --- the run -------------------------------------------------------------------------------------------

    def run(self) -> None:
        with transaction.atomic():
            self.topics()
            self.organisations()
            self.officials()
        for offset in range(0, self.scale, BATCH):
            with transaction.atomic():
                self.delegations(offset, min(BATCH, self.scale - offset))
            if offset and offset % (BATCH * 10) == 0:
                self.log(f"  {offset:,} delegations, {self.rows:,} rows")
        with transaction.atomic():
            self.agreements()
            self.programmes()

    def topics(self) -> None:
        # A database that already holds the fixtures (make run) has some of these topics: use them, add the rest.
        existing = dict(m.Topic.objects.filter(name__in=[en for en, _ru, _ar in TOPICS]).values_list("name", "pk"))
        missing = [
            self.new(m.Topic, slug=f"demo-topic-{i}", name=en, name_ru=ru, name_ar=ar)
            for i, (en, ru, ar) in enumerate(TOPICS)
            if en not in existing
        ]
        created = {t.name: t.pk for t in self.save(m.Topic, missing)}
        self.topic_ids = [existing.get(en) or created[en] for en, _ru, _ar in TOPICS]

    def organisations(self) -> None:
        count = max(len(self.codes), self.scale // 10)
        rows, names = [], []
        for i in range(count):
            code = self.codes[i % len(self.codes)]
            en, ru, ar, _script = COUNTRIES[code]
            kind = self.rng.choice([m.OrganisationKind.MINISTRY, m.OrganisationKind.AGENCY, m.OrganisationKind.ACADEMY])
            rows.append(
                self.new(
                    m.Organisation,
                    slug=f"demo-org-{i}",
                    name=f"{kind.label.title()} No. {i} of {en}",
                    kind=kind,
                    country=code,
                )
            )
        organisations = self.save(m.Organisation, rows)
        for i, organisation in enumerate(organisations):
            _en, ru, ar, _script = COUNTRIES[organisation.country]
            names.append(
                self.name_row(
                    m.OrganisationName,
                    "organisation",
                    organisation.pk,
                    f"Ведомство № {i} ({ru})",
                    "ru",
                    m.NameKind.PREFERRED,
                )
            )
            names.append(
                self.name_row(
                    m.OrganisationName,
                    "organisation",
                    organisation.pk,
                    f"الجهة رقم {i} ({ar})",
                    "ar",
                    m.NameKind.PREFERRED,
                )
            )
        self.save(m.OrganisationName, names)
        self.organisations_by_country: dict[str, list[int]] = {}
        for organisation in organisations:
            self.organisations_by_country.setdefault(str(organisation.country), []).append(organisation.pk)

    def officials(self) -> None:
        count = max(60, self.scale // 2)
        rows, native = [], []
        for i in range(count):
            code = self.codes[i % len(self.codes)]
            if COUNTRIES[code][3] == "Cyrl":
                name = f"{self.rng.choice(CYRILLIC_FIRST)} {self.rng.choice(CYRILLIC_LAST)}"
                latin = transliterate(name)
                forms = [(name, "ru", m.NameKind.NATIVE)]
            else:
                (first, first_latin), (last, last_latin) = self.rng.choice(ARABIC_FIRST), self.rng.choice(ARABIC_LAST)
                latin = f"{first_latin} {last_latin}"
                forms = [(f"{first} {last}", "ar", m.NameKind.NATIVE)]
            rows.append(
                self.new(m.Official, slug=f"demo-official-{i}", name=latin, sort_name=latin.split()[-1], country=code)
            )
            native.append(forms)
        officials = self.save(m.Official, rows)
        names, positions = [], []
        for official, forms in zip(officials, native, strict=True):
            for name, language, kind in forms:
                names.append(self.name_row(m.OfficialName, "official", official.pk, name, language, kind))
            names.append(
                self.name_row(m.OfficialName, "official", official.pk, official.name, "en", m.NameKind.PREFERRED)
            )
            en, ru, ar = self.rng.choice(TITLES)
            organisation = self.rng.choice(self.organisations_by_country[str(official.country)])
            positions.append(
                self.new(
                    m.Position,
                    official_id=official.pk,
                    title=en,
                    title_ru=ru,
                    title_ar=ar,
                    organisation_id=organisation,
                    start_date=dt.date(self.rng.randint(2012, 2022), 1, 1),
                    start_precision=DatePrecision.YEAR,
                )
            )
        self.save(m.OfficialName, names)
        positions = self.save(m.Position, positions)
        # Each official as the two columns every participation row (member, participant, signatory) takes.
        self.officials_by_country: dict[str, list[dict]] = {}
        for official, position in zip(officials, positions, strict=True):
            person = {"official_id": official.pk, "position_id": position.pk}
            self.officials_by_country.setdefault(str(official.country), []).append(person)

    def delegations(self, offset: int, count: int) -> None:
        rows, plans = [], []
        for i in range(offset, offset + count):
            origin, host = self.rng.sample(self.codes, 2)
            (origin_en, origin_ru, origin_ar, _), (host_en, host_ru, host_ar, _) = COUNTRIES[origin], COUNTRIES[host]
            rows.append(
                self.new(
                    m.Delegation,
                    **self.titled(
                        "delegation",
                        i,
                        f"Delegation of {origin_en} to {host_en}",
                        f"Делегация: {origin_ru} — {host_ru}",
                        f"وفد {origin_ar} إلى {host_ar}",
                    ),
                    origin_country=origin,
                    host_country=host,
                    city=self.rng.choice(["Dubai", "Abu Dhabi", "Minsk", "Astana", "Moscow", "Cairo", "Tashkent"]),
                    status=self.rng.choice(list(m.DelegationStatus.values)),
                    purpose="Exchange of experience in government modernisation.",
                    sending_organisation_id=self.rng.choice(self.organisations_by_country[origin]),
                    host_organisation_id=self.rng.choice(self.organisations_by_country[host]),
                    **self.span(),
                )
            )
            plans.append((origin, host))
        delegations = self.save(m.Delegation, rows)
        members, topics, events = [], [], []
        through = m.Delegation.topics.through
        for delegation, (origin, host) in zip(delegations, plans, strict=True):
            people = self.rng.sample(self.officials_by_country[origin], 3)
            for order, person in enumerate(people):
                role = m.MemberRole.HEAD if order == 0 else m.MemberRole.MEMBER
                members.append(
                    self.new(m.DelegationMember, delegation_id=delegation.pk, role=role, order=order, **person)
                )
            topics.append(through(delegation_id=delegation.pk, topic_id=self.rng.choice(self.topic_ids)))
            for n in range(2):
                events.append(
                    self.new(
                        m.Event,
                        slug=f"{delegation.slug.replace('delegation', 'event')}-{n}",
                        kind=self.rng.choice([m.EventKind.MEETING, m.EventKind.FIELD_VISIT, m.EventKind.ROUNDTABLE]),
                        title=f"Meeting {n + 1} of the {delegation.title}",
                        title_ru=f"Встреча {n + 1}: {delegation.title_ru}",
                        title_ar=f"اجتماع {n + 1}: {delegation.title_ar}",
                        status=m.EventStatus.HELD,
                        city=delegation.city,
                        country=host,
                        delegation_id=delegation.pk,
                        venue_organisation_id=delegation.host_organisation_id,
                        start_date=delegation.start_date,
                        start_precision=delegation.start_precision,
                    )
                )
        self.save(m.DelegationMember, members)
        through.objects.bulk_create(topics, batch_size=BATCH)
        self.rows += len(topics)
        events = self.save(m.Event, events)
        participants, organisers, event_topics = [], [], []
        event_through = m.Event.topics.through
        for event, delegation in zip(events, [d for d in delegations for _ in range(2)], strict=True):
            origin, host = str(delegation.origin_country), str(delegation.host_country)
            guests = self.rng.sample(self.officials_by_country[origin], 2)
            hosts = self.rng.sample(self.officials_by_country[host], 2)
            for person, role in zip(
                [*guests, *hosts],
                [
                    m.ParticipantRole.HEAD_OF_DELEGATION,
                    m.ParticipantRole.PARTICIPANT,
                    m.ParticipantRole.HOST,
                    m.ParticipantRole.SPEAKER,
                ],
                strict=True,
            ):
                participants.append(self.new(m.EventParticipant, event_id=event.pk, role=role, **person))
            organisers.append(
                self.new(m.EventOrganiser, event_id=event.pk, organisation_id=delegation.host_organisation_id)
            )
            event_topics.append(event_through(event_id=event.pk, topic_id=self.rng.choice(self.topic_ids)))
        self.save(m.EventParticipant, participants)
        self.save(m.EventOrganiser, organisers)
        event_through.objects.bulk_create(event_topics, batch_size=BATCH)
        self.rows += len(event_topics)

    def agreements(self) -> None:
        count = max(1, self.scale // 5)
        rows, plans = [], []
        for i in range(count):
            a, b = self.rng.sample(self.codes, 2)
            status = self.rng.choice(list(m.AgreementStatus.values))
            rows.append(
                self.new(
                    m.Agreement,
                    **self.titled(
                        "agreement",
                        i,
                        f"Memorandum between {COUNTRIES[a][0]} and {COUNTRIES[b][0]} No. {i}",
                        f"Меморандум: {COUNTRIES[a][1]} и {COUNTRIES[b][1]} № {i}",
                        f"مذكرة تفاهم بين {COUNTRIES[a][2]} و{COUNTRIES[b][2]} رقم {i}",
                    ),
                    kind=self.rng.choice([m.AgreementKind.MOU, m.AgreementKind.AGREEMENT, m.AgreementKind.ROADMAP]),
                    level=m.AgreementLevel.INTERGOVERNMENTAL,
                    status=status,
                    status_date=dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randint(0, 7 * 365)),
                )
            )
            plans.append((a, b, status))
        agreements = self.save(m.Agreement, rows)
        parties = []
        for agreement, (a, b, _status) in zip(agreements, plans, strict=True):
            parties.append(self.new(m.AgreementParty, agreement_id=agreement.pk, country=a, order=0))
            parties.append(self.new(m.AgreementParty, agreement_id=agreement.pk, country=b, order=1))
        parties = self.save(m.AgreementParty, parties)
        actions, signatories = [], []
        signed_statuses = {m.AgreementStatus.SIGNED, m.AgreementStatus.IN_FORCE, m.AgreementStatus.EXPIRED}
        for party, (agreement, (_a, _b, status)) in zip(
            parties, [pair for pair in zip(agreements, plans, strict=True) for _ in range(2)], strict=True
        ):
            if status in signed_statuses:
                actions.append(
                    self.new(
                        m.AgreementAction, party_id=party.pk, kind=m.ActionKind.SIGNATURE, date=agreement.status_date
                    )
                )
                person = self.rng.choice(self.officials_by_country[str(party.country)])
                signatories.append(
                    self.new(m.AgreementSignatory, agreement_id=agreement.pk, party_id=party.pk, **person)
                )
        self.save(m.AgreementAction, actions)
        self.save(m.AgreementSignatory, signatories)
        self.agreement_ids = [a.pk for a in agreements]

    def programmes(self) -> None:
        count = max(1, self.scale // 20)
        rows = []
        for i in range(count):
            provider, beneficiary = self.rng.sample(self.codes, 2)
            rows.append(
                self.new(
                    m.TrainingProgramme,
                    **self.titled(
                        "programme",
                        i,
                        f"Leadership programme for {COUNTRIES[beneficiary][0]} No. {i}",
                        f"Программа лидерства № {i}",
                        f"برنامج القيادات رقم {i}",
                    ),
                    status=self.rng.choice(list(m.ProgrammeStatus.values)),
                    provider_id=self.rng.choice(self.organisations_by_country[provider]),
                    provider_country=provider,
                    beneficiary_country=beneficiary,
                    agreement_id=self.rng.choice(self.agreement_ids),
                    year=self.rng.randint(2019, 2026),
                    participant_count=self.rng.randint(10, 60),
                    **self.span(),
                )
            )
        programmes = self.save(m.TrainingProgramme, rows)
        stages, participants = [], []
        for programme in programmes:
            for number, mode in enumerate([m.StageMode.ONLINE, m.StageMode.OFFLINE], start=1):
                stages.append(
                    self.new(
                        m.ProgrammeStage, programme_id=programme.pk, number=number, title=f"Stage {number}", mode=mode
                    )
                )
            for person in self.rng.sample(self.officials_by_country[str(programme.beneficiary_country)], 3):
                participants.append(self.new(m.ProgrammeParticipant, programme_id=programme.pk, **person))
        self.save(m.ProgrammeStage, stages)
        self.save(m.ProgrammeParticipant, participants)
