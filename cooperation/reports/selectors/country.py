"""A country's profile: every record that involves it, the officials met, the people trained."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.utils.text import capfirst
from django_countries import countries

from cooperation.dates import PartialDate
from cooperation.models import (
    Agreement,
    AgreementParty,
    AgreementSignatory,
    Delegation,
    Event,
    EventCountry,
    EventParticipant,
    Official,
    Position,
    ProgrammeCountry,
    ProgrammeParticipant,
    Topic,
    TrainingProgramme,
)

from ..filters import ReportFilters, apply_filters
from .common import (
    ROW_LIMIT,
    StatusStep,
    admin_url,
    agreements_with_parties,
    country_name,
    delegations_with_people,
    direction,
    home_country,
    involvement_counts,
    official_names,
    officials_with_names,
    signature_date,
    status_history,
    took_part,
)


@dataclass
class TimelineItem:
    date: PartialDate | None
    kind: str
    title: str
    url: str
    detail: str = ""

    @property
    def sort_key(self) -> dt.date:
        return self.date.first_day if self.date else dt.date.min


@dataclass
class CountryProfile:
    code: str
    name: str
    delegations: list[Delegation]
    events: list[Event]
    agreements: list[Agreement]
    programmes: list[TrainingProgramme]
    officials: list[Official]
    trainees: list[ProgrammeParticipant]
    topics: list[tuple[Topic, int]]
    totals: dict[str, int] = field(default_factory=dict)  # rows before ROW_LIMIT, per table
    trained_total: int = 0
    agreement_history: dict[int, list[StatusStep]] = field(default_factory=dict)
    timeline: list[TimelineItem] = field(default_factory=list)
    expanded: str = ""  # the table listed in full, if any
    page: Page | None = None  # that table's page
    more: set[str] = field(default_factory=set)  # tables not counted on the profile that have more rows


# Rows each table of the profile shows, as many as the dashboard's lists; a link lists the table in full.
PROFILE_ROWS = 10


# Each "involves this country" condition is an OR of indexed pk subqueries rather than one OR over LEFT JOINs:
# the joins multiply rows and PostgreSQL then scans every event to de-duplicate them.


def country_events(code: str) -> Q:
    return (
        Q(country=code)
        | Q(pk__in=EventCountry.objects.filter(country=code).values("event_id"))
        | Q(delegation__in=Delegation.objects.filter(Q(origin_country=code) | Q(host_country=code)).values("pk"))
        | Q(pk__in=EventParticipant.objects.filter(official__country=code).values("event_id"))
    )


def latest_country_events(code: str) -> QuerySet:
    """``country_events`` as tests of one event at a time, for reading the latest few: walking the start-date
    index stops after a page, where the pk-set form first builds the set of all the country's events (40,000 at
    the benchmark scale). Scalar subqueries rather than EXISTS: PostgreSQL turns an EXISTS it expects to match
    often into a hash of every matching row, which is the whole set again."""

    def first(queryset: QuerySet) -> Subquery:
        return Subquery(queryset.values("pk")[:1])

    return Event.objects.alias(
        listed=first(EventCountry.objects.filter(event=OuterRef("pk"), country=code)),
        from_delegation=first(
            Delegation.objects.filter(pk=OuterRef("delegation_id")).filter(
                Q(origin_country=code) | Q(host_country=code)
            )
        ),
        with_participant=first(EventParticipant.objects.filter(event=OuterRef("pk"), official__country=code)),
    ).filter(
        Q(country=code) | Q(listed__isnull=False) | Q(from_delegation__isnull=False) | Q(with_participant__isnull=False)
    )


def country_agreements(code: str) -> Q:
    return Q(
        pk__in=AgreementParty.objects.filter(Q(country=code) | Q(organisation__country=code)).values("agreement_id")
    ) | Q(pk__in=AgreementSignatory.objects.filter(official__country=code).values("agreement_id"))


def country_programmes(code: str) -> Q:
    return (
        Q(beneficiary_country=code)
        | Q(provider_country=code)
        | Q(pk__in=ProgrammeCountry.objects.filter(country=code).values("programme_id"))
    )


def country_profile(
    *, code: str, filters: ReportFilters, expand: str = "", page: int | str | None = 1
) -> CountryProfile:
    """The profile, every table bounded: the latest ``PROFILE_ROWS`` rows of each and its total.

    The busiest partner holds tens of thousands of events at the benchmark scale; laying out every row (or even
    ``ROW_LIMIT`` of each of eight tables) cost seven dashboards. Figures (totals, people trained, topics) are
    aggregated in SQL over all the country's records, so they stay true while the lists stay short. ``expand``
    names one table to list in full, ``ROW_LIMIT`` rows per ``page``: the "all" link of a truncated table.
    """
    from django.utils.translation import gettext as _

    code = code.upper()
    totals: dict[str, int] = {}
    expanded: Page | None = None
    more: set[str] = set()

    def capped(key: str, queryset: QuerySet, *, counted: bool = True) -> list:
        nonlocal expanded
        if key == expand:
            expanded = Paginator(queryset, ROW_LIMIT).get_page(page)
            totals[key] = expanded.paginator.count
            return list(expanded.object_list)
        if counted:
            totals[key] = queryset.count()
            return list(queryset[:PROFILE_ROWS])
        # Counting this table costs more than the rest of the page (the busiest partner's events): one row
        # beyond the page says whether there are more, and the full list counts them.
        rows = list(queryset[: PROFILE_ROWS + 1])
        if len(rows) > PROFILE_ROWS:
            more.add(key)
        return rows[:PROFILE_ROWS]

    delegation_queryset = apply_filters(
        Delegation.objects.filter(Q(origin_country=code) | Q(host_country=code)), filters
    )
    delegations = capped("delegations", delegations_with_people(delegation_queryset).order_by("-start_date", "slug"))
    event_queryset = apply_filters(Event.objects.filter(country_events(code)), filters)
    # The latest few are tested row by row, newest first (the scan of the date index stops after a page);
    # the full list reads the country's set of events.
    latest_events = event_queryset if expand == "events" else latest_country_events(code)
    events = capped(
        "events",
        apply_filters(latest_events, filters)
        .select_related("delegation", "venue_organisation")
        .prefetch_related("venue_organisation__names", "topics")
        .order_by("-start_date", "slug"),
        counted=False,
    )
    agreement_queryset = apply_filters(Agreement.objects.filter(country_agreements(code)), filters)
    agreements = capped("agreements", agreements_with_parties(agreement_queryset).order_by("title"))
    programme_queryset = apply_filters(
        TrainingProgramme.objects.filter(
            pk__in=TrainingProgramme.objects.filter(country_programmes(code)).values("pk")
        ),
        filters,
    )
    programmes = capped(
        "programmes",
        programme_queryset.select_related("provider", "agreement")
        .prefetch_related("provider__names", "topics")
        .order_by("-year", "title"),
    )
    trained_total = programme_queryset.aggregate(n=Sum("participant_count"))["n"] or 0
    trainees = capped(
        "trainees",
        ProgrammeParticipant.objects.filter(programme__in=programme_queryset.values("pk"), official__country=code)
        .select_related("programme", "position")
        .prefetch_related(Prefetch("official", queryset=officials_with_names()))
        .order_by("programme__title", "official__sort_name"),
    )

    # Officials of the country we have dealt with, busiest first, with every post they held. Ranking all of them
    # counts every encounter of thousands of people (the busiest partner's 80,000 event seats): the profile
    # ranks the people of the records it lists, the full list ranks everyone.
    everyone = Official.objects.filter(country=code).filter(took_part())
    if expand != "officials":
        totals["officials"] = everyone.count()
        everyone = everyone.filter(pk__in=_people_of(code, delegations, events, agreements, trainees))
    officials = capped(
        "officials",
        everyone.annotate(**involvement_counts())
        .annotate(encounters=F("n_delegations") + F("n_events") + F("n_signatures") + F("n_programmes"))
        .prefetch_related(
            official_names(),
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("organisation").prefetch_related("organisation__names"),
            ),
        )
        .order_by("-encounters", "sort_name", "name"),
        counted=expand == "officials",
    )

    history = status_history([a.pk for a in agreements])
    # Topics of the records listed: counting them over all the country's records joins every one of its events.
    topic_counts: Counter[int] = Counter()
    topic_by_id: dict[int, Topic] = {}
    for record in [*delegations, *events, *agreements, *programmes]:
        for topic in record.topics.all():
            topic_counts[topic.pk] += 1
            topic_by_id[topic.pk] = topic
    topics = [(topic_by_id[pk], n) for pk, n in topic_counts.most_common()]

    home = home_country()

    def status(record) -> str:
        return capfirst(record.get_status_display())

    def item(when, label: str, record, name: str, shown: str = "") -> TimelineItem:
        return TimelineItem(when, label, record.localized("title"), admin_url(name, record.pk), shown or status(record))

    def agreed_on(a) -> PartialDate | None:
        return signature_date(a) or (PartialDate.of(a.status_date, "day") if a.status_date else None)

    def programme_start(p) -> PartialDate | None:
        return p.start or (PartialDate.of(dt.date(p.year, 1, 1), "year") if p.year else None)

    timeline = [
        *(item(d.start, _("Delegation"), d, "delegation", f"{direction(d, home)} · {status(d)}") for d in delegations),
        *(item(e.start, capfirst(e.get_kind_display()), e, "event") for e in events),
        *(item(agreed_on(a), _("Agreement"), a, "agreement") for a in agreements),
        *(item(programme_start(p), _("Training programme"), p, "trainingprogramme") for p in programmes),
    ]
    timeline.sort(key=lambda item: item.sort_key, reverse=True)

    return CountryProfile(
        code=code,
        name=country_name(code),
        delegations=delegations,
        events=events,
        agreements=agreements,
        programmes=programmes,
        officials=officials,
        trainees=trainees,
        topics=topics,
        totals=totals,
        trained_total=trained_total,
        agreement_history=history,
        more=more,
        timeline=timeline[:PROFILE_ROWS],
        expanded=expand if expanded is not None else "",
        page=expanded,
    )


def _people_of(code: str, delegations, events, agreements, trainees) -> set[int]:
    """Ids of the country's officials in the records listed: members and signatories are prefetched, event
    participants take one query."""
    people = {m.official_id for d in delegations for m in d.members.all() if m.official.country == code}
    people |= {s.official_id for a in agreements for s in a.signatories.all() if s.official.country == code}
    people |= {t.official_id for t in trainees}
    people |= set(
        EventParticipant.objects.filter(event__in=[e.pk for e in events], official__country=code).values_list(
            "official_id", flat=True
        )
    )
    return people


def countries_with_records() -> list[tuple[str, str]]:
    """(code, name) of every country that appears in a delegation, for the country picker."""
    codes = set(Delegation.objects.order_by().values_list("origin_country", flat=True).distinct())
    codes |= set(Delegation.objects.order_by().values_list("host_country", flat=True).distinct())
    codes |= set(AgreementParty.objects.exclude(country="").order_by().values_list("country", flat=True).distinct())
    codes.discard(home_country())
    codes.discard("")
    return sorted(((c, country_name(c)) for c in codes), key=lambda pair: pair[1])


def is_known_country(code: str) -> bool:
    return code.upper() in dict(countries)
