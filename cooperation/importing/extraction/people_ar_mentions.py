"""What an Arabic mention found by ``people_ar`` is cut to before it is a person: a country's name is nobody's, a
ruler's title is not a word of his name, and a dual title names two people."""

from __future__ import annotations

import dataclasses
import re

from .countries import find_countries
from .people_ar_words import _countries, _fold, _folded
from .people_base import Mention


def finish_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    # "… والكاميرون وبوركينا فاسو": a country's name of two words in a list is nobody's name.
    mentions = [m for m in mentions if not _whole_country(m.name)]
    for mention in mentions:
        _drop_ruler_of(text, mention)
    return [part for mention in mentions for part in _two_after_a_dual(mention)]


_RULERS = _folded("سلطان أمير ملك")


_FAMILY_AFTER = re.compile(r" آل [\u0621-\u064a]{3,}")


def _ruler_country(word: str) -> list[str]:
    """The country of "سلطان عمان": after a ruler's title «عمان» is Oman (alone it is also Jordan's capital)."""
    word = word.strip("،,.؛:")
    return ["OM"] if _fold(word) in ("عمان", "عُمان") else _countries(word)


def _drop_ruler_of(text: str, mention: Mention) -> None:
    """ "السلطان هيثم بن طارق سلطان عُمان", "سلطان عمان هيثم بن طارق": «سلطان» with a country is the ruler's title
    after or before the name, not a word of it (it is a given name too: "سلطان بن محمد")."""
    words = mention.name.split()
    if len(words) >= 4 and _fold(words[0]) in _RULERS and (hits := _ruler_country(words[1])):
        cut = len(" ".join(words[:2])) + 1
        mention.name = mention.name[cut:]
        mention.normal = mention.normal.split(" ", 2)[2] if len(mention.normal.split()) > 2 else mention.normal
        mention.start += cut
        mention.title = mention.title or " ".join(words[:2])
        mention.country = mention.country or hits[0]
        # the title took the words the name's length allows: its family ("آل سعيد") is read again
        family = _FAMILY_AFTER.match(text, mention.end)
        if family:
            mention.name += family.group(0)
            mention.normal += family.group(0)
            mention.end = family.end()
        return
    if len(words) < 3 or _fold(words[-1]) not in _RULERS:
        return
    after = text[mention.end : mention.end + 30].split()
    country_word = after[0].strip("،,.؛:") if after else ""
    hits = _ruler_country(country_word) if country_word else []
    if not hits:
        return
    cut = len(mention.name) - len(mention.name.rsplit(" ", 1)[0])
    mention.name = mention.name[:-cut].rstrip()
    mention.normal = mention.normal[: len(mention.normal) - cut].rstrip()
    mention.end -= cut
    mention.title = mention.title or f"{words[-1]} {country_word}"
    mention.country = mention.country or hits[0]


_DUAL_TITLES = _folded("عضوا عضوي")


def _two_after_a_dual(mention: Mention) -> list[Mention]:
    """ "عضوا مجلس النواب جايسون سميث وجيمي بانيتا": a dual title names two people, joined by و."""
    words = mention.name.split()
    if not mention.title or _fold(mention.title.split()[0]) not in _DUAL_TITLES or len(words) < 4:
        return [mention]
    cut = next((i for i, w in enumerate(words[2:], 2) if w.startswith("و") and len(w) > 3), None)
    if cut is None or len(words) - cut < 2:
        return [mention]
    first, second = " ".join(words[:cut]), " ".join([words[cut][1:], *words[cut + 1 :]])
    offset = mention.name.index(" " + words[cut]) + 2  # past the space and the و
    return [
        dataclasses.replace(mention, name=first, normal=first, end=mention.start + len(first)),
        dataclasses.replace(mention, name=second, normal=second, start=mention.start + offset),
    ]


def _whole_country(name: str) -> bool:
    bare = name[1:] if name.startswith("و") else name
    found = find_countries(bare) or find_countries(name)
    return bool(found) and found[0][1] == 0 and found[0][2] >= len(bare) - 1
