"""Russian people: natasha finds PER spans, surname + initials patterns ("Шапкиной Ю.А.") find the rest.

Every name is put in the nominative word by word: the case of the name comes from its context (the head of
the title next to it, a preposition before it) rather than from the tagger, which often guesses wrong for
foreign names; known Russian names are inflected with pymorphy3, Russian-shaped surnames by their endings,
and other (foreign) words by the regular endings of the case ("Шаабана" -> "Шаабан", "Оламой" -> "Олама").
Lower-case particles (бин, ибн, аль, ас-) stay inside the name. The title is the noun phrase just before
the name ("заместителем Министра ... <name>") or, failing that, the apposition after it ("<name>, министр
...", "<name> — советник ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import find_countries
from .people_base import Mention, organisation_in
from .people_ru_filters import arabic_name_read_as_place, is_place, lone_word_kept
from .people_ru_forms import (
    HEAD_LEMMAS,
    PARTICLES,
    capitalise,
    gender_of,
    is_head,
    lemma_of,
    parses_of,
    particle,
    title_nominative,
    word_nominative,
)

# Adjectives that belong to a title ("Чрезвычайный и Полномочный Посол", "первый заместитель").
_RU_TITLE_ADJECTIVES = {
    "генеральный", "первый", "чрезвычайный", "полномочный", "государственный", "временный", "исполнительный",
    "постоянный", "специальный", "главный", "старший", "ответственный", "парламентский", "верховный",
    "наследный", "федеральный", "региональный", "почётный", "почетный", "заместитель", "официальный",
    "особый", "торговый", "военный", "исполняющий",
}  # fmt: skip
_RU_HONORIFICS = {
    "господин", "госпожа", "г-н", "г-жа", "шейх", "шейха", "доктор", "д-р", "профессор", "лорд", "леди", "сэр",
}  # fmt: skip
# A name after these is the name of a place or an institution ("Центр Мохаммеда бин Рашида").
_ORG_HEADS = {
    "центр", "фонд", "фаундейшн", "университет", "школа", "премия", "академия", "институт", "программа", "проспект",
    "улица", "площадь", "аэропорт", "мечеть", "парк", "музей", "библиотека", "госпиталь", "больница", "лицей",
    "стадион", "порт", "компания", "корпорация", "орден", "медаль", "конкурс", "колледж", "инициатива", "зал",
    "имя", "им", "район", "город", "бульвар", "набережная", "мост", "станция", "завод", "комплекс", "дворец", "кубок",
    "гимназия", "фестиваль", "форум", "награда", "стипендия", "мавзолей", "памятник", "храм", "остров",
}  # fmt: skip
# Case that a preposition right before a name demands.
_PREPOSITION_CASE = {
    "с": "ablt", "со": "ablt", "за": "ablt", "под": "ablt", "перед": "ablt", "над": "ablt", "между": "ablt",
    "у": "gent", "от": "gent", "для": "gent", "до": "gent", "без": "gent", "из": "gent", "около": "gent",
    "после": "gent", "кроме": "gent", "среди": "gent", "возле": "gent", "вместо": "gent", "со стороны": "gent",
    "к": "datv", "ко": "datv", "по": "datv", "благодаря": "datv", "согласно": "datv",
    "о": "loct", "об": "loct", "при": "loct",
}  # fmt: skip
_NATASHA_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NATASHA_CASE.update({"Par": "gent", "Voc": "nomn"})
# Prepositions and punctuation that may stand inside a title ("посол Египта в Москве", "по делам ...").
_TITLE_PREPOSITIONS = {"в", "во", "по", "при", "на", "для"}
_TITLE_PUNCT = {"«", "»", '"', "-", "„", "“", "”", "’", "'"}

_INITIALS = r"[А-ЯЁ]\.(?:[ \u00a0]?[А-ЯЁ]\.)?"
_SURNAME = r"[А-ЯЁ](?:[а-яё]+|[’'][А-ЯЁ][а-яё]+)(?:-[А-ЯЁ][а-яё]+)?"
_RU_INITIALS = re.compile(rf"(?<![\w.])(?P<surname>{_SURNAME})[ \u00a0]?(?P<initials>{_INITIALS})(?![\w])")
_RU_INITIALS_FIRST = re.compile(rf"(?<![\w.])(?P<initials>{_INITIALS})[ \u00a0]?(?P<surname>{_SURNAME})(?![\w])")


@lru_cache(maxsize=1)
def natasha_pipeline():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Doc, Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


# --- the document ---------------------------------------------------------------------------------------------


@dataclass
class _Token:
    text: str
    start: int
    stop: int
    pos: str
    case: str  # pymorphy grammeme ("gent"), "" when the tagger gives none


@dataclass
class _Candidate:
    start: int
    end: int
    first: int  # token indexes
    last: int
    confidence: float
    initials: re.Match | None = None
    honorific: str = ""


def extract_russian(text: str) -> list[Mention]:
    Doc, segmenter, _morph_vocab, morph_tagger, ner_tagger = natasha_pipeline()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.tag_ner(ner_tagger)
    tokens = [
        _Token(t.text, t.start, t.stop, t.pos or "", _NATASHA_CASE.get((t.feats or {}).get("Case", ""), ""))
        for t in doc.tokens
    ]
    starts = {t.start: i for i, t in enumerate(tokens)}
    stops = {t.stop: i for i, t in enumerate(tokens)}

    candidates: list[_Candidate] = []
    # A word natasha reads as a place anywhere in the article is not a person's name elsewhere in it.
    places = {w for span in doc.spans if span.type == "LOC" for w in span.text.split()}
    for span in doc.spans:
        if span.start not in starts or span.stop not in stops:
            continue
        arabic = span.type == "LOC" and arabic_name_read_as_place(doc.tokens[starts[span.start] : stops[span.stop] + 1])
        if not arabic and (span.type != "PER" or all(w in places for w in span.text.split())):
            continue
        candidate = _clean_span(text, tokens, starts[span.start], stops[span.stop], place_words_ok=arabic)
        if candidate is not None:
            candidates.append(candidate)
    # Surnames with initials: the pattern knows which word is the surname, so it wins over natasha's span.
    matches = [
        m
        for pattern in (_RU_INITIALS, _RU_INITIALS_FIRST)
        for m in pattern.finditer(text)
        if m.start() in starts and m.end() in stops and _surname_like(m.group("surname"))
    ]
    matches.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    for match in matches:
        start, end = match.span()
        overlapping = [c for c in candidates if start < c.end and c.start < end]
        if any(c.initials is not None for c in overlapping):
            continue
        candidates = [c for c in candidates if c not in overlapping]
        candidates.append(_Candidate(start, end, starts[start], stops[end], 0.7, match))
    candidates.sort(key=lambda c: c.start)
    spans = [(c.first, c.last) for c in candidates]

    mentions: list[Mention] = []
    attested: set[str] = set()  # words seen in a nominative context: they are not declined forms
    cases: list[str] = []
    titles: list[tuple[int, int, str]] = []
    for candidate in candidates:
        title_start, title_end, head = _title_before(text, tokens, candidate.first, spans)
        after = False
        if head is None:
            title_start, title_end, head = _title_after(text, tokens, candidate.last, spans)
            after = head is not None
        case = _name_case(tokens, candidate, head, after)
        cases.append(case)
        titles.append((title_start, title_end, text[title_start:title_end] if head is not None else ""))
        if case == "nomn":
            attested.update(text[candidate.start : candidate.end].split())
    for candidate, case, (title_start, _title_end, title) in zip(candidates, cases, titles, strict=True):
        name = text[candidate.start : candidate.end]
        normal = _normal(candidate, name, case, attested)
        country = _country(text, title, title_start, candidate, titles)
        mentions.append(
            Mention(
                name=name,
                normal=normal,
                start=candidate.start,
                end=candidate.end,
                title=title,
                title_normal=title_nominative(title) if title else "",
                organisation=organisation_in(title),
                country=country,
                honorific=candidate.honorific,
                confidence=candidate.confidence + (0.15 if title else 0.0),
            )
        )
    mentions = [m for m in mentions if lone_word_kept(m, mentions)]
    _initials_to_full_names(mentions)
    return mentions


def _initials_to_full_names(mentions: list[Mention]) -> None:
    """ "О’Коннор Э." is "Эйлин О’Коннор" when the article also gives the full name."""
    full = [m.normal.split() for m in mentions if not re.search(r"\w\.", m.normal) and len(m.normal.split()) >= 2]
    for mention in mentions:
        match = re.fullmatch(r"(?P<surname>\S+) (?P<initial>\w)\.(?:\w\.)?", mention.normal)
        if not match:
            continue
        surname, initial = match.group("surname").lower(), match.group("initial").lower()
        fits = [
            words
            for words in full
            if (words[-1].lower() == surname and words[0][:1].lower() == initial)
            or (words[0].lower() == surname and words[-1][:1].lower() == initial)  # surname first (Маэда Сигэки)
        ]
        if len({" ".join(words) for words in fits}) == 1:
            mention.normal = " ".join(fits[0])


def _clean_span(
    text: str, tokens: list[_Token], first: int, last: int, *, place_words_ok: bool = False
) -> _Candidate | None:
    """A natasha PER span without title words or honorifics at its edges, with the particles of the name."""
    # A span never crosses a line ("А.К.\n\nВ ходе").
    for index in range(first, last):
        if "\n" in text[tokens[index].stop : tokens[index + 1].start]:
            last = index
            break
    while first <= last and (
        is_head(tokens[first].text)
        or lemma_of(tokens[first].text.lower()) in _RU_TITLE_ADJECTIVES | _RU_HONORIFICS
        or tokens[first].text in PARTICLES | {"и", "-"}
    ):
        first += 1
    while first <= last and (particle(tokens[last].text) or not tokens[last].text[:1].isalpha()):
        last -= 1
    # Particles and the rest of the name after them ("Мухаммед бин Рашид" + " Аль Мактум").
    while last + 2 < len(tokens) and particle(tokens[last + 1].text) and _name_word(tokens[last + 2]):
        if text[tokens[last].stop : tokens[last + 2].start].count(" ") > 2:
            break
        last += 2
        while (
            last + 1 < len(tokens) and _name_word(tokens[last + 1]) and tokens[last + 1].start - tokens[last].stop == 1
        ):
            last += 1
    if first > last:
        return None
    words = [t.text for t in tokens[first : last + 1]]
    names = [w for w in words if w[:1].isupper() and not particle(w)]
    if not names or any(not (w[:1].isupper() or particle(w) or w in "’'-." or (w[:1].islower() and "-" in w))
                        for w in words):  # fmt: skip
        return None
    if any(is_head(w) or lemma_of(w.lower()) in _RU_TITLE_ADJECTIVES for w in names):
        return None
    if len(names) == 1 and (names[0].isupper() and len(names[0]) > 1):  # an abbreviation ("ОАЭ")
        return None
    if _institution(tokens, first, last) or lemma_of(names[-1].lower()) in _ORG_HEADS:
        return None  # "… Блу Марин Фаундейшн": a transliterated institution's name ends with its kind
    start, end = tokens[first].start, tokens[last].stop
    if (not place_words_ok and all(is_place(w) for w in names)) or any(
        s == 0 and e == end - start for _code, s, e in find_countries(text[start:end])
    ):
        return None
    return _Candidate(start, end, first, last, 0.75, honorific=_honorific(tokens, first))


def _honorific(tokens: list[_Token], first: int) -> str:
    if first > 0 and lemma_of(tokens[first - 1].text.lower()) in _RU_HONORIFICS:
        word = tokens[first - 1].text
        lemma = lemma_of(word.lower())
        return capitalise(lemma) if word[:1].isupper() else lemma
    return ""


def _institution(tokens: list[_Token], first: int, last: int) -> bool:
    """The name is part of a place's or an institution's name: "Центр Мохаммеда бин Рашида", "премия
    Мохаммеда бин Рашида", "мечеть шейха Зайда", "имени Аль Фараби", "Назарбаев Университет"."""
    before = first - 1
    if before >= 0 and lemma_of(tokens[before].text.lower()) in _RU_HONORIFICS:
        before -= 1
    if before >= 0:
        word = tokens[before].text
        lemma = lemma_of(word.lower())
        if lemma in ("имя", "имени", "им") or word.lower() in ("имени", "им"):
            return True
        if lemma in _ORG_HEADS:
            # "ректор университета Ержан Садыков" is a person: the institution belongs to a title.
            titled = any(is_head(t.text) for t in tokens[max(0, before - 3) : before])
            if word[:1].isupper() or not titled:
                return True
    after = last + 1
    return (
        after < len(tokens) and tokens[after].text[:1].isupper() and lemma_of(tokens[after].text.lower()) in _ORG_HEADS
    )


def _surname_like(word: str) -> bool:
    lemma = lemma_of(word.lower())
    if lemma in HEAD_LEMMAS or lemma in _ORG_HEADS or is_place(word):
        return False
    parses = parses_of(word)
    if any({"Surn", "Name"} & p.tag.grammemes for p in parses) or not parses[0].is_known:
        return True
    return parses[0].tag.POS in ("NOUN", None) or bool(re.search(r"(?:ск|цк)\w+$", word))


def _name_word(token: _Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha() and not is_head(token.text)


def _stop_before(text: str, tokens: list[_Token], index: int) -> bool:
    """The token cannot be part of a title that reaches the name to its right."""
    token = tokens[index]
    if "\n" in text[token.stop : tokens[index + 1].start] if index + 1 < len(tokens) else False:
        return True
    low = token.text.lower()
    if token.pos in ("NOUN", "PROPN", "ADJ", "NUM", "X"):
        return low in _PREPOSITION_CASE or lemma_of(low) in ("который", "свой", "этот", "его", "её", "их")
    if token.pos == "ADP":
        return low not in _TITLE_PREPOSITIONS
    if token.pos == "CCONJ":
        return low != "и"
    if token.pos == "PUNCT":
        return token.text not in _TITLE_PUNCT
    return True


def _title_before(
    text: str, tokens: list[_Token], first: int, spans: list[tuple[int, int]]
) -> tuple[int, int, int | None]:
    """(start, end, head token) of the title right before the name at token ``first``."""
    found = _title_tokens_before(text, tokens, first, spans)
    if found is None:
        return 0, 0, None
    start, last, top = found
    return tokens[start].start, tokens[last].stop, top


def _title_tokens_before(
    text: str, tokens: list[_Token], first: int, spans: list[tuple[int, int]]
) -> tuple[int, int, int] | None:
    end_index = first - 1
    heads: list[int] = []
    index = end_index
    top = None
    while index >= 0 and not _stop_before(text, tokens, index):
        if any(a <= index <= b for a, b in spans):
            break
        if is_head(tokens[index].text) and tokens[index].pos in ("NOUN", "PROPN", "ADJ"):
            heads.append(index)
            # A head in another case than the genitive is the top of the noun phrase.
            if tokens[index].case not in ("gent", "") and (
                index == 0 or tokens[index - 1].text.lower() not in _TITLE_PREPOSITIONS
            ):
                top = index
                break
        index -= 1
    if top is None:
        if not heads:
            return None
        top = heads[-1]
    start = _extend_left(tokens, top)
    # Titles of one person joined by a comma ("статс-секретаря, заместителя министра ...") or stacked
    # ("министр энергетики Саудовской Аравии принц <name>").
    while start >= 1:
        comma = tokens[start - 1].text == ","
        previous = _title_tokens_before(text, tokens, start - 1 if comma else start, spans)
        if previous is None or tokens[previous[2]].case != tokens[top].case:
            break
        if previous[1] != start - (2 if comma else 1) or previous[0] >= start:
            break
        start = previous[0]
    # Do not end a title on a conjunction or a dangling preposition.
    last = end_index
    while last > start and (tokens[last].text.lower() in _TITLE_PREPOSITIONS | {"и"} or tokens[last].text in "«„“"):
        last -= 1
    if last < start:
        return None
    return start, last, top


def _extend_left(tokens: list[_Token], top: int) -> int:
    """Extend a title left over its adjectives ("Чрезвычайным и Полномочным Послом", "египетский лидер")."""
    index = top
    while index > 0:
        previous = tokens[index - 1]
        low = previous.text.lower()
        if low == "и" and index > 1 and _title_adjective(tokens[index - 2]) and _title_adjective(tokens[index]):
            index -= 1
            continue
        if _title_adjective(previous):
            index -= 1
            continue
        break
    return index


def _title_adjective(token: _Token) -> bool:
    if token.pos not in ("ADJ", "PROPN", "NOUN") and not token.text[:1].isupper():
        return False
    parse = parses_of(token.text.lower())[0]
    lemma = parse.normal_form
    if lemma in _RU_TITLE_ADJECTIVES:
        return True
    if parse.tag.POS not in ("ADJF", "PRTF"):
        return False
    return lemma.endswith(("ский", "цкий")) or token.text[:1].isupper()


def _title_after(
    text: str, tokens: list[_Token], last: int, spans: list[tuple[int, int]]
) -> tuple[int, int, int | None]:
    """(start, end, head token) of an apposition after the name: "<name>, министр ...", "<name> — советник"."""
    index = last + 1
    if index >= len(tokens) or tokens[index].text not in (",", "—", "–", "-", "("):
        return 0, 0, None
    if "\n" in text[tokens[last].stop : tokens[index].start]:
        return 0, 0, None
    index += 1
    start = index
    head = None
    while index < len(tokens) and index - start < 4:
        if is_head(tokens[index].text) and tokens[index].pos in ("NOUN", "PROPN", "ADJ"):
            head = index
            break
        if not _title_adjective(tokens[index]) and tokens[index].text.lower() != "и":
            break
        index += 1
    if head is None:
        return 0, 0, None
    end = head
    index = head + 1
    while index < len(tokens):
        if "\n" in text[tokens[index - 1].stop : tokens[index].start]:
            break
        if any(a <= index <= b for a, b in spans):
            break
        token = tokens[index]
        low = token.text.lower()
        if token.pos in ("NOUN", "PROPN", "ADJ", "NUM", "X") and low not in _PREPOSITION_CASE:
            if is_head(token.text) and token.case not in ("gent", "") and token.case == tokens[head].case:
                break  # another person's title ("министром X и министром Y")
            end = index
        elif not ((token.pos == "ADP" and low in _TITLE_PREPOSITIONS) or (token.pos == "CCONJ" and low == "и")
                  or token.text in _TITLE_PUNCT):  # fmt: skip
            break
        index += 1
    while end > head and tokens[end].text in _TITLE_PUNCT:
        end -= 1
    return tokens[start].start, tokens[end].stop, head


def _name_case(tokens: list[_Token], candidate: _Candidate, head: int | None, after: bool) -> str:
    """The case of the name: the case of the title head it stands in apposition to, else of a preposition
    right before it, else what the tagger says of its words."""
    if head is not None and tokens[head].case:
        case = tokens[head].case
        if case == "accs" and tokens[head].text.lower().endswith(("а", "я")):
            case = "gent"  # animate accusative has the genitive's form
        return case
    if candidate.first > 0:
        previous = tokens[candidate.first - 1].text.lower()
        if previous in _PREPOSITION_CASE:
            return _PREPOSITION_CASE[previous]
    votes: dict[str, int] = {}
    for token in tokens[candidate.first : candidate.last + 1]:
        if not token.case or not token.text[:1].isupper() or len(token.text) < 2:
            continue
        known = any(p.is_known and {"Name", "Surn"} & p.tag.grammemes for p in parses_of(token.text))
        votes[token.case] = votes.get(token.case, 0) + (2 if known else 1)
    if not votes:
        return "nomn"
    return max(votes, key=lambda c: (votes[c], c == "nomn"))


def _normal(candidate: _Candidate, name: str, case: str, attested: set[str]) -> str:
    if candidate.initials is not None:
        surname = candidate.initials.group("surname")
        initials = candidate.initials.group("initials").replace(" ", "")
        nominative = surname if surname in attested else word_nominative(surname, case, "")
        return f"{nominative} {initials}"
    words = name.split()
    gender = gender_of(words, case)
    out = []
    for word in words:
        if word in attested:
            out.append(word)
        else:
            out.append(word_nominative(word, case, gender))
    return " ".join(out)


def _country(text: str, title: str, title_start: int, candidate: _Candidate, titles: list[tuple[int, int, str]]) -> str:
    """The country the person serves: named in the title, not where the post is ("Посол Японии в КР");
    without a title country, the one country named earlier in the sentence outside others' titles."""
    if title:
        found = find_countries(title)
        kept = [
            code for code, start, _end in found if not re.search(r"(?:^|\s)(?:в|во|из)\s+(?:\w+\s+)?$", title[:start])
        ]
        if found:
            return kept[0] if kept else ""
    sentence_start = max(text.rfind(". ", 0, candidate.start), text.rfind("\n", 0, candidate.start)) + 1
    # "американская делегация … встреча с министром X": «с» starts the other party, whose country is not the subject's
    # (but "во главе с X", "вместе с X" are the subject's own side)
    other_party = list(
        re.finditer(r"(?:^|\s)(?<!главе\s)(?<!вместе\s)(?:с|со)\s", text[sentence_start : candidate.start])
    )
    if other_party:
        sentence_start += other_party[-1].end()
    before = text[sentence_start : candidate.start]
    codes = []
    for code, start, _end in find_countries(before):
        absolute = sentence_start + start
        if any(s <= absolute < e for s, e, t in titles if t):
            continue
        if re.search(r"(?:^|\s)(?:в|во|из)\s+(?:\w+\s+)?$", before[:start]):
            continue
        codes.append(code)
    return codes[0] if len(set(codes)) == 1 else ""
