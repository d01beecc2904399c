"""Extraction of candidate records from a document's text; pure functions, nothing is written."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cooperation.names import language_of_script, script_of

from .agreements import extract_agreements
from .base import EXTRACTOR_VERSION, Evidence, Found
from .context import build_context
from .countries import extract_countries
from .dates import document_date_from_text, extract_dates
from .events import assign_roles, extract_events
from .people import extract_people
from .programmes import extract_programmes
from .topics import extract_topics
from .visits import extract_delegations

__all__ = ["EXTRACTOR_VERSION", "Evidence", "Found", "detect_language", "extract_all", "load_models"]


def load_models() -> None:
    """Load the statistical models (spaCy English, natasha, pymorphy3) now rather than on the first article:
    a worker process calls this once when it starts, so no import pays the load."""
    from .people_en import english_pipeline
    from .people_ru import natasha_pipeline
    from .people_ru_forms import morph_analyzer

    english_pipeline()
    natasha_pipeline()
    morph_analyzer()
    # One short article per language: the first real one would otherwise pay for compiling the city, country
    # and cue patterns and for the models' first pass (~100-250 ms), which belongs to the load.
    for text in _WARM_UP:
        extract_all(text)


_WARM_UP = (
    "ASTANA, 5 May 2025. Minister of Foreign Affairs Jane Doe of Canada met President John Roe in Astana and signed "
    "a memorandum of understanding.",
    "МИНСК, 5 мая 2025. Министр иностранных дел Казахстана Иван Петров встретился с Премьер-министром Беларуси и "
    "подписал соглашение.",
    "أبوظبي في 5 مايو 2025 / وام / استقبل معالي وزير الخارجية الشيخ عبدالله بن زايد وفداً من كندا ووقع مذكرة تفاهم.",
)


def detect_language(text: str) -> str:
    return language_of_script(script_of(text[:5000])) or "en"


def extract_all(
    text: str,
    *,
    language: str | None = None,
    document_date: dt.date | None = None,
    known_aliases: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Everything govex extracts from ``text``, as plain data (JSON-serialisable) with evidence."""
    language = language or detect_language(text)
    # The article's own dateline says which day "today" is; the date typed at upload fills in when it has none.
    document_date = document_date_from_text(text, dateline_only=True) or document_date or document_date_from_text(text)
    dates = extract_dates(text, document_date=document_date)
    people = extract_people(text, language=language, known_aliases=known_aliases)
    context = build_context(text, language=language, document_date=document_date, people=people, dates=dates)
    for person in people:  # what the document says of a person elsewhere ("signed on behalf of Malaysia")
        person.value["country"] = person.value["country"] or context.country_of(person.value["normal"])
    delegations = extract_delegations(context)
    _countries_from_visits(people, context, delegations)
    events = extract_events(context, delegations)
    _hosts_who_met_the_visitor(people, context, delegations, events)
    results: dict[str, list[Found]] = {
        "people": people,
        "countries": extract_countries(text),
        "dates": dates,
        "delegations": delegations,
        "events": events,
        "agreements": extract_agreements(context),
        "programmes": extract_programmes(context),
        "topics": extract_topics(text),
    }
    return {
        "extractor_version": EXTRACTOR_VERSION,
        "language": language,
        "document_date": document_date.isoformat() if document_date else None,
        **{name: [item.as_dict() for item in items] for name, items in results.items()},
    }


# "Accompanying the Amir were …", "Travelling with Minister Greenidge are …": the one visit's party.
_ACCOMPANYING = re.compile(
    r"^\W*(?:(?:Accompanying|Travell?ing with|Joining)\s+(?:the (?P<whom>\w+)|him|her|"
    r"(?P<named>(?:[A-Z][\w'-]+\s+){1,3})(?=are|is|were|was)\b)|Сопровождал\w* (?:его|ее|её)|وضم الوفد المرافق)"
)


def _countries_from_visits(people: list[Found], context, delegations: list[Found]) -> None:
    """Whoever heads or joins a visit serves the country it comes from, and its hosts the country they receive it
    in, when nothing else in the article says: "Foreign Minister X arrived in Madrid" is the visiting country's."""
    sides: dict[str, str] = {}
    for delegation in delegations:
        value = delegation.value
        for name in [value["head"], *value["members"]]:
            sides.setdefault(name, value["origin_country"])
        for name in value["host_officials"]:
            sides.setdefault(name, value["host_country"])
    if len(delegations) == 1:  # "Accompanying the Amir were A; B; C": the one visit's party
        value = delegations[0].value
        head_title = context.title_of(value["head"]).lower() if value["head"] else ""
        for sentence in context.sentences:
            accompanying = _ACCOMPANYING.match(sentence.text)
            whom = accompanying.group("whom") if accompanying else None
            if whom and head_title and whom.lower() not in head_title:
                continue  # "Accompanying the Minister were …" in the Governor's visit: the host's party
            named = accompanying.group("named") if accompanying else None
            if named and value["head"].split()[-1] not in named.split():
                continue  # "Travelling with Minister X": only the head's party is the visit's
            if accompanying:
                for ref in context.people_in(sentence.start, sentence.end):
                    sides.setdefault(ref.name, value["origin_country"])
                    if ref.name != value["head"] and ref.name not in value["members"] + value["host_officials"]:
                        value["members"].append(ref.name)
    for person in people:
        country = sides.get(person.value["normal"])
        if country and not person.value["country"]:
            person.value["country"] = country
            context.give_country(person.value["normal"], country)


def _hosts_who_met_the_visitor(people: list[Found], context, delegations: list[Found], events: list[Found]) -> None:
    """In a report of one visit, whoever met its head alone and serves no country the article tells is his host:
    "Chairman of the Senate X held a meeting with Y, who arrived in Kazakhstan on an official visit"."""
    if len(delegations) != 1 or not delegations[0].value["head"] or not delegations[0].value["host_country"]:
        return
    visit = delegations[0].value
    # one to one: with others in the room, the visitor's own party may be among them
    met = {
        participant["name"]
        for event in events
        if event.value["kind"] == "meeting"
        and len(event.value["participants"]) == 2
        and visit["head"] in {p["name"] for p in event.value["participants"]}
        for participant in event.value["participants"]
    }
    for person in people:
        name = person.value["normal"]
        if name in met and name != visit["head"] and not person.value["country"] and name not in visit["members"]:
            person.value["country"] = visit["host_country"]
            context.give_country(name, visit["host_country"])  # so that agreements, read next, see it too
            if name not in visit["host_officials"]:
                visit["host_officials"].append(name)
    assign_roles(events, delegations)  # and is the host at the meetings he had with the visitor
