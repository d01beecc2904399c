"""Events: one per meeting, signing, forum, training ... with its own date, city and participants.

Each sentence with an event cue is one event; sentences of the same kind on the same day are the same event
told twice. A visit's delegations (from ``visits.py``) give the events their participants and roles.
"""

from __future__ import annotations

import re

from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence
from .cues import EVENT_PATTERNS, NOT_HAPPENING, RECEIVED
from .visits import date_of

# What a visit's programme is made of: such a sentence during a visit is an event even with no name in it.
_VISIT_PROGRAMME = {"meeting", "signing", "training", "field_visit", "roundtable"}


_SEPARATE = compile_cue(r"separate (?:meetings|talks)|отдельн\w+ встреч\w*|لقاءات منفصلة|اجتماعات منفصلة", re.I)


def extract_events(context: DocumentContext, delegations: list[Found]) -> list[Found]:
    found: list[Found] = []
    principal = _principal(context, delegations)
    for sentence in context.sentences:
        if NOT_HAPPENING.search(sentence.text):
            continue
        for kind, match in _event_kinds(sentence.text):
            found.extend(_events_of(context, sentence, kind, match, delegations, principal))
    events = _merge_events(found, principal)
    for event in events:
        if not event.value["start"] and context.document_date and event.value["participants"]:
            # A meeting reported without its day happened on the day of the report.
            event.value.update(start=context.document_date.isoformat(), end=None, precision="day")
        elif not event.value["start"] and len(delegations) == 1 and delegations[0].value["start"]:
            visit = delegations[0].value  # undated and no report date: the first day of the visit it belongs to
            event.value.update(start=visit["start"], end=None, precision=visit["precision"])
    _roles(events, delegations)
    return events


_KIND_WORDS = {
    "en": {"meeting": "Meeting", "signing": "Signing", "summit": "Forum", "roundtable": "Roundtable",
           "training": "Training", "field_visit": "Field visit", "exhibition_visit": "Exhibition visit",
           "side_event": "Side event", "expert_session": "Expert session", "announcement": "Announcement",
           "other": "Event"},
    "ru": {"meeting": "Встреча", "signing": "Подписание", "summit": "Форум", "roundtable": "Круглый стол",
           "training": "Обучение", "field_visit": "Ознакомительное посещение", "exhibition_visit": "Посещение выставки",
           "side_event": "Сопутствующее мероприятие", "expert_session": "Экспертная сессия",
           "announcement": "Объявление", "other": "Мероприятие"},
    "ar": {"meeting": "اجتماع", "signing": "توقيع", "summit": "منتدى", "roundtable": "طاولة مستديرة",
           "training": "تدريب", "field_visit": "زيارة ميدانية", "exhibition_visit": "زيارة معرض",
           "side_event": "فعالية جانبية", "expert_session": "جلسة خبراء", "announcement": "إعلان",
           "other": "فعالية"},
}  # fmt: skip


def _event_title(language: str, kind: str, names: list[str], place: str) -> str:
    """ "Meeting: A, B — Abu Dhabi", in the document's language; the sentence itself goes to the summary."""
    words = _KIND_WORDS.get(language, _KIND_WORDS["en"])
    title = words.get(kind, words["meeting"])
    if names:
        title += ": " + ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
    return f"{title} — {place}" if place else title


def _principal(context: DocumentContext, delegations: list[Found]) -> str:
    """Who the article follows: the visit's head, else the person named most often."""
    if delegations and delegations[0].value["head"]:
        return delegations[0].value["head"]
    counts: dict[str, int] = {}
    for ref in context.people:
        counts[ref.name] = counts.get(ref.name, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def _events_of(context: DocumentContext, sentence: Sentence, kind: str, match: re.Match, delegations, principal):
    """The events one sentence tells of, of one kind: one, or one per counterpart ("separate meetings")."""
    people = context.people_in(sentence.start, sentence.end)
    dates = date_of(context, sentence)
    if not people and not dates["date_in_sentence"] and not (delegations and kind in _VISIT_PROGRAMME):
        return []  # no one, no day, no visit it belongs to: a general remark, not an event to record
    start = sentence.start + match.start()
    city = next(iter(context.cities_in(sentence.start, sentence.end)), None)
    if city is None and delegations and delegations[0].value["city"]:
        city = (delegations[0].value["host_country"], delegations[0].value["city"], 0, 0)
    place = (city[1].title() if city[1].isupper() else city[1]) if city else ""
    separate = bool(_SEPARATE.search(sentence.text))
    groups = [[p] for p in people if p.name != principal] if separate else [people]
    events = []
    for group in groups:
        names = [p.name for p in group]
        if principal and separate:
            names = [principal, *names]
        value = {
            "kind": kind,
            "title": _event_title(context.language, kind, names, place),
            "summary": sentence.text.strip()[:600],
            **{k: dates[k] for k in ("start", "end", "precision")},
            "city": place,
            "country": city[0] if city else "",
            "countries": context.countries_in(sentence.start, sentence.end),
            "participants": [{"name": name, "role": "participant"} for name in names],
            "delegation": 0 if delegations else None,
            "cue": match.group(0),
        }
        events.append(Found("event", value, evidence_for(context.text, start, start + len(match.group(0))), 0.6))
    return events


def _event_kinds(text: str) -> list[tuple[str, re.Match]]:
    """The sentence's event kind; a reception at which something was signed is a meeting and a signing."""
    kind, match = _event_kind(text)
    if kind is None:
        return []
    kinds = [(kind, match)]
    reception = RECEIVED.search(text)
    if kind == "signing" and reception:
        kinds.append(("meeting", reception))
    return kinds


def _event_kind(text: str) -> tuple[str | None, re.Match | None]:
    for kind, pattern in EVENT_PATTERNS.items():
        match = pattern.search(text)
        if match:
            return kind, match
    return None, None


def _merge_events(found: list[Found], principal: str) -> list[Found]:
    """Mentions of one meeting become one event: the same kind, days that do not disagree, and the same
    counterparts (besides the person the article follows) or none named."""
    events: list[Found] = []
    for item in sorted(found, key=lambda e: (e.value["start"] is None, e.evidence.start)):
        same = next((e for e in events if _same_event(e.value, item.value, principal)), None)
        if same is None:
            events.append(item)
            continue
        same.extra_evidence.append(item.evidence)
        names = {p["name"] for p in same.value["participants"]}
        same.value["participants"] += [p for p in item.value["participants"] if p["name"] not in names]
        same.confidence = min(0.9, same.confidence + 0.1)
    events.sort(key=lambda e: e.evidence.start)
    return events


def _same_event(a: dict, b: dict, principal: str) -> bool:
    if a["kind"] != b["kind"] or (a["start"] and b["start"] and a["start"] != b["start"]):
        return False
    if a["kind"] == "signing":
        return True  # several documents signed the same day are one ceremony
    others_a = {p["name"] for p in a["participants"]} - {principal}
    others_b = {p["name"] for p in b["participants"]} - {principal}
    return not others_a or not others_b or bool(others_a & others_b)


def _roles(events: list[Found], delegations: list[Found]) -> None:
    if not delegations:
        return
    visit = delegations[0].value
    for event in events:
        names = {p["name"] for p in event.value["participants"]}
        # In an article about one visit, its head takes part in the meetings it reports with the hosts.
        lone_visit = len(delegations) == 1 and visit["head"] and visit["head"] not in names
        if lone_visit and event.value["kind"] == "meeting" and names & set(visit["host_officials"]):
            event.value["participants"].insert(0, {"name": visit["head"], "role": "participant"})
        for participant in event.value["participants"]:
            if participant["name"] == visit["head"]:
                participant["role"] = "head_of_delegation"
            elif participant["name"] in visit["host_officials"]:
                participant["role"] = "host"
            elif event.value["kind"] == "signing":
                participant["role"] = "signatory"
