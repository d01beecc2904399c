"""Russian people: natasha finds PER spans and normalises them; surnames with initials ("Шапкиной Ю.А."),
which natasha leaves as written, are put in the nominative with pymorphy3."""

from __future__ import annotations

import re
from functools import lru_cache

from .countries import countries_in
from .people_base import Mention, organisation_in

_RU_TITLE_LEMMAS = {
    "министр", "заместитель", "посол", "председатель", "директор", "глава", "руководитель", "ректор",
    "президент", "премьер-министр", "вице-премьер", "советник", "начальник", "секретарь", "губернатор", "мэр",
    "посланник", "консул", "генеральный", "первый", "чрезвычайный", "полномочный", "помощник", "замминистра",
    "вице-министр", "представитель", "атташе", "управляющий", "эксперт", "участник",
}  # fmt: skip
_RU_HEAD_LEMMAS = {
    "министр", "заместитель", "посол", "председатель", "директор", "глава", "руководитель", "ректор",
    "президент", "премьер-министр", "вице-премьер", "советник", "начальник", "секретарь", "губернатор", "мэр",
    "посланник", "консул", "помощник", "вице-министр", "представитель", "атташе", "управляющий",
}  # fmt: skip
_RU_INITIALS = re.compile(r"(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*(?P<initials>[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)")
_RU_INITIALS_FIRST = re.compile(
    r"(?P<initials>[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)\s*(?P<surname>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)"
)


@lru_cache(maxsize=1)
def _natasha():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Doc, Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _surname_nominative(word: str) -> str:
    """ "Шапкиной" -> "Шапкина", "Залесского" -> "Залесский"; unknown words stay as written."""
    parses = [p for p in _morph().parse(word) if "Surn" in p.tag]
    if not parses:
        return word
    parse = parses[0]
    inflected = parse.inflect({"nomn"})
    if inflected is None:
        return word
    result = inflected.word
    return result[0].upper() + result[1:]


def _name_word_nominative(word: str) -> str:
    for parse in _morph().parse(word):
        grammemes = set(str(parse.tag).replace(" ", ",").split(","))
        if {"Name", "Surn", "Patr"} & grammemes and "plur" not in grammemes:
            inflected = parse.inflect({"nomn", "sing"})
            if inflected is not None:
                return inflected.word[0].upper() + inflected.word[1:]
    return word


def _title_nominative(title: str) -> str:
    """The words of a title up to its head noun, in the nominative ("заместителем Министра" -> "заместитель ...")."""
    words = title.split()
    out: list[str] = []
    head_done = False
    for word in words:
        if head_done:
            out.append(word)
            continue
        parse = _morph().parse(word)[0]
        inflected = parse.inflect({"nomn", "sing"}) if parse.tag.POS in ("NOUN", "ADJF") else None
        new = inflected.word if inflected else word
        if word[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(new)
        if parse.normal_form in _RU_HEAD_LEMMAS:
            head_done = True
    return " ".join(out)


def _ru_title_before(text: str, start: int) -> str:
    window_start = max(0, start - 160)
    window = text[window_start:start]
    # The title is in this person's own phrase: after the last sentence or clause break, and after "с"
    # ("встреча Министра ... с Послом <name>", "во главе с заместителем Министра <name>").
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"), window.rfind(","))
    with_match = list(re.finditer(r"(?<!\w)[сС]\s", window))
    if with_match:
        cut = max(cut, with_match[-1].end() - 1)
    clause = window[cut + 1 :] if cut >= 0 else window
    words = list(re.finditer(r"[\w-]+", clause))
    morph = _morph()
    first_title = None
    for index, word in enumerate(words):
        lemma = morph.parse(word.group(0))[0].normal_form
        if lemma in _RU_HEAD_LEMMAS:
            first_title = index
            break
    if first_title is None:
        return ""
    # Extend left over adjectives and "и" ("Чрезвычайным и Полномочным Послом").
    index = first_title
    while index > 0:
        previous = words[index - 1].group(0)
        if previous == "и" and index > 1 and morph.parse(words[index - 2].group(0))[0].tag.POS != "ADJF":
            break
        parse = morph.parse(previous)[0]
        if previous == "и" or parse.tag.POS == "ADJF" or parse.normal_form in _RU_TITLE_LEMMAS:
            index -= 1
        else:
            break
    title = clause[words[index].start() :].strip(" ,")
    if re.search(r"\b(?:с|и)\s*$", title):  # "встреча Министра ... с" belongs to the previous person
        return ""
    return title


def extract_russian(text: str) -> list[Mention]:
    Doc, segmenter, morph_vocab, morph_tagger, ner_tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.tag_ner(ner_tagger)
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    morph = _morph()
    for span in doc.spans:
        if span.type != "PER":
            continue
        words = span.text.split()
        # natasha sometimes tags a title phrase ("Министра с Чрезвычайным") as a person.
        if any(not w[0].isupper() for w in words) or any(
            morph.parse(w)[0].normal_form in _RU_TITLE_LEMMAS for w in words
        ):
            continue
        span.normalize(morph_vocab)
        start, end = span.start, span.stop
        span_text = span.text
        if "\n" in span_text:  # a span never crosses a line: cut it there ("А.К.\n\nВ ходе")
            span_text = span_text.split("\n")[0].rstrip()
            end = start + len(span_text)
            words = span_text.split()
        normal = span.normal if span_text == span.text and span.normal else span_text
        initials = _RU_INITIALS.fullmatch(span_text) or _RU_INITIALS_FIRST.fullmatch(span_text)
        if initials:
            normal = f"{_surname_nominative(initials.group('surname'))} {initials.group('initials').replace(' ', '')}"
        elif len(words) >= 2 and normal.split()[-1] == words[-1]:
            # natasha left an unknown name form as written ("Кирилл Залеским", "Нурланом Абдыкеримовым").
            normal = " ".join(_name_word_nominative(w) for w in normal.split())
        spans.append((start, end))
        mentions.append(_ru_mention(text, span_text, normal, start, end, confidence=0.75))
    for pattern in (_RU_INITIALS, _RU_INITIALS_FIRST):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < s_end and s_start < end for s_start, s_end in spans):
                continue
            if morph.parse(match.group("surname"))[0].tag.POS not in ("NOUN", None) and not any(
                "Surn" in p.tag for p in morph.parse(match.group("surname"))
            ):
                continue
            normal = f"{_surname_nominative(match.group('surname'))} {match.group('initials').replace(' ', '')}"
            spans.append((start, end))
            mentions.append(_ru_mention(text, match.group(0), normal, start, end, confidence=0.7))
    return mentions


def _ru_mention(text: str, name: str, normal: str, start: int, end: int, *, confidence: float) -> Mention:
    title = _ru_title_before(text, start)
    countries = countries_in(title)
    return Mention(
        name=name,
        normal=normal,
        start=start,
        end=end,
        title=title,
        title_normal=_title_nominative(title) if title else "",
        organisation=organisation_in(title),
        country=countries[0] if countries else "",
        confidence=confidence + (0.15 if title else 0.0),
    )
