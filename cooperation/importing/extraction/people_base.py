"""What the per-language people extractors share: a mention, and merging mentions of one person."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cooperation.names import search_key

from .base import Found, evidence_for


@dataclass
class Mention:
    name: str  # as written
    normal: str  # nominative / canonical form
    start: int
    end: int
    title: str = ""
    title_normal: str = ""
    organisation: str = ""
    country: str = ""
    honorific: str = ""
    confidence: float = 0.6


def organisation_in(title: str) -> str:
    match = re.search(
        r"(?:\b(?:of|at|under|for)\s+(?:the\s+)?)((?:Ministry|Academy|Analytical|Centre|Center|Committee|Agency|"
        r"Office|Council|School|Board|Government|Department|National|Astana|Presidential|Steering)\b.*)$",
        title,
    )
    if match:
        return match.group(1).strip(" ,")
    match = re.search(r"\b((?:Министерств|Минсвяз|Академи|Аналитическ|Центр|Комитет|Агентств)\w*.*)$", title)
    if match:
        return match.group(1)
    match = re.search(r"((?:مؤسسة|وزارة|اللجنة|لجنة|مجلس|أكاديمية|مكتب|هيئة)\s.*)$", title)
    return match.group(1) if match else ""


def dedupe(mentions: Iterable[Mention], text: str) -> list[Found]:
    """One result per person: mentions with the same transliteration key (or surname + initial) merge."""
    people: list[tuple[Mention, list[Mention]]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        key = search_key(mention.normal).split()
        for head, others in people:
            head_key = search_key(head.normal).split()
            if same_person(key, head_key):
                others.append(mention)
                # The fullest name and the first title found describe the person best.
                if len(mention.normal) > len(head.normal) and not re.search(r"\b\w\.", mention.normal):
                    head.normal = mention.normal
                for attr in ("title", "title_normal", "organisation", "country", "honorific"):
                    if not getattr(head, attr) and getattr(mention, attr):
                        setattr(head, attr, getattr(mention, attr))
                head.confidence = max(head.confidence, mention.confidence)
                break
        else:
            people.append((mention, []))
    results = []
    for head, others in people:
        value = {
            "name": head.name,
            "normal": head.normal,
            "forms": sorted({m.name for m in [head, *others]} | {head.normal}),
            "title": head.title,
            "title_normal": head.title_normal or head.title,
            "organisation": head.organisation,
            "country": head.country,
            "honorific": head.honorific,
        }
        evidence = evidence_for(text, head.start, head.end)
        extra = [evidence_for(text, m.start, m.end) for m in others]
        results.append(Found("person", value, evidence, head.confidence, extra))
    return results


_SON_OF = frozenset({"bin", "ibn", "bint", "binti", "ben", "بن", "بنت", "ابن"})


def same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    # "Al Gergawi" is "Mohammad bin Abdullah Al Gergawi" met again: one name's words end the other's.
    shorter, longer = sorted((a, b), key=len)
    # "Sheikh Abdullah", "Prince Faisal": Arab and Gulf usage names a person by the given name after the title.
    if len(shorter) == 1 and len(longer) >= 2 and shorter[0] == longer[0] and len(shorter[0]) > 3:
        return True
    # ... but "Hamdan bin Mohammad Bin Rashid Al Maktoum" ends with his father's name, someone else
    fathers = len(longer) > len(shorter) and longer[-len(shorter) - 1].lower() in _SON_OF
    if len(shorter) >= 2 and shorter == longer[-len(shorter) :] and not fathers:
        return True
    if len(shorter) >= 2 and shorter == longer[: len(shorter)]:
        return True  # ... or begin them: "Abdullah bin Zayed" is "Abdullah bin Zayed Al Nahyan"
    # Surnames agree (allowing a case ending), given names agree or one side is an initial.
    surname_a, surname_b = _surname(a), _surname(b)
    if not surname_a or not surname_b or not _close(surname_a, surname_b):
        return False
    given_a = [t for t in a if t != surname_a]
    given_b = [t for t in b if t != surname_b]
    if not given_a or not given_b:
        # "Salman" is not "Mohammed bin Salman": after bin/ibn/бин/بن the last word is the father's name.
        longer = a if given_a else b
        return not (len(longer) >= 2 and longer[-2] in ("bin", "ibn", "bint", "ben"))
    return given_a[0][0] == given_b[0][0]


def _surname(tokens: list[str]) -> str:
    long = [t for t in tokens if len(t) > 1]
    return long[-1] if long else ""


def _close(a: str, b: str) -> bool:
    from rapidfuzz.fuzz import ratio

    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    if min(len(a), len(b)) <= 5:  # short surnames ("oung" ~ "koung") differ by one letter and are others
        return a == b or (common >= min(len(a), len(b)) - 1 and abs(len(a) - len(b)) <= 2)
    return a == b or ratio(a, b) >= 85 or (common >= 5 and common >= min(len(a), len(b)) - 3)
