"""Delegations: who visited whom, who headed, who hosted (events are in ``events.py``).

Read sentence by sentence on cue words in the three languages:
- a visit: "delegation", "visited", "arrived in", "визит", "посетил", "وفد", "زار", "زيارة";
- its direction: "visited X" / "visit to X" / "arrived in X" name the host; "X received" / "принял" /
  "استقبل" make the receiver's country the host; "Belarusian delegation" / "delegation from X" /
  "делегация из X" / "وفد إماراتي" name the origin;
- its head: "headed by" / "led by" / "во главе с" / "под руководством" / "برئاسة" / "يترأسه"; the genitive
  after the noun ("визит Президента X", "the visit of X"); "يترأس الوفد X" in a sentence naming no country
  heads the visit told just before;
- a country in the visitor's title or an adjective next to the verb ("وصل الوزير السوري", "визит Президента
  Республики Беларусь") is the origin, never the host;
- several guests of different countries received together ("received A of X and B of Y", "talks hosted by
  Z between A and B") are one visit each; two clauses ("X visited A, while Y visited B") are read apart;
- with no word for a visit in the whole story, a meeting, signing or participation in a city of one country by
  an official of another is his visit (``_met_abroad``);
- not visits: the future or a wish next to the word ("will visit", "الزيارة المرتقبة"), an invitation, an
  ambassador's calls in the country he is posted to, delegations of talks held by videoconference.
How readings of the same visit are merged, and when two readings are two visits, is in ``visit_merge.py``.
"""

from __future__ import annotations

import itertools
import re

from .base import Found, compile_cue
from .context import DocumentContext, Sentence
from .visit_abroad import abroad_besides, listed_with, met_abroad
from .visit_common import date_of, not_happening, place_cities, reading, visit_at
from .visit_cues import (
    ACCOMPANIED,
    AR_ADJECTIVE,
    CONVEYED,
    CREDENTIALS,
    DELEGATION,
    EMBASSY_STAFF,
    FROM,
    HEADED_BY,
    INVITED,
    LED,
    RECALLED,
    RECEIVED,
    REMOTE,
    TOWARDS,
    TOWARDS_BEFORE,
    VISIT,
    VISIT_NOUN,
    passive_by,
)
from .visit_merge import member_only, merge
from .visit_readings import (
    country_after_in,
    earlier_visits,
    foreigner_after,
    head_of_party,
    received_a_guest,
    resident,
    sending_body_country,
    surname_before,
)

__all__ = ["date_of", "extract_delegations"]  # events.py reads a sentence's date as a visit does


def extract_delegations(context: DocumentContext) -> list[Found]:
    found: list[Found] = []
    named_host: set[int] = set()  # the readings whose sentence names where the visit went
    recalled: set[int] = set()  # the readings of a visit recalled, not the one the story reports
    remote = REMOTE.search(context.text)
    for sentence in _clauses(context):
        delegation = DELEGATION.search(sentence.text)
        visit = VISIT.search(sentence.text) or received_a_guest(context, sentence)
        if not delegation and not visit:
            # "The seven-member team, headed by its Director General X, landed …": the party is called by
            # another noun (team, mission, group), but "headed by" still names who leads the visit just told.
            head = head_of_party(context, sentence)
            if head and found and not found[-1].value["head"]:
                found[-1].value["head"] = head
            continue
        if (not delegation and not_happening(sentence, visit, scheduled_ok=True)) or INVITED.search(sentence.text):
            continue  # "invited him to visit", "will visit": not a visit that took place
        if not delegation and CREDENTIALS.search(sentence.text):
            continue  # "принял верительные грамоты посла X": an ambassador taking up his post
        if remote and not VISIT.search(sentence.text):
            continue  # "the delegation at the talks (held by videoconference)" went nowhere
        origin, host, head, explicit = _direction(context, sentence, delegation)
        if not origin and not host:
            if delegation and head and found and not found[-1].value["head"]:
                found[-1].value["head"] = head  # "يترأس الوفد X", "the delegation is led by X": the one just told
            continue
        if not delegation and _resident_visitor(context, sentence, visit, head, host):
            continue  # an ambassador's call or farewell visit in the country where he is posted
        if delegation and head and EMBASSY_STAFF.search(context.title_of(head)):
            continue  # "the delegation was led by the deputy head of mission": the embassy, already there
        head = head or _said_before(context, sentence, origin, host)
        found.append(reading(context, sentence, delegation or visit, origin, host, head, confidence=0.7))
        if explicit:
            named_host.add(id(found[-1]))
        if RECALLED.search(sentence.text):
            recalled.add(id(found[-1]))
        # "побывает в Узбекистане, Казахстане и Кыргызстане": each country listed is a visit of its own
        for other_host in [c for c in listed_with(context, sentence, host) if c != origin]:
            found.append(reading(context, sentence, delegation or visit, origin, other_host, head, confidence=0.6))
            named_host.add(id(found[-1]))
        if delegation:  # "участвовали делегации Кубы, Венесуэлы и Боливии": each country its own delegation
            for other_origin in [c for c in listed_with(context, sentence, origin) if c != host]:
                found.append(reading(context, sentence, delegation, other_origin, host, "", confidence=0.6))
        for other_origin, other_head in _more_guests(context, sentence, origin, host):
            found.append(
                reading(context, sentence, delegation or visit, other_origin, host, other_head, confidence=0.7)
            )
        for anchor, earlier_origin, earlier_host, earlier_head in earlier_visits(context, sentence, head):
            found.append(reading(context, sentence, anchor, earlier_origin, earlier_host, earlier_head, confidence=0.5))
            named_host.add(id(found[-1]))
            recalled.add(id(found[-1]))
    # A visit the story recalls ("Lavrov recalled that he visited Ashgabat in June") is not the one it reports:
    # with only such readings, the talks the story reports are still looked for.
    story = [f for f in found if id(f) not in recalled]
    if not any(f.value["origin_country"] and f.value["host_country"] for f in story):
        # No reading says both sides (the visitor's country nowhere near the verb): read the talks abroad.
        abroad = met_abroad(context)
    else:
        abroad = abroad_besides(context, story)
    recalled |= {id(f) for f in abroad if RECALLED.search(context.sentence_at(f.evidence.start).text)}
    return merge(context, found + abroad, named_host, recalled)


# "X visited Oman in 2015, while Y visited Syria": two visits in one sentence, each in its own clause.
_CLAUSE_BREAK = compile_cue(r"[،,]?\s*(?:في حين|بينما)\s|,\s*(?:while|whereas)\s|,\s*(?:а|тогда как)\s", re.I)


def _clauses(context: DocumentContext):
    for sentence in context.sentences:
        cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
        pieces = [
            Sentence(sentence.start + a, sentence.start + b, sentence.text[a:b]) for a, b in itertools.pairwise(cuts)
        ]
        if len(pieces) > 1 and all(VISIT.search(piece.text) for piece in pieces):
            yield from pieces
        else:
            yield sentence


# "He arrived in Singapore on Monday", "Она прибыла в Минск": the visitor is the one the sentence before named.
# ... or with a title for a name: "The minister arrived", "Узбекский министр прибыл", "وصل الوزير".
_PRONOUN_SUBJECT = compile_cue(
    r"^\s*(?:He|She|Он|Она|(?:The|This)\s+(?:\w+\s+)?(?:minister|president|premier|chairman|speaker)|"
    r"(?:\w+(?:ий|ый)\s+)?(?:министр|президент|премьер|председатель|спикер)|"
    r"(?:و?(?:وصل|توجه|زار|غادر)\s+)?(?:ال)?(?:وزير|رئيس))\s",
    re.I,
)


def _said_before(context: DocumentContext, sentence: Sentence, origin: str, host: str) -> str:
    """The person the previous sentence ended on, for a visit told with a pronoun for its subject."""
    if sentence.start == 0 or not _PRONOUN_SUBJECT.match(sentence.text):
        return ""
    previous = context.sentence_at(sentence.start - 1)
    before = [p for p in context.people_in(previous.start, previous.end) if p.country != host]
    fits = [p for p in before if not origin or not p.country or p.country == origin]
    return fits[-1].name if len(fits) == 1 else ""


def _resident_visitor(context: DocumentContext, sentence: Sentence, cue: re.Match, head: str, host: str) -> bool:
    """An ambassador's call, farewell visit or tour in the country where he is posted is no visit: the head, or
    with none the first person after the verb ("زار مقر المعهد القائم بالأعمال X")."""
    if head:
        return any(resident(context, p) for p in context.people if p.name == head)
    after = [p for p in context.people_in(sentence.start + cue.end(), sentence.end) if p.country != host]
    if after and _INVITATION.search(context.text, sentence.start + cue.end(), after[0].start):
        return False  # "توجّه إلى باكو تلبيةً لدعوة … السفير X": X invited the visitor, he did not make the visit
    return bool(after) and resident(context, after[0])


_INVITATION = compile_cue(r"(?<!\w)(?:invitation|invited|приглашени\w*|пригласил\w*|(?:ال|ل)?دعو(?:ة|ته))(?!\w)", re.I)


def _direction(context: DocumentContext, sentence: Sentence, delegation: re.Match | None) -> tuple[str, str, str]:
    text, offset = sentence.text, sentence.start
    origin = host = head = ""
    if delegation:
        origin = _origin_near(context, offset + delegation.start(), offset + delegation.end())
    headed = HEADED_BY.search(text)
    if headed:
        # The first person named after "headed by" who does not serve the country the delegation visits.
        after = context.people_in(offset + headed.end(), min(sentence.end, offset + headed.end() + 250))
        hint = _host_hint(context, sentence, origin)
        head = next((p.name for p in after if not p.country or p.country != hint), "")
    received = RECEIVED.search(text)
    passive = received is not None and passive_by(text, received)
    if received:
        receivers = context.people_in(sentence.start, offset + received.start())
        if receivers and delegation and receivers[-1].end <= offset + delegation.start() < offset + received.start():
            receivers = []  # "российскую делегацию встречал министр X": the object comes first, the host after
        if passive or not receivers:  # "X was received by Y": Y receives, X is the guest
            receivers = context.people_in(offset + received.end(), sentence.end)[:1]
        receiver_country = next((p.country for p in receivers if p.country), "")
        guest_span = (sentence.start, offset + received.start()) if passive else (offset + received.end(), sentence.end)
        by_country = _country_right_after(context, offset + passive.end()) if passive else ""
        if by_country:  # "talks hosted by the United States between X and Y": a country hosts, all are guests
            receivers, receiver_country, guest_span = [], by_country, (sentence.start, sentence.end)
        before = context.countries_in(max(sentence.start, offset + received.start() - 60), offset + received.start())
        host = receiver_country or ("" if passive else (before[-1] if before else ""))
        guests = [
            p for p in context.people_in(*guest_span) if p.country != host and p.name not in {r.name for r in receivers}
        ]
        # "received X" or "received X and an accompanying delegation": X heads the visit.
        if not head and guests and (not delegation or guests[0].start < offset + delegation.start()):
            head = "" if member_only(context, guests[0]) else guests[0].name
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
        host = next((c[0] for c in place_cities(context, sentence, visit_at(sentence)) if c[0] != origin), "")
    if not host:  # "toured the centre in Djibouti, which was built with India's help"
        host = country_after_in(context, sentence, origin)
    explicit = bool(host)
    if not head and not received:
        led = LED.search(text)
        cue = led or _visit_after_someone(context, sentence, host)
        if cue:
            # The visitor is the person nearest before "visited" / "led" who does not serve the host; with no
            # one before it, "Возглавляет группу X" / "which is led by X" names the head after the verb.
            visitors = [
                p
                for p in context.people_in(sentence.start, offset + cue.start())
                if (not host or p.country != host)
                and not ACCOMPANIED.search(context.text, max(0, p.start - 60), p.start)
                and not CONVEYED.search(context.text, max(0, p.start - 50), p.start)
            ]
            # When the only one named before is the one talked with, the visitor is told by a title alone ("the
            # Sri Lankan parliament leader held talks with his Vietnamese counterpart X and paid a courtesy visit
            # to …"): the sentence tells a visit of the story's guest, already read, and no one is guessed.
            talked_with = [p for p in visitors if _TALKED_WITH.search(context.text, max(0, p.start - 60), p.start)]
            visitors = [p for p in visitors if p not in talked_with]
            if talked_with and not visitors and not led:
                return "", "", "", False
            if not led and _GENITIVE_AFTER.match(text, cue.end()) and VISIT_NOUN.match(text, cue.start()):
                # "значение визита Президента Монголии", "the visit of the Japanese minister": the visitor is
                # the one the genitive names, not the speaker before the noun.
                visitors = []
            if not visitors and led:
                after_led = context.people_in(offset + led.end(), sentence.end)
                visitors = [p for p in after_led if not host or p.country != host][:1]
            elif not visitors:
                visitors = _visitor_after_noun(context, sentence, host)
            if not visitors:  # "Marsudi arrived in Dhaka": the surname of someone named in full before
                visitors = surname_before(context, sentence, offset + cue.start(), host)
            if not visitors and context.language == "ar" and not VISIT_NOUN.match(text, cue.start()):
                visitors = _subject_after_verb(context, sentence, offset + cue.end(), host)
            # The one nearest the verb ("accompanied by X, Y visited"); in Arabic, where the verb comes first, the
            # first one named ("نقل X تحيات الملك … خلال زيارته").
            if any(p.country for p in visitors) and host:
                # "التقى X (the host's minister, no country told) Y وزير خارجية أوغندا الذي يزور الدولة": the
                # one whose foreign country is told is the guest.
                visitors = [p for p in visitors if p.country]
            head = (visitors[0] if context.language == "ar" else visitors[-1]).name if visitors else ""
            guest = foreigner_after(context, sentence, offset + cue.end(), host)
            if guest and (not visitors or not context.country_of(head)):
                head = guest  # "переговоры с находящимся в Москве с визитом министром Ирана X": X is the guest
    if head and not origin:
        country = context.country_of(head)
        origin = country if country != host else ""
    if not origin:
        origin = _visitor_country_at_verb(context, sentence, host)  # "وصل الرئيس الفنزويلي إلى الكويت"
    # The story's other country fills a side the sentence leaves out, unless the sentence is about many
    # countries ("delegations of Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan").
    two_sided = len(context.main_countries) == 2 and len(context.countries_in(sentence.start, sentence.end)) < 3
    if not origin and host and len(context.main_countries) == 2:
        origin = next(c for c in context.main_countries if c != host) if host in context.main_countries else ""
    if origin and not head and _only_its_envoys(context, sentence, origin):
        origin = ""  # "يلتقي سفراء فرنسا … غداة زيارة لافروف": the ambassadors posted here made no visit
    dateline_home = context.dateline_city and context.dateline_city[0] == origin  # "Baku hosted … Azerbaijan's"
    if not host and origin and two_sided and origin in context.main_countries and not dateline_home:
        host = next(c for c in context.main_countries if c != origin)
    if not host and origin and context.dateline_city and context.dateline_city[0] != origin:
        host = context.dateline_city[0]  # filed from the host's city: "RIYADH – The minister received …"
    if origin == host:
        host = ""
    return origin, host, head, explicit


# "ambassadors of France", "посла Франции", "سفراء فرنسا", "سفير فرنسا": a country's envoys posted abroad.
_ENVOYS_OF = compile_cue(
    r"(?<!\w)(?:ambassadors?\s+of\s+(?:the\s+)?|envoys?\s+of\s+(?:the\s+)?|посл(?:а|ы|ов|ом)?\s+|"
    r"[وبل]?(?:ال)?سفير(?:ة|ي)?\s+|[وبل]?(?:ال)?سفراء\s+)$",
    re.I,
)


def _only_its_envoys(context: DocumentContext, sentence: Sentence, code: str) -> bool:
    """Every mention of the country in the sentence names its envoys, and no one of it is named there."""
    mentions = [c for c in context.countries if c[0] == code and sentence.start <= c[1] < sentence.end]
    if not mentions or any(p.country == code for p in context.people_in(sentence.start, sentence.end)):
        return False
    return all(_ENVOYS_OF.search(context.text, max(sentence.start, c[1] - 20), c[1]) for c in mentions)


def _subject_after_verb(context: DocumentContext, sentence: Sentence, position: int, host: str) -> list:
    """Arabic puts the verb first and the visitor after it, his title and the name between commas: "وصل رئيس
    بلدية بوردو الفرنسية، آلان جوبي، يوم الإثنين إلى الجزائر"."""
    person = next(iter(context.people_in(position, min(sentence.end, position + 80))), None)
    if person is None or (host and person.country == host):
        return []
    between = context.text[position : person.start]
    return [] if re.search(r"[.;:؛]", between) or len(between.split()) > 8 else [person]


def _visit_after_someone(context: DocumentContext, sentence: Sentence, host: str) -> re.Match | None:
    """The first word for a visit that someone is named before ("the directives they arrived at when President X
    visited Kenya" is read at "visited"), else the first one."""
    matches = list(VISIT.finditer(sentence.text))
    for match in matches:
        before = context.people_in(sentence.start, sentence.start + match.start())
        if any(not host or p.country != host for p in before):
            return match
    return matches[0] if matches else None


def _host_hint(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    """Where the visit of this sentence went, when the sentence says so ("visit to X", "في بغداد")."""
    return _host_after_visit(context, sentence, origin) or next(
        (c[0] for c in place_cities(context, sentence) if c[0] != origin), ""
    )


# "held talks with his Vietnamese counterpart X and paid a courtesy visit to …": the one talked with is not the
# one who visits (the subject is told before, here by his title alone).
_TALKED_WITH = compile_cue(r"(?<!\w)with\s+(?:(?:his|her|their|the|its)\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# "paid a courtesy visit to General Secretary X": the one visited, not the visitor ("the visit of X", "by X").
# ("the first to call on the minister was X": X, the subject after the verb, is the visitor.)
_CALLED_ON = compile_cue(r"\s*(?:to|on)\s(?!.*\b(?:was|were|is|are)\b)", re.I)


def _visitor_after_noun(context: DocumentContext, sentence: Sentence, host: str) -> list:
    for noun in VISIT_NOUN.finditer(sentence.text):
        end = sentence.start + noun.end()
        person = next((p for p in context.people_in(end, min(sentence.end, end + 80)) if p.country != host), None)
        if person:
            between = context.text[end : person.start]
            # Arabic tells who made it after the verb: "زيارة أجراها إلى السلطنة وزير النفط السوري المهندس X"
            limit = 10 if context.language == "ar" else 6
            # ("زيارة رسمية إلى سلطنة عمان شهدت مباحثات مع السلطان X": the one talked with, not the visitor)
            talked_with = re.search(r"(?<!\w)(?:مع|with)\s", between)
            near = not re.search(r"[,.;:،؛]", between) and len(between.split()) <= limit
            if near and not _CALLED_ON.match(between) and not talked_with:
                return [person]
    return []


def _country_right_after(context: DocumentContext, position: int) -> str:
    """The country that opens the text at ``position`` ("by the United States", "by Egypt's …")."""
    lead = re.match(r"\s*(?:the\s+)?", context.text[position:])
    start = position + (lead.end() if lead else 0)
    return next((code for code, c_start, _e in context.countries if position <= c_start <= start), "")


def _origin_near(context: DocumentContext, start: int, end: int) -> str:
    """ "Belarusian delegation", "UAE government delegation", "delegation from Belarus", "وفد إماراتي"."""
    after = context.text[end : end + 60]
    lead = FROM.match(after)
    if lead:
        hits = [c for c in context.countries if end + lead.end() <= c[1] <= end + lead.end() + 25]
        if hits:
            return hits[0][0]
        body = sending_body_country(context, end + lead.end())
        if body:  # "a delegation from the Ministry of Foreign Affairs of Ghana"
            return body
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
        and not TOWARDS_BEFORE.search(context.text[max(0, c[1] - 4) : c[1]])
    ]
    if hits:
        return hits[-1][0]
    return after_noun


def _origin_after_noun(context: DocumentContext, end: int) -> str:
    """Russian and Arabic put the adjective after the noun: "делегации Беларуси", "وفد إماراتي", and the
    sending body may stand between: "Делегация Министерства юстиции Республики Узбекистан"; a city's body
    sends it from that city's country ("делегация мэрии Пекина")."""
    places = sorted([*context.countries, *((c[0], c[2], c[3]) for c in context.cities)], key=lambda c: c[1])
    for code, c_start, _c_end in places:
        if end <= c_start <= end + 70:
            between = context.text[end:c_start]
            if VISIT.search(between) or RECEIVED.search(between):
                break  # "delegation visited Serbia": where it went
            if not re.search(r"[,.;:،؛]|(?<!\w)(?:to|in|в|во|إلى|الى|في)(?!\w)", between) and len(between.split()) <= 6:
                return code
            break
    return ""


def _host_after_visit(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    host = _host_next_to_visit(context, sentence, origin)
    if host:
        return host
    # "the official visit that the King is paying to Russia", "в Узбекистан прибыла делегация": the country
    # after "to" / "إلى" / "в" in a sentence about a visit.
    visit = VISIT.search(sentence.text)
    if visit:
        for towards in TOWARDS.finditer(sentence.text):
            position = sentence.start + towards.end()
            hits = [c for c in context.countries if position <= c[1] <= position + 12 and c[0] != origin]
            if hits:
                return hits[0][0]
    return ""


# "in Mexico, where he arrived on Tuesday", "в Москве, куда он прибыл", "в Минск, куда прибыла": the place
# is named first (after TOWARDS_BEFORE), and the verb comes back to it.
_WHERE_AFTER = compile_cue(r"^\W{0,2}\s*(?:where|куда|где)\s+(?:\S+\s+){0,3}$", re.I)


def _host_next_to_visit(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    for match in VISIT.finditer(sentence.text):
        position = sentence.start + match.start()
        for code, c_start, c_end in context.countries:
            if (
                position - 60 <= c_start < position
                and code != origin
                and TOWARDS_BEFORE.search(context.text[max(0, c_start - 6) : c_start])
                and _WHERE_AFTER.match(context.text[c_end:position])
            ):
                return code
        for code, c_start, _c_end in context.countries:
            if position < c_start <= position + len(match.group(0)) + 30 and code != origin:
                between = context.text[position + len(match.group(0)) : c_start]
                if _GENITIVE_TITLE.search(between):
                    continue  # "визит Президента Монголии в Турцию", "the visit of the Japanese minister"
                if len(between.split()) <= 3 and not _of_the_visitor(context, code, c_start, _c_end):
                    return code
    return ""


# The noun for a visit followed by the visitor's title: "визита Президента", "the visit of the Japanese".
_GENITIVE_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?|by\s+(?:the\s+)?)?(?-i:[A-ZА-ЯЁ])\w+")

# Words between the noun for a visit and a country that make the country the visitor's, not the place: a
# preposition of the visitor ("visit of/by"), or in Russian any word that is not "в/во/на" (the genitive of his
# title: "визит Президента Монголии"; "посетил Турцию" and "визит в Турцию" have none or the preposition).
_GENITIVE_TITLE = compile_cue(
    r"^\s*(?:(?:of|by)\s|(?!(?:в|во|на)\s)(?:(?-i:[А-ЯЁ])[а-яё-]+|[а-яё-]+(?:ого|его|ой|ей|ых|их|а|я))\s+(?:\S+\s+)?$)",
    re.I,
)


def _visitor_country_at_verb(context: DocumentContext, sentence: Sentence, host: str) -> str:
    """The country in the visitor's title right after the verb: "وصل الرئيس الفنزويلي", "визит Президента
    Республики Беларусь А. Лукашенко"."""
    for match in VISIT.finditer(sentence.text):
        position = sentence.start + match.end()
        for code, c_start, c_end in context.countries:
            if position <= c_start <= position + 30 and code != host:
                between = context.text[position:c_start]
                if len(between.split()) <= 3 and _of_the_visitor(context, code, c_start, c_end):
                    return code
        # … or just before it, where the subject comes first: "وكان الرئيس الفنزويلي قد وصل إلى الكويت"
        verb = sentence.start + match.start()
        for code, c_start, c_end in reversed(context.countries):
            if verb - 40 <= c_start < verb and code != host and context.language in ("ar", "ru"):
                between = context.text[c_end:verb]
                adjective = _of_the_visitor(context, code, c_start, c_end)
                if adjective and len(between.split()) <= 2 and not re.search(r"[,.;:،؛]", between):
                    return code
    return ""


def _of_the_visitor(context: DocumentContext, code: str, start: int, end: int) -> bool:
    """ "визит Президента Республики Беларусь А. Лукашенко", "وصل وزير الخارجية السوري": a country that is part
    of the visitor's title, or an adjective describing him, is where he comes from, not where he goes."""
    written = context.text[start:end]
    if context.language == "ru" and written[:1].islower():
        return True  # "прибыла белорусская делегация": the adjective, the place is a noun ("в Беларусь")
    if context.language == "ar" and AR_ADJECTIVE.search(written):
        return True
    after = context.text[end : end + 40]
    person = next((p for p in context.people if end <= p.start <= end + 40), None)
    return bool(
        person
        and person.country in (code, "")
        and not re.search(r"[,.;:،؛(]", after[: person.start - end])
        and len(after[: person.start - end].split()) <= 3
    )


def _more_guests(context: DocumentContext, sentence: Sentence, origin: str, host: str) -> list[tuple[str, str]]:
    """ "received A, the minister of X, and B, the minister of Y" / "talks hosted by Z between A and his
    counterpart B": each guest country that the first reading did not take is a visit of its own."""
    received = RECEIVED.search(sentence.text)
    if not received or not host or not origin:
        return []
    passive = passive_by(sentence.text, received)
    span = (sentence.start, sentence.end) if passive else (sentence.start + received.end(), sentence.end)
    extra: list[tuple[str, str]] = []
    for person in context.people_in(*span):
        country = person.country
        if not country or country in (host, origin) or resident(context, person):
            continue
        if country not in {c for c, _h in extra}:
            extra.append((country, person.name))
    return extra
