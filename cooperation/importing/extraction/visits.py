"""Delegations: who visited whom, who headed, who hosted (events are in ``events.py``).

Read sentence by sentence on cue words in the three languages:
- a visit: "delegation", "visited", "arrived in", "визит", "посетил", "وفد", "زار", "زيارة";
- its direction: "visited X" / "visit to X" / "arrived in X" name the host; "X received" / "принял" /
  "استقبل" make the receiver's country the host; "Belarusian delegation" / "delegation from X" /
  "делегация из X" / "وفد إماراتي" name the origin;
- its head: "headed by" / "led by" / "во главе с" / "под руководством" / "برئاسة" / "يترأسه";
"""

from __future__ import annotations

import re

from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence
from .cues import EVENT_PATTERNS, NOT_HAPPENING, RECEIVED

_DELEGATION = compile_cue(r"(?<!\w)(?:delegations?|делегаци\w+|(?:[وب]?ال|[وب])?وفد(?:ا|ًا)?)(?!\w)", re.I)
_VISIT = compile_cue(
    r"(?<!\w)(?:visit(?:ed|s|ing)?|trip|arriv(?:ed|es|al)|tour(?:ed)?|came to|comes to|"
    r"визит\w*|посети\w*|посещени\w*|прибы\w*|"
    r"поездк\w*|(?:[وبلف]?(?:ال)?|لل)زيار\w*|[وف]?زار(?:ت|ا|وا)?|[وف]?يزور|[وف]?وصل\w*|[وف]?تزور)(?!\w)",
    re.I,
)
_HEADED_BY = compile_cue(
    r"(?<!\w)(?:headed\s+by|led\s+by|chaired\s+by|под\s+руководством|во\s+главе\s+с|возглавляем\w+|"
    r"برئاسة|بقيادة|يترأسه|يرأسه|ترأسه)(?!\w)",
    re.I,
)
_LED = compile_cue(r"(?<!\w)(?:led|headed|возглавил\w*|возглавля\w+|ترأس(?:ت)?|يترأس)(?!\w)", re.I)
_FROM = compile_cue(r"^\s*(?:from|of|из|от|من)\s+(?:the\s+)?", re.I)


def extract_delegations(context: DocumentContext) -> list[Found]:
    found: list[Found] = []
    for sentence in context.sentences:
        delegation = _DELEGATION.search(sentence.text)
        visit = _VISIT.search(sentence.text) or _received_a_guest(context, sentence)
        if not delegation and not visit:
            continue
        if (not delegation and NOT_HAPPENING.search(sentence.text)) or _INVITED.search(sentence.text):
            continue  # "invited him to visit", "will visit": not a visit that took place
        origin, host, head = _direction(context, sentence, delegation)
        if not origin and not host:
            continue
        if head and not delegation and _RESIDENT.search(context.title_of(head)):
            continue  # an ambassador's call or farewell visit in the country where he is posted
        found.append(_delegation(context, sentence, delegation or visit, origin, host, head, confidence=0.7))
    if not found:
        found = _met_abroad(context)
    return _merge(context, found)


def _met_abroad(context: DocumentContext) -> list[Found]:
    """With no word for a visit anywhere: "X held talks in Lima with his Chilean counterpart Y" — a meeting in a
    city of X's country with an official of another country who is not posted there is that official's visit."""
    for sentence in context.sentences:
        meeting = EVENT_PATTERNS["meeting"].search(sentence.text)
        cities = context.cities_in(sentence.start, sentence.end)
        if not meeting or not cities or NOT_HAPPENING.search(sentence.text):
            continue
        host = cities[0][0]
        people = context.people_in(sentence.start, sentence.end)
        guests = [p for p in people if p.country and p.country != host and not _RESIDENT.search(p.title)]
        if not guests or not any(p.country == host for p in people):
            continue
        return [_delegation(context, sentence, meeting, guests[0].country, host, guests[0].name, confidence=0.5)]
    return []


def _delegation(
    context: DocumentContext, sentence: Sentence, anchor: re.Match, origin: str, host: str, head: str, *, confidence
) -> Found:
    """One sentence's reading of a visit; members, host officials and the city are filled once merged."""
    start = sentence.start + anchor.start()
    value = {
        "origin_country": origin,
        "host_country": host,
        "city": "",
        "head": head,
        "members": [],
        "host_officials": [],
        "title": sentence.text.strip()[:200],
        **date_of(context, sentence),
    }
    return Found("delegation", value, evidence_for(context.text, start, start + len(anchor.group(0))), confidence)


def _direction(context: DocumentContext, sentence: Sentence, delegation: re.Match | None) -> tuple[str, str, str]:
    text, offset = sentence.text, sentence.start
    origin = host = head = ""
    if delegation:
        origin = _origin_near(context, offset + delegation.start(), offset + delegation.end())
    headed = _HEADED_BY.search(text)
    if headed:
        # The first person named after "headed by" who does not serve the country the delegation visits.
        after = context.people_in(offset + headed.end(), min(sentence.end, offset + headed.end() + 250))
        hint = _host_hint(context, sentence, origin)
        head = next((p.name for p in after if not p.country or p.country != hint), "")
    received = RECEIVED.search(text)
    passive = received is not None and _PASSIVE_BY.match(text, received.end())
    if received:
        receivers = context.people_in(sentence.start, offset + received.start())
        if passive or not receivers:  # "X was received by Y": Y receives, X is the guest
            receivers = context.people_in(offset + received.end(), sentence.end)[:1]
        receiver_country = next((p.country for p in receivers if p.country), "")
        before = context.countries_in(max(sentence.start, offset + received.start() - 60), offset + received.start())
        host = receiver_country or ("" if passive else (before[-1] if before else ""))
        guest_span = (sentence.start, offset + received.start()) if passive else (offset + received.end(), sentence.end)
        guests = [
            p for p in context.people_in(*guest_span) if p.country != host and p.name not in {r.name for r in receivers}
        ]
        # "received X" or "received X and an accompanying delegation": X heads the visit.
        if not head and guests and (not delegation or guests[0].start < offset + delegation.start()):
            head = guests[0].name
        if not origin:
            guest_country = next((p.country for p in guests if p.country and p.country != host), "")
            # "X received the Syrian minister": the guest's country right after the verb, once the host is known.
            after = [
                c for c in context.countries_in(offset + received.end(), offset + received.end() + 40) if c != host
            ]
            origin = guest_country or (after[0] if after and host else "")
    if not host:
        host = _host_after_visit(context, sentence, origin)
    if not host:  # "received her in Riyadh", "с визитом в Минске", "في مقر الوزارة بالرياض"
        host = next((c[0] for c in context.cities_in(sentence.start, sentence.end) if c[0] != origin), "")
    if not head and not received:
        led = _LED.search(text)
        cue = led or _VISIT.search(text)
        if cue:
            # The visitor is the person nearest before "visited" / "led" who does not serve the host; with no
            # one before it, "Возглавляет группу X" / "which is led by X" names the head after the verb.
            visitors = [
                p
                for p in context.people_in(sentence.start, offset + cue.start())
                if p.country != host and not _ACCOMPANIED.search(context.text, max(0, p.start - 25), p.start)
            ]
            if not visitors and led:
                visitors = [p for p in context.people_in(offset + led.end(), sentence.end) if p.country != host][:1]
            head = visitors[-1].name if visitors else ""
    if head and not origin:
        country = context.country_of(head)
        origin = country if country != host else ""
    if not origin and host and len(context.main_countries) == 2:
        origin = next(c for c in context.main_countries if c != host) if host in context.main_countries else ""
    if not host and origin and len(context.main_countries) == 2 and origin in context.main_countries:
        host = next(c for c in context.main_countries if c != origin)
    if not host and origin and context.dateline_city and context.dateline_city[0] != origin:
        host = context.dateline_city[0]  # filed from the host's city: "RIYADH – The minister received …"
    if origin == host:
        host = ""
    return origin, host, head


_RESIDENT = compile_cue(r"ambassador|chargé|charge d|посол|поверенн|سفير|القائم بالأعمال", re.I)


def _host_hint(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    """Where the visit of this sentence went, when the sentence says so ("visit to X", "في بغداد")."""
    return _host_after_visit(context, sentence, origin) or next(
        (c[0] for c in context.cities_in(sentence.start, sentence.end) if c[0] != origin), ""
    )


# An invitation to visit is not a visit ("at the invitation of X, Y visited" is, and does not match).
_INVITED = compile_cue(
    r"invitation to (?:visit|pay)|invited \w+ to (?:visit|pay)|приглашени\w* (?:посетить|с визитом|на визит)|"
    r"пригласил\w* \w+ (?:посетить|с визитом)|دعوة (?:رسمية )?(?:للقيام بزيارة|لزيارة)|دعاه لزيارة|دعته لزيارة",
    re.I,
)


_PASSIVE_BY = compile_cue(r"(?:\s+\w+){0,3}?\s+by\s", re.I)


# "accompanied by Prime Minister X, President Y toured …": X goes along, Y is the visitor.
_ACCOMPANIED = compile_cue(r"(?:accompanied by|в сопровождении|برفقة|يرافقه)\s+(?:\S+\s+){0,3}$", re.I)


def _received_a_guest(context: DocumentContext, sentence: Sentence) -> re.Match | None:
    """ "A received B" where B serves another country than A is a visit even with no word for one."""
    received = RECEIVED.search(sentence.text)
    if not received:
        return None
    position = sentence.start + received.start()
    before = context.people_in(sentence.start, position)
    after = context.people_in(position, sentence.end)
    if not before and after:  # verb first: the receiver is the first person after it
        before, after = after[:1], after[1:]
    hosts = {p.country for p in before if p.country} or {c[0] for c in context.cities_in(sentence.start, sentence.end)}
    # An ambassador received by the minister of the country he is posted to lives there: no visit.
    visitors = [p for p in after if not _RESIDENT.search(p.title)]
    guests = {p.country for p in visitors if p.country}
    if not guests and visitors and hosts and len(set(context.main_countries) - hosts) == 1:
        guests = set(context.main_countries) - hosts  # a guest whose title names no country, in a two-country story
    return received if guests - hosts else None


def _origin_near(context: DocumentContext, start: int, end: int) -> str:
    """ "Belarusian delegation", "UAE government delegation", "delegation from Belarus", "وفد إماراتي"."""
    after = context.text[end : end + 60]
    lead = _FROM.match(after)
    if lead:
        hits = [c for c in context.countries if end + lead.end() <= c[1] <= end + lead.end() + 25]
        if hits:
            return hits[0][0]
    after_noun = _origin_after_noun(context, end)
    if after_noun and context.language in ("ru", "ar"):
        return after_noun  # "делегация Турции", "وفد إماراتي": the country follows the noun
    words_before = re.split(r"[\n.;:،؛]", context.text[max(0, start - 50) : start])[-1]
    tail = " ".join(words_before.split()[-3:])
    hits = [
        c
        for c in context.countries
        if start - len(tail) - 2 <= c[1] < start
        # "в Узбекистан прибыла делегация": a country after "to/в/إلى" is where it went, not where it is from
        and not _TOWARDS_BEFORE.search(context.text[max(0, c[1] - 4) : c[1]])
    ]
    if hits:
        return hits[-1][0]
    return after_noun


_TOWARDS_BEFORE = compile_cue(r"(?<!\w)(?:to|in|в|во|إلى|الى|في)\s+$", re.I)


def _origin_after_noun(context: DocumentContext, end: int) -> str:
    """Russian and Arabic put the adjective after the noun: "делегации Беларуси", "وفد إماراتي", and the
    sending body may stand between: "Делегация Министерства юстиции Республики Узбекистан"."""
    for code, c_start, _c_end in context.countries:
        if end <= c_start <= end + 70:
            between = context.text[end:c_start]
            if _VISIT.search(between) or RECEIVED.search(between):
                break  # "delegation visited Serbia": where it went
            if not re.search(r"[,.;:،؛]|(?<!\w)(?:to|in|в|во|إلى|الى|في)(?!\w)", between) and len(between.split()) <= 6:
                return code
            break
    return ""


_TOWARDS = compile_cue(r"(?<!\w)(?:to|в|во|إلى|الى)\s+", re.I)


def _host_after_visit(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    host = _host_next_to_visit(context, sentence, origin)
    if host:
        return host
    # "the official visit that the King is paying to Russia", "в Узбекистан прибыла делегация": the country
    # after "to" / "إلى" / "в" in a sentence about a visit.
    visit = _VISIT.search(sentence.text)
    if visit:
        for towards in _TOWARDS.finditer(sentence.text):
            position = sentence.start + towards.end()
            hits = [c for c in context.countries if position <= c[1] <= position + 12 and c[0] != origin]
            if hits:
                return hits[0][0]
    return ""


def _host_next_to_visit(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    for match in _VISIT.finditer(sentence.text):
        position = sentence.start + match.start()
        for code, c_start, _c_end in context.countries:
            if position < c_start <= position + len(match.group(0)) + 30 and code != origin:
                between = context.text[position + len(match.group(0)) : c_start]
                if len(between.split()) <= 3:
                    return code
    return ""


# A date at the head of a paragraph followed by the agency's mark is the dateline: the day of the report.
_DATELINE_TAIL = compile_cue(r"[\s,.]*(?:\(|/|[-–—:]|\[)")


def date_of(context: DocumentContext, sentence: Sentence) -> dict:
    dates = context.dates_in(sentence.start, sentence.end)
    if (
        len(dates) > 1
        and _DATELINE_TAIL.match(context.text, dates[0].evidence.end)
        and (dates[0].evidence.start - sentence.start < 60)
    ):
        dates = dates[1:]
    if dates:
        best = max(dates, key=lambda d: (bool(d.value.get("end")), d.value["precision"] == "day"))
        return {k: best.value[k] for k in ("start", "end", "precision")} | {"date_in_sentence": True}
    return {"start": None, "end": None, "precision": None, "date_in_sentence": False}


def _merge(context: DocumentContext, found: list[Found]) -> list[Found]:
    """One visit told in several sentences is one delegation: same direction, or a side one sentence missed."""
    merged: list[Found] = []
    for item in found:
        value = item.value
        same = next(
            (
                m
                for m in merged
                if _compatible(m.value["origin_country"], value["origin_country"])
                and _compatible(m.value["host_country"], value["host_country"])
            ),
            None,
        )
        if same is None:
            merged.append(item)
            continue
        same.extra_evidence.append(item.evidence)
        for key in ("origin_country", "host_country", "head"):
            same.value[key] = same.value[key] or value[key]
        if value["start"] and _rank(value) > _rank(same.value):
            same.value.update({k: value[k] for k in ("start", "end", "precision", "date_in_sentence")})
    result = [m for m in merged if m.value["origin_country"] and m.value["host_country"]]
    for item in result:
        spans = [item.evidence, *item.extra_evidence]
        cities = [c for e in spans for c in context.cities_in(*_sentence_span(context, e.start))]
        city = next((c[1] for c in cities if c[0] == item.value["host_country"]), "")
        item.value["city"] = city.title() if city.isupper() else city  # "KUALA LUMPUR" in a dateline
    # The same two countries both ways: the weaker reading (no head, fewer mentions) is a misread direction.
    for item in list(result):
        reverse = next(
            (
                r
                for r in result
                if (r.value["origin_country"], r.value["host_country"])
                == (item.value["host_country"], item.value["origin_country"])
            ),
            None,
        )
        if reverse is None:
            continue
        # The direction told more often wins, then the one with a head, then a dated one; a tie with no head on
        # either side goes to the body of the article over the headline.
        weight = (len(item.extra_evidence), bool(item.value["head"]), bool(item.value["date_in_sentence"]))
        other = (len(reverse.extra_evidence), bool(reverse.value["head"]), bool(reverse.value["date_in_sentence"]))
        if weight < other or (weight == other and not weight[1] and item.evidence.start < reverse.evidence.start):
            result.remove(item)
    for item in result:
        _people_of(context, item, single_visit=len(result) == 1)
        item.confidence = 0.85 if item.value["start"] else 0.7
    return result


def _sentence_span(context: DocumentContext, position: int) -> tuple[int, int]:
    sentence = context.sentence_at(position)
    return sentence.start, sentence.end


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _rank(value: dict) -> tuple[bool, bool, bool]:
    return (bool(value.get("date_in_sentence")), bool(value.get("end")), value.get("precision") == "day")


def _people_of(context: DocumentContext, item: Found, *, single_visit: bool) -> None:
    """Members are the origin country's people, host officials the host's; the head leads the members."""
    value = item.value
    spans = [item.evidence, *item.extra_evidence]
    sentences = {context.sentence_at(e.start).start: context.sentence_at(e.start) for e in spans}
    members, hosts = [], []
    for sentence in sentences.values():
        for person in context.people_in(sentence.start, sentence.end):
            country = person.country or context.country_of(person.name)
            if country == value["origin_country"] and person.name not in members:
                members.append(person.name)
            elif country == value["host_country"] and person.name not in hosts:
                hosts.append(person.name)
    # People of the origin country anywhere in the document were part of the visit; in an article about one
    # visit, the host country's people named in it are the officials who hosted it.
    for person in context.people:
        if person.country == value["origin_country"] and person.name not in members:
            members.append(person.name)
        elif person.country == value["host_country"] and single_visit and person.name not in hosts:
            hosts.append(person.name)
    if not value["head"] and members:
        value["head"] = members[0]
    if not value["head"]:
        value["head"] = _likely_head(context, value["host_country"])
    value["members"] = [m for m in members if m != value["head"]]
    value["host_officials"] = [h for h in hosts if h != value["head"]]


def _likely_head(context: DocumentContext, host: str) -> str:
    """With no "headed by" and no country on anyone: the first person who meets or visits and does not
    serve the host ("During the visit, X met senior officials of North Macedonia")."""
    for sentence in context.sentences:
        if not (_VISIT.search(sentence.text) or EVENT_PATTERNS["meeting"].search(sentence.text)):
            continue
        for person in context.people_in(sentence.start, sentence.end):
            if person.country in ("", None) and not context.country_of(person.name):
                return person.name
            if person.country == host:
                break
    return ""
