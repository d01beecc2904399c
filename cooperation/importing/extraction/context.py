"""What the relation extractors read: the document cut into sentences, with its people, dates and countries.

Relations (who visited whom, who headed, who signed) are read sentence by sentence: a cue word in a sentence
("headed by", "signed", "برئاسة", "подписали") says how the people, countries and dates of that sentence
relate. The document itself supplies what a sentence leaves out: its own date, its two main countries.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .agencies import reporting_country
from .base import _SENTENCE_END, Found
from .cities import find_cities
from .countries import POSTED_IN, find_countries


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class PersonRef:
    name: str  # the person's normal name, the key relations use
    country: str
    start: int
    end: int
    title: str = ""


@dataclass
class DocumentContext:
    text: str
    language: str
    document_date: dt.date | None
    sentences: list[Sentence]
    people: list[PersonRef]  # every mention of every person, in text order
    dates: list[Found]
    countries: list[tuple[str, int, int]]
    cities: list[tuple[str, str, int, int]] = field(default_factory=list)  # (country, as written, start, end)
    main_countries: list[str] = field(default_factory=list)
    # Last words of the people's names: Arabic family names are often nationality adjectives ("محمد شياع
    # السوداني", the Iraqi prime minister, whom the article then calls "السوداني" alone), which tell no country.
    surnames: frozenset[str] = frozenset()

    def find_countries(self, fragment: str) -> list[tuple[str, int, int]]:
        """The countries a fragment of this document names, its people's surnames aside."""
        return _surnames_aside(fragment, self.surnames)

    def cities_in(self, start: int, end: int) -> list[tuple[str, str, int, int]]:
        return [c for c in self.cities if start <= c[2] < end]

    @property
    def dateline_city(self) -> tuple[str, str, int, int] | None:
        """The city the report was filed from ("ABU DHABI, 5th March (WAM) --"), if the text opens with one."""
        return next((c for c in self.cities if c[2] < 300), None)

    def people_in(self, start: int, end: int) -> list[PersonRef]:
        """Distinct people mentioned in ``start..end``, in order of first mention there."""
        seen: dict[str, PersonRef] = {}
        for ref in self.people:
            if start <= ref.start < end and ref.name not in seen:
                seen[ref.name] = ref
        return list(seen.values())

    def countries_in(self, start: int, end: int) -> list[str]:
        codes: list[str] = []
        for code, c_start, _c_end in self.countries:
            if start <= c_start < end and code not in codes:
                codes.append(code)
        return codes

    def dates_in(self, start: int, end: int) -> list[Found]:
        return [d for d in self.dates if start <= d.evidence.start < end and d.value.get("start")]

    def title_of(self, name: str) -> str:
        return next((p.title for p in self.people if p.name == name and p.title), "")

    def country_of(self, name: str) -> str:
        return next((p.country for p in self.people if p.name == name and p.country), "")

    def give_country(self, name: str, country: str, *, replacing: tuple[str, ...] = ("",)) -> None:
        """Every mention of ``name`` whose country is one of ``replacing`` (by default: none) serves ``country``."""
        for ref in self.people:
            if ref.name == name and ref.country in replacing:
                ref.country = country

    def sentence_at(self, position: int) -> Sentence:
        return next((s for s in self.sentences if s.start <= position < s.end), self.sentences[-1])


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            sentences.append(Sentence(start, end, text[start:end]))
        start = end
    if text[start:].strip() or not sentences:
        sentences.append(Sentence(start, len(text), text[start:]))
    return sentences


# Where a dateline ends: "HAVANA, Cuba, Jan 8 (ACN) - ", "МОСКВА, 10 мая. /ТАСС/. ", "أبوظبي في 5 مارس / وام / ".
_DATELINE_END = re.compile(r"\s(?:--|—|–|-)\s|\)\s*(?:--|—|–|-|:)\s*|/[^/\n]{2,30}/\.?\s|\(\w[^()\n]{1,30}\)\s*[.:]?\s")


def _dateline_apart(sentences: list[Sentence], cities: list[tuple[str, str, int, int]]) -> list[Sentence]:
    """A report filed from a city opens with it; that city is where the agency sits, often not where the story
    happens ("HAVANA (ACN) - The Cuban minister ... in Mexico, where he arrived"), so the dateline is a sentence
    of its own and the places of the first sentence are the story's."""
    for index, sentence in enumerate(sentences[:3]):
        line_start = sentence.text.rfind("\n") + 1
        opening = sentence.text[line_start:]
        lead = len(opening) - len(opening.lstrip())
        city = next((c for c in cities if c[2] == sentence.start + line_start + lead), None)
        if city is None:
            continue
        end = _DATELINE_END.search(sentence.text, city[3] - sentence.start, city[3] - sentence.start + 100)
        if end is None:
            return sentences
        cut = end.end()
        head = Sentence(sentence.start, sentence.start + cut, sentence.text[:cut])
        rest = Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])
        return [*sentences[:index], head, rest, *sentences[index + 1 :]]
    return sentences


def build_context(
    text: str, *, language: str, document_date: dt.date | None, people: list[Found], dates: list[Found]
) -> DocumentContext:
    refs: list[PersonRef] = []
    for person in people:
        for evidence in [person.evidence, *person.extra_evidence]:
            refs.append(
                PersonRef(
                    person.value["normal"],
                    person.value.get("country") or "",
                    evidence.start,
                    evidence.end,
                    person.value.get("title_normal") or person.value.get("title") or "",
                )
            )
    # "a wreath at the statue of X", "a boulevard that bears the name of X": X is honoured, not present, so his
    # name is no mention of anyone who visited, hosted, met or signed.
    # Nor is the sender of a message someone carries ("a letter from President X"): he stayed at home.
    refs = [
        ref
        for ref in refs
        if not _COMMEMORATED.search(text, max(0, ref.start - 60), ref.start)
        and not _SENDER.search(text, max(0, ref.start - 80), ref.start)
    ]
    refs.sort(key=lambda r: r.start)
    surnames = frozenset(ref.name.split()[-1] for ref in refs if len(ref.name.split()) > 1)

    def in_a_name(position: int) -> bool:  # "Gabriel Mbega Obiang Lima" signed: no place, no country
        return any(ref.start <= position < ref.end for ref in refs)

    countries = [hit for hit in _surnames_aside(text, surnames) if not in_a_name(hit[1])]
    cities = [city for city in find_cities(text) if not in_a_name(city[2])]
    context = DocumentContext(
        text=text,
        language=language,
        document_date=document_date,
        sentences=_dateline_apart(split_sentences(text), cities),
        people=refs,
        dates=dates,
        countries=countries,
        cities=cities,
        surnames=surnames,
    )
    # The two countries the document is about: most mentioned, ties broken by first mention.
    counts = Counter(code for code, _s, _e in countries)
    order = {code: i for i, (code, _s, _e) in reversed(list(enumerate(countries)))}
    context.main_countries = sorted(counts, key=lambda c: (-counts[c], order[c]))[:2]
    _fill_people_countries(context)
    return context


_WORDS_BEFORE = r"(?:[^\s.;!?،؛]+\s+){0,5}$"
_COMMEMORATED = re.compile(
    r"(?:(?<!\w)(?:statue|monument|memorial|mausoleum|tomb|grave|bust)\s+(?:of|to)|named\s+after|"
    r"bears?\s+the\s+name\s+of|in\s+(?:honou?r|memory)\s+of|(?<!\w)(?:памятник|мемориал|мавзоле|могил|бюст)\w*|"
    r"носящ\w+\s+имя|(?<!\w)(?<!от\s)имени|(?<!\w)(?:ضريح|نصب|تمثال|قبر)|(?:يحمل|تحمل)\s+اسم)\s+" + _WORDS_BEFORE,
    re.I,
)

_SENDER = re.compile(
    r"(?:(?<!\w)(?:message|letter|greetings)\s+from|(?<!\w)(?:послани\w*|письм\w*|приветстви\w*)\s+от|"
    r"(?<!\w)(?:رسال(?:ة|تين)|برقية)\s+(?:\S+\s+){0,2}?من)\s+"
    r"(?:(?!(?:to|for|إلى|الى|к|ко|для)\s)[^\s.;!?،؛]+\s+){0,5}$",
    re.I,
)


def _surnames_aside(text: str, surnames: frozenset[str]) -> list[tuple[str, int, int]]:
    return [hit for hit in find_countries(text) if text[hit[1] : hit[2]] not in surnames]


# Right after the name, past its own title between commas: "X, Director General, signed it on behalf of Y".
_ON_BEHALF = re.compile(
    r"(?:\s*,[^,]{0,120},)?[^,]{0,40}?(?:on behalf of|от имени|نيابة عن|عن الجانب)\s+(.{0,60})", re.I
)


_BEHALF_BEFORE = re.compile(r"(?:on behalf of|от имени|عن الجانب|نيابة عن)\s+(.{0,40}?)\s+(?:by|—|-)\s", re.I)


# A clause ends at a full stop, but not at the dot of an initial or abbreviation ("his U.S. counterpart X").
# "with" starts the other party: "الرئيس الإندونيسي … مع رئيس الوزراء X" says nothing of X's country; so does
# "called on" ("X, Governor of Yunnan, China, paid a call on the Minister of Foreign Affairs, Y").
_CLAUSE_END = re.compile(
    r"[;\n،,]|(?<!\b\w)\.|\b(?:with|meet|meets|met|received|welcomed|(?:call|calls|called)\s+on|مع|с|со)\s"
)


_MET_WITH = re.compile(r"(?:التقى|التقت|اجتمع|اجتمعت|يلتقي|تلتقي)\s[^،.]*?\s(?=ب\S{3,})")


def _one_country(clause: str, hits: list, language: str) -> bool:
    """The clause before a name points at one country, or its title does ("Egypt's and Spain's Foreign Ministers,
    X": English and Russian put a country before the title's words, Arabic right after them): "talks between the
    delegations of Egypt and Spain, headed by Minister X" says nothing of X's."""
    after = len(clause[hits[-1][2] :].split())
    return len({code for code, _s, _e in hits}) == 1 or after <= (0 if language == "ar" else 3)


def _fill_people_countries(context: DocumentContext) -> None:
    """A person whose title names no country often has one right before the name ("Serbian Minister X",
    "министр юстиции России X" is already in the title); failing that, none is guessed."""
    previous_end = 0
    for ref in context.people:
        if ref.country or context.country_of(ref.name):
            ref.country = ref.country or context.country_of(ref.name)
            previous_end = ref.end
            continue
        # Only the words since the previous person: "President of Uzbekistan X received Y" says nothing of Y.
        window_start = max(previous_end, ref.start - 80)
        window = context.text[window_start : ref.start]
        clause = _CLAUSE_END.split(window)[-1]
        met = _MET_WITH.search(clause)
        if met:  # "التقى الوزير السوري بالفريق أول X": «ب» after the verb of meeting starts the other party
            clause = clause[met.end() :]
        # "سفير خادم الحرمين الشريفين لدى إسبانيا X", "Ambassador to Spain X": where he is posted, not whom he serves
        hits = [hit for hit in context.find_countries(clause) if not POSTED_IN.search(clause[: hit[1]])]
        before = _BEHALF_BEFORE.search(window)  # "… and on behalf of South Korea by the Minister of …, X"
        if hits and _one_country(clause, hits, context.language):
            ref.country = hits[-1][0]
        elif before and context.find_countries(before.group(1)):
            ref.country = context.find_countries(before.group(1))[0][0]
        else:  # "X signed on behalf of the Government of Malaysia" (right after the name, not a later clause)
            after = context.text[ref.end : ref.end + 160]
            behalf = _ON_BEHALF.match(re.split(r"[.;\n]", after)[0])
            hits = context.find_countries(behalf.group(1)) if behalf else []
            ref.country = hits[0][0] if hits else ""
        previous_end = ref.end
    for ref in context.people:  # every mention of one person shares what any mention revealed
        if not ref.country:
            ref.country = context.country_of(ref.name)
    _counterparts(context)
    _sides(context)
    home = reporting_country(context.text)
    for ref in context.people:  # "القاهرة (أ ش أ): … سامح شكري، وزير الخارجية": the agency's country's minister
        if not home or ref.country or not context.title_of(ref.name) or context.country_of(ref.name):
            continue
        # Not the next of a list of another country's officials ("the Spanish King X, Prime Minister Y and
        # Speaker Z"): the list says whose they are, even when it does not repeat it.
        sentence = context.sentence_at(ref.start)
        before = context.text[max(sentence.start, ref.start - 100) : ref.start]
        listed = [code for code, _s, _e in context.find_countries(before)]
        if all(code == home for code in listed):
            ref.country = home


# "X and his Spanish counterpart Y", "X и его испанский коллега Y", "X ونظيره الإسباني Y".
_COUNTERPART_NEXT = re.compile(
    r"^[\s,]*(?:and (?:his|her) (?:\S+ ){0,2}counterpart|и (?:его|ее|её) (?:\S+ ){0,2}коллег\w*|"
    r"و?نظير(?:ه|ها|يه|تها))\b",
    re.I,
)


# A sentence that opens with one side lists that side's people: "On the Guyanese side, the President was joined by
# A; B; and C", "С белорусской стороны в переговорах участвовали …", "ومن الجانب العماني حضر …".
SIDE_OPENS = re.compile(
    r"^\W*(?:(?:On|From) the (\S+(?: \S+)?) side\b|(?:С|Со) (\S+) стороны\b|و?(?:من|عن) الجانب (\S+))", re.I
)


def _sides(context: DocumentContext) -> None:
    for sentence in context.sentences:
        opens = SIDE_OPENS.match(sentence.text)
        hits = context.find_countries(next(g for g in opens.groups() if g)) if opens else []
        if not hits:
            continue
        for ref in context.people_in(sentence.start, sentence.end):
            context.give_country(ref.name, hits[0][0])


def _counterparts(context: DocumentContext) -> None:
    """Of two counterparts, the one whose country the article does not say is from the other of the two countries
    it is about: "Foreign Minister X and his Spanish counterpart Y" in an article about Egypt and Spain."""
    if len(context.main_countries) != 2:
        return
    for ref, other in itertools.pairwise(context.people):
        # No country told, or the one a guess gave that the counterpart's own nationality contradicts ("the
        # Norwegian capital saw Minister X and her Norwegian counterpart Y sign").
        if ref.country not in ("", other.country) or other.country not in context.main_countries:
            continue
        if _COUNTERPART_NEXT.match(context.text[ref.end : other.start]):
            country = next(c for c in context.main_countries if c != other.country)
            context.give_country(ref.name, country, replacing=("", other.country))
