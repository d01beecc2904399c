"""People with their position, organisation and country, in English, Russian or Arabic.

Each language has its own module (``people_en``, ``people_ru``, ``people_ar``); known officials' aliases catch
the rest in every language, and mentions of one person merge into one result with all its evidence.
"""

from __future__ import annotations

import itertools
import re

from .base import Found, evidence_for
from .countries import find_countries
from .people_ar import extract_arabic
from .people_base import Mention, dedupe
from .people_en import extract_english
from .people_ru import extract_russian


def extract_people(text: str, *, language: str, known_aliases: dict[str, str] | None = None) -> list[Found]:
    """People in ``text`` with title, organisation and country; ``known_aliases`` maps name forms of known
    officials to their canonical name so that a bare "Shapkina" is still found."""
    if language == "ru":
        mentions = extract_russian(text)
    elif language == "ar":
        mentions = extract_arabic(text)
    else:
        mentions = extract_english(text)
    mentions.extend(_known_mentions(text, known_aliases or {}, mentions))
    mentions = [m for m in mentions if not _agency_mark(text, m)]
    _share_a_plural_title(text, mentions)
    people = dedupe(mentions, text)
    _mentions_again(text, people)
    return people


_AND = re.compile(r"\s*(?:и|and|,)\s*", re.I)


def _share_a_plural_title(text: str, mentions: list[Mention]) -> None:
    """ "переговоры министров обороны Узбекистана и Индии Баходыра Курбанова и Раджната Сингха", "the foreign
    ministers of Armenia and Georgia, A and B": one title for two people, each of them of one of the two countries,
    in the order they are named."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for first, second in itertools.pairwise(ordered):
        if second.title or not first.title or not _AND.fullmatch(text[first.end : second.start]):
            continue
        title = first.title_normal or first.title
        countries = find_countries(title)
        if len(countries) != 2 or countries[0][0] == countries[1][0]:
            continue
        (one, one_start, one_end), (other, other_start, other_end) = countries
        if not _AND.fullmatch(title[one_end:other_start]):
            continue
        first.title = first.title_normal = title[:one_end] + title[other_end:]
        second.title = second.title_normal = title[:one_start] + title[other_start:]
        first.country, second.country = one, other
        first.confidence = second.confidence = max(first.confidence, second.confidence)


def _agency_mark(text: str, mention) -> bool:
    """ "Гавана, 14 января (Пренса Латина).", "عمّان (بترا)": the agency's name in brackets at the head of a
    paragraph, untitled, is who reports, not a person in the story."""
    if mention.title or mention.honorific:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    before, after = text[line_start : mention.start], text[mention.end : mention.end + 2]
    return before.rstrip().endswith("(") and after.lstrip()[:1] == ")" and len(before) <= 60


def _mentions_again(text: str, people: list[Found]) -> None:
    """A person the rules found once is the same person wherever the same full name is written again
    ("…عن الجانب الأردني سامح الناصر"), so relations see every mention, not only the anchored one."""
    taken = [(e.start, e.end) for p in people for e in [p.evidence, *p.extra_evidence]]
    for person in people:
        # longest form first, and always in the same order: the fullest match takes the span, run after run
        for form in sorted({f for f in person.value["forms"] if len(f.split()) >= 2}, key=lambda f: (-len(f), f)):
            for match in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", text):
                start, end = match.span()
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                taken.append((start, end))
                person.extra_evidence.append(evidence_for(text, start, end))


def _known_mentions(text: str, aliases: dict[str, str], found: list[Mention]) -> list[Mention]:
    extra: list[Mention] = []
    for alias in aliases:
        if len(alias) < 4:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", text):
            start, end = match.span()
            if any(start < m.end and m.start < end for m in [*found, *extra]):
                continue
            # Kept as written, so it merges with a titled mention of the same person in this script.
            extra.append(Mention(name=alias, normal=alias, start=start, end=end, confidence=0.7))
    return extra
