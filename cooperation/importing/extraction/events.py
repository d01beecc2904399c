"""Events: one per meeting, signing, forum, training ... with its own date, city and participants.

Each kind of event a sentence names is a mention (a sentence can tell of talks and of the signing after them).
Mentions that point back ("during the meeting", "وحضر اللقاء") join the event they point at; mentions of the
same kind on days that do not disagree and with the same counterparts are the same event told twice. Plans
without their day, background (a year back, totals over years) and summaries ("a series of receptions") are
no events. A mention with no day of its own takes the narrative's day from the sentence before, else the
article's, else the visit's. A visit's delegations (from ``visits.py``) give the events their roles.
"""

from __future__ import annotations

import datetime as dt
import re

from .base import Found, compile_cue, evidence_for
from .cities import city_name
from .context import SIDE_OPENS, DocumentContext, Sentence
from .cues import NOT_HAPPENING
from .dates import WEEKDAY_ALTERNATION
from .event_cues import (
    ARRIVAL,
    BACK_REFERENCE,
    CEREMONY_BEFORE,
    DECREE,
    EVENT_KIND_PATTERNS,
    FALSE_CUE_BEFORE,
    FORWARD,
    GENERIC_PATTERNS,
    HELD,
    JOINT,
    LAST_YEAR,
    NEXT_DAY,
    OTHER_ACTS,
    OVER_YEARS,
    PLANNED,
    PLANNED_AFTER,
    PLURAL_MEETINGS,
    PREPARED_SIGNING,
    QUOTED,
    RECEPTION,
    REPORTED,
    SEPARATE,
    SERIES,
    STATEMENT,
    TO_THE_SOUND_OF,
)
from .event_days import dateline_day, earlier_year, nearest_day
from .event_groups import met_in_turn, office_holders, one_by_one
from .visit_cues import RECALLED
from .visits import date_of

# What a visit's programme is made of: such a sentence during a visit is an event even with no name in it.
_VISIT_PROGRAMME = {"meeting", "signing", "training", "field_visit", "roundtable"}
# The protocol acts of a visit's programme (an airport named alone is not one).
_PROTOCOL_ACTS = {"dinner", "wreath", "welcome", "ceremony"}
# What the reader keeps on a mention while it works, none of it part of the event
_WORKING_KEYS = ("back", "act", "sentence", "generic", "separate", "own", "series", "sentences", "next_day", "mentions")


# A day written out in the sentence (not "today" or a weekday, which only resolve against the article's date).
_TODAY_WORDS = r"today|yesterday|сегодня|вчера|اليوم|أمس|امس"
_WEEKDAY_OR_TODAY = compile_cue(rf"{_TODAY_WORDS}|{WEEKDAY_ALTERNATION}", re.I)
_HOSTED = compile_cue(r"hosted|hosts|welcomed|принял\w*|[وف]?استضاف\w*", re.I)
_TWO = compile_cue(r"two|двух|две|два|ين منفصلين", re.I)
_DEMONSTRATIVE = compile_cue(r"(?<!\w)(?:this|that|these|هذا|هذه)\s+(?:\w+\s+)?$", re.I)
_TODAY = compile_cue(_TODAY_WORDS, re.I)
_SEQUENCE = compile_cue(
    r"(?<!\w)(?:afterwards|afterward|then|later|subsequently|went on to|затем|после этого|позднее|"
    r"ثم|بعد ذلك|وبعد ذلك|لاحقا|لاحقاً)(?!\w)",
    re.I,
)


def extract_events(context: DocumentContext, delegations: list[Found]) -> list[Found]:
    found: list[Found] = []
    principal = _principal(context, delegations)
    for sentence in context.sentences:
        if LAST_YEAR.search(sentence.text) or OVER_YEARS.search(sentence.text) or earlier_year(context, sentence):
            continue  # background: what the two sides did a year before the news
        dated = None
        for kind, match, generic in _event_kinds(sentence.text):
            before = NEXT_DAY.sub(" ", sentence.text[: match.start()])
            if kind == "signing" and RECALLED.search(before):
                continue  # "X recalled that the two countries had signed …": an earlier document, not this signing
            if _planned(before) or PLANNED_AFTER.search(sentence.text[match.end() :]):
                dated = _written_date(context, sentence) if dated is None else dated
                if not dated:
                    continue  # a plan is recorded once it has its day ("the summit to be held on 17 May")
            for event in _events_of(context, sentence, kind, match, delegations, principal):
                event.value["generic"] = generic
                found.append(event)
    found = _drop_summaries([e for e in found if not _long_before(context, e.value["start"])])
    events = _drop_calls_told_as_talks(_merge_events(_attach_back_references(found), principal))
    _carry_dates(context, events)
    one_day = _one_day_visit(delegations)
    told_day = _only_day_told(context) if context.document_date else None
    for event in events:
        # A stop on a visit's programme needs no name to be dated ("he also toured the centre").
        on_programme = delegations and (event.value["kind"] in _VISIT_PROGRAMME or event.value["act"] in _PROTOCOL_ACTS)
        if not event.value["start"] and one_day and (event.value["participants"] or on_programme):
            # "Лавров 17 сентября посетил Эфиопию" in a report of the 18th: the meetings of that visit were on the 17th.
            event.value.update(start=one_day, end=None, precision="day")
        elif not event.value["start"] and context.document_date and (event.value["participants"] or on_programme):
            # A meeting reported without its day happened on the one day the report tells of ("the minister on
            # Thursday hosted a series of ambassadors …"), else on the day of the report.
            day = told_day or context.document_date.isoformat()
            event.value.update(start=day, end=None, precision="day")
        elif not event.value["start"] and len(delegations) == 1 and delegations[0].value["start"]:
            visit = delegations[0].value  # undated and no report date: the first day of the visit it belongs to
            event.value.update(start=visit["start"], end=None, precision=visit["precision"])
    for event in events:
        for key in (
            "back",
            "act",
            "sentence",
            "generic",
            "separate",
            "own",
            "series",
            "sentences",
            "next_day",
            "mentions",
        ):
            event.value.pop(key, None)
    _sides_join(context, events)
    assign_roles(events, delegations)
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


def _one_day_visit(delegations: list[Found]) -> str | None:
    """The day of the document's only visit, when the text gives it to the day and it lasted one day."""
    if len(delegations) != 1:
        return None
    visit = delegations[0].value
    if visit.get("precision") != "day" or not visit.get("start") or visit.get("end") not in (None, visit["start"]):
        return None
    return visit["start"]


def _principal(context: DocumentContext, delegations: list[Found]) -> str:
    """Who the article follows: the person named most often, the visit's head on a tie (a minister who
    receives several envoys is named more often than any one of them, even the one who came on a visit)."""
    head = delegations[0].value["head"] if delegations else ""
    counts: dict[str, int] = {}
    for ref in context.people:
        counts[ref.name] = counts.get(ref.name, 0) + 1
    if not counts:
        return head
    return max(counts, key=lambda name: (counts[name], name == head))


_THE_TWO = compile_cue(
    r"(?<!\w)(?:the host and (?:his|her) guest|the two (?:presidents|leaders|ministers|prime ministers|heads of state)|"
    r"оба (?:президента|министра|лидера)|(?:ال)?(?:رئيسان|الرئيسين|الوزيران|الوزيرين|الزعيمان|الزعيمين))(?!\w)",
    re.I,
)


def _events_of(context: DocumentContext, sentence: Sentence, kind: str, match: re.Match, delegations, principal):
    """The events one sentence tells of, of one kind: one, or one per counterpart ("separate meetings")."""
    people = context.people_in(sentence.start, sentence.end)
    if not people and _THE_TWO.search(sentence.text) and sentence.start > 0:
        # "Once the ceremony was over, the host and his guest sat down for talks": the two just named
        people = context.people_in(context.sentence_at(sentence.start - 1).start, sentence.start)[:2]
    dates = nearest_day(context, sentence, sentence.start + match.start(), date_of(context, sentence))
    happened = HELD.search(sentence.text)
    act = next((name for name, cue in OTHER_ACTS.items() if cue.search(sentence.text)), "") if kind == "other" else ""
    # A visit's protocol (a state dinner, a wreath) is part of its programme; an airport named alone is not.
    # So is a ceremony the visitor attends ("was present at a ceremony at which ...").
    if kind == "other" and not act and GENERIC_PATTERNS["other"].search(match.group(0)):
        act = "ceremony"
    programme = kind in _VISIT_PROGRAMME or (kind == "other" and act in _PROTOCOL_ACTS)
    # "Вчера я встретился с министром юстиции Армении": a day, even one only the article's date resolves
    timed = dates["date_in_sentence"] or _WEEKDAY_OR_TODAY.search(sentence.text)
    if not people and not timed and not (delegations and programme) and not happened:
        return []  # no one, no day, no visit it belongs to: a general remark, not an event to record
    if dates["start"] and FORWARD.search(sentence.text):
        dates = _coming_weekday(context, sentence, dates)
    start = sentence.start + match.start()
    city = next(iter(context.cities_in(sentence.start, sentence.end)), None)
    if city is None and delegations and delegations[0].value["city"]:
        city = (delegations[0].value["host_country"], delegations[0].value["city"], 0, 0)
    place = city_name(city[1]) if city else ""
    separate = SEPARATE.search(sentence.text) or _bilaterals_on_sidelines(context, kind, people, principal)
    if not separate and kind == "meeting" and len([p for p in people if p.name != principal]) > 1:
        separate = PLURAL_MEETINGS.search(sentence.text)
    if separate:  # the one who met them all is named before "separately", if at all
        subject = next((p.name for p in people if p.start < sentence.start + separate.start()), "")
        # else the one the article follows, unless named here among the counterparts
        principal = subject or ("" if any(p.name == principal for p in people) else principal)
    groups = [[p] for p in people if p.name != principal] if separate else [people]
    in_turn = None if separate or kind != "meeting" else met_in_turn(sentence, match, people, principal)
    if not in_turn and not separate and kind == "meeting" and context.language != "ar":
        in_turn = office_holders(sentence, match, people, principal)
    if in_turn:
        groups, separate, principal = in_turn
        if context.language != "ar":  # "... and also met A, B and C": each office holder on his own
            groups = [part for group in groups for part in one_by_one(group)]
    if separate and not groups and _TWO.search(separate.group(0)):
        groups = [[], []]  # "in two separate meetings" whose counterparts the sentence does not name
    # "arrived at the airport" names a place, not the event told before ("at the meeting")
    back = _points_back(sentence.text, match) and not separate and not OTHER_ACTS["arrival"].search(match.group(0))
    if back and _DEMONSTRATIVE.search(sentence.text[: match.start()]):
        back = "this"  # "this meeting": the one just told, whatever day the sentence goes on to name
    elif back and REPORTED.search(sentence.text[: match.start()]):
        back = "told"  # "the spokesman said the talks covered …": told of, by someone who was not in it
    series = bool(SERIES.search(sentence.text[: match.start()]))
    if series and (NOT_HAPPENING.search(sentence.text) or PLANNED.search(sentence.text)):
        return []  # "the agenda includes a series of meetings, as he is expected to meet ...": a plan
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
            "back": back,
            "act": act,
            "sentence": sentence.start,
            "separate": bool(separate),
            "own": set(names),  # the people this mention itself names: those attending are not counterparts
            "series": series,
            "next_day": bool(NEXT_DAY.search(sentence.text)) and not dates["date_in_sentence"],
        }
        events.append(Found("event", value, evidence_for(context.text, start, start + len(match.group(0))), 0.6))
    return events


_CREDENTIALS = compile_cue(r"credentials|верительн\w+ грамот\w*|أوراق (?:ال)?اعتماد\w*", re.I)
_SIDELINES = compile_cue(r"on the (?:sidelines|margins?)|на полях|в кулуарах|على هامش", re.I)


def _bilaterals_on_sidelines(context: DocumentContext, kind: str, people: list, principal: str) -> re.Match | None:
    """At a summit or an inauguration, "he also held talks with the crown prince of Spain, his Brazilian
    counterpart and ..." are bilateral meetings, one per counterpart, when they serve different countries."""
    if kind != "meeting" or not principal or not _SIDELINES.search(context.text):
        return None
    countries = {p.country or context.country_of(p.name) for p in people if p.name != principal} - {""}
    if len([p for p in people if p.name != principal]) < 2 or len(countries) == 1:
        return None  # officials of one country met together, or one person named twice
    return _SIDELINES.search(context.text)


def _planned(before: str) -> bool:
    """ "Is expected to hold talks", "ومن المنتظر أن يجري محادثات": a plan governs the cues told after it."""
    return bool(NOT_HAPPENING.search(before) or PLANNED.search(before))


def _points_back(text: str, match: re.Match) -> bool:
    """ "During the meeting", "وحضر اللقاء", "на встрече": the mention is of an event told before, unless it
    names its counterpart right away ("at its meeting with the Minister of Agriculture")."""
    in_the = match.group(0).startswith("ال") and re.search(r"(?<!\w)[وف]?في\s+$", text[: match.start()])
    if not BACK_REFERENCE.search(text[: match.start()]) and not in_the:  # "ورافقه في اللقاء": in the meeting told
        return False
    return not re.match(r"\s+(?:with|с|со|مع)\s", text[match.end() :], re.I)


def _written_date(context: DocumentContext, sentence: Sentence) -> bool:
    """The sentence writes a day of the month itself ("on 17 May"), or another day than the article's own
    that the article's date resolves ("Duterte will host a banquet on Wednesday evening"); "today" in a plan
    is the day the plan was told ("arrived today, and is expected to hold talks during the visit")."""
    for found in context.dates_in(sentence.start, sentence.end):
        if found.value["precision"] == "day":
            # "today" also when it is named with its weekday: "عصر اليوم، السبت"
            written = context.text[max(sentence.start, found.evidence.start - 12) : found.evidence.end]
            relative = _WEEKDAY_OR_TODAY.search(written)
            if not relative or (context.document_date and not _TODAY.search(written)):
                return True
    return False


def _coming_weekday(context: DocumentContext, sentence: Sentence, dates: dict) -> dict:
    """A weekday in a sentence about what is to come ("is set to hold talks on Thursday") is the next one."""
    document_date = context.document_date
    if not document_date or dates["start"] >= document_date.isoformat():
        return dates
    found_days = context.dates_in(sentence.start, sentence.end)
    if any(
        found.value["start"] == dates["start"]
        and not _WEEKDAY_OR_TODAY.search(context.text[found.evidence.start : found.evidence.end])
        for found in found_days
    ):
        return dates  # "on Friday, September 11": the day is written out, whatever the sentence goes on to plan
    for found in found_days:
        written = context.text[found.evidence.start : found.evidence.end]
        if found.value["start"] == dates["start"] and _WEEKDAY_OR_TODAY.search(written):
            if _TODAY.search(written):
                return dates
            day = dt.date.fromisoformat(dates["start"]) + dt.timedelta(days=7)
            return {**dates, "start": day.isoformat()}
    return dates


def _event_kinds(text: str) -> list[tuple[str, re.Match, bool]]:
    """Every kind of event the sentence names, each with its cue. A reception at an arrival is the airport
    welcome, not a meeting; a cue word that names no event there ("على وقع") does not count. A word that only
    names the occasion ("the ceremony") counts when nothing more specific is named."""
    arrival = ARRIVAL.search(text)
    phone = OTHER_ACTS["phone"].search(text)
    # A cue inside a quoted title ("The role of international negotiations in peace") names no event; one that
    # opens or closes the quote is the event's own name («القمة العالمية للحكومات», "Business Forum").
    quoted = [(m.start() + 2, m.end() - 2) for m in QUOTED.finditer(text)]
    kinds: list[tuple[str, re.Match, bool]] = []
    taken: list[tuple[int, int]] = []  # a word read as one kind ("اجتماع مجلس الجامعة") is not another
    for kind, pattern in EVENT_KIND_PATTERNS.items():
        if kind == "meeting" and phone:
            continue  # talks by telephone are a call, not a meeting
        for match in pattern.finditer(text):
            before = text[: match.start()]
            if any(start <= match.start() < end for start, end in taken):
                continue
            if any(start <= match.start() and match.end() < end for start, end in quoted):
                continue
            if FALSE_CUE_BEFORE.search(before) or (kind == "signing" and _not_signed(text, match)):
                continue
            if kind == "meeting" and CEREMONY_BEFORE.search(before):
                kind = "other"  # "حفل استقبال", "مراسم تسليم أوراق الاعتماد": the ceremony, not a meeting
            elif kind == "meeting" and RECEPTION.fullmatch(match.group(0)) and arrival:
                if not any(k == "other" for k, _m, _g in kinds):
                    kinds.append(("other", match, False))
                continue
            press = kind == "other" and OTHER_ACTS["press"].search(match.group(0))
            if press and STATEMENT.search(text) and not JOINT.search(text):
                kind = "announcement"  # what one side said to the press, not a joint appearance
            kinds.append((kind, match, False))
            taken.append(match.span())
            break
    hosted = next((m for k, m, _g in kinds if k == "meeting" and _HOSTED.fullmatch(m.group(0))), None)
    if hosted and any(k not in ("meeting", "signing", "other") for k, _m, _g in kinds):
        kinds = [k for k in kinds if k[1] is not hosted]  # "hosted the forum" is the forum, not a meeting
    if not kinds:
        for kind, pattern in GENERIC_PATTERNS.items():
            match = pattern.search(text)
            if match and not FALSE_CUE_BEFORE.search(text[: match.start()]):
                kinds.append((kind, match, True))
                break
    return kinds


def _not_signed(text: str, match: re.Match) -> bool:
    """A decree signed at home, or "على وقع" ("to the sound of") read as the verb "signed"."""
    if TO_THE_SOUND_OF.search(text[: match.start()]) and match.group(0).startswith("وقع"):
        return True
    if PREPARED_SIGNING.search(text[: match.start()]):
        return True
    return bool(DECREE.search(text[max(0, match.start() - 30) : match.end() + 30]))


def _drop_summaries(found: list[Found]) -> list[Found]:
    """ "A series of receptions" before the receptions are told one by one is no event of its own."""
    return [
        e
        for e in found
        if not e.value["series"] or not any(o.value["kind"] == e.value["kind"] and not o.value["series"] for o in found)
    ]


def _attach_back_references(found: list[Found]) -> list[Found]:
    """A mention that points back ("during the meeting") joins the last event of its kind told before it."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda e: e.evidence.start):
        target = None
        if item.value["generic"]:  # "the ceremony", "the session": of the event last told, whatever its kind
            target = kept[-1] if kept else None
        elif item.value["back"]:
            target = next((e for e in reversed(kept) if e.value["kind"] == item.value["kind"]), None)
            own_day, day = item.value["start"], target.value["start"] if target else None
            if own_day and day and own_day != day and item.value["back"] != "this":
                target = None  # "the meeting due on Friday" after Thursday's talks is another meeting
        if target is None:
            kept.append(item)
            continue
        if item.value["back"] == "told":
            target.extra_evidence.append(item.evidence)  # its teller is no participant
            continue
        _absorb(target, item)
        if not target.value["own"]:
            # a headline's "meeting" that the lead then tells ("on the sidelines of the meetings ... held talks
            # with X") is the meeting with X, not one any later meeting could join
            target.value["own"] = target.value["own"] | item.value["own"]
    return kept


def _absorb(target: Found, item: Found) -> None:
    target.extra_evidence.append(item.evidence)
    # where else it is told: a headline's "meetings" takes its day from where the body tells of them
    target.value["mentions"] = [
        *target.value.get("mentions", ()),
        item.value["sentence"],
        *item.value.get("mentions", ()),
    ]
    names = {p["name"] for p in target.value["participants"]}
    target.value["participants"] += [p for p in item.value["participants"] if p["name"] not in names]
    target.confidence = min(0.9, target.confidence + 0.1)


def _merge_events(found: list[Found], principal: str) -> list[Found]:
    """Mentions of one meeting become one event: the same kind, days that do not disagree, and the same
    counterparts (besides the person the article follows) or none named."""
    events: list[Found] = []
    for item in sorted(found, key=lambda e: (e.value["start"] is None, e.evidence.start)):
        same = next((e for e in events if _same_event(e.value, item.value, principal)), None)
        if same is None:
            events.append(item)
            continue
        _absorb(same, item)
        if item.value["end"] and not same.value["end"]:  # the span of days is the whole event
            same.value.update({key: item.value[key] for key in ("start", "end", "precision")})
        if item.value["city"] and not same.value["city"]:
            same.value.update(city=item.value["city"], country=item.value["country"])
        same.value["own"] |= item.value["own"]
        if item.value["separate"]:
            same.value["sentences"] = same.value.get("sentences", set()) | {item.value["sentence"]}
    events.sort(key=lambda e: e.evidence.start)
    return events


def _drop_calls_told_as_talks(events: list[Found]) -> list[Found]:
    """A headline's "held talks" is the telephone call the text tells of, between the same people."""
    calls = [e for e in events if e.value["kind"] == "other" and e.value["act"] == "phone"]
    if not calls:
        return events

    def told_as_talks(event: Found) -> bool:
        names = {p["name"] for p in event.value["participants"]}
        return event.value["kind"] == "meeting" and any(
            names <= {p["name"] for p in call.value["participants"]}
            and (not event.value["start"] or not call.value["start"] or event.value["start"] == call.value["start"])
            for call in calls
        )

    return [e for e in events if not told_as_talks(e)]


def _same_event(a: dict, b: dict, principal: str) -> bool:
    if a["kind"] != b["kind"] or (a["start"] and b["start"] and not _days_agree(a, b)):
        return False
    if a["next_day"] != b["next_day"]:
        return False  # "the next day" is another day than the one told before, even with no date written
    if b["separate"] and (a["sentence"] == b["sentence"] or b["sentence"] in a.get("sentences", ())):
        return False  # "met each of them separately": one of those meetings is already this event
    if a["kind"] in ("signing", "training"):
        return True  # several documents signed the same day are one ceremony; an article follows one course
    if _CREDENTIALS.search(a["cue"]) and _CREDENTIALS.search(b["cue"]):
        return True  # the credentials of several ambassadors, told one by one, are presented at one ceremony
    if a["kind"] == "other" and (a["act"] or b["act"]):
        return a["act"] == b["act"]  # the airport welcome and the wreath-laying are two acts of the visit
    others_a = a["own"] - {principal}
    others_b = b["own"] - {principal}
    return not others_a or not others_b or bool(others_a & others_b)


def _days_agree(a: dict, b: dict) -> bool:
    """The same day, or one day within the other's span: "the course ran from 14 to 25 October" and "closed on
    25 October" tell of one course."""
    if a["start"] == b["start"]:
        return True
    return any(
        span["end"] and span["start"] <= day["start"] <= span["end"] and not day["end"]
        for span, day in ((a, b), (b, a))
    )


def _carry_dates(context: DocumentContext, events: list[Found]) -> None:
    """An event told without its day, right after a sentence that gives one ("He flew in on Friday. At the
    airport he was welcomed by ..."), happened that day: the narrative's day carries over two sentences."""
    index = {s.start: i for i, s in enumerate(context.sentences)}
    days: list[dict | None] = []
    for sentence in context.sentences:
        dates = date_of(context, sentence)
        # the day of a plan ("will host a banquet on Wednesday") is not the day the narrative is at
        plan = FORWARD.search(sentence.text) or _planned(sentence.text)
        days.append(dates if dates["start"] and dates["precision"] == "day" and not plan else None)
    for event in events:
        if event.value["start"]:
            continue
        for sentence in sorted({event.value["sentence"], *event.value.get("mentions", ())}):
            day = _narrative_day(context, days, index.get(sentence))
            if day:
                start = dt.date.fromisoformat(day) + dt.timedelta(days=int(event.value["next_day"]))
                event.value.update(start=start.isoformat(), end=None, precision="day")
                break


def _only_day_told(context: DocumentContext) -> str | None:
    """The one day, up to the report's own, that the article's body tells (its dateline and headline aside)."""
    days = {
        found.value["start"]
        for sentence in context.sentences[1:]
        for found in context.dates_in(sentence.start, sentence.end)
        if found.value["precision"] == "day"
        and not found.value.get("end")
        and not dateline_day(context, sentence, found)
        and _near_report(context, found.value["start"])
        and found.value["start"] <= context.document_date.isoformat()
    }
    return days.pop() if len(days) == 1 else None


def _narrative_day(context: DocumentContext, days: list[dict | None], position: int | None) -> str | None:
    if position is None:
        return None
    # "afterwards", "then": the narrative goes on from the day last told, however far back it was written
    reach = 5 if _SEQUENCE.search(context.sentences[position].text) else 2
    for back in range(1, reach + 1):  # not from the headline (sentence 0), which tells no day of its own
        day = days[position - back] if position - back > 0 else None
        earlier = context.sentences[position - back] if position - back > 0 else None
        if day is None and reach > 2 and earlier and context.dates_in(earlier.start, earlier.end):
            return None  # a plan's or the background's day stands between: no narrative day to go on from
        if day and _near_report(context, day["start"]):
            return day["start"]
    return None


def _long_before(context: DocumentContext, day: str | None) -> bool:
    """An event dated half a year or more before the article is background ("the MoU signed in February 2014"
    under which this year's course ran), not one the article reports."""
    if not day or not context.document_date:
        return False
    return (context.document_date - dt.date.fromisoformat(day)).days > 180


def _near_report(context: DocumentContext, day: str) -> bool:
    """A day near the article's own (background a year back is no day of the events it reports)."""
    if not context.document_date:
        return True
    delta = (dt.date.fromisoformat(day) - context.document_date).days
    return -30 <= delta <= 30


def _sides_join(context: DocumentContext, events: list[Found]) -> None:
    """ "…переговоры глав правительств. С кыргызской стороны их вел A, с белорусской — B": a sentence that opens with
    one side and tells no event of its own lists who took part in the event told just before it."""
    for index, sentence in enumerate(context.sentences):
        if index == 0 or not SIDE_OPENS.match(sentence.text):
            continue
        previous = context.sentences[index - 1]
        told = [e for e in events if previous.start <= e.evidence.start < previous.end]
        if len(told) != 1 or any(sentence.start <= e.evidence.start < sentence.end for e in events):
            continue
        names = {p["name"] for p in told[0].value["participants"]}
        for person in context.people_in(sentence.start, sentence.end):
            if person.name not in names:
                told[0].value["participants"].append({"name": person.name, "role": "participant"})
                names.add(person.name)


def assign_roles(events: list[Found], delegations: list[Found]) -> None:
    """Each participant's role from the visit: its head, the hosts, and the signatories of a signing."""
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
