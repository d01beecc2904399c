"""What every extractor returns: a value with the passage it came from and how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

EXTRACTOR_VERSION = "1.0"


@dataclass
class Evidence:
    start: int
    end: int
    passage: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "passage": self.passage}


@dataclass
class Found:
    """One extracted value (a person, a date, an agreement ...) and its evidence in the document."""

    kind: str
    value: dict[str, Any]
    evidence: Evidence
    confidence: float
    extra_evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "evidence": self.evidence.as_dict(),
            "confidence": round(self.confidence, 2),
            "also_at": [e.as_dict() for e in self.extra_evidence],
        }


# A line break always ends a passage; a full stop does unless it closes "H.E.", "г." or initials ("Ю.А.").
# A single capital before the stop is an initial ("первый заместитель министра М. Истамов"), not a sentence end.
# Nor does it after an abbreviated form of address ("talks with Mr. Sergei Lavrov").
_SENTENCE_END = re.compile(
    r"\n|(?<![A-ZА-ЯЁ]\.[A-ZА-ЯЁ])(?<!\bH\.E)(?<!\bг)(?<!\b[A-ZА-ЯЁ])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?؟](?=\s|$)"
)


# Very long "sentences" (lists, tables) are clipped around the match so the passage stays readable.
_PASSAGE_REACH = 300


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``start..end``: the passage shown to the officer as evidence.

    Only the reach around the match is scanned (the regex still sees what lies before it for its
    look-behinds): scanning from the top of the document for every value made long documents quadratic.
    """
    left = max(0, start - _PASSAGE_REACH)
    for match in _SENTENCE_END.finditer(text, left, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, end + _PASSAGE_REACH)
    right = right_match.end() if right_match else min(len(text), end + _PASSAGE_REACH)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def evidence_for(text: str, start: int, end: int) -> Evidence:
    left, right = sentence_bounds(text, start, end)
    return Evidence(start=start, end=end, passage=text[left:right].strip())


# Arabic short vowels, tanween and shadda are optional in writing ("وقّع" is "وقع"): cue patterns accept them
# after every Arabic letter, so a voweled word still matches and offsets stay those of the original text.
_HARAKAT = "[\u064b-\u0652]*"
# The same marks and the tatweel ("العُمانية", "عـمان"), for names of countries and agencies, where any of them may
# stand between two letters.
ARABIC_MARKS = "[\u064b-\u0652\u0640]"


def tolerant(pattern: str, marks: str = _HARAKAT) -> str:
    """``pattern`` with optional Arabic diacritics (``marks``) after each Arabic letter or class of Arabic letters."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[":
            end = index + 1
            while end < len(pattern) and (pattern[end] != "]" or end == index + 1 or pattern[end - 1] == "\\"):
                end += 1
            unit = pattern[index : end + 1]
            index = end + 1
            arabic = any("\u0621" <= c <= "\u064a" for c in unit)
        else:
            unit = char
            index += 1
            arabic = "\u0621" <= char <= "\u064a"
        if not arabic:
            out.append(unit)
        elif index < len(pattern) and pattern[index] in "?*+{":
            out.append(f"(?:{unit}{marks})")  # the quantifier that follows applies to letter and vowels
        else:
            out.append(unit + marks)
    return "".join(out)


# Small counts written as words, English and Russian ("three memoranda", "трёх документов", "a four-day visit");
# each reader adds the Arabic forms of its own noun.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
}  # fmt: skip


def compile_cue(pattern: str, flags: int = 0) -> re.Pattern:
    """A cue pattern of the relation extractors, compiled with Arabic vowel marks optional."""
    return re.compile(tolerant(pattern), flags)
