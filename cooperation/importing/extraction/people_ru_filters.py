"""Which Russian name candidates are people: the dictionary's and natasha's word on places and nouns.

Kept apart from ``people_ru`` (the reader of names and titles) so that each module stays short.
"""

from __future__ import annotations

import re

from cooperation.names import search_key

from .people_base import Mention, same_person
from .people_ru_forms import parses_of


def is_place(word: str) -> bool:
    parses = [p for p in parses_of(word) if p.is_known]
    return (
        bool(parses)
        and any("Geox" in p.tag.grammemes for p in parses[:2])
        and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)
    )


def arabic_name_read_as_place(span_tokens) -> bool:
    """ "с Самар аль-Ахдаль": natasha's NER takes an Arabic name for a place, but its own morphology tags every
    word animate, and a lower-case article glued to a capital ("аль-Ахдаль") is how Russian writes Arab
    family names (places capitalise it: "Эль-Аламейн")."""
    return (
        len(span_tokens) >= 2
        and all((t.feats or {}).get("Animacy") == "Anim" for t in span_tokens)
        and any(re.match(r"(?:аль|ас|ад|ат|ар|аш|аз|ан|эль|эд|эш)-[А-ЯЁ]", t.text) for t in span_tokens)
    )


def lone_word_kept(mention: Mention, mentions: list[Mention]) -> bool:
    """One word alone is a person only as a further mention of a full name ("Лавров"), or with a title before
    it ("президент Токаев") when the dictionary does not know it as a common noun or a place: otherwise it is a
    region ("Витебщина"), a city ("Цюнхай"), a rubric ("Политика") or a borrowed noun ("Вишвагуру")."""
    if len(mention.normal.split()) != 1 or mention.normal.endswith("."):
        return True
    key = search_key(mention.normal).split()
    if any(len(m.normal.split()) >= 2 and same_person(key, search_key(m.normal).split()) for m in mentions):
        return True
    if not mention.title:
        return False
    parses = parses_of(mention.name)
    known_name = any(p.is_known and {"Name", "Surn"} & p.tag.grammemes for p in parses)
    # A dictionary headword as written ("Политик") is a common noun; a known form of another word is not
    # enough ("Токаев" also parses as a genitive plural of "токай").
    headword = bool(parses) and parses[0].is_known and parses[0].normal_form == mention.name.lower()
    return known_name or not (is_place(mention.name) or headword)
