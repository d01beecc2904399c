"""A package of agreements told as a list: "agreements were signed: on A, on B and C", "three MoUs, covering A, B
and C", "the agreements were signed on Tuesday" (``agreements.py`` reads them into one candidate per document)."""

from __future__ import annotations

import re

from .agreement_mentions import _MENTION
from .base import Found

# "Several agreements were signed during the visit: on information technologies, on air services, and on schools",
# "подписаны соглашения: о A, о B и о C", "تم توقيع اتفاقيات: في مجال A، وفي مجال B": each item is one document.
_LIST_OPENS = re.compile(r"[^.:;]{0,60}?:\s*")
_ITEM_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|и\s+)?|\s+(?:and|и)\s+|،\s*و?|\s+و(?=\S))")


# "…, covering A, B and C", "in the fields of A and B": the subjects of a counted package, one per document.
_COVERING = re.compile(
    r",?\s*(?:covering|concerning|in the (?:fields?|areas?|spheres?) of|в (?:сферах|областях)|في مجالات)\s+", re.I
)
# A subject told without its preposition ("renewable energy"), not a document's own name ("a Framework Agreement …").
_BARE_SUBJECT = re.compile(r"(?!(?:on|in|for|about)\s)[a-z]", re.I)


# "The agreements were signed …": the definite plural names the documents already counted, not documents in
# general (English; Russian has no article to tell them apart).
THE_PLURAL = re.compile(r"\b(?:the|these|those|all)\s+(?:\w+\s+)?$", re.I)


def covered(text: str, mention: re.Match, count: int) -> list[str]:
    """The subjects of a counted package, one per document ("three MoUs, covering renewable energy, culture and
    trade"), when the list names exactly as many; else none."""
    listed = enumerated(text, mention.end(), opener=_COVERING)
    # an item that names a document ("a Framework Agreement on …") is left for that mention to describe
    subjects = [
        "" if _MENTION.search(words) else f"on {words}" if _BARE_SUBJECT.match(words) else words for words in listed
    ]
    return subjects if len(subjects) == count else []


def one_of_package(mention: re.Match, subject: str) -> str:
    """The title of one document of a package named by its list item: "Memorandum of Understanding on fisheries"."""
    return f"{singular(document_of(mention.group(0)))} {subject}"[:200]


def document_of(words: str) -> str:
    """ "Memoranda of Understanding" → "Memorandum of Understanding": the name of one document of the package."""
    return re.sub(r"\bMemoranda\b", "Memorandum", words, flags=re.I)


def enumerated(text: str, position: int, opener: re.Pattern | None = None) -> list[str]:
    """The documents the list after a plural names, when it names two or more."""
    opens = (opener or _LIST_OPENS).match(text, position)
    if not opens:
        return []
    listed = text[opens.end() :].rstrip(" .")
    items = [item.strip() for item in _ITEM_SEPARATOR.split(listed) if item.strip()]
    # "on A and B, on C": when each item opens with the same preposition, only that starts the next one.
    opening = re.match(r"(on|in|for|about|о|об|по|в|في|حول)\s", listed)
    if opening:
        joined: list[str] = []
        for item in items:
            if joined and not item.startswith(opening.group(0)):
                joined[-1] += f" and {item}" if listed.isascii() else f" {item}"
            else:
                joined.append(item)
        items = joined
    return items if 2 <= len(items) <= 12 else []


def same_kind_first(items: list[Found], kind: str) -> list[Found]:
    """A headline's or a package's documents, those of the mention's kind first: after "two agreements and an MoU",
    "the MoU" is the MoU, not the first agreement."""
    return sorted(items, key=lambda item: item.value["kind"] != kind)


def singular(word: str) -> str:
    """ "Agreements" → "Agreement" (English only; Russian and Arabic keep the plural the article wrote)."""
    return word[:-1] if word.isascii() and word.lower().endswith("s") else word
