"""Which existing records a candidate may be: scored lists, best first.

Names are compared on ``cooperation.names.search_key`` (a Latin skeleton, so "Шапкиной" meets "Shapkina"),
with rapidfuzz scoring what the database prefilter retrieves. Russian case endings are absorbed by comparing
surname stems; initials are compatible with the given name they abbreviate.

Every match carries the ``reason`` shown to the officer. A record whose key facts disagree with the candidate
(an official of another country, a visit, event or agreement of another year or between other countries) is not
offered at all: a high name or title score there would only invite a wrong merge.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from cooperation.models import (
    ActionKind,
    Agreement,
    AgreementKind,
    Delegation,
    Event,
    Official,
    Topic,
    TrainingProgramme,
)
from cooperation.names import normalize, script_of, search_key

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


def _spelled_alike(surname: str, word: str, *, at: int) -> bool:
    """The same family name, its case ending aside ("shapkinoi" ~ "shapkina")."""
    return surname == word or fuzz.ratio(_stem(surname), _stem(word)) >= at


def name_score(candidate_forms: list[str], known_forms: list[str]) -> float:
    """0-100: how surely two sets of name forms denote one person, across scripts and case endings."""
    return name_match(candidate_forms, known_forms)[0]


def name_match(candidate_forms: list[str], known_forms: list[str]) -> tuple[float, str]:
    """``name_score`` with the reason an officer reads: which forms met, and how."""
    best, reason = 0.0, ""
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
            how = _("similar spelling") if score < 100 else _("same name")
            # Surname agreement, allowing case endings ("shapkinoi" ~ "shapkina").
            for other in b:
                if len(other) <= 2 or not _spelled_alike(surname, other, at=90):
                    continue
                rest_b = [t for t in b if t != other]
                full_given = [t for t in a_given if len(t) > 1]
                initials = [t for t in a_given if len(t) == 1]
                if full_given and rest_b:
                    given = max(fuzz.ratio(x, y) for x in full_given for y in rest_b)
                    surname_score, surname_how = (
                        (96, _("same surname and given name"))
                        if given >= 80
                        else (60, _("same surname, other given name"))
                    )
                elif initials and rest_b:
                    surname_score, surname_how = (
                        (93, _("same surname, initials fit the given name"))
                        if any(t.startswith(initials[0]) for t in rest_b)
                        else (55, _("same surname, other initials"))
                    )
                else:
                    # A bare surname: likely, but an officer should confirm.
                    surname_score, surname_how = 85, _("same surname only")
                if surname_score > score:
                    score, how = surname_score, surname_how
            if score > best:
                if how == _("same name") and script_of(form) != script_of(known):
                    how = _("same name in another script")
                best, reason = score, f"{how} ({form} ≈ {known})"
    return best, reason


def _family_agrees(candidate_forms: list[str], known_forms: list[str]) -> bool:
    """Some form's family name is spelled like a word of some known form (case endings and scripts aside)."""
    for form in candidate_forms:
        surname = _surname_of(search_key(form).split())
        for known in known_forms:
            words = [w for w in search_key(known).split() if len(w) > 2]
            if surname and any(_spelled_alike(surname, w, at=80) for w in words):
                return True
    return False


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
    country = value.get("country") or ""
    matches = []
    for official in Official.objects.filter(condition).distinct().prefetch_related("names", "positions")[:50]:
        if country and official.country and country != official.country.code:
            continue  # an official of another country is another person, however alike the names
        known = [official.name, *[n.name for n in official.names.all()]]
        score, reason = name_match(forms, known)
        if score < 85 and not _family_agrees(forms, known):
            continue  # "Сергей Лавров" is not "Сергей Беликов" (74%): another family name is another person
        if country and official.country:
            score = min(100, score + 3)
            reason += ", " + _("same country")
        if score >= 60:
            matches.append({"id": official.pk, "label": str(official.name), "score": round(score), "reason": reason})
    return sorted(matches, key=lambda m: -m["score"])[:MAX_MATCHES]


def _overlaps(start: str | None, end: str | None, record_start: dt.date | None, record_end: dt.date | None) -> bool:
    if not start or not record_start:
        return False
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else first
    return first <= (record_end or record_start) and record_start <= last


def _year(text: str | None) -> int | None:
    return int(text[:4]) if text and text[:4].isdigit() else None


def match_delegation(value: dict[str, Any]) -> list[dict[str, Any]]:
    if not value.get("origin_country"):
        return []
    queryset = Delegation.objects.filter(origin_country=value["origin_country"])
    if value.get("host_country"):
        queryset = queryset.filter(host_country=value["host_country"])
    year = _year(value.get("start"))
    matches = []
    for delegation in queryset[:50]:
        if year and delegation.start_date and delegation.start_date.year != year:
            continue  # a visit of another year is another visit
        countries = f"{value['origin_country']} → {delegation.host_country.code}"
        reason = _("same countries (%(countries)s)") % {"countries": countries}
        score = 60
        if _overlaps(value.get("start"), value.get("end"), delegation.start_date, delegation.end_date):
            score, reason = 95, reason + ", " + _("dates overlap")
        elif value.get("start") and delegation.start_date:
            gap = abs((dt.date.fromisoformat(value["start"]) - delegation.start_date).days)
            score = 80 if gap <= 31 else 50
            reason += ", " + (_("within a month") if gap <= 31 else _("same year"))
        else:
            reason += ", " + _("dates not known on one side")
        matches.append({"id": delegation.pk, "label": str(delegation.title), "score": score, "reason": reason})
    return sorted([m for m in matches if m["score"] >= 50], key=lambda m: -m["score"])[:MAX_MATCHES]


def _title_matches(
    records, title: str, fields=("title", "title_ru", "title_ar"), *, same_year: bool = False
) -> list[dict[str, Any]]:
    """Records whose title is like ``title``; ``same_year`` when the caller kept only records of the same year."""
    matches = []
    for record in records:
        score = max(
            (
                fuzz.token_set_ratio(normalize(title), normalize(getattr(record, field) or ""))
                for field in fields
                if getattr(record, field, "")
            ),
            default=0,
        )
        if score >= 60:
            reason = _("similar title (%(score)s%%)") % {"score": round(score)}
            if same_year:
                reason += ", " + _("same year")
            matches.append({"id": record.pk, "label": str(record), "score": round(score), "reason": reason})
    return sorted(matches, key=lambda m: -m["score"])


def match_agreement(value: dict[str, Any]) -> list[dict[str, Any]]:
    queryset = Agreement.objects.prefetch_related("parties__organisation", "parties__actions")
    if value.get("kind") == AgreementKind.MOU:
        queryset = queryset.filter(kind=AgreementKind.MOU)
    records = {agreement.pk: agreement for agreement in queryset[:200]}
    parties = set(value.get("parties") or [])
    year = _year(value.get("signed_date"))

    def countries_of(agreement) -> set[str]:
        codes = {p.country.code for p in agreement.parties.all() if p.country}
        return codes | {
            p.organisation.country.code for p in agreement.parties.all() if p.organisation_id and p.organisation.country
        }

    def signed_year(agreement) -> int | None:
        dates = [
            a.date
            for p in agreement.parties.all()
            for a in p.actions.all()
            if a.kind == ActionKind.SIGNATURE and a.date
        ]
        return min(dates).year if dates else (agreement.status_date.year if agreement.status_date else None)

    def disagrees(agreement) -> bool:
        known = countries_of(agreement)
        if parties and known and not parties <= known:
            return True  # other parties: another agreement
        return bool(year and signed_year(agreement) and signed_year(agreement) != year)

    candidates = [a for a in records.values() if not disagrees(a)]
    matches = _title_matches(candidates, value.get("title", ""))
    for match in matches:
        if parties and parties <= countries_of(records[match["id"]]):
            match["score"] = min(100, match["score"] + 15)
            match["reason"] += ", " + _("same parties (%(parties)s)") % {"parties": ", ".join(sorted(parties))}
    if parties and not matches:
        # Titles in another language than the record's: the parties and the kind still identify an MoU.
        for agreement in candidates:
            if len(parties) >= 2 and parties <= countries_of(agreement):
                reason = _("same parties (%(parties)s)") % {"parties": ", ".join(sorted(parties))}
                matches.append({"id": agreement.pk, "label": str(agreement), "score": 70, "reason": reason})
    return sorted(matches, key=lambda m: -m["score"])[:MAX_MATCHES]


def match_event(value: dict[str, Any]) -> list[dict[str, Any]]:
    year = _year(value.get("start"))
    countries = set(value.get("countries") or []) | ({value["country"]} if value.get("country") else set())
    records = []
    for event in Event.objects.filter(kind=value.get("kind", ""))[:200]:
        if year and event.start_date and event.start_date.year != year:
            continue  # another year: another event
        if countries and event.country and event.country.code not in countries:
            continue  # held in another country
        records.append(event)
    return _title_matches(records, value.get("title", ""), same_year=bool(year))[:MAX_MATCHES]


def match_programme(value: dict[str, Any]) -> list[dict[str, Any]]:
    year = value.get("year")
    beneficiary = value.get("beneficiary") or ""
    records = []
    for programme in TrainingProgramme.objects.all()[:200]:
        if year and programme.year and programme.year != year:
            continue
        if beneficiary and programme.beneficiary_country and programme.beneficiary_country.code != beneficiary:
            continue
        records.append(programme)
    return _title_matches(records, value.get("title", ""), same_year=bool(year))[:MAX_MATCHES]


def match_topic(value: dict[str, Any]) -> list[dict[str, Any]]:
    topic = Topic.objects.filter(Q(slug=value.get("slug")) | Q(name__iexact=value.get("name", ""))).first()
    return [{"id": topic.pk, "label": str(topic), "score": 100, "reason": _("same topic")}] if topic else []


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
