"""Visits read from talks abroad (``visits.py``): a meeting, signing or gathering in a city of one country
attended by officials of another, with no word for a visit; and a list of countries that one reading holds for
("побывает в Узбекистане, Казахстане и Кыргызстане", "delegations of Cuba, Venezuela and Bolivia")."""

from __future__ import annotations

import re
from collections import Counter

from .base import Found
from .context import DocumentContext, PersonRef, Sentence
from .cues import EVENT_PATTERNS
from .visit_common import not_happening, place_cities, reading
from .visit_cues import HERE, RECEIVED, TAKES_PART, THIS_CAME
from .visit_readings import country_city_word, resident, subject_abroad


def met_abroad(context: DocumentContext) -> list[Found]:
    """With no word for a visit anywhere: "X held talks in Lima with his Chilean counterpart Y", "the memorandum
    was signed in Moscow" (the signatories in the next sentence), "on the sidelines of his participation in the
    summit that Dubai hosts": a meeting, signing or gathering in a city of one country attended by officials of
    another who are not posted there is their visit. The place may be the sentence's city, or the dateline's
    city when the report says "here"."""
    found: list[Found] = []
    here = bool(HERE.search(context.text[:1500])) and context.dateline_city
    mentions = Counter(code for code, _s, _e in context.countries)
    talked_about = {c for c, n in mentions.items() if n >= 3} | set(context.main_countries)
    for index, sentence in enumerate(context.sentences):
        cue = _talks_cue(context, sentence)
        if not cue or not_happening(sentence, cue):
            continue
        cities = place_cities(context, sentence)
        by_word = country_city_word(context, sentence)
        if cities:
            host = cities[0][0]
        elif by_word:
            host = by_word
        elif here:
            host = context.dateline_city[0]
        else:
            continue
        # "This came during a meeting held in Dubai": the people are those of the sentence before.
        start = context.sentences[index - 1].start if index and THIS_CAME.match(sentence.text) else sentence.start
        # A guest's country is one the story is about, not one named in passing (or misread in a title).
        guests = [
            p
            for p in context.people_in(start, sentence.end)
            if p.country and p.country != host and p.country in talked_about and not resident(context, p)
        ]
        subject = subject_abroad(context, start, sentence.start + cue.start(), host)
        if subject is not None:  # "X held talks with his counterparts A of Y and B of Z at the summit in C"
            guests = [subject] if subject.country else []
            if not subject.country:
                continue
        if not guests and host in context.main_countries and len(context.main_countries) == 2:
            # "X … on the sidelines of his participation in the summit that Dubai hosts": in a story of two
            # countries, a person whose country is not said, taking part in the other country's city, is its guest.
            other = next(c for c in context.main_countries if c != host)
            # Not one who "hosted" or "received" the others before the talks: he is at home.
            named = [
                p
                for p in context.people_in(sentence.start, sentence.start + cue.start())
                if not p.country
                and not resident(context, p)
                and not RECEIVED.search(context.text, p.end, sentence.start + cue.start())
            ]
            guests = [PersonRef(named[0].name, other, named[0].start, named[0].end)] if named else []
        nearby = not guests
        # People named around a city the story is not about are at a venue (a summit's), not with a host...
        venue = nearby and host not in talked_about
        if not guests:  # the people may be named in the sentence before or after the one that names the place
            # … or, failing those, two sentences before ("signed by A, B and C. The ceremony was held in Batumi.
            # It was part of the meeting held in this Georgian city.")
            for span in ((index - 1, index + 1), (index - 2,)):
                window = [context.sentences[i] for i in span if 0 <= i < len(context.sentences)]
                guests = [
                    p
                    for w in window
                    for p in context.people_in(w.start, w.end)
                    if p.country
                    and p.country != host
                    and (p.country in talked_about or venue)
                    and not resident(context, p)
                ]
                if guests:
                    break
        # ... unless officials of two other countries meet there ("Lavrov and Rubio held talks in Kuala Lumpur,
        # on the sidelines of the ASEAN forum"): each came to that country, as to any other talks abroad.
        if venue and len({g.country for g in guests}) < 2:
            continue
        if guests:  # the first guest is the one the sentence is about; the others are whom he met
            found.append(reading(context, sentence, cue, guests[0].country, host, guests[0].name, confidence=0.5))
        # "signed by A of X, B of Y and C of Z. The ceremony was held in Batumi", "the meeting of Lavrov and
        # Chaponda took place in Cairo": each guest not posted there came, whomever he met.
        if guests:
            for guest in guests[1:]:
                if guest.country not in {f.value["origin_country"] for f in found}:
                    found.append(reading(context, sentence, cue, guest.country, host, guest.name, confidence=0.5))
    return found


_LIST_JOINT = re.compile(r"^\s*(?:,|,?\s*(?:and|и|و))\s*$", re.I)


def listed_with(context: DocumentContext, sentence: Sentence, code: str) -> list[str]:
    """The countries listed right after ``code`` in the sentence ("в Узбекистане, Казахстане и Кыргызстане",
    "delegations of Cuba, Venezuela and Bolivia"): the same reading holds for each of them."""
    if not code:
        return []
    mentions = [c for c in context.countries if sentence.start <= c[1] < sentence.end]
    first = next((i for i, c in enumerate(mentions) if c[0] == code), None)
    if first is None:
        return []
    listed: list[str] = []
    previous_end = mentions[first][2]
    for other, c_start, c_end in mentions[first + 1 :]:
        between = context.text[previous_end:c_start]
        if context.language == "ar" and between.strip() == "" and context.text[c_start] == "و":
            between = " و"  # "ومصر": the conjunction is written on the word
        if not _LIST_JOINT.match(between):
            break
        if other != code and other not in listed:
            listed.append(other)
        previous_end = c_end
    return listed


def abroad_besides(context: DocumentContext, found: list[Found]) -> list[Found]:
    """Talks abroad by an official of the story's other main country, when the only visits read are of third
    countries ("X held talks in Managua …; delegations of Cuba, Venezuela and Bolivia also took part")."""
    sides = {(f.value["origin_country"], f.value["host_country"]) for f in found}
    mains = set(context.main_countries)
    if len(mains) < 2 or any(o in mains and h in mains for o, h in sides):
        return []
    return [f for f in met_abroad(context) if {f.value["origin_country"], f.value["host_country"]} == mains]


def _talks_cue(context: DocumentContext, sentence: Sentence) -> re.Match | None:
    """The word for the talks that follows someone who holds them: "On the sidelines of the meetings …, held in
    Muscat, Minister X held talks with …" is read at "talks", after X, not at "meetings" before him."""
    cues = [
        m
        for pattern in (EVENT_PATTERNS["meeting"], EVENT_PATTERNS["signing"], TAKES_PART)
        for m in pattern.finditer(sentence.text)
    ]
    if not cues:
        return None
    first = min(cues, key=lambda m: m.start())
    people = context.people_in(sentence.start, sentence.end)
    if context.language == "ar" or not people or people[0].start < sentence.start + first.start():
        return (
            EVENT_PATTERNS["meeting"].search(sentence.text)
            or EVENT_PATTERNS["signing"].search(sentence.text)
            or TAKES_PART.search(sentence.text)
        )
    return next((m for m in sorted(cues, key=lambda m: m.start()) if sentence.start + m.start() > people[0].end), first)
