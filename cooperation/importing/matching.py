"""Which existing records a candidate may be: scored lists, best first.

Names are compared on ``cooperation.names.search_key`` (a Latin skeleton, so "Шапкиной" meets "Shapkina"),
with rapidfuzz scoring what the database prefilter retrieves. Russian case endings are absorbed by comparing
surname stems; initials are compatible with the given name they abbreviate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from rapidfuzz import fuzz

from cooperation.models import Agreement, Delegation, Event, Official, Topic, TrainingProgramme
from cooperation.names import normalize, search_key

PRESELECT_SCORE = 90
MAX_MATCHES = 5


def _stem(key: str) -> str:
    return key[: max(4, len(key) - 3)] if len(key) > 4 else key


def _surname_of(tokens: list[str]) -> str:
    """The family name: the last word, or the first when initials follow it ("shapkina u a")."""
    long = [t for t in tokens if len(t) > 1]
    if not long:
        return ""
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens[tokens.index(long[0]) + 1 :]):
        return long[0]
    return long[-1]


def name_score(candidate_forms: list[str], known_forms: list[str]) -> float:
    """0-100: how surely two sets of name forms denote one person, across scripts and case endings."""
    best = 0.0
    for form in candidate_forms:
        a = search_key(form).split()
        surname = _surname_of(a)
        if not surname:
            continue
        a_given = [t for t in a if t != surname]
        for known in known_forms:
            b = search_key(known).split()
            if not b:
                continue
            score = fuzz.token_sort_ratio(" ".join(a), " ".join(b))
            # Surname agreement, allowing case endings ("shapkinoi" ~ "shapkina").
            for other in b:
                if len(other) <= 2 or not (surname == other or fuzz.ratio(_stem(surname), _stem(other)) >= 90):
                    continue
                rest_b = [t for t in b if t != other]
                full_given = [t for t in a_given if len(t) > 1]
                initials = [t for t in a_given if len(t) == 1]
                if full_given and rest_b:
                    given = max(fuzz.ratio(x, y) for x in full_given for y in rest_b)
                    surname_score = 96 if given >= 80 else 60
                elif initials and rest_b:
                    surname_score = 93 if any(t.startswith(initials[0]) for t in rest_b) else 55
                else:
                    surname_score = 85  # a bare surname: likely, but an officer should confirm
                score = max(score, surname_score)
            best = max(best, score)
    return best


def match_official(value: dict[str, Any]) -> list[dict[str, Any]]:
    forms = [f for f in [value.get("normal", ""), value.get("name", ""), *value.get("forms", [])] if f]
    keys = {search_key(f) for f in forms}
    condition = Q()
    for key in keys:
        for token in key.split():
            if len(token) > 2:
                condition |= Q(names__search_key__contains=_stem(token)) | Q(name__icontains=token)
        condition |= Q(names__normalized=normalize(key))
    for form in forms:
        condition |= Q(names__normalized=normalize(form))
        # Officials recorded with only a canonical name (no name forms yet) are found by its words.
        for word in normalize(form).split():
            if len(word) > 3:
                condition |= Q(name__icontains=word[: max(4, len(word) - 2)])
    if not condition:
        return []
    matches = []
    for official in Official.objects.filter(condition).distinct().prefetch_related("names", "positions")[:50]:
        known = [official.name, *[n.name for n in official.names.all()]]
        score = name_score(forms, known)
        if value.get("country") and official.country and value["country"] == official.country.code:
            score = min(100, score + 3)
        elif value.get("country") and official.country and value["country"] != official.country.code:
            score -= 15
        if score >= 60:
            matches.append({"id": official.pk, "label": str(official.name), "score": round(score)})
    return sorted(matches, key=lambda m: -m["score"])[:MAX_MATCHES]


def _overlaps(start: str | None, end: str | None, record_start: dt.date | None, record_end: dt.date | None) -> bool:
    if not start or not record_start:
        return False
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else first
    return first <= (record_end or record_start) and record_start <= last


def match_delegation(value: dict[str, Any]) -> list[dict[str, Any]]:
    if not value.get("origin_country"):
        return []
    queryset = Delegation.objects.filter(origin_country=value["origin_country"])
    if value.get("host_country"):
        queryset = queryset.filter(host_country=value["host_country"])
    matches = []
    for delegation in queryset[:50]:
        score = 60
        if _overlaps(value.get("start"), value.get("end"), delegation.start_date, delegation.end_date):
            score = 95
        elif value.get("start") and delegation.start_date:
            gap = abs((dt.date.fromisoformat(value["start"]) - delegation.start_date).days)
            score = 80 if gap <= 31 else 50
        matches.append({"id": delegation.pk, "label": str(delegation.title), "score": score})
    return sorted([m for m in matches if m["score"] >= 50], key=lambda m: -m["score"])[:MAX_MATCHES]


def _title_matches(queryset, title: str, fields=("title", "title_ru", "title_ar")) -> list[dict[str, Any]]:
    matches = []
    for record in queryset[:200]:
        score = max(
            fuzz.token_set_ratio(normalize(title), normalize(getattr(record, field) or ""))
            for field in fields
            if getattr(record, field, "")
        )
        if score >= 60:
            matches.append({"id": record.pk, "label": str(record), "score": round(score)})
    return sorted(matches, key=lambda m: -m["score"])[:MAX_MATCHES]


def match_agreement(value: dict[str, Any]) -> list[dict[str, Any]]:
    queryset = Agreement.objects.all()
    if value.get("kind") == "mou":
        queryset = queryset.filter(kind="mou")
    matches = _title_matches(queryset, value.get("title", ""))
    parties = set(value.get("parties") or [])
    if parties:
        for match in matches:
            countries = set(
                Agreement.objects.filter(pk=match["id"]).values_list("parties__organisation__country", flat=True)
            )
            if parties <= countries:
                match["score"] = min(100, match["score"] + 15)
        if not matches:
            # Titles in another language than the record's: the parties and the kind still identify an MoU.
            for agreement in queryset.prefetch_related("parties__organisation"):
                countries = {p.organisation.country.code for p in agreement.parties.all() if p.organisation.country}
                if len(parties) >= 2 and parties <= countries:
                    matches.append({"id": agreement.pk, "label": str(agreement), "score": 70})
    return sorted(matches, key=lambda m: -m["score"])[:MAX_MATCHES]


def match_event(value: dict[str, Any]) -> list[dict[str, Any]]:
    return _title_matches(Event.objects.filter(kind=value.get("kind", "")), value.get("title", ""))


def match_programme(value: dict[str, Any]) -> list[dict[str, Any]]:
    return _title_matches(TrainingProgramme.objects.all(), value.get("title", ""))


def match_topic(value: dict[str, Any]) -> list[dict[str, Any]]:
    topic = Topic.objects.filter(Q(slug=value.get("slug")) | Q(name__iexact=value.get("name", ""))).first()
    return [{"id": topic.pk, "label": str(topic), "score": 100}] if topic else []


MATCHERS = {
    "person": match_official,
    "delegation": match_delegation,
    "agreement": match_agreement,
    "event": match_event,
    "programme": match_programme,
    "topic": match_topic,
}


def preselect(matches: list[dict[str, Any]]) -> int | None:
    """The match an officer would pick anyway: near-certain and clearly ahead of the next one."""
    if not matches or matches[0]["score"] < PRESELECT_SCORE:
        return None
    if len(matches) > 1 and matches[1]["score"] >= matches[0]["score"] - 3:
        return None
    return matches[0]["id"]


def known_aliases() -> dict[str, str]:
    """Name forms of known officials (for extraction): "Shapkina" alone is found because she is known."""
    aliases: dict[str, str] = {}
    for official in Official.objects.prefetch_related("names")[:5000]:
        for name in [official.name, *[n.name for n in official.names.all()]]:
            if len(name.split()) >= 2:
                aliases[name] = official.name
    return aliases
