"""Readings of the delegation reader (``visits.py``) for shapes a plain "X visited Y" sentence does not show:
the head named in a sentence without the word for a delegation, another person's earlier visit told in passing,
a host named only by "in <country>", the reporting country's own official at talks abroad, and who is posted
where he is met (an ambassador's calls are no visit)."""

from __future__ import annotations

import re

from .base import compile_cue
from .context import DocumentContext, PersonRef, Sentence
from .visit_cues import EMBASSY_STAFF, HEADED_BY, RECEIVED, RESIDENT, VISIT

# "during Hu's visit to the United States in January last year": a visit of someone else, told in passing.
_POSSESSIVE_VISIT = compile_cue(r"(\w+)['’]s\s+(?:\w+\s+){0,2}?(?:visit|trip|tour)\s+to\s+(?:the\s+)?", re.I)
_LAST_YEAR = compile_cue(r"(?<!\w)(?:last\s+year|the\s+previous\s+year|years?\s+ago)(?!\w)", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def earlier_visits(context: DocumentContext, sentence: Sentence, head: str):
    """ "X said his visit carries out what was agreed during Hu's visit to the United States in January last
    year": another person's earlier visit, dated before the article, is a visit of its own (the reading of the
    sentence is the visit the story is about)."""
    for match in _POSSESSIVE_VISIT.finditer(sentence.text):
        when = sentence.text[match.end() : match.end() + 60]
        today = context.document_date
        years = [int(y) for y in _YEAR.findall(when)]
        if not (_LAST_YEAR.search(when) or (today and years and max(years) < today.year)):
            continue
        position = sentence.start + match.end()
        host = next((c for c, c_start, _e in context.countries if position - 4 <= c_start <= position + 4), "")
        word = match.group(1)
        person = next(
            (p for p in reversed(context.people_in(0, sentence.start + match.start() + 1)) if word in p.name.split()),
            None,
        )
        if not host or person is None or person.name == head:
            continue
        origin = person.country or context.country_of(person.name)
        if not origin and host in context.main_countries and len(context.main_countries) == 2:
            origin = next(c for c in context.main_countries if c != host)
        if origin and origin != host:
            anchor = re.search(r"(?:visit|trip|tour)", match.group(0), re.I)
            yield _Shifted(match, anchor), origin, host, person.name


class _Shifted:
    """A match on the word for the visit inside a longer match, read as a match of its own."""

    def __init__(self, outer: re.Match, inner: re.Match) -> None:
        self._start = outer.start() + inner.start()
        self._text = inner.group(0)

    def start(self) -> int:
        return self._start

    def group(self, _index: int = 0) -> str:
        return self._text


def head_of_party(context: DocumentContext, sentence: Sentence) -> str:
    """The person named right after "headed by" / "led by" ("headed by its Director General X")."""
    headed = HEADED_BY.search(sentence.text)
    if not headed:
        return ""
    position = sentence.start + headed.end()
    after = context.people_in(position, min(sentence.end, position + 120))
    if not after or re.search(r"[.;:،؛]", context.text[position : after[0].start]):
        return ""
    return after[0].name


def subject_abroad(context: DocumentContext, start: int, cue: int, host: str) -> PersonRef | None:
    """The one who holds the talks, named before the verb with a title that gives no country, while those
    he meets come from several countries, each named: the report is his own country's ("the Moroccan minister
    also held talks with …"). His country is the one named next to his rank; with none, he is still not one
    of those he met, and no visit is read."""
    before = context.people_in(start, cue)
    if not before or before[0].country or resident(context, before[0]):
        return None
    subject = before[0]
    others = {p.country for p in context.people if p.country}
    if len(others - {host}) < 2:
        return None  # one guest country: the one with no country is the host's own official
    words = (subject.title or context.title_of(subject.name)).split()
    rank = re.sub(r"^(?:ال|the\s)", "", words[0].lower()) if words else ""
    own = {
        code
        for code, c_start, c_end in context.countries
        if code not in others
        and code != host
        and len(rank) > 2
        # "الوزير المغربي", "the Moroccan minister": the country next to his rank, not in another's title
        and rank in " ".join(context.text[max(0, c_start - 15) : c_end + 15].lower().split()[1:-1])
    }
    country = next(iter(own)) if len(own) == 1 else ""
    if not country:
        # "Qatar takes part in the GCC-EU council" … "Minister of State X held talks with A of Kuwait, B of
        # Spain": the one main country of the story that is neither the host nor anyone else's is his.
        mine = [c for c in context.main_countries if c != host and c not in others]
        country = mine[0] if len(mine) == 1 else ""
    return PersonRef(subject.name, country, subject.start, subject.end)


def resident(context: DocumentContext, person: PersonRef) -> bool:
    """An ambassador or chargé d'affaires, by his title or by the words just before his name; not one called
    the host minister's counterpart ("her Tanzanian counterpart, Ambassador X": "Ambassador" is an honorific
    of a minister, who travels)."""
    before = context.text[max(0, person.start - 60) : person.start]
    previous = [p for p in context.people if p.end <= person.start and p.end > person.start - 60]
    if previous:
        before = context.text[previous[-1].end : person.start]
    if any(_COUNTERPART.search(context.text, max(0, m.start - 50), m.start) for m in _mentions(context, person)):
        return False
    title = person.title or context.title_of(person.name)
    if RESIDENT.search(title) or EMBASSY_STAFF.search(title):
        return True
    if person.title:  # "Sharing the Ambassador's assessment, Deputy Prime Minister X": his own title says who he is
        return False
    return bool(RESIDENT.search(before))


_COUNTERPART = compile_cue(r"(?:counterpart|коллег\w*|نظير\w*)[\s,]+(?:\S+\s+){0,2}$", re.I)


def _mentions(context: DocumentContext, person: PersonRef) -> list[PersonRef]:
    return [p for p in context.people if p.name == person.name]


_IN = compile_cue(r"(?<!\w)in\s+", re.I)
_POSTED = compile_cue(r"(?:ambassador|embassy|consul\w*|mission|representative|office)\s+(?:\S+\s+){0,2}$", re.I)


def country_after_in(context: DocumentContext, sentence: Sentence, origin: str) -> str:
    """A place named by its country after the visit verb ("toured the centre in Djibouti"), where the place
    is not someone's post ("the Ambassador in Djibouti")."""
    visit = VISIT.search(sentence.text)
    if not visit or context.language != "en":
        return ""
    for where in _IN.finditer(sentence.text, visit.end()):
        position = sentence.start + where.end()
        code = next((c for c, c_start, _e in context.countries if position - 4 <= c_start <= position), "")
        before = context.text[max(sentence.start, position - 40) : sentence.start + where.start()]
        if code and code != origin and not _POSTED.search(before + " "):
            return code
    return ""


def sending_body_country(context: DocumentContext, position: int) -> str:
    """The country that closes the name of the sending body: "(from) the Ministry of Foreign Affairs of Ghana",
    "the Lao Ministry of Planning" (names of bodies are capitalised words joined by "of", "and", "the")."""
    for code, c_start, _c_end in context.countries:
        if position <= c_start <= position + 90:
            between = context.text[position:c_start]
            words = between.split()
            if re.search(r"[,.;:()]", between) or not all(w[:1].isupper() or w in _JOINERS for w in words):
                return ""
            return code
    return ""


_JOINERS = {"of", "and", "for", "the", "on", "&"}


def surname_before(context: DocumentContext, sentence: Sentence, position: int, host: str) -> list[PersonRef]:
    """ "Marsudi arrived in Dhaka this morning": the word before the verb is the surname of a person named in
    full earlier, who does not serve the host."""
    if context.language != "en":
        return []
    words = re.findall(r"[\w'’-]+", context.text[sentence.start : position])
    if not words or not words[-1][:1].isupper():
        return []
    word = re.sub(r"['’]s$", "", words[-1])
    for person in reversed(context.people_in(0, position)):
        if len(word) >= 2 and word in person.name.split() and person.country != host:
            return [PersonRef(person.name, person.country, position - len(words[-1]) - 1, position)]
    return []


def foreigner_after(context: DocumentContext, sentence: Sentence, position: int, host: str) -> str:
    """The first person after the word for the visit, within a few words and the same clause, whose country is
    known and is not the host's."""
    person = next(iter(context.people_in(position, min(sentence.end, position + 80))), None)
    if person is None or not person.country or person.country == host or not host:
        return ""
    between = context.text[position : person.start]
    return "" if re.search(r"[,.;:،؛]", between) or len(between.split()) > 8 else person.name


# "в этом грузинском городе", "в белорусскую столицу", "in the Ethiopian capital", "في العاصمة الأردنية": the
# place named by its country's adjective and a word for a city.
_CITY_WORD = compile_cue(r"(?<!\w)(?:city|capital|town|город\w*|столиц\w*|(?:ال)?عاصمة|(?:ال)?مدينة)(?!\w)", re.I)


def country_city_word(context: DocumentContext, sentence: Sentence) -> str:
    """The country of a place the sentence names only as "this Georgian city" / "the Ethiopian capital"."""
    for word in _CITY_WORD.finditer(sentence.text):
        start, end = sentence.start + word.start(), sentence.start + word.end()
        for code, c_start, c_end in context.countries:
            before = 0 <= start - c_end <= 2  # "грузинском городе", "Ethiopian capital"
            after = 0 <= c_start - end <= 2 and context.language == "ar"  # "العاصمة الأردنية"
            if before or after:
                return code
    return ""


def received_a_guest(context: DocumentContext, sentence: Sentence) -> re.Match | None:
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
    visitors = [p for p in after if not resident(context, p)]
    guests = {p.country for p in visitors if p.country}
    if not guests and visitors and hosts and len(set(context.main_countries) - hosts) == 1:
        guests = set(context.main_countries) - hosts  # a guest whose title names no country, in a two-country story
    end = sentence.start + received.end()
    if not after and _COUNTERPART_AFTER.match(context.text, end):
        # "the UAE's top diplomat received his Saudi counterpart", "Minister X welcomed his Kazakhstani counterpart
        # to Moscow": the guest told by his country alone; the host by the country before the verb, by his own
        # country or by the city
        hosts = set(context.countries_in(max(sentence.start, position - 60), position)[-1:]) or hosts
        guests = set(context.countries_in(end, end + 40)[:1])
    return received if guests - hosts else None


_COUNTERPART_AFTER = compile_cue(
    r"\s+(?:his|her|their)\s+[\w-]+\s+counterparts?\b|\s+своего\s+\w+\s+коллег\w*|\s+[وف]?نظير(?:ه|ها|هم)\s", re.I
)
